package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Check is Fyne's check box offering the window the keys it does not use
// (Space ticks it) and scrolling into view when it takes the focus.
type Check struct {
	widget.Check
}

// NewCheck returns a check box with a label.
func NewCheck(label string, changed func(bool)) *Check {
	c := &Check{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey implements fyne.Focusable.
func (c *Check) TypedKey(ev *fyne.KeyEvent) {
	typedKey(c, ev, false, c.Check.TypedKey)
}

// FocusGained scrolls the check box into view.
func (c *Check) FocusGained() {
	c.Check.FocusGained()
	Reveal(c)
	logFocus(c, "check", c.Text)
}
