package plan

import (
	"errors"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/data/repeat"
	"github.com/bothand/bothand/data/zone"
	"github.com/bothand/bothand/widgets"
)

// The repeat choices, in the order the form offers them.
var repeatChoices = []string{"Does not repeat", "Every day", "Every week", "Every month", "Every year"}

var repeatFreqs = []string{"", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"}

const repeatCustom = "As imported (custom rule)"

var endChoices = []string{"Never ends", "Until a date", "A number of times"}

// tierChoices describe each tier where it is chosen.
var tierChoices = []string{
	"1 · Non-negotiable: work never takes this time",
	"2 · High priority: only for a genuine emergency",
	"3 · Flexible: work may take it; make it up later",
}

// commitmentForm adds or edits a commitment in a dialog. Nothing typed is
// lost on a refusal: the message shows under the field and the dialog stays.
type commitmentForm struct {
	plan    *Plan
	dlg     *ui.Dialog
	editing data.Commitment // the commitment as loaded; ID 0 for a new one
	saved   func(data.Commitment)

	title    *widgets.Entry
	tier     *widgets.RadioGroup
	allDay   *widgets.Check
	date     *widgets.DateEntry
	from, to *widgets.Entry
	lastDay  *widgets.DateEntry
	repeat   *widgets.Select
	days     *widgets.CheckGroup
	ends     *widgets.Select
	until    *widgets.DateEntry
	count    *widgets.Entry
	location *widgets.Entry
	notes    *widgets.Entry
	skipped  *fyne.Container
	exdates  []time.Time

	timeRow, lastDayRow, daysRow, endRow *fyne.Container
	untilBox, countBox                   *fyne.Container
	msgs                                 map[data.Field]ui.FieldMessage
	saveButton                           *widgets.Button
}

// showCommitmentForm opens the form for c (a new one when c.ID is 0);
// saved is called with what was stored.
func (pl *Plan) showCommitmentForm(c data.Commitment, saved func(data.Commitment)) *commitmentForm {
	f := &commitmentForm{plan: pl, editing: c, saved: saved, msgs: map[data.Field]ui.FieldMessage{}, exdates: c.ExDates}
	for _, k := range []data.Field{data.FieldTitle, data.FieldTier, data.FieldStartsAt, data.FieldEndsAt, data.FieldRRule, data.FieldLocation, data.FieldNotes, data.FieldTimeZone} {
		f.msgs[k] = ui.NewFieldMessage()
	}
	f.build()
	f.fill(c)
	name := "New commitment"
	if c.ID != 0 {
		name = "Edit commitment"
	}
	f.dlg = pl.NewDialog(ui.DlgCommitment, name, f.content())
	f.dlg.Form = true
	if c.ID != 0 {
		del := f.dlg.Button("Delete", theme.DeleteIcon(), f.confirmDelete)
		del.Importance = widget.DangerImportance
	}
	f.dlg.CancelButton("Cancel", nil)
	f.saveButton = f.dlg.DefaultButton("Save", theme.DocumentSaveIcon(), f.save)
	f.showParts()
	f.dlg.Show(600, 700, f.title)
	return f
}

func (f *commitmentForm) build() {
	f.title = widgets.NewEntry()
	f.title.SetPlaceHolder("Sports day, family dinner, bedtime story…")
	f.tier = widgets.NewRadioGroup(tierChoices, nil)
	f.tier.Required = true
	f.allDay = widgets.NewCheck("All day", func(bool) { f.showParts() })
	f.date = ui.NewDateField(time.Time{})
	f.from, f.to = ui.NewClockField(18, 0), ui.NewClockField(19, 0)
	f.lastDay = ui.NewDateField(time.Time{})
	f.repeat = widgets.NewSelect(repeatChoices, func(string) { f.showParts() })
	f.days = widgets.NewCheckGroup(ui.WeekdayChoices(), nil)
	f.days.Horizontal = true
	f.ends = widgets.NewSelect(endChoices, func(string) { f.showParts() })
	f.until = ui.NewDateField(time.Time{})
	f.count = widgets.NewEntry()
	f.count.SetPlaceHolder("10")
	f.location = widgets.NewEntry()
	f.location.SetPlaceHolder("Optional")
	f.notes = widgets.NewTextArea()
	f.notes.SetPlaceHolder("Optional")
	f.notes.SetMinRowsVisible(3)
	ui.LimitPastes(f.notes, ui.PasteLimit, f.msgs[data.FieldNotes].Say)
	f.skipped = container.NewVBox()
}

func (f *commitmentForm) content() fyne.CanvasObject {
	label := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	f.timeRow = container.NewGridWithColumns(2,
		container.NewBorder(nil, nil, widget.NewLabel("From"), nil, f.from),
		container.NewBorder(nil, nil, widget.NewLabel("to"), nil, f.to))
	f.lastDayRow = container.NewBorder(nil, nil, widget.NewLabel("Last day"), nil, f.lastDay)
	f.daysRow = container.NewVBox(f.days)
	f.untilBox = container.NewBorder(nil, nil, widget.NewLabel("Last date"), nil, f.until)
	f.countBox = container.NewBorder(nil, nil, widget.NewLabel("Times"), nil, f.count)
	f.endRow = container.NewVBox(f.ends, f.untilBox, f.countBox)
	form := container.NewVBox(
		label("Title"), f.title, f.msgs[data.FieldTitle],
		label("Tier"), f.tier, f.msgs[data.FieldTier],
		label("When"), container.NewBorder(nil, nil, nil, f.allDay, f.date), f.timeRow, f.lastDayRow,
		f.msgs[data.FieldStartsAt], f.msgs[data.FieldEndsAt], f.msgs[data.FieldTimeZone],
		label("Repeats"), f.repeat, f.daysRow, f.endRow, f.skipped, f.msgs[data.FieldRRule],
		label("Where"), f.location, f.msgs[data.FieldLocation],
		label("Notes"), f.notes, f.msgs[data.FieldNotes],
	)
	return container.NewVScroll(form)
}

// fill shows c in the form.
func (f *commitmentForm) fill(c data.Commitment) {
	f.title.SetText(c.Title)
	if c.Tier.Valid() {
		f.tier.SetSelected(tierChoices[c.Tier-1])
	}
	f.allDay.SetChecked(c.AllDay)
	start, end := c.StartsAt.Local(), c.EndsAt.Local()
	if c.AllDay {
		start, end = c.StartsAt, c.EndsAt.AddDate(0, 0, -1) // dates at 00:00 UTC
	}
	f.date.SetDate(&start)
	f.lastDay.SetDate(&end)
	f.from.SetText(start.Format("15:04"))
	f.to.SetText(end.Format("15:04"))
	if c.AllDay {
		f.from.SetText("09:00")
		f.to.SetText("10:00")
	}
	f.location.SetText(c.Location)
	f.notes.SetText(c.Notes)

	r, simple := repeat.Parse(c.RRule)
	if !simple {
		f.repeat.Options = append(append([]string{}, repeatChoices...), repeatCustom)
		f.repeat.SetSelected(repeatCustom)
	} else {
		for i, freq := range repeatFreqs {
			if freq == r.Freq {
				f.repeat.SetSelected(repeatChoices[i])
			}
		}
	}
	var days []string
	for _, d := range r.Days {
		days = append(days, ui.ShortDay(d))
	}
	if len(days) == 0 {
		days = []string{ui.ShortDay(start.Weekday())}
	}
	f.days.SetSelected(days)
	switch {
	case r.Count > 0:
		f.ends.SetSelected(endChoices[2])
		f.count.SetText(strconv.Itoa(r.Count))
	case !r.Until.IsZero():
		f.ends.SetSelected(endChoices[1])
		f.until.SetDate(&r.Until)
	default:
		f.ends.SetSelected(endChoices[0])
	}
	f.showSkipped()
	f.showParts()
}

// showParts shows the fields that apply: times or a last day, the week's
// days for a weekly repeat, the end of the repeat.
func (f *commitmentForm) showParts() {
	if f.timeRow == nil {
		return
	}
	setVisible(f.timeRow, !f.allDay.Checked)
	setVisible(f.lastDayRow, f.allDay.Checked)
	repeating := f.repeat.Selected != repeatChoices[0] && f.repeat.Selected != ""
	setVisible(f.daysRow, f.repeat.Selected == "Every week")
	setVisible(f.endRow, repeating && f.repeat.Selected != repeatCustom)
	setVisible(f.untilBox, f.ends.Selected == endChoices[1])
	setVisible(f.countBox, f.ends.Selected == endChoices[2])
	setVisible(f.skipped, repeating && len(f.exdates) > 0)
}

func setVisible(o fyne.CanvasObject, v bool) {
	if v {
		o.Show()
	} else {
		o.Hide()
	}
}

// showSkipped lists the skipped dates, each with a way to bring it back.
func (f *commitmentForm) showSkipped() {
	f.skipped.RemoveAll()
	if len(f.exdates) == 0 {
		return
	}
	f.skipped.Add(widget.NewLabel("Skipped:"))
	for i, d := range f.exdates {
		when := dates.Date(d.Local()) + ", " + dates.Clock(d.Local())
		if f.editing.AllDay {
			when = dates.Date(d)
		}
		f.skipped.Add(container.NewBorder(nil, nil, nil,
			widgets.NewButton("Bring back", func() {
				f.exdates = append(f.exdates[:i:i], f.exdates[i+1:]...)
				f.showSkipped()
				f.showParts()
			}), widget.NewLabel(when)))
	}
}

// read turns the form into a commitment, or shows what can't be read.
func (f *commitmentForm) read() (data.Commitment, bool) {
	for _, m := range f.msgs {
		m.Clear()
	}
	c := f.editing
	c.Title = f.title.Text
	c.Tier = 0
	for i, choice := range tierChoices {
		if f.tier.Selected == choice {
			c.Tier = data.Tier(i + 1)
		}
	}
	if c.Tier == 0 {
		f.msgs[data.FieldTier].Say("Choose a tier: how much may work give way to this?")
		return c, false
	}
	day, err := ui.DateOfField(f.date)
	if err != nil {
		f.msgs[data.FieldStartsAt].Say(err.Error())
		return c, false
	}
	c.AllDay = f.allDay.Checked
	if c.AllDay {
		last, err := ui.DateOfField(f.lastDay)
		if err != nil {
			last = day
		}
		c.StartsAt = time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC)
		c.EndsAt = time.Date(last.Year(), last.Month(), last.Day()+1, 0, 0, 0, 0, time.UTC)
		c.TimeZone = ""
	} else {
		h1, m1, err := ui.ParseClock(f.from.Text)
		if err != nil {
			f.msgs[data.FieldStartsAt].Say("Start: " + err.Error())
			return c, false
		}
		h2, m2, err := ui.ParseClock(f.to.Text)
		if err != nil {
			f.msgs[data.FieldEndsAt].Say("End: " + err.Error())
			return c, false
		}
		c.StartsAt, c.EndsAt = ui.At(day, h1, m1), ui.At(day, h2, m2)
		if c.EndsAt.Before(c.StartsAt) {
			// "22:00 to 01:00" runs past midnight.
			c.EndsAt = c.EndsAt.AddDate(0, 0, 1)
		}
		if f.editing.ID == 0 || c.TimeZone == "" {
			c.TimeZone = zone.Local()
		}
	}
	rule, ok := f.rule(c)
	if !ok {
		return c, false
	}
	c.RRule = rule
	c.ExDates = f.exdates
	if c.RRule == "" {
		c.ExDates = nil
	}
	c.Location, c.Notes = f.location.Text, f.notes.Text
	return c, true
}

// rule builds the repeat rule from the repeat fields.
func (f *commitmentForm) rule(c data.Commitment) (string, bool) {
	if f.repeat.Selected == repeatCustom {
		return f.editing.RRule, true
	}
	var r repeat.Simple
	for i, choice := range repeatChoices {
		if f.repeat.Selected == choice {
			r.Freq = repeatFreqs[i]
		}
	}
	if r.Freq == "" {
		return "", true
	}
	if r.Freq == "WEEKLY" {
		for _, name := range f.days.Selected {
			if wd, ok := ui.WeekdayNamed(name); ok {
				r.Days = append(r.Days, wd)
			}
		}
		if len(r.Days) == 0 {
			f.msgs[data.FieldRRule].Say("Choose the days of the week it happens on.")
			return "", false
		}
	}
	switch f.ends.Selected {
	case endChoices[1]:
		d, err := ui.DateOfField(f.until)
		if err != nil {
			f.msgs[data.FieldRRule].Say("Last date: " + err.Error())
			return "", false
		}
		r.Until = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
	case endChoices[2]:
		n, err := strconv.Atoi(f.count.Text)
		if err != nil || n < 1 || n > data.MaxRepeatCount {
			f.msgs[data.FieldRRule].Say("Write how many times it happens, a number from 1 to 10000.")
			return "", false
		}
		r.Count = n
	}
	return r.Rule(), true
}

func (f *commitmentForm) save() {
	c, ok := f.read()
	if !ok {
		return
	}
	f.saveButton.Disable()
	ui.Background(f.plan.Host, func() (data.Commitment, error) {
		return f.plan.Store.SaveCommitment(c)
	}, func(saved data.Commitment) {
		f.saveButton.Enable()
		f.dlg.Hide()
		if f.saved != nil {
			f.saved(saved)
		}
	}, func(err error) {
		f.saveButton.Enable()
		f.showError(err)
	})
}

// showError puts a refusal under the field it is about.
func (f *commitmentForm) showError(err error) {
	var ve *data.ValidationError
	if errors.As(err, &ve) {
		if m, ok := f.msgs[ve.Field]; ok {
			m.Say(ve.Message)
			return
		}
	}
	f.plan.ShowError(err)
}

func (f *commitmentForm) confirmDelete() {
	c := f.editing
	f.plan.Confirm(ui.DlgDeleteCommitment, "Delete “"+c.Title+"”?",
		"It leaves the agenda. What you recorded about it (the kept record) stays in the journal.",
		"Delete", func() {
			ui.BackgroundDo(f.plan.Host, func() error {
				return f.plan.Store.DeleteCommitment(c.ID)
			}, func() {
				f.dlg.Hide()
				if f.saved != nil {
					f.saved(data.Commitment{})
				}
			})
		})
}
