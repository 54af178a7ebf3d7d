package e2e

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/prop"
)

// trayHost stands in for a desktop's system tray on a private session bus:
// a StatusNotifierWatcher that takes the items apps register and reads
// their menus over com.canonical.dbusmenu, as a panel would. Debian has no
// small headless tray host, and this one lets the test read the menu.
type trayHost struct {
	conn  *dbus.Conn
	mu    sync.Mutex
	items []trayItem
}

// trayItem is one registered StatusNotifierItem: the bus name of its
// owner and its object path.
type trayItem struct {
	sender string
	path   dbus.ObjectPath
}

// startTrayHost owns org.kde.StatusNotifierWatcher on the bus at addr.
func startTrayHost(t testing.TB, addr string) *trayHost {
	t.Helper()
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	h := &trayHost{conn: conn}
	const path = "/StatusNotifierWatcher"
	const iface = "org.kde.StatusNotifierWatcher"
	if err := conn.Export(h, path, iface); err != nil {
		t.Fatal(err)
	}
	props := map[string]map[string]*prop.Prop{iface: {
		"RegisteredStatusNotifierItems":  {Value: []string{}, Emit: prop.EmitTrue},
		"IsStatusNotifierHostRegistered": {Value: true, Emit: prop.EmitTrue},
		"ProtocolVersion":                {Value: int32(0), Emit: prop.EmitTrue},
	}}
	if _, err := prop.Export(conn, path, props); err != nil {
		t.Fatal(err)
	}
	if reply, err := conn.RequestName(iface, dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("could not own the watcher name: %v %v", reply, err)
	}
	return h
}

// RegisterStatusNotifierItem implements the watcher method apps call.
func (h *trayHost) RegisterStatusNotifierItem(sender dbus.Sender, service string) *dbus.Error {
	h.mu.Lock()
	defer h.mu.Unlock()
	path := dbus.ObjectPath("/StatusNotifierItem")
	if len(service) > 0 && service[0] == '/' {
		path = dbus.ObjectPath(service)
	}
	h.items = append(h.items, trayItem{sender: string(sender), path: path})
	return nil
}

// RegisterStatusNotifierHost implements the watcher method hosts call.
func (h *trayHost) RegisterStatusNotifierHost(string) *dbus.Error { return nil }

// live is the registered items whose owner is still on the bus.
func (h *trayHost) live() []trayItem {
	h.mu.Lock()
	items := append([]trayItem(nil), h.items...)
	h.mu.Unlock()
	var out []trayItem
	for _, it := range items {
		var has bool
		if h.conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, it.sender).Store(&has) == nil && has {
			out = append(out, it)
		}
	}
	return out
}

// waitItems waits until n live items are registered and returns them.
func (h *trayHost) waitItems(t testing.TB, n int, timeout time.Duration) []trayItem {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		items := h.live()
		if len(items) == n {
			return items
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d tray items registered, want %d", len(items), n)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// menuEntry is one item of a tray menu as the host would draw it.
type menuEntry struct {
	id        int32
	label     string
	separator bool
	enabled   bool
	checked   bool
}

func (e menuEntry) String() string {
	if e.separator {
		return "—"
	}
	return e.label
}

// menu reads the item's menu over com.canonical.dbusmenu.
func (h *trayHost) menu(it trayItem) ([]menuEntry, error) {
	var menuPath dbus.ObjectPath
	obj := h.conn.Object(it.sender, it.path)
	v, err := obj.GetProperty("org.kde.StatusNotifierItem.Menu")
	if err != nil {
		return nil, fmt.Errorf("menu path: %w", err)
	}
	if err := v.Store(&menuPath); err != nil {
		return nil, err
	}
	var revision uint32
	var layout []any
	call := h.conn.Object(it.sender, menuPath).Call("com.canonical.dbusmenu.GetLayout", 0, int32(0), int32(-1), []string{})
	if err := call.Store(&revision, &layout); err != nil {
		return nil, fmt.Errorf("GetLayout: %w", err)
	}
	if len(layout) != 3 {
		return nil, fmt.Errorf("layout %v", layout)
	}
	children, _ := layout[2].([]dbus.Variant)
	var out []menuEntry
	for _, c := range children {
		fields, ok := c.Value().([]any)
		if !ok || len(fields) < 2 {
			continue
		}
		id, _ := fields[0].(int32)
		props, _ := fields[1].(map[string]dbus.Variant)
		e := menuEntry{id: id, enabled: true}
		if l, ok := props["label"]; ok {
			e.label, _ = l.Value().(string)
		}
		if ty, ok := props["type"]; ok && ty.Value() == "separator" {
			e.separator = true
		}
		if en, ok := props["enabled"]; ok {
			e.enabled, _ = en.Value().(bool)
		}
		if vis, ok := props["visible"]; ok && vis.Value() == false {
			continue
		}
		if st, ok := props["toggle-state"]; ok {
			s, _ := st.Value().(int32)
			e.checked = s == 1
		}
		out = append(out, e)
	}
	return out, nil
}

// click chooses a menu item, as a host does when the person clicks it.
func (h *trayHost) click(it trayItem, id int32) error {
	var menuPath dbus.ObjectPath
	v, err := h.conn.Object(it.sender, it.path).GetProperty("org.kde.StatusNotifierItem.Menu")
	if err != nil {
		return err
	}
	if err := v.Store(&menuPath); err != nil {
		return err
	}
	return h.conn.Object(it.sender, menuPath).Call("com.canonical.dbusmenu.Event", 0,
		id, "clicked", dbus.MakeVariant(""), uint32(time.Now().Unix())).Err
}

// activate is a left click on the icon itself.
func (h *trayHost) activate(it trayItem) error {
	return h.conn.Object(it.sender, it.path).Call("org.kde.StatusNotifierItem.Activate", 0, int32(0), int32(0)).Err
}
