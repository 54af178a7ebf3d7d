package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// List is Fyne's list where Enter, like Space, chooses the highlighted
// row, and the keys it does not use go to the window.
type List struct {
	widget.List
}

// NewList returns a list of length() rows made by create and filled by
// update.
func NewList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *List {
	l := &List{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey implements fyne.Focusable.
func (l *List) TypedKey(ev *fyne.KeyEvent) {
	if isEnter(ev.Name) {
		ev = &fyne.KeyEvent{Name: fyne.KeySpace, Physical: ev.Physical}
	}
	typedKey(l, ev, true, l.List.TypedKey)
}

// FocusGained scrolls the list into view.
func (l *List) FocusGained() {
	l.List.FocusGained()
	Reveal(l)
	logFocus(l, "list", "")
}
