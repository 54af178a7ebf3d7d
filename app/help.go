package app

import (
	"log/slog"
	"net/url"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/logs"
	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/assets/version"
)

// showShortcuts is F1 and Help → Keyboard shortcuts: every key of the
// window, read from the table the keys themselves use (keys.go).
func (u *UI) showShortcuts() {
	if d := u.TopDialog(); d != nil && d.Kind == ui.DlgShortcuts {
		return
	}
	grid := container.New(layout.NewFormLayout())
	row := func(keys, does string) {
		k := widget.NewLabelWithStyle(keys, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		grid.Add(k)
		grid.Add(ui.WrapLabel(does))
	}
	for _, c := range u.commands() {
		if c.keys != "" {
			row(c.keys, c.label)
		}
	}
	row("Esc", "Close the dialog, or the entry being written (it is kept as a draft)")
	row("Enter", "The dialog's main button")
	row("Tab, Shift+Tab", "The next or previous field, in every field")
	row("Space", "Press the button or tick the box that has the focus")
	intro := ui.WrapLabel("These keys work wherever the cursor is, even in the middle of typing.")
	body := container.NewBorder(intro, nil, nil, nil, container.NewVScroll(grid))
	d := u.NewDialog(ui.DlgShortcuts, "Keyboard shortcuts", body)
	closeB := d.CancelButton("Close", nil)
	closeB.Importance = widget.HighImportance
	d.Default = closeB
	d.Show(560, 560, nil)
}

// showAbout says what Both/And is and where it keeps things.
func (u *UI) showAbout() {
	u.Inform(ui.DlgAbout, "About Both/And",
		"Both/And "+version.Version+"\n\nTools for parents who work from home: a guilt journal, tiers of commitments, next-time protocols and permission slips.\n\nEverything stays in one file on this computer.")
}

// logDir is where the log and crash reports are.
func (u *UI) logDir() string {
	if u.logDirPath != "" {
		return u.logDirPath
	}
	return logs.Dir()
}

// openLogFolder shows the log folder in the file manager, or says where it
// is when no file manager can be started.
func (u *UI) openLogFolder() {
	dir := u.logDir()
	err := u.App.OpenURL(&url.URL{Scheme: "file", Path: filepath.ToSlash(dir)})
	if err == nil {
		return
	}
	slog.Warn("could not open the log folder", "err", err)
	path := widget.NewLabel(dir)
	path.Selectable = true
	path.Wrapping = fyne.TextWrapBreak
	u.InformWith(ui.DlgLogFolder, "The log folder",
		container.NewVBox(ui.WrapLabel("No file manager could be opened here. The log and any crash reports are in:"), path))
}

// showCrashed says, at the start after a crash, that nothing saved was
// lost and where the report is.
func (u *UI) showCrashed(report string) {
	path := widget.NewLabel(report)
	path.Selectable = true
	path.Wrapping = fyne.TextWrapBreak
	d := u.NewDialog(ui.DlgCrashed, "Both/And closed unexpectedly",
		container.NewVBox(
			ui.WrapLabel("Both/And closed unexpectedly last time. Nothing you had saved was lost: your journal is as it was, and what you were writing is kept as a draft."),
			ui.WrapLabel("A report of what happened is in this file, should you want to send it to the people who make Both/And:"),
			path))
	d.Button("Open the log folder", nil, u.openLogFolder)
	d.Cancel = d.Hide
	d.DefaultButton("OK", nil, d.Hide)
	d.Show(520, 0, nil)
}
