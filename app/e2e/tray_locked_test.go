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

// TestLockedTraySendsTheMorningSlip starts Both/And minimized, as at
// login, on an encrypted journal whose window left the tray its copies of
// the slip and the morning time (the person allowed it) and whose morning
// time has passed: the tray program sends the slip once, without the
// key, and a restart the same day sends nothing more.
func TestLockedTraySendsTheMorningSlip(t *testing.T) {
	addr := startSessionBus(t)
	host := startTrayHost(t, addr)
	fake := serveNotifications(t, addr)
	bin := buildBinary(t)

	const slip = "Rest is part of the work."
	db := filepath.Join(t.TempDir(), "journal.db")
	s, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	pass := filepath.Join(t.TempDir(), "passphrase")
	writeFile(t, pass, "blue kettle at dawn\n")
	if out, err := exec.Command(bin, "--db", db, "encrypt", "--new-passphrase-file", pass).CombinedOutput(); err != nil {
		t.Fatalf("encrypt: %v\n%s", err, out)
	}
	// What the window writes while unlocked (app tests check that it does).
	if err := vault.ShowSlipWhileLocked(db, slip); err != nil {
		t.Fatal(err)
	}
	every := [7]bool{true, true, true, true, true, true, true}
	if err := vault.ShowMorningWhileLocked(db, vault.Morning{On: true, Minutes: 0, Days: every}); err != nil {
		t.Fatal(err)
	}

	d := startXvfb(t)
	home := homeWithWelcomeDone(t)
	env := []string{"DBUS_SESSION_BUS_ADDRESS=" + addr}
	a := startApp(t, d, home, env, "--db", db, "--minimized")
	host.waitItems(t, 1, 60*time.Second)
	select {
	case <-fake.got:
	case <-time.After(60 * time.Second):
		t.Fatalf("no notification within 60 s; output:\n%s", a.output())
	}
	time.Sleep(time.Second) // room for a duplicate to show up, if there were one
	a.stop(t)
	if day, _ := vault.MorningSent(db); day != data.Day(time.Now()) {
		t.Errorf("the tray recorded %q as the last morning sent", day)
	}

	a = startApp(t, d, home, env, "--db", db, "--minimized")
	host.waitItems(t, 1, 60*time.Second)
	time.Sleep(3 * time.Second) // past the tray's first check, at its start
	if wins := d.visibleWindows(t, "Both/And"); len(wins) != 0 {
		t.Errorf("a window opened: %v", wins)
	}
	a.stop(t)

	fake.mu.Lock()
	defer fake.mu.Unlock()
	if len(fake.calls) != 1 || !strings.Contains(fake.calls[0], slip) {
		t.Errorf("notifications %q, want the slip once", fake.calls)
	}
}
