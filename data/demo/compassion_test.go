package demo

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
)

// TestDemoBreaksFollowHeavyShameEntries checks the demo's practice: own
// reframes, breaks linked to shame entries, more of them lately, and the
// insights of a year with something in every chart fed by the journal.
func TestDemoBreaksFollowHeavyShameEntries(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	s, err := data.Open(filepath.Join(t.TempDir(), "demo.db"), data.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := Fill(s, Options{Entries: 3000, Seed: 5, Now: now, Years: 3}); err != nil {
		t.Fatal(err)
	}
	reframes, _ := s.Reframes()
	if len(reframes) != 6 || reframes[5].BuiltinKey != nil {
		t.Fatalf("reframes: %d", len(reframes))
	}
	breaks, err := s.Breaks(10_000)
	if err != nil || len(breaks) < 20 {
		t.Fatalf("%d breaks, %v", len(breaks), err)
	}
	var recent, early, open, linked int
	for _, b := range breaks {
		if b.StartedAt.After(now) {
			t.Fatalf("a break in the future: %+v", b)
		}
		if b.EntryID != nil {
			linked++
			e, err := s.Entry(*b.EntryID)
			if err != nil || e.Kind != data.KindShame || b.StartedAt.Before(e.HappenedAt) {
				t.Fatalf("break %+v for entry %+v (%v)", b, e, err)
			}
		}
		if b.FinishedAt == nil {
			open++
		}
		switch {
		case b.StartedAt.After(now.AddDate(0, -6, 0)):
			recent++
		case b.StartedAt.Before(now.AddDate(-2, 0, 0).AddDate(0, 6, 0)):
			early++
		}
	}
	if recent <= early || open == 0 || open > len(breaks)/4 || linked < 10 {
		t.Errorf("breaks: %d in the last six months, %d in the first six; %d of %d left half-way, %d after an entry",
			recent, early, open, len(breaks), linked)
	}
	ins, err := s.Insights(data.PeriodYear)
	if err != nil {
		t.Fatal(err)
	}
	for name, sum := range map[string]string{
		"intensity": ins.IntensitySummary(), "triggers": ins.TriggersSummary(), "kinds": ins.KindSummary(),
		"commitments": ins.CommitmentsSummary(), "practice": ins.PracticeSummary(),
	} {
		if sum == "" {
			t.Errorf("the demo's year has no %s", name)
		}
	}
}
