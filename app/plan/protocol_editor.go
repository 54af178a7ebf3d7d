package plan

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/widgets"
)

// daysBeforeChoices are how far ahead an attached protocol can come back.
var daysBeforeChoices = []int{0, 1, 2, 3, 5, 7, 10, 14, 21, 30}

const notTied = "Not tied to a commitment"

type protocolData struct {
	protocol    data.Protocol
	commitments []data.Commitment
}

// protocolEditor is one protocol on the right of the tab. Its details
// (title, commitment, review date, status) are saved together with Save;
// each change to a step is stored at once, with undo where it could lose
// something.
type protocolEditor struct {
	s           *protocolsScreen
	p           data.Protocol
	commitments []data.Commitment

	title      *widgets.Entry
	done       *widgets.Check
	commitment *widgets.Select
	days       *widgets.Select
	hasReview  *widgets.Check
	review     *widgets.DateEntry
	reviewMsg  ui.FieldMessage
	msgs       map[data.Field]ui.FieldMessage
	saveBtn    *widgets.Button
	saved      *widget.Label

	dayChoices []int // daysBeforeChoices, plus the stored value if it isn't one

	progress *widget.Label
	steps    *widgets.Checklist
	newStep  *widgets.Entry
	root     fyne.CanvasObject
}

func newProtocolEditor(s *protocolsScreen, d protocolData) *protocolEditor {
	e := &protocolEditor{s: s, p: d.protocol, commitments: d.commitments, msgs: map[data.Field]ui.FieldMessage{}}
	for _, k := range []data.Field{data.FieldTitle, data.FieldCommitment, data.FieldRemindDaysBefore, data.FieldStatus, data.FieldSteps, data.FieldStep} {
		e.msgs[k] = ui.NewFieldMessage()
	}
	e.build()
	e.fill()
	e.renderSteps()
	return e
}

func (e *protocolEditor) build() {
	back := widgets.NewButtonWithIcon("All protocols", theme.NavigateBackIcon(), e.back)
	back.Importance = widget.LowImportance
	e.title = widgets.NewEntry()
	e.title.SetPlaceHolder("What this plan is for")
	e.done = widgets.NewCheck("This plan is in place", nil)
	e.commitment = widgets.NewSelect(nil, nil)
	e.dayChoices = slices.Clone(daysBeforeChoices)
	if !slices.Contains(e.dayChoices, e.p.RemindDaysBefore) {
		e.dayChoices = append(e.dayChoices, e.p.RemindDaysBefore)
		slices.Sort(e.dayChoices)
	}
	var days []string
	for _, n := range e.dayChoices {
		days = append(days, daysBeforeText(n))
	}
	e.days = widgets.NewSelect(days, nil)
	e.hasReview = widgets.NewCheck("Review it on", func(on bool) { setVisible(e.review, on) })
	e.review = ui.NewDateField(time.Time{})
	e.reviewMsg = ui.NewFieldMessage()
	e.saveBtn = widgets.NewButtonWithIcon("Save changes", theme.DocumentSaveIcon(), e.saveDetails)
	e.saveBtn.Importance = widget.HighImportance
	e.saved = ui.Caption("")
	e.progress = widget.NewLabel("")
	e.steps = widgets.NewChecklist()
	e.wireSteps()
	e.newStep = widgets.NewEntry()
	e.newStep.SetPlaceHolder("Add a step: one concrete thing you'll do")
	e.newStep.OnSubmitted = func(string) { e.addStep() }
	add := widgets.NewButtonWithIcon("Add step", theme.ContentAddIcon(), e.addStep)
	del := widgets.NewButtonWithIcon("Delete protocol", theme.DeleteIcon(), e.confirmDelete)
	del.Importance = widget.DangerImportance

	var source fyne.CanvasObject = container.NewVBox()
	if e.p.EntryID != nil {
		id := *e.p.EntryID
		source = container.NewHBox(widgets.NewButtonWithIcon("Open the journal entry it came from", theme.DocumentIcon(), func() { e.s.plan.win.RevealEntry(id) }))
	}
	box := container.NewVBox(
		container.NewHBox(back),
		ui.SectionTitle("Title"), e.title, e.msgs[data.FieldTitle],
		source,
		ui.SectionTitle("Steps"), e.progress, e.steps, e.msgs[data.FieldStep],
		container.NewBorder(nil, nil, nil, add, e.newStep), e.msgs[data.FieldSteps],
		widget.NewSeparator(),
		ui.SectionTitle("Bring it back before"), e.commitment, e.msgs[data.FieldCommitment],
		container.NewBorder(nil, nil, widget.NewLabel("Show it"), nil, e.days), e.msgs[data.FieldRemindDaysBefore],
		ui.Caption("Tied to a commitment, the plan shows on the Tiers agenda at its next occurrence and comes back as a reminder the days you choose before it."),
		container.NewBorder(nil, nil, e.hasReview, nil, e.review), e.reviewMsg,
		e.done, e.msgs[data.FieldStatus],
		container.NewBorder(nil, nil, nil, container.NewHBox(e.saveBtn), e.saved),
		widget.NewSeparator(),
		container.NewHBox(del),
	)
	e.root = container.NewVScroll(container.NewPadded(box))
}

func daysBeforeText(n int) string {
	switch n {
	case 0:
		return "on the day"
	case 1:
		return "1 day before"
	}
	return fmt.Sprintf("%d days before", n)
}

// fill shows the protocol's details.
func (e *protocolEditor) fill() {
	e.title.SetText(e.p.Title)
	e.done.SetChecked(e.p.Status == data.ProtocolDone)
	e.fillCommitments()
	e.days.SetSelected(daysBeforeText(e.p.RemindDaysBefore))
	review := time.Now().AddDate(0, 0, 14)
	if e.p.ReviewOn != nil {
		r := e.p.ReviewOn.UTC()
		review = time.Date(r.Year(), r.Month(), r.Day(), 12, 0, 0, 0, time.Local)
	}
	e.review.SetDate(&review)
	e.hasReview.SetChecked(e.p.ReviewOn != nil)
	setVisible(e.review, e.p.ReviewOn != nil)
}

// read takes the details from the fields.
func (e *protocolEditor) read() data.Protocol {
	p := e.p
	p.Title = e.title.Text
	p.Status = data.ProtocolActive
	if e.done.Checked {
		p.Status = data.ProtocolDone
	}
	p.CommitmentID = nil
	if i := e.commitment.SelectedIndex(); i > 0 && i <= len(e.commitments) {
		id := e.commitments[i-1].ID
		p.CommitmentID = &id
	}
	if i := e.days.SelectedIndex(); i >= 0 {
		p.RemindDaysBefore = e.dayChoices[i]
	}
	p.ReviewOn = nil
	if e.hasReview.Checked && e.review.Date != nil {
		d := *e.review.Date
		p.ReviewOn = &d
	}
	return p
}

// dirty reports whether the details differ from what is stored.
func (e *protocolEditor) dirty() bool {
	a, b := e.read(), e.p
	same := func(x, y *int64) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	sameDay := func(x, y *time.Time) bool {
		return (x == nil) == (y == nil) && (x == nil || x.Format(time.DateOnly) == y.UTC().Format(time.DateOnly))
	}
	return a.Title != b.Title || a.Status != b.Status || !same(a.CommitmentID, b.CommitmentID) ||
		a.RemindDaysBefore != b.RemindDaysBefore || !sameDay(a.ReviewOn, b.ReviewOn)
}

func (e *protocolEditor) saveDetails() { e.saveThen(nil) }

// saveThen stores the details and then runs next; a refusal shows under
// its field and keeps everything typed.
func (e *protocolEditor) saveThen(next func()) {
	for _, m := range e.msgs {
		m.Clear()
	}
	e.reviewMsg.Clear()
	if e.hasReview.Checked {
		// A review date that doesn't read stays as typed, with the reason.
		if _, err := ui.DateOfField(e.review); err != nil {
			e.reviewMsg.Say(err.Error())
			return
		}
	}
	p := e.read()
	e.saveBtn.Disable()
	ui.Background(e.s.plan.Host, func() (data.Protocol, error) {
		return e.s.plan.Store.UpdateProtocol(p)
	}, func(saved data.Protocol) {
		e.saveBtn.Enable()
		e.p.Title, e.p.Status, e.p.CommitmentID = saved.Title, saved.Status, saved.CommitmentID
		e.p.RemindDaysBefore, e.p.ReviewOn = saved.RemindDaysBefore, saved.ReviewOn
		e.title.SetText(saved.Title)
		e.saved.SetText("Saved.")
		e.s.Load()
		if t := e.s.plan.tiersTab(); t != nil {
			t.Load() // the agenda shows attached plans
		}
		if next != nil {
			next()
		}
	}, func(err error) {
		e.saveBtn.Enable()
		e.fail(err, data.FieldStatus)
	})
}

// fail shows a refusal under its field, or in a dialog.
func (e *protocolEditor) fail(err error, fallback data.Field) {
	var ve *data.ValidationError
	if errors.As(err, &ve) {
		if m, ok := e.msgs[ve.Field]; ok {
			m.Say(ve.Message)
		} else {
			e.msgs[fallback].Say(ve.Message)
		}
		return
	}
	e.s.plan.ShowError(err)
}

// back returns to the overview, saving changed details first.
func (e *protocolEditor) back() {
	if e.dirty() {
		e.saveThen(e.s.closeProtocol)
		return
	}
	e.s.closeProtocol()
}

func (e *protocolEditor) confirmDelete() {
	p := e.p
	e.s.plan.Confirm(ui.DlgDeleteProtocol, "Delete “"+p.Title+"”?", "The protocol and its steps go. You can undo this straight after.", "Delete", func() {
		ui.BackgroundDo(e.s.plan.Host, func() error {
			return e.s.plan.Store.DeleteProtocol(p.ID)
		}, func() {
			e.s.closeProtocol()
			e.s.offerUndo("Deleted “"+p.Title+"”.", func() {
				ui.BackgroundDo(e.s.plan.Host, func() error {
					return e.s.plan.Store.RestoreProtocol(p.ID)
				}, func() { e.s.plan.RevealProtocol(p.ID) })
			})
		})
	})
}
