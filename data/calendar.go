package data

import (
	"reflect"
	"slices"
	"time"

	"gorm.io/gorm"
)

// What the calendar package (data/ical) needs from the store: a way to
// store the events of a calendar file as commitments, matched by their
// UID, and the live commitments with how their repeats run, to write them
// out as a calendar. Reading and writing the iCalendar format is ical's.

// CalendarMerge says what storing a calendar's events changed.
type CalendarMerge struct {
	Added, Updated, Unchanged int
	// Cancelled counts events the calendar marks cancelled that were
	// removed from the agenda (or never added).
	Cancelled int
	// Kept counts events the person deleted here after an earlier import:
	// they stay deleted.
	Kept int
}

// MergeCalendarEvents stores commitments read from a calendar file, each
// with its event's UID in ICalUID: an event imported before (the same UID)
// is updated when it changed, a new one is added, and one the person has
// deleted since stays deleted. cancelled lists the UIDs the calendar marks
// cancelled: their commitments leave the agenda. It is one transaction, so
// importing a calendar is all or nothing. Each event must have passed
// Normalise.
func (s *Store) MergeCalendarEvents(events []Commitment, cancelled []string) (CalendarMerge, error) {
	var res CalendarMerge
	err := s.write(func(tx *gorm.DB) error {
		res = CalendarMerge{}
		existing, err := commitmentsByUID(tx, events, cancelled)
		if err != nil {
			return err
		}
		now := s.Now()
		for _, c := range events {
			old, found := existing[*c.ICalUID]
			switch {
			case found && old.DeletedAt != nil:
				res.Kept++
				continue
			case found:
				c.ID, c.UUID, c.CreatedAt, c.UpdatedAt = old.ID, old.UUID, old.CreatedAt, old.UpdatedAt
				if sameCommitment(old, c) {
					res.Unchanged++
					continue
				}
				res.Updated++
			default:
				res.Added++
			}
			c.Stamp(now)
			if err := tx.Save(&c).Error; err != nil {
				return err
			}
		}
		for _, uid := range cancelled {
			res.Cancelled++
			if old, ok := existing[uid]; ok && old.DeletedAt == nil {
				if err := tx.Exec("UPDATE commitments SET deleted_at = ?, updated_at = ? WHERE id = ?", ms(now), ms(now), old.ID).Error; err != nil {
					return err
				}
			}
		}
		return nil
	})
	s.commitmentsChanged()
	return res, err
}

// commitmentsByUID loads the commitments (deleted ones too) already holding
// the calendar's UIDs.
func commitmentsByUID(tx *gorm.DB, events []Commitment, cancelled []string) (map[string]Commitment, error) {
	uids := make([]string, 0, len(events)+len(cancelled))
	for _, c := range events {
		uids = append(uids, *c.ICalUID)
	}
	uids = append(uids, cancelled...)
	out := make(map[string]Commitment, len(uids))
	for chunk := range slices.Chunk(uids, 500) {
		var rows []Commitment
		if err := tx.Where("ical_uid IN ?", chunk).Find(&rows).Error; err != nil {
			return nil, err
		}
		for _, r := range rows {
			out[*r.ICalUID] = r
		}
	}
	return out, nil
}

// sameCommitment compares what a calendar import sets.
func sameCommitment(a, b Commitment) bool {
	return a.Title == b.Title && a.Tier == b.Tier && a.StartsAt.Equal(b.StartsAt) && a.EndsAt.Equal(b.EndsAt) &&
		a.AllDay == b.AllDay && a.TimeZone == b.TimeZone && a.RRule == b.RRule && a.Location == b.Location &&
		a.Notes == b.Notes && a.Source == b.Source && reflect.DeepEqual(unixList(a.ExDates), unixList(b.ExDates))
}

func unixList(ts []time.Time) []int64 {
	out := make([]int64, len(ts))
	for i, t := range ts {
		out[i] = t.Unix()
	}
	return out
}

// Schedule is a live commitment with how its occurrences run.
type Schedule struct {
	Commitment Commitment
	// Location is the zone the repeat rule runs in: the commitment's own,
	// UTC for all-day dates.
	Location *time.Location
	// First is the first start, in Location.
	First time.Time
	// Last is the last possible start; zero when it repeats without end.
	Last time.Time
	// ends is when the last occurrence ends; zero when it repeats without
	// end.
	ends time.Time
}

// Over reports whether every occurrence ended before now.
func (sc Schedule) Over(now time.Time) bool { return !sc.ends.IsZero() && sc.ends.Before(now) }

// Schedules lists the live commitments (not those in the trash) with how
// they repeat, by first start.
func (s *Store) Schedules() ([]Schedule, error) {
	set, err := s.series(s.db)
	if err != nil {
		return nil, err
	}
	out := make([]Schedule, 0, len(set.list))
	for _, se := range set.list {
		c := *se.c
		c.ExDates = slices.Clone(c.ExDates) // the compiled series keeps its own
		sc := Schedule{Commitment: c, Location: se.loc, First: se.first, Last: se.until}
		if se.opt == nil || !se.until.IsZero() {
			_, sc.ends = se.span(se.until)
		}
		out = append(out, sc)
	}
	slices.SortStableFunc(out, func(a, b Schedule) int { return a.First.Compare(b.First) })
	return out, nil
}
