package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/data/prose"
	"github.com/bothand/bothand/widgets"
)

// dailyCheckEvery is how often the window looks for a due daily backup, so
// one left open for days (or woken from sleep) still makes one a day.
const dailyCheckEvery = time.Hour

// scheduleDailyBackup makes today's backup if it is due, off the main
// goroutine, and checks again every hour. It is called whenever a journal
// is attached.
func (u *UI) scheduleDailyBackup() {
	if u.transfer.dailyTimer != nil {
		u.transfer.dailyTimer.Stop()
	}
	s := u.Store
	ui.Background(u.Host, func() (string, error) { return s.DailyBackup() }, func(string) {}, func(err error) {
		// A failed automatic backup must not interrupt the person with a
		// dialog every hour: it is logged, and said once in the window.
		u.backgroundFailed(noticeBackup, err)
	})
	u.transfer.dailyTimer = time.AfterFunc(dailyCheckEvery, func() {
		// Hop to the main goroutine before touching the UI's state.
		ui.BackgroundDo(u.Host, func() error { return nil }, func() { u.scheduleDailyBackup() })
	})
}

// backUpNow writes a backup into the backups folder and says where.
func (u *UI) backUpNow() {
	u.backUp(func(path string) {
		u.showDone(ui.DlgBackedUp, "Backed up", "A copy of your journal is saved in:", path)
	})
}

// backUp writes a backup into the backups folder, with a progress dialog
// whose Cancel stops it (no backup is left), and hands done its path.
func (u *UI) backUp(done func(path string)) {
	s := u.Store
	if s == nil {
		return
	}
	progress := u.showProgress("Backing up", "Copying your journal into the backups folder…", true)
	ui.Background(u.Host, func() (string, error) { return s.BackupWithProgress(progress.ctx, progress.report) }, func(path string) {
		progress.hide()
		done(path)
	}, func(err error) {
		if !progress.stopped(err, "Backup stopped", "No backup was made.") {
			u.ShowError(err)
		}
	})
}

// showBackups opens the backups panel in a dialog.
func (u *UI) showBackups() {
	if u.Store == nil {
		return
	}
	d := u.NewDialog(ui.DlgBackups, "Backups", u.backupsPanel(true))
	d.CancelButton("Close", nil)
	d.Show(680, 520, nil)
}

// keepChoices are the numbers of daily backups the panel offers.
var keepChoices = []int{7, 14, 30, 90, 0}

func keepLabel(n int) string {
	if n == 0 {
		return "Don't make daily backups"
	}
	return fmt.Sprintf("Keep the last %d days", n)
}

// backupsPanel lists the journal's backups, newest first, each with a
// Restore button, and sets how many daily backups to keep. It is a plain
// CanvasObject so both the Backups dialog and Preferences can show it;
// scroll gives the list a scroll of its own, for a dialog (Preferences
// scrolls as a whole).
func (u *UI) backupsPanel(scroll bool) fyne.CanvasObject {
	rows := container.NewVBox()
	folder := widget.NewLabel("")
	folder.Selectable = true
	folder.Wrapping = fyne.TextWrapBreak
	folder.TextStyle = fyne.TextStyle{Monospace: true}

	var labels []string
	for _, n := range keepChoices {
		labels = append(labels, keepLabel(n))
	}
	keep := widgets.NewSelect(labels, nil)

	var reload func()
	reload = func() {
		s := u.Store
		if s == nil {
			return
		}
		type state struct {
			list []data.BackupFile
			keep int
		}
		ui.Background(u.Host, func() (state, error) {
			list, err := s.Backups()
			if err != nil {
				return state{}, err
			}
			n, err := s.DailyBackupsKept()
			return state{list, n}, err
		}, func(st state) {
			folder.SetText(s.BackupDir())
			keep.OnChanged = nil
			label := keepLabel(st.keep)
			if !containsString(keep.Options, label) {
				keep.SetOptions(append(keep.Options, label))
			}
			keep.SetSelected(label)
			keep.OnChanged = func(choice string) { u.setDailyBackupsKept(choice, reload) }
			rows.Objects = nil
			if len(st.list) == 0 {
				rows.Add(ui.WrapLabel("No backups yet. Both/And makes one each day you use it, once your journal holds something; Back up now makes one at once."))
			}
			for _, b := range st.list {
				rows.Add(u.backupRow(b, reload))
			}
			rows.Refresh()
		})
	}
	reload()

	now := widgets.NewButtonWithIcon("Back up now", theme.DocumentSaveIcon(), func() {
		u.backUp(func(string) { reload() })
	})
	intro := ui.WrapLabel("While Both/And is open it copies your journal once a day into the backups folder beside it. Restoring a backup replaces your journal with that copy; your journal as it is now is kept as a backup first.")
	top := container.NewVBox(intro, container.NewBorder(nil, nil, widget.NewLabel("Daily backups:"), now, keep))
	bottom := container.NewVBox(widget.NewLabelWithStyle("Backups folder", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), folder)
	if !scroll {
		return container.NewVBox(top, rows, bottom)
	}
	return container.NewBorder(top, bottom, nil, nil, container.NewVScroll(rows))
}

func (u *UI) setDailyBackupsKept(choice string, reload func()) {
	n := -1
	for _, k := range keepChoices {
		if keepLabel(k) == choice {
			n = k
		}
	}
	if n < 0 { // a number set elsewhere, shown as is
		fields := strings.Fields(choice)
		if len(fields) > 3 {
			n, _ = strconv.Atoi(fields[3])
		}
	}
	s := u.Store
	ui.Background(u.Host, func() (string, error) {
		if err := s.SetDailyBackupsKept(n); err != nil {
			return "", err
		}
		return s.DailyBackup() // drops daily backups beyond the new number
	}, func(string) { reload() })
}

// backupRow shows one backup: when, what kind, how big, and Restore….
func (u *UI) backupRow(b data.BackupFile, reload func()) fyne.CanvasObject {
	when := widget.NewLabelWithStyle(dates.Long(b.Time)+", "+dates.Clock(b.Time), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	detail := widget.NewLabel(backupKindText(b.Kind) + " · " + prose.Size(b.Size))
	restore := widgets.NewButton("Restore…", func() { u.confirmRestore(b, reload) })
	return container.NewHBox(when, detail, layout.NewSpacer(), restore)
}

func backupKindText(k data.BackupKind) string {
	switch k {
	case data.BackupDaily:
		return "Daily"
	case data.BackupBeforeRestore:
		return "Before a restore"
	}
	return "Made on request"
}

// confirmRestore asks before replacing the journal with a backup.
func (u *UI) confirmRestore(b data.BackupFile, reload func()) {
	msg := ui.WrapLabel(fmt.Sprintf(
		"Your journal will be replaced by the copy from %s. Anything written since then is not in that copy.\n\nYour journal as it is now is kept as a backup marked \"Before a restore\", so you can go back to it.",
		dates.Long(b.Time)+" at "+dates.Clock(b.Time)))
	u.Ask(ui.DlgRestore, "Restore this backup?", msg, "Restore", "Cancel", func() { u.restore(b.Path, reload) })
}

// restore swaps the journal under the window: the store closes, the backup
// takes the journal's place, and a new store opens on it.
func (u *UI) restore(backup string, reload func()) {
	old := u.Store
	if old == nil {
		return
	}
	progress := u.showProgress("Restoring", "Checking the backup, then putting it in place…", false)
	type result struct {
		store   *data.Store
		saved   string
		restore error
	}
	ui.Background(u.Host, func() (result, error) {
		saved, restoreErr := old.Restore(progress.ctx, backup)
		s, err := data.Open(old.Path(), data.Options{})
		return result{s, saved, restoreErr}, err
	}, func(r result) {
		u.attach(r.store)
		reload()
		if progress.stopped(r.restore, "Restore stopped", "Your journal is as it was; the backup was not put in place.") {
			return
		}
		if r.restore != nil {
			u.ShowError(r.restore)
			return
		}
		u.showDone(ui.DlgRestored, "Restored", "Your journal is back as it was in the backup. The journal as it was before is kept in:", r.saved)
	}, func(err error) {
		progress.hide()
		u.showOpenError(err)
	})
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
