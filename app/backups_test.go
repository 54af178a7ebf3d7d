package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/widgets"
)

func TestBackUpNow(t *testing.T) {
	u, s := newTestUI(t)
	mainMenuItem(t, u, "File", "Back up now").Action()
	list, err := s.Backups()
	if err != nil || len(list) != 1 {
		t.Fatalf("backups: %v %v", list, err)
	}
	if text := uitest.VisibleText(uitest.TopDialog(t, u.Host)); !strings.Contains(text, list[0].Path) {
		t.Errorf("the dialog does not say where:\n%s", text)
	}
}

// Back up now's bar fills as the copy goes, from empty to full.
func TestBackingUpShowsHowFarItHasCome(t *testing.T) {
	u, s := newTestUI(t)
	s.AddSlip("Worth keeping.", true)
	job := holdFirstJob(u)
	mainMenuItem(t, u, "File", "Back up now").Action()
	bar := uitest.FindWidget[*widget.ProgressBar](t, uitest.TopDialog(t, u.Host))
	if bar.Value != 0 {
		t.Fatalf("the bar starts at %v", bar.Value)
	}
	(*job)()
	if bar.Value != 1 {
		t.Errorf("the bar ended at %v, not at the end", bar.Value)
	}
	if list, _ := s.Backups(); len(list) != 1 {
		t.Errorf("backups: %+v", list)
	}
}

func TestDailyBackupWhenTheJournalIsAttached(t *testing.T) {
	u, s := newTestUI(t) // attached while empty: nothing to back up
	if list, _ := s.Backups(); len(list) != 0 {
		t.Fatalf("an empty journal was backed up: %v", list)
	}
	s.AddSlip("Worth keeping.", true)
	u.attach(s)
	list, _ := s.Backups()
	if len(list) != 1 || list[0].Kind != data.BackupDaily {
		t.Fatalf("after attach: %+v", list)
	}
	u.attach(s) // once a day only
	if again, _ := s.Backups(); len(again) != 1 {
		t.Errorf("%d backups after a second attach", len(again))
	}
	if u.transfer.dailyTimer == nil {
		t.Error("no hourly check is scheduled")
	}
}

// TestRestoreThroughTheBackupsPanel goes through the whole restore as a
// person would: open Backups, pick the older copy, confirm; the window then
// shows the restored journal, from a new store on the same file.
func TestRestoreThroughTheBackupsPanel(t *testing.T) {
	u, s := newTestUI(t)
	s.AddSlip("The slip in the backup.", true)
	if _, err := s.Backup(context.Background()); err != nil {
		t.Fatal(err)
	}
	s.AddSlip("Written after the backup.", true)
	u.attach(s)
	if u.strip.Text() != "Written after the backup." {
		t.Fatalf("strip shows %q", u.strip.Text())
	}

	mainMenuItem(t, u, "File", "Backups…").Action()
	panel := uitest.TopDialog(t, u.Host)
	text := uitest.VisibleText(panel)
	if !strings.Contains(text, "Made on request") || !strings.Contains(text, "Daily") || !strings.Contains(text, s.BackupDir()) {
		t.Fatalf("the panel shows:\n%s", text)
	}
	// Newest first: the daily backup made at attach, then the one on request.
	restoreButtons := restoreButtonsIn(panel)
	if len(restoreButtons) != 2 {
		t.Fatalf("%d Restore buttons, want 2", len(restoreButtons))
	}
	test.Tap(restoreButtons[1])
	if text := uitest.VisibleText(uitest.TopDialog(t, u.Host)); !strings.Contains(text, "Your journal will be replaced") {
		t.Fatalf("no confirmation:\n%s", text)
	}
	uitest.TapInDialog(t, u.Host, "Restore")

	if u.Store == s {
		t.Fatal("the window still uses the old store")
	}
	t.Cleanup(func() { u.Store.Close() })
	if slip, ok, err := u.Store.PinnedSlip(); err != nil || !ok || slip.Text != "The slip in the backup." {
		t.Errorf("after restore the journal's pinned slip is %+v, %v", slip, err)
	}
	if u.strip.Text() != "The slip in the backup." {
		t.Errorf("the strip shows %q", u.strip.Text())
	}
	if text := uitest.VisibleText(uitest.TopDialog(t, u.Host)); !strings.Contains(text, "before-restore") {
		t.Errorf("the dialog does not say where the old journal went:\n%s", text)
	}
	list, _ := u.Store.Backups()
	if len(list) != 3 || list[0].Kind != data.BackupBeforeRestore {
		t.Errorf("backups after restore: %+v", list)
	}
	// The journal as it was is really there, with the newer slip.
	old, err := data.Open(list[0].Path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if slip, _, _ := old.PinnedSlip(); slip.Text != "Written after the backup." {
		t.Errorf("the saved journal's slip: %q", slip.Text)
	}
	// The panel behind the dialog has been refreshed.
	uitest.TapInDialog(t, u.Host, "OK")
	if n := len(restoreButtonsIn(uitest.TopDialog(t, u.Host))); n != 3 {
		t.Errorf("the panel lists %d backups after the restore, want 3", n)
	}
}

// restoreButtonsIn returns the backups panel's Restore… buttons, in order.
func restoreButtonsIn(root fyne.CanvasObject) []*widgets.Button {
	var list []*widgets.Button
	uitest.Walk(root, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widgets.Button); ok && b.Text == "Restore…" {
			list = append(list, b)
		}
		return true
	})
	return list
}

func TestRestoreOfABadBackupKeepsTheJournal(t *testing.T) {
	u, s := newTestUI(t)
	s.AddSlip("Keep me.", true)
	bad := filepath.Join(s.BackupDir(), "journal-2020-01-01-000000.db")
	if _, err := s.Backup(context.Background()); err != nil { // makes the folder
		t.Fatal(err)
	}
	writeTestFile(t, bad, "not a database")
	u.restore(bad, func() {})
	t.Cleanup(func() { u.Store.Close() })
	if text := uitest.VisibleText(uitest.TopDialog(t, u.Host)); !strings.Contains(text, "can't be restored") || !strings.Contains(text, "Choose another backup") {
		t.Errorf("the dialog says:\n%s", text)
	}
	if slip, ok, _ := u.Store.PinnedSlip(); !ok || slip.Text != "Keep me." {
		t.Errorf("the journal changed: %+v", slip)
	}
}

func TestKeepDailyBackupsSetting(t *testing.T) {
	u, s := newTestUI(t)
	panel := u.backupsPanel(true)
	sel := uitest.FindWidget[*widgets.Select](t, panel)
	if sel.Selected != "Keep the last 14 days" {
		t.Errorf("shows %q", sel.Selected)
	}
	sel.SetSelected("Keep the last 30 days")
	if n, _ := s.DailyBackupsKept(); n != 30 {
		t.Errorf("stored %d, want 30", n)
	}
	sel.SetSelected("Don't make daily backups")
	if n, _ := s.DailyBackupsKept(); n != 0 {
		t.Errorf("stored %d, want 0", n)
	}
	s.SetDailyBackupsKept(21) // set elsewhere (an import, say): shown as it is
	sel = uitest.FindWidget[*widgets.Select](t, u.backupsPanel(true))
	if sel.Selected != "Keep the last 21 days" {
		t.Errorf("shows %q for 21", sel.Selected)
	}
	sel.SetSelected("Keep the last 21 days")
	if n, _ := s.DailyBackupsKept(); n != 21 {
		t.Errorf("re-selecting 21 stored %d", n)
	}
}
