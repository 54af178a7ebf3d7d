//go:build linux

package app

import (
	"errors"
	"fmt"
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

// desktopNotify asks the desktop's notification service to show a
// notification. Fyne's own call only logs a failure; this one returns it,
// so the window can say that reminders can't pop up.
func (u *UI) desktopNotify(title, body string) error {
	if !sessionBusConfigured() {
		return errors.New("this desktop session has no message bus")
	}
	conn, err := dbus.SessionBus() // shared with Fyne: never closed here
	if err != nil {
		return err
	}
	call := conn.Object("org.freedesktop.Notifications", "/org/freedesktop/Notifications").Call(
		"org.freedesktop.Notifications.Notify", 0, "Both/And", uint32(0), ID, title, body,
		[]string{}, map[string]dbus.Variant{}, int32(-1))
	if call.Err != nil {
		return fmt.Errorf("no notification service answered (%w)", call.Err)
	}
	return nil
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
