package demo

import (
	"math"
	"sort"
	"time"
)

// rhythm is when a person writes: stretches of ordinary weeks, silent ones
// (holidays, a month when life took over) and busier, harder ones; more on
// weekday evenings; most in the first year, when the habit and the guilt
// are new; and an active stretch of the last weeks, so the journal shows
// someone using it now.
type rhythm struct {
	days  []time.Time
	cum   []float64
	total float64
	bump  []float64 // by day: how much a recent hard stretch adds to intensity
	now   time.Time
	first time.Time
}

const (
	bumpSize       = 1.8              // intensity a hard stretch adds at its start
	bumpFade       = 35 * 24 * 3600.0 // seconds for it to fade to a third
	recentBump     = 4.0              // the same for the hard week of the last month
	recentFadeDays = 8.0
)

func newRhythm(g *Gen) *rhythm {
	loc := time.Local
	now := g.Opt.Now.In(loc)
	first := g.Start().In(loc)
	rh := &rhythm{now: now, first: first}
	day0 := time.Date(first.Year(), first.Month(), first.Day(), 0, 0, 0, 0, loc)
	for d := day0; !d.After(now); d = d.AddDate(0, 0, 1) {
		rh.days = append(rh.days, d)
	}
	nd := len(rh.days)
	weekday := [7]float64{0.7, 1.25, 1.2, 1.2, 1.15, 0.85, 0.5} // Sunday first
	level := make([]float64, nd)
	var hard []int // first days of hard stretches
	// The last weeks are a busier stretch that started six to nine weeks ago.
	recent := max(0, nd-42-g.R.IntN(22))
	for i := 0; i < recent; {
		length := 4 + g.R.IntN(36)
		l := math.Exp(g.R.NormFloat64() * 0.45)
		switch r := g.R.Float64(); {
		case r < 0.12:
			l = 0
		case r < 0.20:
			l *= 2.5 + 2*g.R.Float64()
			hard = append(hard, i)
		}
		for j := i; j < min(i+length, recent); j++ {
			level[j] = l
		}
		i += length
	}
	for j := recent; j < nd; j++ {
		level[j] = 3
	}
	rh.cum = make([]float64, nd)
	for j, d := range rh.days {
		frac := float64(j) / float64(max(1, nd-1))
		trend := 0.8 + 0.7*math.Exp(-4*frac)
		rh.total += level[j] * weekday[d.Weekday()] * trend
		rh.cum[j] = rh.total
	}
	if rh.total == 0 {
		rh.cum[nd-1], rh.total = 1, 1
	}
	rh.bump = make([]float64, nd)
	for _, h := range hard {
		for j := h; j < nd && j < h+180; j++ {
			rh.bump[j] += bumpSize * math.Exp(-float64(j-h)*86400/bumpFade)
		}
	}
	// A hard week at the start of the last four calendar weeks (the
	// default Insights view), eased by practice since: guilt shows easing
	// from the first two of them to the last two.
	today := rh.days[nd-1]
	hardWeek := nd - 1 - (int(today.Weekday())+6)%7 - 21 + g.R.IntN(2)
	for j := max(0, hardWeek); j < nd; j++ {
		rh.bump[j] += recentBump * math.Exp(-float64(j-hardWeek)/recentFadeDays)
	}
	return rh
}

// times spreads n moments over the history in proportion to the rhythm:
// each entry takes the next share of the cumulative weight, so a stretch
// holds its due number of entries at any size of journal.
func (rh *rhythm) times(g *Gen, n int) []time.Time {
	times := make([]time.Time, n)
	for i := range times {
		x := (float64(i) + g.R.Float64()) / float64(n) * rh.total
		d := rh.days[min(len(rh.days)-1, sort.SearchFloat64s(rh.cum, x))]
		at := d.Add(timeOfDay(g))
		if at.After(rh.now) {
			at = at.AddDate(0, 0, -1) // not yet written today: yesterday evening
		}
		if at.Before(rh.first) {
			at = rh.first
		}
		times[i] = at.UTC().Truncate(time.Second)
	}
	sort.Slice(times, func(i, j int) bool { return times[i].Before(times[j]) })
	return times
}

// bumpAt is how much a recent hard stretch adds to intensity at t.
func (rh *rhythm) bumpAt(t time.Time) float64 {
	i := sort.Search(len(rh.days), func(i int) bool { return rh.days[i].After(t) }) - 1
	if i < 0 {
		return 0
	}
	return rh.bump[i]
}

// timeOfDay is when a parent finds a moment to write: mostly after the
// children are in bed, sometimes at lunch or before anyone is up.
func timeOfDay(g *Gen) time.Duration {
	minutes := func(from, to int) time.Duration {
		return time.Duration(from+g.R.IntN(to-from)) * time.Minute
	}
	switch r := g.R.Float64(); {
	case r < 0.58:
		return minutes(20*60, 23*60+30)
	case r < 0.70:
		return minutes(23*60+30, 24*60)
	case r < 0.84:
		return minutes(12*60+15, 14*60)
	case r < 0.94:
		return minutes(5*60+30, 7*60+30)
	default:
		return minutes(8*60, 19*60)
	}
}
