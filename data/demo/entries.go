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

// Openings give each answer a first sentence a parent might write; the rest
// is vocabulary drawn Zipf-style, as the benchmarks need.
var (
	triggerOpenings = []string{
		"A client call ran long and I missed the start of the school assembly.",
		"She asked me to come and see her tower of blocks and I said in a minute, three times.",
		"I answered emails at the breakfast table again.",
		"He knocked on the office door during the team meeting and I waved him away.",
		"I forgot it was dress-up day and he went to school in his normal clothes.",
		"Another parent posted photos of a weekday trip to the beach.",
		"I snapped at the kids because a deadline moved forward.",
		"The nursery called and I let it ring because I was presenting.",
		"I worked through bedtime and my partner did the story alone.",
		"I promised the park after lunch and then a report came back with changes.",
		"My daughter said I'm always on the laptop.",
		"I took a call on the sidelines of football practice.",
		"The invoice was late because I took the afternoon off for the recital.",
		"I felt guilty for enjoying a quiet day of work while they were at their grandparents'.",
		"I said no to a client so I could do the school pickup, and then worried all evening.",
		"The teacher mentioned he seems tired lately.",
		"I checked my phone during the swimming lesson instead of watching.",
		"We had cereal for dinner because I lost track of time.",
		"I missed the parents' evening slot and had to rebook.",
		"She cried at drop-off and I still had to log in at nine.",
		"My boss praised a project I finished by working every evening this week.",
		"A friend asked how I manage it all and I didn't know what to say.",
		"I left the birthday party early for a meeting that was then cancelled.",
		"The kids watched screens all afternoon so I could finish the proposal.",
		"I was at home all day and still didn't make it to the door when he got back from school.",
		"I couldn't take the holiday week we had planned.",
		"I turned down a conference because of the school holidays and feel behind.",
		"He asked why other mums can come to the class trip.",
	}
	storyOpenings = []string{
		"I keep telling myself that a good parent would have been there.",
		"The voice says I'm choosing money over them.",
		"I tell myself I'm failing at both and doing neither well.",
		"I'm telling myself they'll remember the closed door, not the rest.",
		"I keep thinking that working from home was supposed to fix this.",
		"The story in my head is that everyone else manages better than me.",
		"I tell myself I'm selfish for liking my work.",
		"I keep saying I'm a terrible parent, as if one afternoon decides that.",
		"I'm telling myself that my clients matter more to me than my kids, which isn't true.",
		"I'm telling myself I should have said no, and that I always give in.",
		"The thought is that I've let everyone down at once.",
		"I keep replaying it and adding reasons why I'm not enough.",
		"I'm telling myself I waste the flexibility other parents would love to have.",
		"I tell myself that if I were organised this would never happen.",
		"I'm saying to myself that they'll grow up and I'll have missed it.",
		"The story is that being nearby but busy is worse than being away.",
	}
	friendOpenings = []string{
		"I'd tell a friend that one missed moment doesn't undo all the others.",
		"I would say you made the best call you could with what you knew then.",
		"I'd remind a friend that kids see the whole of us, not one afternoon.",
		"I'd say this hurts because you care, and that caring is the point.",
		"I'd tell her that nobody gets both sides right every day.",
		"I'd say plan for the next one, and go easy on yourself about this one.",
		"I'd tell him his kids are lucky to have someone who thinks about this so much.",
		"I'd say you're allowed to enjoy your work; it doesn't take anything from them.",
		"I'd remind them that some weeks ask more of work and some more of home.",
		"I'd say talk to your child about it; they understand more than we expect.",
		"I'd say the guilt is telling you what matters, not that you're failing.",
		"I'd tell a friend to look at the whole month, not this one day.",
		"I'd say block the next event in the calendar now, so it's decided.",
		"I'd point out that you showed up for most of what counted this week.",
	}
	ownTags = []string{"bedtime", "school run", "sick day", "deadline week", "weekend work", "holidays"}
)

type tagWeight struct {
	name   string
	weight float64
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
	var pool []tagWeight
	builtinWeights := []float64{25, 20, 15, 15, 15, 10}
	for i, t := range tags {
		if t.BuiltinKey != nil && i < len(builtinWeights) {
			pool = append(pool, tagWeight{t.Name, builtinWeights[i]})
		}
	}
	reframes, err := g.Store.Reframes()
	if err != nil {
		return err
	}

	times := entryTimes(g, n)
	start, span := g.Start(), g.Opt.Now.Sub(g.Start())
	const batch = 2000
	entries := make([]data.Entry, 0, batch)
	for i, at := range times {
		drift := float64(at.Sub(start)) / float64(span) // 0 at the start, 1 now
		e := data.Entry{
			HappenedAt: at,
			Trigger:    g.Text(Pick(g, triggerOpenings), 20, 150),
			Story:      g.Text(Pick(g, storyOpenings), 30, 300),
			Friend:     g.Text(Pick(g, friendOpenings), 20, 220),
			Intensity:  intensity(g, drift),
			Kind:       kind(g, drift),
			Tags:       entryTags(g, pool),
		}
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
		entries = append(entries, e)
		if len(entries) == batch || i == len(times)-1 {
			if err := transfer.ImportEntries(context.Background(), g.Store, entries); err != nil {
				return err
			}
			entries = entries[:0]
		}
	}
	return nil
}

// entryTimes spreads n moments over the history with a real journal's
// rhythm: more on weekdays and in the evening, stretches of silence, bursts
// in hard weeks, and more writing in the early years when guilt was new.
func entryTimes(g *Gen, n int) []time.Time {
	loc := time.Local
	now := g.Opt.Now.In(loc)
	first := g.Start().In(loc)
	day0 := time.Date(first.Year(), first.Month(), first.Day(), 0, 0, 0, 0, loc)
	var days []time.Time
	for d := day0; !d.After(now); d = d.AddDate(0, 0, 1) {
		days = append(days, d)
	}
	weekday := [7]float64{0.8, 1.25, 1.2, 1.2, 1.15, 0.95, 0.6} // Sunday first

	// The activity of each stretch of days: mostly ordinary, sometimes
	// silent (holidays, busy months), sometimes a burst.
	cum := make([]float64, len(days))
	total := 0.0
	for i := 0; i < len(days); {
		length := 4 + g.R.IntN(36)
		level := math.Exp(g.R.NormFloat64() * 0.5)
		switch r := g.R.Float64(); {
		case r < 0.12:
			level = 0
		case r < 0.20:
			level *= 3 + 2*g.R.Float64()
		}
		for j := i; j < min(i+length, len(days)); j++ {
			trend := 1.4 - 0.7*float64(j)/float64(len(days))
			total += level * weekday[days[j].Weekday()] * trend
			cum[j] = total
		}
		i += length
	}
	if total == 0 {
		cum[len(cum)-1], total = 1, 1
	}

	times := make([]time.Time, n)
	for i := range times {
		d := days[sort.SearchFloat64s(cum, g.R.Float64()*total)]
		at := d.Add(timeOfDay(g))
		if at.After(now) {
			at = now.Add(-time.Duration(1+g.R.IntN(600)) * time.Minute)
		}
		if at.Before(first) {
			at = first
		}
		times[i] = at.UTC().Truncate(time.Second)
	}
	sort.Slice(times, func(i, j int) bool { return times[i].Before(times[j]) })
	return times
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

// intensity drifts down over the years, as practice makes guilt fade.
func intensity(g *Gen, drift float64) int {
	v := 7.4 - 4*drift + g.R.NormFloat64()*1.6
	return int(math.Round(math.Max(0, math.Min(10, v))))
}

// kind is mostly guilt; shame is commoner in the early years.
func kind(g *Gen, drift float64) data.Kind {
	r := g.R.Float64()
	switch {
	case r < 0.30-0.18*drift:
		return data.KindShame
	case r < 0.42-0.18*drift:
		return data.KindUnsure
	}
	return data.KindGuilt
}

func entryTags(g *Gen, pool []tagWeight) []data.Tag {
	var count int
	switch r := g.R.Float64(); {
	case r < 0.15:
		count = 0
	case r < 0.60:
		count = 1
	case r < 0.90:
		count = 2
	default:
		count = 3
	}
	total := 0.0
	for _, t := range pool {
		total += t.weight
	}
	var tags []data.Tag
	for range count {
		x := g.R.Float64() * total
		for _, t := range pool {
			if x -= t.weight; x < 0 {
				tags = append(tags, data.Tag{Name: t.name})
				break
			}
		}
	}
	if g.R.Float64() < 0.15 {
		tags = append(tags, data.Tag{Name: Pick(g, ownTags)})
	}
	return tags
}
