package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func newStripWindow(t *testing.T) (*SlipStrip, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	s := NewSlipStrip()
	w := test.NewWindow(s)
	w.Resize(fyne.NewSize(640, 160))
	t.Cleanup(w.Close)
	return s, w
}

func TestSlipStripEmptyInvites(t *testing.T) {
	_, w := newStripWindow(t)
	test.AssertRendersToMarkup(t, "slipstrip/empty.xml", w.Canvas())
}

func TestSlipStripWriteCallsBackAndKeepsText(t *testing.T) {
	s, _ := newStripWindow(t)
	var got string
	s.OnWrite = func(text string) { got = text }
	test.Type(s.Entry(), "Rest is part of the work.")
	s.Entry().OnSubmitted(s.Entry().Text)
	if got != "Rest is part of the work." {
		t.Errorf("OnWrite got %q", got)
	}
	s.ShowError("Couldn't save the slip.")
	if s.Entry().Text != "Rest is part of the work." {
		t.Error("the typed text was cleared before the slip was shown")
	}
	s.SetSlip("Rest is part of the work.")
	if s.Entry().Text != "" || s.Text() != "Rest is part of the work." {
		t.Errorf("after SetSlip: entry %q, text %q", s.Entry().Text, s.Text())
	}
}

func TestSlipStripPinnedWithRecord(t *testing.T) {
	s, w := newStripWindow(t)
	reads := 0
	s.OnRead = func() { reads++ }
	s.OnNext = func() {}
	s.OnManage = func() {}
	s.SetSlip("I'm allowed to enjoy my work.")
	s.SetCanCycle(true)
	s.SetRecord("Read on 4 of the last 7 mornings", false)
	test.AssertRendersToMarkup(t, "slipstrip/pinned.xml", w.Canvas())

	test.Tap(s.readButton)
	if reads != 1 {
		t.Errorf("OnRead called %d times", reads)
	}
	s.SetRecord("Read on 5 of the last 7 mornings", true)
	if !s.readButton.Disabled() || s.readButton.Text != "Read today" {
		t.Error("today's reading is not shown as done")
	}
}

// Once today's reading is recorded the strip folds to one line, the slip
// and its actions still there; it unfolds and folds again on request.
func TestSlipStripFoldsOnceRead(t *testing.T) {
	s, w := newStripWindow(t)
	nexts, manages := 0, 0
	s.OnRead = func() {}
	s.OnNext = func() { nexts++ }
	s.OnManage = func() { manages++ }
	s.SetSlip("I'm allowed to enjoy my work.")
	s.SetCanCycle(true)
	s.SetRecord("Read on 4 of the last 7 days", false)
	full := s.MinSize().Height
	if s.Folded() {
		t.Fatal("folded before today's reading")
	}
	s.SetRecord("Read on 5 of the last 7 days", true)
	if !s.Folded() {
		t.Fatal("not folded after today's reading")
	}
	if h := s.MinSize().Height; h > full/2 || h > 48 {
		t.Errorf("the folded strip is %.0f high (unfolded %.0f): not one line", h, full)
	}
	test.AssertRendersToMarkup(t, "slipstrip/folded.xml", w.Canvas())
	if s.line.Text != "I'm allowed to enjoy my work." {
		t.Errorf("the folded line shows %q", s.line.Text)
	}
	test.Tap(s.lineNext)
	test.Tap(s.lineManage)
	if nexts != 1 || manages != 1 {
		t.Errorf("from the folded line: next %d, all slips %d", nexts, manages)
	}
	test.Tap(s.unfoldButton)
	if s.Folded() || !s.shown.Visible() {
		t.Fatal("Show the whole slip did not unfold it")
	}
	test.Tap(s.foldButton)
	if !s.Folded() {
		t.Fatal("folding it again did not")
	}
}
