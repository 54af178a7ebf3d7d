package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/data"
)

func TestSuggestedQuestionsAreAddedOnce(t *testing.T) {
	u, s, p := openProtocols(t)
	test.Tap(findButton(t, u.win.Content(), "My urgency questions…"))
	starter := findButton(t, u.win.Canvas().Overlays().Top(), "Start from suggested questions")
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

// Questions added to the list push what follows them down, so nothing is
// drawn over them.
func TestAddedQuestionsMoveTheRestDown(t *testing.T) {
	u, _, p := openProtocols(t)
	test.Tap(findButton(t, u.win.Content(), "My urgency questions…"))
	top := u.win.Canvas().Overlays().Top()
	test.Tap(findButton(t, top, "Start from suggested questions"))
	add := findButton(t, top, "Add a question")
	rows := p.urgency.rows
	below := fyne.CurrentApp().Driver().AbsolutePositionForObject(add).Y
	end := fyne.CurrentApp().Driver().AbsolutePositionForObject(rows).Y + rows.MinSize().Height
	if below < end {
		t.Errorf("the buttons (y %.0f) are drawn over the questions (ending at y %.0f)", below, end)
	}
}
