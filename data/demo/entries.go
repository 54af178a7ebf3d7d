package demo

import (
	"context"
	"math"
	"sort"
	"time"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/transfer"
)

func init() { register(40, "journal entries", fillEntries) }

// madeCommitment is a commitment the demo put on the Tiers, as the
// entries can write about it.
type madeCommitment struct {
	id     int64
	link   string // what situations about it name: "school-event", "bedtime", "activity"…
	phrase string // how an entry says it: "sports day", "football practice"
	child  *child // whose it is, if one child's
	start  time.Time
	oneOff bool
}

// missedOccurrence is a commitment missed or moved, which an entry that
// evening is likely to be about.
type missedOccurrence struct {
	at   time.Time
	c    *madeCommitment
	used bool // an entry has been written about it
}

// planSeed is a recent guilt entry with the scene it was written in, for a
// next-time protocol to start from.
type planSeed struct {
	entryID int64
	at      time.Time
	sit     *situation
	sc      scene
}

func fillEntries(g *Gen) error {
	n := g.Opt.Entries
	if n == 0 {
		return nil
	}
	tags, err := g.Store.Tags()
	if err != nil {
		return err
	}
	var builtins []string
	for _, t := range tags {
		if t.BuiltinKey != nil {
			builtins = append(builtins, t.Name)
		}
	}
	reframes, err := g.Store.Reframes()
	if err != nil {
		return err
	}

	rh := newRhythm(g)
	times := rh.times(g, n)
	sc := newScene(g.R, g.bank, g.fam)
	comp := newComposer(sc)
	sort.Slice(g.missed, func(i, j int) bool { return g.missed[i].at.Before(g.missed[j].at) })

	const batch = 2000
	entries := make([]data.Entry, 0, batch)
	var seeds []planSeed
	var pending []int // indexes in entries of this batch's plan seeds
	for i, at := range times {
		frac := g.fam.frac(at)
		bump := rh.bumpAt(at)
		kind := kindAt(g, frac, bump)
		sit, link := g.setScene(sc, at)
		e := data.Entry{
			HappenedAt:   at,
			Intensity:    intensityAt(g, frac, bump, sit, kind),
			Kind:         kind,
			CommitmentID: link,
		}
		e.Trigger, e.Story, e.Friend = comp.answers(sit, kind, e.Intensity)
		e.Tags = comp.tags(sit, builtins)
		if e.Kind == data.KindShame && len(reframes) > 0 && g.R.Float64() < 0.4 {
			id := Pick(g, reframes).ID
			e.ReframeID = &id
		}
		if g.R.Float64() < 0.002 {
			// A few entries deleted some days after they were written.
			deleted := at.Add(time.Duration(1+g.R.IntN(240)) * time.Hour)
			if deleted.After(g.Opt.Now) {
				deleted = g.Opt.Now
			}
			e.DeletedAt = &deleted
		}
		if e.Kind == data.KindGuilt && e.DeletedAt == nil && len(sit.parts["title"]) > 0 && i >= len(times)-200 {
			seeds = append(seeds, planSeed{at: at, sit: sit, sc: *sc})
			pending = append(pending, len(entries))
		}
		entries = append(entries, e)
		if len(entries) == batch || i == len(times)-1 {
			if err := transfer.ImportEntries(context.Background(), g.Store, entries); err != nil {
				return err
			}
			for k, idx := range pending {
				seeds[len(seeds)-len(pending)+k].entryID = entries[idx].ID
			}
			pending = pending[:0]
			if len(seeds) > 12 {
				seeds = append(seeds[:0], seeds[len(seeds)-12:]...)
			}
			entries = entries[:0]
		}
	}
	g.plans = seeds
	return nil
}

// setScene chooses what the entry at t is about and sets the scene up for
// it: often the commitment missed that day, otherwise a situation by its
// weight among those that fit the children's ages and the time of year.
// It returns the commitment the entry is about, if any.
func (g *Gen) setScene(sc *scene, t time.Time) (*situation, *int64) {
	r := g.R
	if m := g.missedBefore(t); m != nil && r.Float64() < 0.8 {
		if sit := g.chooseSituation(t, m.c.link); sit != nil && sc.reset(t, sit.ageMin, sit.ageMax) {
			m.used = true
			g.aboutCommitment(sc, m.c)
			return sit, &m.c.id
		}
	}
	sit := g.chooseSituation(t, "")
	if sit == g.lastSit {
		sit = g.chooseSituation(t, "") // the same again happens, but seldom twice running
	}
	g.lastSit = sit
	sc.reset(t, sit.ageMin, sit.ageMax)
	if sit.link == "" {
		return sit, nil
	}
	for _, c := range g.made {
		if c.link != sit.link || c.start.After(t) {
			continue
		}
		if c.oneOff {
			// A school event of that day or the day before.
			if t.Sub(c.start) > 30*time.Hour || !fits(c.child, t, sit) {
				continue
			}
		} else if c.child != nil && c.child != sc.focus || r.Float64() >= 0.85 {
			continue
		}
		g.aboutCommitment(sc, c)
		return sit, &c.id
	}
	return sit, nil
}

func fits(c *child, t time.Time, sit *situation) bool {
	if c == nil {
		return true
	}
	y, _, born := c.ageAt(t)
	return born && y >= sit.ageMin && y <= sit.ageMax
}

func (g *Gen) aboutCommitment(sc *scene, c *madeCommitment) {
	if c.child != nil {
		sc.about(c.child)
	}
	switch c.link {
	case "school-event":
		sc.event = c.phrase
	case "activity":
		sc.activity = c.phrase
	}
}

// missedBefore is a commitment missed or moved in the 20 hours before t
// that no entry is about yet: one entry an occurrence, not every entry of
// that evening.
func (g *Gen) missedBefore(t time.Time) *missedOccurrence {
	i := sort.Search(len(g.missed), func(i int) bool { return g.missed[i].at.After(t) })
	for j := i - 1; j >= 0 && t.Sub(g.missed[j].at) < 20*time.Hour; j-- {
		if !g.missed[j].used {
			return &g.missed[j]
		}
	}
	return nil
}

// chooseSituation picks a situation (with the given link, if any) by
// weight among those that fit the month and a child's age at t.
func (g *Gen) chooseSituation(t time.Time, link string) *situation {
	var ages [2]int
	for i, c := range g.fam.kids {
		y, _, born := c.ageAt(t)
		ages[i] = y
		if !born {
			ages[i] = -1
		}
	}
	month := uint16(1) << int(t.Local().Month())
	day := uint8(1) << int(t.Local().Weekday())
	var weights [64]float64
	total := 0.0
	sits := g.bank.situations
	for i, s := range sits {
		w := 0.0
		if (link == "" || s.link == link) && (s.months == 0 || s.months&month != 0) && (s.days == 0 || s.days&day != 0) &&
			(ages[0] >= 0 && ages[0] >= s.ageMin && ages[0] <= s.ageMax || ages[1] >= 0 && ages[1] >= s.ageMin && ages[1] <= s.ageMax) {
			w = s.weight
		}
		weights[i] = w
		total += w
	}
	if total == 0 {
		if link != "" {
			return nil
		}
		return sits[0]
	}
	x := g.R.Float64() * total
	for i, w := range weights[:len(sits)] {
		if x -= w; x < 0 && w > 0 {
			return sits[i]
		}
	}
	for i := len(sits) - 1; i >= 0; i-- {
		if weights[i] > 0 {
			return sits[i]
		}
	}
	return nil
}

// intensity starts high and fades with practice over the first years;
// each hard stretch brings it back up for a few weeks before it fades
// again. Shame weighs heavier, and so do some situations.
func intensityAt(g *Gen, frac, bump float64, sit *situation, kind data.Kind) int {
	v := 7.3 - 3.2*(1-math.Exp(-3*frac)) + bump + 0.6*sit.severity + g.R.NormFloat64()*1.3
	if kind == data.KindShame {
		v += 0.7
	}
	return int(math.Round(math.Max(0, math.Min(10, v))))
}

// kindAt is mostly guilt; shame is commoner in the early years and comes
// back in hard stretches.
func kindAt(g *Gen, frac, bump float64) data.Kind {
	practice := 1 - math.Exp(-3*frac)
	shame := 0.27 - 0.15*practice + 0.07*bump
	unsure := 0.12 - 0.05*frac
	switch r := g.R.Float64(); {
	case r < shame:
		return data.KindShame
	case r < shame+unsure:
		return data.KindUnsure
	}
	return data.KindGuilt
}
