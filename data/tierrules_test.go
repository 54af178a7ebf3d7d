package data

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestBufferArithmetic(t *testing.T) {
	t.Parallel()
	at := func(h, m int) time.Time { return time.Date(2026, 3, 6, h, m, 0, 0, time.UTC) }
	ptr := func(t time.Time) *time.Time { return &t }
	cases := []struct {
		name          string
		wb            WorkBlock
		planned       time.Time // zero: no deadline
		guardFrom     time.Time
		guardTo       time.Time
		refusedReason string // normalise refuses with these words
	}{
		{
			name:    "deadline minus buffer",
			wb:      WorkBlock{Title: "Report", StartsAt: at(9, 0), EndsAt: at(12, 0), DeadlineAt: ptr(at(17, 0)), BufferMinutes: 120},
			planned: at(15, 0), guardFrom: at(9, 0), guardTo: at(14, 0),
		},
		{
			name:    "ends exactly at the planned finish",
			wb:      WorkBlock{Title: "Report", StartsAt: at(13, 0), EndsAt: at(15, 0), DeadlineAt: ptr(at(17, 0)), BufferMinutes: 120},
			planned: at(15, 0), guardFrom: at(13, 0), guardTo: at(17, 0),
		},
		{
			name:          "ends inside the buffer",
			wb:            WorkBlock{Title: "Report", StartsAt: at(13, 0), EndsAt: at(15, 30), DeadlineAt: ptr(at(17, 0)), BufferMinutes: 120},
			planned:       at(15, 0),
			refusedReason: "after its planned finish",
		},
		{
			name:          "ends after the deadline with no buffer",
			wb:            WorkBlock{Title: "Report", StartsAt: at(16, 0), EndsAt: at(18, 0), DeadlineAt: ptr(at(17, 0))},
			planned:       at(17, 0),
			refusedReason: "minus no buffer",
		},
		{
			name:      "buffer without a deadline guards the overrun",
			wb:        WorkBlock{Title: "Call", StartsAt: at(10, 0), EndsAt: at(11, 0), BufferMinutes: 30},
			guardFrom: at(10, 0), guardTo: at(11, 30),
		},
		{
			name:      "no buffer",
			wb:        WorkBlock{Title: "Call", StartsAt: at(10, 0), EndsAt: at(11, 0)},
			guardFrom: at(10, 0), guardTo: at(11, 0),
		},
		{
			name:          "zero length",
			wb:            WorkBlock{Title: "Call", StartsAt: at(10, 0), EndsAt: at(10, 0)},
			refusedReason: "needs some length",
		},
		{
			name:          "end before start",
			wb:            WorkBlock{Title: "Call", StartsAt: at(10, 0), EndsAt: at(9, 0)},
			refusedReason: "ends before it starts",
		},
		{
			name:          "negative buffer",
			wb:            WorkBlock{Title: "Call", StartsAt: at(10, 0), EndsAt: at(11, 0), BufferMinutes: -5},
			refusedReason: "buffer",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := tc.wb.PlannedFinish()
			if ok != !tc.planned.IsZero() || !got.Equal(tc.planned) {
				t.Errorf("planned finish %v %v, want %v", got, ok, tc.planned)
			}
			wb := tc.wb
			err := wb.normalise()
			if tc.refusedReason != "" {
				if err == nil || !strings.Contains(err.Error(), tc.refusedReason) {
					t.Errorf("normalise: %v, want a refusal with %q", err, tc.refusedReason)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			from, to := wb.Guarded()
			if !from.Equal(tc.guardFrom) || !to.Equal(tc.guardTo) {
				t.Errorf("guarded %v – %v, want %v – %v", from, to, tc.guardFrom, tc.guardTo)
			}
		})
	}
}

func TestTierRules(t *testing.T) {
	t.Parallel()
	at := func(h, m int) time.Time { return time.Date(2026, 3, 6, h, m, 0, 0, time.UTC) }
	occ := func(title string, tier Tier, from, to time.Time) Occurrence {
		return Occurrence{Commitment: &Commitment{Title: title, Tier: tier}, Start: from, End: to}
	}
	moved := occ("Swimming", 1, at(12, 0), at(13, 0))
	moved.Outcome = &OccurrenceOutcome{Status: OutcomeMoved}
	all := []Occurrence{
		occ("Sports day", 1, at(13, 0), at(15, 0)),
		occ("Family dinner", 2, at(18, 0), at(19, 0)),
		occ("Play time", 3, at(16, 0), at(17, 0)),
		occ("School pick-up", 1, at(15, 15), at(15, 15)), // a moment
		moved,
	}
	cases := []struct {
		name                string
		from, to            time.Time
		reason              string
		wantErr             error
		tier1, tier2, tier3 int
		words               string
	}{
		{"clear morning", at(9, 0), at(12, 0), "", nil, 0, 0, 0, ""},
		{"a moved-away occurrence doesn't count", at(12, 0), at(13, 0), "", nil, 0, 0, 0, ""},
		{"tier 1 refused", at(12, 0), at(14, 0), "", ErrNonNegotiable, 1, 0, 0, "“Sports day” is non-negotiable"},
		{"tier 1 refused even with a reason", at(14, 30), at(15, 0), "a client emergency", ErrNonNegotiable, 1, 0, 0, "non-negotiable"},
		{"touching is not overlapping", at(15, 0), at(15, 15), "", nil, 0, 0, 0, ""},
		{"a moment inside counts", at(15, 0), at(15, 30), "", ErrNonNegotiable, 1, 0, 0, "“School pick-up”"},
		{"tier 2 without a reason", at(17, 30), at(18, 30), "", ErrNeedsEmergency, 0, 1, 0, "“Family dinner” is high priority"},
		{"tier 2 with blank reason", at(17, 30), at(18, 30), "   ", ErrNeedsEmergency, 0, 1, 0, "genuine emergency"},
		{"tier 2 with a reason", at(17, 30), at(18, 30), "The client's site is down", nil, 0, 1, 0, ""},
		{"tier 3 allowed", at(16, 30), at(17, 30), "", nil, 0, 0, 1, ""},
		{"tier 1 wins over tier 2 and 3", at(14, 0), at(19, 0), "urgent", ErrNonNegotiable, 2, 1, 1, "“Sports day” and “School pick-up” are"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ClassifyConflicts(tc.from, tc.to, all)
			if len(c.NonNegotiable) != tc.tier1 || len(c.HighPriority) != tc.tier2 || len(c.Flexible) != tc.tier3 {
				t.Errorf("classified %d/%d/%d, want %d/%d/%d", len(c.NonNegotiable), len(c.HighPriority), len(c.Flexible), tc.tier1, tc.tier2, tc.tier3)
			}
			err := c.Decide(tc.reason)
			if !errors.Is(err, tc.wantErr) || (err == nil) != (tc.wantErr == nil) {
				t.Fatalf("Decide: %v, want %v", err, tc.wantErr)
			}
			if err != nil && !strings.Contains(err.Error(), tc.words) {
				t.Errorf("message %q lacks %q", err, tc.words)
			}
		})
	}
}

func TestFormatDuration(t *testing.T) {
	t.Parallel()
	for d, want := range map[time.Duration]string{
		0:                 "0 min",
		45 * time.Minute:  "45 min",
		2 * time.Hour:     "2 h",
		150 * time.Minute: "2 h 30 min",
		26 * time.Hour:    "1 day 2 h",
		72 * time.Hour:    "3 days",
	} {
		if got := FormatDuration(d); got != want {
			t.Errorf("%v: %q, want %q", d, got, want)
		}
	}
}
