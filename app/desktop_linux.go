//go:build linux

package app

import (
	"os"
	"path/filepath"
	"slices"

	"github.com/godbus/dbus/v5"
)

// probeDesktop asks the session bus whether a StatusNotifier watcher (the
// tray) and a notification service are there. Without a session bus it
// answers no rather than letting D-Bus auto-launch one.
func probeDesktop() desktopSupport {
	if !sessionBusConfigured() {
		return desktopSupport{}
	}
	conn, err := dbus.SessionBus() // shared with Fyne: never closed here
	if err != nil {
		return desktopSupport{}
	}
	bus := conn.BusObject()
	has := func(name string) bool {
		var ok bool
		return bus.Call("org.freedesktop.DBus.NameHasOwner", 0, name).Store(&ok) == nil && ok
	}
	var activatable []string
	_ = bus.Call("org.freedesktop.DBus.ListActivatableNames", 0).Store(&activatable)
	const notifications = "org.freedesktop.Notifications"
	return desktopSupport{
		Tray:          has("org.kde.StatusNotifierWatcher"),
		Notifications: has(notifications) || slices.Contains(activatable, notifications),
	}
}

func sessionBusConfigured() bool {
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") != "" {
		return true
	}
	if dir := os.Getenv("XDG_RUNTIME_DIR"); dir != "" {
		if _, err := os.Stat(filepath.Join(dir, "bus")); err == nil {
			return true
		}
	}
	return false
}
