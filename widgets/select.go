package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Select is Fyne's drop-down choice offering the window the keys it does
// not use (Space and the arrows open it) and scrolling into view when it
// takes the focus.
type Select struct {
	widget.Select
}

// NewSelect returns a choice among options.
func NewSelect(options []string, changed func(string)) *Select {
	s := &Select{}
	s.Options, s.OnChanged = options, changed
	s.PlaceHolder = "(Select one)"
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey implements fyne.Focusable.
func (s *Select) TypedKey(ev *fyne.KeyEvent) {
	typedKey(s, ev, false, s.Select.TypedKey)
}

// FocusGained scrolls the choice into view.
func (s *Select) FocusGained() {
	s.Select.FocusGained()
	Reveal(s)
	logFocus(s, "select", s.Selected)
}
