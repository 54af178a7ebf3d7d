package demo

import "time"

func init() { register(10, "permission slips", fillSlips) }

var demoSlips = []string{
	"I'm allowed to put work first on some days.",
	"I'm allowed to put my family first on some days.",
	"An imperfect choice doesn't make me an imperfect parent.",
	"I'm allowed to enjoy my work.",
	"One missed moment does not define us.",
	"Rest is part of doing both well.",
}

func fillSlips(g *Gen) error {
	for i, text := range demoSlips {
		if _, err := g.Store.AddSlip(text, i == 0); err != nil {
			return err
		}
	}
	return g.Store.RecordReadings(g.readings())
}

// readings are the mornings of the last two years the pinned slip was
// read: a habit that takes hold, from about one morning in three to most
// of them, more often on weekdays, between seven and nine.
func (g *Gen) readings() []time.Time {
	const days = 730
	end := g.Opt.Now.Local()
	var times []time.Time
	for d := days; d >= 0; d-- {
		day := end.AddDate(0, 0, -d)
		p := 0.35 + 0.45*float64(days-d)/days
		if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday {
			p -= 0.15
		}
		if g.R.Float64() >= p {
			continue
		}
		at := time.Date(day.Year(), day.Month(), day.Day(), 7, g.R.IntN(120), 0, 0, time.Local)
		if at.After(g.Opt.Now) {
			continue
		}
		times = append(times, at)
	}
	return times
}
