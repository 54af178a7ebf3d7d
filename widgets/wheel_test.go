package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// form is a tall form of fields in a scroll container, like the editor.
func form(t *testing.T, fields ...fyne.CanvasObject) (fyne.Window, *container.Scroll) {
	t.Helper()
	test.NewTempApp(t)
	box := container.NewVBox()
	for _, f := range fields {
		spacer := NewTextArea()
		spacer.SetMinRowsVisible(6)
		box.Add(spacer)
		box.Add(f)
	}
	s := container.NewVScroll(box)
	w := test.NewWindow(s)
	w.Resize(fyne.NewSize(400, 300))
	return w, s
}

func TestTheWheelOverAFieldScrollsTheForm(t *testing.T) {
	short, date := NewTextArea(), NewDateEntry()
	short.SetMinRowsVisible(3)
	short.SetText("Missed the school play")
	w, s := form(t, short, NewEntry(), date)
	defer w.Close()
	d := fyne.CurrentApp().Driver()
	for _, f := range []fyne.CanvasObject{short, date} {
		s.ScrollToTop()
		// Bring the field under the pointer without scrolling the form by
		// the wheel: the form starts at the top, the field lower down.
		pos := d.AbsolutePositionForObject(f).Add(fyne.NewPos(10, 10))
		if pos.Y > s.Size().Height {
			s.Offset.Y = pos.Y - s.Size().Height/2
			s.Refresh()
			pos = d.AbsolutePositionForObject(f).Add(fyne.NewPos(10, 10))
		}
		before, dy := s.Offset.Y, float32(-40) // down
		if before > 0 {
			dy = 40 // up
		}
		test.Scroll(w.Canvas(), pos, 0, dy)
		if s.Offset.Y == before {
			t.Errorf("%T: the wheel over it left the form at %v", f, s.Offset.Y)
		}
	}
}

func TestTheWheelScrollsAFieldWithMoreTextThanItShows(t *testing.T) {
	long := NewTextArea()
	long.SetMinRowsVisible(3)
	long.SetText(strings.Repeat("A line about the day.\n", 30))
	w, s := form(t, long)
	defer w.Close()
	s.ScrollToTop()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(long).Add(fyne.NewPos(10, 10))
	test.Scroll(w.Canvas(), pos, 0, -40)
	if s.Offset.Y != 0 {
		t.Errorf("the form scrolled to %v while the field had text to show", s.Offset.Y)
	}
}

func TestTheFocusScrollsItsWidgetIntoView(t *testing.T) {
	last := NewButton("Save", nil)
	w, s := form(t, NewEntry(), NewEntry(), NewCheck("Tick", nil), last)
	defer w.Close()
	s.ScrollToTop()
	w.Canvas().Focus(last)
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(last).Y - d.AbsolutePositionForObject(s).Y
	if y < 0 || y+last.Size().Height > s.Size().Height {
		t.Errorf("the focused button is at y %v, outside the view (height %v, offset %v)", y, s.Size().Height, s.Offset.Y)
	}
}

// In a dialog (a modal pop-up over the window) the wheel and the focus
// find the dialog's own scroll container.
func TestTheWheelAndTheFocusWorkInADialog(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(NewEntry())
	defer w.Close()
	w.Resize(fyne.NewSize(500, 400))
	box := container.NewVBox()
	var fields []*Entry
	for range 8 {
		f := NewTextArea()
		f.SetMinRowsVisible(3)
		fields = append(fields, f)
		box.Add(f)
	}
	s := container.NewVScroll(box)
	s.SetMinSize(fyne.NewSize(300, 200))
	pop := widget.NewModalPopUp(s, w.Canvas())
	pop.Show()
	pop.Resize(fyne.NewSize(300, 200))

	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(fields[0]).Add(fyne.NewPos(10, 10))
	test.Scroll(w.Canvas(), pos, 0, -40)
	if s.Offset.Y <= 0 {
		t.Error("the wheel over a field in the dialog left its form where it was")
	}
	s.ScrollToTop()
	w.Canvas().Focus(fields[7])
	if s.Offset.Y <= 0 {
		t.Error("the focus on the dialog's last field did not scroll to it")
	}
}

// A button below a scrolled list, in the same dialog, doesn't scroll the
// list when it takes the focus: only what is inside a scroll moves it.
func TestTheFocusBelowAScrollLeavesItAlone(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(NewEntry())
	defer w.Close()
	w.Resize(fyne.NewSize(500, 400))
	list := container.NewVBox()
	for range 30 {
		list.Add(NewCheck("A line", nil))
	}
	s := container.NewVScroll(list)
	s.SetMinSize(fyne.NewSize(300, 150))
	closeB := NewButton("Close", nil)
	w.SetContent(container.NewBorder(nil, closeB, nil, nil, s))
	w.Canvas().Focus(closeB)
	if s.Offset.Y != 0 {
		t.Errorf("focusing the button below scrolled the list to %v", s.Offset.Y)
	}
}
