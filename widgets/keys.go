package widgets

import (
	"context"
	"log/slog"
	"sync"

	"fyne.io/fyne/v2"
)

// Fyne hands a key to the focused widget alone: a window shortcut without a
// modifier (Esc, Enter, F1) never reaches the window while a text field or
// a button has the focus, and Fyne's own widgets drop the keys they don't
// use. Every focusable widget of this package offers those keys to the
// window it is shown in, so the window decides once what they do, whatever
// has the focus.

// WindowKeys is what a window does with the keys its widgets leave alone.
type WindowKeys interface {
	// TypedKey is offered a key the focused widget does not use; from is
	// that widget, nil when nothing has the focus. It reports whether the
	// key was used.
	TypedKey(ev *fyne.KeyEvent, from fyne.Focusable) bool
}

var (
	windowKeysMu sync.Mutex
	windowKeys   = map[fyne.Canvas]WindowKeys{}
)

// SetWindowKeys makes k handle the keys of w's widgets, and the keys typed
// while nothing has the focus. A nil k forgets the window.
func SetWindowKeys(w fyne.Window, k WindowKeys) {
	c := w.Canvas()
	windowKeysMu.Lock()
	defer windowKeysMu.Unlock()
	if k == nil {
		delete(windowKeys, c)
		c.SetOnTypedKey(nil)
		return
	}
	windowKeys[c] = k
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) { k.TypedKey(ev, nil) })
}

// offerKey hands ev to the window that shows from. It reports whether the
// window used it.
func offerKey(from fyne.Focusable, ev *fyne.KeyEvent) bool {
	app := fyne.CurrentApp()
	if app == nil {
		return false
	}
	c := app.Driver().CanvasForObject(from.(fyne.CanvasObject))
	windowKeysMu.Lock()
	k := windowKeys[c]
	windowKeysMu.Unlock()
	return k != nil && k.TypedKey(ev, from)
}

// windowKey reports whether no widget of this package has a use of its own
// for the key: Esc and the function keys always belong to the window.
func windowKey(name fyne.KeyName) bool {
	switch name {
	case fyne.KeyEscape, fyne.KeyF1, fyne.KeyF2, fyne.KeyF3, fyne.KeyF4, fyne.KeyF5, fyne.KeyF6,
		fyne.KeyF7, fyne.KeyF8, fyne.KeyF9, fyne.KeyF10, fyne.KeyF11, fyne.KeyF12:
		return true
	}
	return false
}

func isEnter(name fyne.KeyName) bool { return name == fyne.KeyReturn || name == fyne.KeyEnter }

// typedKey is the common key path of the widgets here: window keys go to
// the window first; Enter goes to the window when the widget has no use
// for it; everything else to the widget.
func typedKey(self fyne.Focusable, ev *fyne.KeyEvent, usesEnter bool, own func(*fyne.KeyEvent)) {
	if windowKey(ev.Name) && offerKey(self, ev) {
		return
	}
	if isEnter(ev.Name) && !usesEnter && offerKey(self, ev) {
		return
	}
	own(ev)
}

// logFocus notes, at the debug level, which widget took the focus and where
// it is in the window, in the window's units: a keyboard can be followed
// in the log, and the real-window tests find widgets by it. A field is
// named by its placeholder, never by what was typed in it.
func logFocus(o fyne.CanvasObject, kind, label string) {
	if !slog.Default().Enabled(context.Background(), slog.LevelDebug) {
		return
	}
	app := fyne.CurrentApp()
	if app == nil {
		return
	}
	pos, size := app.Driver().AbsolutePositionForObject(o), o.Size()
	slog.Debug("focus", "widget", kind, "label", label,
		"x", int(pos.X), "y", int(pos.Y), "w", int(size.Width), "h", int(size.Height))
}
