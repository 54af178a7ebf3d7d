package widgets

import (
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Entry is the text field of the app, on one line or several. It puts each
// character typed right after the one before it, wherever the line wraps;
// it never takes a tab (Tab and Shift+Tab move to the next and previous
// field, a tab character is never needed here); it offers the window the
// keys it does not use (see keys.go); the focus scrolls it into view; and
// the mouse wheel over it scrolls the form unless the field itself has text
// out of view (wheel.go).
//
// Fyne 2.8.0's Entry keeps its cursor as a row and column of the wrapped
// text. A space that fills a line exactly becomes the gap between that row
// and the next, which does not exist yet, so the place after the space has
// no row and column: the cursor stays in front of the space, the next word
// is glued to the previous one and the space drifts to the end of the text.
// For a journal that is a garbled sentence. Entry remembers such a
// "hanging" place and puts the next character there itself.
type Entry struct {
	widget.Entry

	// MaxPaste, above zero, is the most characters the field may hold
	// after a paste. Laying out wrapped text costs more than linear time in
	// Fyne (a million characters took half a minute here), so a paste that
	// would pass it is refused and OnPasteRefused is told its length.
	MaxPaste       int
	OnPasteRefused func(pasted int)

	hanging     int    // text offset the cursor should be at, or 0
	hangingText string // the text when hanging was set
}

// NewEntry returns a field of one line.
func NewEntry() *Entry {
	t := &Entry{}
	t.ExtendBaseWidget(t)
	return t
}

// NewTextArea returns a multi-line field that wraps at word boundaries.
func NewTextArea() *Entry {
	t := &Entry{}
	t.MultiLine = true
	t.Wrapping = fyne.TextWrapWord
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer implements fyne.Widget: Fyne's field, under a layer that
// passes the wheel on.
func (t *Entry) CreateRenderer() fyne.WidgetRenderer {
	t.ExtendBaseWidget(t)
	return passWheel(t, t.Entry.CreateRenderer())
}

// AcceptsTab is false: Tab leaves even a long answer for the next field.
func (t *Entry) AcceptsTab() bool { return false }

// FocusGained scrolls the field into view.
func (t *Entry) FocusGained() {
	t.Entry.FocusGained()
	Reveal(t)
	logFocus(t, "entry", t.PlaceHolder)
}

// TypedRune inserts r at the cursor and leaves the cursor just after it.
func (t *Entry) TypedRune(r rune) {
	if t.Disabled() || t.SelectedText() != "" {
		// Typing over a selection removes it first, which moves the
		// cursor: Fyne's own placement is right for that case.
		t.hanging = 0
		t.Entry.TypedRune(r)
		return
	}
	at := t.CursorTextOffset()
	if t.hanging > 0 && t.Text == t.hangingText && at == t.hanging-1 {
		// Still where the hanging place was left: insert after the space
		// rather than before it. SetText forgets Fyne's undo history, a
		// small price next to a glued sentence, and it only happens at
		// such a line end.
		runes := []rune(t.Text)
		pos := t.hanging
		t.hanging = 0
		t.SetText(string(runes[:pos]) + string(r) + string(runes[pos:]))
		t.settle(pos + 1)
		return
	}
	t.hanging = 0
	t.Entry.TypedRune(r)
	t.settle(at + 1)
}

// settle makes sure the cursor is at offset want, or remembers it as
// hanging when no row and column can hold it yet.
func (t *Entry) settle(want int) {
	if t.CursorTextOffset() == want || t.placeCursor(want) {
		return
	}
	t.hanging, t.hangingText = want, t.Text
}

// placeCursor looks for a row and column that stand for the text offset
// want. Only the rows around the cursor can hold it, and a column past the
// end of a row reads as the row's end, so each row's search stops at the
// first column that no longer moves the offset. A place is only taken if it
// is still right after Fyne has laid the text out again.
func (t *Entry) placeCursor(want int) bool {
	row, col := t.CursorRow, t.CursorColumn
	for r := max(row-1, 0); r <= row+1; r++ {
		last := -1
		for c := 0; ; c++ {
			t.CursorRow, t.CursorColumn = r, c
			got := t.CursorTextOffset()
			if got == want {
				t.Refresh()
				if t.CursorTextOffset() == want {
					return true
				}
				break
			}
			if got == last || got > want {
				break
			}
			last = got
		}
	}
	t.CursorRow, t.CursorColumn = row, col
	t.Refresh()
	return false
}

// Whatever else the person does to the text or the cursor moves on from a
// hanging place.

// TypedKey offers the window the keys the field has no use for: Esc, the
// function keys, and Enter on one line unless OnSubmitted takes it. Keys
// that edit or move the cursor end a hanging place; the desktop driver
// also sends a key event for every letter before its rune, and those must
// not.
func (t *Entry) TypedKey(ev *fyne.KeyEvent) {
	typedKey(t, ev, t.MultiLine || t.OnSubmitted != nil, t.editKey)
}

// editKey is a key the field uses itself.
func (t *Entry) editKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyBackspace, fyne.KeyDelete, fyne.KeyReturn, fyne.KeyEnter, fyne.KeyTab,
		fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown,
		fyne.KeyHome, fyne.KeyEnd, fyne.KeyPageUp, fyne.KeyPageDown:
		t.hanging = 0
	}
	t.Entry.TypedKey(ev)
}

func (t *Entry) TypedShortcut(s fyne.Shortcut) {
	t.hanging = 0
	if p, ok := s.(*fyne.ShortcutPaste); ok && t.MaxPaste > 0 && p.Clipboard != nil {
		n := utf8.RuneCountInString(p.Clipboard.Content())
		kept := utf8.RuneCountInString(t.Text) - utf8.RuneCountInString(t.SelectedText())
		if kept+n > t.MaxPaste {
			if t.OnPasteRefused != nil {
				t.OnPasteRefused(n)
			}
			return
		}
	}
	t.Entry.TypedShortcut(s)
}

func (t *Entry) MouseDown(ev *desktop.MouseEvent) {
	t.hanging = 0
	t.Entry.MouseDown(ev)
}

func (t *Entry) Tapped(ev *fyne.PointEvent) {
	t.hanging = 0
	t.Entry.Tapped(ev)
}
