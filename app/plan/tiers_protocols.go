package plan

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/widgets"
)

// protocolLine is a next-time plan under the commitment it was made for,
// at its next occurrence, with the way to open it.
func (t *tiersScreen) protocolLine(p data.ProtocolSummary) fyne.CanvasObject {
	l := widget.NewLabel("Next-time protocol: “" + p.Title + "” · " + p.Progress() + " done")
	l.Wrapping = fyne.TextWrapWord
	l.TextStyle = fyne.TextStyle{Italic: true}
	id := p.ID
	open := widgets.NewButton("Open protocol", func() { t.plan.RevealProtocol(id) })
	open.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, leadColumns(widget.NewIcon(theme.ListIcon()), widget.NewLabel("")), open, l)
}

// planNextTime starts a protocol tied to a commitment, so it comes back
// before the commitment's next occurrence.
func (t *tiersScreen) planNextTime(c data.Commitment) {
	if p := t.plan.protocolsTab(); p != nil {
		p.showNewForm("Next time: "+c.Title, &c.ID)
	}
}

// comingPlansCard brings back, at the top of the agenda, each plan whose
// commitment comes next within the days the person chose.
func (t *tiersScreen) comingPlansCard() fyne.CanvasObject {
	now := time.Now()
	if t.from.After(now) || len(t.snapshot.protocols) == 0 {
		return nil
	}
	seen := map[int64]bool{}
	box := container.NewVBox()
	for _, day := range t.snapshot.days {
		for _, o := range day.Occurrences {
			id := o.Commitment.ID
			if seen[id] || !o.End.After(now) {
				continue
			}
			seen[id] = true
			for _, p := range t.snapshot.protocols[id] {
				if ui.CivilDiff(ui.Midnight(now), ui.Midnight(o.Start.Local())) > p.RemindDaysBefore {
					continue
				}
				text := fmt.Sprintf("%s is %s: look over “%s” (%s done).",
					o.Commitment.Title, whenFromToday(o.Start, now), p.Title, p.Progress())
				pid := p.ID
				open := widgets.NewButton("Open protocol", func() { t.plan.RevealProtocol(pid) })
				open.Importance = widget.LowImportance
				box.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.ListIcon()), open, ui.WrapLabel(text)))
			}
		}
	}
	if len(box.Objects) == 0 {
		return nil
	}
	return t.foldingCard("comingUp", fmt.Sprintf("Coming up: your next-time plans (%d)", len(box.Objects)), box)
}

// whenFromToday is "today", "tomorrow" or "on Friday 4 December".
func whenFromToday(t, now time.Time) string {
	switch ui.CivilDiff(now.Local(), t.Local()) {
	case 0:
		return "today"
	case 1:
		return "tomorrow"
	}
	return "on " + dates.Long(t.Local())
}
