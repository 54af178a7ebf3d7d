package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/data/binding"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/filepicker"
	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/prose"
	"github.com/bothand/bothand/data/transfer"
	"github.com/bothand/bothand/widgets"
)

// transferState is what the File menu's export, import and backups keep
// for the window.
type transferState struct {
	// dailyTimer looks for a due daily backup every hour.
	dailyTimer *time.Timer
}

// exportChoices describe the formats, in transfer.Formats order.
var exportChoices = []string{
	"JSON: every record, to import into Both/And again or use elsewhere",
	"Markdown: a readable journal, to print or keep",
	"CSV: your journal entries, for a spreadsheet",
}

// showExport asks which format, then where, then exports with a progress bar.
func (u *UI) showExport() {
	if u.Store == nil {
		return
	}
	if u.lock.encrypted {
		// The export is readable by anyone who has the file: say so
		// before, not after. Esc is Cancel.
		u.Ask(ui.DlgExportPlain, "The export is plain text",
			ui.WrapLabel("Your journal is encrypted, but an export is not: anyone who opens the file can read every entry. Keep it somewhere only you can reach, and delete it when you no longer need it."),
			"Go on", "Cancel", u.chooseExport)
		return
	}
	u.chooseExport()
}

// chooseExport asks which format, then where.
func (u *UI) chooseExport() {
	choice := widgets.NewRadioGroup(exportChoices, nil)
	choice.Required = true
	choice.SetSelected(exportChoices[0])
	content := container.NewVBox(
		ui.WrapLabel("Your journal stays yours: export it to keep a copy, read it elsewhere or move it to another computer."),
		choice,
	)
	u.Ask(ui.DlgExport, "Export your journal", content, "Choose a file…", "Cancel", func() {
		f := transfer.FormatJSON
		for i, label := range exportChoices {
			if choice.Selected == label {
				f = transfer.Formats[i]
			}
		}
		name := fmt.Sprintf("bothand-journal-%s%s", time.Now().Format("2006-01-02"), f.Ext())
		filepicker.Save(u.Host, "Export your journal to", name, func(path string) { u.exportTo(path, f) })
	})
}

// exportTo writes the export to path (for an existing file, the person
// agreed to replace it).
func (u *UI) exportTo(path string, f transfer.Format) {
	progress := u.showProgress("Exporting", "Writing your journal to "+filepath.Base(path)+"…", true)
	s := u.Store
	ui.BackgroundDo(u.Host, func() error {
		opt := transfer.ExportOptions{Progress: progress.report, Replace: true}
		return transfer.ExportFile(progress.ctx, s, path, f, opt)
	}, func() {
		progress.hide()
		u.showDone(ui.DlgExported, "Exported", "Your journal is saved in:", path)
	}, func(err error) {
		if progress.stopped(err, "Export stopped", "No file was written.") {
			return
		}
		u.ShowError(fmt.Errorf("the export to %s failed: %w", path, err))
	})
}

// showImport asks for a JSON export and merges it into the journal.
func (u *UI) showImport() {
	if u.Store == nil {
		return
	}
	filepicker.Open(u.Host, "Import a journal export", []string{".json"}, u.importFrom)
}

func (u *UI) importFrom(path string) {
	progress := u.showProgress("Importing", "Reading "+filepath.Base(path)+"…", true)
	s := u.Store
	ui.Background(u.Host, func() (transfer.ImportSummary, error) {
		return transfer.ImportFile(progress.ctx, s, path, progress.report)
	}, func(sum transfer.ImportSummary) {
		progress.hide()
		u.Inform(ui.DlgImported, "Import finished", sum.String())
		if sum.Added()+sum.Updated() > 0 {
			u.attach(s) // every screen shows what came in
		}
	}, func(err error) {
		if progress.stopped(err, "Import stopped", "Nothing was imported; your journal is unchanged.") {
			return
		}
		u.showImportError(path, err)
	})
}

// showImportError says what is wrong with the file, and that nothing changed.
func (u *UI) showImportError(path string, err error) {
	problem := err.Error()
	var ie *transfer.ImportError
	if errors.As(err, &ie) {
		problem = prose.Capitalise(problem) + "."
	}
	file := widget.NewLabel(path)
	file.Selectable = true
	file.Wrapping = fyne.TextWrapBreak
	content := container.NewVBox(file, ui.WrapLabel(problem))
	if advice := data.Advice(err); advice != "" {
		content.Add(ui.WrapLabel(advice))
	}
	u.InformWith(ui.DlgImportFailed, "Nothing was imported", content).Resize(520, 0)
}

// showDone confirms a finished job and shows the file it concerns, which the
// person can select and copy.
func (u *UI) showDone(kind ui.DialogKind, title, message, path string) {
	file := widget.NewLabel(path)
	file.Selectable = true
	file.Wrapping = fyne.TextWrapBreak
	u.InformWith(kind, title, container.NewVBox(ui.WrapLabel(message), file))
}

// progressDialog shows a long job's progress, with a Cancel button that
// stops it (Esc too): the job runs with ctx, which Cancel cancels, and a
// cancelled import, export, backup or restore leaves the journal as it was.
// Its report method may be called from the job's goroutine: the bar is
// bound to a data binding, which hands every change to the main goroutine.
type progressDialog struct {
	u       *UI
	d       *ui.Dialog
	value   binding.Float
	ctx     context.Context
	message *widget.Label
	cancel  *widgets.Button
}

// showProgress opens the progress dialog of a job; measured jobs report
// how far they have come, the others show a bar that only says "busy".
func (u *UI) showProgress(title, message string, measured bool) *progressDialog {
	ctx, cancel := context.WithCancel(context.Background())
	p := &progressDialog{u: u, value: binding.NewFloat(), ctx: ctx, message: ui.WrapLabel(message)}
	var bar fyne.CanvasObject = widget.NewProgressBarInfinite()
	if measured {
		bar = widget.NewProgressBarWithData(p.value)
	}
	p.d = u.NewDialog(ui.DlgProgress, title, container.NewVBox(p.message, bar))
	p.cancel = p.d.Button("Cancel", nil, func() {
		if p.cancel.Disabled() {
			return
		}
		p.cancel.Disable()
		p.message.SetText("Stopping… Nothing will be changed.")
		cancel() // last: the job may end, and its dialog go, at once
	})
	p.d.Cancel = p.cancel.OnTapped // Esc stops the job too
	p.d.Default = p.cancel
	p.d.OnClosed(cancel)       // whatever closes it, the context goes with it
	p.d.Show(420, 0, p.cancel) // Space or Enter stops the job
	return p
}

// report moves the bar; it is called on the job's goroutine, and the bar
// is moved on the main one (not after the window has ended).
func (p *progressDialog) report(done, total int64) {
	if total > 0 {
		p.u.Deliver(func() { _ = p.value.Set(float64(done) / float64(total)) })
	}
}

func (p *progressDialog) hide() { p.d.Hide() }

// stopped hides the dialog after the job ended with err. When the person
// cancelled it, it says so, in a dialog titled title with what was left
// as it was, and reports true; other errors are the caller's to show.
func (p *progressDialog) stopped(err error, title, unchanged string) bool {
	p.hide()
	if !errors.Is(err, context.Canceled) {
		return false
	}
	p.u.Inform(ui.DlgStopped, title, unchanged).Resize(420, 0)
	return true
}
