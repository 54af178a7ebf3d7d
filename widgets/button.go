package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Button is Fyne's button that keeps the keyboard where it is. Fyne 2.8
// drops the focus whenever a button is pressed, even with Space: the next
// Tab then starts again from the top of the window, in the journal's search
// field. Button presses with Space or Enter and keeps the focus; the mouse
// still clears it, as in Fyne. It offers the window the keys it does not use
// and scrolls itself into view when it takes the focus.
type Button struct {
	widget.Button
}

// NewButton returns a button with a label.
func NewButton(label string, tapped func()) *Button {
	return NewButtonWithIcon(label, nil, tapped)
}

// NewButtonWithIcon returns a button with a label and an icon.
func NewButtonWithIcon(label string, icon fyne.Resource, tapped func()) *Button {
	b := &Button{}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey presses the button on Space and Enter.
func (b *Button) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeySpace || isEnter(ev.Name) {
		b.Press()
		return
	}
	typedKey(b, ev, true, b.Button.TypedKey)
}

// Press does what a click does, keeping the focus on the button unless
// what it did put the focus elsewhere.
func (b *Button) Press() {
	if b.Disabled() {
		return
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(b)
	b.Tapped(nil) // the press animation, and the action
	if c != nil && c.Focused() == nil && b.Visible() {
		c.Focus(b)
	}
}

// FocusGained scrolls the button into view.
func (b *Button) FocusGained() {
	b.Button.FocusGained()
	Reveal(b)
}
