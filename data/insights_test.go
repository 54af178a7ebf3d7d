package data

import (
	"strings"
	"testing"
	"time"
)

// A month around the spring clock change in London, with known records in
// each week: the aggregates must land in the right local weeks.
func TestInsightsAggregatesKnownWeeks(t *testing.T) {
	loc := withLocal(t, "Europe/London")
	now := time.Date(2026, 4, 8, 12, 0, 0, 0, loc) // a Wednesday
	s := openTemp(t, Options{Now: func() time.Time { return now }})

	// Weeks start Mon 16 Mar, 23 Mar, 30 Mar (after the change on 29 Mar), 6 Apr.
	at := func(d, h int) time.Time { return time.Date(2026, 3, d, h, 0, 0, 0, loc) }
	entries := []Entry{
		{HappenedAt: at(16, 0), Intensity: 8, Kind: KindShame, Tags: []Tag{{Name: "Visibility trap"}}},
		{HappenedAt: at(22, 23), Intensity: 6, Kind: KindGuilt, Tags: []Tag{{Name: "Visibility trap"}, {Name: "Bedtime"}}},
		{HappenedAt: at(29, 23), Intensity: 5, Kind: KindGuilt}, // Sunday night, clocks already forward
		{HappenedAt: at(30, 0), Intensity: 3, Kind: KindUnsure, Tags: []Tag{{Name: "Bedtime"}}},
		{HappenedAt: at(31, 9), Intensity: 2, Kind: KindGuilt, Tags: []Tag{{Name: "bedtime"}}},
		{HappenedAt: at(15, 23), Intensity: 10, Kind: KindShame},                           // the week before: outside
		{HappenedAt: at(25, 12), Intensity: 9, Kind: KindShame, DeletedAt: ptr(at(26, 0))}, // trashed: not counted
	}
	for i := range entries {
		entries[i].Trigger = "moment"
	}
	addEntries(t, s, entries)
	if err := s.ImportBreaks([]CompassionSession{
		{StartedAt: at(30, 20), FinishedAt: ptr(at(30, 21)), Kindness: "gentle"},
		{StartedAt: at(31, 20), Kindness: "left half-way"},
	}); err != nil {
		t.Fatal(err)
	}
	s.db.Exec("INSERT INTO slip_readings (uuid, day, read_at, created_at, updated_at) VALUES ('r1', '2026-03-22', 0, 0, 0), ('r2', '2026-03-23', 0, 0, 0), ('r3', '2026-04-07', 0, 0, 0)")
	school := commit(t, s, "School play", TierNonNegotiable, at(24, 14), time.Hour, "")
	swim := commit(t, s, "Swimming", TierNonNegotiable, at(17, 17), time.Hour, "FREQ=WEEKLY;COUNT=4")
	if err := s.SetOutcome(school.ID, school.StartsAt, OutcomeKept, nil); err != nil {
		t.Fatal(err)
	}
	s.SetOutcome(swim.ID, at(17, 17), OutcomeKept, nil)
	s.SetOutcome(swim.ID, at(24, 17), OutcomeMissed, nil)
	s.SetOutcome(swim.ID, at(31, 17), OutcomeMoved, nil)
	s.db.Exec(`INSERT INTO work_blocks (uuid, title, starts_at, ends_at, emergency_reason, created_at, updated_at)
		VALUES ('w1', 'Launch fix', ?, ?, 'site down', 0, 0), ('w2', 'Report', ?, ?, '', 0, 0)`,
		ms(at(25, 16)), ms(at(25, 17)), ms(at(25, 9)), ms(at(25, 10)))
	s.db.Exec(`INSERT INTO triages (uuid, asked_at, window_start, window_end, verdict, truly_urgent, created_at, updated_at)
		VALUES ('t1', ?, 0, 0, 'urgent', 1, 0, 0), ('t2', ?, 0, 0, 'not_urgent', 0, 0, 0), ('t3', ?, 0, 0, 'urgent', NULL, 0, 0)`,
		ms(at(17, 10)), ms(at(18, 10)), ms(at(31, 10)))

	ins, err := s.Insights(PeriodFourWeeks)
	if err != nil {
		t.Fatal(err)
	}
	if len(ins.Weeks) != 4 || !ins.From.Equal(at(16, 0)) || !ins.Weeks[2].Start.Equal(at(30, 0)) {
		t.Fatalf("weeks from %v: %v", ins.From, ins.Weeks)
	}
	type row struct {
		entries, guilt, shame   int
		mean                    float64
		kept, missed, moved, em int
		urgent, not, open       int
		breaks, reads           int
	}
	want := []row{
		{2, 1, 1, 7, 1, 0, 0, 0, 1, 1, 0, 0, 1},
		{1, 1, 0, 5, 1, 1, 0, 1, 0, 0, 0, 0, 1},
		{2, 1, 0, 2.5, 0, 0, 1, 0, 0, 0, 1, 1, 0},
		{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1},
	}
	for i, w := range ins.Weeks {
		got := row{
			w.Entries, w.Guilt, w.Shame, w.MeanIntensity, w.Tier1Kept, w.Tier1Missed, w.Tier1Moved, w.Emergencies,
			w.TrulyUrgent, w.NotUrgent, w.NotLookedBack, w.Breaks, w.Readings,
		}
		if got != want[i] {
			t.Errorf("week of %s:\n got %+v\nwant %+v", w.Start.Format("2 Jan"), got, want[i])
		}
	}
	wantDots := []Dots{{0, 6, 1}, {0, 8, 1}, {1, 5, 1}, {2, 2, 1}, {2, 3, 1}}
	if len(ins.Dots) != len(wantDots) {
		t.Errorf("dots: %v", ins.Dots)
	}
	for i := range min(len(ins.Dots), len(wantDots)) {
		if ins.Dots[i] != wantDots[i] {
			t.Errorf("dot %d = %v, want %v", i, ins.Dots[i], wantDots[i])
		}
	}
	if len(ins.Triggers) != 2 || ins.Triggers[0] != (TagCount{"Bedtime", false, 3}) || ins.Triggers[1] != (TagCount{"Visibility trap", true, 2}) {
		t.Errorf("triggers: %+v", ins.Triggers)
	}

	for _, c := range []struct{ got, want string }{
		{ins.IntensitySummary(), "Guilt is easing: from 6.3 to 2.5 out of 10"},
		{ins.TriggersSummary(), "“Bedtime” came up most: in 3 of your 5 entries over the last four weeks."},
		{ins.KindSummary(), "Guilt 60%, shame 20%, not sure yet 20% of entries."},
		{ins.CommitmentsSummary(), "Non-negotiables kept 2 of 4 times recorded (1 moved); high-priority time given up once"},
		{ins.TriageSummary(), TriageRecord{LookedBack: 2, Real: 1}.Summary()},
		{ins.PracticeSummary(), "5 journal entries, 1 self-compassion break, and your permission slip read on 3 mornings"},
	} {
		if !strings.Contains(c.got, c.want) {
			t.Errorf("summary %q\n  should contain %q", c.got, c.want)
		}
	}
}

func TestInsightsOfAnEmptyJournalSayNothing(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	for _, p := range Periods() {
		ins, err := s.Insights(p)
		if err != nil || len(ins.Weeks) != p.Weeks() || len(ins.Dots) != 0 || len(ins.Triggers) != 0 {
			t.Fatalf("%s: %+v, %v", p, ins, err)
		}
		for _, sum := range []string{ins.IntensitySummary(), ins.TriggersSummary(), ins.KindSummary(), ins.CommitmentsSummary(), ins.TriageSummary(), ins.PracticeSummary()} {
			if sum != "" {
				t.Errorf("%s: summary %q for nothing", p, sum)
			}
		}
	}
}
