package demo

import (
	"errors"
	"time"

	"github.com/bothand/bothand/data"
)

func init() { register(30, "work blocks and outcomes", fillWork) }

// fillWork records what happened to the routines over the last six weeks
// (mostly kept) and to past school events, and plans client work for four
// weeks back and two ahead, through the tier rules: work that lands on a
// tier-1 event takes the suggested slot instead, work over tier-2 time goes
// ahead only now and then as a stated emergency, and work over play time
// leaves make-up notes, some of them made up.
func fillWork(g *Gen) error {
	now := g.Opt.Now
	list, err := g.Store.Commitments()
	if err != nil {
		return err
	}
	made := map[int64]*madeCommitment{}
	for _, m := range g.made {
		made[m.id] = m
	}
	occ, err := g.Store.Occurrences(now.AddDate(0, 0, -42), now)
	if err != nil {
		return err
	}
	for _, o := range occ {
		if o.End.After(now) {
			continue
		}
		keep := map[data.Tier]int{data.TierNonNegotiable: 93, data.TierHighPriority: 85, data.TierFlexible: 70}[o.Tier()]
		// Not every day gets recorded.
		if o.Commitment.RRule != "" && g.R.IntN(100) < 25 {
			continue
		}
		outcome := data.OutcomeKept
		var movedTo *time.Time
		switch n := g.R.IntN(100); {
		case n >= keep+(100-keep)/2:
			outcome = data.OutcomeMoved
			t := o.Start.Add(time.Duration(1+g.R.IntN(3)) * time.Hour)
			movedTo = &t
		case n >= keep:
			outcome = data.OutcomeMissed
		}
		if err := g.outcome(o.Commitment.ID, o.OccursAt, outcome, movedTo, made[o.Commitment.ID]); err != nil {
			return err
		}
	}
	// Older one-off tier-1 events: the record the journal's insights show.
	for _, c := range list {
		if c.Tier != data.TierNonNegotiable || c.RRule != "" || !c.EndsAt.Before(now.AddDate(0, 0, -42)) {
			continue
		}
		outcome := data.OutcomeKept
		if g.R.IntN(100) < 8 {
			outcome = data.OutcomeMissed
		}
		if err := g.outcome(c.ID, c.StartsAt, outcome, nil, made[c.ID]); err != nil {
			return err
		}
	}

	current := g.fam.activeClients(1)
	local := now.Local()
	for d := time.Date(local.Year(), local.Month(), local.Day()-28, 0, 0, 0, 0, time.Local); d.Before(local.AddDate(0, 0, 14)); d = d.AddDate(0, 0, 1) {
		if d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
			continue
		}
		// Mornings and afternoons mostly; now and then an evening push.
		for _, slot := range []struct{ h, chance int }{{9, 70}, {13, 70}, {15, 70}, {17, 25}} {
			if g.R.IntN(100) >= slot.chance {
				continue
			}
			start := time.Date(d.Year(), d.Month(), d.Day(), slot.h, 30*g.R.IntN(2), 0, 0, time.Local)
			sc := g.scene(start)
			sc.client = Pick(g, current)
			wb := data.WorkBlock{
				Client: sc.client.name, Title: g.writeIn(sc, "work-title"),
				StartsAt: start, EndsAt: start.Add(time.Duration(60+30*g.R.IntN(4)) * time.Minute),
			}
			if g.R.IntN(100) < 40 {
				deadline := wb.EndsAt.Add(time.Duration(2+g.R.IntN(30)) * time.Hour)
				wb.DeadlineAt = &deadline
				wb.BufferMinutes = []int{30, 60, 120}[g.R.IntN(3)]
			}
			if err := saveDemoWork(g, wb, sc); err != nil {
				return err
			}
		}
	}
	notes, err := g.Store.OpenMakeUps()
	if err != nil {
		return err
	}
	for _, n := range notes {
		if n.OccursAt.Before(now.AddDate(0, 0, -3)) && g.R.IntN(100) < 60 {
			if err := g.Store.MarkMakeUpDone(n.ID, true); err != nil {
				return err
			}
		}
	}
	return nil
}

// saveDemoWork saves a work block the way a person following the rules
// would: refused, they take the suggested slot; asked for an emergency,
// they give one now and then and otherwise skip the work that day.
func saveDemoWork(g *Gen, wb data.WorkBlock, sc *scene) error {
	for range 3 {
		_, _, err := g.Store.SaveWorkBlock(wb, "")
		var ce *data.ConflictError
		switch {
		case err == nil:
			return nil
		case errors.As(err, &ce) && errors.Is(err, data.ErrNonNegotiable):
			if ce.Conflicts.NextFree.IsZero() {
				return nil
			}
			length := wb.EndsAt.Sub(wb.StartsAt)
			wb.StartsAt, wb.EndsAt = ce.Conflicts.NextFree, ce.Conflicts.NextFree.Add(length)
			if wb.DeadlineAt != nil && wb.EndsAt.Add(wb.Buffer()).After(*wb.DeadlineAt) {
				d := wb.EndsAt.Add(wb.Buffer() + 2*time.Hour)
				wb.DeadlineAt = &d
			}
		case errors.As(err, &ce):
			if g.R.IntN(100) < 25 {
				_, _, err = g.Store.SaveWorkBlock(wb, g.writeIn(sc, "emergency"))
				return err
			}
			return nil
		default:
			return err
		}
	}
	return nil
}

// outcome records what happened to an occurrence, now and then with a
// note of why, and remembers the ones missed or moved for the entries of
// that evening.
func (g *Gen) outcome(id int64, at time.Time, o data.Outcome, movedTo *time.Time, m *madeCommitment) error {
	note := ""
	if o != data.OutcomeKept && g.R.IntN(100) < 60 {
		sc := g.scene(at)
		if m != nil && m.child != nil {
			sc.about(m.child)
		}
		note = g.writeIn(sc, "outcome-"+string(o))
	}
	if o != data.OutcomeKept && m != nil {
		g.missed = append(g.missed, missedOccurrence{at: at, c: m})
	}
	return g.Store.SetOutcomeWithNote(id, at, o, movedTo, note)
}
