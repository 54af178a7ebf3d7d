package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// heard records the keys a window was offered and by whom.
type heard struct {
	keys []fyne.KeyName
	from []fyne.Focusable
	use  bool
}

func (h *heard) TypedKey(ev *fyne.KeyEvent, from fyne.Focusable) bool {
	h.keys = append(h.keys, ev.Name)
	h.from = append(h.from, from)
	return h.use
}

// press sends a key as the desktop driver does: Tab moves the focus unless
// the focused widget takes tabs, other keys go to the focused widget or,
// with nothing focused, to the canvas.
func press(c fyne.Canvas, name fyne.KeyName) {
	f := c.Focused()
	if name == fyne.KeyTab {
		if tb, ok := f.(fyne.Tabbable); !ok || !tb.AcceptsTab() {
			c.FocusNext()
			return
		}
	}
	ev := &fyne.KeyEvent{Name: name}
	if f != nil {
		f.TypedKey(ev)
	} else if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

func TestEveryWidgetOffersEscAndF1ToItsWindow(t *testing.T) {
	test.NewTempApp(t)
	radio := NewRadioGroup([]string{"One", "Two"}, nil)
	group := NewCheckGroup([]string{"Mon", "Tue"}, nil)
	list := NewList(func() int { return 2 }, func() fyne.CanvasObject { return NewButton("", nil) }, func(int, fyne.CanvasObject) {})
	list.Resize(fyne.NewSize(100, 80))
	focusables := []fyne.Focusable{
		NewEntry(), NewTextArea(), NewButton("Go", nil), NewCheck("Tick", nil),
		NewSelect([]string{"a"}, nil), NewDateEntry(), NewIntensity(3, nil),
	}
	var objs []fyne.CanvasObject
	for _, f := range focusables {
		objs = append(objs, f.(fyne.CanvasObject))
	}
	objs = append(objs, radio, group, container.NewGridWrap(fyne.NewSize(100, 80), list))
	w := test.NewWindow(container.NewVBox(objs...))
	defer w.Close()
	h := &heard{use: true}
	SetWindowKeys(w, h)
	defer SetWindowKeys(w, nil)
	focusables = append(focusables, radio.buttons[0], group.checks[1], list)
	for _, f := range focusables {
		w.Canvas().Focus(f)
		for _, k := range []fyne.KeyName{fyne.KeyEscape, fyne.KeyF1} {
			before := len(h.keys)
			press(w.Canvas(), k)
			if len(h.keys) != before+1 || h.keys[before] != k || h.from[before] != f {
				t.Errorf("%T: %s did not reach the window (heard %v)", f, k, h.keys[before:])
			}
		}
	}
	w.Canvas().Unfocus()
	press(w.Canvas(), fyne.KeyEscape)
	if n := len(h.keys); h.keys[n-1] != fyne.KeyEscape || h.from[n-1] != nil {
		t.Error("Esc with nothing focused did not reach the window")
	}
}

func TestEnterGoesToTheWindowUnlessTheWidgetUsesIt(t *testing.T) {
	test.NewTempApp(t)
	line, submitted, area := NewEntry(), NewEntry(), NewTextArea()
	var sent string
	submitted.OnSubmitted = func(s string) { sent = s }
	pressed := 0
	button := NewButton("Go", func() { pressed++ })
	tick := NewCheck("Tick", nil)
	w := test.NewWindow(container.NewVBox(line, submitted, area, button, tick))
	defer w.Close()
	h := &heard{use: true}
	SetWindowKeys(w, h)
	defer SetWindowKeys(w, nil)

	for _, f := range []fyne.Focusable{line, tick} {
		w.Canvas().Focus(f)
		press(w.Canvas(), fyne.KeyReturn)
		if len(h.keys) == 0 || h.from[len(h.from)-1] != f {
			t.Errorf("%T: Enter did not reach the window", f)
		}
	}
	n := len(h.keys)
	w.Canvas().Focus(submitted)
	test.Type(submitted, "ok")
	press(w.Canvas(), fyne.KeyReturn)
	w.Canvas().Focus(area)
	test.Type(area, "a")
	press(w.Canvas(), fyne.KeyReturn)
	w.Canvas().Focus(button)
	press(w.Canvas(), fyne.KeyReturn)
	if len(h.keys) != n {
		t.Errorf("the window heard Enter meant for a widget: %v", h.keys[n:])
	}
	if sent != "ok" || area.Text != "a\n" || pressed != 1 {
		t.Errorf("submitted %q, area %q, pressed %d", sent, area.Text, pressed)
	}
}

// Fyne 2.8 drops the focus when a button is pressed with Space, so Tab
// started again at the top of the window (in the journal: the search
// field, where the next answer was then typed).
func TestSpaceOnAButtonKeepsTheFocusForTab(t *testing.T) {
	test.NewTempApp(t)
	first := NewEntry()
	pressed := 0
	b := NewButton("Something I did: guilt", func() { pressed++ })
	next := NewTextArea()
	w := test.NewWindow(container.NewVBox(first, b, next))
	defer w.Close()
	w.Canvas().Focus(b)
	press(w.Canvas(), fyne.KeySpace)
	if pressed != 1 {
		t.Fatalf("Space pressed the button %d times", pressed)
	}
	if w.Canvas().Focused() != b {
		t.Fatalf("after Space the focus is on %T", w.Canvas().Focused())
	}
	press(w.Canvas(), fyne.KeyTab)
	if w.Canvas().Focused() != next {
		t.Fatalf("Tab after Space went to %T, not the next field", w.Canvas().Focused())
	}
}

func TestTabAndShiftTabLeaveAMultiLineField(t *testing.T) {
	test.NewTempApp(t)
	before, notes, after := NewEntry(), NewTextArea(), NewEntry()
	w := test.NewWindow(container.NewVBox(before, notes, after))
	defer w.Close()
	w.Canvas().Focus(notes)
	test.Type(notes, "pick up at 3")
	press(w.Canvas(), fyne.KeyTab)
	if w.Canvas().Focused() != after || notes.Text != "pick up at 3" {
		t.Fatalf("Tab: focus on %T, notes %q", w.Canvas().Focused(), notes.Text)
	}
	w.Canvas().Focus(notes)
	w.Canvas().FocusPrevious()
	if w.Canvas().Focused() != before {
		t.Fatalf("Shift+Tab: focus on %T", w.Canvas().Focused())
	}
}

func TestRadioAndCheckGroupsChooseLikeFynes(t *testing.T) {
	test.NewTempApp(t)
	var chosen []string
	r := NewRadioGroup([]string{"1 · Non-negotiable", "2 · High priority"}, func(s string) { chosen = append(chosen, s) })
	r.Required = true
	var days []string
	g := NewCheckGroup([]string{"Mon", "Tue", "Wed"}, func(s []string) { days = s })
	g.Horizontal = true
	w := test.NewWindow(container.NewVBox(r, g))
	defer w.Close()
	test.Tap(r.buttons[1])
	test.Tap(r.buttons[1]) // required: stays chosen
	w.Canvas().Focus(r.buttons[0])
	press(w.Canvas(), fyne.KeySpace)
	if r.Selected != "1 · Non-negotiable" || len(chosen) != 2 || chosen[0] != "2 · High priority" {
		t.Errorf("selected %q after %v", r.Selected, chosen)
	}
	g.SetSelected([]string{"Wed", "Mon"})
	test.Tap(g.checks[1])
	if len(days) != 3 || days[0] != "Mon" || days[1] != "Tue" || days[2] != "Wed" {
		t.Errorf("days %v", days)
	}
	test.Tap(g.checks[0])
	if len(g.Selected) != 2 || g.Selected[0] != "Tue" {
		t.Errorf("selected %v", g.Selected)
	}
}

// On the desktop a key comes as its press, the character it types, then
// its release. A button pressed with Space acts on the release, so a
// dialog it opens doesn't receive the space in its field.
func TestSpaceOnAButtonActsWhenLetGo(t *testing.T) {
	test.NewTempApp(t)
	field := NewEntry()
	var b *Button
	b = NewButton("Edit", func() { fyne.CurrentApp().Driver().CanvasForObject(b).Focus(field) })
	w := test.NewWindow(container.NewVBox(b, field))
	defer w.Close()
	c := w.Canvas()
	c.Focus(b)
	space := &fyne.KeyEvent{Name: fyne.KeySpace}
	// As the desktop driver does: KeyDown, TypedKey, TypedRune, KeyUp,
	// each to the widget focused at the time.
	c.Focused().(interface{ KeyDown(*fyne.KeyEvent) }).KeyDown(space)
	c.Focused().TypedKey(space)
	c.Focused().TypedRune(' ')
	if c.Focused() != b {
		t.Fatal("the button acted before Space was let go")
	}
	c.Focused().(interface{ KeyUp(*fyne.KeyEvent) }).KeyUp(space)
	if c.Focused() != field || field.Text != "" {
		t.Errorf("focus %T, field %q", c.Focused(), field.Text)
	}
}
