//go:build !linux

package app

// probeDesktop: Windows and macOS always have a tray and notifications.
func probeDesktop() desktopSupport {
	return desktopSupport{Tray: true, Notifications: true}
}
