package ui

import (
	"time"

	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/widgets"
)

// Dates are written the one way package dates says, from the person's
// locale; the week starts on the day the preferences say, by default the
// locale's. Every date field of the window is a newDateField.

// NewDateField is a date field (type it or pick it on the calendar) set to
// d, or empty for the zero time.
func NewDateField(d time.Time) *widgets.DateEntry {
	e := widgets.NewDateEntry()
	e.Format = dates.Date
	e.Parse = func(s string) (time.Time, error) { return dates.Parse(s, time.Now()) }
	e.WeekStart = dates.WeekStart
	if !d.IsZero() {
		e.SetDate(&d)
	}
	return e
}

// DateOfField is the date in a date field, or a message to show under it.
func DateOfField(e *widgets.DateEntry) (time.Time, error) {
	if e.Err != nil {
		return time.Time{}, Problem(e.Err.Error())
	}
	if e.Date == nil {
		return time.Time{}, Problem("Pick a date on the calendar, or type one like " + dates.Example(time.Now()) + ".")
	}
	return *e.Date, nil
}

// WeekdayChoices are the short names of the days ("Mon"), in the order
// the week runs from its first day, for the choices of days.
func WeekdayChoices() []string {
	var names []string
	for _, wd := range dates.Weekdays() {
		names = append(names, ShortDay(wd))
	}
	return names
}

func ShortDay(wd time.Weekday) string { return wd.String()[:3] }

// WeekdayNamed is the day a choice names.
func WeekdayNamed(name string) (time.Weekday, bool) {
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		if ShortDay(wd) == name {
			return wd, true
		}
	}
	return 0, false
}
