package data_test

import (
	"testing"
	"time"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/demo"
)

// The triage's check on the 100,000-entry demo journal: which commitments
// fall in the asked-for hour, whether a tier-1 one is among them, and the
// next free time after it (NextFreeSlot over two weeks of occurrences and
// work blocks), with the reply drafted. Target: well under 10 ms.
//
//	go test ./data/ -run '^$' -bench 'Triage' -benchtime 400x
func BenchmarkTriageCheck(b *testing.B) {
	s := benchStore(b)
	criteria, err := s.UrgencyCriteria()
	if err != nil || len(criteria) == 0 {
		b.Fatalf("demo criteria: %d, %v", len(criteria), err)
	}
	yes := map[int64]bool{}
	for _, c := range criteria {
		yes[c.ID] = true
	}
	// Late afternoons of the coming weeks: football practice (tier 1) on
	// Tuesdays, swimming on Thursdays, clubs and dinner around them.
	now := demo.BenchNow.Local()
	var windows []time.Time
	for d := range 28 {
		day := now.AddDate(0, 0, d+1)
		for _, h := range []int{10, 16, 17} {
			windows = append(windows, time.Date(day.Year(), day.Month(), day.Day(), h, 30, 0, 0, time.Local))
		}
	}
	clashes := 0
	timed(b, func(i int) error {
		start := windows[i%len(windows)]
		c, err := s.CheckTriage(data.TriageInput{Client: "Acme", WindowStart: start, WindowEnd: start.Add(time.Hour), Answers: yes})
		if c.Verdict == data.VerdictUrgentClash {
			clashes++
		}
		return err
	})
	if clashes == 0 {
		b.Error("no window met a tier-1 commitment")
	}
}
