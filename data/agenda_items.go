package data

import (
	"cmp"
	"slices"
	"time"
)

// AgendaItem is one thing on an agenda day: a commitment's occurrence or a
// block of work, with the commitments an occurrence clashes with.
type AgendaItem struct {
	Occurrence *Occurrence // nil for work
	Work       *WorkBlock  // nil for a commitment
	// ClashesWith are the other tier-1 and tier-2 commitments of the day
	// that take the same time (see Clash).
	ClashesWith []Occurrence
}

// Items lists the day's commitments and work in the order they happen:
// what carries on from the day before, then all-day commitments, then the
// rest by start time, a commitment before work that starts with it.
func (d AgendaDay) Items() []AgendaItem {
	type keyed struct {
		at   time.Time
		rank int
		item AgendaItem
	}
	clashes := Clashes(d.Occurrences)
	var list []keyed
	for i := range d.Occurrences {
		o := &d.Occurrences[i]
		at, rank := o.Start, 2
		switch {
		case o.AllDay():
			at, rank = d.Date, 1
		case o.Start.Before(d.Date):
			at, rank = d.Date, 0
		}
		list = append(list, keyed{at, rank, AgendaItem{Occurrence: o, ClashesWith: clashes[i]}})
	}
	for i := range d.WorkBlocks {
		list = append(list, keyed{d.WorkBlocks[i].StartsAt, 3, AgendaItem{Work: &d.WorkBlocks[i]}})
	}
	slices.SortStableFunc(list, func(a, b keyed) int {
		if a.rank < 2 || b.rank < 2 {
			if c := cmp.Compare(a.rank, b.rank); c != 0 {
				return c
			}
		}
		if c := a.at.Compare(b.at); c != 0 {
			return c
		}
		return cmp.Compare(a.rank, b.rank)
	})
	out := make([]AgendaItem, len(list))
	for i, k := range list {
		out[i] = k.item
	}
	return out
}

// Clash reports whether two occurrences ask for the same time of the
// person: both of tier 1 or 2 (a flexible commitment gives way by
// definition), both taking up their time, overlapping, and not the same
// occurrence. All-day commitments mark a day rather than take hours of it
// (a school trip, a birthday), so they clash with nothing.
func Clash(a, b Occurrence) bool {
	if a.Commitment == nil || b.Commitment == nil || a.AllDay() || b.AllDay() {
		return false
	}
	if a.Tier() > TierHighPriority || b.Tier() > TierHighPriority || !a.Busy() || !b.Busy() {
		return false
	}
	if a.Commitment.ID == b.Commitment.ID && a.OccursAt.Equal(b.OccursAt) {
		return false
	}
	return overlaps(a.Start, a.End, b.Start, b.End)
}

// Clashes lists, for each occurrence of occs, the others it clashes with
// (nil when none).
func Clashes(occs []Occurrence) [][]Occurrence {
	out := make([][]Occurrence, len(occs))
	for i := range occs {
		for j := range occs {
			if i != j && Clash(occs[i], occs[j]) {
				out[i] = append(out[i], occs[j])
			}
		}
	}
	return out
}
