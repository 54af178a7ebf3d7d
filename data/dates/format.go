package dates

import (
	"fmt"
	"time"
)

// now is the clock that decides which year goes without saying.
var now = time.Now

// The forms below take the time as it is (callers pass local time); the
// year is written only when it is not the current one, except in Date and
// Numeric, which always write it: a field must read back unambiguously.

// Date is a date in full, as a date field shows it: "Sun 6 Dec 2026",
// "Sun, Dec 6, 2026", "Sun 2026-12-06".
func Date(t time.Time) string {
	switch Current().Order {
	case MonthDayYear:
		return t.Format("Mon, Jan 2, 2006")
	case YearMonthDay:
		return t.Format("Mon 2006-01-02")
	}
	return t.Format("Mon 2 Jan 2006")
}

// Short is a date in lists and messages: "Sun 6 Dec", "Sun, Dec 6", with
// the year when it is not this year's.
func Short(t time.Time) string {
	if !thisYear(t) || Current().Order == YearMonthDay {
		return Date(t)
	}
	if Current().Order == MonthDayYear {
		return t.Format("Mon, Jan 2")
	}
	return t.Format("Mon 2 Jan")
}

// Long is a date as a heading says it: "Sunday 6 December", "Sunday,
// December 6", with the year when it is not this year's.
func Long(t time.Time) string {
	year := !thisYear(t)
	switch Current().Order {
	case MonthDayYear:
		if year {
			return t.Format("Monday, January 2, 2006")
		}
		return t.Format("Monday, January 2")
	case YearMonthDay:
		return t.Format("Monday 2006-01-02")
	}
	if year {
		return t.Format("Monday 2 January 2006")
	}
	return t.Format("Monday 2 January")
}

// DayMonth is a day without its weekday, for tight places such as a chart's
// axis: "6 Dec", "Dec 6", "12-06".
func DayMonth(t time.Time) string {
	switch Current().Order {
	case MonthDayYear:
		return t.Format("Jan 2")
	case YearMonthDay:
		return t.Format("01-02")
	}
	return t.Format("2 Jan")
}

// WithYear is a day without its weekday but with its year: "6 Dec 2026",
// "Dec 6, 2026", "2026-12-06".
func WithYear(t time.Time) string {
	switch Current().Order {
	case MonthDayYear:
		return t.Format("Jan 2, 2006")
	case YearMonthDay:
		return t.Format("2006-01-02")
	}
	return t.Format("2 Jan 2006")
}

// At is a date and its time of day: "Sun 6 Dec, 18:00".
func At(t time.Time) string { return Short(t) + ", " + Clock(t) }

// Clock is a time of day: "18:00".
func Clock(t time.Time) string { return t.Format("15:04") }

// MonthYear names a month, as a calendar's heading: "December 2026".
func MonthYear(t time.Time) string { return t.Format("January 2006") }

// Numeric is the short form a person may type: "06/12/2026", "12/06/2026",
// "06.12.2026", "2026-12-06".
func Numeric(t time.Time) string {
	s := Current()
	y, m, d := t.Date()
	switch s.Order {
	case MonthDayYear:
		return fmt.Sprintf("%02d%s%02d%s%d", m, s.Sep, d, s.Sep, y)
	case YearMonthDay:
		return fmt.Sprintf("%d-%02d-%02d", y, m, d)
	}
	return fmt.Sprintf("%02d%s%02d%s%d", d, s.Sep, m, s.Sep, y)
}

// Example says how a date may be typed, with the date t: "Sun 6 Dec 2026
// or 06/12/2026".
func Example(t time.Time) string {
	if Current().Order == YearMonthDay {
		return WithYear(t) + " or " + t.Format("2 Jan 2006")
	}
	return WithYear(t) + " or " + Numeric(t)
}

// Weekdays are the seven days from the first day of the week, as a
// calendar's columns run.
func Weekdays() []time.Weekday {
	start := WeekStart()
	out := make([]time.Weekday, 7)
	for i := range out {
		out[i] = (start + time.Weekday(i)) % 7
	}
	return out
}

// WeekOf is the first day of the week holding t, at local midnight.
func WeekOf(t time.Time) time.Time {
	back := (int(t.Weekday()) - int(WeekStart()) + 7) % 7
	d := t.AddDate(0, 0, -back)
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, t.Location())
}

func thisYear(t time.Time) bool { return t.Year() == now().In(t.Location()).Year() }

// DayOfYear is a day and month in words, as a yearly date says it: "6
// December", "December 6".
func DayOfYear(t time.Time) string {
	if Current().Order == MonthDayYear {
		return t.Format("January 2")
	}
	return t.Format("2 January")
}

// RoundUp returns the first time at or after t whose clock, in t's zone,
// is a whole number of steps past midnight. time.Time.Truncate counts from
// the zero time in UTC, which puts "on the half hour" at :15 and :45 in a
// zone three quarters of an hour off UTC (Nepal, Chatham Islands).
func RoundUp(t time.Time, step time.Duration) time.Time {
	_, offset := t.Zone()
	shift := time.Duration(offset) * time.Second
	r := t.Add(shift).Truncate(step).Add(-shift)
	if r.Before(t) {
		r = r.Add(step)
	}
	return r
}
