package plan

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/zone"
)

func newCommitmentForm(t *testing.T) (*testWindow, *data.Store, *commitmentForm, *[]data.Commitment) {
	t.Helper()
	u, s := newTestUI(t)
	var saved []data.Commitment
	start := ui.At(uitest.WeekdayAfter(1), 18, 0)
	f := u.plan.showCommitmentForm(data.Commitment{Tier: data.TierHighPriority, StartsAt: start, EndsAt: start.Add(time.Hour)},
		func(c data.Commitment) { saved = append(saved, c) })
	return u, s, f, &saved
}

func TestCommitmentFormRefusesAndKeepsWhatWasTyped(t *testing.T) {
	_, s, f, saved := newCommitmentForm(t)
	test.Tap(f.saveButton)
	if !f.msgs[data.FieldTitle].Visible() || !strings.Contains(f.msgs[data.FieldTitle].Text, "title") {
		t.Errorf("no message under the title: %q", f.msgs[data.FieldTitle].Text)
	}
	test.Type(f.title, "Family dinner")
	uitest.SetText(f.from, "25:00")
	test.Tap(f.saveButton)
	if !f.msgs[data.FieldStartsAt].Visible() || !strings.Contains(f.msgs[data.FieldStartsAt].Text, "18:00") {
		t.Errorf("bad start time: %q", f.msgs[data.FieldStartsAt].Text)
	}
	if f.msgs[data.FieldTitle].Visible() {
		t.Error("the old message stayed")
	}
	f.repeat.SetSelected("Every week")
	f.days.SetSelected(nil)
	uitest.SetText(f.from, "6pm")
	test.Tap(f.saveButton)
	if !strings.Contains(f.msgs[data.FieldRRule].Text, "days of the week") {
		t.Errorf("weekly with no days: %q", f.msgs[data.FieldRRule].Text)
	}
	if list, _ := s.Commitments(); len(list) != 0 || len(*saved) != 0 {
		t.Errorf("stored %v", list)
	}
	if f.title.Text != "Family dinner" || f.from.Text != "6pm" {
		t.Error("typed text was lost")
	}
}

func TestCommitmentFormRepeatsAndSkips(t *testing.T) {
	u, s, f, saved := newCommitmentForm(t)
	test.Type(f.title, "Swimming")
	f.tier.SetSelected(tierChoices[0])
	f.repeat.SetSelected("Every week")
	f.days.SetSelected([]string{"Thu", "Mon"})
	f.ends.SetSelected(endChoices[2])
	test.Type(f.count, "8")
	if !f.daysRow.Visible() || !f.countBox.Visible() || f.untilBox.Visible() {
		t.Error("the weekly fields aren't the ones shown")
	}
	test.Tap(f.saveButton)
	if len(*saved) != 1 {
		t.Fatalf("not saved: %v", f.msgs)
	}
	c := (*saved)[0]
	if c.RRule != "FREQ=WEEKLY;BYDAY=MO,TH;COUNT=8" || c.Tier != data.TierNonNegotiable || c.TimeZone != zone.Local() {
		t.Errorf("stored %+v", c)
	}
	occ, _ := s.Occurrences(c.StartsAt.AddDate(0, 0, -1), c.StartsAt.AddDate(0, 6, 0))
	if len(occ) != 8 {
		t.Errorf("%d occurrences of COUNT=8", len(occ))
	}
	if err := s.SkipOccurrence(c.ID, occ[1].OccursAt); err != nil {
		t.Fatal(err)
	}

	// Editing shows the rule and the skipped date, which can come back.
	c, _ = s.Commitment(c.ID)
	g := u.plan.showCommitmentForm(c, func(c data.Commitment) { *saved = append(*saved, c) })
	if g.repeat.Selected != "Every week" || strings.Join(g.days.Selected, ",") != "Mon,Thu" || g.count.Text != "8" {
		t.Errorf("edit form shows %q %v %q", g.repeat.Selected, g.days.Selected, g.count.Text)
	}
	uitest.MustContain(t, uitest.VisibleText(g.skipped), "Skipped:")
	test.Tap(uitest.FindButton(t, g.skipped, "Bring back"))
	g.ends.SetSelected(endChoices[1])
	until := c.StartsAt.AddDate(0, 1, 0)
	g.until.SetDate(&until)
	test.Tap(g.saveButton)
	back, _ := s.Commitment(c.ID)
	if len(back.ExDates) != 0 || !strings.Contains(back.RRule, "UNTIL=") || strings.Contains(back.RRule, "COUNT") {
		t.Errorf("after the edit %+v", back)
	}
}

func TestCommitmentFormKeepsAnImportedRule(t *testing.T) {
	u, s := newTestUI(t)
	start := ui.At(uitest.WeekdayAfter(1), 17, 0)
	c, err := s.SaveCommitment(data.Commitment{Title: "Cubs", Tier: 2, StartsAt: start, EndsAt: start.Add(time.Hour), RRule: "FREQ=MONTHLY;BYDAY=2TU"})
	if err != nil {
		t.Fatal(err)
	}
	f := u.plan.showCommitmentForm(c, nil)
	if f.repeat.Selected != repeatCustom || f.endRow.Visible() {
		t.Errorf("custom rule shown as %q", f.repeat.Selected)
	}
	uitest.SetText(f.title, "Cubs (Tuesday)")
	test.Tap(f.saveButton)
	back, _ := s.Commitment(c.ID)
	if back.RRule != "FREQ=MONTHLY;BYDAY=2TU" || back.Title != "Cubs (Tuesday)" {
		t.Errorf("after editing %+v", back)
	}
}

func TestCommitmentFormAllDay(t *testing.T) {
	_, _, f, saved := newCommitmentForm(t)
	test.Type(f.title, "School trip")
	f.allDay.SetChecked(true)
	if f.timeRow.Visible() || !f.lastDayRow.Visible() {
		t.Error("all-day fields not shown")
	}
	first := time.Date(2031, 6, 10, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 0, 2)
	f.date.SetDate(&first)
	f.lastDay.SetDate(&last)
	test.Tap(f.saveButton)
	if len(*saved) != 1 {
		t.Fatal("not saved")
	}
	c := (*saved)[0]
	if !c.AllDay || !c.StartsAt.Equal(first) || !c.EndsAt.Equal(first.AddDate(0, 0, 3)) {
		t.Errorf("stored %v – %v", c.StartsAt, c.EndsAt)
	}
}

func TestCommitmentFormDelete(t *testing.T) {
	u, s := newTestUI(t)
	start := ui.At(uitest.WeekdayAfter(1), 17, 0)
	c, _ := s.SaveCommitment(data.Commitment{Title: "Piano", Tier: 3, StartsAt: start, EndsAt: start.Add(time.Hour)})
	deleted := false
	f := u.plan.showCommitmentForm(c, func(c data.Commitment) { deleted = c.ID == 0 })
	test.Tap(uitest.FindButton(t, u.Win.Canvas().Overlays().Top(), "Delete"))
	uitest.MustContain(t, uitest.OverlayText(u.Host), "Delete “Piano”?", "kept record")
	test.Tap(uitest.FindButton(t, u.Win.Canvas().Overlays().Top(), "Delete"))
	if _, err := s.Commitment(c.ID); err == nil || !deleted {
		t.Errorf("not deleted: %v %v", err, deleted)
	}
	_ = f
}
