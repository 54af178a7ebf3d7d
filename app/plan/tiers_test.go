package plan

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
)

func TestTiersEmptyStateOffersTheFirstAction(t *testing.T) {
	u, _, ts := openTiers(t)
	text := uitest.VisibleText(u.tabs)
	uitest.MustContain(t, text, "Tiers of commitments", "non-negotiable")
	test.Tap(uitest.FindButton(t, ts.View(), "Add a commitment"))
	if ts.commitmentForm == nil || !strings.Contains(uitest.OverlayText(u.Host), "New commitment") {
		t.Fatalf("the first action didn't open the form: %q", uitest.OverlayText(u.Host))
	}
}

// TestAddTier1CommitmentAndBeRefusedAClashingWorkBlock is the tab's core
// promise: a commitment typed in as non-negotiable, then work planned over
// it is refused with the commitment named and a free slot offered, and
// taking that slot is accepted.
func TestAddTier1CommitmentAndBeRefusedAClashingWorkBlock(t *testing.T) {
	u, s, ts := openTiers(t)
	day := uitest.WeekdayAfter(2)

	test.Tap(uitest.FindButton(t, ts.View(), "Add a commitment"))
	f := ts.commitmentForm
	test.Type(f.title, "Sports day")
	f.tier.SetSelected(tierChoices[0])
	f.date.SetDate(&day)
	uitest.SetText(f.from, "13:00")
	uitest.SetText(f.to, "15:00")
	test.Tap(f.saveButton)

	list, err := s.Commitments()
	if err != nil || len(list) != 1 {
		t.Fatalf("stored %v %v", list, err)
	}
	c := list[0]
	if c.Title != "Sports day" || c.Tier != data.TierNonNegotiable || !c.StartsAt.Equal(ui.At(day, 13, 0)) || !c.EndsAt.Equal(ui.At(day, 15, 0)) {
		t.Fatalf("stored %+v", c)
	}
	ts.jump(day)
	uitest.MustContain(t, uitest.VisibleText(ts.agenda), "Sports day", "13:00–15:00")
	uitest.MustContain(t, badgeWords(ts.agenda), "Non-negotiable")

	test.Tap(uitest.FindButton(t, ts.View(), "Work block"))
	w := ts.workForm
	test.Type(w.client, "Acme")
	test.Type(w.title, "Quarterly report")
	w.date.SetDate(&day)
	uitest.SetText(w.from, "12:00")
	uitest.SetText(w.to, "14:00")
	test.Tap(w.saveButton)

	if !w.refusalBox.Visible() {
		t.Fatalf("no refusal shown; dialog says %q", uitest.OverlayText(u.Host))
	}
	uitest.MustContain(t, w.refusal.Text, "“Sports day” is non-negotiable", "stays with your family", "the next free 2 h starts")
	if blocks, _ := s.WorkBlocks(day, day.AddDate(0, 0, 7)); len(blocks) != 0 {
		t.Fatalf("refused work was stored: %+v", blocks)
	}
	if w.title.Text != "Quarterly report" || w.client.Text != "Acme" {
		t.Error("what was typed was lost")
	}

	test.Tap(w.useSlot)
	test.Tap(w.saveButton)
	blocks, _ := s.WorkBlocks(day, day.AddDate(0, 0, 14))
	if len(blocks) != 1 {
		t.Fatalf("after taking the suggestion: %d blocks; dialog %q", len(blocks), uitest.OverlayText(u.Host))
	}
	b := blocks[0]
	if b.EndsAt.Sub(b.StartsAt) != 2*time.Hour || (b.StartsAt.Before(ui.At(day, 15, 0)) && b.EndsAt.After(ui.At(day, 13, 0))) {
		t.Errorf("stored block %v–%v still meets sports day", b.StartsAt, b.EndsAt)
	}
}

func TestTier2WorkAsksForTheEmergencyAndKeepsTheReason(t *testing.T) {
	u, s, ts := openTiers(t)
	day := uitest.WeekdayAfter(1)
	if _, err := s.SaveCommitment(data.Commitment{
		Title: "Family dinner", Tier: data.TierHighPriority,
		StartsAt: ui.At(day, 16, 0), EndsAt: ui.At(day, 17, 0),
	}); err != nil {
		t.Fatal(err)
	}
	ts.jump(day)
	ts.openWorkForm(data.WorkBlock{StartsAt: ui.At(day, 15, 30), EndsAt: ui.At(day, 16, 30)})
	w := ts.workForm
	test.Type(w.title, "Server outage")
	test.Tap(w.saveButton)
	if !w.emergencyBox.Visible() || w.refusalBox.Visible() {
		t.Fatalf("no emergency question; dialog %q", uitest.OverlayText(u.Host))
	}
	uitest.MustContain(t, w.emergency.Text, "“Family dinner” is high priority", "genuine emergency")
	if w.saveButton.Text != "Save as an emergency" {
		t.Errorf("save button reads %q", w.saveButton.Text)
	}
	test.Tap(w.saveButton) // still no reason
	if blocks, _ := s.WorkBlocks(day, day.AddDate(0, 0, 1)); len(blocks) != 0 {
		t.Fatal("stored without a reason")
	}
	test.Type(w.reason, "The shop is down on launch day")
	test.Tap(w.saveButton)
	blocks, _ := s.WorkBlocks(day, day.AddDate(0, 0, 1))
	if len(blocks) != 1 || blocks[0].EmergencyReason != "The shop is down on launch day" {
		t.Fatalf("stored %+v", blocks)
	}
	uitest.MustContain(t, uitest.VisibleText(ts.agenda), "Emergency: The shop is down on launch day", "Server outage")
}

// A reason longer than the store keeps is explained under the reason box,
// where it can be shortened, not in a dialog over the form.
func TestAnOverlongEmergencyReasonIsExplainedUnderTheReason(t *testing.T) {
	u, s, ts := openTiers(t)
	day := uitest.WeekdayAfter(1)
	if _, err := s.SaveCommitment(data.Commitment{
		Title: "Family dinner", Tier: data.TierHighPriority,
		StartsAt: ui.At(day, 16, 0), EndsAt: ui.At(day, 17, 0),
	}); err != nil {
		t.Fatal(err)
	}
	ts.jump(day)
	ts.openWorkForm(data.WorkBlock{StartsAt: ui.At(day, 15, 30), EndsAt: ui.At(day, 16, 30)})
	w := ts.workForm
	test.Type(w.title, "Server outage")
	test.Tap(w.saveButton)
	w.reason.SetText(strings.Repeat("down ", data.MaxEmergencyReason/5+1))
	test.Tap(w.saveButton)
	msg := w.msgs[data.FieldEmergencyReason]
	if !msg.Visible() || !strings.Contains(msg.Text, "holds up to 2000 characters") {
		t.Errorf("under the reason: %q (shown: %v); dialog: %q", msg.Text, msg.Visible(), uitest.OverlayText(u.Host))
	}
	if blocks, _ := s.WorkBlocks(day, day.AddDate(0, 0, 1)); len(blocks) != 0 {
		t.Errorf("stored %+v", blocks)
	}
}

func TestTier3WorkLeavesAMakeUpNoteOnTheAgenda(t *testing.T) {
	u, s, ts := openTiers(t)
	day := ui.Midnight(time.Now()).AddDate(0, 0, -1) // work that already took the time
	if _, err := s.SaveCommitment(data.Commitment{
		Title: "Play in the park", Tier: data.TierFlexible,
		StartsAt: ui.At(day, 10, 0), EndsAt: ui.At(day, 11, 0),
	}); err != nil {
		t.Fatal(err)
	}
	ts.jump(day)
	ts.openWorkForm(data.WorkBlock{StartsAt: ui.At(day, 9, 30), EndsAt: ui.At(day, 10, 30)})
	test.Type(ts.workForm.title, "Call")
	test.Tap(ts.workForm.saveButton)
	uitest.MustContain(t, uitest.OverlayText(u.Host), "A make-up note was added", "Play in the park")
	uitest.FindButton(t, ts.agenda, "To make up (1)")
	uitest.MustContain(t, uitest.VisibleText(ts.agenda), "Make up for “Play in the park”", "took “Play in the park”")
	notes, _ := s.OpenMakeUps()
	if len(notes) != 1 {
		t.Fatalf("notes %+v", notes)
	}
	test.Tap(uitest.FindButton(t, ts.agenda, "Made up"))
	if notes, _ := s.OpenMakeUps(); len(notes) != 0 {
		t.Errorf("still open: %+v", notes)
	}
	if strings.Contains(uitest.VisibleText(ts.agenda), "To make up") {
		t.Error("the card stays after the last note was made up")
	}
}

func TestMarkOccurrencesAndSeeTheKeptRecord(t *testing.T) {
	_, s, ts := openTiers(t)
	first := ui.Midnight(time.Now()).AddDate(0, 0, -3)
	c, err := s.SaveCommitment(data.Commitment{
		Title: "Bedtime story", Tier: data.TierHighPriority,
		StartsAt: ui.At(first, 0, 30), EndsAt: ui.At(first, 1, 0), RRule: "FREQ=DAILY",
	})
	if err != nil {
		t.Fatal(err)
	}
	ts.jump(first)
	occ, _ := s.Occurrences(first, first.AddDate(0, 0, 3))
	if len(occ) != 3 {
		t.Fatalf("%d occurrences", len(occ))
	}
	for i, o := range occ {
		label := "Kept it"
		if i == 1 {
			label = "Missed it"
		}
		item := uitest.MenuItem(t, ts.occurrenceMenu(o), label)
		item.Action()
	}
	kept, of, _ := s.KeptRecord(c.ID, 10)
	if kept != 2 || of != 3 {
		t.Errorf("kept %d of %d", kept, of)
	}
	uitest.MustContain(t, uitest.VisibleText(ts.agenda), "✓ Kept", "✗ Missed")
	if got := commitmentDetail(ts.snapshot.commitments[0], ts.snapshot.kept[c.ID]); !strings.HasPrefix(got, "Kept 2 of the last 3") {
		t.Errorf("side list detail %q", got)
	}
	// A future occurrence can only be moved or skipped.
	future, _ := s.Occurrences(first.AddDate(0, 0, 5), first.AddDate(0, 0, 6))
	menu := ts.occurrenceMenu(future[0])
	for _, it := range menu.Items {
		if it.Label == "Kept it" || it.Label == "Missed it" {
			t.Error("kept/missed offered for a future occurrence")
		}
	}
	uitest.MenuItem(t, menu, "Skip this one").Action()
	if again, _ := s.Occurrences(first.AddDate(0, 0, 5), first.AddDate(0, 0, 6)); len(again) != 0 {
		t.Error("skipping didn't take it out")
	}
}

func TestJumpWithTheCalendar(t *testing.T) {
	_, s, ts := openTiers(t)
	if _, err := s.SaveCommitment(data.Commitment{Title: "Dentist", Tier: 1, StartsAt: time.Date(2031, 5, 6, 9, 0, 0, 0, time.Local), EndsAt: time.Date(2031, 5, 6, 10, 0, 0, 0, time.Local)}); err != nil {
		t.Fatal(err)
	}
	ts.calendar.Pick(time.Date(2031, 5, 1, 0, 0, 0, 0, time.Local))
	uitest.MustContain(t, ts.rangeText.Text, "Thu 1 May", "Wed 14 May 2031")
	uitest.MustContain(t, uitest.VisibleText(ts.agenda), "Dentist", "Tuesday 6 May 2031")
}
