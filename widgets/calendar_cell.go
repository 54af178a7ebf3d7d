package widgets

import (
	"image/color"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// dayCell is one day of a Calendar: its number and the shapes that mark it.
type dayCell struct {
	widget.BaseWidget
	cal     *Calendar
	day     time.Time
	hovered bool

	band, bandTop, bandBottom, bandStart, bandEnd *canvas.Rectangle
	hover, cursor                                 *canvas.Rectangle
	disc, ring, dot                               *canvas.Circle
	num                                           *canvas.Text
}

func newDayCell(c *Calendar) *dayCell {
	d := &dayCell{cal: c}
	d.ExtendBaseWidget(d)
	return d
}

// State is what a cell shows, for tests: the marks on it.
type DayState struct {
	Day                             time.Time
	InMonth, Today, Picked, InRange bool
	Marked, Cursor, RangeStart      bool
}

// State reports what the calendar marks on day (which must be shown).
func (c *Calendar) State(day time.Time) DayState {
	day = dayOf(day)
	s := DayState{Day: day}
	s.InMonth = day.Month() == c.month.Month() && day.Year() == c.month.Year()
	s.Today = !c.Today.IsZero() && day.Equal(dayOf(c.Today))
	s.Picked = !c.Picked.IsZero() && day.Equal(dayOf(c.Picked))
	s.InRange = !c.RangeFrom.IsZero() && !day.Before(dayOf(c.RangeFrom)) && day.Before(c.RangeTo)
	s.RangeStart = s.InRange && day.Equal(dayOf(c.RangeFrom))
	s.Marked = c.Marked != nil && c.Marked(day)
	s.Cursor = c.focused && day.Equal(c.cursor)
	return s
}

func (d *dayCell) show(day time.Time) {
	d.day = day
	d.Refresh()
}

func (d *dayCell) Tapped(*fyne.PointEvent) { d.cal.Pick(d.day) }

func (d *dayCell) MouseIn(*desktop.MouseEvent)    { d.hovered = true; d.Refresh() }
func (d *dayCell) MouseMoved(*desktop.MouseEvent) {}
func (d *dayCell) MouseOut()                      { d.hovered = false; d.Refresh() }

func (d *dayCell) CreateRenderer() fyne.WidgetRenderer {
	rect := func() *canvas.Rectangle { return canvas.NewRectangle(color.Transparent) }
	d.band, d.bandTop, d.bandBottom, d.bandStart, d.bandEnd = rect(), rect(), rect(), rect(), rect()
	d.hover, d.cursor = rect(), rect()
	d.disc, d.ring, d.dot = canvas.NewCircle(color.Transparent), canvas.NewCircle(color.Transparent), canvas.NewCircle(color.Transparent)
	d.num = canvas.NewText("", color.Black)
	d.num.Alignment = fyne.TextAlignCenter
	objs := []fyne.CanvasObject{d.band, d.bandTop, d.bandBottom, d.bandStart, d.bandEnd, d.hover, d.disc, d.ring, d.cursor, d.dot, d.num}
	r := &dayCellRenderer{d: d, objs: objs}
	r.Refresh()
	return r
}

type dayCellRenderer struct {
	d    *dayCell
	objs []fyne.CanvasObject
}

func (r *dayCellRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *dayCellRenderer) Destroy()                     {}

func (r *dayCellRenderer) MinSize() fyne.Size {
	th := r.d.Theme()
	text := fyne.MeasureText("28", th.Size(theme.SizeNameText), fyne.TextStyle{Bold: true})
	pad := th.Size(theme.SizeNamePadding)
	// Room for the ring around the number and the dot under it.
	side := max(text.Width+pad*3, text.Height+pad*2)
	return fyne.NewSize(side, side)
}

func (r *dayCellRenderer) Layout(size fyne.Size) {
	d := r.d
	th := d.Theme()
	line := float32(1.5)
	d.band.Move(fyne.NewPos(0, 2))
	d.band.Resize(fyne.NewSize(size.Width, size.Height-4))
	d.bandTop.Move(fyne.NewPos(0, 2))
	d.bandTop.Resize(fyne.NewSize(size.Width, line))
	d.bandBottom.Move(fyne.NewPos(0, size.Height-2-line))
	d.bandBottom.Resize(fyne.NewSize(size.Width, line))
	d.bandStart.Move(fyne.NewPos(0, 2))
	d.bandStart.Resize(fyne.NewSize(line, size.Height-4))
	d.bandEnd.Move(fyne.NewPos(size.Width-line, 2))
	d.bandEnd.Resize(fyne.NewSize(line, size.Height-4))

	side := min(size.Width, size.Height) - 4
	circle := fyne.NewPos((size.Width-side)/2, (size.Height-side)/2)
	for _, o := range []fyne.CanvasObject{d.disc, d.ring, d.hover, d.cursor} {
		o.Move(circle)
		o.Resize(fyne.NewSize(side, side))
	}
	textSize := fyne.MeasureText("28", th.Size(theme.SizeNameText), d.num.TextStyle)
	d.num.Move(fyne.NewPos(0, (size.Height-textSize.Height)/2-1))
	d.num.Resize(fyne.NewSize(size.Width, textSize.Height))
	dot := max(4, side/8)
	d.dot.Move(fyne.NewPos((size.Width-dot)/2, circle.Y+side-dot-1))
	d.dot.Resize(fyne.NewSize(dot, dot))
}

func (r *dayCellRenderer) Refresh() {
	d := r.d
	th := d.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	primary := th.Color(theme.ColorNamePrimary, v)
	s := d.cal.State(d.day)

	d.num.Text = strconv.Itoa(d.day.Day())
	d.num.TextSize = th.Size(theme.SizeNameText)
	d.num.TextStyle = fyne.TextStyle{Bold: s.Today || s.Picked}
	d.num.Color = fg
	if !s.InMonth {
		d.num.Color = th.Color(theme.ColorNamePlaceHolder, v)
	}

	clear := color.Color(color.Transparent)
	band, edge := clear, clear
	if s.InRange {
		band, edge = th.Color(theme.ColorNameSelection, v), fg
	}
	d.band.FillColor = band
	d.bandTop.FillColor, d.bandBottom.FillColor = edge, edge
	d.bandStart.FillColor, d.bandEnd.FillColor = clear, clear
	if s.RangeStart {
		d.bandStart.FillColor = edge
	}
	if s.InRange && !d.day.AddDate(0, 0, 1).Before(d.cal.RangeTo) {
		d.bandEnd.FillColor = edge
	}

	d.disc.FillColor = clear
	if s.Picked {
		d.disc.FillColor = primary
		d.num.Color = th.Color(theme.ColorNameForegroundOnPrimary, v)
	}
	d.ring.StrokeColor, d.ring.StrokeWidth = clear, 0
	if s.Today {
		d.ring.StrokeColor, d.ring.StrokeWidth = fg, 2
	}
	d.hover.FillColor = clear
	if d.hovered {
		d.hover.FillColor = th.Color(theme.ColorNameHover, v)
	}
	d.hover.CornerRadius = th.Size(theme.SizeNameInputRadius)
	d.cursor.StrokeColor, d.cursor.StrokeWidth = clear, 0
	d.cursor.CornerRadius = th.Size(theme.SizeNameInputRadius)
	if s.Cursor {
		d.cursor.StrokeColor, d.cursor.StrokeWidth = th.Color(theme.ColorNameFocus, v), 2
	}
	d.dot.FillColor = clear
	if s.Marked {
		d.dot.FillColor = fg
		if s.Picked {
			d.dot.FillColor = d.num.Color
		}
	}
	for _, o := range r.objs {
		o.Refresh()
	}
}

// CalendarLegend says what a Calendar's marks mean, with the marks
// themselves: "◯ today", "▭ shown", "• markName".
func CalendarLegend(markName string) fyne.CanvasObject {
	item := func(mark fyne.CanvasObject, text string) fyne.CanvasObject {
		l := widget.NewLabel(text)
		l.SizeName = theme.SizeNameCaptionText
		return container.NewHBox(container.NewCenter(mark), l)
	}
	ring := &legendMark{kind: 0}
	band := &legendMark{kind: 1}
	dot := &legendMark{kind: 2}
	for _, m := range []*legendMark{ring, band, dot} {
		m.ExtendBaseWidget(m)
	}
	return container.NewHBox(item(ring, "today"), item(band, "shown"), item(dot, markName))
}

// legendMark draws one of the calendar's marks at the size of a caption.
type legendMark struct {
	widget.BaseWidget
	kind int // 0 ring, 1 band, 2 dot
}

func (m *legendMark) CreateRenderer() fyne.WidgetRenderer {
	r := &legendRenderer{m: m}
	switch m.kind {
	case 0, 2:
		r.circle = canvas.NewCircle(color.Transparent)
		r.obj = r.circle
	default:
		r.rect = canvas.NewRectangle(color.Transparent)
		r.obj = r.rect
	}
	r.Refresh()
	return r
}

// legendRenderer draws the mark in the theme's colours of the moment.
type legendRenderer struct {
	m      *legendMark
	obj    fyne.CanvasObject
	circle *canvas.Circle
	rect   *canvas.Rectangle
}

func (r *legendRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.obj} }
func (r *legendRenderer) Destroy()                     {}
func (r *legendRenderer) Layout(s fyne.Size)           { r.obj.Resize(s) }

func (r *legendRenderer) Refresh() {
	th := r.m.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	switch r.m.kind {
	case 0:
		r.circle.StrokeColor, r.circle.StrokeWidth = fg, 2
	case 1:
		r.rect.FillColor = th.Color(theme.ColorNameSelection, v)
		r.rect.StrokeColor, r.rect.StrokeWidth = fg, 1.5
	default:
		r.circle.FillColor = fg
	}
	r.obj.Refresh()
}

func (r *legendRenderer) MinSize() fyne.Size {
	switch r.m.kind {
	case 0:
		return fyne.NewSize(12, 12)
	case 1:
		return fyne.NewSize(16, 10)
	}
	return fyne.NewSize(6, 6)
}
