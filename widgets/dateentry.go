package widgets

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// DateEntry is Fyne's date field (type a date or pick it on a calendar)
// with the keys, focus and wheel of Entry.
type DateEntry struct {
	widget.DateEntry
}

// NewDateEntry returns an empty date field.
func NewDateEntry() *DateEntry {
	e := &DateEntry{}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	return e
}

// NewDateEntryAt returns a date field set to d.
func NewDateEntryAt(d time.Time) *DateEntry {
	e := NewDateEntry()
	e.SetDate(&d)
	return e
}

// CreateRenderer implements fyne.Widget.
func (e *DateEntry) CreateRenderer() fyne.WidgetRenderer {
	e.ExtendBaseWidget(e)
	return passWheel(e, e.DateEntry.CreateRenderer())
}

// AcceptsTab is false: Tab moves on.
func (e *DateEntry) AcceptsTab() bool { return false }

// TypedKey implements fyne.Focusable.
func (e *DateEntry) TypedKey(ev *fyne.KeyEvent) {
	typedKey(e, ev, e.OnSubmitted != nil, e.DateEntry.TypedKey)
}

// FocusGained scrolls the field into view.
func (e *DateEntry) FocusGained() {
	e.DateEntry.FocusGained()
	Reveal(e)
	logFocus(e, "date", e.PlaceHolder)
}
