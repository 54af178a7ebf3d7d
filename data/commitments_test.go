package data

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestSaveCommitmentRefusesBadInputAndStoresNothing(t *testing.T) {
	t.Parallel()
	s, _ := openTiers(t, time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	start := time.Date(2026, 3, 6, 13, 0, 0, 0, time.UTC)
	good := Commitment{Title: "Sports day", Tier: 1, StartsAt: start, EndsAt: start.Add(2 * time.Hour), TimeZone: "Europe/London"}
	cases := []struct {
		name  string
		edit  func(c *Commitment)
		field Field
		words string
	}{
		{"no title", func(c *Commitment) { c.Title = "  " }, "title", "title"},
		{"long title", func(c *Commitment) { c.Title = strings.Repeat("x", 501) }, "title", "500"},
		{"no tier", func(c *Commitment) { c.Tier = 0 }, "tier", "tier"},
		{"tier 4", func(c *Commitment) { c.Tier = 4 }, "tier", "tier"},
		{"no start", func(c *Commitment) { c.StartsAt = time.Time{} }, "starts_at", "starts"},
		{"no end", func(c *Commitment) { c.EndsAt = time.Time{} }, "ends_at", "ends"},
		{"end before start", func(c *Commitment) { c.EndsAt = start.Add(-time.Minute) }, "ends_at", "ends before it starts"},
		{"unknown zone", func(c *Commitment) { c.TimeZone = "Mars/Olympus" }, "time_zone", "isn't known"},
		{"bad rule", func(c *Commitment) { c.RRule = "FREQ=SOMETIMES" }, "rrule", "can't be read"},
		{"rule never happens", func(c *Commitment) { c.RRule = "FREQ=DAILY;UNTIL=20250101T000000Z" }, "rrule", "never happens"},
		{"all-day last day first", func(c *Commitment) {
			c.AllDay = true
			c.StartsAt, c.EndsAt = date(2026, 3, 6), date(2026, 3, 4)
		}, "ends_at", "before the first day"},
	}
	for _, tc := range cases {
		c := good
		tc.edit(&c)
		_, err := s.SaveCommitment(c)
		var ve *ValidationError
		if !errors.As(err, &ve) || ve.Field != tc.field || !strings.Contains(ve.Message, tc.words) {
			t.Errorf("%s: got %v, want a %s message with %q", tc.name, err, tc.field, tc.words)
		}
		if isNever := errors.Is(err, ErrNeverHappens); isNever != (tc.name == "rule never happens") {
			t.Errorf("%s: errors.Is(err, ErrNeverHappens) = %v", tc.name, isNever)
		}
	}
	if list, _ := s.Commitments(); len(list) != 0 {
		t.Errorf("refused commitments were stored: %v", list)
	}
}

func TestSaveEditDeleteRestoreCommitment(t *testing.T) {
	t.Parallel()
	s, clock := openTiers(t, time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	loc := mustZone(t, "Europe/London")
	c := commit(t, s, "  Family dinner ", TierHighPriority, time.Date(2026, 3, 2, 18, 0, 0, 0, loc), time.Hour, "rrule:freq=daily")
	if c.ID == 0 || c.UUID == "" || c.Title != "Family dinner" || c.RRule != "FREQ=DAILY" || c.TimeZone != "Europe/London" {
		t.Fatalf("stored %+v", c)
	}
	clock.now = clock.now.Add(time.Hour)
	c.Title = "Dinner together"
	c.ExDates = []time.Time{time.Date(2026, 3, 5, 18, 0, 0, 0, loc), time.Date(2026, 3, 4, 18, 0, 0, 0, loc)}
	edited, err := s.SaveCommitment(c)
	if err != nil {
		t.Fatal(err)
	}
	if edited.UUID != c.UUID || !edited.CreatedAt.Equal(c.CreatedAt) || !edited.UpdatedAt.After(c.UpdatedAt) {
		t.Errorf("edit changed identity or times: %+v", edited)
	}
	back, err := s.Commitment(c.ID)
	if err != nil || back.Title != "Dinner together" || len(back.ExDates) != 2 || !back.ExDates[0].Before(back.ExDates[1]) {
		t.Fatalf("read back %+v %v", back, err)
	}
	occ, _ := s.Occurrences(time.Date(2026, 3, 2, 0, 0, 0, 0, loc), time.Date(2026, 3, 9, 0, 0, 0, 0, loc))
	if len(occ) != 5 {
		t.Errorf("%d occurrences in a week with two skipped, want 5", len(occ))
	}

	if err := s.DeleteCommitment(c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Commitment(c.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted commitment still read: %v", err)
	}
	if occ, _ := s.Occurrences(time.Date(2026, 3, 2, 0, 0, 0, 0, loc), time.Date(2026, 3, 9, 0, 0, 0, 0, loc)); len(occ) != 0 {
		t.Errorf("deleted commitment still in the agenda: %d occurrences", len(occ))
	}
	if err := s.DeleteCommitment(c.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting twice: %v", err)
	}
	if _, err := s.SaveCommitment(edited); !errors.Is(err, ErrNotFound) {
		t.Errorf("editing a deleted commitment: %v", err)
	}
	if err := s.RestoreCommitment(c.ID); err != nil {
		t.Fatal(err)
	}
	if occ, _ := s.Occurrences(time.Date(2026, 3, 2, 0, 0, 0, 0, loc), time.Date(2026, 3, 9, 0, 0, 0, 0, loc)); len(occ) != 5 {
		t.Errorf("restored commitment: %d occurrences, want 5", len(occ))
	}
}

func TestAllDayCommitmentsAreDates(t *testing.T) {
	t.Parallel()
	s, _ := openTiers(t, time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	ny := mustZone(t, "America/New_York")
	// Late evening in New York is the next day in UTC: the date typed wins.
	c, err := s.SaveCommitment(Commitment{
		Title: "School trip", Tier: 1, AllDay: true,
		StartsAt: time.Date(2026, 3, 10, 23, 0, 0, 0, ny), EndsAt: time.Date(2026, 3, 12, 0, 0, 0, 0, ny),
	})
	if err != nil {
		t.Fatal(err)
	}
	if !c.StartsAt.Equal(date(2026, 3, 10)) || !c.EndsAt.Equal(date(2026, 3, 12)) || c.TimeZone != "" {
		t.Fatalf("stored %v – %v zone %q", c.StartsAt, c.EndsAt, c.TimeZone)
	}
	occ, err := s.Occurrences(local(2026, 3, 9, 0, 0), local(2026, 3, 14, 0, 0))
	if err != nil || len(occ) != 1 {
		t.Fatalf("%d occurrences %v", len(occ), err)
	}
	if !occ[0].Start.Equal(local(2026, 3, 10, 0, 0)) || !occ[0].End.Equal(local(2026, 3, 12, 0, 0)) {
		t.Errorf("all-day span %v – %v, want local midnights 10 to 12 March", occ[0].Start, occ[0].End)
	}
	// One day when the end is missing or the same day.
	c2, err := s.SaveCommitment(Commitment{Title: "INSET day", Tier: 2, AllDay: true, StartsAt: date(2026, 3, 20)})
	if err != nil || !c2.EndsAt.Equal(date(2026, 3, 21)) {
		t.Errorf("one-day all-day: %v %v", c2.EndsAt, err)
	}
}

func TestSkipOccurrence(t *testing.T) {
	t.Parallel()
	s, _ := openTiers(t, time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	loc := mustZone(t, "Europe/London")
	c := commit(t, s, "Swimming", 1, time.Date(2026, 3, 3, 17, 0, 0, 0, loc), time.Hour, "FREQ=WEEKLY")
	if err := s.SkipOccurrence(c.ID, time.Date(2026, 3, 10, 17, 0, 0, 0, loc)); err != nil {
		t.Fatal(err)
	}
	occ, _ := s.Occurrences(time.Date(2026, 3, 1, 0, 0, 0, 0, loc), time.Date(2026, 3, 31, 0, 0, 0, 0, loc))
	var days []int
	for _, o := range occ {
		days = append(days, o.Start.In(loc).Day())
	}
	if len(days) != 3 || days[0] != 3 || days[1] != 17 {
		t.Errorf("after skipping the 10th: %v", days)
	}
	if err := s.SkipOccurrence(c.ID, time.Date(2026, 3, 11, 17, 0, 0, 0, loc)); err == nil {
		t.Error("skipping a time it doesn't happen was accepted")
	}
	once := commit(t, s, "Dentist", 1, time.Date(2026, 3, 4, 10, 0, 0, 0, loc), time.Hour, "")
	if err := s.SkipOccurrence(once.ID, once.StartsAt); err == nil {
		t.Error("skipping a one-off was accepted")
	}
}

// TestCacheSeesOtherProcessesWrites: a second store on the same file (as
// the command line is) changes a commitment; the first store's compiled
// commitments notice.
func TestCacheSeesOtherProcessesWrites(t *testing.T) {
	t.Parallel()
	s, _ := openTiers(t, time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	loc := mustZone(t, "UTC")
	c := commit(t, s, "Piano", 3, time.Date(2026, 3, 2, 16, 0, 0, 0, loc), time.Hour, "FREQ=DAILY")
	week := func() int {
		occ, err := s.Occurrences(time.Date(2026, 3, 2, 0, 0, 0, 0, loc), time.Date(2026, 3, 9, 0, 0, 0, 0, loc))
		if err != nil {
			t.Fatal(err)
		}
		return len(occ)
	}
	if n := week(); n != 7 {
		t.Fatalf("%d occurrences, want 7", n)
	}
	other, err := Open(s.Path(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	c.RRule = "FREQ=WEEKLY"
	if _, err := other.SaveCommitment(c); err != nil {
		t.Fatal(err)
	}
	if n := week(); n != 1 {
		t.Errorf("after the other store's edit: %d occurrences, want 1", n)
	}
}

func TestCurrentCommitmentsLeaveOutWhatIsOver(t *testing.T) {
	t.Parallel()
	s, _ := openTiers(t, time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC))
	utc := mustZone(t, "UTC")
	at := func(m time.Month, d, h int) time.Time { return time.Date(2026, m, d, h, 0, 0, 0, utc) }
	commit(t, s, "Past dentist", 1, at(3, 2, 10), time.Hour, "")
	commit(t, s, "Autumn club", 3, at(1, 5, 16), time.Hour, "FREQ=WEEKLY;COUNT=4")
	commit(t, s, "Dinner", 2, at(1, 1, 18), time.Hour, "FREQ=DAILY")
	commit(t, s, "Sports day", 1, at(6, 5, 13), time.Hour, "")
	commit(t, s, "Happening now", 3, at(3, 10, 11), 2*time.Hour, "")
	list, err := s.CurrentCommitments()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range list {
		names = append(names, c.Title)
	}
	if strings.Join(names, ",") != "Sports day,Dinner,Happening now" {
		t.Errorf("current: %v", names)
	}
}
