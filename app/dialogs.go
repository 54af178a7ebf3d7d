package app

import (
	"fmt"
	"log/slog"
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
// (keys.go). Each has a kind from dialog_kinds.go, which the real-window
// tests open one by one.

type appDialog struct {
	u     *UI
	kind  dialogKind
	title string
	body  fyne.CanvasObject
	row   []fyne.CanvasObject // the buttons, left to right
	// cancel is what Esc does; nil just closes. quiet dialogs (a progress
	// bar) ignore Esc.
	cancel func()
	quiet  bool
	deflt  *widgets.Button
	// form dialogs take Ctrl+S as their default button (Save), and Esc
	// asks before it drops what was typed in them.
	form    bool
	values  string // what the form held when shown
	closed  []func()
	d       *dialog.CustomDialog
	scroll  *container.Scroll // around body
	overlay fyne.CanvasObject
	shown   bool
}

// newDialog prepares a dialog showing body; add its buttons, then show it.
func (u *UI) newDialog(kind dialogKind, title string, body fyne.CanvasObject) *appDialog {
	return &appDialog{u: u, kind: kind, title: title, body: body}
}

// button adds a button to the row; run decides whether the dialog closes.
func (d *appDialog) button(label string, icon fyne.Resource, run func()) *widgets.Button {
	b := widgets.NewButtonWithIcon(label, icon, run)
	d.row = append(d.row, b)
	return b
}

// cancelButton adds the button that Esc presses: it closes the dialog, then
// runs then (which may be nil).
func (d *appDialog) cancelButton(label string, then func()) *widgets.Button {
	d.cancel = func() {
		d.hide()
		if then != nil {
			then()
		}
	}
	return d.button(label, nil, d.cancel)
}

// defaultButton adds the button that Enter presses; run decides whether
// the dialog closes.
func (d *appDialog) defaultButton(label string, icon fyne.Resource, run func()) *widgets.Button {
	b := d.button(label, icon, run)
	b.Importance = widget.HighImportance
	d.deflt = b
	return b
}

// onEscape sets what Esc does when no button is the cancel button (the
// welcome's Skip sits beside its Start).
func (d *appDialog) onEscape(f func()) { d.cancel = f }

// onClosed is called whenever the dialog closes.
func (d *appDialog) onClosed(f func()) { d.closed = append(d.closed, f) }

// show puts the dialog on screen, width wide (and height high, 0 for as
// high as its content needs), with focus in focus (nil for none: Enter and
// Esc still reach the dialog through the window).
func (d *appDialog) show(width, height float32, focus fyne.Focusable) {
	// The body scrolls when the window is too small for all of it (a
	// small screen, a large text scale); the buttons stay in view.
	d.scroll = container.NewVScroll(d.body)
	d.scroll.SetMinSize(d.body.MinSize())
	body := fyne.CanvasObject(d.scroll)
	if len(d.row) > 0 {
		buttons := container.NewHBox(append([]fyne.CanvasObject{layout.NewSpacer()}, d.row...)...)
		body = container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), buttons), nil, nil, d.scroll)
	}
	c := d.u.win.Canvas()
	d.d = dialog.NewCustomWithoutButtons(d.title, body, d.u.win)
	// Show, then size: Fyne's dialogs have nothing to size before Show.
	d.d.Show()
	d.overlay = c.Overlays().Top()
	d.shown = true
	d.u.dialogs = append(d.u.dialogs, d)
	d.resize(width, height)
	if focus != nil {
		c.Focus(focus)
	}
	d.values = formValues(d.body)
	slog.Debug("dialog shown", "kind", string(d.kind))
}

// resize sizes the dialog, never larger than the window it is in: the
// body gives up height to its scroll bar first.
func (d *appDialog) resize(width, height float32) {
	room := d.u.win.Canvas().Size()
	margin := theme.Padding() * 4
	if room.Width > 0 && width > room.Width-margin {
		width = room.Width - margin
	}
	if room.Height > 0 && height > room.Height-margin {
		height = room.Height - margin
	}
	// Twice: wrapped text knows its height only once it has a width.
	for range 2 {
		d.scroll.SetMinSize(d.body.MinSize())
		if over := d.d.MinSize().Height - (room.Height - margin); room.Height > 0 && over > 0 {
			natural := d.body.MinSize()
			d.scroll.SetMinSize(fyne.NewSize(natural.Width, max(natural.Height-over, theme.Padding()*10)))
		}
		d.d.Resize(fyne.NewSize(width, height))
	}
}

// hide closes the dialog; closing a closed one does nothing.
func (d *appDialog) hide() {
	if !d.shown {
		return
	}
	d.shown = false
	d.d.Hide()
	for i, o := range d.u.dialogs {
		if o == d {
			d.u.dialogs = append(d.u.dialogs[:i], d.u.dialogs[i+1:]...)
			break
		}
	}
	slog.Debug("dialog closed", "kind", string(d.kind))
	for _, f := range d.closed {
		f()
	}
}

// park takes the dialog out of sight and off the stack, what was typed in
// it kept, until unpark (the journal was locked meanwhile).
func (d *appDialog) park() {
	d.d.Hide()
	for i, o := range d.u.dialogs {
		if o == d {
			d.u.dialogs = append(d.u.dialogs[:i], d.u.dialogs[i+1:]...)
			break
		}
	}
	slog.Debug("dialog parked", "kind", string(d.kind))
}

// unpark shows a parked dialog again, on top.
func (d *appDialog) unpark() {
	d.d.Show()
	d.overlay = d.u.win.Canvas().Overlays().Top()
	d.u.dialogs = append(d.u.dialogs, d)
	slog.Debug("dialog shown again", "kind", string(d.kind))
}

// escape is Esc: the cancel button, or closing. A form with changes asks
// first: Esc is easily pressed by mistake, and what was typed would go.
func (d *appDialog) escape() {
	close := d.hide
	if d.cancel != nil {
		close = d.cancel
	}
	switch {
	case d.quiet:
	case d.form && formValues(d.body) != d.values:
		keep := d.u.newDialog(dlgDiscardChanges, "Close without saving?",
			wrapLabel("What you typed or chose here would be lost."))
		keep.cancelButton("Keep editing", nil)
		keep.deflt = keep.row[0].(*widgets.Button)
		keep.deflt.Importance = widget.HighImportance
		discard := keep.button("Close without saving", nil, func() {
			keep.hide()
			close()
		})
		discard.Importance = widget.DangerImportance
		keep.show(440, 0, nil)
	default:
		close()
	}
}

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

// pressDefault is Enter: the default button, when there is one and it is
// enabled. The key is used either way: the window behind waits.
func (d *appDialog) pressDefault() bool {
	if d.deflt != nil && !d.deflt.Disabled() && d.deflt.OnTapped != nil {
		d.deflt.OnTapped()
	}
	return true
}

// isTop reports whether nothing (a pop-up, a calendar) is over the dialog.
func (d *appDialog) isTop() bool {
	return d.u.win.Canvas().Overlays().Top() == d.overlay
}

// topDialog is the dialog in front, nil when none is open.
func (u *UI) topDialog() *appDialog {
	if n := len(u.dialogs); n > 0 {
		return u.dialogs[n-1]
	}
	return nil
}

// inform shows a message with an OK button.
func (u *UI) inform(kind dialogKind, title, message string) *appDialog {
	return u.informWith(kind, title, wrapLabel(message))
}

// informWith shows content with an OK button.
func (u *UI) informWith(kind dialogKind, title string, content fyne.CanvasObject) *appDialog {
	d := u.newDialog(kind, title, content)
	d.cancel = d.hide
	d.defaultButton("OK", nil, d.hide)
	d.show(480, 0, nil)
	return d
}

// confirm asks before doing something: Cancel (Esc) or yes (Enter), which
// closes the dialog and runs do.
func (u *UI) confirm(kind dialogKind, title, message, yes string, do func()) *appDialog {
	return u.ask(kind, title, wrapLabel(message), yes, "Cancel", do)
}

// ask shows content with a cancel button and a default one that closes
// the dialog and runs do.
func (u *UI) ask(kind dialogKind, title string, content fyne.CanvasObject, yes, no string, do func()) *appDialog {
	d := u.newDialog(kind, title, content)
	d.cancelButton(no, nil)
	d.defaultButton(yes, nil, func() {
		d.hide()
		do()
	})
	d.show(500, 0, nil)
	return d
}
