package e2e

import (
	"context"
	"database/sql"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
)

// TestCancelARestoreInTheWindow restores a backup through the File menu
// and the Backups panel with the mouse, then stops it from the keyboard:
// the progress dialog's Cancel has the focus, so Space stops the restore.
// The journal stays as it was and no copy of it is kept, since nothing
// was replaced.
func TestCancelARestoreInTheWindow(t *testing.T) {
	d := startXvfb(t)
	db := filepath.Join(t.TempDir(), "journal.db")
	s, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddSlip("In the backup.", true); err != nil {
		t.Fatal(err)
	}
	// A million delivered reminders, so the restore (which
	// checks the backup and copies the journal, indexes and all) takes
	// long enough to be stopped on any machine.
	err = s.WriteSQL(context.Background(), func(tx *sql.Tx) error {
		_, err := tx.Exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
			INSERT INTO notices (uuid, kind, ref, due_at, sent_at, created_at, updated_at)
			SELECT printf('0193aaaa-0000-7000-8000-%012d', i), 'reminder', 'commitment-' || i, 0, 0, 0, 0 FROM n`)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Backup(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddSlip("Written after the backup.", true); err != nil {
		t.Fatal(err)
	}
	s.Close()

	a := startApp(t, d, homeWithWelcomeDone(t), nil, "--db", db)
	ui := newSession(t, d, a)
	// The daily backup of the journal, made as it opens: wait for it, so
	// the restore below does not run beside it.
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if list, _ := data.ListBackups(db); len(list) >= 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no daily backup after 60 s; output:\n%s", a.output())
		}
	}
	ui.fromMenuBar("File/Backups…")
	ui.settle()
	// The newest backup's Restore…, then Restore in the confirmation, by
	// the mouse (found where the keyboard's focus says they are).
	shown := func(kind string) func(event) bool {
		return func(e event) bool { return e.msg == "dialog shown" && e.attr["kind"] == kind }
	}
	ui.clickFor(ui.tabTo("button", "Restore…", false), "the confirmation", shown("restore"))
	ui.clickFor(ui.tabTo("button", "Restore", false), "the progress", shown("progress"))
	ui.opens("stopped", "space") // Cancel, which has the focus
	// Ending waits for work under way, such as the daily backup of this
	// large journal on a busy machine (it took over 15 s beside the other
	// real-window tests on a fresh CI machine).
	stopping := time.Now()
	a.signal(t, syscall.SIGTERM)
	if code := a.wait(t, 90*time.Second); code != 0 {
		t.Fatalf("exit code %d after SIGTERM; output:\n%s", code, a.output())
	}
	t.Logf("the app ended %v after SIGTERM", time.Since(stopping).Round(time.Millisecond))

	list, err := data.ListBackups(db)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, b := range list {
		kinds = append(kinds, string(b.Kind))
		if b.Kind == data.BackupBeforeRestore {
			t.Errorf("the restore went ahead: the journal was kept as %s\napp output:\n%s", b.Path, a.output())
		}
	}
	if len(list) != 2 {
		t.Errorf("backups %v, want the daily one and the one made before", kinds)
	}
	if names, _ := filepath.Glob(filepath.Join(filepath.Dir(db), ".journal-restoring-*")); len(names) > 0 {
		t.Errorf("the checked copy was left: %v", names)
	}
	s, err = data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if slip, ok, err := s.PinnedSlip(); err != nil || !ok || slip.Text != "Written after the backup." {
		t.Errorf("the journal's pinned slip is %q (%v)", slip.Text, err)
	}
}
