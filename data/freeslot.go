package data

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/bothand/bothand/data/dates"
	"gorm.io/gorm"
)

// WorkHours are the days and hours the person takes client work: free
// slots are looked for only inside them.
type WorkHours struct {
	Days       [7]bool       // by time.Weekday: Days[time.Monday]
	Start, End time.Duration // since local midnight
}

// DefaultWorkHours is Monday to Friday, 09:00 to 17:00.
func DefaultWorkHours() WorkHours {
	return WorkHours{
		Days:  [7]bool{false, true, true, true, true, true, false},
		Start: 9 * time.Hour, End: 17 * time.Hour,
	}
}

const settingWorkHours = "tiers.work_hours"

type workHoursJSON struct {
	Days  []int  `json:"days"` // 0 Sunday … 6 Saturday
	Start string `json:"start"`
	End   string `json:"end"`
}

func (h WorkHours) validate() error {
	if h.Start < 0 || h.End > 24*time.Hour || h.End-h.Start < 15*time.Minute {
		return invalid(FieldWorkHours, "Working hours need an end at least 15 minutes after their start, within one day.")
	}
	if !slices.Contains(h.Days[:], true) {
		return invalid(FieldWorkHours, "Choose at least one working day.")
	}
	return nil
}

// WorkHours returns the person's working hours, or the default.
func (s *Store) WorkHours() (WorkHours, error) { return s.workHours(s.db) }

func (s *Store) workHours(db *gorm.DB) (WorkHours, error) {
	var row Setting
	err := db.Where("key = ?", settingWorkHours).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return DefaultWorkHours(), nil
	}
	if err != nil {
		return WorkHours{}, classify(err)
	}
	var j workHoursJSON
	if json.Unmarshal([]byte(row.Value), &j) != nil {
		return DefaultWorkHours(), nil
	}
	var h WorkHours
	for _, d := range j.Days {
		if d >= 0 && d < 7 {
			h.Days[d] = true
		}
	}
	var err1, err2 error
	h.Start, err1 = parseClock(j.Start)
	h.End, err2 = parseClock(j.End)
	if err1 != nil || err2 != nil || h.validate() != nil {
		return DefaultWorkHours(), nil
	}
	return h, nil
}

// SetWorkHours stores the person's working hours.
func (s *Store) SetWorkHours(h WorkHours) error {
	if err := h.validate(); err != nil {
		return err
	}
	j := workHoursJSON{Start: formatClock(h.Start), End: formatClock(h.End), Days: []int{}}
	for d, on := range h.Days {
		if on {
			j.Days = append(j.Days, d)
		}
	}
	b, _ := json.Marshal(j)
	return s.SetSetting(settingWorkHours, string(b))
}

func parseClock(s string) (time.Duration, error) {
	var h, m int
	if _, err := fmt.Sscanf(s, "%d:%d", &h, &m); err != nil || h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m > 0) {
		return 0, fmt.Errorf("bad time %q", s)
	}
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute, nil
}

func formatClock(d time.Duration) string {
	return fmt.Sprintf("%02d:%02d", int(d/time.Hour), int(d%time.Hour/time.Minute))
}

// ErrNoFreeSlot means no free time of the length asked for was found.
var ErrNoFreeSlot = fmt.Errorf("no free time of that length in the next %d weeks within the working hours", freeSlotHorizonDays/7)

const (
	freeSlotHorizonDays = 56
	slotStep            = 5 * time.Minute
)

// NextFreeSlot finds the first time at or after `after` when length fits
// inside the working hours without meeting any commitment occurrence (of
// any tier) or another work block's time with its buffer. Starts fall on
// five-minute marks. Longer than a working day, it may start at any time.
// It looks eight weeks ahead, then returns ErrNoFreeSlot.
func (s *Store) NextFreeSlot(after time.Time, length time.Duration) (time.Time, error) {
	return s.nextFreeSlot(s.db, after, length, 0)
}

// busySpan is taken time in Unix milliseconds: sorting thousands of
// these is much cheaper than sorting time.Times, which hold a pointer.
type busySpan struct{ from, to int64 }

func (s *Store) nextFreeSlot(db *gorm.DB, after time.Time, length time.Duration, except int64) (time.Time, error) {
	if length <= 0 {
		return time.Time{}, invalid(FieldLength, "A free slot needs some length.")
	}
	hours, err := s.workHours(db)
	if err != nil {
		return time.Time{}, err
	}
	// The commitments can't change within this call: check them once
	// rather than once per two weeks searched.
	set, err := s.series(db)
	if err != nil {
		return time.Time{}, err
	}
	inHours := length <= hours.End-hours.Start
	horizon := after.Add(freeSlotHorizonDays * 24 * time.Hour)
	t := dates.RoundUp(after.Local(), slotStep)
	const chunk = 14 * 24 * time.Hour
	var busy []busySpan
	var busyFrom, busyTo time.Time
	for t.Before(horizon) {
		if inHours {
			t = hours.fit(t, length)
		}
		end := t.Add(length)
		if busyTo.IsZero() || t.Before(busyFrom) || end.After(busyTo) {
			// Busy times for the next two weeks, then walk through them.
			busyFrom, busyTo = t, t.Add(chunk+length)
			if busy, err = s.busy(db, set, busyFrom, busyTo, except); err != nil {
				return time.Time{}, err
			}
		}
		clash := int64(0)
		tm, em := t.UnixMilli(), end.UnixMilli()
		for _, b := range busy {
			if b.from >= em {
				break
			}
			if b.from < em && (b.to > tm || (b.to == b.from && b.from >= tm)) {
				clash = max(clash, b.to)
			}
		}
		if clash == 0 {
			return t, nil
		}
		t = dates.RoundUp(maxTime(time.UnixMilli(clash).In(t.Location()), t.Add(slotStep)), slotStep)
	}
	return time.Time{}, ErrNoFreeSlot
}

// busy lists what takes up time in [from, to), sorted by start.
func (s *Store) busy(db *gorm.DB, set *seriesSet, from, to time.Time, except int64) ([]busySpan, error) {
	occs, err := s.occurrencesOf(db, set, from, to)
	if err != nil {
		return nil, err
	}
	blocks, err := s.workBlocks(db, from, to, except)
	if err != nil {
		return nil, err
	}
	out := make([]busySpan, 0, len(occs)+len(blocks))
	for _, o := range occs {
		if o.Busy() {
			out = append(out, busySpan{o.Start.UnixMilli(), o.End.UnixMilli()})
		}
	}
	for _, b := range blocks {
		f, t := b.Guarded()
		out = append(out, busySpan{f.UnixMilli(), t.UnixMilli()})
	}
	slices.SortFunc(out, func(a, b busySpan) int { return cmp.Compare(a.from, b.from) })
	return out, nil
}

// fit moves t forward to the first moment from which length fits inside a
// working day.
func (h WorkHours) fit(t time.Time, length time.Duration) time.Time {
	for range 8 {
		day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
		open, closing := clockOn(day, h.Start), clockOn(day, h.End)
		if h.Days[day.Weekday()] && !t.Add(length).After(closing) {
			if t.Before(open) {
				return open
			}
			return t
		}
		next := day.AddDate(0, 0, 1)
		t = clockOn(next, h.Start)
	}
	return t
}

// clockOn is the wall-clock time d after midnight on day, across a
// daylight-saving change too.
func clockOn(day time.Time, d time.Duration) time.Time {
	return time.Date(day.Year(), day.Month(), day.Day(), int(d/time.Hour), int(d%time.Hour/time.Minute), 0, 0, day.Location())
}
