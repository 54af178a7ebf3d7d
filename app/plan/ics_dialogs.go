package plan

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/container"

	"github.com/bothand/bothand/app/filepicker"
	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/ical"
	"github.com/bothand/bothand/data/prose"
	"github.com/bothand/bothand/widgets"
)

// calendarExts are the files the calendar picker lists.
var calendarExts = []string{".ics", ".ical", ".ifb"}

// importCalendar asks for an .ics file, then for the tier its events get.
func (t *tiersScreen) importCalendar() {
	filepicker.Open(t.plan.Host, "Import a calendar file", calendarExts, func(path string) {
		f, err := os.Open(path)
		if err != nil {
			t.plan.ShowError(err)
			return
		}
		t.askImportTier(f, filepath.Base(path))
	})
}

// askImportTier asks which tier the file's events belong to, then imports.
func (t *tiersScreen) askImportTier(r io.ReadCloser, name string) {
	tiers := widgets.NewRadioGroup(tierChoices, nil)
	tiers.SetSelected(tierChoices[0])
	content := container.NewVBox(
		ui.WrapLabel("Which tier do the events of “"+name+"” belong to? A school's calendar is usually non-negotiable."),
		tiers,
		ui.WrapLabel("Importing the same file again later updates its events instead of adding them twice."))
	d := t.plan.NewDialog(ui.DlgICSImportTier, "Import a calendar", content)
	d.CancelButton("Cancel", func() { r.Close() })
	d.DefaultButton("Import", nil, func() {
		d.Hide()
		tier := data.TierNonNegotiable
		for i, c := range tierChoices {
			if tiers.Selected == c {
				tier = data.Tier(i + 1)
			}
		}
		t.importFrom(r, name, tier)
	})
	d.Show(520, 0, nil)
}

// importFrom imports the calendar in r and says what happened.
func (t *tiersScreen) importFrom(r io.ReadCloser, name string, tier data.Tier) {
	ui.Background(t.plan.Host, func() (ical.Result, error) {
		defer r.Close()
		return ical.Import(t.plan.Store, r, name, tier)
	}, func(res ical.Result) {
		t.Load()
		// The import may have been opened from a protocol's step, whose
		// plan can now be tied to one of the school's events.
		if p := t.plan.protocolsTab(); p != nil && p.editor != nil {
			p.editor.reloadCommitments()
		}
		t.plan.Inform(ui.DlgICSImported, "Calendar imported", importSummary(name, res))
	}, func(err error) {
		var ie *ical.Error
		if errors.As(err, &ie) {
			t.plan.InformWith(ui.DlgICSImportFailed, "Nothing was imported", container.NewVBox(
				ui.WrapLabel(err.Error()),
				ui.WrapLabel("Your commitments are as they were. If the file came from a calendar program, export it again and retry."))).Resize(520, 0)
			return
		}
		t.plan.ShowError(err)
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
	withTier2 := widgets.NewCheck("Include high-priority (tier 2) commitments", nil)
	content := container.NewVBox(
		ui.WrapLabel("Your non-negotiable commitments are written as “Busy – family” events, with no titles, places or notes. Import the file into your work calendar so clients can't book those times."),
		withTier2)
	t.plan.Ask(ui.DlgICSExport, "Export busy times", content, "Choose a file…", "Cancel", func() {
		tiers := []data.Tier{data.TierNonNegotiable}
		if withTier2.Checked {
			tiers = append(tiers, data.TierHighPriority)
		}
		filepicker.Save(t.plan.Host, "Export busy times to", "busy-family.ics", func(path string) { t.exportToFile(path, tiers) })
	})
}

// exportToFile writes the busy times to path, whole or not at all.
func (t *tiersScreen) exportToFile(path string, tiers []data.Tier) {
	store := t.plan.Store
	ui.Background(t.plan.Host, func() (int, error) {
		return ical.ExportFile(store, path, tiers...)
	}, func(n int) {
		t.plan.Inform(ui.DlgICSExported, "Busy times exported",
			fmt.Sprintf("%s written to “%s”. Import it into your work calendar; export again when your commitments change.", prose.Count(n, "busy event", "busy events"), filepath.Base(path)))
	})
}
