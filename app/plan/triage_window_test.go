package plan

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
)

// The commitments listed for the request's time are those of the time as
// typed last, even when the looks at the Tiers finish out of order.
func TestTriageListsTheTiersForTheLatestTime(t *testing.T) {
	u, s, p := openProtocols(t)
	day := uitest.WeekdayAfter(2)
	if _, err := s.SaveCommitment(data.Commitment{
		Title: "Sports day", Tier: data.TierNonNegotiable,
		StartsAt: ui.At(day, 13, 0), EndsAt: ui.At(day, 15, 0),
	}); err != nil {
		t.Fatal(err)
	}
	var list []data.UrgencyCriterion
	for _, q := range data.StarterCriteria() {
		list = append(list, data.UrgencyCriterion{Question: q})
	}
	if _, err := s.SaveUrgency(list, data.UrgencyRule{}); err != nil {
		t.Fatal(err)
	}
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Urgent client request…"))
	tr := p.triage
	tr.date.SetDate(&day)
	uitest.SetText(tr.from, "13:30")
	uitest.SetText(tr.to, "14:30")
	uitest.MustContain(t, uitest.VisibleText(tr.inWindow), "Sports day")

	var queued []func()
	u.Async = func(f func()) { queued = append(queued, f) }
	uitest.SetText(tr.from, "09:00")
	uitest.SetText(tr.to, "10:00")
	u.Async = func(f func()) { f() }
	for _, f := range slices.Backward(queued) {
		f()
	}
	uitest.MustContain(t, uitest.VisibleText(tr.inWindow), "Nothing on your Tiers at that time.")
}

func TestTriageLinesStartInLineWhateverTheirTier(t *testing.T) {
	test.NewTempApp(t)
	day := uitest.WeekdayAfter(2)
	sports := data.Commitment{Title: "Sports day", Tier: data.TierNonNegotiable}
	call := data.Commitment{Title: "Client call", Tier: data.TierHighPriority}
	lines := occurrenceLines([]data.Occurrence{
		{Commitment: &sports, Start: ui.At(day, 13, 0), End: ui.At(day, 15, 0)},
		{Commitment: &call, Start: ui.At(day, 14, 0), End: ui.At(day, 14, 30)},
	}, "")
	box := container.NewVBox(lines...)
	test.NewWindow(box).Resize(fyne.NewSize(600, 200))
	var xs []float32
	for _, l := range lines {
		uitest.Walk(l, func(o fyne.CanvasObject) bool {
			if lbl, ok := o.(*widget.Label); ok && (strings.HasSuffix(lbl.Text, "Sports day") || strings.HasSuffix(lbl.Text, "Client call")) {
				xs = append(xs, lbl.Position().X)
			}
			return true
		})
	}
	if len(xs) != 2 || xs[0] != xs[1] {
		t.Errorf("lines start at %v", xs)
	}
}
