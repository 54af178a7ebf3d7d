package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/data/prose"
)

// showOpenError explains why the journal could not be opened: which file,
// what is wrong with it, and what to do. When the file is damaged and a
// backup exists, it offers to restore the newest one (the damaged file is
// kept, byte for byte, in the backups folder). Otherwise the app quits when
// the dialog closes, since there is nothing to show without a journal.
func (u *UI) showOpenError(err error) {
	u.exitCode = 1
	// Also one line on stderr, for whoever started the app from a terminal,
	// and in the log.
	fmt.Fprintf(os.Stderr, "bothand: %v. %s\n", err, data.Advice(err))
	slog.Error("the journal could not be opened", "err", err)
	path := widget.NewLabel(u.dbPathOf(err))
	path.Selectable = true
	path.Wrapping = fyne.TextWrapBreak
	problem := err.Error()
	var oe *data.OpenError
	if errors.As(err, &oe) {
		problem = prose.Capitalise(oe.Kind.Error()) + "."
	}
	content := container.NewVBox(
		widget.NewLabelWithStyle("Journal file", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		path,
		ui.WrapLabel(problem),
	)
	if advice := data.Advice(err); advice != "" {
		content.Add(ui.WrapLabel(advice))
	}
	d := u.NewDialog(ui.DlgOpenError, "Both/And can't open your journal", content)
	// Esc is Quit: there is nothing to show without a journal.
	quit := d.CancelButton("Quit", u.quit)
	if latest, ok := backupToOffer(err); ok {
		when := dates.Long(latest.Time) + ", " + dates.Clock(latest.Time)
		content.Add(ui.WrapLabel("A backup from " + when + " is in the backups folder beside it."))
		d.DefaultButton("Restore that backup", nil, func() {
			d.Hide()
			u.restoreAfterOpenError(oe.Path, latest)
		})
	} else {
		quit.Importance = widget.HighImportance
		d.Default = quit
	}
	d.Show(520, 0, nil)
}

// backupToOffer returns the newest backup worth offering for err: only when
// the file itself is unreadable, not when it is newer, locked or read-only,
// where a backup would lose work or not help.
func backupToOffer(err error) (data.BackupFile, bool) {
	var oe *data.OpenError
	if !errors.As(err, &oe) || (oe.Kind != data.ErrDamaged && oe.Kind != data.ErrNotDatabase) {
		return data.BackupFile{}, false
	}
	list, lerr := data.ListBackups(oe.Path)
	if lerr != nil || len(list) == 0 {
		return data.BackupFile{}, false
	}
	return list[0], true
}

// restoreAfterOpenError puts the backup in the journal's place and opens it.
func (u *UI) restoreAfterOpenError(path string, b data.BackupFile) {
	ui.Background(u.Host, func() (*data.Store, error) {
		if _, err := data.RestoreBackup(context.Background(), path, b.Path, data.Options{}); err != nil {
			return nil, err
		}
		return data.Open(path, data.Options{})
	}, func(s *data.Store) {
		u.exitCode = 0
		u.attach(s)
	}, u.showOpenError)
}

func (u *UI) dbPathOf(err error) string {
	var oe *data.OpenError
	if errors.As(err, &oe) {
		return oe.Path
	}
	return ""
}
