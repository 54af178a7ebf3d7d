// Package uitest holds what the window's tests do as a person would:
// find what is shown, tap, type and press keys, on Fyne's test driver.
package uitest

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/widgets"
)

// Walk visits obj and, while visit returns true, what is rendered inside it.
func Walk(obj fyne.CanvasObject, visit func(fyne.CanvasObject) bool) {
	if obj == nil || !visit(obj) {
		return
	}
	switch o := obj.(type) {
	case *fyne.Container:
		for _, c := range o.Objects {
			Walk(c, visit)
		}
	case *container.AppTabs:
		if sel := o.Selected(); sel != nil {
			Walk(sel.Content, visit)
		}
	case *widget.Label, *widgets.Button, *widgets.Entry:
		// leaves: their renderers only repeat their text
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(o).Objects() {
			Walk(c, visit)
		}
	}
}

// FindButton returns the visible button whose text is label.
func FindButton(t *testing.T, root fyne.CanvasObject, label string) *widgets.Button {
	t.Helper()
	var found *widgets.Button
	Walk(root, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widgets.Button); ok && b.Visible() && b.Text == label && found == nil {
			found = b
		}
		return found == nil && o.Visible()
	})
	if found == nil {
		t.Fatalf("no visible button %q", label)
	}
	return found
}

// VisibleText returns the text of every visible label and rich text under root.
func VisibleText(root fyne.CanvasObject) string {
	var parts []string
	Walk(root, func(o fyne.CanvasObject) bool {
		if !o.Visible() {
			return false
		}
		switch w := o.(type) {
		case *widget.Label:
			parts = append(parts, w.Text)
		case *widget.RichText:
			parts = append(parts, w.String())
		}
		return true
	})
	return strings.Join(parts, "\n")
}

// FindEntry returns the visible entry with the given placeholder.
func FindEntry(t *testing.T, root fyne.CanvasObject, placeholder string) *widgets.Entry {
	t.Helper()
	var found *widgets.Entry
	Walk(root, func(o fyne.CanvasObject) bool {
		if e, ok := o.(*widgets.Entry); ok && e.Visible() && e.PlaceHolder == placeholder && found == nil {
			found = e
		}
		return found == nil && o.Visible()
	})
	if found == nil {
		t.Fatalf("no visible entry %q", placeholder)
	}
	return found
}

// TopText is the text of the topmost dialog, or "" when none is open.
func TopText(h *ui.Host) string {
	if top := h.Win.Canvas().Overlays().Top(); top != nil {
		return VisibleText(top)
	}
	return ""
}

// MustContain stops the test when text lacks any of parts.
func MustContain(t *testing.T, text string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(text, p) {
			t.Fatalf("%q not shown in:\n%s", p, text)
		}
	}
}

// FindIconButton returns the visible button named name (an icon button's
// name, or a button's text) under root.
func FindIconButton(t *testing.T, root fyne.CanvasObject, name string) *widgets.Button {
	t.Helper()
	var found *widgets.Button
	Walk(root, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widgets.Button); ok && b.Visible() && (b.Name == name || b.Text == name) && found == nil {
			found = b
		}
		return found == nil && o.Visible()
	})
	if found == nil {
		t.Fatalf("no visible button %q in:\n%s", name, VisibleText(root))
	}
	return found
}

// FindSelect returns the visible choice showing selected under root.
func FindSelect(t *testing.T, root fyne.CanvasObject, selected string) *widgets.Select {
	t.Helper()
	var found *widgets.Select
	Walk(root, func(o fyne.CanvasObject) bool {
		if s, ok := o.(*widgets.Select); ok && s.Visible() && s.Selected == selected && found == nil {
			found = s
		}
		return found == nil && o.Visible()
	})
	if found == nil {
		t.Fatalf("no visible choice showing %q", selected)
	}
	return found
}

// Press sends a shortcut the way the desktop driver does: a main-menu
// shortcut first, then the focused widget, then the canvas.
func Press(t *testing.T, h *ui.Host, s fyne.Shortcut) {
	t.Helper()
	if menu := h.Win.MainMenu(); menu != nil {
		for _, m := range menu.Items {
			for _, item := range m.Items {
				if item.Shortcut != nil && item.Shortcut.ShortcutName() == s.ShortcutName() && item.Action != nil {
					item.Action()
					return
				}
			}
		}
	}
	c := h.Win.Canvas()
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

// PressKey sends a key the way the desktop driver does: Tab moves the focus
// unless the focused widget takes tabs; other keys go to the focused widget,
// or to the canvas when nothing has the focus.
func PressKey(h *ui.Host, name fyne.KeyName, shift ...bool) {
	c := h.Win.Canvas()
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

// TypeText types into whatever has the focus, as the keyboard does.
func TypeText(h *ui.Host, text string) {
	f := h.Win.Canvas().Focused()
	for _, r := range text {
		f.TypedRune(r)
	}
}

// FindAction returns the visible button, plain or the editor's, labelled
// label, looking into dialogs too.
func FindAction(t *testing.T, h *ui.Host, label string) fyne.Tappable {
	t.Helper()
	roots := append([]fyne.CanvasObject{h.Win.Content()}, h.Win.Canvas().Overlays().List()...)
	var found fyne.Tappable
	for _, root := range roots {
		Walk(root, func(o fyne.CanvasObject) bool {
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
		t.Fatalf("no visible button %q in:\n%s", label, ShownText(h))
	}
	return found
}

// ShownText is every visible label, rich text and overlay text of the window.
func ShownText(h *ui.Host) string {
	parts := []string{VisibleText(h.Win.Content())}
	for _, o := range h.Win.Canvas().Overlays().List() {
		parts = append(parts, VisibleText(o))
	}
	return strings.Join(parts, "\n")
}

// TopDialog is what the window shows on top: the latest dialog.
func TopDialog(t *testing.T, h *ui.Host) fyne.CanvasObject {
	t.Helper()
	top := h.Win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is showing")
	}
	return top
}

// FindWidget returns the first visible widget of type T under root.
func FindWidget[T fyne.CanvasObject](t *testing.T, root fyne.CanvasObject) T {
	t.Helper()
	var found T
	ok := false
	Walk(root, func(o fyne.CanvasObject) bool {
		if w, is := o.(T); is && !ok && o.Visible() {
			found, ok = w, true
		}
		return !ok && o.Visible()
	})
	if !ok {
		t.Fatalf("no visible %T", found)
	}
	return found
}

// TapInDialog taps the button labelled label in the top dialog.
func TapInDialog(t *testing.T, h *ui.Host, label string) {
	t.Helper()
	test.Tap(FindButton(t, TopDialog(t, h), label))
}

func OverlayText(h *ui.Host) string {
	var parts []string
	for _, o := range h.Win.Canvas().Overlays().List() {
		parts = append(parts, VisibleText(o))
	}
	return strings.Join(parts, "\n")
}

// SetText replaces an entry's text as typing would.
func SetText(e interface {
	fyne.Focusable
	SetText(string)
}, text string,
) {
	e.SetText("")
	test.Type(e, text)
}

// WeekdayAfter is the first Monday to Friday day after today, so tests
// that need working hours don't depend on the day they run.
func WeekdayAfter(days int) time.Time {
	d := time.Now().AddDate(0, 0, days)
	for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
		d = d.AddDate(0, 0, 1)
	}
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.Local)
}

func MenuItem(t *testing.T, m *fyne.Menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, it := range m.Items {
		if it.Label == label {
			return it
		}
	}
	t.Fatalf("no menu item %q", label)
	return nil
}
