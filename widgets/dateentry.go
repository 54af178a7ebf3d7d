package widgets

import (
	"log/slog"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// DateEntry is a date field: type the date, or pick it on a Calendar that
// opens under the field (its button, or the Down arrow). It writes and
// reads dates with Format and Parse, so it shows dates as the rest of the
// window does and reads back whatever it shows; Fyne's date field has a
// format and a first weekday of its own. What was typed stays in the field
// whether or not it reads as a date: Err says why not.
type DateEntry struct {
	Entry

	// Date is the date in the field, nil when it is empty or unreadable.
	Date *time.Time
	// Err is why the text is not a date, nil when it is one or is empty.
	Err       error
	OnChanged func(*time.Time) `json:"-"`

	// Format writes a date in the field and Parse reads the text; ISO
	// (2026-12-06) when nil.
	Format func(time.Time) string
	Parse  func(string) (time.Time, error)
	// WeekStart is the picker's first weekday when it opens (Monday when
	// nil); Marked, its marked days (nil for none).
	WeekStart func() time.Weekday
	Marked    func(time.Time) bool

	button *Button
	picker *Calendar
	popUp  *widget.PopUp
}

// NewDateEntry returns an empty date field.
func NewDateEntry() *DateEntry {
	e := &DateEntry{}
	e.ExtendBaseWidget(e)
	e.Entry.OnChanged = e.textChanged
	e.button = NewIconButton("Pick a date on the calendar", theme.CalendarIcon(), e.OpenPicker)
	e.button.Importance = widget.LowImportance
	e.ActionItem = e.button
	return e
}

// NewDateEntryAt returns a date field set to d.
func NewDateEntryAt(d time.Time) *DateEntry {
	e := NewDateEntry()
	e.SetDate(&d)
	return e
}

// SetDate shows d in the field, or empties it for nil.
func (e *DateEntry) SetDate(d *time.Time) {
	if d == nil {
		e.SetText("")
		return
	}
	e.SetText(e.format(*d))
}

func (e *DateEntry) format(d time.Time) string {
	if e.Format != nil {
		return e.Format(d)
	}
	return d.Format(time.DateOnly)
}

func (e *DateEntry) parse(s string) (time.Time, error) {
	if e.Parse != nil {
		return e.Parse(s)
	}
	return time.ParseInLocation(time.DateOnly, s, time.Local)
}

// textChanged reads the text as a date.
func (e *DateEntry) textChanged(s string) {
	e.Date, e.Err = nil, nil
	if s != "" {
		if d, err := e.parse(s); err != nil {
			e.Err = err
		} else {
			e.Date = &d
		}
	}
	if e.OnChanged != nil {
		e.OnChanged(e.Date)
	}
}

// Enable and Disable take the calendar button along.
func (e *DateEntry) Enable() {
	e.button.Enable()
	e.Entry.Enable()
}

func (e *DateEntry) Disable() {
	e.button.Disable()
	e.Entry.Disable()
}

// CreateRenderer implements fyne.Widget.
func (e *DateEntry) CreateRenderer() fyne.WidgetRenderer {
	e.ExtendBaseWidget(e)
	return passWheel(e, e.Entry.Entry.CreateRenderer())
}

// AcceptsTab is false: Tab moves on.
func (e *DateEntry) AcceptsTab() bool { return false }

// TypedKey opens the calendar on the Down arrow.
func (e *DateEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyDown && !e.Disabled() {
		e.OpenPicker()
		return
	}
	typedKey(e, ev, e.OnSubmitted != nil, e.editKey)
}

// FocusGained scrolls the field into view.
func (e *DateEntry) FocusGained() {
	e.Entry.Entry.FocusGained()
	Reveal(e)
	logFocus(e, "date", e.PlaceHolder)
}

// FocusLost writes a date typed in another form ("12/8", "tomorrow") the
// way the field shows dates, so the person sees which day it was read as.
func (e *DateEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.Date != nil && e.Err == nil {
		if shown := e.format(*e.Date); shown != e.Text {
			e.SetText(shown)
		}
	}
}

// Picker is the open calendar, nil when it is closed.
func (e *DateEntry) Picker() *Calendar {
	if e.popUp == nil || !e.popUp.Visible() {
		return nil
	}
	return e.picker
}

// OpenPicker shows the calendar under the field (above it when there is
// no room below), on the field's date or today, with the keyboard in it.
func (e *DateEntry) OpenPicker() {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	day := time.Now()
	if e.Date != nil {
		day = *e.Date
	}
	e.picker = NewCalendar(day, e.picked)
	e.picker.WeekStart = time.Monday
	if e.WeekStart != nil {
		e.picker.WeekStart = e.WeekStart()
	}
	e.picker.Marked = e.Marked
	if e.Date != nil {
		e.picker.Picked = *e.Date
	}
	e.picker.OnDismiss = e.ClosePicker
	e.popUp = widget.NewPopUp(e.picker, c)
	size := e.picker.MinSize()
	size.Width = max(size.Width, min(e.Size().Width, size.Width*1.4))
	size = size.Add(fyne.NewSquareSize(2 * theme.Padding()))
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	pos := abs.AddXY(0, e.Size().Height)
	room := c.Size()
	if pos.Y+size.Height > room.Height && abs.Y-size.Height >= 0 {
		pos.Y = abs.Y - size.Height
	}
	pos.X = max(0, min(pos.X, room.Width-size.Width))
	pos.Y = max(0, pos.Y)
	e.popUp.ShowAtPosition(pos)
	e.popUp.Resize(size)
	c.Focus(e.picker)
	slog.Debug("date picker shown", "field", e.PlaceHolder)
}

// ClosePicker closes the calendar and gives the keyboard back to the field.
func (e *DateEntry) ClosePicker() {
	if e.popUp == nil {
		return
	}
	e.popUp.Hide()
	e.popUp = nil
	if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
		c.Focus(e)
	}
	slog.Debug("date picker closed", "field", e.PlaceHolder)
}

func (e *DateEntry) picked(d time.Time) {
	e.SetDate(&d)
	e.ClosePicker()
}
