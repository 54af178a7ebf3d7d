package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/data"
)

// protocolLine is a next-time plan under the commitment it was made for,
// at its next occurrence, with the way to open it.
func (t *tiersScreen) protocolLine(p data.ProtocolSummary) fyne.CanvasObject {
	l := widget.NewLabel("Next-time protocol: “" + p.Title + "” · " + p.Progress() + " done")
	l.Wrapping = fyne.TextWrapWord
	l.TextStyle = fyne.TextStyle{Italic: true}
	id := p.ID
	open := widget.NewButton("Open protocol", func() { t.u.revealProtocol(id) })
	open.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, leadColumns(widget.NewIcon(theme.ListIcon()), widget.NewLabel("")), open, l)
}

// planNextTime starts a protocol tied to a commitment, so it comes back
// before the commitment's next occurrence.
func (t *tiersScreen) planNextTime(c data.Commitment) {
	if p := t.u.protocolsTab(); p != nil {
		p.showNewForm("Next time: "+c.Title, &c.ID)
	}
}
