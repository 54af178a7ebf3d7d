package ui

import (
	"fmt"
	"log/slog"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/widgets"
)

// Every dialog of the window goes through appDialog. Fyne's dialogs know
// neither Esc nor Enter, and its file dialog panics when sized before it is
// shown; here each dialog has one button that Esc presses (Cancel, Close,
// Skip…) and one that Enter presses, is sized after it is shown and never
// larger than the window, and is on a stack the window's keys consult
// (app/keys.go). Each has a kind from dialog_kinds.go, which the real-window
// tests open one by one.

type Dialog struct {
	h     *Host
	Kind  DialogKind
	title string
	Body  fyne.CanvasObject
	row   []fyne.CanvasObject // the buttons, left to right
	// cancel is what Esc does; nil just closes. quiet dialogs (a progress
	// bar) ignore Esc.
	Cancel  func()
	Quiet   bool
	Default *widgets.Button
	// form dialogs take Ctrl+S as their default button (Save), and Esc
	// asks before it drops what was typed in them.
	Form    bool
	values  string // what the form held when shown
	closed  []func()
	d       *dialog.CustomDialog
	scroll  *container.Scroll // around body
	overlay fyne.CanvasObject
	shown   bool
}

// NewDialog prepares a dialog showing body; add its buttons, then show it.
func (h *Host) NewDialog(kind DialogKind, title string, body fyne.CanvasObject) *Dialog {
	return &Dialog{h: h, Kind: kind, title: title, Body: body}
}

// Button adds a button to the row; run decides whether the dialog closes.
func (d *Dialog) Button(label string, icon fyne.Resource, run func()) *widgets.Button {
	b := widgets.NewButtonWithIcon(label, icon, run)
	d.row = append(d.row, b)
	return b
}

// CancelButton adds the button that Esc presses: it closes the dialog, then
// runs then (which may be nil).
func (d *Dialog) CancelButton(label string, then func()) *widgets.Button {
	d.Cancel = func() {
		d.Hide()
		if then != nil {
			then()
		}
	}
	return d.Button(label, nil, d.Cancel)
}

// DefaultButton adds the button that Enter presses; run decides whether
// the dialog closes.
func (d *Dialog) DefaultButton(label string, icon fyne.Resource, run func()) *widgets.Button {
	b := d.Button(label, icon, run)
	b.Importance = widget.HighImportance
	d.Default = b
	return b
}

// OnEscape sets what Esc does when no button is the cancel button (the
// welcome's Skip sits beside its Start).
func (d *Dialog) OnEscape(f func()) { d.Cancel = f }

// OnClosed is called whenever the dialog closes.
func (d *Dialog) OnClosed(f func()) { d.closed = append(d.closed, f) }

// Show puts the dialog on screen, width wide (and height high, 0 for as
// high as its content needs), with focus in focus (nil for none: Enter and
// Esc still reach the dialog through the window).
func (d *Dialog) Show(width, height float32, focus fyne.Focusable) {
	// The body scrolls when the window is too small for all of it (a
	// small screen, a large text scale); the buttons stay in view.
	d.scroll = container.NewVScroll(d.Body)
	d.scroll.SetMinSize(d.Body.MinSize())
	body := fyne.CanvasObject(d.scroll)
	if len(d.row) > 0 {
		buttons := container.NewHBox(append([]fyne.CanvasObject{layout.NewSpacer()}, d.row...)...)
		body = container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), buttons), nil, nil, d.scroll)
	}
	c := d.h.Win.Canvas()
	d.d = dialog.NewCustomWithoutButtons(d.title, body, d.h.Win)
	// Show, then size: Fyne's dialogs have nothing to size before Show.
	d.d.Show()
	d.overlay = c.Overlays().Top()
	d.shown = true
	d.h.dialogs = append(d.h.dialogs, d)
	d.Resize(width, height)
	if focus != nil {
		c.Focus(focus)
	}
	d.values = formValues(d.Body)
	slog.Debug("dialog shown", "kind", string(d.Kind))
}

// Resize sizes the dialog, never larger than the window it is in: the
// Body gives up height to its scroll bar first.
func (d *Dialog) Resize(width, height float32) {
	room := d.h.Win.Canvas().Size()
	margin := theme.Padding() * 4
	if room.Width > 0 && width > room.Width-margin {
		width = room.Width - margin
	}
	if room.Height > 0 && height > room.Height-margin {
		height = room.Height - margin
	}
	// Twice: wrapped text knows its height only once it has a width.
	for range 2 {
		d.scroll.SetMinSize(d.Body.MinSize())
		if over := d.d.MinSize().Height - (room.Height - margin); room.Height > 0 && over > 0 {
			natural := d.Body.MinSize()
			d.scroll.SetMinSize(fyne.NewSize(natural.Width, max(natural.Height-over, theme.Padding()*10)))
		}
		d.d.Resize(fyne.NewSize(width, height))
	}
}

// Hide closes the dialog; closing a closed one does nothing.
func (d *Dialog) Hide() {
	if !d.shown {
		return
	}
	d.shown = false
	d.d.Hide()
	d.h.dialogs = slices.DeleteFunc(d.h.dialogs, func(o *Dialog) bool { return o == d })
	slog.Debug("dialog closed", "kind", string(d.Kind))
	for _, f := range d.closed {
		f()
	}
}

// Park takes the dialog out of sight and off the stack, what was typed in
// it kept, until Unpark (the journal was locked meanwhile).
func (d *Dialog) Park() {
	d.d.Hide()
	d.h.dialogs = slices.DeleteFunc(d.h.dialogs, func(o *Dialog) bool { return o == d })
	slog.Debug("dialog parked", "kind", string(d.Kind))
}

// Unpark shows a parked dialog again, on top.
func (d *Dialog) Unpark() {
	d.d.Show()
	d.overlay = d.h.Win.Canvas().Overlays().Top()
	d.h.dialogs = append(d.h.dialogs, d)
	slog.Debug("dialog shown again", "kind", string(d.Kind))
}

// Escape is Esc: the cancel button, or closing. A form with changes asks
// first: Esc is easily pressed by mistake, and what was typed would go.
func (d *Dialog) Escape() {
	close := d.Hide
	if d.Cancel != nil {
		close = d.Cancel
	}
	switch {
	case d.Quiet:
	case d.Changed():
		keep := d.h.NewDialog(DlgDiscardChanges, "Close without saving?",
			WrapLabel("What you typed or chose here would be lost."))
		keep.CancelButton("Keep editing", nil)
		keep.Default = keep.row[0].(*widgets.Button)
		keep.Default.Importance = widget.HighImportance
		discard := keep.Button("Close without saving", nil, func() {
			keep.Hide()
			close()
		})
		discard.Importance = widget.DangerImportance
		keep.Show(440, 0, nil)
	default:
		close()
	}
}

// Changed says the dialog is a form and something in it was typed or
// chosen since it was shown.
func (d *Dialog) Changed() bool { return d.Form && formValues(d.Body) != d.values }

// formValues is what the fields under o hold, as one string to compare.
func formValues(o fyne.CanvasObject) string {
	var b strings.Builder
	var visit func(o fyne.CanvasObject)
	visit = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *fyne.Container:
			for _, c := range w.Objects {
				visit(c)
			}
		case *container.Scroll:
			visit(w.Content)
		case *widgets.Entry:
			fmt.Fprintf(&b, "%q;", w.Text)
		case *widgets.DateEntry:
			fmt.Fprintf(&b, "%q;", w.Text)
		case *widgets.Check:
			fmt.Fprintf(&b, "%v;", w.Checked)
		case *widgets.Select:
			fmt.Fprintf(&b, "%q;", w.Selected)
		case *widgets.RadioGroup:
			fmt.Fprintf(&b, "%q;", w.Selected)
		case *widgets.CheckGroup:
			fmt.Fprintf(&b, "%q;", w.Selected)
		}
	}
	visit(o)
	return b.String()
}

// PressDefault is Enter: the default button, when there is one and it is
// enabled. The key is used either way: the window behind waits.
func (d *Dialog) PressDefault() bool {
	if d.Default != nil && !d.Default.Disabled() && d.Default.OnTapped != nil {
		d.Default.OnTapped()
	}
	return true
}

// IsTop reports whether nothing (a pop-up, a calendar) is over the dialog.
func (d *Dialog) IsTop() bool {
	return d.h.Win.Canvas().Overlays().Top() == d.overlay
}

// TopDialog is the dialog in front, nil when none is open.
func (h *Host) TopDialog() *Dialog {
	if n := len(h.dialogs); n > 0 {
		return h.dialogs[n-1]
	}
	return nil
}

// Dialogs are the dialogs on screen, the front one last.
func (h *Host) Dialogs() []*Dialog { return slices.Clone(h.dialogs) }

// Inform shows a message with an OK button.
func (h *Host) Inform(kind DialogKind, title, message string) *Dialog {
	return h.InformWith(kind, title, WrapLabel(message))
}

// InformWith shows content with an OK button.
func (h *Host) InformWith(kind DialogKind, title string, content fyne.CanvasObject) *Dialog {
	d := h.NewDialog(kind, title, content)
	d.Cancel = d.Hide
	d.DefaultButton("OK", nil, d.Hide)
	d.Show(480, 0, nil)
	return d
}

// Confirm asks before doing something: Cancel (Esc) or yes (Enter), which
// closes the dialog and runs do.
func (h *Host) Confirm(kind DialogKind, title, message, yes string, do func()) *Dialog {
	return h.Ask(kind, title, WrapLabel(message), yes, "Cancel", do)
}

// Ask shows content with a cancel button and a default one that closes
// the dialog and runs do.
func (h *Host) Ask(kind DialogKind, title string, content fyne.CanvasObject, yes, no string, do func()) *Dialog {
	d := h.NewDialog(kind, title, content)
	d.CancelButton(no, nil)
	d.DefaultButton(yes, nil, func() {
		d.Hide()
		do()
	})
	d.Show(500, 0, nil)
	return d
}

// EscapeKey is Esc for what is on top of the window: a pop-up that is not
// one of the dialogs (a calendar, a menu) closes, else the top dialog
// gets Esc. It reports whether there was anything to close.
func (h *Host) EscapeKey() bool {
	if top := h.Win.Canvas().Overlays().Top(); top != nil {
		if d := h.TopDialog(); d == nil || !d.IsTop() {
			top.Hide()
			return true
		}
	}
	if d := h.TopDialog(); d != nil {
		d.Escape()
		return true
	}
	return false
}

// EnterKey is Enter for the top dialog, when nothing is over it: its
// default button. It reports whether a dialog took the key.
func (h *Host) EnterKey() bool {
	if d := h.TopDialog(); d != nil && d.IsTop() {
		return d.PressDefault()
	}
	return false
}
