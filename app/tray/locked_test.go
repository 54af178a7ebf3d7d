package tray

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/bothand/bothand/app/instance"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/keys"
	"github.com/bothand/bothand/data/vault"
)

// TestTrayOnAnEncryptedJournal: the tray opens an encrypted journal
// without its key, shows the slip the person allowed to show while
// locked, leaves the reading, the reminders and the backup to the window,
// and passes Lock now on to the window.
func TestTrayOnAnEncryptedJournal(t *testing.T) {
	cost := keys.Cost
	keys.Cost = keys.Argon2{Name: "argon2id", Time: 1, MemoryKiB: 256, Threads: 1}
	t.Cleanup(func() { keys.Cost = cost })
	t.Setenv("XDG_RUNTIME_DIR", filepath.Join(t.TempDir(), "run"))
	dir := t.TempDir()
	path := filepath.Join(dir, "journal.db")
	if _, err := vault.Encrypt(context.Background(), path, []byte("blue kettle at dawn"), vault.Options{}); err != nil {
		t.Fatal(err)
	}
	j, err := openJournal(Config{DBPath: path})
	if err != nil {
		t.Fatal(err)
	}
	if !locked(j) {
		t.Fatalf("an encrypted journal opened as %T", j)
	}
	claim, err := instance.ClaimJournal(path)
	if err != nil {
		t.Fatal(err)
	}
	log := filepath.Join(dir, "window.log")
	w := &window{start: func(first string) (*exec.Cmd, error) {
		cmd := exec.Command(os.Args[0])
		cmd.Env = append(os.Environ(), WindowEnv+"="+first, "FAKE_WINDOW_LOG="+log, "FAKE_WINDOW_DB="+path)
		return cmd, cmd.Start()
	}}
	tr := newTray(Config{DBPath: path}, claim, j, w)
	tr.notify = func(title, body string) error { t.Errorf("a notification while locked: %s", title); return nil }
	tr.start()
	t.Cleanup(func() {
		tr.window.quit()
		tr.exit()
	})

	if tr.shown().text != "" || !tr.shown().locked {
		t.Errorf("before any copy: %+v", tr.state)
	}
	if err := vault.ShowSlipWhileLocked(path, "I can rest too."); err != nil {
		t.Fatal(err)
	}
	tr.request(instance.SlipChanged)
	if tr.shown().text != "I can rest too." {
		t.Errorf("the tray shows %q", tr.shown().text)
	}
	tr.tick()
	tr.backup()
	if backups, _ := data.ListBackups(path); len(backups) != 0 {
		t.Errorf("the tray made %d backups of the locked journal", len(backups))
	}

	tr.window.ask(instance.Show)
	f := &fixture{log: log}
	f.windowLog(t, "first "+instance.Show)
	for attached, deadline := false, time.Now().Add(10*time.Second); !attached && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		tr.window.mu.Lock()
		attached = tr.window.conn != nil
		tr.window.mu.Unlock()
	}
	tr.window.tell(instance.Lock)
	f.windowLog(t, instance.Lock)
}

// lockedTray starts a tray as at login on the encrypted journal at path,
// whose clock says clock(), and records what it sends.
func lockedTray(t *testing.T, path string, clock func() time.Time) (*Tray, func(int, time.Duration) []string) {
	t.Helper()
	j, err := openJournal(Config{DBPath: path})
	if err != nil {
		t.Fatal(err)
	}
	lj, ok := j.(lockedJournal)
	if !ok {
		t.Fatalf("an encrypted journal opened as %T", j)
	}
	lj.now = clock
	claim, err := instance.ClaimJournal(path)
	if err != nil {
		t.Fatal(err)
	}
	tr := newTray(Config{DBPath: path, Minimized: true}, claim, lj, &window{start: func(string) (*exec.Cmd, error) {
		t.Error("the tray started the window")
		return nil, os.ErrInvalid
	}})
	var mu sync.Mutex
	var sent []string
	tr.notify = func(title, body string) error {
		mu.Lock()
		defer mu.Unlock()
		sent = append(sent, title+": "+body)
		return nil
	}
	tr.start()         // its first tick runs at once, as after a restart
	t.Cleanup(tr.exit) // a second exit is harmless
	// The notifications sent, once n were or wait passed: the tray's own
	// ticker sends beside the test's ticks.
	return tr, func(n int, wait time.Duration) []string {
		deadline := time.Now().Add(wait)
		for {
			mu.Lock()
			got := slices.Clone(sent)
			mu.Unlock()
			if len(got) >= n || time.Now().After(deadline) {
				return got
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
}

// TestTheLockedTraySendsTheMorningSlip: with the copies the window keeps
// while the person allows it, the tray of a locked journal sends the
// morning slip once its time has come, once a day however often it
// restarts, not when the window sent it first, and not at all once the
// person turned it off.
func TestTheLockedTraySendsTheMorningSlip(t *testing.T) {
	cost := keys.Cost
	keys.Cost = keys.Argon2{Name: "argon2id", Time: 1, MemoryKiB: 256, Threads: 1}
	t.Cleanup(func() { keys.Cost = cost })
	t.Setenv("XDG_RUNTIME_DIR", filepath.Join(t.TempDir(), "run"))
	path := filepath.Join(t.TempDir(), "journal.db")
	if _, err := vault.Encrypt(context.Background(), path, []byte("blue kettle at dawn"), vault.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := vault.ShowSlipWhileLocked(path, "I can rest too."); err != nil {
		t.Fatal(err)
	}
	every := [7]bool{true, true, true, true, true, true, true}
	if err := vault.ShowMorningWhileLocked(path, vault.Morning{On: true, Minutes: 8 * 60, Days: every}); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	now := time.Date(2026, 12, 7, 7, 59, 0, 0, time.Local)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	set := func(t time.Time) { mu.Lock(); defer mu.Unlock(); now = t }

	tr, sent := lockedTray(t, path, clock)
	tr.tick()
	if got := sent(1, 300*time.Millisecond); len(got) != 0 {
		t.Errorf("before the morning time: %q", got)
	}
	set(time.Date(2026, 12, 7, 9, 15, 0, 0, time.Local))
	tr.tick()
	tr.tick()
	if got := sent(2, time.Second); len(got) != 1 || got[0] != "Your permission slip: I can rest too." {
		t.Errorf("after the morning time: %q", got)
	}
	tr.exit()

	// A restart the same day sends nothing; the next morning, one.
	tr, sent = lockedTray(t, path, clock)
	tr.tick()
	if got := sent(1, 300*time.Millisecond); len(got) != 0 {
		t.Errorf("after a restart the same day: %q", got)
	}
	set(time.Date(2026, 12, 8, 8, 0, 0, 0, time.Local))
	tr.tick()
	if got := sent(1, 5*time.Second); len(got) != 1 {
		t.Errorf("the next morning: %q", got)
	}

	// The window, unlocked, sent the next one first: the tray does not.
	if first, err := vault.ClaimMorning(path, "2026-12-09"); !first || err != nil {
		t.Fatalf("the window's claim: %v, %v", first, err)
	}
	set(time.Date(2026, 12, 9, 8, 30, 0, 0, time.Local))
	tr.tick()
	if got := sent(2, 300*time.Millisecond); len(got) != 1 {
		t.Errorf("after the window sent it: %q", got)
	}

	// Turned off in the window's reminders: the copy says so.
	if err := vault.ShowMorningWhileLocked(path, vault.Morning{On: false, Minutes: 8 * 60, Days: every}); err != nil {
		t.Fatal(err)
	}
	set(time.Date(2026, 12, 10, 8, 30, 0, 0, time.Local))
	tr.tick()
	if got := sent(2, 300*time.Millisecond); len(got) != 1 {
		t.Errorf("with the morning slip off: %q", got)
	}

	// Not allowed while locked (Preferences ▸ Privacy): the copies go.
	vault.ShowMorningWhileLocked(path, vault.Morning{On: true, Minutes: 8 * 60, Days: every})
	vault.HideSlipWhileLocked(path)
	vault.HideMorningWhileLocked(path)
	tr.tick()
	if got := sent(2, 300*time.Millisecond); len(got) != 1 {
		t.Errorf("with the preference off: %q", got)
	}
	if day, _ := vault.MorningSent(path); day != "2026-12-09" {
		t.Errorf("the last day sent is %q", day)
	}
}

// TestTheTrayLetsTheWindowReplaceTheJournal: the tray holds the journal
// only while it uses it, so the window can turn encryption on (which puts
// a new file in the journal's place) while the tray runs, and the tray
// then answers for the encrypted journal.
func TestTheTrayLetsTheWindowReplaceTheJournal(t *testing.T) {
	cost := keys.Cost
	keys.Cost = keys.Argon2{Name: "argon2id", Time: 1, MemoryKiB: 256, Threads: 1}
	t.Cleanup(func() { keys.Cost = cost })
	t.Setenv("XDG_RUNTIME_DIR", filepath.Join(t.TempDir(), "run"))
	path := filepath.Join(t.TempDir(), "journal.db")
	s, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddSlip("Both can be true.", true); err != nil {
		t.Fatal(err)
	}
	s.Close()

	j, err := openShortly(Config{DBPath: path})
	if err != nil {
		t.Fatal(err)
	}
	claim, err := instance.ClaimJournal(path)
	if err != nil {
		t.Fatal(err)
	}
	tr := newTray(Config{DBPath: path, Minimized: true}, claim, j, &window{start: func(string) (*exec.Cmd, error) {
		return nil, os.ErrInvalid
	}})
	tr.notify = func(string, string) error { return nil }
	tr.start()
	t.Cleanup(func() { tr.exit() })
	tr.refreshSlip()
	if st := tr.shown(); st.text != "Both can be true." || st.locked {
		t.Fatalf("the plain journal's slip: %+v", st)
	}

	start := time.Now()
	if _, err := vault.Encrypt(context.Background(), path, []byte("blue kettle at dawn"), vault.Options{}); err != nil {
		t.Fatalf("encryption with the tray running: %v", err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("the encryption waited %v for the tray to let go", took)
	}
	tr.refreshSlip()
	if st := tr.shown(); !st.locked {
		t.Errorf("after encryption the tray still answers for a plain journal: %+v", st)
	}
}
