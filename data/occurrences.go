package data

import (
	"cmp"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"
	"weak"

	"gorm.io/gorm"
)

// Occurrence is one time a commitment happens.
type Occurrence struct {
	// Commitment is shared between the occurrences of one query: read it,
	// don't change it (load the commitment with Store.Commitment to edit).
	Commitment *Commitment
	// OccursAt is the occurrence's original start (UTC; for all-day
	// commitments the date at 00:00 UTC). With the commitment it names the
	// occurrence for SetOutcome and SkipOccurrence.
	OccursAt time.Time
	// Start and End are when it takes place, in local time: an occurrence
	// moved to another time has its new time here. All-day occurrences run
	// from local midnight to local midnight.
	Start, End time.Time
	// Outcome is what the person recorded about it, if anything.
	Outcome *OccurrenceOutcome
}

// Tier is the occurrence's commitment's tier.
func (o Occurrence) Tier() Tier { return o.Commitment.Tier }

// AllDay reports whether the occurrence is a whole day (or days).
func (o Occurrence) AllDay() bool { return o.Commitment.AllDay }

// Busy reports whether the occurrence takes up its time: one moved away
// without a new time doesn't.
func (o Occurrence) Busy() bool {
	return o.Outcome == nil || o.Outcome.Status != OutcomeMoved || o.Outcome.MovedTo != nil
}

// Occurrences returns every occurrence that overlaps [from, to), of the
// given tiers (all when none are given), in order of start. Repeating
// commitments are expanded only over the window, however long they run.
func (s *Store) Occurrences(from, to time.Time, tiers ...Tier) ([]Occurrence, error) {
	occs, err := s.occurrences(s.db, from, to, tiers...)
	sortOccurrences(occs)
	return occs, err
}

// occurrences is Occurrences in no particular order.
func (s *Store) occurrences(db *gorm.DB, from, to time.Time, tiers ...Tier) ([]Occurrence, error) {
	if !from.Before(to) {
		return nil, nil
	}
	set, err := s.series(db)
	if err != nil {
		return nil, err
	}
	return s.occurrencesOf(db, set, from, to, tiers...)
}

// occurrencesOf is occurrences with the compiled series already in hand,
// for callers that expand many windows in one go.
func (s *Store) occurrencesOf(db *gorm.DB, set *seriesSet, from, to time.Time, tiers ...Tier) ([]Occurrence, error) {
	if !from.Before(to) {
		return nil, nil
	}
	var out []Occurrence
	for _, se := range set.list {
		if len(tiers) > 0 && !slices.Contains(tiers, se.c.Tier) {
			continue
		}
		out = se.appendOccurrences(out, from, to)
	}
	return s.attachOutcomes(db, set, out, from, to, tiers)
}

func sortOccurrences(list []Occurrence) {
	slices.SortFunc(list, func(a, b Occurrence) int {
		return cmp.Or(a.Start.Compare(b.Start), cmp.Compare(a.Tier(), b.Tier()),
			cmp.Compare(a.Commitment.Title, b.Commitment.Title), cmp.Compare(a.Commitment.ID, b.Commitment.ID))
	})
}

// span is when the occurrence starting at start takes place, in local time.
func (s *series) span(start time.Time) (time.Time, time.Time) {
	if s.allDay {
		day := time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, time.Local)
		return day, day.AddDate(0, 0, s.days)
	}
	return start.In(time.Local), start.Add(s.length).In(time.Local)
}

// overlaps reports whether [start, end) meets [from, to); a commitment with
// no length counts when its moment falls inside.
func overlaps(start, end, from, to time.Time) bool {
	if !start.Before(to) {
		return false
	}
	if end.Equal(start) {
		return !start.Before(from)
	}
	return end.After(from)
}

func (s *series) appendOccurrences(out []Occurrence, from, to time.Time) []Occurrence {
	lo, hi := from.Add(-s.length), to
	if s.allDay {
		// Candidate dates, as 00:00 UTC, whose local days may meet the window.
		f, t := from.In(time.Local), to.In(time.Local)
		lo = time.Date(f.Year(), f.Month(), f.Day()-s.days, 0, 0, 0, 0, time.UTC)
		hi = time.Date(t.Year(), t.Month(), t.Day()+1, 0, 0, 0, 0, time.UTC)
	}
	for _, st := range s.startsIn(lo, hi) {
		start, end := s.span(st)
		if overlaps(start, end, from, to) {
			out = append(out, Occurrence{Commitment: s.c, OccursAt: st.UTC(), Start: start, End: end})
		}
	}
	return out
}

// has reports whether the series has an occurrence originally starting at t.
func (s *series) has(t time.Time) bool {
	t = t.Truncate(time.Second)
	got := s.starts(t, t.Add(time.Second))
	return len(got) == 1 && got[0].Equal(t)
}

// attachOutcomes fills in the recorded outcomes, moves moved occurrences
// to their new time (dropping those moved out of the window) and adds
// those moved into it from elsewhere.
func (s *Store) attachOutcomes(db *gorm.DB, set *seriesSet, list []Occurrence, from, to time.Time, tiers []Tier) ([]Occurrence, error) {
	lo, hi := from, to
	for _, o := range list {
		lo, hi = minTime(lo, o.OccursAt), maxTime(hi, o.OccursAt.Add(time.Millisecond))
	}
	var outcomes []OccurrenceOutcome
	// The second arm finds occurrences moved into the window; the shift
	// covers all-day occurrences, stored as 00:00 UTC dates.
	err := db.Where("(occurs_at >= ? AND occurs_at < ?) OR (moved_to >= ? AND moved_to < ?)",
		ms(lo), ms(hi), ms(from.Add(-48*time.Hour)), ms(to.Add(48*time.Hour))).Find(&outcomes).Error
	if err != nil {
		return nil, classify(err)
	}
	if len(outcomes) == 0 {
		return list, nil
	}
	type key struct {
		id int64
		at int64
	}
	byKey := make(map[key]*OccurrenceOutcome, len(outcomes))
	for i := range outcomes {
		o := &outcomes[i]
		byKey[key{o.CommitmentID, o.OccursAt.Unix()}] = o
	}
	seen := make(map[key]bool, len(list))
	kept := list[:0]
	for _, o := range list {
		k := key{o.Commitment.ID, o.OccursAt.Unix()}
		seen[k] = true
		oc := byKey[k]
		if oc == nil {
			kept = append(kept, o)
			continue
		}
		o.Outcome = oc
		if oc.Status == OutcomeMoved && oc.MovedTo != nil {
			o.Start, o.End = set.byID[o.Commitment.ID].span(*oc.MovedTo)
			if !overlaps(o.Start, o.End, from, to) {
				continue
			}
		}
		kept = append(kept, o)
	}
	for k, oc := range byKey {
		se := set.byID[k.id]
		if seen[k] || se == nil || oc.Status != OutcomeMoved || oc.MovedTo == nil {
			continue
		}
		if len(tiers) > 0 && !slices.Contains(tiers, se.c.Tier) {
			continue
		}
		start, end := se.span(*oc.MovedTo)
		if overlaps(start, end, from, to) {
			kept = append(kept, Occurrence{Commitment: se.c, OccursAt: oc.OccursAt, Start: start, End: end, Outcome: oc})
		}
	}
	return kept, nil
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// seriesSet is every live commitment compiled for expansion.
type seriesSet struct {
	list []*series
	byID map[int64]*series
}

// seriesCache keeps the compiled commitments between queries, so the
// agenda and every work-block check don't parse a thousand rules again.
// It is checked against the table on every use (count, newest id and the
// sum of update times change with any insert, edit or delete, this
// process's or another's), and dropped on this process's own writes.
type seriesCache struct {
	mu      sync.Mutex
	key     seriesKey
	gen     uint64
	set     *seriesSet
	changed atomic.Uint64
}

type seriesKey struct {
	N          int64
	MaxID      int64
	SumUpdated int64
}

// caches holds one cache per open store without a field on Store: the
// entry goes when its store is garbage collected.
var caches sync.Map // weak.Pointer[Store] -> *seriesCache

func (s *Store) cache() *seriesCache {
	wp := weak.Make(s)
	if c, ok := caches.Load(wp); ok {
		return c.(*seriesCache)
	}
	c, loaded := caches.LoadOrStore(wp, &seriesCache{})
	if !loaded {
		runtime.AddCleanup(s, func(k weak.Pointer[Store]) { caches.Delete(k) }, wp)
	}
	return c.(*seriesCache)
}

// commitmentsChanged drops the compiled commitments after a write.
func (s *Store) commitmentsChanged() { s.cache().changed.Add(1) }

// series returns the compiled live commitments, reading them again only
// when the table changed.
func (s *Store) series(db *gorm.DB) (*seriesSet, error) {
	c := s.cache()
	var key seriesKey
	err := db.Raw(`SELECT count(*) AS n, coalesce(max(id), 0) AS max_id,
		coalesce(sum(updated_at), 0) AS sum_updated FROM commitments`).Scan(&key).Error
	if err != nil {
		return nil, classify(err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	gen := c.changed.Load()
	if c.set != nil && c.key == key && c.gen == gen {
		return c.set, nil
	}
	var rows []Commitment
	if err := db.Where("deleted_at IS NULL").Find(&rows).Error; err != nil {
		return nil, classify(err)
	}
	set := &seriesSet{list: make([]*series, 0, len(rows)), byID: make(map[int64]*series, len(rows))}
	for i := range rows {
		// An unchanged commitment keeps its compiled form and its cached
		// years: one edit shouldn't cost the expansion of all the others.
		if c.set != nil {
			if old := c.set.byID[rows[i].ID]; old != nil && old.c.UpdatedAt.Equal(rows[i].UpdatedAt) {
				set.list = append(set.list, old)
				set.byID[rows[i].ID] = old
				continue
			}
		}
		se, err := compileSeries(&rows[i])
		if err != nil {
			// Saved rules were checked; one this build can't read (written
			// by another version, say) shouldn't hide all the others.
			continue
		}
		set.list = append(set.list, se)
		set.byID[rows[i].ID] = se
	}
	c.set, c.key, c.gen = set, key, gen
	return set, nil
}
