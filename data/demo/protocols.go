package demo

import (
	"time"

	"github.com/bothand/bothand/data"
)

func init() { register(50, "protocols and triages", fillProtocols) }

var demoRequests = []string{
	"Can you change the figures in the board deck before their 9am?",
	"The newsletter link is broken and it goes out tonight",
	"Could we jump on a call this afternoon about the new brief?",
	"The client portal shows last month's invoice",
	"We need the contract redlines back today",
	"A typo on the landing page: can you fix it now?",
	"The payment form is rejecting cards",
	"Can you send the final files a day early?",
	"The CEO wants a quick chat about the roadmap",
	"Our launch moved forward: can you be on standby?",
}

// fillProtocols adds next-time plans (from guilt entries and from the
// templates, one tied to the next tier-1 commitment), the person's urgency
// questions, a default buffer, and two dozen client "emergencies" of the
// last year run through the triage, most looked back on.
func fillProtocols(g *Gen) error {
	s := g.Store
	now := g.Opt.Now
	if err := s.SetDefaultBuffer(30); err != nil {
		return err
	}

	page, err := s.EntryPage(data.EntryFilter{Kind: data.KindGuilt}, nil, 3)
	if err != nil {
		return err
	}
	for i, row := range page.Rows {
		p, err := s.StartProtocol(row.ID)
		if err != nil {
			return err
		}
		extra := []string{"Tell the client on Monday which afternoons are family time", "Check the school calendar every Sunday evening"}
		for _, text := range extra[:1+i%2] {
			if _, err := s.AddStep(p.ID, text, ""); err != nil {
				return err
			}
		}
		done := now.AddDate(0, 0, -3*(i+1))
		if _, err := s.SetStepDone(p.Steps[0].ID, &done); err != nil {
			return err
		}
		if i == 2 {
			p.Status = data.ProtocolDone
			if _, err := s.UpdateProtocol(p); err != nil {
				return err
			}
		}
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

// fillTriages runs 24 requests of the last year through the triage, many
// of them in the late afternoon when the children's activities are; the
// person looks back on all but the latest.
func fillTriages(g *Gen, questions []data.UrgencyCriterion) error {
	s := g.Store
	now := g.Opt.Now.Local()
	const count = 24
	for i := range count {
		// Spread over the last year, the last one two days ago, so its
		// look-back question is due whatever the hour it was asked.
		ago := time.Duration(count-1-i)*15*24*time.Hour + 48*time.Hour
		day := now.Add(-ago)
		for day.Weekday() == time.Saturday || day.Weekday() == time.Sunday {
			day = day.AddDate(0, 0, -1)
		}
		hour := 10 + g.R.IntN(4)
		if g.R.IntN(3) > 0 {
			hour = 16 + g.R.IntN(2) // when the after-school activities are
		}
		start := time.Date(day.Year(), day.Month(), day.Day(), hour, 15*g.R.IntN(4), 0, 0, time.Local)
		answers := map[int64]bool{}
		for _, q := range questions {
			answers[q.ID] = g.R.IntN(10) < 3
		}
		t, _, err := s.SaveTriage(data.TriageInput{
			Client: Pick(g, demoClients), Request: Pick(g, demoRequests),
			WindowStart: start, WindowEnd: start.Add(time.Duration(30+30*g.R.IntN(3)) * time.Minute),
			Answers: answers, AskedAt: start.Add(-time.Duration(20+g.R.IntN(100)) * time.Minute),
		})
		if err != nil {
			return err
		}
		if i < count-2 {
			// Looking back, about one "emergency" in four was real.
			if err := s.LookBack(t.ID, g.R.IntN(4) == 0); err != nil {
				return err
			}
		}
	}
	return nil
}
