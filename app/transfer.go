package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/data/binding"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/prose"
	"github.com/bothand/bothand/data/transfer"
)

// transferState is what the File menu's export, import and backups keep
// for the window.
type transferState struct {
	// chooseSave and chooseOpen ask the person for a file and call done with
	// its path (not at all when they cancel). Tests answer them directly,
	// since Fyne's file dialogs can't be driven on the test driver.
	chooseSave func(u *UI, name string, done func(path string))
	chooseOpen func(u *UI, done func(path string))
	// dailyTimer looks for a due daily backup every hour.
	dailyTimer *time.Timer
}

// fileMenuItems are the File menu's entries for owning one's data.
func (u *UI) fileMenuItems() []*fyne.MenuItem {
	return []*fyne.MenuItem{
		fyne.NewMenuItem("Export…", u.showExport),
		fyne.NewMenuItem("Import…", u.showImport),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Back up now", u.backUpNow),
		fyne.NewMenuItem("Backups…", u.showBackups),
	}
}

// exportChoices describe the formats, in transfer.Formats order.
var exportChoices = []string{
	"JSON: every record, to import into Both/And again or use elsewhere",
	"Markdown: a readable journal, to print or keep",
	"CSV: your journal entries, for a spreadsheet",
}

// showExport asks which format, then where, then exports with a progress bar.
func (u *UI) showExport() {
	if u.store == nil {
		return
	}
	choice := widget.NewRadioGroup(exportChoices, nil)
	choice.Required = true
	choice.SetSelected(exportChoices[0])
	content := container.NewVBox(
		wrapLabel("Your journal stays yours: export it to keep a copy, read it elsewhere or move it to another computer."),
		choice,
	)
	d := dialog.NewCustomConfirm("Export your journal", "Choose a file…", "Cancel", content, func(ok bool) {
		if !ok {
			return
		}
		f := transfer.FormatJSON
		for i, label := range exportChoices {
			if choice.Selected == label {
				f = transfer.Formats[i]
			}
		}
		name := fmt.Sprintf("bothand-journal-%s%s", time.Now().Format("2006-01-02"), f.Ext())
		u.pickSave(name, func(path string) { u.exportTo(path, f) })
	}, u.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// exportTo writes the export to path, which the save dialog has created
// (and, for an existing file, the person agreed to replace).
func (u *UI) exportTo(path string, f transfer.Format) {
	progress := u.showProgress("Exporting", "Writing your journal to "+filepath.Base(path)+"…", true)
	s := u.store
	background(u, func() (struct{}, error) {
		opt := transfer.ExportOptions{Progress: progress.report, Replace: true}
		return struct{}{}, transfer.ExportFile(progress.ctx, s, path, f, opt)
	}, func(struct{}) {
		progress.hide()
		u.showDone("Exported", "Your journal is saved in:", path)
	}, func(err error) {
		// The save dialog created the file; don't leave it behind empty.
		if fi, statErr := os.Stat(path); statErr == nil && fi.Size() == 0 {
			os.Remove(path)
		}
		if progress.stopped(err, "Export stopped", "No file was written.") {
			return
		}
		u.showError(fmt.Errorf("the export to %s failed: %w", path, err))
	})
}

// showImport asks for a JSON export and merges it into the journal.
func (u *UI) showImport() {
	if u.store == nil {
		return
	}
	u.pickOpen(u.importFrom)
}

func (u *UI) importFrom(path string) {
	progress := u.showProgress("Importing", "Reading "+filepath.Base(path)+"…", true)
	s := u.store
	background(u, func() (transfer.ImportSummary, error) {
		return transfer.ImportFile(progress.ctx, s, path, progress.report)
	}, func(sum transfer.ImportSummary) {
		progress.hide()
		d := dialog.NewCustom("Import finished", "OK", wrapLabel(sum.String()), u.win)
		d.Resize(fyne.NewSize(480, 0))
		d.Show()
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
	content := container.NewVBox(file, wrapLabel(problem))
	if advice := data.Advice(err); advice != "" {
		content.Add(wrapLabel(advice))
	}
	d := dialog.NewCustom("Nothing was imported", "OK", content, u.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// showDone confirms a finished job and shows the file it concerns, which the
// person can select and copy.
func (u *UI) showDone(title, message, path string) {
	file := widget.NewLabel(path)
	file.Selectable = true
	file.Wrapping = fyne.TextWrapBreak
	d := dialog.NewCustom(title, "OK", container.NewVBox(wrapLabel(message), file), u.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

func (u *UI) pickSave(name string, done func(path string)) {
	if u.transfer.chooseSave != nil {
		u.transfer.chooseSave(u, name, done)
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		w.Close() // ExportFile writes the file itself, privately
		done(path)
	}, u.win)
	d.SetFileName(name)
	u.showFileDialog(d)
}

func (u *UI) pickOpen(done func(path string)) {
	if u.transfer.chooseOpen != nil {
		u.transfer.chooseOpen(u, done)
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close() // ImportFile reads the file itself, to say where a problem is
		done(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	u.showFileDialog(d)
}

// showFileDialog opens a file dialog in the home folder rather than wherever
// the app was started from, at a size that shows a useful list.
func (u *UI) showFileDialog(d *dialog.FileDialog) {
	if home, err := os.UserHomeDir(); err == nil {
		if dir, err := storage.ListerForURI(storage.NewFileURI(home)); err == nil {
			d.SetLocation(dir)
		}
	}
	d.Show()
	d.Resize(fyne.NewSize(760, 520)) // only once shown: before, it has nothing to size
}

// progressDialog shows a long job's progress, with a Cancel button that
// stops it: the job runs with ctx, which Cancel cancels, and a cancelled
// import, export, backup or restore leaves the journal as it was. Its
// report method may be called from the job's goroutine: the bar is bound
// to a data binding, which hands every change to the main goroutine.
type progressDialog struct {
	u       *UI
	d       *dialog.CustomDialog
	value   binding.Float
	ctx     context.Context
	message *widget.Label
	cancel  *widget.Button
}

// showProgress opens the progress dialog of a job; measured jobs report
// how far they have come, the others show a bar that only says "busy".
func (u *UI) showProgress(title, message string, measured bool) *progressDialog {
	ctx, cancel := context.WithCancel(context.Background())
	p := &progressDialog{u: u, value: binding.NewFloat(), ctx: ctx, message: wrapLabel(message)}
	var bar fyne.CanvasObject = widget.NewProgressBarInfinite()
	if measured {
		bar = widget.NewProgressBarWithData(p.value)
	}
	p.cancel = widget.NewButton("Cancel", func() {
		p.cancel.Disable()
		p.message.SetText("Stopping… Nothing will be changed.")
		cancel() // last: the job may end, and its dialog go, at once
	})
	p.d = dialog.NewCustomWithoutButtons(title, container.NewVBox(p.message, bar), u.win)
	p.d.SetButtons([]fyne.CanvasObject{p.cancel})
	p.d.SetOnClosed(cancel) // whatever closes it, the context goes with it
	p.d.Resize(fyne.NewSize(420, 0))
	p.d.Show()
	// Again, now that the message knows its width: before, it was measured
	// as if wrapped word by word, and the dialog kept that height.
	p.d.Resize(fyne.NewSize(420, 0))
	u.win.Canvas().Focus(p.cancel) // Space or Enter stops the job
	return p
}

func (p *progressDialog) report(done, total int64) {
	if total > 0 {
		_ = p.value.Set(float64(done) / float64(total))
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
	d := dialog.NewCustom(title, "OK", wrapLabel(unchanged), p.u.win)
	d.Resize(fyne.NewSize(420, 0))
	d.Show()
	return true
}
