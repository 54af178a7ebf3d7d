package widgets

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// typeInto types s one character at a time into whatever has the focus,
// as a keyboard does.
func typeInto(c fyne.Canvas, s string) {
	for _, r := range s {
		c.Focused().TypedRune(r)
	}
}

func TestEntryKeepsWordsApartWhereLinesWrap(t *testing.T) {
	for _, width := range []float32{120, 190, 300, 410} {
		a := NewTextArea()
		w := test.NewWindow(a)
		w.Resize(fyne.NewSize(width, 300))
		w.Canvas().Focus(a)
		var want strings.Builder
		for i := range 150 {
			word := fmt.Sprintf("w%d ", i)
			want.WriteString(word)
			typeInto(w.Canvas(), word)
		}
		if a.Text != want.String() {
			t.Errorf("width %v: typed text came out as\n%q\nwant\n%q", width, a.Text, want.String())
		}
		if got := a.CursorTextOffset(); got != len(want.String()) {
			t.Errorf("width %v: cursor at %d, want the end (%d)", width, got, len(want.String()))
		}
		w.Close()
	}
}

func TestEntryTypesInTheMiddleAndOverASelection(t *testing.T) {
	a := NewTextArea()
	w := test.NewWindow(a)
	defer w.Close()
	w.Resize(fyne.NewSize(200, 200))
	w.Canvas().Focus(a)
	typeInto(w.Canvas(), "the school play")
	a.CursorRow, a.CursorColumn = 0, 4
	typeInto(w.Canvas(), "first ")
	if a.Text != "the first school play" {
		t.Errorf("typing in the middle gave %q", a.Text)
	}
	a.TypedShortcut(&fyne.ShortcutSelectAll{})
	typeInto(w.Canvas(), "ok")
	if a.Text != "ok" {
		t.Errorf("typing over a selection gave %q", a.Text)
	}
}

// TestEntryTakesKeyEventsForLetters types as the desktop driver does:
// a key event for each key, then its rune.
func TestEntryTakesKeyEventsForLetters(t *testing.T) {
	for _, width := range []float32{120, 190, 300, 410} {
		a := NewTextArea()
		w := test.NewWindow(a)
		w.Resize(fyne.NewSize(width, 300))
		w.Canvas().Focus(a)
		var want strings.Builder
		for i := range 150 {
			word := fmt.Sprintf("w%d ", i)
			want.WriteString(word)
			for _, r := range word {
				name := fyne.KeyName(strings.ToUpper(string(r)))
				if r == ' ' {
					name = fyne.KeySpace
				}
				a.TypedKey(&fyne.KeyEvent{Name: name})
				a.TypedRune(r)
			}
		}
		if a.Text != want.String() {
			t.Errorf("width %v: typed text came out as\n%q", width, a.Text)
		}
		w.Close()
	}
}

func TestEntryRefusesAPastePastItsLimit(t *testing.T) {
	a := NewTextArea()
	w := test.NewWindow(a)
	defer w.Close()
	w.Canvas().Focus(a)
	a.MaxPaste = 20
	refused := 0
	a.OnPasteRefused = func(n int) { refused = n }
	clip := fyne.CurrentApp().Clipboard()
	paste := func(s string) {
		clip.SetContent(s)
		a.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	}

	paste("twelve chars")
	paste("nine more")
	if a.Text != "twelve chars" || refused != 9 {
		t.Errorf("after a paste past the limit: text %q, refused %d", a.Text, refused)
	}
	refused = 0
	a.TypedShortcut(&fyne.ShortcutSelectAll{})
	paste("ünïcödé counts runes") // 20 characters in more bytes, over a selection
	if a.Text != "ünïcödé counts runes" || refused != 0 {
		t.Errorf("a paste that fits: text %q, refused %d", a.Text, refused)
	}
}
