package demo

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
)

// TestSlipReadingsBecomeAHabit checks the demo's mornings: read more often
// in the last months than two years ago, and never in the future.
func TestSlipReadingsBecomeAHabit(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	s, err := data.Open(filepath.Join(t.TempDir(), "demo.db"), data.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	g := &Gen{Store: s, Opt: Options{Now: now}, R: newRand(3)}
	if err := fillSlips(g); err != nil {
		t.Fatal(err)
	}
	recent, err := s.Readings(90)
	if err != nil {
		t.Fatal(err)
	}
	times := g.readings() // the same seed again would differ; only the shape matters
	var early int
	for _, at := range times {
		if at.After(now) {
			t.Fatalf("a reading in the future: %v", at)
		}
		if at.Before(now.AddDate(-2, 0, 0).AddDate(0, 0, 90)) {
			early++
		}
	}
	if recent.Read < 55 || early > 45 || early < 15 {
		t.Errorf("read on %d of the last 90 mornings and ~%d of the first 90: no habit taking hold", recent.Read, early)
	}
}
