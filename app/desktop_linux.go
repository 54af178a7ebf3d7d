//go:build linux

package app

import "github.com/bothand/bothand/app/desktop"

// probeDesktop asks the session bus whether a StatusNotifier watcher (the
// tray) and a notification service are there (app/desktop).
func probeDesktop() desktopSupport {
	s := desktop.Probe()
	return desktopSupport{Tray: s.Tray, Notifications: s.Notifications}
}

// desktopNotify asks the desktop's notification service to show a
// notification. Fyne's own call only logs a failure; this one returns it,
// so the window can say that reminders can't pop up.
func (u *UI) desktopNotify(title, body string) error {
	return desktop.Notify(title, body, ID)
}
