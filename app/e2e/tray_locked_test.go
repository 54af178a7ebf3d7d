package e2e

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/vault"
)

// TestTrayOnALockedJournal: under a desktop with a tray, an encrypted
// journal's tray runs without the key. Once the window has been unlocked,
// the tray's menu starts with the pinned slip (the person allowed it, by
// default), its "I read it today" waits for the window, and its Lock now
// locks the window. Quick entry from the tray while locked goes into the
// journal's inbox.
func TestTrayOnALockedJournal(t *testing.T) {
	bin := buildBinary(t)
	db := demoJournal(t, bin, 200)
	s, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	slip, _, err := s.PinnedSlip()
	s.Close()
	if err != nil || slip.Text == "" {
		t.Fatalf("the demo journal has no pinned slip: %v", err)
	}
	pass := filepath.Join(t.TempDir(), "passphrase")
	writeFile(t, pass, "blue kettle at dawn\n")
	if out, err := exec.Command(bin, "--db", db, "encrypt", "--new-passphrase-file", pass).CombinedOutput(); err != nil {
		t.Fatalf("encrypt: %v\n%s", err, out)
	}

	addr := startSessionBus(t)
	host := startTrayHost(t, addr)
	d := startXvfb(t)
	a := startApp(t, d, homeWithWelcomeDone(t), []string{"DBUS_SESSION_BUS_ADDRESS=" + addr}, "--db", db)
	ss := newSession(t, d, a)
	ss.waitFor(0, "the unlock form", func(e event) bool { return e.msg == "window locked" }, 20*time.Second)
	from := ss.mark()
	ss.typ("blue kettle at dawn")
	ss.key("Return")
	ss.waitFor(from, "the journal", func(e event) bool { return e.msg == "window unlocked" }, 20*time.Second)

	item := host.waitItems(t, 1, 10*time.Second)[0]
	var menu []menuEntry
	deadline := time.Now().Add(10 * time.Second)
	for {
		menu, err = host.menu(item)
		if err == nil && len(menu) > 0 && strings.HasPrefix(menu[0].label, "“"+slip.Text[:min(20, len(slip.Text))]) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the tray menu %v does not start with the slip %q (%v)", menu, slip.Text, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	labels := make([]string, len(menu))
	for i, e := range menu {
		labels[i] = e.String()
	}
	want := "I read it today|—|New journal entry|Quick entry…|Self-compassion break|Urgent client request…|—|Lock now|Show Both/And|Quit"
	if strings.Join(labels[1:], "|") != want {
		t.Errorf("tray menu %q, want the slip then %q", labels, want)
	}
	if menu[1].enabled {
		t.Error("\"I read it today\" can be chosen while the tray can't record it")
	}

	from = ss.mark()
	if err := host.click(item, entryID(t, menu, "Lock now")); err != nil {
		t.Fatal(err)
	}
	ss.waitFor(from, "the lock from the tray", func(e event) bool { return e.msg == "window locked" }, 10*time.Second)

	if err := host.click(item, entryID(t, menu, "Quick entry…")); err != nil {
		t.Fatal(err)
	}
	quick := d.waitWindow(t, "Quick entry", 20*time.Second, a.exited)
	d.run(t, "xdotool", "windowfocus", "--sync", quick)
	time.Sleep(500 * time.Millisecond)
	ss.typ("Written from the tray while locked")
	ss.key("Return")
	deadline = time.Now().Add(10 * time.Second)
	for n, _ := vault.Pending(db); n != 1; n, _ = vault.Pending(db) {
		if time.Now().After(deadline) {
			t.Fatalf("%d entries in the inbox after the quick entry; output:\n%s", n, tail(a.output(), 30))
		}
		time.Sleep(100 * time.Millisecond)
	}
	a.stop(t)
}
