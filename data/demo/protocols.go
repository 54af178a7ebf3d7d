package demo

import (
	"math"
	"time"

	"github.com/bothand/bothand/data"
)

func init() { register(50, "protocols and triages", fillProtocols) }

// fillProtocols adds next-time plans (from recent guilt entries and from
// the templates, one tied to the next tier-1 commitment), the person's
// urgency questions, a default buffer, and a year of client "emergencies"
// run through the triage, most looked back on.
func fillProtocols(g *Gen) error {
	s := g.Store
	now := g.Opt.Now
	if err := s.SetDefaultBuffer(30); err != nil {
		return err
	}
	if err := g.entryProtocols(); err != nil {
		return err
	}

	// The school-dates plan comes back before the next tier-1 occurrence.
	var next *int64
	coming, err := s.Occurrences(now, now.AddDate(0, 0, 21), data.TierNonNegotiable)
	if err != nil {
		return err
	}
	if len(coming) > 0 {
		next = &coming[0].Commitment.ID
	}
	for i, key := range []string{"school-events", "client-emergency", "deadline-buffer"} {
		var tie *int64
		if i == 0 {
			tie = next
		}
		p, err := s.StartFromTemplate(key, tie)
		if err != nil {
			return err
		}
		for j := range i + 1 {
			done := now.AddDate(0, 0, -10+j)
			if _, err := s.SetStepDone(p.Steps[j].ID, &done); err != nil {
				return err
			}
		}
		if i == 0 {
			review := now.AddDate(0, 1, 0)
			p.ReviewOn, p.RemindDaysBefore = &review, 3
			if _, err := s.UpdateProtocol(p); err != nil {
				return err
			}
		}
	}

	var questions []data.UrgencyCriterion
	for _, q := range data.StarterCriteria() {
		questions = append(questions, data.UrgencyCriterion{Question: q})
	}
	questions, err = s.SaveUrgency(questions, data.UrgencyRule{AtLeast: 2})
	if err != nil {
		return err
	}
	return fillTriages(g, questions)
}

// entryProtocols turns three recent guilt entries, about different
// situations, into next-time plans written in the situation's terms, the
// way the person would have named and edited them: some steps done, the
// oldest plan finished.
func (g *Gen) entryProtocols() error {
	s, now := g.Store, g.Opt.Now
	seen := map[*situation]bool{}
	made := 0
	for i := len(g.plans) - 1; i >= 0 && made < 3; i-- {
		seed := g.plans[i]
		if seen[seed.sit] || seed.entryID == 0 {
			continue
		}
		seen[seed.sit] = true
		sc := seed.sc
		sc.r = g.R
		p := data.Protocol{Title: pickFitting(g, &sc, seed.sit.parts["title"]), EntryID: &seed.entryID, RemindDaysBefore: 2}
		// The situation's steps in their order, as a plan reads; now and
		// then one of the general ones at the end.
		var steps []data.NewStep
		for _, st := range seed.sit.parts["step"] {
			if len(steps) < 2+g.R.IntN(3) && sc.has(st) {
				steps = append(steps, data.NewStep{Text: st.text(&sc)})
			}
		}
		if g.R.IntN(3) == 0 {
			if text := pickFitting(g, &sc, g.bank.pool("protocol-step")); text != "" {
				steps = append(steps, data.NewStep{Text: text})
			}
		}
		if p.Title == "" || len(steps) == 0 {
			continue
		}
		saved, err := s.CreateProtocol(p, steps)
		if err != nil {
			return err
		}
		for j := range min(made+1, len(saved.Steps)) {
			done := now.AddDate(0, 0, -3*(made+1)+j)
			if _, err := s.SetStepDone(saved.Steps[j].ID, &done); err != nil {
				return err
			}
		}
		if made == 2 {
			saved.Status = data.ProtocolDone
			if _, err := s.UpdateProtocol(saved); err != nil {
				return err
			}
		}
		made++
	}
	return nil
}

// pickFitting writes one of list that the scene can bind, or "".
func pickFitting(g *Gen, sc *scene, list []*phrase) string {
	if len(list) == 0 {
		return ""
	}
	start := g.R.IntN(len(list))
	for i := range list {
		if p := list[(start+i)%len(list)]; sc.has(p) {
			return p.text(sc)
		}
	}
	return ""
}

// fillTriages runs the last year's "urgent" client requests through the
// triage. They come when clients panic, not on a schedule: weeks of quiet,
// then two or three in a few days; early in the morning, in the school-run
// hour, at tea time, now and then at the weekend. The person looks back
// on all but the two latest; the latest is a couple of days old, so its
// look-back question is due whatever the hour.
func fillTriages(g *Gen, questions []data.UrgencyCriterion) error {
	now := g.Opt.Now.Local()
	var times []time.Time
	for t := now.AddDate(-1, 0, 0); ; {
		var gap time.Duration
		if len(times) > 0 && g.R.Float64() < 0.3 {
			gap = time.Duration((0.3 + 2.7*g.R.Float64()) * 24 * float64(time.Hour)) // a client in a flap
		} else {
			gap = time.Duration(-math.Log(1-g.R.Float64()) * 15 * 24 * float64(time.Hour))
		}
		t = requestTime(g, t.Add(gap))
		if t.After(now.Add(-6 * 24 * time.Hour)) {
			break
		}
		times = append(times, t)
	}
	last := requestTime(g, now.Add(-time.Duration(50+g.R.IntN(70))*time.Hour))
	for last.After(now.Add(-26 * time.Hour)) { // moved off a weekend onto today
		last = last.AddDate(0, 0, -3)
	}
	times = append(times, last)
	for i, asked := range times {
		sc := g.scene(asked)
		active := g.fam.activeClients(g.fam.frac(asked))
		sc.client = Pick(g, active)
		start := asked.Add(time.Duration(10+5*g.R.IntN(20)) * time.Minute).Truncate(5 * time.Minute)
		answers := map[int64]bool{}
		for _, q := range questions {
			answers[q.ID] = g.R.IntN(10) < 3
		}
		t, _, err := g.Store.SaveTriage(data.TriageInput{
			Client: sc.client.name, Request: g.writeIn(sc, "triage-request"),
			WindowStart: start, WindowEnd: start.Add(time.Duration(30+15*g.R.IntN(7)) * time.Minute),
			Answers: answers, AskedAt: asked,
		})
		if err != nil {
			return err
		}
		if i < len(times)-2 {
			// Looking back, about one "emergency" in four was real.
			if err := g.Store.LookBack(t.ID, g.R.IntN(4) == 0); err != nil {
				return err
			}
		}
	}
	return nil
}

// requestTime is a moment on day t when a client might call something
// urgent: any minute of a working day, weighted to the early morning and
// the late afternoon; weekends only now and then.
func requestTime(g *Gen, t time.Time) time.Time {
	d := t.Local()
	if wd := d.Weekday(); (wd == time.Saturday || wd == time.Sunday) && g.R.IntN(10) < 8 {
		d = d.AddDate(0, 0, map[time.Weekday]int{time.Saturday: 2, time.Sunday: 1}[wd])
	}
	var from, to int // minutes of the day
	switch r := g.R.Float64(); {
	case r < 0.15:
		from, to = 7*60, 9*60
	case r < 0.40:
		from, to = 9*60, 12*60+30
	case r < 0.52:
		from, to = 12*60+30, 14*60+30
	case r < 0.85:
		from, to = 14*60+30, 18*60+30
	default:
		from, to = 18*60+30, 21*60+30
	}
	m := from + g.R.IntN(to-from)
	return time.Date(d.Year(), d.Month(), d.Day(), m/60, m%60, 0, 0, time.Local)
}
