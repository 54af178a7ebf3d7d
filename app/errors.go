package app

import (
	"context"
	"errors"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/assets/version"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/prose"
)

// showError tells the person what went wrong and what to do, in a dialog.
// Validation problems usually show beside the field instead; this is for
// everything else.
func (u *UI) showError(err error) {
	var ve *data.ValidationError
	if errors.As(err, &ve) {
		dialog.ShowInformation("Please check", ve.Message, u.win)
		return
	}
	body := wrapLabel(err.Error())
	content := container.NewVBox(body)
	if advice := data.Advice(err); advice != "" {
		content.Add(wrapLabel(advice))
	}
	d := dialog.NewCustom("That didn't work", "OK", content, u.win)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
}

// showOpenError explains why the journal could not be opened: which file,
// what is wrong with it, and what to do. When the file is damaged and a
// backup exists, it offers to restore the newest one (the damaged file is
// kept, byte for byte, in the backups folder). Otherwise the app quits when
// the dialog closes, since there is nothing to show without a journal.
func (u *UI) showOpenError(err error) {
	u.exitCode = 1
	// Also one line on stderr, for whoever started the app from a terminal.
	fmt.Fprintf(os.Stderr, "bothand: %v. %s\n", err, data.Advice(err))
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
		wrapLabel(problem),
	)
	if advice := data.Advice(err); advice != "" {
		content.Add(wrapLabel(advice))
	}
	var d dialog.Dialog
	if latest, ok := backupToOffer(err); ok {
		when := latest.Time.Format("Monday 2 January 2006, 15:04")
		content.Add(wrapLabel("A backup from " + when + " is in the backups folder beside it."))
		restore := widget.NewButton("Restore that backup", func() {
			d.Hide()
			u.restoreAfterOpenError(oe.Path, latest)
		})
		restore.Importance = widget.HighImportance
		quit := widget.NewButton("Quit", func() { d.Hide(); u.quit() })
		content.Add(container.NewHBox(layout.NewSpacer(), quit, restore))
		d = dialog.NewCustomWithoutButtons("Both/And can't open your journal", content, u.win)
	} else {
		d = dialog.NewCustom("Both/And can't open your journal", "Quit", content, u.win)
		d.SetOnClosed(u.quit)
	}
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
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
	background(u, func() (*data.Store, error) {
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

func (u *UI) showAbout() {
	dialog.ShowInformation("About Both/And",
		"Both/And "+version.Version+"\n\nTools for parents who work from home: a guilt journal, tiers of commitments, next-time protocols and permission slips.\n\nEverything stays in one file on this computer.",
		u.win)
}

func wrapLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// caption is small, quiet explanatory text.
func caption(text string) *widget.Label {
	l := wrapLabel(text)
	l.SizeName = theme.SizeNameCaptionText
	return l
}
