package e2e

import (
	"image"
	"strconv"
	"testing"
	"time"
)

func (s *session) journal() {
	s.t.Helper()
	s.runs("View/Journal", "ctrl+1")
	// The wheel over the story scrolls the editor (the view changes).
	trigger := s.focusAfter("ctrl+n")
	s.typ("The deadline moved onto pickup")
	story := s.focusAfter("Tab")
	if story.int("y") <= trigger.int("y") {
		s.t.Fatalf("Tab from the first question went to %v", story.attr)
	}
	area := imageRect(s, trigger.int("x"), trigger.int("y")-60, story.int("w"), 400)
	before := s.d.screenshot(s.t)
	s.wheel(story.int("x")+story.int("w")/2, story.int("y")+story.int("h")/2, true, 5)
	after := s.d.screenshot(s.t)
	if changed(before, after, area) < 500 {
		s.t.Error("the wheel over the story did not scroll the editor")
	}
	// Space on "guilt", then Tab, stays in the form.
	s.tabTo("button", "Something I did: guilt", false)
	s.key("space")
	if f := s.focusAfter("Tab"); f.attr["label"] != "Who I am: shame" {
		s.t.Errorf("Space on guilt, then Tab, went to the %s %q", f.attr["widget"], f.attr["label"])
	}
	// Esc keeps the draft; the draft can be discarded, after a question.
	s.runs("File/New journal entry", "ctrl+n")
	s.key("Escape")
	s.pressOpens("Discard…", "discard-draft")
	s.closes("discard-draft", "Escape")
	s.pressOpens("Discard…", "discard-draft")
	s.closes("discard-draft", "Return")

	// The entry to the trash, back with Ctrl+Z, to the trash again, and
	// the trash emptied.
	s.openEntryFromList()
	s.press("Move to trash")
	s.settle() // the move is done off the main goroutine: Ctrl+Z waits for it
	s.runs("Edit/Undo the move to the trash", "ctrl+z")
	s.settle()
	s.press("Move to trash")
	s.settle()
	s.press("Trash (1)")
	s.pressOpens("Empty trash…", "empty-trash")
	s.closes("empty-trash", "Return")
}

func (s *session) slips() {
	s.t.Helper()
	s.pressOpens("All slips", "slips")
	s.settle() // the slips are read
	s.pressOpens("Edit", "edit-slip")
	s.typ(" Today too.")
	s.opens("discard-changes", "Escape")
	s.closes("discard-changes", "Escape") // keep editing
	s.closes("edit-slip", "ctrl+s")
	s.settle() // the list is drawn again
	s.pressOpens("Delete", "delete-slip")
	s.closes("delete-slip", "Escape")
	s.closes("slips", "Escape")
}

func (s *session) tiers() {
	s.t.Helper()
	s.runs("View/Tiers", "ctrl+2")
	// The Tiers is reached backwards from nothing focused (Esc): the
	// toolbar, then the agenda from its end; forwards, Tab first crosses
	// the forty-odd days of the calendar.
	s.key("Escape")
	s.tabTo("button", "More", true)
	s.fromPopUp("Tiers", "Import a calendar file (.ics)…", "space")
	s.closes("open-file", "Escape")
	s.key("Escape")
	s.tabTo("button", "More", true)
	s.fromPopUp("Tiers", "Export busy times (.ics)…", "space")
	s.closes("ics-export", "Escape")
	s.key("Escape")
	s.tabTo("button", "More", true)
	s.fromPopUp("Tiers", "Working hours…", "space")
	s.closes("working-hours", "Return")

	// Work that lands on the flexible park time leaves a make-up note
	// (the form starts at the next full hour, where the park is).
	workDay := time.Now().Add(time.Hour).Format(longDay)
	s.key("Escape")
	s.tabTo("button", "Work block", true)
	s.opens("work-block", "space")
	s.typ("Acme")
	s.key("Tab")
	s.typ("Draft the quarterly report")
	s.opens("make-up", "Return")
	s.closes("make-up", "Escape")
	s.key("Escape")
	s.tabTo("button", "Actions for Draft the quarterly report on "+workDay, true)
	s.fromPopUp("Work block", "Move or change…", "space")
	s.closes("work-block", "Escape")
	s.key("Escape")
	s.tabTo("button", "Actions for Draft the quarterly report on "+workDay, true)
	s.fromPopUp("Work block", "Delete", "space")
	s.closes("delete-work-block", "Return")

	// A commitment: typed, Esc asks, "Close without saving"; then typed
	// again and saved with Enter.
	s.key("Escape")
	s.tabTo("button", "Commitment", true)
	s.opens("commitment", "space")
	s.typ("Sports day")
	s.opens("discard-changes", "Escape")
	s.press("Close without saving")
	s.events()
	s.key("Escape")
	s.tabTo("button", "Commitment", true)
	s.opens("commitment", "space")
	s.typ("Sports day")
	s.closes("commitment", "Return")

	// A date field's calendar: Down opens it, the arrows move, Enter
	// picks; its button opens it by the mouse, and Esc closes it.
	s.key("Escape")
	s.tabTo("button", "Commitment", true)
	s.opens("commitment", "space")
	field := s.tabTo("date", "", false)
	s.picker("shown", "Down")
	s.key("Right")
	picked := s.mark()
	s.picker("closed", "Return")
	s.waitFor(picked, "a day picked", func(e event) bool { return e.msg == "calendar picked" }, 5*time.Second)
	h := field.int("h")
	button := event{msg: "focus", attr: map[string]string{
		"widget": "button", "label": "Pick a date on the calendar",
		"x": strconv.Itoa(field.int("x") + field.int("w") - h), "y": field.attr["y"],
		"w": strconv.Itoa(h), "h": strconv.Itoa(h),
	}}
	s.clickFor(button, "the date picker from its button", func(e event) bool { return e.msg == "date picker shown" })
	s.picker("closed", "Escape")
	s.opens("discard-changes", "Escape")
	s.press("Close without saving")
	s.events()

	// Everything that can be done to today's swimming lesson.
	today := time.Now().Format(longDay)
	occurrence := func(label string) {
		s.t.Helper()
		s.key("Escape") // nothing focused: Shift+Tab starts at the agenda's end
		s.tabTo("button", "Actions for Swimming lesson on "+today, true)
		s.fromPopUp("Occurrence", label, "space")
	}
	occurrence("Kept it")
	occurrence("Clear what I recorded")
	occurrence("Missed it")
	occurrence("Move to another time…")
	s.closes("moved", "Escape")
	occurrence("Plan for next time…")
	s.closes("new-protocol", "Escape")
	occurrence("Edit the commitment…")
	s.pressOpens("Delete", "delete-commitment")
	s.closes("delete-commitment", "Escape")
	s.closes("commitment", "Escape")
	occurrence("Delete the commitment…")
	s.closes("delete-commitment", "Escape")
	occurrence("Skip this one")
}

func (s *session) protocols() {
	s.t.Helper()
	s.runs("View/Protocols", "ctrl+3")
	// The triage, before any urgency question: define them first.
	s.pressOpens("Urgent client request…", "urgency-first")
	s.opens("urgency", "Return")
	s.press("Start from suggested questions")
	s.settle()
	s.opens("triage", "ctrl+s")
	s.typ("Acme")
	s.opens("discard-changes", "Escape")
	s.press("Close without saving")
	s.events()

	s.pressOpens("Blank protocol…", "new-protocol")
	s.typ("Next time a call lands on dinner")
	s.key("Tab")
	s.typ("Put dinner in the calendar as non-negotiable")
	s.closes("new-protocol", "ctrl+s")
	s.settle()
	s.pressOpens("Edit", "edit-step")
	s.closes("edit-step", "Escape")
	s.pressOpens("Delete protocol", "delete-protocol")
	s.closes("delete-protocol", "Return")
	s.runs("Edit/Undo the move to the trash", "ctrl+z")
	s.settle()
	s.key("Escape") // back to the overview
	s.settle()
	// A template asks for the plan's name before it makes one.
	s.pressOpens("Deadlines come with a buffer…", "new-protocol")
	s.closes("new-protocol", "Escape")

	s.press("Open Deadlines come with a buffer")
	s.pressOpens("Set a default buffer…", "default-buffer")
	s.closes("default-buffer", "Escape")
	// The school dates protocol's step opens the calendar picker too.
	s.key("Escape")
	s.settle()
	s.press("Open School dates go in first")
	s.pressOpens("Import a school calendar (.ics)…", "open-file")
	s.closes("open-file", "Escape")
}

func (s *session) compassion() {
	s.t.Helper()
	s.runs("View/Compassion", "ctrl+4")
	s.pressOpens("Delete", "delete-reframe")
	s.closes("delete-reframe", "Escape")
}

// imageRect is a rectangle of the window, in screen pixels.
func imageRect(s *session, x, y, w, h int) image.Rectangle {
	return image.Rect(s.x+x, s.y+max(0, y), s.x+x+w, s.y+max(0, y)+h)
}

// changed counts the pixels of r that differ between two screenshots.
func changed(a, b image.Image, r image.Rectangle) int {
	n := 0
	r = r.Intersect(a.Bounds()).Intersect(b.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				n++
			}
		}
	}
	return n
}

// longDay is how the window names a day in full under the tests' locale
// (en_US): "Sunday, December 6".
const longDay = "Monday, January 2"

// picker presses keys and waits for the date picker to be shown or closed.
func (s *session) picker(what string, keys ...string) {
	s.t.Helper()
	from := s.mark()
	s.key(keys...)
	s.waitFor(from, "the date picker "+what, func(e event) bool { return e.msg == "date picker "+what }, 10*time.Second)
}

// openEntryFromList tabs to the journal's list and opens the entry there
// with Space, waiting until the reading pane shows it. Right after a
// restore the list may still be reloading, which drops a selection made
// meanwhile: then it tries again.
func (s *session) openEntryFromList() {
	s.t.Helper()
	for attempt := 1; ; attempt++ {
		s.tabTo("list", "", false)
		from := s.mark()
		s.key("space")
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			s.events()
			for _, e := range s.log[from:] {
				if e.msg == "entry shown" {
					return
				}
			}
			s.alive()
		}
		if attempt == 3 {
			s.t.Fatalf("Space on the journal's list opened no entry, three times; the log ends:\n%s", tail(s.a.output(), 30))
		}
	}
}

// clearOfMidnight waits, when local midnight is less than within away,
// until it has passed: for a test whose steps name today's date.
func clearOfMidnight(t *testing.T, within time.Duration) {
	t.Helper()
	now := time.Now()
	midnight := time.Date(now.Year(), now.Month(), now.Day()+1, 0, 0, 0, 0, time.Local)
	if wait := midnight.Sub(now); wait < within {
		t.Logf("midnight is %v away: starting after it", wait.Round(time.Second))
		time.Sleep(wait + 5*time.Second)
	}
}
