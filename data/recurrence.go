package data

import (
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/teambition/rrule-go"

	"github.com/bothand/bothand/data/zone"
)

// MaxRepeatCount is the largest COUNT a repeat rule may have: daily for
// more than a quarter of a century.
const MaxRepeatCount = 10_000

// series is a commitment made ready for expansion: its zone loaded, its
// rule parsed once, a COUNT turned into the equivalent last start, its
// skipped dates in a set.
type series struct {
	c      *Commitment
	allDay bool
	loc    *time.Location // the zone the rule runs in; UTC for all-day dates
	first  time.Time      // the first start, in loc
	length time.Duration  // a timed commitment's length
	days   int            // an all-day commitment's length in days
	opt    *rrule.ROption // nil for a one-off; never has a COUNT
	until  time.Time      // the last possible start; zero when unbounded
	skip   map[int64]bool // skipped starts, in Unix seconds

	// years caches the starts of the calendar years asked for: the agenda,
	// every work-block check and every free-slot search ask about the same
	// few months, and walking a rule costs far more than a binary search.
	mu    sync.Mutex
	years map[int][]time.Time
}

// maxCachedYears bounds the cache of one series.
const maxCachedYears = 6

// startsIn is starts with the yearly cache.
func (s *series) startsIn(from, to time.Time) []time.Time {
	if s.opt == nil || !from.Before(to) {
		return s.starts(from, to)
	}
	if !s.first.Before(to) || (!s.until.IsZero() && s.until.Before(from)) {
		return nil
	}
	var out []time.Time
	for y := from.In(s.loc).Year(); y <= to.In(s.loc).Year(); y++ {
		year := s.yearStarts(y)
		i, _ := slices.BinarySearchFunc(year, from, func(t, target time.Time) int { return t.Compare(target) })
		for ; i < len(year) && year[i].Before(to); i++ {
			out = append(out, year[i])
		}
	}
	return out
}

func (s *series) yearStarts(y int) []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	if got, ok := s.years[y]; ok {
		return got
	}
	got := s.starts(time.Date(y, time.January, 1, 0, 0, 0, 0, s.loc), time.Date(y+1, time.January, 1, 0, 0, 0, 0, s.loc))
	if s.years == nil || len(s.years) >= maxCachedYears {
		s.years = make(map[int][]time.Time, maxCachedYears)
	}
	s.years[y] = got
	return got
}

// compileSeries prepares c for expansion. c must have been validated.
func compileSeries(c *Commitment) (*series, error) {
	s := &series{c: c, allDay: c.AllDay}
	if c.AllDay {
		s.loc = time.UTC
	} else {
		loc, err := zone.Load(c.TimeZone)
		if err != nil {
			// A zone this build doesn't know should not hide the commitment.
			loc = time.Local
		}
		s.loc = loc
	}
	s.first = c.StartsAt.In(s.loc).Truncate(time.Second)
	s.length = c.EndsAt.Sub(c.StartsAt)
	if c.AllDay {
		s.days = max(1, int((s.length+12*time.Hour)/(24*time.Hour)))
	}
	if len(c.ExDates) > 0 {
		s.skip = make(map[int64]bool, len(c.ExDates))
		for _, t := range c.ExDates {
			s.skip[t.Unix()] = true
		}
	}
	if c.RRule == "" {
		s.until = s.first
		return s, nil
	}
	opt, err := parseRule(c.RRule, s.loc, c.AllDay)
	if err != nil {
		return nil, err
	}
	opt.Dtstart = s.first
	if opt.Count > 0 {
		// COUNT counts the rule's starts before skipped dates are taken out
		// (RFC 5545), so it is exactly "until the COUNT-th start", which
		// unlike a COUNT lets expansion start near the window asked for.
		r, err := rrule.NewRRule(*opt)
		if err != nil {
			return nil, invalid(FieldRRule, "The repeat rule can't be used: %v.", err)
		}
		all := r.All()
		opt.Count = 0
		if len(all) == 0 {
			opt.Until = s.first.Add(-time.Second)
		} else {
			opt.Until = all[len(all)-1]
		}
	}
	s.opt = opt
	if !opt.Until.IsZero() {
		s.until = opt.Until
	}
	return s, nil
}

// parseRule reads an RRULE value ("FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=…"), with
// or without its "RRULE:" name, refusing what the app can't repeat by. A
// local or date-only UNTIL is read in loc; a date-only UNTIL on a timed
// commitment means the end of that day, as calendar programs read it.
func parseRule(rule string, loc *time.Location, allDay bool) (*rrule.ROption, error) {
	rule = strings.ToUpper(strings.TrimSpace(rule))
	rule = strings.TrimPrefix(rule, "RRULE:")
	if rule == "" {
		return nil, invalid(FieldRRule, "The repeat rule is empty.")
	}
	opt, err := rrule.StrToROptionInLocation(rule, loc)
	if err != nil {
		return nil, invalid(FieldRRule, "The repeat rule %q can't be read (%v). Choose how it repeats again.", rule, err)
	}
	if !opt.Dtstart.IsZero() {
		return nil, invalid(FieldRRule, "The repeat rule %q carries its own DTSTART; the commitment's start says when it begins.", rule)
	}
	if opt.Freq > rrule.DAILY {
		return nil, invalid(FieldRRule, "Repeating more often than once a day isn't supported. Use a daily repeat at the time you need.")
	}
	if opt.Count > 0 && !opt.Until.IsZero() {
		return nil, invalid(FieldRRule, "A repeat ends either on a date or after a number of times, not both.")
	}
	if opt.Count < 0 || opt.Count > MaxRepeatCount {
		return nil, invalid(FieldRRule, "A repeat can happen at most %d times; this one asks for %d.", MaxRepeatCount, opt.Count)
	}
	if opt.Interval < 0 || opt.Interval > 1000 {
		return nil, invalid(FieldRRule, "The repeat interval must be between 1 and 1000.")
	}
	if !opt.Until.IsZero() && !allDay && dateOnlyUntil(rule) {
		opt.Until = opt.Until.AddDate(0, 0, 1).Add(-time.Second)
	}
	if _, err := rrule.NewRRule(*opt); err != nil {
		return nil, invalid(FieldRRule, "The repeat rule %q can't be used: %v.", rule, err)
	}
	return opt, nil
}

func dateOnlyUntil(rule string) bool {
	for _, part := range strings.Split(rule, ";") {
		if v, ok := strings.CutPrefix(part, "UNTIL="); ok {
			return len(v) == len("20060102")
		}
	}
	return false
}

// starts returns the series' starts in [from, to), skipped dates left out,
// in order.
func (s *series) starts(from, to time.Time) []time.Time {
	if !s.first.Before(to) {
		return nil
	}
	if s.opt == nil {
		if !s.first.Before(from) && !s.skip[s.first.Unix()] {
			return []time.Time{s.first}
		}
		return nil
	}
	if !s.until.IsZero() && s.until.Before(from) {
		return nil
	}
	opt := *s.opt
	fastForward(&opt, from.In(s.loc))
	r, err := rrule.NewRRule(opt)
	if err != nil {
		return nil // validated when saved; nothing sensible to expand
	}
	next := r.Iterator()
	var out []time.Time
	for {
		t, ok := next()
		if !ok || !t.Before(to) {
			return out
		}
		if t.Before(from) || s.skip[t.Unix()] {
			continue
		}
		out = append(out, t)
	}
}

// fastForward moves the rule's DTSTART from the first start to the start of
// a period shortly before target, so that expanding a window years after
// the first start costs a period or two instead of every start since. It
// first pins down, explicitly, everything the rule took implicitly from the
// original DTSTART (the time of day, the weekday, the day of the month),
// then moves by a whole number of intervals, so the moved rule yields
// exactly the original starts from the new DTSTART on. Periods start at
// midnight, before any start that falls in them.
func fastForward(opt *rrule.ROption, target time.Time) {
	s := opt.Dtstart
	loc := s.Location()
	iv := max(1, opt.Interval)
	implicit := len(opt.Byweekno) == 0 && len(opt.Byyearday) == 0 && len(opt.Bymonthday) == 0 &&
		len(opt.Byweekday) == 0 && len(opt.Byeaster) == 0

	var moved time.Time
	switch opt.Freq {
	case rrule.DAILY:
		k := civilDays(s, target)/iv - 1
		if k <= 0 {
			return
		}
		moved = time.Date(s.Year(), s.Month(), s.Day()+k*iv, 0, 0, 0, 0, loc)
	case rrule.WEEKLY:
		// Weekly periods are the weeks (starting on WKST) counted from the
		// week holding DTSTART.
		wkst := time.Weekday((opt.Wkst.Day() + 1) % 7)
		back := (int(s.Weekday()) - int(wkst) + 7) % 7
		week0 := time.Date(s.Year(), s.Month(), s.Day()-back, 0, 0, 0, 0, loc)
		k := civilDays(week0, target)/7/iv - 1
		if k <= 0 {
			return
		}
		moved = time.Date(week0.Year(), week0.Month(), week0.Day()+7*k*iv, 0, 0, 0, 0, loc)
		if implicit {
			opt.Byweekday = []rrule.Weekday{weekdayOf(s.Weekday())}
		}
	case rrule.MONTHLY:
		months := (target.Year()-s.Year())*12 + int(target.Month()) - int(s.Month())
		k := months/iv - 1
		if k <= 0 {
			return
		}
		moved = time.Date(s.Year(), s.Month()+time.Month(k*iv), 1, 0, 0, 0, 0, loc)
		if implicit {
			opt.Bymonthday = []int{s.Day()}
		}
	case rrule.YEARLY:
		k := (target.Year()-s.Year())/iv - 1
		if k <= 0 {
			return
		}
		moved = time.Date(s.Year()+k*iv, time.January, 1, 0, 0, 0, 0, loc)
		if implicit {
			if len(opt.Bymonth) == 0 {
				opt.Bymonth = []int{int(s.Month())}
			}
			opt.Bymonthday = []int{s.Day()}
		}
	default:
		return
	}
	if len(opt.Byhour) == 0 {
		opt.Byhour = []int{s.Hour()}
	}
	if len(opt.Byminute) == 0 {
		opt.Byminute = []int{s.Minute()}
	}
	if len(opt.Bysecond) == 0 {
		opt.Bysecond = []int{s.Second()}
	}
	opt.Dtstart = moved
}

// civilDays counts calendar days from a's date to b's date, each read in
// its own zone's wall clock.
func civilDays(a, b time.Time) int {
	da := time.Date(a.Year(), a.Month(), a.Day(), 0, 0, 0, 0, time.UTC)
	db := time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
	return int(db.Sub(da) / (24 * time.Hour))
}

var rruleWeekdays = [7]rrule.Weekday{rrule.SU, rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA}

func weekdayOf(d time.Weekday) rrule.Weekday { return rruleWeekdays[d] }
