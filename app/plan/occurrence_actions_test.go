package plan

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/widgets"
)

func TestMarkAnOccurrenceMovedToANewTime(t *testing.T) {
	u, s, ts := openTiers(t)
	day := uitest.WeekdayAfter(1)
	c, err := s.SaveCommitment(data.Commitment{Title: "Piano recital", Tier: 1, StartsAt: ui.At(day, 17, 0), EndsAt: ui.At(day, 18, 0)})
	if err != nil {
		t.Fatal(err)
	}
	ts.jump(day)
	occ, _ := s.Occurrences(day, day.AddDate(0, 0, 1))
	uitest.MenuItem(t, ts.occurrenceMenu(occ[0]), "Move to another time…").Action()
	uitest.MustContain(t, uitest.OverlayText(u.Host), "“Piano recital”", "moved to:")
	top := u.Win.Canvas().Overlays().Top()
	var clock *widgets.Entry
	uitest.Walk(top, func(o fyne.CanvasObject) bool {
		if e, ok := o.(*widgets.Entry); ok && e.Text == "17:00" {
			clock = e
		}
		return true
	})
	if clock == nil {
		t.Fatal("no time field showing the old time")
	}
	uitest.SetText(clock, "19:30")
	test.Tap(uitest.FindButton(t, top, "Save"))
	back, _ := s.Occurrences(day, day.AddDate(0, 0, 1))
	if len(back) != 1 || back[0].Outcome == nil || back[0].Outcome.Status != data.OutcomeMoved ||
		back[0].Outcome.MovedTo == nil || !back[0].Start.Equal(ui.At(day, 19, 30)) || back[0].Commitment.ID != c.ID {
		t.Fatalf("after moving: %+v", back)
	}
	uitest.MustContain(t, uitest.VisibleText(ts.agenda), "Moved from", "19:30–20:30")
}

func TestDeleteACommitmentFromTheAgenda(t *testing.T) {
	u, s, ts := openTiers(t)
	day := uitest.WeekdayAfter(1)
	if _, err := s.SaveCommitment(data.Commitment{Title: "Football", Tier: 2, StartsAt: ui.At(day, 16, 0), EndsAt: ui.At(day, 17, 0), RRule: "FREQ=WEEKLY"}); err != nil {
		t.Fatal(err)
	}
	ts.jump(day)
	occ, _ := s.Occurrences(day, day.AddDate(0, 0, 1))
	uitest.MenuItem(t, ts.occurrenceMenu(occ[0]), "Delete the commitment…").Action()
	uitest.MustContain(t, uitest.OverlayText(u.Host), "Delete “Football”?", "every time it repeats")
	test.Tap(uitest.FindButton(t, u.Win.Canvas().Overlays().Top(), "Delete"))
	if list, _ := s.Commitments(); len(list) != 0 {
		t.Errorf("still there: %+v", list)
	}
}
