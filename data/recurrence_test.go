package data

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/teambition/rrule-go"

	"github.com/bothand/bothand/data/repeat"
	"github.com/bothand/bothand/data/zone"
)

func mustZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := zone.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func mustSeries(t testing.TB, c *Commitment) *series {
	t.Helper()
	s, err := compileSeries(c)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestWeeklyDinnerKeepsItsWallClockAcrossDST expands a weekly 18:00 dinner
// over a year in three zones whose clocks change on different dates (and,
// in Sydney, in the other half of the year): every start stays at 18:00
// local time while its UTC offset follows daylight saving.
func TestWeeklyDinnerKeepsItsWallClockAcrossDST(t *testing.T) {
	t.Parallel()
	cases := []struct {
		zone           string
		spring, autumn time.Time // the days clocks go forward and back in 2026
		winter, summer int       // UTC offsets in hours
		southernSummer bool
	}{
		{"Europe/London", date(2026, 3, 29), date(2026, 10, 25), 0, 1, false},
		{"America/New_York", date(2026, 3, 8), date(2026, 11, 1), -5, -4, false},
		{"Australia/Sydney", date(2026, 10, 4), date(2026, 4, 5), 10, 11, true},
	}
	for _, tc := range cases {
		t.Run(tc.zone, func(t *testing.T) {
			loc := mustZone(t, tc.zone)
			first := time.Date(2026, 1, 4, 18, 0, 0, 0, loc) // a Sunday
			s := mustSeries(t, &Commitment{
				Title: "Family dinner", Tier: TierHighPriority, TimeZone: tc.zone,
				StartsAt: first.UTC(), EndsAt: first.Add(time.Hour).UTC(), RRule: "FREQ=WEEKLY",
			})
			got := s.starts(first, first.AddDate(1, 0, 0))
			if len(got) != 53 { // 4 Jan 2026 to 3 Jan 2027
				t.Fatalf("%d starts in a year, want 53", len(got))
			}
			offsets := map[int]int{}
			for _, st := range got {
				local := st.In(loc)
				if local.Hour() != 18 || local.Minute() != 0 || local.Weekday() != time.Sunday {
					t.Fatalf("start %v is not Sunday 18:00 in %s", local, tc.zone)
				}
				_, off := local.Zone()
				offsets[off/3600]++
				// Before the spring change and after the autumn one it is
				// winter time (the other way round in the south).
				day := time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, time.UTC)
				summer := !day.Before(tc.spring) && day.Before(tc.autumn)
				if tc.southernSummer {
					summer = day.Before(tc.autumn) || !day.Before(tc.spring)
				}
				want := tc.winter
				if summer {
					want = tc.summer
				}
				if off/3600 != want {
					t.Errorf("%s: offset %d, want %d", local.Format("2006-01-02"), off/3600, want)
				}
			}
			if offsets[tc.winter] == 0 || offsets[tc.summer] == 0 {
				t.Errorf("offsets seen %v: the year should cross both changes", offsets)
			}
		})
	}
}

// TestDailyStartInTheChangingHour: an early-morning daily start happens
// exactly once on the days the clocks change, even when its time is missing
// (spring) or happens twice (autumn) on the wall clock.
func TestDailyStartInTheChangingHour(t *testing.T) {
	t.Parallel()
	loc := mustZone(t, "Europe/London")
	first := time.Date(2026, 3, 1, 1, 30, 0, 0, loc)
	s := mustSeries(t, &Commitment{
		Title: "Night feed", Tier: TierFlexible, TimeZone: "Europe/London",
		StartsAt: first.UTC(), EndsAt: first.Add(20 * time.Minute).UTC(), RRule: "FREQ=DAILY",
	})
	for _, day := range []time.Time{date(2026, 3, 29), date(2026, 10, 25)} {
		from := time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, loc)
		got := s.starts(from, from.AddDate(0, 0, 1))
		if len(got) != 1 {
			t.Errorf("%s: %d starts %v, want 1", day.Format("2006-01-02"), len(got), got)
		}
	}
}

// TestFastForwardMatchesFullExpansion compares the windowed expansion with
// rrule-go's own from the first start, for many random rules and windows.
func TestFastForwardMatchesFullExpansion(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(4, 4))
	zones := []string{"Europe/London", "America/New_York", "Australia/Sydney", "UTC"}
	days := []string{"MO", "TU", "WE", "TH", "FR", "SA", "SU"}
	for i := range 400 {
		zone := zones[r.IntN(len(zones))]
		loc := mustZone(t, zone)
		first := time.Date(2012+r.IntN(12), time.Month(1+r.IntN(12)), 1+r.IntN(31), r.IntN(24), 15*r.IntN(4), 0, 0, loc)
		freq := []string{"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}[r.IntN(4)]
		parts := []string{"FREQ=" + freq}
		if r.IntN(2) == 0 {
			parts = append(parts, fmt.Sprintf("INTERVAL=%d", 1+r.IntN(3)))
		}
		switch {
		case freq == "WEEKLY" && r.IntN(2) == 0:
			var picked []string
			for _, d := range days {
				if r.IntN(3) == 0 {
					picked = append(picked, d)
				}
			}
			if len(picked) > 0 {
				parts = append(parts, "BYDAY="+strings.Join(picked, ","))
			}
			if r.IntN(3) == 0 {
				parts = append(parts, "WKST=SU")
			}
		case freq == "MONTHLY" && r.IntN(2) == 0:
			parts = append(parts, fmt.Sprintf("BYDAY=%d%s", []int{1, 2, -1}[r.IntN(3)], days[r.IntN(7)]))
		case freq == "YEARLY" && r.IntN(3) == 0:
			parts = append(parts, "BYMONTH=3,9", "BYDAY=-1SU")
		}
		switch r.IntN(3) {
		case 0:
			parts = append(parts, fmt.Sprintf("COUNT=%d", 1+r.IntN(300)))
		case 1:
			parts = append(parts, "UNTIL="+first.AddDate(1+r.IntN(8), 0, 0).UTC().Format("20060102T150405Z"))
		}
		rule := strings.Join(parts, ";")
		c := &Commitment{Title: "x", Tier: 1, TimeZone: zone, StartsAt: first.UTC(), EndsAt: first.Add(time.Hour).UTC(), RRule: rule}
		s := mustSeries(t, c)

		opt, err := rrule.StrToROptionInLocation(rule, loc)
		if err != nil {
			t.Fatal(err)
		}
		opt.Dtstart = first
		full, err := rrule.NewRRule(*opt)
		if err != nil {
			t.Fatal(err)
		}
		from := first.AddDate(r.IntN(12), r.IntN(12), r.IntN(28))
		to := from.AddDate(0, 0, 1+r.IntN(400))
		want := full.Between(from, to, true)
		if len(want) > 0 && want[len(want)-1].Equal(to) {
			want = want[:len(want)-1]
		}
		got := s.starts(from, to)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("case %d %s from %v (%s), window %v..%v:\n got  %v\n want %v", i, rule, first, zone, from, to, got, want)
		}
	}
}

func TestSkippedDatesAreLeftOut(t *testing.T) {
	t.Parallel()
	loc := mustZone(t, "Europe/London")
	first := time.Date(2026, 5, 4, 9, 0, 0, 0, loc)
	skip := time.Date(2026, 5, 11, 9, 0, 0, 0, loc)
	s := mustSeries(t, &Commitment{
		Title: "Swimming", Tier: 1, TimeZone: "Europe/London", RRule: "FREQ=WEEKLY;COUNT=3",
		StartsAt: first.UTC(), EndsAt: first.Add(time.Hour).UTC(), ExDates: []time.Time{skip.UTC()},
	})
	got := s.starts(first, first.AddDate(0, 2, 0))
	// COUNT counts the skipped date too (RFC 5545): two starts remain.
	want := []time.Time{first, time.Date(2026, 5, 18, 9, 0, 0, 0, loc)}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestUnboundedRuleExpandsOnlyTheWindow(t *testing.T) {
	// Not in parallel: it times itself.
	loc := mustZone(t, "UTC")
	first := time.Date(1990, 1, 1, 7, 0, 0, 0, loc)
	s := mustSeries(t, &Commitment{
		Title: "Walk", Tier: 3, TimeZone: "UTC", RRule: "FREQ=DAILY",
		StartsAt: first, EndsAt: first.Add(time.Hour),
	})
	from := time.Date(2200, 6, 1, 0, 0, 0, 0, loc)
	start := time.Now()
	got := s.starts(from, from.AddDate(0, 0, 14))
	if len(got) != 14 {
		t.Fatalf("%d starts, want 14", len(got))
	}
	if d := time.Since(start); d > 50*time.Millisecond {
		t.Errorf("expanding 14 days two centuries on took %v: it walked from the first start", d)
	}
}

func TestParseRuleRefusals(t *testing.T) {
	t.Parallel()
	cases := []struct {
		rule string
		want string // part of the message; "" means accepted
	}{
		{"FREQ=WEEKLY;BYDAY=MO,WE", ""},
		{"RRULE:freq=monthly;count=3", ""},
		{"FREQ=YEARLY;UNTIL=20300101", ""},
		{"", "empty"},
		{"FREQ=FORTNIGHTLY", "can't be read"},
		{"BYDAY=MO", "can't be read"},
		{"FREQ=HOURLY", "more often than once a day"},
		{"FREQ=DAILY;COUNT=3;UNTIL=20300101T000000Z", "not both"},
		{"FREQ=DAILY;COUNT=100000", "at most"},
		{"FREQ=MONTHLY;BYMONTHDAY=40", "can't be used"},
		{"FREQ=DAILY;INTERVAL=5000", "interval"},
	}
	for _, tc := range cases {
		_, err := parseRule(tc.rule, time.UTC, false)
		if tc.want == "" {
			if err != nil {
				t.Errorf("%q: %v", tc.rule, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want a message with %q", tc.rule, err, tc.want)
		}
	}
}

func TestDateOnlyUntilIncludesThatDay(t *testing.T) {
	t.Parallel()
	loc := mustZone(t, "America/New_York")
	first := time.Date(2026, 6, 1, 20, 0, 0, 0, loc)
	s := mustSeries(t, &Commitment{
		Title: "Reading", Tier: 2, TimeZone: "America/New_York", RRule: "FREQ=DAILY;UNTIL=20260603",
		StartsAt: first.UTC(), EndsAt: first.Add(30 * time.Minute).UTC(),
	})
	if got := s.starts(first, first.AddDate(0, 1, 0)); len(got) != 3 {
		t.Errorf("UNTIL=20260603 from 1 June at 20:00: %d starts %v, want 3", len(got), got)
	}
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// Every rule the commitment form's simple repeats write is one the store
// expands.
func TestSimpleRepeatsAreRulesTheStoreReads(t *testing.T) {
	for _, r := range []repeat.Simple{
		{Freq: "DAILY"},
		{Freq: "WEEKLY"},
		{Freq: "WEEKLY", Days: []time.Weekday{time.Sunday, time.Monday, time.Thursday}},
		{Freq: "MONTHLY", Count: 6},
		{Freq: "YEARLY", Until: date(2030, 3, 3)},
	} {
		if _, err := parseRule(r.Rule(), time.UTC, false); err != nil {
			t.Errorf("%q doesn't parse as a rule: %v", r.Rule(), err)
		}
	}
}
