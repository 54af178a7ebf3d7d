package app

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/ical"
)

// importCalendar asks for an .ics file, then for the tier its events get.
func (t *tiersScreen) importCalendar() {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			t.u.showError(err)
			return
		}
		if r == nil {
			return // cancelled
		}
		t.askImportTier(r, r.URI().Name())
	}, t.u.win)
	open.SetFilter(storage.NewExtensionFileFilter([]string{".ics", ".ICS", ".ical", ".ifb"}))
	t.u.showFileDialog(open) // shown, then sized: sized first, it crashes
}

// askImportTier asks which tier the file's events belong to, then imports.
func (t *tiersScreen) askImportTier(r io.ReadCloser, name string) {
	tiers := widget.NewRadioGroup(tierChoices, nil)
	tiers.SetSelected(tierChoices[0])
	content := container.NewVBox(
		wrapLabel("Which tier do the events of “"+name+"” belong to? A school's calendar is usually non-negotiable."),
		tiers,
		wrapLabel("Importing the same file again later updates its events instead of adding them twice."))
	d := dialog.NewCustomConfirm("Import a calendar", "Import", "Cancel", content, func(ok bool) {
		if !ok {
			r.Close()
			return
		}
		tier := data.TierNonNegotiable
		for i, c := range tierChoices {
			if tiers.Selected == c {
				tier = data.Tier(i + 1)
			}
		}
		t.importFrom(r, name, tier)
	}, t.u.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// importFrom imports the calendar in r and says what happened.
func (t *tiersScreen) importFrom(r io.ReadCloser, name string, tier data.Tier) {
	background(t.u, func() (ical.Result, error) {
		defer r.Close()
		return ical.Import(t.u.store, r, name, tier)
	}, func(res ical.Result) {
		t.load()
		// The import may have been opened from a protocol's step, whose
		// plan can now be tied to one of the school's events.
		if p := t.u.protocolsTab(); p != nil && p.editor != nil {
			p.editor.reloadCommitments()
		}
		dialog.ShowInformation("Calendar imported", importSummary(name, res), t.u.win)
	}, func(err error) {
		var ie *ical.Error
		if errors.As(err, &ie) {
			d := dialog.NewCustom("Nothing was imported", "OK", container.NewVBox(
				wrapLabel(err.Error()),
				wrapLabel("Your commitments are as they were. If the file came from a calendar program, export it again and retry.")), t.u.win)
			d.Resize(fyne.NewSize(520, 0))
			d.Show()
			return
		}
		t.u.showError(err)
	})
}

// importSummary says what an import did, in a few lines.
func importSummary(name string, res ical.Result) string {
	var parts []string
	if res.Added > 0 {
		parts = append(parts, fmt.Sprintf("%d new", res.Added))
	}
	if res.Updated > 0 {
		parts = append(parts, fmt.Sprintf("%d updated", res.Updated))
	}
	if res.Unchanged > 0 {
		parts = append(parts, fmt.Sprintf("%d already up to date", res.Unchanged))
	}
	if res.Cancelled > 0 {
		parts = append(parts, fmt.Sprintf("%d cancelled in the file", res.Cancelled))
	}
	if res.Kept > 0 {
		parts = append(parts, fmt.Sprintf("%d you had deleted, left deleted", res.Kept))
	}
	msg := fmt.Sprintf("From “%s”: no events.", name)
	if len(parts) > 0 {
		msg = fmt.Sprintf("From “%s”: %s.", name, strings.Join(parts, ", "))
	}
	if len(res.Notes) > 0 {
		msg += "\n\n" + strings.Join(res.Notes, "\n")
	}
	return msg
}

// exportCalendar writes the busy times for a work calendar.
func (t *tiersScreen) exportCalendar() {
	withTier2 := widget.NewCheck("Include high-priority (tier 2) commitments", nil)
	content := container.NewVBox(
		wrapLabel("Your non-negotiable commitments are written as “Busy – family” events, with no titles, places or notes. Import the file into your work calendar so clients can't book those times."),
		withTier2)
	d := dialog.NewCustomConfirm("Export busy times", "Choose a file…", "Cancel", content, func(ok bool) {
		if !ok {
			return
		}
		tiers := []data.Tier{data.TierNonNegotiable}
		if withTier2.Checked {
			tiers = append(tiers, data.TierHighPriority)
		}
		save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
			if err != nil {
				t.u.showError(err)
				return
			}
			if w != nil {
				t.exportTo(w, w.URI().Name(), tiers)
			}
		}, t.u.win)
		save.SetFileName("busy-family.ics")
		t.u.showFileDialog(save)
	}, t.u.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

func (t *tiersScreen) exportTo(w io.WriteCloser, name string, tiers []data.Tier) {
	background(t.u, func() (int, error) {
		n, err := ical.Export(t.u.store, w, tiers...)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		return n, err
	}, func(n int) {
		dialog.ShowInformation("Busy times exported",
			fmt.Sprintf("%d busy events written to “%s”. Import it into your work calendar; export again when your commitments change.", n, name),
			t.u.win)
	})
}
