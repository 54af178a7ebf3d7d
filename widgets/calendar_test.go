package widgets

import (
	"errors"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.Local) }

func TestCalendarWeeksStartOnTheChosenDay(t *testing.T) {
	test.NewTempApp(t)
	for _, start := range []time.Weekday{time.Monday, time.Sunday, time.Saturday} {
		c := NewCalendar(day(2026, time.December, 6), nil)
		c.WeekStart = start
		w := test.NewWindow(c)
		days := c.Days()
		if days[0].Weekday() != start || days[0].After(day(2026, time.December, 1)) || days[6].Before(day(2026, time.December, 1)) {
			t.Errorf("week from %s: first row %v – %v", start, days[0], days[6])
		}
		if got := c.heads[0].Text; got != start.String()[:2] {
			t.Errorf("week from %s: first column headed %q", start, got)
		}
		w.Close()
	}
}

func TestCalendarMarksTodayTheRangeAndMarkedDays(t *testing.T) {
	test.NewTempApp(t)
	c := NewCalendar(day(2026, time.December, 6), nil)
	c.Today = day(2026, time.December, 3)
	c.RangeFrom, c.RangeTo = day(2026, time.December, 6), day(2026, time.December, 20)
	c.Marked = func(d time.Time) bool { return d.Day() == 10 }
	w := test.NewWindow(c)
	defer w.Close()
	for _, cs := range []struct {
		day                           int
		today, inRange, start, marked bool
	}{
		{3, true, false, false, false},
		{5, false, false, false, false},
		{6, false, true, true, false},
		{10, false, true, false, true},
		{19, false, true, false, false},
		{20, false, false, false, false},
	} {
		s := c.State(day(2026, time.December, cs.day))
		if s.Today != cs.today || s.InRange != cs.inRange || s.RangeStart != cs.start || s.Marked != cs.marked {
			t.Errorf("%d Dec: %+v", cs.day, s)
		}
	}
	// The marks are drawn as shapes: the ring, the band's edges, the dot.
	cell := func(d int) *dayCell {
		for _, cl := range c.cells {
			if cl.day.Equal(day(2026, time.December, d)) {
				return cl
			}
		}
		t.Fatalf("no cell for %d Dec", d)
		return nil
	}
	if cell(3).ring.StrokeWidth == 0 {
		t.Error("today has no ring")
	}
	if _, _, _, a := cell(6).bandStart.FillColor.RGBA(); a == 0 {
		t.Error("the range's first day has no edge")
	}
	if _, _, _, a := cell(19).bandEnd.FillColor.RGBA(); a == 0 {
		t.Error("the range's last day has no edge")
	}
	if _, _, _, a := cell(10).dot.FillColor.RGBA(); a == 0 {
		t.Error("a marked day has no dot")
	}
	if _, _, _, a := cell(11).dot.FillColor.RGBA(); a != 0 {
		t.Error("an unmarked day has a dot")
	}
}

func TestCalendarKeyboard(t *testing.T) {
	test.NewTempApp(t)
	var picked time.Time
	c := NewCalendar(day(2026, time.January, 31), func(d time.Time) { picked = d })
	w := test.NewWindow(c)
	defer w.Close()
	w.Canvas().Focus(c)
	for _, k := range []fyne.KeyName{fyne.KeyPageDown} {
		press(w.Canvas(), k)
	}
	if got := c.Cursor(); !got.Equal(day(2026, time.February, 28)) {
		t.Fatalf("Page Down from 31 Jan: %v", got)
	}
	press(w.Canvas(), fyne.KeyRight)
	press(w.Canvas(), fyne.KeyDown)
	if got := c.Month(); got.Month() != time.March {
		t.Fatalf("the month follows the cursor: %v", got)
	}
	press(w.Canvas(), fyne.KeyReturn)
	if !picked.Equal(day(2026, time.March, 8)) {
		t.Errorf("Enter picked %v, want 8 Mar", picked)
	}
	c.WeekStart = time.Monday
	press(w.Canvas(), fyne.KeyHome)
	if got := c.Cursor(); got.Weekday() != time.Monday || !got.Equal(day(2026, time.March, 2)) {
		t.Errorf("Home: %v", got)
	}
}

func TestDateEntryKeepsWhatWasTypedAndSaysWhy(t *testing.T) {
	test.NewTempApp(t)
	e := NewDateEntry()
	e.Format = func(d time.Time) string { return d.Format("Mon 2 Jan 2006") }
	e.Parse = func(s string) (time.Time, error) {
		d, err := time.ParseInLocation("Mon 2 Jan 2006", s, time.Local)
		if err != nil {
			return d, errors.New("not a date")
		}
		return d, nil
	}
	var seen []*time.Time
	e.OnChanged = func(d *time.Time) { seen = append(seen, d) }
	w := test.NewWindow(e)
	defer w.Close()
	d := day(2026, time.December, 6)
	e.SetDate(&d)
	if e.Text != "Sun 6 Dec 2026" || e.Date == nil || !e.Date.Equal(d) || e.Err != nil {
		t.Fatalf("SetDate: %q %v %v", e.Text, e.Date, e.Err)
	}
	test.Type(e, "x")
	if e.Text != "xSun 6 Dec 2026" || e.Date != nil || e.Err == nil {
		t.Errorf("bad text: %q %v %v", e.Text, e.Date, e.Err)
	}
	if len(seen) < 2 || seen[len(seen)-1] != nil {
		t.Errorf("OnChanged heard %v", seen)
	}
	// Leaving the field keeps what can't be read as it is, and writes
	// what can the way the field shows dates.
	e.FocusLost()
	if e.Text != "xSun 6 Dec 2026" {
		t.Errorf("an unreadable date was changed to %q on leaving", e.Text)
	}
	e.Parse = func(string) (time.Time, error) { return d, nil }
	e.SetText("6/12")
	e.FocusLost()
	if e.Text != "Sun 6 Dec 2026" {
		t.Errorf("on leaving, 6/12 reads %q", e.Text)
	}
}

func TestDateEntryPicker(t *testing.T) {
	test.NewTempApp(t)
	e := NewDateEntry()
	e.WeekStart = func() time.Weekday { return time.Sunday }
	marked := day(2026, time.December, 10)
	e.Marked = func(d time.Time) bool { return d.Equal(marked) }
	d := day(2026, time.December, 6)
	e.SetDate(&d)
	w := test.NewWindow(container.NewVBox(e, NewEntry()))
	w.Resize(fyne.NewSize(400, 500))
	defer w.Close()
	w.Canvas().Focus(e)
	press(w.Canvas(), fyne.KeyDown)
	p := e.Picker()
	if p == nil {
		t.Fatal("Down did not open the calendar")
	}
	if w.Canvas().Focused() != p {
		t.Fatalf("the keyboard is in %T, not the calendar", w.Canvas().Focused())
	}
	if p.WeekStart != time.Sunday || !p.State(d).Picked || !p.State(marked).Marked {
		t.Errorf("the calendar starts on %s, picked %v, marked %v", p.WeekStart, p.State(d).Picked, p.State(marked).Marked)
	}
	press(w.Canvas(), fyne.KeyRight)
	press(w.Canvas(), fyne.KeyReturn)
	if e.Picker() != nil {
		t.Error("picking left the calendar open")
	}
	if e.Date == nil || !e.Date.Equal(day(2026, time.December, 7)) || e.Text != "2026-12-07" {
		t.Errorf("picked %v, field says %q", e.Date, e.Text)
	}
	if w.Canvas().Focused() != e {
		t.Errorf("after picking the keyboard is in %T", w.Canvas().Focused())
	}
	// Esc closes the calendar and changes nothing.
	e.OpenPicker()
	press(w.Canvas(), fyne.KeyLeft)
	press(w.Canvas(), fyne.KeyEscape)
	if e.Picker() != nil || e.Text != "2026-12-07" || w.Canvas().Focused() != e {
		t.Errorf("Esc: picker %v, text %q, focus %T", e.Picker(), e.Text, w.Canvas().Focused())
	}
	// The calendar button opens it too.
	test.Tap(e.button)
	if e.Picker() == nil {
		t.Error("the button did not open the calendar")
	}
}
