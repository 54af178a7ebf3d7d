package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
)

func TestOpenErrorDialogNamesTheFileAndWhatToDo(t *testing.T) {
	a := test.NewTempApp(t)
	u := newUI(a)
	u.Async = func(f func()) { f() }
	path := filepath.Join(t.TempDir(), "journal.db")
	if err := os.WriteFile(path, []byte("not a database at all"), 0o600); err != nil {
		t.Fatal(err)
	}
	u.openStore(Config{DBPath: path})
	text := uitest.OverlayText(u.Host)
	for _, want := range []string{path, "not a Both/And journal", data.Advice(data.ErrNotDatabase)} {
		if !strings.Contains(text, want) {
			t.Errorf("dialog lacks %q:\n%s", want, text)
		}
	}
	if u.exitCode != 1 {
		t.Errorf("exit code %d, want 1", u.exitCode)
	}
	if u.Store != nil {
		t.Error("a store was attached")
	}
}

func TestErrorDialogShowsAdvice(t *testing.T) {
	u, _ := newTestUI(t)
	u.ShowError(&data.OpenError{Path: "/x.db", Kind: data.ErrLocked})
	if text := uitest.OverlayText(u.Host); !strings.Contains(text, data.Advice(data.ErrLocked)) {
		t.Errorf("no advice in:\n%s", text)
	}
}

func TestDamagedJournalOffersTheNewestBackup(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "journal.db")
	s, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.AddSlip("From the backup.", true)
	if _, err := s.Backup(context.Background()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	damaged := []byte("this used to be a journal")
	if err := os.WriteFile(path, damaged, 0o600); err != nil {
		t.Fatal(err)
	}

	a := test.NewTempApp(t)
	a.Preferences().SetBool(prefWelcomeDone, true)
	u := newUI(a)
	u.Async = func(f func()) { f() }
	u.notify = func(string, string) {}
	t.Cleanup(func() { stopTimers(u) })
	u.openStore(Config{DBPath: path})
	if !strings.Contains(uitest.TopText(u.Host), "A backup from") {
		t.Fatalf("no backup offered:\n%s", uitest.TopText(u.Host))
	}
	test.Tap(uitest.FindButton(t, u.Win.Canvas().Overlays().Top(), "Restore that backup"))
	if u.Store == nil {
		t.Fatalf("not reopened; dialog: %s", uitest.TopText(u.Host))
	}
	t.Cleanup(func() { u.stopReminders(); u.Store.Close() })
	if u.exitCode != 0 || u.strip.Text() != "From the backup." {
		t.Errorf("exit %d, strip %q", u.exitCode, u.strip.Text())
	}
	// The damaged file is kept, byte for byte, among the backups.
	kept := false
	list, _ := data.ListBackups(path)
	for _, b := range list {
		if got, _ := os.ReadFile(b.Path); string(got) == string(damaged) {
			kept = true
		}
	}
	if !kept {
		t.Error("the damaged file was not kept")
	}
}

// A refusal that reaches the general error path (no field shows it) is
// said as "Please check", with the store's message, and Esc closes it.
func TestAValidationErrorSaysPleaseCheck(t *testing.T) {
	u, s := newTestUI(t)
	err := s.SetDailyBackupsKept(-1)
	if err == nil {
		t.Fatal("the store took a negative number of backups")
	}
	u.ShowError(err)
	if d := u.TopDialog(); d == nil || d.Kind != ui.DlgCheck {
		t.Fatalf("shown: %v", d)
	}
	uitest.MustContain(t, uitest.TopText(u.Host), "Please check", "daily backups")
	uitest.PressKey(u.Host, fyne.KeyEscape)
	if u.TopDialog() != nil {
		t.Error("Esc left it open")
	}
}
