// Package repeat is the simple form of a repeat rule (every day, week on
// chosen days, month or year; until a date or a number of times) and the
// words for any rule, as the commitment form and the agenda show them. The
// store expands the full RFC 5545 rules; this is what a person picks.
package repeat

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/data/prose"
)

// Simple is the simple form of a repeat rule that the commitment form
// offers: every day, every week on chosen days, every month or every year,
// until a date or a number of times.
type Simple struct {
	Freq  string         // "", "DAILY", "WEEKLY", "MONTHLY" or "YEARLY"
	Days  []time.Weekday // WEEKLY only; empty means the start's weekday
	Until time.Time      // the last date it may happen (a date); zero for none
	Count int            // how many times; 0 for no limit
}

var ruleDays = [7]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}

// Rule writes the repeat as an RFC 5545 RRULE value, "" for no repeat.
func (r Simple) Rule() string {
	if r.Freq == "" {
		return ""
	}
	parts := []string{"FREQ=" + r.Freq}
	if r.Freq == "WEEKLY" && len(r.Days) > 0 {
		days := slices.Clone(r.Days)
		// Monday first, as people read a week.
		slices.SortFunc(days, func(a, b time.Weekday) int { return (int(a)+6)%7 - (int(b)+6)%7 })
		days = slices.Compact(days)
		names := make([]string, len(days))
		for i, d := range days {
			names[i] = ruleDays[d]
		}
		parts = append(parts, "BYDAY="+strings.Join(names, ","))
	}
	switch {
	case r.Count > 0:
		parts = append(parts, "COUNT="+strconv.Itoa(r.Count))
	case !r.Until.IsZero():
		parts = append(parts, "UNTIL="+r.Until.Format("20060102"))
	}
	return strings.Join(parts, ";")
}

// Parse reads a rule into the simple form. ok is false when the rule
// says more than the form can show (an interval, a monthly weekday, …): the
// form then keeps the rule as it is.
func Parse(rule string) (r Simple, ok bool) {
	rule = strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(rule)), "RRULE:")
	if rule == "" {
		return Simple{}, true
	}
	for _, part := range strings.Split(rule, ";") {
		key, val, _ := strings.Cut(part, "=")
		switch key {
		case "FREQ":
			switch val {
			case "DAILY", "WEEKLY", "MONTHLY", "YEARLY":
				r.Freq = val
			default:
				return Simple{}, false
			}
		case "BYDAY":
			for _, d := range strings.Split(val, ",") {
				i := slices.Index(ruleDays[:], d)
				if i < 0 {
					return Simple{}, false
				}
				r.Days = append(r.Days, time.Weekday(i))
			}
		case "COUNT":
			n, err := strconv.Atoi(val)
			if err != nil || n <= 0 {
				return Simple{}, false
			}
			r.Count = n
		case "UNTIL":
			t, err := time.Parse("20060102", val[:min(8, len(val))])
			if err != nil {
				return Simple{}, false
			}
			r.Until = t
		case "INTERVAL":
			if val != "1" {
				return Simple{}, false
			}
		case "WKST":
		default:
			return Simple{}, false
		}
	}
	if r.Freq == "" || (len(r.Days) > 0 && r.Freq != "WEEKLY") {
		return Simple{}, false
	}
	return r, true
}

// Describe says in words how a commitment repeats: "Every week on
// Monday and Thursday, until 13 Jul 2026". Rules beyond the simple form are
// shown as they are.
func Describe(rule string, start time.Time) string {
	r, ok := Parse(rule)
	if !ok {
		return "Repeats: " + rule
	}
	var s string
	switch r.Freq {
	case "":
		return "Once"
	case "DAILY":
		s = "Every day"
	case "WEEKLY":
		days := r.Days
		if len(days) == 0 {
			days = []time.Weekday{start.Weekday()}
		}
		names := make([]string, len(days))
		for i, d := range days {
			names[i] = d.String()
		}
		if len(names) == 1 {
			s = "Every " + names[0]
		} else {
			s = "Every week on " + prose.List(names)
		}
	case "MONTHLY":
		s = fmt.Sprintf("Every month on the %s", ordinal(start.Day()))
	case "YEARLY":
		s = "Every year on " + dates.DayOfYear(start)
	}
	switch {
	case r.Count == 1:
		s += ", once"
	case r.Count > 1:
		s += fmt.Sprintf(", %d times", r.Count)
	case !r.Until.IsZero():
		s += ", until " + dates.WithYear(r.Until)
	}
	return s
}

func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}
