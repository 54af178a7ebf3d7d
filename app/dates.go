package app

import (
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/widgets"
)

// Dates are written the one way package dates says, from the person's
// locale; the week starts on the day the preferences say, by default the
// locale's. Every date field of the window is a newDateField.

// prefWeekStart is the first day of the week the person chose (0 Sunday …
// 6 Saturday); unset means the locale's.
const prefWeekStart = "calendar.weekStart"

// systemLocale names the person's locale as Fyne reads it ("en-GB"); tests
// set their own.
var systemLocale = func() string { return lang.SystemLocale().String() }

// useDateStyle sets the style of every date the window writes and reads.
func (u *UI) useDateStyle() {
	s := dates.ForLocale(systemLocale())
	if wd := u.app.Preferences().IntWithFallback(prefWeekStart, -1); wd >= 0 && wd <= 6 {
		s.WeekStart = time.Weekday(wd)
	}
	dates.Use(s)
}

// setWeekStart is the preference changing: every calendar turns to it.
func (u *UI) setWeekStart(wd time.Weekday) {
	u.app.Preferences().SetInt(prefWeekStart, int(wd))
	u.useDateStyle()
	for _, sc := range u.screens {
		if w, ok := sc.(interface{ weekStartChanged() }); ok {
			w.weekStartChanged()
		}
	}
}

// newDateField is a date field (type it or pick it on the calendar) set to
// d, or empty for the zero time.
func newDateField(d time.Time) *widgets.DateEntry {
	e := widgets.NewDateEntry()
	e.Format = dates.Date
	e.Parse = func(s string) (time.Time, error) { return dates.Parse(s, time.Now()) }
	e.WeekStart = dates.WeekStart
	if !d.IsZero() {
		e.SetDate(&d)
	}
	return e
}

// dateOfField is the date in a date field, or a message to show under it.
func dateOfField(e *widgets.DateEntry) (time.Time, error) {
	if e.Err != nil {
		return time.Time{}, problem(e.Err.Error())
	}
	if e.Date == nil {
		return time.Time{}, problem("Pick a date on the calendar, or type one like " + dates.Example(time.Now()) + ".")
	}
	return *e.Date, nil
}

// weekdayChoices are the short names of the days ("Mon"), in the order
// the week runs from its first day, for the choices of days.
func weekdayChoices() []string {
	var names []string
	for _, wd := range dates.Weekdays() {
		names = append(names, shortDay(wd))
	}
	return names
}

func shortDay(wd time.Weekday) string { return wd.String()[:3] }

// weekdayNamed is the day a choice names.
func weekdayNamed(name string) (time.Weekday, bool) {
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		if shortDay(wd) == name {
			return wd, true
		}
	}
	return 0, false
}
