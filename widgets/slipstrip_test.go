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
