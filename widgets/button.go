package widgets

import (
	"context"
	"log/slog"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
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
	// Name says what a button with an icon alone does, for whoever
	// doesn't see the icon: the log, and the tests that read it.
	Name string

	spaceDown bool // Space is held: the press comes when it is let go
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

// NewIconButton returns a button showing only icon; name says what it does.
func NewIconButton(name string, icon fyne.Resource, tapped func()) *Button {
	b := NewButtonWithIcon("", icon, tapped)
	b.Name = name
	return b
}

// TypedKey presses the button on Enter, and on Space where no key-up will
// follow (the test driver).
func (b *Button) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case ev.Name == fyne.KeySpace && b.spaceDown:
	case ev.Name == fyne.KeySpace || isEnter(ev.Name):
		b.Press()
	default:
		typedKey(b, ev, true, b.Button.TypedKey)
	}
}

// KeyDown notes that Space is held. The desktop sends a key's press, then
// the character it types, then its release: a button pressed on the key
// down opened a dialog whose field then received the space.
func (b *Button) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeySpace {
		b.spaceDown = true
	}
}

// KeyUp presses the button when Space is let go, as native buttons do.
func (b *Button) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeySpace && b.spaceDown {
		b.spaceDown = false
		b.Press()
	}
}

// Press does what a click does, but keeps the focus on the button (Fyne's
// Tapped drops it).
func (b *Button) Press() {
	if !b.Disabled() && b.OnTapped != nil {
		b.OnTapped()
	}
}

// MouseIn notes, at the debug level, that the pointer is over the button:
// the real-window tests wait for it before they click.
func (b *Button) MouseIn(ev *desktop.MouseEvent) {
	b.Button.MouseIn(ev)
	if slog.Default().Enabled(context.Background(), slog.LevelDebug) {
		slog.Debug("pointer", "widget", "button", "label", b.label())
	}
}

// FocusLost forgets a Space held when the focus went.
func (b *Button) FocusLost() {
	b.spaceDown = false
	b.Button.FocusLost()
}

// FocusGained scrolls the button into view.
func (b *Button) FocusGained() {
	b.Button.FocusGained()
	Reveal(b)
	logFocus(b, "button", b.label())
}

// label is the button's words, or its name when it has none.
func (b *Button) label() string {
	if b.Text == "" {
		return b.Name
	}
	return b.Text
}
