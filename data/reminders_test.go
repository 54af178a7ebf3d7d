package data

import (
	"strings"
	"testing"
	"time"

	"github.com/bothand/bothand/data/zone"
)

// inZone runs the test with time.Local set to name: reminders follow the
// person's wall clock.
func inZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	saved := time.Local
	time.Local = loc
	t.Cleanup(func() { time.Local = saved })
	return loc
}

func byKind(rs []Reminder) map[string]Reminder {
	m := map[string]Reminder{}
	for _, r := range rs {
		m[r.Kind] = r
	}
	return m
}

func TestMorningSlipIsDueFromItsTimeUntilMidnight(t *testing.T) {
	loc := inZone(t, "Europe/London")
	rs := DefaultReminderSettings()
	for _, tc := range []struct {
		name string
		now  time.Time
		due  bool
		ref  string
	}{
		{"before the morning time", time.Date(2026, 11, 25, 7, 59, 0, 0, loc), false, ""},
		{"at the morning time", time.Date(2026, 11, 25, 8, 0, 0, 0, loc), true, "2026-11-25"},
		{"woken at noon after sleeping through it", time.Date(2026, 11, 25, 12, 30, 0, 0, loc), true, "2026-11-25"},
		{"just before midnight", time.Date(2026, 11, 25, 23, 59, 0, 0, loc), true, "2026-11-25"},
		{"after midnight: the new day's slip isn't due yet", time.Date(2026, 11, 26, 0, 1, 0, 0, loc), false, ""},
	} {
		got := byKind(DueReminders(tc.now, rs, "Rest counts.", nil))[ReminderMorningSlip]
		if (got.Kind != "") != tc.due || got.Ref != tc.ref {
			t.Errorf("%s: got %+v, want due=%v ref=%s", tc.name, got, tc.due, tc.ref)
		}
		if tc.due && got.Body != "Rest counts." {
			t.Errorf("%s: body %q", tc.name, got.Body)
		}
	}
}

func TestMorningSlipAcrossDaylightSaving(t *testing.T) {
	// On the spring-forward day 01:00 does not exist in London and on the
	// fall-back day it happens twice; 08:00 stays 08:00 on the wall clock.
	loc := inZone(t, "Europe/London")
	rs := DefaultReminderSettings()
	for _, day := range []time.Time{
		time.Date(2026, 3, 29, 0, 0, 0, 0, loc),
		time.Date(2026, 10, 25, 0, 0, 0, 0, loc),
	} {
		before := time.Date(day.Year(), day.Month(), day.Day(), 7, 59, 59, 0, loc)
		atEight := time.Date(day.Year(), day.Month(), day.Day(), 8, 0, 0, 0, loc)
		if len(DueReminders(before, rs, "x", nil)) != 0 {
			t.Errorf("%s: due before 08:00", day.Format(time.DateOnly))
		}
		r := DueReminders(atEight, rs, "x", nil)
		if len(r) != 1 || !r[0].Due.Equal(atEight) {
			t.Errorf("%s: at 08:00 got %+v", day.Format(time.DateOnly), r)
		}
	}
	// A one-minute morning time on the spring-forward day: 01:30 does not
	// exist, Go normalises it forward, and the slip still comes once that day.
	rs.Morning = 90
	r := DueReminders(time.Date(2026, 3, 29, 3, 0, 0, 0, loc), rs, "x", nil)
	if len(r) != 1 || r[0].Ref != "2026-03-29" {
		t.Errorf("spring-forward 01:30: %+v", r)
	}
}

func TestMorningSlipRespectsDaysAndSwitches(t *testing.T) {
	loc := inZone(t, "America/New_York")
	now := time.Date(2026, 11, 28, 9, 0, 0, 0, loc) // a Saturday
	rs := DefaultReminderSettings()
	rs.Days[time.Saturday] = false
	if r := DueReminders(now, rs, "x", nil); len(r) != 0 {
		t.Errorf("Saturday off: %+v", r)
	}
	rs = DefaultReminderSettings()
	rs.MorningSlip = false
	if r := DueReminders(now, rs, "x", nil); len(r) != 0 {
		t.Errorf("switched off: %+v", r)
	}
	if r := DueReminders(now, DefaultReminderSettings(), "", nil); len(r) != 0 {
		t.Errorf("no slip pinned: %+v", r)
	}
}

func TestTier1RemindersDayBeforeAndLead(t *testing.T) {
	loc := inZone(t, "Australia/Sydney")
	rs := DefaultReminderSettings()
	rs.MorningSlip = false
	sports := Upcoming{Key: "c1", Title: "Sports day", Start: time.Date(2026, 4, 5, 13, 0, 0, 0, loc)} // Sydney leaves DST that morning
	for _, tc := range []struct {
		name string
		now  time.Time
		want []string
	}{
		{"two days before", time.Date(2026, 4, 3, 9, 0, 0, 0, loc), nil},
		{"day before, before the morning time", time.Date(2026, 4, 4, 7, 0, 0, 0, loc), nil},
		{"day before, morning", time.Date(2026, 4, 4, 8, 0, 0, 0, loc), []string{ReminderTier1DayAhead}},
		{"day before, late evening", time.Date(2026, 4, 4, 23, 0, 0, 0, loc), []string{ReminderTier1DayAhead}},
		{"the day itself, before the lead", time.Date(2026, 4, 5, 11, 59, 0, 0, loc), nil},
		{"an hour before", time.Date(2026, 4, 5, 12, 0, 0, 0, loc), []string{ReminderTier1Soon}},
		{"started", time.Date(2026, 4, 5, 13, 0, 0, 0, loc), nil},
	} {
		got := DueReminders(tc.now, rs, "", []Upcoming{sports})
		if len(got) != len(tc.want) {
			t.Errorf("%s: got %+v, want %v", tc.name, got, tc.want)
			continue
		}
		for i, k := range tc.want {
			if got[i].Kind != k {
				t.Errorf("%s: got %s, want %s", tc.name, got[i].Kind, k)
			}
		}
	}
	got := DueReminders(time.Date(2026, 4, 4, 8, 0, 0, 0, loc), rs, "", []Upcoming{sports})
	if got[0].Body != "Sports day tomorrow at 13:00 — non-negotiable." {
		t.Errorf("body %q", got[0].Body)
	}
	// Just before midnight, a start twenty minutes away is both "tomorrow"
	// and within the lead: one notification, the one that says "soon".
	late := Upcoming{Key: "c2", Title: "Parents' evening", Start: time.Date(2026, 4, 5, 0, 12, 0, 0, loc)}
	got = DueReminders(time.Date(2026, 4, 4, 23, 52, 0, 0, loc), rs, "", []Upcoming{late})
	if len(got) != 1 || got[0].Kind != ReminderTier1Soon {
		t.Errorf("twenty minutes before a start after midnight: %+v, want the lead reminder alone", got)
	}
	own := 15
	sports.RemindBefore = &own
	if got := DueReminders(time.Date(2026, 4, 5, 12, 30, 0, 0, loc), rs, "", []Upcoming{sports}); len(got) != 0 {
		t.Errorf("own 15-minute lead, 30 minutes before: %+v", got)
	}
	if got := DueReminders(time.Date(2026, 4, 5, 12, 45, 0, 0, loc), rs, "", []Upcoming{sports}); len(got) != 1 {
		t.Errorf("own 15-minute lead, 15 minutes before: %+v", got)
	}
}

func TestProtocolReminderDaysBefore(t *testing.T) {
	loc := inZone(t, "Europe/London")
	rs := DefaultReminderSettings()
	rs.MorningSlip = false
	c := Upcoming{
		Key: "c1", Title: "Sports day", Start: time.Date(2026, 6, 12, 13, 0, 0, 0, loc),
		Protocol: "Protect school events", ProtocolKey: "p1", DaysBefore: 2, OpenSteps: 1,
	}
	if got := DueReminders(time.Date(2026, 6, 10, 7, 0, 0, 0, loc), rs, "", []Upcoming{c}); len(got) != 0 {
		t.Errorf("before the morning two days ahead: %+v", got)
	}
	got := DueReminders(time.Date(2026, 6, 10, 8, 0, 0, 0, loc), rs, "", []Upcoming{c})
	if len(got) != 1 || got[0].Kind != ReminderProtocol {
		t.Fatalf("two days ahead: %+v", got)
	}
	if want := "Sports day is in 2 days. Look over “Protect school events” (1 step still open)."; got[0].Body != want {
		t.Errorf("body %q", got[0].Body)
	}
}

func TestClaimReminderOnlyOnce(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	r := Reminder{Kind: ReminderMorningSlip, Ref: "2026-11-25", Due: time.Now()}
	first, err := s.ClaimReminder(r)
	if err != nil || !first {
		t.Fatalf("first claim: %v %v", first, err)
	}
	again, err := s.ClaimReminder(r)
	if err != nil || again {
		t.Errorf("second claim: %v %v", again, err)
	}
	r.Ref = "2026-11-26"
	if next, _ := s.ClaimReminder(r); !next {
		t.Error("the next day's slip could not be claimed")
	}
}

func TestReminderSettingsRoundTripAndValidation(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	rs, err := s.ReminderSettings()
	if err != nil || rs != DefaultReminderSettings() {
		t.Fatalf("defaults: %+v %v", rs, err)
	}
	rs.Morning = 6*60 + 30
	rs.Days[time.Sunday] = false
	if err := s.SaveReminderSettings(rs); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.ReminderSettings(); got != rs {
		t.Errorf("round trip: %+v", got)
	}
	rs.Morning = 24 * 60
	if err := s.SaveReminderSettings(rs); err == nil {
		t.Error("24:00 accepted")
	}
}

// TestClaimDueRemindersDeliversEachOnce: the morning slip and a tier-1
// commitment's reminder come out of the first check after they fall due,
// and never again, however often the tray checks.
func TestClaimDueRemindersDeliversEachOnce(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)
	s := openTemp(t, clockAt(&now))
	if _, err := s.AddSlip("Both things can matter.", true); err != nil {
		t.Fatal(err)
	}
	start := now.Add(30 * time.Minute) // inside the default hour's lead
	if _, err := s.SaveCommitment(Commitment{Title: "School play", Tier: TierNonNegotiable, StartsAt: start, EndsAt: start.Add(time.Hour), TimeZone: zone.Local()}); err != nil {
		t.Fatal(err)
	}
	got, err := s.ClaimDueReminders()
	if err != nil {
		t.Fatal(err)
	}
	kinds := byKind(got)
	if r, ok := kinds[ReminderMorningSlip]; !ok || !strings.Contains(r.Body, "Both things can matter.") {
		t.Errorf("no morning slip in %+v", got)
	}
	if len(got) != 2 {
		t.Errorf("%d reminders, want the slip and the commitment: %+v", len(got), got)
	}
	now = now.Add(30 * time.Second)
	if again, err := s.ClaimDueReminders(); err != nil || len(again) != 0 {
		t.Errorf("second check: %+v %v", again, err)
	}
}
