package app

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/transfer"
	"github.com/bothand/bothand/widgets"
)

// fillNotices adds n delivered reminders in one statement: a journal of a
// few megabytes, so that a restore of it takes a moment.
func fillNotices(t *testing.T, s *data.Store, n int) {
	t.Helper()
	err := s.WriteSQL(context.Background(), func(tx *sql.Tx) error {
		_, err := tx.Exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
			INSERT INTO notices (uuid, kind, ref, due_at, sent_at, created_at, updated_at)
			SELECT printf('0193aaaa-0000-7000-8000-%012d', i), 'reminder', 'commitment-' || i, 0, 0, 0, 0 FROM n`, n)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// journalExport is the journal's JSON export without its own time.
func journalExport(t *testing.T, s *data.Store) string {
	t.Helper()
	var b bytes.Buffer
	if err := transfer.ExportJSON(context.Background(), s, &b, transfer.ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	return withoutExportTime(b.String())
}

// holdFirstJob keeps the next background job for the test to run, and
// runs later ones at once, as newTestUI does.
func holdFirstJob(u *UI) *func() {
	var held func()
	u.Async = func(f func()) {
		if held == nil {
			held = f
			return
		}
		f()
	}
	return &held
}

// cancelButton finds the progress dialog's Cancel button.
func cancelButton(t *testing.T, u *UI) *widgets.Button {
	t.Helper()
	return uitest.FindButton(t, uitest.TopDialog(t, u.Host), "Cancel")
}

// Cancel on the restore's progress, tapped while the backup is being
// checked, stops the restore: the window's journal is as it was, and no
// copy of it was kept since nothing was replaced.
func TestCancelStopsARestorePartWay(t *testing.T) {
	u, s := newTestUI(t)
	fillNotices(t, s, 60_000)
	s.AddSlip("The slip in the backup.", true)
	backup, err := s.Backup(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s.AddSlip("Written after the backup.", true)
	u.attach(s) // shows the slip, and has its morning reminder delivered
	before := journalExport(t, s)

	job := holdFirstJob(u)
	u.restore(backup, func() {})
	if text := uitest.VisibleText(uitest.TopDialog(t, u.Host)); !strings.Contains(text, "Restoring") && !strings.Contains(text, "Checking the backup") {
		t.Fatalf("no progress dialog:\n%s", text)
	}
	cancel := cancelButton(t, u)
	done := make(chan struct{})
	go func() { // the restore, off the test's goroutine as in the app
		(*job)()
		close(done)
	}()
	// The restore starts by copying the backup beside the journal.
	checked := filepath.Join(filepath.Dir(s.Path()), ".journal-restoring-*")
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(100 * time.Microsecond) {
		if names, _ := filepath.Glob(checked); len(names) > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the restore never started")
		}
	}
	test.Tap(cancel)
	<-done

	t.Cleanup(func() { u.Store.Close() })
	if text := uitest.VisibleText(uitest.TopDialog(t, u.Host)); !strings.Contains(text, "Restore stopped") || !strings.Contains(text, "Your journal is as it was") {
		t.Fatalf("after Cancel the dialog says:\n%s", text)
	}
	if got := journalExport(t, u.Store); got != before {
		a, b := strings.Split(before, "\n"), strings.Split(got, "\n")
		for i := range min(len(a), len(b)) {
			if a[i] != b[i] {
				t.Errorf("the journal changed, first at line %d:\n%s\n%s", i+1, a[i], b[i])
				break
			}
		}
	}
	if u.strip.Text() != "Written after the backup." {
		t.Errorf("the strip shows %q", u.strip.Text())
	}
	list, _ := u.Store.Backups()
	for _, b := range list {
		if b.Kind == data.BackupBeforeRestore {
			t.Errorf("a stopped restore kept the journal as %s", b.Path)
		}
	}
	if names, _ := filepath.Glob(checked); len(names) > 0 {
		t.Errorf("the checked copy was left: %v", names)
	}
}

// Cancel on the import's progress: nothing is imported, and it says so.
func TestCancelStopsAnImport(t *testing.T) {
	u, s := newTestUI(t)
	s.AddSlip("Mine.", true)
	before := journalExport(t, s)
	other, err := data.Open(filepath.Join(t.TempDir(), "other.db"), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.AddSlip("Brought from the laptop.", false)
	file := filepath.Join(t.TempDir(), "export.json")
	if err := transfer.ExportFile(context.Background(), other, file, transfer.FormatJSON, transfer.ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	mainMenuItem(t, u, "File", "Import a journal export…").Action()
	job := holdFirstJob(u)
	pick(t, u, file)
	cancel := cancelButton(t, u)
	if u.Win.Canvas().Focused() != cancel {
		t.Error("Cancel does not have the focus: Space or Enter should stop the job")
	}
	test.Tap(cancel)
	if !cancel.Disabled() || !strings.Contains(uitest.VisibleText(uitest.TopDialog(t, u.Host)), "Stopping") {
		t.Errorf("after Cancel the progress says:\n%s", uitest.VisibleText(uitest.TopDialog(t, u.Host)))
	}
	(*job)()
	if text := uitest.VisibleText(uitest.TopDialog(t, u.Host)); !strings.Contains(text, "Import stopped") || !strings.Contains(text, "Nothing was imported") {
		t.Errorf("the dialog says:\n%s", text)
	}
	if journalExport(t, s) != before {
		t.Error("the journal changed")
	}
}

// Cancel on Back up now's progress: no backup is made.
func TestCancelStopsABackup(t *testing.T) {
	u, s := newTestUI(t)
	s.AddSlip("Keep me.", true)
	job := holdFirstJob(u)
	mainMenuItem(t, u, "File", "Back up now").Action()
	test.Tap(cancelButton(t, u))
	(*job)()
	if text := uitest.VisibleText(uitest.TopDialog(t, u.Host)); !strings.Contains(text, "Backup stopped") || !strings.Contains(text, "No backup was made") {
		t.Errorf("the dialog says:\n%s", text)
	}
	if list, _ := s.Backups(); len(list) != 0 {
		t.Errorf("backups: %+v", list)
	}
}

// Cancel on the export's progress: no file is left.
func TestCancelStopsAnExport(t *testing.T) {
	u, s := newTestUI(t)
	s.AddSlip("Both can be true.", true)
	path := filepath.Join(t.TempDir(), "chosen.json")
	mainMenuItem(t, u, "File", "Export your journal…").Action()
	uitest.TapInDialog(t, u.Host, "Choose a file…")
	job := holdFirstJob(u)
	pick(t, u, path)
	test.Tap(cancelButton(t, u))
	(*job)()
	if text := uitest.VisibleText(uitest.TopDialog(t, u.Host)); !strings.Contains(text, "Export stopped") || !strings.Contains(text, "No file was written") {
		t.Errorf("the dialog says:\n%s", text)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("the export left %s", path)
	}
}
