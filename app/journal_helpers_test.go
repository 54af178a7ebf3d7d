package app

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/bothand/bothand/data"

	"github.com/bothand/bothand/widgets"
)

// newJournalUI is newTestUI with the journal's waits set to zero, so that
// searches and drafts happen as soon as something is typed.
func newJournalUI(t *testing.T) (*UI, *data.Store, *journalScreen) {
	t.Helper()
	u, s := newTestUI(t)
	j := u.screens[0].(*journalScreen)
	j.searchDelay, j.draftDelay = 0, 0
	return u, s, j
}

// press sends a shortcut the way the desktop driver does: a main-menu
// shortcut first, then the focused widget, then the canvas.
func press(t *testing.T, u *UI, s fyne.Shortcut) {
	t.Helper()
	if menu := u.Win.MainMenu(); menu != nil {
		for _, m := range menu.Items {
			for _, item := range m.Items {
				if item.Shortcut != nil && item.Shortcut.ShortcutName() == s.ShortcutName() && item.Action != nil {
					item.Action()
					return
				}
			}
		}
	}
	c := u.Win.Canvas()
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	canvasShortcuts(c).TypedShortcut(s)
}

// canvasShortcuts reaches the shortcuts added with Canvas().AddShortcut:
// the test canvas wraps the software canvas that holds them without
// passing TypedShortcut on.
func canvasShortcuts(c fyne.Canvas) interface{ TypedShortcut(fyne.Shortcut) } {
	if h, ok := c.(interface{ TypedShortcut(fyne.Shortcut) }); ok {
		return h
	}
	inner := reflect.ValueOf(c).Elem().FieldByName("WindowlessCanvas").Interface()
	return inner.(interface{ TypedShortcut(fyne.Shortcut) })
}

// pressKey sends a key the way the desktop driver does: Tab moves the focus
// unless the focused widget takes tabs; other keys go to the focused widget,
// or to the canvas when nothing has the focus.
func pressKey(u *UI, name fyne.KeyName, shift ...bool) {
	c := u.Win.Canvas()
	ev := &fyne.KeyEvent{Name: name}
	if name == fyne.KeyTab {
		if tb, ok := c.Focused().(fyne.Tabbable); !ok || !tb.AcceptsTab() {
			if len(shift) > 0 && shift[0] {
				c.FocusPrevious()
			} else {
				c.FocusNext()
			}
			return
		}
	}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
	} else if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

// typeText types into whatever has the focus, as the keyboard does.
func typeText(u *UI, text string) {
	f := u.Win.Canvas().Focused()
	for _, r := range text {
		f.TypedRune(r)
	}
}

// findAction returns the visible button, plain or the editor's, labelled
// label, looking into dialogs too.
func findAction(t *testing.T, u *UI, label string) fyne.Tappable {
	t.Helper()
	roots := append([]fyne.CanvasObject{u.Win.Content()}, u.Win.Canvas().Overlays().List()...)
	var found fyne.Tappable
	for _, root := range roots {
		walkAll(root, func(o fyne.CanvasObject) bool {
			if found != nil || !o.Visible() {
				return false
			}
			switch b := o.(type) {
			case *widgets.Button:
				if b.Text == label {
					found = b
				}
				return false
			}
			return true
		})
	}
	if found == nil {
		t.Fatalf("no visible button %q in:\n%s", label, shownText(u))
	}
	return found
}

// walkAll is walk (helpers_test.go), which stops at the app's widgets.
func walkAll(obj fyne.CanvasObject, visit func(fyne.CanvasObject) bool) {
	walk(obj, visit)
}

// shownText is every visible label, rich text and overlay text of the window.
func shownText(u *UI) string {
	parts := []string{visibleText(u.Win.Content())}
	for _, o := range u.Win.Canvas().Overlays().List() {
		parts = append(parts, visibleText(o))
	}
	return strings.Join(parts, "\n")
}

// listedTriggers are the headings of the rows the journal list holds.
func listedTriggers(j *journalScreen) []string {
	var out []string
	for _, r := range j.list.rows {
		out = append(out, firstLine(r.Trigger))
	}
	return out
}
