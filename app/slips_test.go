package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/assets"
)

func TestReadAndCycleFromTheStrip(t *testing.T) {
	u, s := newTestUI(t)
	s.AddSlip("First.", true)
	s.AddSlip("Second.", false)
	u.loadStrip()
	full := u.strip.MinSize().Height

	test.Tap(uitest.FindButton(t, u.Win.Content(), "I read it"))
	rec, _ := s.Readings(7)
	if !rec.ReadToday {
		t.Fatal("reading not recorded")
	}
	// Read: the strip folds to one line, the slip still in view.
	if !u.strip.Folded() || u.strip.MinSize().Height >= full/2 {
		t.Errorf("the strip did not fold to a line once read (%.0f, was %.0f)", u.strip.MinSize().Height, full)
	}
	uitest.MustContain(t, uitest.VisibleText(u.Win.Content()), "First.")
	test.Tap(uitest.FindIconButton(t, u.Win.Content(), "Show the whole slip"))
	if !strings.HasPrefix(rec.String(), "Read this ") {
		t.Fatalf("record %q", rec.String())
	}
	uitest.MustContain(t, uitest.VisibleText(u.Win.Content()), rec.String())
	if b := uitest.FindButton(t, u.Win.Content(), "Read today"); !b.Disabled() {
		t.Error("can read twice")
	}
	test.Tap(uitest.FindIconButton(t, u.Win.Content(), "Fold the slip to one line"))

	// The next slip is one click away on the folded line.
	test.Tap(uitest.FindIconButton(t, u.Win.Content(), "Next slip"))
	if p, _, _ := s.PinnedSlip(); p.Text != "Second." || u.strip.Text() != "Second." {
		t.Errorf("after Next: stored %q, shown %q", p.Text, u.strip.Text())
	}
	if !u.strip.Folded() {
		t.Error("the strip unfolded for the next slip")
	}
	uitest.MustContain(t, uitest.VisibleText(u.Win.Content()), "Second.")
}

func TestSlipsDialogAddEditDeleteAndIdeas(t *testing.T) {
	u, s := newTestUI(t)
	s.AddSlip("Pinned one.", true)
	u.loadStrip()
	test.Tap(uitest.FindButton(t, u.Win.Content(), "All slips"))
	top := u.Win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(uitest.VisibleText(top), "Pinned one.") {
		t.Fatal("the slips dialog does not list the slip")
	}

	// An idea only fills the field; nothing is stored until Add.
	idea := assets.SlipSuggestions()[0]
	test.Tap(uitest.FindButton(t, top, idea))
	if list, _ := s.Slips(); len(list) != 1 {
		t.Fatalf("an idea was stored by itself: %d slips", len(list))
	}
	test.Tap(uitest.FindButton(t, top, "Add"))
	list, _ := s.Slips()
	if len(list) != 2 || list[1].Text != idea || list[1].Pinned {
		t.Fatalf("after Add: %+v", list)
	}

	// Too long: refused beside the field, text kept.
	add := uitest.FindEntry(t, top, "A new sentence you need to hear")
	long := strings.Repeat("x", 300)
	add.SetText(long)
	test.Tap(uitest.FindButton(t, top, "Add"))
	if add.Text != long || !strings.Contains(uitest.VisibleText(top), "up to 280 characters") {
		t.Errorf("long slip: entry %d chars, text:\n%s", len(add.Text), uitest.VisibleText(top))
	}
}
