//go:build !linux

package app

import "fyne.io/fyne/v2"

// probeDesktop: Windows and macOS always have a tray and notifications.
func probeDesktop() desktopSupport {
	return desktopSupport{Tray: true, Notifications: true}
}

// desktopNotify shows a notification through Fyne, which reports no
// failure on these systems.
func (u *UI) desktopNotify(title, body string) error {
	u.app.SendNotification(fyne.NewNotification(title, body))
	return nil
}
