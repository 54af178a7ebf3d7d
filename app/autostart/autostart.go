// Package autostart installs and removes the entry that starts Both/And
// when the person logs in: an XDG autostart .desktop file on Linux and the
// BSDs, a LaunchAgent on macOS, the per-user Run key on Windows. Small
// per-OS code was preferred to a library: the well-known Go packages for
// this are unmaintained, and each platform's mechanism is a single file or
// registry value.
package autostart

// Entry describes what to start.
type Entry struct {
	// ID names the entry (the app ID, e.g. "app.bothand.BothAnd").
	ID string
	// Name is what the desktop shows.
	Name string
	// Exec is the absolute path of the program; Args follow it.
	Exec string
	Args []string
}
