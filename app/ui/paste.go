package ui

import (
	"fmt"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/prose"
	"github.com/bothand/bothand/widgets"
)

// PasteLimit is the most a text field takes in one paste. It is the longest
// journal answer: past it, laying out the wrapped text would freeze the
// window for seconds, then minutes.
const PasteLimit = data.MaxFieldLen

// LimitPastes makes field refuse a paste that would take it past limit
// characters, and explain it through show; nothing already typed changes.
func LimitPastes(field *widgets.Entry, limit int, show func(msg string)) {
	field.MaxPaste = limit
	field.OnPasteRefused = func(n int) {
		show(fmt.Sprintf("That paste is %s characters long and this field holds up to %s. Nothing was pasted and nothing you wrote changed: paste a shorter part.",
			prose.Thousands(n), prose.Thousands(limit)))
	}
}
