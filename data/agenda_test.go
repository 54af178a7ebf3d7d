package data

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestAgendaGroupsByLocalDayAcrossDST runs a 14-day agenda over the March
// clock change in London: every day is one local day (one of them 23
// hours long), the daily dinner is at 18:00 on each, all-day and
// overnight commitments show on every day they cover.
func TestAgendaGroupsByLocalDayAcrossDST(t *testing.T) {
	loc := withLocal(t, "Europe/London")
	s, _ := openTiers(t, time.Date(2026, 3, 20, 9, 0, 0, 0, time.UTC))
	at := func(d, h, m int) time.Time { return time.Date(2026, 3, d, h, m, 0, 0, loc) }
	commit(t, s, "Family dinner", TierHighPriority, at(1, 18, 0), time.Hour, "FREQ=DAILY")
	commit(t, s, "Sleepover", TierFlexible, at(27, 19, 0), 14*time.Hour, "")
	if _, err := s.SaveCommitment(Commitment{Title: "Half term", Tier: 1, AllDay: true, StartsAt: date(2026, 3, 30), EndsAt: date(2026, 4, 1)}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.SaveWorkBlock(WorkBlock{Title: "Invoices", StartsAt: at(23, 9, 0), EndsAt: at(23, 10, 0)}, ""); err != nil {
		t.Fatal(err)
	}
	days, err := s.Agenda(at(22, 15, 30), 14)
	if err != nil {
		t.Fatal(err)
	}
	if len(days) != 14 {
		t.Fatalf("%d days", len(days))
	}
	var lines []string
	for i, d := range days {
		if want := at(22+i, 0, 0); d.Date.Day() != want.Day() || d.Date.Hour() != 0 {
			t.Errorf("day %d is %v, want %v", i, d.Date, want)
		}
		var names []string
		for _, o := range d.Occurrences {
			hhmm := o.Start.In(loc).Format("15:04")
			if o.AllDay() {
				hhmm = "all day"
			}
			names = append(names, hhmm+" "+o.Commitment.Title)
		}
		for _, b := range d.WorkBlocks {
			names = append(names, "work "+b.Title)
		}
		lines = append(lines, fmt.Sprintf("%s: %s", d.Date.Format("Mon 2"), strings.Join(names, ", ")))
	}
	got := strings.Join(lines, "\n")
	want := `Sun 22: 18:00 Family dinner
Mon 23: 18:00 Family dinner, work Invoices
Tue 24: 18:00 Family dinner
Wed 25: 18:00 Family dinner
Thu 26: 18:00 Family dinner
Fri 27: 18:00 Family dinner, 19:00 Sleepover
Sat 28: 19:00 Sleepover, 18:00 Family dinner
Sun 29: 18:00 Family dinner
Mon 30: all day Half term, 18:00 Family dinner
Tue 31: all day Half term, 18:00 Family dinner
Wed 1: 18:00 Family dinner
Thu 2: 18:00 Family dinner
Fri 3: 18:00 Family dinner
Sat 4: 18:00 Family dinner`
	if got != want {
		t.Errorf("agenda:\n%s\nwant:\n%s", got, want)
	}
	if d := days[7].Date.AddDate(0, 0, 1).Sub(days[7].Date); d != 23*time.Hour {
		t.Errorf("29 March is %v long here, want 23h", d)
	}
	if _, err := s.Agenda(at(22, 0, 0), 0); err == nil {
		t.Error("a zero-day agenda was accepted")
	}
}

func TestAgendaShowsMakeUpNotesOnTheirDay(t *testing.T) {
	loc := withLocal(t, "Europe/London")
	s, _ := openTiers(t, time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	at := func(d, h, m int) time.Time { return time.Date(2026, 3, d, h, m, 0, 0, loc) }
	commit(t, s, "Park", TierFlexible, at(2, 16, 0), time.Hour, "FREQ=DAILY")
	if _, _, err := s.SaveWorkBlock(WorkBlock{Client: "Acme", Title: "Call", StartsAt: at(4, 15, 30), EndsAt: at(4, 16, 30)}, ""); err != nil {
		t.Fatal(err)
	}
	days, err := s.Agenda(at(2, 0, 0), 5)
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range days {
		want := 0
		if i == 2 {
			want = 1
		}
		if len(d.MakeUps) != want {
			t.Errorf("%s: %d make-up notes, want %d", d.Date.Format("Mon 2"), len(d.MakeUps), want)
		}
	}
	if n := days[2].MakeUps; len(n) == 1 && (n[0].Commitment != "Park" || n[0].Work != "Call") {
		t.Errorf("note %+v", n[0])
	}
}
