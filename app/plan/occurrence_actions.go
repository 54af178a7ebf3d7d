package plan

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/widgets"
)

// occurrenceMenu lists what can be done with one occurrence: record
// whether it was kept, missed or moved, skip it, edit or delete its
// commitment. Kept and missed are offered once it has begun.
func (t *tiersScreen) occurrenceMenu(o data.Occurrence) *fyne.Menu {
	id, at := o.Commitment.ID, o.OccursAt
	var items []*fyne.MenuItem
	if !o.Start.After(time.Now()) {
		items = append(items,
			fyne.NewMenuItem("Kept it", func() { t.setOutcome(id, at, data.OutcomeKept, nil) }),
			fyne.NewMenuItem("Missed it", func() { t.setOutcome(id, at, data.OutcomeMissed, nil) }))
	}
	items = append(items, fyne.NewMenuItem("Move to another time…", func() { t.askMovedTo(o) }))
	if o.Outcome != nil {
		items = append(items, fyne.NewMenuItem("Clear what I recorded", func() { t.setOutcome(id, at, "", nil) }))
	}
	items = append(items, fyne.NewMenuItemSeparator())
	if o.Commitment.RRule != "" {
		items = append(items, fyne.NewMenuItem("Skip this one", func() { t.skip(o) }))
	}
	items = append(items,
		fyne.NewMenuItem("Plan for next time…", func() { t.planNextTime(*o.Commitment) }),
		fyne.NewMenuItem("Edit the commitment…", func() { t.editCommitment(id) }),
		fyne.NewMenuItem("Delete the commitment…", func() { t.confirmDeleteCommitment(*o.Commitment) }))
	return fyne.NewMenu("", items...)
}

func (t *tiersScreen) showOccurrenceMenu(o data.Occurrence, from fyne.CanvasObject) {
	t.plan.ShowMenu("Occurrence", t.occurrenceMenu(o), from)
}

func (t *tiersScreen) setOutcome(id int64, occursAt time.Time, outcome data.Outcome, movedTo *time.Time) {
	ui.BackgroundDo(t.plan.Host, func() error {
		return t.plan.Store.SetOutcome(id, occursAt, outcome, movedTo)
	}, func() { t.Load() })
}

// askMovedTo asks where the occurrence went; the new time is optional.
func (t *tiersScreen) askMovedTo(o data.Occurrence) {
	start := o.Start.Local()
	date := ui.NewDateField(start)
	clock := ui.NewClockField(start.Hour(), start.Minute())
	known := widgets.NewCheck("I know the new time", nil)
	known.SetChecked(true)
	msg := ui.NewFieldMessage()
	when := container.NewGridWithColumns(2, date, clock)
	if o.AllDay() {
		clock.Hide()
	}
	known.OnChanged = func(on bool) { setVisible(when, on) }
	content := container.NewVBox(
		ui.WrapLabel("“"+o.Commitment.Title+"” of "+data.FormatSpan(o.Start, o.End, o.AllDay())+" moved to:"),
		known, when, msg)
	d := t.plan.NewDialog(ui.DlgMoved, "Move to another time", content)
	d.CancelButton("Cancel", nil)
	d.DefaultButton("Save", nil, func() {
		var movedTo *time.Time
		if known.Checked {
			day, err := ui.DateOfField(date)
			if err != nil {
				msg.Say(err.Error())
				return
			}
			h, m := 0, 0
			if !o.AllDay() {
				if h, m, err = ui.ParseClock(clock.Text); err != nil {
					msg.Say(err.Error())
					return
				}
			}
			to := ui.At(day, h, m)
			movedTo = &to
		}
		d.Hide()
		t.setOutcome(o.Commitment.ID, o.OccursAt, data.OutcomeMoved, movedTo)
	})
	d.Show(420, 0, nil)
}

func (t *tiersScreen) skip(o data.Occurrence) {
	ui.BackgroundDo(t.plan.Host, func() error {
		return t.plan.Store.SkipOccurrence(o.Commitment.ID, o.OccursAt)
	}, func() { t.Load() })
}

func (t *tiersScreen) confirmDeleteCommitment(c data.Commitment) {
	t.plan.Confirm(ui.DlgDeleteCommitment, "Delete “"+c.Title+"”?",
		"It leaves the agenda, every time it repeats. What you recorded about it stays in the journal.",
		"Delete", func() {
			ui.BackgroundDo(t.plan.Host, func() error {
				return t.plan.Store.DeleteCommitment(c.ID)
			}, func() { t.Load() })
		})
}

// workMenu offers moving or deleting a work block.
func (t *tiersScreen) workMenu(wb data.WorkBlock) *fyne.Menu {
	return fyne.NewMenu("",
		fyne.NewMenuItem("Move or change…", func() { t.openWorkForm(wb) }),
		fyne.NewMenuItem("Delete", func() {
			t.plan.Confirm(ui.DlgDeleteWorkBlock, "Delete this work block?",
				"“"+wb.Title+"” leaves the agenda, with any make-up notes it left that aren't done.",
				"Delete", func() {
					ui.BackgroundDo(t.plan.Host, func() error {
						return t.plan.Store.DeleteWorkBlock(wb.ID)
					}, func() { t.Load() })
				})
		}))
}

func (t *tiersScreen) showWorkMenu(wb data.WorkBlock, from fyne.CanvasObject) {
	t.plan.ShowMenu("Work block", t.workMenu(wb), from)
}
