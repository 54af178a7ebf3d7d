package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
)

// A window left open overnight: just after midnight the slip is unread
// again and the tabs that show today are told, without a restart.
func TestTheWindowTurnsToANewDay(t *testing.T) {
	today := ui.Midnight(time.Now())
	now := today.Add(-time.Minute) // 23:59 yesterday
	u, s := newTestUIWith(t, data.Options{Now: func() time.Time { return now }}, true)
	u.day.today = ui.Midnight(now) // the window was built yesterday
	if _, err := s.AddSlip("Rest is part of the work.", true); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkSlipRead(); err != nil {
		t.Fatal(err)
	}
	u.loadStrip()
	turned := &dayScreen{}
	u.screens = append(u.screens, turned)
	if !u.readToday {
		t.Fatal("the slip read at 23:59 is not read today")
	}

	u.turnDay(now.Add(30 * time.Second)) // the same day still: nothing moves
	if !u.readToday || len(turned.was) != 0 {
		t.Errorf("before midnight: read today %v, screens told %v", u.readToday, turned.was)
	}
	now = today.Add(time.Minute)
	u.turnDay(now)
	if u.readToday {
		t.Error("just after midnight the slip still counts as read today")
	}
	if len(turned.was) != 1 || !turned.was[0].Equal(today.AddDate(0, 0, -1)) {
		t.Errorf("the screens were told %v, want yesterday once", turned.was)
	}
	u.turnDay(now.Add(time.Minute))
	if len(turned.was) != 1 {
		t.Errorf("told again within the same day: %v", turned.was)
	}
}

// dayScreen is a tab that notes when it is told the day turned (the
// Tiers tab's own turn is tested in app/plan).
type dayScreen struct{ was []time.Time }

func (d *dayScreen) Title() string           { return "Day" }
func (d *dayScreen) Icon() fyne.Resource     { return nil }
func (d *dayScreen) View() fyne.CanvasObject { return widget.NewLabel("") }
func (d *dayScreen) Load()                   {}
func (d *dayScreen) NewDay(was time.Time)    { d.was = append(d.was, was) }

// "Past 7 days" set yesterday counts from today once midnight has passed:
// the entry of eight days ago leaves the list.
func TestThePast7DaysMoveWithTheDay(t *testing.T) {
	u, s, j := newJournalUI(t)
	today := ui.Midnight(time.Now())
	yesterday := today.AddDate(0, 0, -1)
	for _, e := range []data.Entry{
		{Trigger: "Eight days ago", HappenedAt: ui.At(today.AddDate(0, 0, -7), 12, 0)},
		{Trigger: "This morning", HappenedAt: today.Add(time.Minute)},
	} {
		if _, err := s.SaveEntry(e, 0); err != nil {
			t.Fatal(err)
		}
	}
	j.filters.now = func() time.Time { return yesterday.Add(23*time.Hour + 59*time.Minute) }
	u.ShowScreen(j)
	j.filters.dates.SetSelected("Past 7 days")
	if got := listedTriggers(j); len(got) != 2 {
		t.Fatalf("yesterday, the past 7 days listed %v", got)
	}
	j.filters.now = nil
	u.day.today = yesterday
	u.turnDay(time.Now())
	if got := listedTriggers(j); len(got) != 1 || got[0] != "This morning" {
		t.Errorf("after midnight the past 7 days list %v", got)
	}
}
