package plan

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/widgets"
)

// defaultDeadlineAfter is how long after the work a deadline nobody set yet
// falls.
const defaultDeadlineAfter = 2 * time.Hour

// Buffer choices, in minutes.
var (
	bufferChoices = []string{"No buffer", "15 min", "30 min", "1 h", "2 h", "Half a day (4 h)", "1 day"}
	bufferMinutes = []int{0, 15, 30, 60, 120, 240, 1440}
)

// workBlockForm adds or moves a piece of client work and shows the tier
// rules as they apply: a refusal naming the commitment with the next free
// slot, the emergency question for high-priority time, and the make-up
// note for flexible time.
type workBlockForm struct {
	plan    *Plan
	dlg     *ui.Dialog
	editing data.WorkBlock
	saved   func(data.WorkBlock, data.Conflicts)

	client, title *widgets.Entry
	date          *widgets.DateEntry
	from, to      *widgets.Entry
	hasDeadline   *widgets.Check
	deadlineDate  *widgets.DateEntry
	deadlineTime  *widgets.Entry
	buffer        *widgets.Select
	planned       *widget.Label
	deadlineRow   *fyne.Container

	// The rules, shown when they apply.
	refusal      *widget.Label
	useSlot      *widgets.Button
	refusalBox   *fyne.Container
	emergency    *widget.Label
	reason       *widgets.Entry
	emergencyBox *fyne.Container
	suggested    time.Time

	msgs       map[data.Field]ui.FieldMessage
	saveButton *widgets.Button
	// The deadline follows the block until the person sets it (or it was
	// stored); following is true while the form moves it.
	deadlineSet bool
	following   bool
}

// showWorkBlockForm opens the form for wb (a new block when wb.ID is 0).
func (pl *Plan) showWorkBlockForm(wb data.WorkBlock, saved func(data.WorkBlock, data.Conflicts)) *workBlockForm {
	f := &workBlockForm{plan: pl, editing: wb, saved: saved, msgs: map[data.Field]ui.FieldMessage{}}
	for _, k := range []data.Field{data.FieldTitle, data.FieldClient, data.FieldStartsAt, data.FieldEndsAt, data.FieldBufferMinutes, data.FieldDeadlineAt, data.FieldEmergencyReason} {
		f.msgs[k] = ui.NewFieldMessage()
	}
	f.build()
	f.fill(wb)
	name := "New work block"
	if wb.ID != 0 {
		name = "Move work block"
	}
	f.dlg = pl.NewDialog(ui.DlgWorkBlock, name, f.content())
	f.dlg.Form = true
	f.dlg.CancelButton("Cancel", nil)
	f.saveButton = f.dlg.DefaultButton("Save", theme.DocumentSaveIcon(), f.save)
	f.update()
	f.dlg.Show(580, 660, f.client)
	return f
}

func (f *workBlockForm) build() {
	f.client = widgets.NewEntry()
	f.client.SetPlaceHolder("Client (optional)")
	f.title = widgets.NewEntry()
	f.title.SetPlaceHolder("What the work is, e.g. “Draft the quarterly report”")
	f.date = ui.NewDateField(time.Time{})
	f.from, f.to = ui.NewClockField(9, 0), ui.NewClockField(11, 0)
	f.hasDeadline = widgets.NewCheck("It has a deadline", func(bool) { f.update() })
	f.deadlineDate = ui.NewDateField(time.Time{})
	f.deadlineTime = ui.NewClockField(17, 0)
	f.buffer = widgets.NewSelect(bufferChoices, func(string) { f.update() })
	f.planned = widget.NewLabel("")
	f.planned.Wrapping = fyne.TextWrapWord
	for _, e := range []*widgets.Entry{f.from, f.to} {
		e.OnChanged = func(string) { f.followDeadline() }
	}
	f.date.OnChanged = func(*time.Time) { f.followDeadline() }
	f.deadlineTime.OnChanged = func(string) { f.deadlineChanged() }
	f.deadlineDate.OnChanged = func(*time.Time) { f.deadlineChanged() }

	f.refusal = widget.NewLabel("")
	f.refusal.Wrapping = fyne.TextWrapWord
	f.useSlot = widgets.NewButtonWithIcon("Use that time", theme.ConfirmIcon(), f.takeSuggestion)
	f.refusalBox = container.NewVBox(
		container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), nil,
			widget.NewLabelWithStyle("This time is already promised", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
		f.refusal, container.NewHBox(f.useSlot))
	f.refusalBox.Hide()

	f.emergency = widget.NewLabel("")
	f.emergency.Wrapping = fyne.TextWrapWord
	f.reason = widgets.NewTextArea()
	f.reason.SetPlaceHolder("Why is this a genuine emergency? (kept with the work block)")
	f.reason.SetMinRowsVisible(2)
	ui.LimitPastes(f.reason, ui.PasteLimit, f.msgs[data.FieldEmergencyReason].Say)
	f.emergencyBox = container.NewVBox(
		container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil,
			widget.NewLabelWithStyle("Only for a genuine emergency", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
		f.emergency, f.reason, f.msgs[data.FieldEmergencyReason])
	f.emergencyBox.Hide()
}

func (f *workBlockForm) content() fyne.CanvasObject {
	label := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	f.deadlineRow = container.NewVBox(
		container.NewGridWithColumns(2, f.deadlineDate, container.NewBorder(nil, nil, widget.NewLabel("at"), nil, f.deadlineTime)),
		container.NewBorder(nil, nil, widget.NewLabel("Buffer before it"), nil, f.buffer),
		f.msgs[data.FieldDeadlineAt], f.msgs[data.FieldBufferMinutes])
	form := container.NewVBox(
		label("Client"), f.client, f.msgs[data.FieldClient],
		label("Work"), f.title, f.msgs[data.FieldTitle],
		label("When"), f.date,
		container.NewGridWithColumns(2,
			container.NewBorder(nil, nil, widget.NewLabel("From"), nil, f.from),
			container.NewBorder(nil, nil, widget.NewLabel("to"), nil, f.to)),
		f.msgs[data.FieldStartsAt], f.msgs[data.FieldEndsAt],
		// The rules answer about the time, so they show right under it,
		// in view without scrolling.
		f.refusalBox, f.emergencyBox,
		f.hasDeadline, f.deadlineRow, f.planned,
	)
	return container.NewVScroll(form)
}

func (f *workBlockForm) fill(wb data.WorkBlock) {
	f.client.SetText(wb.Client)
	f.title.SetText(wb.Title)
	start, end := wb.StartsAt.Local(), wb.EndsAt.Local()
	f.deadlineSet = true // until the deadline below is in place
	f.date.SetDate(&start)
	f.from.SetText(start.Format("15:04"))
	f.to.SetText(end.Format("15:04"))
	f.hasDeadline.SetChecked(wb.DeadlineAt != nil)
	deadline := end.Add(defaultDeadlineAfter)
	if wb.DeadlineAt != nil {
		deadline = wb.DeadlineAt.Local()
	}
	f.following = true
	f.deadlineDate.SetDate(&deadline)
	f.deadlineTime.SetText(dates.Clock(deadline))
	f.following = false
	f.deadlineSet = wb.DeadlineAt != nil
	f.buffer.SetSelected(bufferChoices[0])
	for i, m := range bufferMinutes {
		if m == wb.BufferMinutes {
			f.buffer.SetSelected(bufferChoices[i])
		}
	}
	f.reason.SetText(wb.EmergencyReason)
	f.update()
}

// update shows the deadline fields and the planned finish as they change.
func (f *workBlockForm) update() {
	if f.deadlineRow == nil {
		return
	}
	setVisible(f.deadlineRow, f.hasDeadline.Checked)
	wb, err := f.readQuiet()
	planned, ok := wb.PlannedFinish()
	if err != nil || !ok {
		if wb.BufferMinutes > 0 && err == nil {
			f.planned.SetText(fmt.Sprintf("The %s after the work is kept free for overruns.", data.FormatDuration(wb.Buffer())))
			f.planned.Show()
		} else {
			f.planned.Hide()
		}
		return
	}
	text := fmt.Sprintf("Planned finish: %s (the deadline minus %s of buffer).", dates.Short(planned.Local())+" at "+dates.Clock(planned.Local()), data.FormatDuration(wb.Buffer()))
	if wb.BufferMinutes == 0 {
		text = "Planned finish: the deadline itself. A buffer leaves room for surprises."
	}
	f.planned.SetText(text)
	f.planned.Show()
}

// followDeadline keeps a deadline nobody has set yet two hours after the
// work's end, on the block's own day: a block planned for next week no
// longer gets today's date as its deadline, before the work itself.
func (f *workBlockForm) followDeadline() {
	if !f.deadlineSet {
		if wb, err := f.readQuiet(); err == nil {
			deadline := wb.EndsAt.Add(defaultDeadlineAfter)
			f.following = true
			f.deadlineDate.SetDate(&deadline)
			f.deadlineTime.SetText(dates.Clock(deadline))
			f.following = false
		}
	}
	f.update()
}

// deadlineChanged notes that the person set the deadline themselves.
func (f *workBlockForm) deadlineChanged() {
	if !f.following {
		f.deadlineSet = true
	}
	f.update()
}

// readQuiet reads the fields without showing messages.
func (f *workBlockForm) readQuiet() (data.WorkBlock, error) {
	wb := f.editing
	wb.Client, wb.Title = f.client.Text, f.title.Text
	day, err := ui.DateOfField(f.date)
	if err != nil {
		return wb, fieldErr(data.FieldStartsAt, err)
	}
	h1, m1, err := ui.ParseClock(f.from.Text)
	if err != nil {
		return wb, fieldErr(data.FieldStartsAt, ui.Problem("Start: "+err.Error()))
	}
	h2, m2, err := ui.ParseClock(f.to.Text)
	if err != nil {
		return wb, fieldErr(data.FieldEndsAt, ui.Problem("End: "+err.Error()))
	}
	wb.StartsAt, wb.EndsAt = ui.At(day, h1, m1), ui.At(day, h2, m2)
	if wb.EndsAt.Before(wb.StartsAt) {
		wb.EndsAt = wb.EndsAt.AddDate(0, 0, 1) // into the night
	}
	wb.BufferMinutes = 0
	for i, c := range bufferChoices {
		if f.buffer.Selected == c {
			wb.BufferMinutes = bufferMinutes[i]
		}
	}
	wb.DeadlineAt = nil
	if f.hasDeadline.Checked {
		d, err := ui.DateOfField(f.deadlineDate)
		if err != nil {
			return wb, fieldErr(data.FieldDeadlineAt, err)
		}
		h, m, err := ui.ParseClock(f.deadlineTime.Text)
		if err != nil {
			return wb, fieldErr(data.FieldDeadlineAt, ui.Problem("Deadline: "+err.Error()))
		}
		deadline := ui.At(d, h, m)
		wb.DeadlineAt = &deadline
	}
	return wb, nil
}

func fieldErr(field data.Field, err error) error {
	return &data.ValidationError{Field: field, Message: err.Error()}
}

func (f *workBlockForm) save() {
	for _, m := range f.msgs {
		m.Clear()
	}
	wb, err := f.readQuiet()
	if err != nil {
		f.showError(err)
		return
	}
	reason := ""
	if f.emergencyBox.Visible() {
		reason = f.reason.Text
	}
	f.saveButton.Disable()
	type result struct {
		wb   data.WorkBlock
		conf data.Conflicts
	}
	ui.Background(f.plan.Host, func() (result, error) {
		wb, conf, err := f.plan.Store.SaveWorkBlock(wb, reason)
		return result{wb, conf}, err
	}, func(r result) {
		f.saveButton.Enable()
		f.dlg.Hide()
		if f.saved != nil {
			f.saved(r.wb, r.conf)
		}
	}, func(err error) {
		f.saveButton.Enable()
		f.showError(err)
	})
}
