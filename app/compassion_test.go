package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/app/instance"
	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/widgets"
)

// findTextArea returns the visible text area with the given placeholder.
func findTextArea(t *testing.T, u *UI, placeholder string) *widgets.Entry {
	t.Helper()
	var found *widgets.Entry
	uitest.Walk(u.Win.Content(), func(o fyne.CanvasObject) bool {
		a, ok := o.(*widgets.Entry)
		if ok && a.Visible() && a.PlaceHolder == placeholder && found == nil {
			found = a
		}
		return found == nil && o.Visible()
	})
	if found == nil {
		t.Fatalf("no visible text area %q in:\n%s", placeholder, uitest.ShownText(u.Host))
	}
	return found
}

func TestTrayBreakSavesEachStepAndEndsCalmly(t *testing.T) {
	u, s := newTestUI(t)
	u.Win.Hide()
	u.request(instance.Compassion)
	text := uitest.ShownText(u.Host)
	uitest.MustContain(t, text, "step 1 of 3", "Notice the moment", "This is a hard moment")

	test.Type(findTextArea(t, u, "Right now I feel…"), "Tired and guilty about bedtime.")
	test.Tap(uitest.FindAction(t, u.Host, "Next"))
	list, _ := s.Breaks(5)
	if len(list) != 1 || list[0].Acknowledge != "Tired and guilty about bedtime." || list[0].FinishedAt != nil {
		t.Fatalf("after step 1: %+v", list)
	}
	uitest.MustContain(t, uitest.ShownText(u.Host), "step 2 of 3", "You are not the only one")
	// Shift+Enter goes on from the keyboard, too.
	findTextArea(t, u, "Other parents in my place would also…").OnSubmitted("")
	uitest.MustContain(t, uitest.ShownText(u.Host), "step 3 of 3")
	test.Tap(uitest.FindAction(t, u.Host, "Back"))

	// Back shows the first answer again; forward again.
	test.Tap(uitest.FindAction(t, u.Host, "Back"))
	if a := findTextArea(t, u, "Right now I feel…"); a.Text != "Tired and guilty about bedtime." {
		t.Errorf("back to step 1 shows %q", a.Text)
	}
	test.Tap(uitest.FindAction(t, u.Host, "Next"))
	test.Type(findTextArea(t, u, "Other parents in my place would also…"), "Lots of parents juggle this.")
	test.Tap(uitest.FindAction(t, u.Host, "Next"))
	uitest.MustContain(t, uitest.ShownText(u.Host), "step 3 of 3", "Offer yourself kindness")
	test.Type(findTextArea(t, u, "May I…"), "May I be as patient with me as with them.")
	test.Tap(uitest.FindAction(t, u.Host, "Finish"))

	text = uitest.ShownText(u.Host)
	uitest.MustContain(t, text, "Thank you for stopping", "“May I be as patient with me as with them.”")
	for _, word := range []string{"score", "badge", "streak", "points"} {
		if strings.Contains(strings.ToLower(text), word) {
			t.Errorf("the calm finish mentions %q:\n%s", word, text)
		}
	}
	list, _ = s.Breaks(5)
	if len(list) != 1 || list[0].FinishedAt == nil || list[0].Normalise != "Lots of parents juggle this." || list[0].Kindness == "" {
		t.Fatalf("finished break: %+v", list)
	}
	// Done has the focus, so the keyboard ends the break too.
	done, ok := u.Win.Canvas().Focused().(*widgets.Button)
	if !ok || done.Text != "Done" {
		t.Fatalf("focused after Finish: %#v", u.Win.Canvas().Focused())
	}
	done.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	uitest.MustContain(t, uitest.ShownText(u.Host), "Your latest breaks", "“May I be as patient with me as with them.”")
}

func TestBreakLeftHalfWayIsKeptAndCarriedOn(t *testing.T) {
	u, s := newTestUI(t)
	c := u.compassion()
	c.startBreak(nil, "")
	test.Type(findTextArea(t, u, "Right now I feel…"), "Overwhelmed")
	test.Tap(uitest.FindAction(t, u.Host, "Not now"))
	list, _ := s.Breaks(5)
	if len(list) != 1 || list[0].Acknowledge != "Overwhelmed" {
		t.Fatalf("left half-way: %+v", list)
	}
	uitest.MustContain(t, uitest.ShownText(u.Host), "Left half-way.")
	test.Tap(uitest.FindAction(t, u.Host, "Carry on"))
	uitest.MustContain(t, uitest.ShownText(u.Host), "step 2 of 3")
}

func TestBreakRefusalKeepsTheText(t *testing.T) {
	u, s := newTestUI(t)
	u.compassion().startBreak(nil, "")
	area := findTextArea(t, u, "Right now I feel…")
	long := strings.Repeat("a", data.MaxFieldLen+1)
	area.SetText(long)
	test.Tap(uitest.FindAction(t, u.Host, "Next"))
	uitest.MustContain(t, uitest.ShownText(u.Host), "100,000", "step 1 of 3")
	if area.Text != long {
		t.Error("the text was lost")
	}
	if list, _ := s.Breaks(5); len(list) != 0 {
		t.Errorf("stored %d breaks", len(list))
	}
}

func TestShameRouteOpensABreakForTheEntryInTwoClicks(t *testing.T) {
	u, s, j := newJournalUI(t)
	uitest.Press(t, u.Host, shortcutNew)
	uitest.TypeText(u.Host, "Snapped at the kids during a call")
	test.Tap(uitest.FindAction(t, u.Host, kindChoiceLabels[data.KindShame])) // click 1
	test.Tap(uitest.FindAction(t, u.Host, "Take a self-compassion break"))   // click 2
	uitest.MustContain(t, uitest.ShownText(u.Host), "step 1 of 3", "For your entry", "“Snapped at the kids during a call”")
	if j.editor != nil {
		t.Error("the editor is still open: the entry was not saved first")
	}
	test.Type(findTextArea(t, u, "Right now I feel…"), "Ashamed")
	test.Tap(uitest.FindAction(t, u.Host, "Next"))
	list, _ := s.Breaks(5)
	page, _ := s.EntryPage(data.EntryFilter{}, nil, 10)
	if len(list) != 1 || len(page.Rows) != 1 || list[0].EntryID == nil || *list[0].EntryID != page.Rows[0].ID {
		t.Fatalf("break %+v for entries %+v", list, page.Rows)
	}
}

func TestOwnReframeIsSavedAndCountsWhatItHelped(t *testing.T) {
	u, s := newTestUI(t)
	c := u.compassion()
	u.ShowScreen(c)
	c.Load()
	uitest.MustContain(t, uitest.ShownText(u.Host), "From either/or to both/and", "Not marked on an entry yet")
	test.Tap(uitest.FindAction(t, u.Host, "Add your own reframe"))
	test.Tap(uitest.FindAction(t, u.Host, "Save reframe"))
	uitest.MustContain(t, uitest.ShownText(u.Host), "The old story is empty")
	test.Type(findTextArea(t, u, "The old story, as guilt tells it: “A good parent never…”"), "Good parents never miss a match.")
	test.Type(findTextArea(t, u, "The new story, truer and kinder: “I am…, and…”"), "I was at nine matches this term.")
	test.Tap(uitest.FindAction(t, u.Host, "Save reframe"))
	list, _ := s.Reframes()
	if len(list) != 5 || list[4].NewStory != "I was at nine matches this term." {
		t.Fatalf("reframes: %+v", list)
	}
	e, _ := s.SaveEntry(data.Entry{Trigger: "Missed the match", Intensity: 6, Kind: data.KindShame}, 0)
	s.LinkReframe(e.ID, &list[4].ID)
	c.Load()
	uitest.MustContain(t, uitest.ShownText(u.Host), "I was at nine matches this term.", "Helped with 1 entry")
}

func TestTrayBreakKeepsABreakAlreadyOpen(t *testing.T) {
	u, s := newTestUI(t)
	c := u.compassion()
	c.startBreak(nil, "")
	test.Type(findTextArea(t, u, "Right now I feel…"), "Frazzled")
	test.Tap(uitest.FindAction(t, u.Host, "Next"))
	test.Type(findTextArea(t, u, "Other parents in my place would also…"), "half a thought")
	u.request(instance.Compassion)
	if a := findTextArea(t, u, "Other parents in my place would also…"); a.Text != "half a thought" {
		t.Errorf("the open break was replaced: %q", a.Text)
	}

	// A break for an entry saves the open one first.
	e, _ := s.SaveEntry(data.Entry{Trigger: "Bedtime rush", Intensity: 8, Kind: data.KindShame}, 0)
	c.startBreak(&e.ID, entryAbout(e))
	uitest.MustContain(t, uitest.ShownText(u.Host), "For your entry", "Bedtime rush", "step 1 of 3")
	list, _ := s.Breaks(5)
	if len(list) != 1 || list[0].Normalise != "half a thought" {
		t.Errorf("the open break was not kept: %+v", list)
	}
	test.Tap(uitest.FindAction(t, u.Host, "Not now"))
	uitest.MustContain(t, uitest.ShownText(u.Host), "Left half-way.")
}

func TestShameEntryOffersTheBreakWhenReadAgain(t *testing.T) {
	u, s, j := newJournalUI(t)
	e, _ := s.SaveEntry(data.Entry{Trigger: "Shouted at breakfast", Intensity: 7, Kind: data.KindShame}, 0)
	j.Load()
	j.showEntry(e.ID, "")
	test.Tap(uitest.FindAction(t, u.Host, "Take a self-compassion break"))
	uitest.MustContain(t, uitest.ShownText(u.Host), "step 1 of 3", "“Shouted at breakfast”")
	test.Type(findTextArea(t, u, "Right now I feel…"), "Sorry and sad")
	test.Tap(uitest.FindAction(t, u.Host, "Next"))
	if list, _ := s.Breaks(1); len(list) != 1 || list[0].EntryID == nil || *list[0].EntryID != e.ID {
		t.Errorf("break not linked to the entry: %+v", list)
	}
	j.showTab()
	j.showEntry(e.ID, "")
	uitest.MustContain(t, uitest.ShownText(u.Host), "Break taken", "(left half-way)")
}

func TestOwnReframeIsEditedAndDeleted(t *testing.T) {
	u, s := newTestUI(t)
	own, err := s.SaveReframe(data.Reframe{OldStory: "Working means neglecting.", NewStory: "Working means providing."})
	if err != nil {
		t.Fatal(err)
	}
	c := u.compassion()
	u.ShowScreen(c)
	c.Load()
	test.Tap(uitest.FindAction(t, u.Host, "Edit"))
	area := findTextArea(t, u, "The new story, truer and kinder: “I am…, and…”")
	if area.Text != "Working means providing." {
		t.Fatalf("the form shows %q", area.Text)
	}
	area.SetText("Working is one of the ways I care for them.")
	test.Tap(uitest.FindAction(t, u.Host, "Save reframe"))
	if r, _ := s.Reframes(); r[4].ID != own.ID || r[4].NewStory != "Working is one of the ways I care for them." {
		t.Fatalf("after editing: %+v", r[4])
	}
	uitest.MustContain(t, uitest.ShownText(u.Host), "Working is one of the ways I care for them.")

	test.Tap(uitest.FindAction(t, u.Host, "Delete"))
	uitest.MustContain(t, uitest.TopText(u.Host), "Delete this reframe?")
	test.Tap(uitest.FindButton(t, u.Win.Canvas().Overlays().Top(), "Delete"))
	if r, _ := s.Reframes(); len(r) != 4 {
		t.Errorf("%d reframes after deleting the own one", len(r))
	}
	if strings.Contains(uitest.ShownText(u.Host), "Working is one of the ways") {
		t.Error("the deleted reframe still shows")
	}
}

// A break asked for while the date can't be read must not come back later:
// the next plain Save only saves.
func TestRefusedBreakRouteDoesNotOpenABreakOnTheNextSave(t *testing.T) {
	u, s, j := newJournalUI(t)
	uitest.Press(t, u.Host, shortcutNew)
	uitest.TypeText(u.Host, "Forgot the school form")
	test.Tap(uitest.FindAction(t, u.Host, kindChoiceLabels[data.KindShame]))
	j.editor.date.SetText("someday")
	test.Tap(uitest.FindAction(t, u.Host, "Take a self-compassion break"))
	uitest.MustContain(t, uitest.ShownText(u.Host), "“someday” doesn't read as a date")
	j.editor.date.SetText("2026-03-14")
	j.editor.save()
	if strings.Contains(uitest.ShownText(u.Host), "step 1 of 3") {
		t.Error("a plain Save opened the self-compassion break asked for before")
	}
	if page, _ := s.EntryPage(data.EntryFilter{}, nil, 10); len(page.Rows) != 1 {
		t.Fatalf("entries: %+v", page.Rows)
	}
}

// Save tapped twice before the first save comes back stores one reframe.
func TestOwnReframeSavedOnceWhenSaveIsTappedTwice(t *testing.T) {
	u, s := newTestUI(t)
	c := u.compassion()
	u.ShowScreen(c)
	c.Load()
	test.Tap(uitest.FindAction(t, u.Host, "Add your own reframe"))
	test.Type(findTextArea(t, u, "The old story, as guilt tells it: “A good parent never…”"), "I should always be free at 3.")
	test.Type(findTextArea(t, u, "The new story, truer and kinder: “I am…, and…”"), "I am there most days, and that counts.")
	q := &queue{}
	u.Async = func(f func()) { q.jobs = append(q.jobs, f) }
	save := uitest.FindAction(t, u.Host, "Save reframe")
	test.Tap(save)
	test.Tap(save)
	q.run()
	if list, _ := s.Reframes(); len(list) != 5 {
		t.Errorf("%d reframes stored, want the four built-in and one own", len(list))
	}
}

// Moving through the steps without writing anything stores nothing: an empty
// break left half-way would only clutter the list.
func TestBreakWithNothingWrittenIsNotStoredUntilFinished(t *testing.T) {
	u, s := newTestUI(t)
	u.compassion().startBreak(nil, "")
	test.Tap(uitest.FindAction(t, u.Host, "Next"))
	test.Tap(uitest.FindAction(t, u.Host, "Next"))
	test.Tap(uitest.FindAction(t, u.Host, "Back"))
	test.Tap(uitest.FindAction(t, u.Host, "Not now"))
	if list, _ := s.Breaks(5); len(list) != 0 {
		t.Fatalf("stored %+v", list)
	}
	if strings.Contains(uitest.ShownText(u.Host), "Left half-way.") {
		t.Error("an empty break is offered to carry on")
	}
}

// Esc in a step is "Not now": the break closes, keeping what was written.
func TestEscClosesTheBreakKeepingTheText(t *testing.T) {
	u, s := newTestUI(t)
	u.compassion().startBreak(nil, "")
	area := findTextArea(t, u, "Right now I feel…")
	test.Type(area, "Stretched thin")
	u.Win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	uitest.MustContain(t, uitest.ShownText(u.Host), "Left half-way.")
	if list, _ := s.Breaks(5); len(list) != 1 || list[0].Acknowledge != "Stretched thin" {
		t.Fatalf("breaks: %+v", list)
	}
}

// Carrying on with a break for an entry still names the entry.
func TestCarriedOnBreakStillNamesItsEntry(t *testing.T) {
	u, s := newTestUI(t)
	e, _ := s.SaveEntry(data.Entry{Trigger: "Cancelled the zoo trip", Intensity: 7, Kind: data.KindShame}, 0)
	c := u.compassion()
	c.startBreak(&e.ID, entryAbout(e))
	test.Type(findTextArea(t, u, "Right now I feel…"), "Let down by myself")
	test.Tap(uitest.FindAction(t, u.Host, "Not now"))
	test.Tap(uitest.FindAction(t, u.Host, "Carry on"))
	uitest.MustContain(t, uitest.ShownText(u.Host), "step 2 of 3", "For your entry", "“Cancelled the zoo trip”")
}

// A reframe added while a shame entry is being written is offered on it.
func TestOpenShameEntryOffersAReframeAddedMeanwhile(t *testing.T) {
	u, s, j := newJournalUI(t)
	uitest.Press(t, u.Host, shortcutNew)
	uitest.TypeText(u.Host, "Missed the nativity play")
	test.Tap(uitest.FindAction(t, u.Host, kindChoiceLabels[data.KindShame]))
	if _, err := s.SaveReframe(data.Reframe{OldStory: "Good parents see every show.", NewStory: "I see the child, not just the show."}); err != nil {
		t.Fatal(err)
	}
	u.compassion().reframesChanged()
	if j.editor == nil {
		t.Fatal("the editor closed")
	}
	uitest.MustContain(t, uitest.ShownText(u.Host), "I see the child, not just the show.")
}
