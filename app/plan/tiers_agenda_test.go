package plan

import (
	"testing"
	"time"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
)

func TestAgendaRowTexts(t *testing.T) {
	day := time.Date(2026, 11, 25, 0, 0, 0, 0, time.Local)
	c := &data.Commitment{Title: "Sleepover", Tier: 3}
	at := func(d, h int) time.Time { return time.Date(2026, 11, d, h, 0, 0, 0, time.Local) }
	moved := at(25, 20)
	cases := []struct {
		o          data.Occurrence
		when, mark string
	}{
		{data.Occurrence{Commitment: c, Start: at(25, 18), End: at(25, 19)}, "18:00–19:00", ""},
		{data.Occurrence{Commitment: c, Start: at(24, 19), End: at(25, 9)}, "until 09:00", ""},
		{data.Occurrence{Commitment: c, Start: at(25, 15), End: at(25, 15)}, "15:00", ""},
		{data.Occurrence{Commitment: &data.Commitment{Title: "Trip", AllDay: true}, Start: day, End: day.AddDate(0, 0, 1)}, "All day  ", ""},
		{data.Occurrence{Commitment: c, Start: at(25, 18), End: at(25, 19), Outcome: &data.OccurrenceOutcome{Status: data.OutcomeKept}}, "18:00–19:00", "✓ Kept"},
		{data.Occurrence{Commitment: c, Start: at(25, 18), End: at(25, 19), Outcome: &data.OccurrenceOutcome{Status: data.OutcomeMissed}}, "18:00–19:00", "✗ Missed"},
		{data.Occurrence{Commitment: c, OccursAt: at(24, 18), Start: moved, End: moved.Add(time.Hour), Outcome: &data.OccurrenceOutcome{Status: data.OutcomeMoved, MovedTo: &moved}}, "20:00–21:00", "Moved from Tue 24 Nov, 18:00"},
	}
	for i, tc := range cases {
		if got := occurrenceTime(tc.o, day); got != tc.when {
			t.Errorf("%d: time %q, want %q", i, got, tc.when)
		}
		if got := outcomeText(tc.o); got != tc.mark {
			t.Errorf("%d: mark %q, want %q", i, got, tc.mark)
		}
	}
	if got := keptText(data.Kept{Kept: 9, Of: 10}); got != "Kept 9 of the last 10" {
		t.Errorf("kept text %q", got)
	}
	if got := keptText(data.Kept{Kept: 0, Of: 1}); got != "Not kept the last time" {
		t.Errorf("kept text %q", got)
	}
}

func TestMakeUpCardShowsThreeThenMore(t *testing.T) {
	_, s, ts := openTiers(t)
	day := ui.Midnight(time.Now()).AddDate(0, 0, -7)
	if _, err := s.SaveCommitment(data.Commitment{Title: "Park", Tier: 3, StartsAt: ui.At(day, 10, 0), EndsAt: ui.At(day, 11, 0), RRule: "FREQ=DAILY;COUNT=5"}); err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		d := day.AddDate(0, 0, i)
		if _, _, err := s.SaveWorkBlock(data.WorkBlock{Title: "Call", StartsAt: ui.At(d, 10, 0), EndsAt: ui.At(d, 10, 30)}, ""); err != nil {
			t.Fatal(err)
		}
	}
	ts.Load()
	uitest.FindButton(t, ts.agenda, "To make up (5)")
	uitest.FindButton(t, ts.agenda, "Show 2 more").OnTapped()
	if n := countButtons(ts.agenda, "Made up"); n != 5 {
		t.Errorf("%d notes shown after 'more', want 5", n)
	}
}
