//go:build !windows && !darwin

package desktop

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/godbus/dbus/v5"
)

const (
	watcherName       = "org.kde.StatusNotifierWatcher"
	notificationsName = "org.freedesktop.Notifications"
)

// Probe asks the session bus whether a StatusNotifier watcher (the tray)
// and a notification service are there. Without a configured session bus
// it answers no rather than letting D-Bus auto-launch one (which on a
// desktop with portals mounts a FUSE folder nobody asked for).
func Probe() Support {
	if !sessionBusConfigured() {
		return Support{}
	}
	conn, err := dbus.SessionBus() // shared with systray and Fyne: never closed here
	if err != nil {
		return Support{}
	}
	bus := conn.BusObject()
	has := func(name string) bool {
		var ok bool
		return bus.Call("org.freedesktop.DBus.NameHasOwner", 0, name).Store(&ok) == nil && ok
	}
	var activatable []string
	_ = bus.Call("org.freedesktop.DBus.ListActivatableNames", 0).Store(&activatable)
	return Support{
		Tray:          has(watcherName),
		Notifications: has(notificationsName) || slices.Contains(activatable, notificationsName),
	}
}

// Notify asks the session's notification service to show title and body.
// The error says why it could not: the caller logs it.
func Notify(title, body, icon string) error {
	if !sessionBusConfigured() {
		return errors.New("this desktop session has no message bus")
	}
	conn, err := dbus.SessionBus()
	if err != nil {
		return err
	}
	call := conn.Object(notificationsName, "/org/freedesktop/Notifications").Call(
		notificationsName+".Notify", 0, AppName, uint32(0), icon, title, body,
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

// HasSessionBus says whether this session has a message bus to ask (the
// appearance's portal too), without letting D-Bus auto-launch one.
func HasSessionBus() bool { return sessionBusConfigured() }
