package data

import (
	"strings"
	"testing"
	"time"
)

func TestOutcomesAndTheKeptRecord(t *testing.T) {
	t.Parallel()
	loc := mustZone(t, "Europe/London")
	s, clock := openTiers(t, time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC))
	first := time.Date(2026, 3, 1, 19, 0, 0, 0, loc)
	c := commit(t, s, "Bedtime story", TierHighPriority, first, 30*time.Minute, "FREQ=DAILY")
	day := func(d int) time.Time { return time.Date(2026, 3, d, 19, 0, 0, 0, loc) }

	// Kept on 1–10 except the 4th (missed) and the 7th (moved to 20:00).
	for d := 1; d <= 10; d++ {
		outcome := OutcomeKept
		var to *time.Time
		switch d {
		case 4:
			outcome = OutcomeMissed
		case 7:
			outcome = OutcomeMoved
			t := time.Date(2026, 3, 7, 20, 0, 0, 0, loc)
			to = &t
		}
		if err := s.SetOutcome(c.ID, day(d), outcome, to); err != nil {
			t.Fatalf("day %d: %v", d, err)
		}
	}
	kept, of, err := s.KeptRecord(c.ID, 10)
	if err != nil || kept != 8 || of != 10 {
		t.Errorf("kept %d of %d (%v), want 8 of 10", kept, of, err)
	}
	if kept, of, _ := s.KeptRecord(c.ID, 5); kept != 4 || of != 5 {
		t.Errorf("last 5: kept %d of %d, want 4 of 5", kept, of)
	}
	all, err := s.KeptRecords(10)
	if err != nil || all[c.ID] != (Kept{8, 10}) {
		t.Errorf("KeptRecords %v %v", all, err)
	}

	// Changing an outcome replaces it; an empty one forgets it.
	if err := s.SetOutcome(c.ID, day(4), OutcomeKept, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.SetOutcome(c.ID, day(10), "", nil); err != nil {
		t.Fatal(err)
	}
	if kept, of, _ := s.KeptRecord(c.ID, 10); kept != 8 || of != 9 {
		t.Errorf("after changes: kept %d of %d, want 8 of 9", kept, of)
	}

	// The occurrences carry their outcomes; the moved one sits at 20:00.
	occ, err := s.Occurrences(time.Date(2026, 3, 7, 0, 0, 0, 0, loc), time.Date(2026, 3, 8, 0, 0, 0, 0, loc))
	if err != nil || len(occ) != 1 {
		t.Fatalf("%d occurrences on the 7th: %v", len(occ), err)
	}
	if o := occ[0]; o.Outcome == nil || o.Outcome.Status != OutcomeMoved || o.Start.In(loc).Hour() != 20 || !o.OccursAt.Equal(day(7)) {
		t.Errorf("moved occurrence %+v", o)
	}

	// An occurrence moved to another day leaves its own and shows there.
	to := time.Date(2026, 3, 12, 8, 0, 0, 0, loc)
	if err := s.SetOutcome(c.ID, day(11), OutcomeMoved, &to); err != nil {
		t.Fatal(err)
	}
	on := func(d int) []Occurrence {
		o, _ := s.Occurrences(time.Date(2026, 3, d, 0, 0, 0, 0, loc), time.Date(2026, 3, d+1, 0, 0, 0, 0, loc))
		return o
	}
	if got := on(11); len(got) != 0 {
		t.Errorf("the 11th still shows %d occurrences", len(got))
	}
	if got := on(12); len(got) != 2 || got[0].Start.In(loc).Hour() != 8 || !got[0].OccursAt.Equal(day(11)) {
		t.Errorf("the 12th shows %+v", got)
	}

	// Refusals.
	if err := s.SetOutcome(c.ID, day(25), OutcomeKept, nil); err == nil || !strings.Contains(err.Error(), "hasn't happened yet") {
		t.Errorf("keeping a future occurrence: %v", err)
	}
	if err := s.SetOutcome(c.ID, day(25), OutcomeMoved, nil); err != nil {
		t.Errorf("moving a future occurrence: %v", err)
	}
	if err := s.SetOutcome(c.ID, day(3).Add(time.Minute), OutcomeKept, nil); err == nil {
		t.Error("an outcome for a time it doesn't happen was accepted")
	}
	if err := s.SetOutcome(c.ID, day(3), "forgotten", nil); err == nil {
		t.Error("an unknown outcome was accepted")
	}
	if err := s.SetOutcome(9999, day(3), OutcomeKept, nil); err != ErrNotFound {
		t.Errorf("missing commitment: %v", err)
	}
	clock.now = clock.now.AddDate(0, 1, 0)
}
