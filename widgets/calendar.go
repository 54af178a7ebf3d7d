package widgets

import (
	"log/slog"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Calendar is a month of days to pick from, in weeks that start on the day
// the person chose. It marks today (a ring), the days an agenda shows (a
// band with edges), the days something marked falls on (a dot under the
// number) and the date picked (a filled disc): each a shape, so none relies
// on colour alone. Fyne's own calendar takes its week start and its date
// format from a table of its own and marks nothing.
//
// The keyboard moves a cursor: the arrows by a day or a week, Page Up and
// Page Down by a month, Home and End to the week's ends, Enter or Space
// picks, Esc dismisses (when OnDismiss is set).
type Calendar struct {
	widget.BaseWidget

	// WeekStart is the first column.
	WeekStart time.Weekday
	// Today is the day marked with a ring.
	Today time.Time
	// Picked is the day shown as chosen; zero for none.
	Picked time.Time
	// RangeFrom and RangeTo mark the days [from, to) as shown elsewhere;
	// zero for none.
	RangeFrom, RangeTo time.Time
	// Marked reports whether a day gets a dot; nil for none.
	Marked func(day time.Time) bool
	// MarkName says what the dot means, for the log and the legend.
	MarkName string

	OnPicked  func(day time.Time)
	OnDismiss func()
	// OnMonth is told the first day of the month turned to.
	OnMonth func(first time.Time)

	month   time.Time // the first of the month shown
	cursor  time.Time // the keyboard's day
	focused bool

	title      *widget.Label
	prev, next *Button
	heads      [7]*widget.Label
	cells      [42]*dayCell
}

// NewCalendar shows the month holding day, with the cursor on it.
func NewCalendar(day time.Time, picked func(time.Time)) *Calendar {
	c := &Calendar{WeekStart: time.Monday, Today: dayOf(time.Now()), OnPicked: picked}
	c.cursor = dayOf(day)
	c.month = firstOfMonth(c.cursor)
	c.ExtendBaseWidget(c)
	return c
}

// ShowMonth turns to the month holding day and puts the cursor on it.
func (c *Calendar) ShowMonth(day time.Time) {
	c.cursor = dayOf(day)
	c.setMonth(firstOfMonth(c.cursor))
	c.Refresh()
}

func (c *Calendar) setMonth(first time.Time) {
	if first.Equal(c.month) {
		return
	}
	c.month = first
	if c.OnMonth != nil {
		c.OnMonth(first)
	}
}

// Month is the first day of the month shown.
func (c *Calendar) Month() time.Time { return c.month }

// Cursor is the day the keyboard is on.
func (c *Calendar) Cursor() time.Time { return c.cursor }

// Days are the 42 days shown, from the first column of the first week.
func (c *Calendar) Days() []time.Time {
	back := (int(c.month.Weekday()) - int(c.WeekStart) + 7) % 7
	first := c.month.AddDate(0, 0, -back)
	out := make([]time.Time, 42)
	for i := range out {
		out[i] = first.AddDate(0, 0, i)
	}
	return out
}

// Pick chooses day, as a click on it does.
func (c *Calendar) Pick(day time.Time) {
	day = dayOf(day)
	c.cursor = day
	c.setMonth(firstOfMonth(day))
	c.Refresh()
	slog.Debug("calendar picked", "day", day.Format("2006-01-02"))
	if c.OnPicked != nil {
		c.OnPicked(day)
	}
}

func (c *Calendar) turn(months int) {
	c.setMonth(c.month.AddDate(0, months, 0))
	c.cursor = clampDay(c.month, c.cursor.Day())
	c.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (c *Calendar) CreateRenderer() fyne.WidgetRenderer {
	c.ExtendBaseWidget(c)
	c.title = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	c.prev = NewIconButton("Previous month", theme.NavigateBackIcon(), func() { c.turn(-1) })
	c.next = NewIconButton("Next month", theme.NavigateNextIcon(), func() { c.turn(1) })
	c.prev.Importance, c.next.Importance = widget.LowImportance, widget.LowImportance
	var objs []fyne.CanvasObject
	for i := range c.heads {
		c.heads[i] = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
		c.heads[i].SizeName = theme.SizeNameCaptionText
		objs = append(objs, c.heads[i])
	}
	for i := range c.cells {
		c.cells[i] = newDayCell(c)
		objs = append(objs, c.cells[i])
	}
	grid := container.New(calendarGrid{}, objs...)
	nav := container.NewBorder(nil, nil, c.prev, c.next, c.title)
	r := &calendarRenderer{c: c, box: container.NewBorder(nav, nil, nil, nil, grid)}
	r.Refresh()
	return r
}

type calendarRenderer struct {
	c   *Calendar
	box *fyne.Container
}

func (r *calendarRenderer) Layout(s fyne.Size)           { r.box.Resize(s) }
func (r *calendarRenderer) MinSize() fyne.Size           { return r.box.MinSize() }
func (r *calendarRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.box} }
func (r *calendarRenderer) Destroy()                     {}

func (r *calendarRenderer) Refresh() {
	c := r.c
	c.title.SetText(c.month.Format("January 2006"))
	for i := range c.heads {
		wd := (c.WeekStart + time.Weekday(i)) % 7
		c.heads[i].SetText(wd.String()[:2])
	}
	for i, d := range c.Days() {
		c.cells[i].show(d)
	}
	r.box.Refresh()
}

// The keyboard.

func (c *Calendar) FocusGained() {
	c.focused = true
	c.Refresh()
	logFocus(c, "calendar", c.cursor.Format("2006-01-02"))
}

func (c *Calendar) FocusLost() {
	c.focused = false
	c.Refresh()
}

func (c *Calendar) TypedRune(r rune) {
	if r == ' ' {
		c.Pick(c.cursor)
	}
}

// AcceptsTab is false: Tab moves on.
func (c *Calendar) AcceptsTab() bool { return false }

func (c *Calendar) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && c.OnDismiss != nil {
		c.OnDismiss()
		return
	}
	typedKey(c, ev, true, func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyLeft:
			c.moveCursor(c.cursor.AddDate(0, 0, -1))
		case fyne.KeyRight:
			c.moveCursor(c.cursor.AddDate(0, 0, 1))
		case fyne.KeyUp:
			c.moveCursor(c.cursor.AddDate(0, 0, -7))
		case fyne.KeyDown:
			c.moveCursor(c.cursor.AddDate(0, 0, 7))
		case fyne.KeyPageUp:
			c.moveCursor(clampDay(c.month.AddDate(0, -1, 0), c.cursor.Day()))
		case fyne.KeyPageDown:
			c.moveCursor(clampDay(c.month.AddDate(0, 1, 0), c.cursor.Day()))
		case fyne.KeyHome:
			back := (int(c.cursor.Weekday()) - int(c.WeekStart) + 7) % 7
			c.moveCursor(c.cursor.AddDate(0, 0, -back))
		case fyne.KeyEnd:
			back := (int(c.cursor.Weekday()) - int(c.WeekStart) + 7) % 7
			c.moveCursor(c.cursor.AddDate(0, 0, 6-back))
		case fyne.KeyReturn, fyne.KeyEnter:
			c.Pick(c.cursor)
		}
	})
}

func (c *Calendar) moveCursor(d time.Time) {
	c.cursor = dayOf(d)
	c.setMonth(firstOfMonth(c.cursor))
	c.Refresh()
}

// dayOf is local midnight of t's calendar date.
func dayOf(t time.Time) time.Time {
	t = t.Local()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.Local)
}

func firstOfMonth(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.Local)
}

// clampDay is day d of month m, or its last day when it is shorter.
func clampDay(m time.Time, d int) time.Time {
	last := time.Date(m.Year(), m.Month()+1, 0, 0, 0, 0, 0, time.Local).Day()
	return time.Date(m.Year(), m.Month(), min(d, last), 0, 0, 0, 0, time.Local)
}

// calendarGrid lays out seven columns: a row of weekday names, then six
// weeks, every cell the same size.
type calendarGrid struct{}

func (calendarGrid) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var head, cell fyne.Size
	for i, o := range objs {
		if i < 7 {
			head = head.Max(o.MinSize())
		} else {
			cell = cell.Max(o.MinSize())
		}
	}
	w := max(head.Width, cell.Width)
	return fyne.NewSize(w*7, head.Height+cell.Height*6)
}

func (calendarGrid) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var head fyne.Size
	for _, o := range objs[:min(7, len(objs))] {
		head = head.Max(o.MinSize())
	}
	w := size.Width / 7
	h := (size.Height - head.Height) / 6
	for i, o := range objs {
		col := i % 7
		if i < 7 {
			o.Move(fyne.NewPos(float32(col)*w, 0))
			o.Resize(fyne.NewSize(w, head.Height))
			continue
		}
		row := (i - 7) / 7
		o.Move(fyne.NewPos(float32(col)*w, head.Height+float32(row)*h))
		o.Resize(fyne.NewSize(w, h))
	}
}
