package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/data"
)

// The commitments listed for the request's time are those of the time as
// typed last, even when the looks at the Tiers finish out of order.
func TestTriageListsTheTiersForTheLatestTime(t *testing.T) {
	u, s, p := openProtocols(t)
	day := weekdayAfter(2)
	if _, err := s.SaveCommitment(data.Commitment{
		Title: "Sports day", Tier: data.TierNonNegotiable,
		StartsAt: at(day, 13, 0), EndsAt: at(day, 15, 0),
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
	test.Tap(findButton(t, u.win.Content(), "Urgent client request…"))
	tr := p.triage
	tr.date.SetDate(&day)
	setText(tr.from, "13:30")
	setText(tr.to, "14:30")
	mustContain(t, visibleText(tr.inWindow), "Sports day")

	var queued []func()
	u.async = func(f func()) { queued = append(queued, f) }
	setText(tr.from, "09:00")
	setText(tr.to, "10:00")
	u.async = func(f func()) { f() }
	for _, f := range slices.Backward(queued) {
		f()
	}
	mustContain(t, visibleText(tr.inWindow), "Nothing on your Tiers at that time.")
}
