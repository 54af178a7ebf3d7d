package plan

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/widgets"
)

func TestSetWorkingHours(t *testing.T) {
	u, s, ts := openTiers(t)
	ts.editWorkHours()
	top := u.Win.Canvas().Overlays().Top()
	uitest.MustContain(t, uitest.OverlayText(u.Host), "Working hours", "next free slot")
	var entries []*widgets.Entry
	var days *widgets.CheckGroup
	uitest.Walk(top, func(o fyne.CanvasObject) bool {
		switch w := o.(type) {
		case *widgets.Entry:
			entries = append(entries, w)
		case *widgets.CheckGroup:
			days = w
		}
		return true
	})
	if len(entries) != 2 || days == nil || entries[0].Text != "09:00" || len(days.Selected) != 5 {
		t.Fatalf("the dialog shows %d fields, days %v", len(entries), days)
	}
	uitest.SetText(entries[1], "8")
	test.Tap(uitest.FindButton(t, top, "Save"))
	uitest.MustContain(t, uitest.OverlayText(u.Host), "at least 15 minutes after")
	uitest.SetText(entries[0], "7:30")
	uitest.SetText(entries[1], "3pm")
	days.SetSelected([]string{"Mon", "Tue", "Sat"})
	test.Tap(uitest.FindButton(t, top, "Save"))
	h, _ := s.WorkHours()
	want := data.WorkHours{Start: 7*time.Hour + 30*time.Minute, End: 15 * time.Hour}
	want.Days[time.Monday], want.Days[time.Tuesday], want.Days[time.Saturday] = true, true, true
	if h != want {
		t.Errorf("stored %+v, want %+v", h, want)
	}
}
