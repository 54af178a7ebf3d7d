package data

import (
	"testing"
	"time"
)

// tiersClock is a settable clock for the tiers tests.
type tiersClock struct{ now time.Time }

func (c *tiersClock) Now() time.Time { return c.now }

// openTiers opens a temp journal whose clock reads now.
func openTiers(t testing.TB, now time.Time) (*Store, *tiersClock) {
	t.Helper()
	c := &tiersClock{now: now}
	return openTemp(t, Options{Now: c.Now}), c
}

// commit stores a timed commitment in zone from start for length.
func commit(t testing.TB, s *Store, title string, tier Tier, start time.Time, length time.Duration, rule string) Commitment {
	t.Helper()
	c, err := s.SaveCommitment(Commitment{
		Title: title, Tier: tier, StartsAt: start, EndsAt: start.Add(length),
		TimeZone: zoneName(start), RRule: rule,
	})
	if err != nil {
		t.Fatalf("save %q: %v", title, err)
	}
	return c
}

// local is a wall-clock time in the computer's zone.
func local(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.Local)
}

// withLocal makes the computer's zone name for the test, so day grouping
// and all-day dates can be checked across a daylight-saving change.
func withLocal(t *testing.T, name string) *time.Location {
	t.Helper()
	loc := mustZone(t, name)
	old := time.Local
	time.Local = loc
	t.Cleanup(func() { time.Local = old })
	return loc
}

func zoneName(t time.Time) string {
	if t.Location().String() == "Local" {
		return ""
	}
	return t.Location().String()
}
