package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
)

// TestEntryAboutACommitmentShowsItsKeptRecord links an entry to a weekly
// commitment and finds its record beside the friend question, in the
// stored entry and in the entry's view.
func TestEntryAboutACommitmentShowsItsKeptRecord(t *testing.T) {
	u, s, j := newJournalUI(t)
	start := time.Now().AddDate(0, 0, -70).Truncate(24 * time.Hour).Add(18 * time.Hour)
	c, err := s.SaveCommitment(data.Commitment{
		Title: "Family dinner", Tier: data.TierHighPriority, StartsAt: start, EndsAt: start.Add(time.Hour),
		TimeZone: "UTC", RRule: "FREQ=WEEKLY",
	})
	if err != nil {
		t.Fatal(err)
	}
	for week := range 10 {
		outcome := data.OutcomeKept
		if week == 4 {
			outcome = data.OutcomeMissed
		}
		if err := s.SetOutcome(c.ID, start.AddDate(0, 0, 7*week), outcome, nil); err != nil {
			t.Fatal(err)
		}
	}

	j.newEntry()
	e := j.editor
	if e == nil {
		t.Fatal("no editor")
	}
	e.about.sel.SetSelected("Family dinner · tier 2")
	uitest.MustContain(t, uitest.VisibleText(u.Win.Content()), "you kept “Family dinner” 9 of the last 10 times")

	test.Type(e.trigger, "Worked through dinner again")
	test.Type(e.friend, "You are there most weeks.")
	e.save()
	page, err := s.EntryPage(data.EntryFilter{}, nil, 5)
	if err != nil || len(page.Rows) != 1 {
		t.Fatalf("rows %+v, %v", page.Rows, err)
	}
	stored, _ := s.Entry(page.Rows[0].ID)
	if stored.CommitmentID == nil || *stored.CommitmentID != c.ID {
		t.Fatalf("commitment not stored: %v", stored.CommitmentID)
	}
	uitest.MustContain(t, uitest.VisibleText(u.Win.Content()), "9 of the last 10 times")

	// Unlinking in an edit stores no commitment.
	j.editEntry(stored.ID)
	j.editor.about.sel.SetSelected(noCommitment)
	j.editor.save()
	if again, _ := s.Entry(stored.ID); again.CommitmentID != nil {
		t.Error("unlinking did not stick")
	}
}
