package demo

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
)

func TestDemoCommitmentsFollowTheTierRules(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	s, err := data.Open(filepath.Join(t.TempDir(), "demo.db"), data.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := Fill(s, Options{Entries: 50, Seed: 3, Now: now}); err != nil {
		t.Fatal(err)
	}
	list, err := s.Commitments()
	if err != nil {
		t.Fatal(err)
	}
	tiers := map[data.Tier]int{}
	recurring := 0
	for _, c := range list {
		tiers[c.Tier]++
		if c.RRule != "" {
			recurring++
		}
	}
	if len(list) < 50 || len(list) > 1000 || tiers[1] == 0 || tiers[2] == 0 || tiers[3] == 0 || 2*recurring <= len(list) {
		t.Errorf("%d commitments, tiers %v, %d recurring", len(list), tiers, recurring)
	}
	kept, of := 0, 0
	for _, k := range must(s.KeptRecords(1000)) {
		kept, of = kept+k.Kept, of+k.Of
	}
	if of < 100 || kept*100 < of*70 {
		t.Errorf("outcomes: %d kept of %d, want plenty and mostly kept", kept, of)
	}
	blocks := must(s.WorkBlocks(now.AddDate(0, 0, -30), now.AddDate(0, 0, 15)))
	if len(blocks) < 20 {
		t.Fatalf("%d work blocks", len(blocks))
	}
	withBuffer, emergencies := 0, 0
	for _, b := range blocks {
		if b.BufferMinutes > 0 && b.DeadlineAt != nil {
			withBuffer++
		}
		if b.EmergencyReason != "" {
			emergencies++
		}
		from, to := b.Guarded()
		occ := must(s.Occurrences(from, to, data.TierNonNegotiable))
		for _, o := range occ {
			if o.Busy() {
				t.Errorf("work %q at %v meets tier-1 %q", b.Title, b.StartsAt, o.Commitment.Title)
			}
		}
	}
	if withBuffer == 0 {
		t.Error("no work block has a deadline with a buffer")
	}
	days := must(s.Agenda(now, 14))
	n := 0
	for _, d := range days {
		n += len(d.Occurrences)
	}
	if n < 50 {
		t.Errorf("the next 14 days hold %d occurrences", n)
	}
	t.Logf("%d commitments (%v), %d recurring, %d/%d kept, %d blocks, %d emergencies", len(list), tiers, recurring, kept, of, len(blocks), emergencies)
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
