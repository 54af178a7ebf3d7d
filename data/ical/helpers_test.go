package ical

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/zone"
)

// openTemp opens a new journal in the test's temp folder.
func openTemp(t testing.TB, opts ...data.Options) *data.Store {
	t.Helper()
	var o data.Options
	if len(opts) > 0 {
		o = opts[0]
	}
	s, err := data.Open(filepath.Join(t.TempDir(), "journal.db"), o)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// openTiers opens a temp journal whose clock reads now.
func openTiers(t testing.TB, now time.Time) (*data.Store, func() time.Time) {
	t.Helper()
	clock := func() time.Time { return now }
	return openTemp(t, data.Options{Now: clock}), clock
}

// countCommitments counts the commitments stored, those in the trash too.
func countCommitments(t testing.TB, s *data.Store) int {
	t.Helper()
	var n int
	err := s.ReadSQL(context.Background(), func(tx *sql.Tx) error {
		return tx.QueryRow("SELECT count(*) FROM commitments").Scan(&n)
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func mustZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := zone.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// commit stores a timed commitment in start's zone, lasting length.
func commit(t testing.TB, s *data.Store, title string, tier data.Tier, start time.Time, length time.Duration, rule string) data.Commitment {
	t.Helper()
	zone := start.Location().String()
	if zone == "Local" {
		zone = ""
	}
	c, err := s.SaveCommitment(data.Commitment{
		Title: title, Tier: tier, StartsAt: start, EndsAt: start.Add(length), TimeZone: zone, RRule: rule,
	})
	if err != nil {
		t.Fatalf("save %q: %v", title, err)
	}
	return c
}
