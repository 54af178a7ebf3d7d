package plan

import (
	"testing"

	"fyne.io/fyne/v2"
	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
)

// In the multi-line fields of the two tabs Tab and Shift+Tab move on: the
// commitment's notes, the triage's request.
func TestTabLeavesEveryMultiLineField(t *testing.T) {
	u, _, ts := openTiers(t)
	ts.addCommitment()
	f := ts.commitmentForm
	u.Win.Canvas().Focus(f.notes)
	uitest.TypeText(u.Host, "Bring the costume")
	uitest.PressKey(u.Host, fyne.KeyTab)
	if u.Win.Canvas().Focused() == f.notes || f.notes.Text != "Bring the costume" {
		t.Errorf("Tab in the notes: focus %T, notes %q", u.Win.Canvas().Focused(), f.notes.Text)
	}
	u.Win.Canvas().Focus(f.notes)
	uitest.PressKey(u.Host, fyne.KeyTab, true)
	if u.Win.Canvas().Focused() != f.location {
		t.Errorf("Shift+Tab in the notes went to %T", u.Win.Canvas().Focused())
	}
	f.dlg.Hide()

	pu, _, p := openProtocols(t)
	if _, err := p.plan.Store.SaveUrgency([]data.UrgencyCriterion{{Question: "Does money depend on it today?"}}, data.UrgencyRule{}); err != nil {
		t.Fatal(err)
	}
	p.openTriage()
	tr := p.triage
	p.plan.Win.Canvas().Focus(tr.request)
	uitest.TypeText(pu.Host, "The deck by tonight")
	uitest.PressKey(pu.Host, fyne.KeyTab)
	if pu.Win.Canvas().Focused() == tr.request || tr.request.Text != "The deck by tonight" {
		t.Errorf("Tab in the request: focus %T, text %q", pu.Win.Canvas().Focused(), tr.request.Text)
	}
}
