package plan

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
)

func TestSuggestedQuestionsAreAddedOnce(t *testing.T) {
	u, s, p := openProtocols(t)
	test.Tap(uitest.FindButton(t, u.Win.Content(), "My urgency questions…"))
	starter := uitest.FindButton(t, u.Win.Canvas().Overlays().Top(), "Start from suggested questions")
	test.Tap(starter)
	test.Tap(starter)
	want := len(data.StarterCriteria())
	if len(p.urgency.items) != want {
		t.Fatalf("%d questions listed, want %d", len(p.urgency.items), want)
	}
	test.Tap(p.urgency.save)
	if list, _ := s.UrgencyCriteria(); len(list) != want {
		t.Errorf("%d questions stored, want %d", len(list), want)
	}
}

func TestOneUrgencyQuestionIsCountedInTheSingular(t *testing.T) {
	u, s, p := openProtocols(t)
	if _, err := s.SaveUrgency([]data.UrgencyCriterion{{Question: "Will someone lose money today if it waits?"}}, data.UrgencyRule{}); err != nil {
		t.Fatal(err)
	}
	p.Load()
	uitest.MustContain(t, uitest.VisibleText(u.Win.Content()), "1 question; urgent when any answer is yes.")
}
