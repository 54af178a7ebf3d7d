package tray

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
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
