package data

import (
	"errors"
	"testing"
	"time"
)

// FuzzRRule saves commitments with arbitrary recurrence rules and expands
// them over a year: a bad rule is refused with a message, a good one expands
// in bounded time.
func FuzzRRule(f *testing.F) {
	for _, seed := range []string{
		"FREQ=WEEKLY;BYDAY=MO,WE", "FREQ=DAILY;COUNT=5", "FREQ=MONTHLY;BYMONTHDAY=-1",
		"FREQ=YEARLY;UNTIL=20300101T000000Z", "FREQ=SECONDLY", "FREQ=WEEKLY;INTERVAL=0",
		"RRULE:FREQ=DAILY", "FREQ=MONTHLY;BYDAY=+5FR", "FREQ=WEEKLY;BYSETPOS=400",
		"FREQ=DAILY;UNTIL=19000101", "", ";;;", "FREQ=HOURLY;BYHOUR=25",
	} {
		f.Add(seed)
	}
	s := openTemp(f)
	start := time.Date(2026, 3, 1, 18, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, rule string) {
		c, err := s.SaveCommitment(Commitment{
			Title: "Dinner", Tier: TierHighPriority, StartsAt: start, EndsAt: start.Add(time.Hour),
			TimeZone: "Europe/London", RRule: rule,
		})
		if err != nil {
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("rule %q refused without a message for the person: %v", rule, err)
			}
			return
		}
		defer s.DeleteCommitment(c.ID)
		began := time.Now()
		if _, err := s.Occurrences(start, start.AddDate(1, 0, 0)); err != nil {
			t.Fatalf("rule %q saved but does not expand: %v", rule, err)
		}
		if d := time.Since(began); d > 2*time.Second {
			t.Fatalf("rule %q took %v to expand over a year", rule, d)
		}
	})
}
