package demo

import (
	"time"

	"github.com/bothand/bothand/data"
)

func init() {
	register(35, "own reframes", fillReframes)
	register(55, "self-compassion breaks", fillBreaks)
}

// Two reframes of the person's own, written before the entries so some of
// them are marked as helping.
var demoReframes = []data.Reframe{
	{
		OldStory: "If I answer one email during dinner, the whole evening is ruined.",
		NewStory: "One email is two minutes. The rest of the evening is still ours, and I can say so out loud.",
	},
	{
		OldStory: "Other parents manage all of this without breaking a sweat.",
		NewStory: "I see their best moments and my hardest ones. Everyone is juggling something I can't see.",
	},
}

func fillReframes(g *Gen) error {
	for _, r := range demoReframes {
		if _, err := g.Store.SaveReframe(r); err != nil {
			return err
		}
	}
	return nil
}

// fillBreaks adds the self-compassion breaks of the last two years: after
// some of the heavier shame entries, the habit growing from one in eight to
// about half of them; on their own, from the tray, from about once in
// seven weeks to more than once a week; and a few left half-way.
func fillBreaks(g *Gen) error {
	now := g.Opt.Now
	from := now.AddDate(-2, 0, 0)
	var breaks []data.CompassionSession
	var after *data.Cursor
	for {
		page, err := g.Store.EntryPage(data.EntryFilter{Kind: data.KindShame, From: from}, after, data.MaxPage)
		if err != nil {
			return err
		}
		for _, e := range page.Rows {
			if e.Intensity < 6 {
				continue
			}
			habit := 0.12 + 0.38*float64(e.HappenedAt.Sub(from))/float64(now.Sub(from))
			if g.R.Float64() >= habit {
				continue
			}
			start := e.HappenedAt.Add(time.Duration(5+g.R.IntN(40)) * time.Minute)
			if start.After(now) {
				continue
			}
			id := e.ID
			b := data.CompassionSession{
				EntryID: &id, StartedAt: start,
			}
			g.breakWords(&b)
			if g.R.IntN(100) < 92 {
				done := start.Add(time.Duration(2+g.R.IntN(6)) * time.Minute)
				b.FinishedAt = &done
			} else {
				b.Normalise, b.Kindness = "", ""
			}
			breaks = append(breaks, b)
		}
		if page.Next == nil {
			break
		}
		after = page.Next
	}
	for d := from.Local(); d.Before(now); d = d.AddDate(0, 0, 1) {
		habit := 0.02 + 0.18*float64(d.Sub(from))/float64(now.Sub(from))
		if g.R.Float64() >= habit {
			continue
		}
		start := time.Date(d.Year(), d.Month(), d.Day(), 12+g.R.IntN(10), g.R.IntN(60), 0, 0, time.Local)
		if start.After(now) {
			continue
		}
		done := start.Add(time.Duration(2+g.R.IntN(6)) * time.Minute)
		b := data.CompassionSession{StartedAt: start, FinishedAt: &done}
		g.breakWords(&b)
		breaks = append(breaks, b)
	}
	return g.Store.ImportBreaks(breaks)
}

// breakWords writes the three steps of a break, about one child.
func (g *Gen) breakWords(b *data.CompassionSession) {
	sc := g.scene(b.StartedAt)
	b.Acknowledge = g.writeIn(sc, "break-acknowledge")
	b.Normalise = g.writeIn(sc, "break-normalise")
	b.Kindness = g.writeIn(sc, "break-kindness")
}
