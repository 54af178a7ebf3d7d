package data

import (
	"time"
)

// MaxAgendaDays is the longest agenda Agenda gives in one call.
const MaxAgendaDays = 366

// AgendaDay is one local day of the agenda.
type AgendaDay struct {
	Date        time.Time // local midnight
	Occurrences []Occurrence
	WorkBlocks  []WorkBlock  // work that starts this day
	MakeUps     []MakeUpNote // make-up notes for flexible time taken this day
}

// Empty reports whether nothing happens that day.
func (d AgendaDay) Empty() bool {
	return len(d.Occurrences) == 0 && len(d.WorkBlocks) == 0 && len(d.MakeUps) == 0
}

// Agenda returns `days` local days from the day holding `from`: the
// commitment occurrences of each day (an occurrence spanning midnight, or
// several all-day dates, shows on every day it covers), the work that
// starts that day, and the make-up notes for time work took that day.
func (s *Store) Agenda(from time.Time, days int) ([]AgendaDay, error) {
	if days <= 0 || days > MaxAgendaDays {
		return nil, invalid(FieldDays, "An agenda covers 1 to %d days.", MaxAgendaDays)
	}
	f := from.Local()
	start := time.Date(f.Year(), f.Month(), f.Day(), 0, 0, 0, 0, time.Local)
	end := start.AddDate(0, 0, days)
	occs, err := s.Occurrences(start, end)
	if err != nil {
		return nil, err
	}
	blocks, err := s.workBlocks(s.db, start, end, 0)
	if err != nil {
		return nil, err
	}
	notes, err := s.makeUps(s.db, "m.occurs_at >= ? AND m.occurs_at < ?",
		ms(start.Add(-48*time.Hour)), ms(end.Add(48*time.Hour)))
	if err != nil {
		return nil, err
	}
	out := make([]AgendaDay, days)
	for i := range out {
		out[i].Date = start.AddDate(0, 0, i)
	}
	// dayIndex is the agenda day holding t, or -1.
	dayIndex := func(t time.Time) int {
		t = t.Local()
		if t.Before(start) || !t.Before(end) {
			return -1
		}
		return civilDays(start, t)
	}
	for _, o := range occs {
		first := max(0, dayIndex(maxTime(o.Start, start)))
		for i := first; i < days && overlaps(o.Start, o.End, out[i].Date, out[i].Date.AddDate(0, 0, 1)); i++ {
			out[i].Occurrences = append(out[i].Occurrences, o)
		}
	}
	for _, b := range blocks {
		if i := dayIndex(b.StartsAt); i >= 0 {
			out[i].WorkBlocks = append(out[i].WorkBlocks, b)
		}
	}
	for _, n := range notes {
		// A note sits on the day of the occurrence it is about; all-day
		// occurrences are keyed by their date at 00:00 UTC.
		at := n.OccursAt.Local()
		if n.AllDay {
			at = time.Date(n.OccursAt.Year(), n.OccursAt.Month(), n.OccursAt.Day(), 12, 0, 0, 0, time.Local)
		}
		if i := dayIndex(at); i >= 0 {
			out[i].MakeUps = append(out[i].MakeUps, n)
		}
	}
	return out, nil
}
