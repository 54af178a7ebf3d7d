package plan

import (
	"time"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/dates"
)

// The mini-calendar beside the agenda marks today, the two weeks the agenda
// shows and the days that hold a non-negotiable commitment; picking a day
// shows the two weeks from it.

// showRange marks the agenda's days on the calendar and turns it to them
// when they are out of sight.
func (t *tiersScreen) showRange() {
	c := t.calendar
	c.Today = ui.Midnight(time.Now())
	c.RangeFrom, c.RangeTo = t.from, t.from.AddDate(0, 0, agendaDays)
	days := c.Days()
	if t.from.Before(days[0]) || !t.from.Before(days[len(days)-1].AddDate(0, 0, 1)) {
		c.ShowMonth(t.from) // reloads the marks
	}
	c.Refresh()
}

// loadMarks reads which of the calendar's days hold a non-negotiable
// commitment.
func (t *tiersScreen) loadMarks() {
	if t.plan.Store == nil {
		return
	}
	days := t.calendar.Days()
	from, to := days[0], days[len(days)-1].AddDate(0, 0, 1)
	store := t.plan.Store
	ui.Background(t.plan.Host, func() (map[string]bool, error) {
		occs, err := store.Occurrences(from, to, data.TierNonNegotiable)
		marks := map[string]bool{}
		for _, o := range occs {
			if !o.Busy() {
				continue
			}
			for _, d := range coveredDays(o) {
				marks[d.Format(time.DateOnly)] = true
			}
		}
		return marks, err
	}, func(marks map[string]bool) {
		t.tier1 = marks
		t.calendar.Refresh()
	})
}

// coveredDays are the local days an occurrence takes time on.
func coveredDays(o data.Occurrence) []time.Time {
	start, end := o.Start.Local(), o.End.Local()
	if o.AllDay() {
		// All-day dates are kept at 00:00 UTC.
		start = time.Date(o.Start.Year(), o.Start.Month(), o.Start.Day(), 0, 0, 0, 0, time.Local)
		end = time.Date(o.End.Year(), o.End.Month(), o.End.Day(), 0, 0, 0, 0, time.Local)
	}
	var out []time.Time
	for d := ui.Midnight(start); d.Before(end) || d.Equal(ui.Midnight(start)); d = d.AddDate(0, 0, 1) {
		out = append(out, d)
	}
	return out
}

// weekStartChanged turns the calendar's columns to the new first day.
func (t *tiersScreen) WeekStartChanged() {
	t.calendar.WeekStart = dates.WeekStart()
	t.calendar.Refresh()
	t.loadMarks()
}

// NewDay moves the agenda on to the new today when it was showing the
// two weeks from the old one, as it does at start; two weeks the person
// chose stay, with their headings and the calendar's today mark redone.
func (t *tiersScreen) NewDay(was time.Time) {
	if t.from.Equal(ui.Midnight(was)) {
		t.from = ui.Midnight(time.Now())
	}
	t.Load()
}
