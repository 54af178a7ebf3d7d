//go:build linux

package app

import "github.com/bothand/bothand/app/desktop"

// probeDesktop asks the session bus whether a StatusNotifier watcher (the
// tray) and a notification service are there (app/desktop).
func probeDesktop() desktopSupport {
	s := desktop.Probe()
	return desktopSupport{Tray: s.Tray, Notifications: s.Notifications}
}
