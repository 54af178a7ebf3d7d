package data

import (
	"strings"
	"testing"
	"time"
)

// The day: work at 09:00 was listed under the 19:30 bedtime, and
// parents' evening and the family dinner, both at 18:00, passed silently.
func TestAgendaItemsInTimeOrderWithClashes(t *testing.T) {
	day := local(2031, 3, 12, 0, 0) // a Wednesday
	s, _ := openTiers(t, day.Add(7*time.Hour))
	at := func(h, m int) time.Time { return day.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute) }
	commit(t, s, "Bedtime", TierHighPriority, at(19, 30), 30*time.Minute, "FREQ=DAILY")
	commit(t, s, "Family dinner", TierHighPriority, at(18, 0), time.Hour, "FREQ=DAILY")
	commit(t, s, "Parents' evening", TierNonNegotiable, at(18, 0), 90*time.Minute, "")
	commit(t, s, "Play in the park", TierFlexible, at(18, 30), time.Hour, "")
	commit(t, s, "Late flight home", TierFlexible, at(-2, 0), 9*time.Hour, "")
	if _, err := s.SaveCommitment(Commitment{Title: "Grandma staying", Tier: TierFlexible, AllDay: true, StartsAt: date(2031, 3, 12), EndsAt: date(2031, 3, 13)}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.SaveWorkBlock(WorkBlock{Title: "Report", StartsAt: at(9, 0), EndsAt: at(11, 0)}, ""); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.SaveWorkBlock(WorkBlock{Title: "Calls", StartsAt: at(19, 30), EndsAt: at(19, 45)}, "the server is down"); err != nil {
		t.Fatal(err)
	}
	days, err := s.Agenda(day, 1)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range days[0].Items() {
		line := ""
		if it.Work != nil {
			line = it.Work.StartsAt.Local().Format("15:04") + " work " + it.Work.Title
		} else {
			line = it.Occurrence.Start.Format("15:04") + " " + it.Occurrence.Commitment.Title
		}
		for _, o := range it.ClashesWith {
			line += " ⚠ " + o.Commitment.Title
		}
		got = append(got, line)
	}
	want := []string{
		"22:00 Late flight home",
		"00:00 Grandma staying",
		"09:00 work Report",
		"18:00 Parents' evening ⚠ Family dinner",
		"18:00 Family dinner ⚠ Parents' evening",
		"18:30 Play in the park",
		"19:30 Bedtime",
		"19:30 work Calls",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the day reads\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestClashRule(t *testing.T) {
	day := local(2031, 3, 12, 0, 0)
	occ := func(id int64, tier Tier, h, minutes int) Occurrence {
		c := &Commitment{Record: Record{ID: id}, Title: "c", Tier: tier}
		start := day.Add(time.Duration(h) * time.Hour)
		return Occurrence{Commitment: c, OccursAt: start.UTC(), Start: start, End: start.Add(time.Duration(minutes) * time.Minute)}
	}
	allDay := occ(9, TierNonNegotiable, 0, 24*60)
	allDay.Commitment.AllDay = true
	moved := occ(10, TierNonNegotiable, 18, 60)
	moved.Outcome = &OccurrenceOutcome{Status: OutcomeMoved}
	movedTo := occ(11, TierNonNegotiable, 18, 60)
	movedTo.Outcome = &OccurrenceOutcome{Status: OutcomeMoved, MovedTo: &movedTo.Start}
	dinner := occ(1, TierHighPriority, 18, 60)
	for _, c := range []struct {
		name string
		b    Occurrence
		want bool
	}{
		{"tier 1 at the same time", occ(2, TierNonNegotiable, 18, 90), true},
		{"tier 2 overlapping its end", occ(3, TierHighPriority, 18, 120), true},
		{"tier 2 starting inside it", occ(3, TierHighPriority, 18, 30), true},
		{"tier 3 at the same time", occ(4, TierFlexible, 18, 60), false},
		{"starting as it ends", occ(5, TierNonNegotiable, 19, 60), false},
		{"ending as it starts", occ(5, TierNonNegotiable, 17, 60), false},
		{"all day", allDay, false},
		{"moved away with no new time", moved, false},
		{"moved here", movedTo, true},
		{"itself", dinner, false},
	} {
		if got := Clash(dinner, c.b); got != c.want {
			t.Errorf("%s: Clash = %v, want %v", c.name, got, c.want)
		}
		if got := Clash(c.b, dinner); got != c.want {
			t.Errorf("%s, the other way: Clash = %v, want %v", c.name, got, c.want)
		}
	}
}
