package plan

import (
	"fmt"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/data/prose"
	"github.com/bothand/bothand/widgets"
)

// renderAgenda lays out the snapshot's days: the open make-up notes first,
// then each day with its commitments (with their tier badges and what was
// recorded about them), its work, and the make-up notes for it.
func (t *tiersScreen) renderAgenda() {
	var rows []fyne.CanvasObject
	if card := t.comingPlansCard(); card != nil {
		rows = append(rows, card)
	}
	if card := t.makeUpCard(); card != nil {
		rows = append(rows, card)
	}
	today := ui.Midnight(time.Now())
	// A plan tied to a commitment shows at its next occurrence only.
	planShown := map[int64]bool{}
	if t.from.After(time.Now()) {
		planShown = nil
	}
	for _, day := range t.snapshot.days {
		heading := widget.NewLabelWithStyle(ui.DayHeading(day.Date, today), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		rows = append(rows, heading)
		if day.Empty() {
			free := widget.NewLabel("Nothing planned.")
			free.Importance = widget.LowImportance
			rows = append(rows, free)
		}
		// Commitments and work in the order they happen.
		for _, it := range day.Items() {
			if it.Work != nil {
				rows = append(rows, t.workRow(*it.Work))
				continue
			}
			o := *it.Occurrence
			rows = append(rows, t.occurrenceRow(o, day.Date, it.ClashesWith))
			id := o.Commitment.ID
			if planShown != nil && !planShown[id] && o.End.After(time.Now()) {
				planShown[id] = true
				for _, p := range t.snapshot.protocols[id] {
					rows = append(rows, t.protocolLine(p))
				}
			}
		}
		for _, n := range day.MakeUps {
			rows = append(rows, makeUpLine(n))
		}
		rows = append(rows, widget.NewSeparator())
	}
	t.agenda.Objects = rows
	t.agenda.Refresh()
}

// occurrenceRow is one commitment occurrence: badge, time, title, the
// commitments it clashes with, what was recorded, and its actions.
func (t *tiersScreen) occurrenceRow(o data.Occurrence, day time.Time, clashes []data.Occurrence) fyne.CanvasObject {
	badge := widgets.NewTierBadge(int(o.Tier()))
	when := widget.NewLabel(occurrenceTime(o, day))
	title := widget.NewLabel(o.Commitment.Title)
	title.Wrapping = fyne.TextWrapWord
	if o.Tier() == data.TierNonNegotiable {
		title.TextStyle = fyne.TextStyle{Bold: true}
	}
	details := []fyne.CanvasObject{title}
	if o.Commitment.Location != "" {
		where := widget.NewLabel(o.Commitment.Location)
		where.SizeName = theme.SizeNameCaptionText
		where.Truncation = fyne.TextTruncateEllipsis
		details = append(details, where)
	}
	right := container.NewHBox()
	if text := outcomeText(o); text != "" {
		// The words and marks carry the meaning; Fyne's success and warning
		// colours are too faint on the light theme for text.
		right.Add(widget.NewLabel(text))
	}
	actions := widgets.NewIconButton(actionsName(o.Commitment.Title, o.Start), theme.MoreHorizontalIcon(), nil)
	actions.Importance = widget.LowImportance
	actions.OnTapped = func() { t.showOccurrenceMenu(o, actions) }
	right.Add(actions)
	row := container.NewBorder(nil, nil, leadColumns(badge, when), onFirstLine(right), container.NewVBox(details...))
	if len(clashes) == 0 {
		return row
	}
	// The clash gets the row's whole width under the title: it is the
	// line to read first, and beside the marks it wrapped word by word.
	indent := leadColumns(widget.NewLabel(""), widget.NewLabel(""))
	return container.NewVBox(row, container.NewBorder(nil, nil, indent, nil, clashLine(clashes, day)))
}

// leadColumns lines up the badge (or icon) and time columns of agenda
// rows, whatever the tier's word or the time's width.
func leadColumns(mark, when fyne.CanvasObject) fyne.CanvasObject {
	return container.NewHBox(
		container.New(topAligned{badgeColumn(), lineHeight()}, mark),
		container.New(topAligned{timeColumn(), lineHeight()}, when))
}

// onFirstLine keeps a row's trailing marks and button beside its first
// line of text rather than stretched down a long row; the padding keeps
// them clear of the scroll bar at the window's edge.
func onFirstLine(o fyne.CanvasObject) fyne.CanvasObject {
	gap := canvas.NewRectangle(color.Transparent)
	gap.SetMinSize(fyne.NewSize(theme.Padding(), 0))
	return container.NewHBox(container.New(topAligned{0, lineHeight()}, o), gap)
}

func badgeColumn() float32 { return widgets.NewTierBadge(1).MinSize().Width }

func timeColumn() float32 { return widget.NewLabel("00:00–00:00").MinSize().Width }

func lineHeight() float32 { return widget.NewLabel("Xg").MinSize().Height }

// topAligned gives its one object at least a width and its own height,
// centred on the row's first line of text.
type topAligned struct{ width, line float32 }

func (l topAligned) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m := objs[0].MinSize()
	return fyne.NewSize(max(l.width, m.Width), max(m.Height, l.line))
}

func (l topAligned) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	h := objs[0].MinSize().Height
	objs[0].Move(fyne.NewPos(0, max(0, (l.line-h)/2)))
	objs[0].Resize(fyne.NewSize(size.Width, h))
}

// actionsName names an agenda row's "…" button by what it is about.
func actionsName(title string, at time.Time) string {
	return "Actions for " + title + " on " + dates.Long(at.Local())
}

// occurrenceTime is the time column: "18:00–19:00", "all day", or
// "until 09:00" for the morning end of something that began the day before.
func occurrenceTime(o data.Occurrence, day time.Time) string {
	if o.AllDay() {
		return "All day  "
	}
	start, end := o.Start.Local(), o.End.Local()
	switch {
	case start.Before(day):
		return "until " + end.Format("15:04")
	case end.Equal(start):
		return start.Format("15:04")
	}
	return start.Format("15:04") + "–" + end.Format("15:04")
}

func outcomeText(o data.Occurrence) string {
	if o.Outcome == nil {
		return ""
	}
	switch o.Outcome.Status {
	case data.OutcomeKept:
		return "✓ Kept"
	case data.OutcomeMissed:
		return "✗ Missed"
	case data.OutcomeMoved:
		if o.Outcome.MovedTo != nil {
			return "Moved from " + dates.At(o.OccursAt.Local())
		}
		return "Moved"
	}
	return ""
}

// workRow is one block of client work with its buffer, deadline and any
// emergency reason.
func (t *tiersScreen) workRow(wb data.WorkBlock) fyne.CanvasObject {
	icon := widget.NewIcon(theme.ComputerIcon())
	start, end := wb.StartsAt.Local(), wb.EndsAt.Local()
	when := widget.NewLabel(start.Format("15:04") + "–" + end.Format("15:04"))
	name := wb.Title
	if wb.Client != "" {
		name = wb.Client + " · " + wb.Title
	}
	title := widget.NewLabel(name)
	title.Wrapping = fyne.TextWrapWord
	details := []fyne.CanvasObject{title}
	var facts []string
	if wb.BufferMinutes > 0 {
		facts = append(facts, data.FormatDuration(wb.Buffer())+" buffer")
	}
	if wb.DeadlineAt != nil {
		planned, _ := wb.PlannedFinish()
		facts = append(facts, "deadline "+dates.At(wb.DeadlineAt.Local())+", planned finish "+planned.Local().Format("15:04"))
	}
	if len(facts) > 0 {
		l := widget.NewLabel(strings.Join(facts, " · "))
		l.SizeName = theme.SizeNameCaptionText
		l.Wrapping = fyne.TextWrapWord
		details = append(details, l)
	}
	if wb.EmergencyReason != "" {
		l := widget.NewLabel("Emergency: " + wb.EmergencyReason)
		l.Importance = widget.WarningImportance
		l.Wrapping = fyne.TextWrapWord
		details = append(details, l)
	}
	actions := widgets.NewIconButton(actionsName(wb.Title, wb.StartsAt), theme.MoreHorizontalIcon(), nil)
	actions.Importance = widget.LowImportance
	actions.OnTapped = func() { t.showWorkMenu(wb, actions) }
	return container.NewBorder(nil, nil, leadColumns(container.NewHBox(icon, widget.NewLabel("Work")), when), onFirstLine(actions), container.NewVBox(details...))
}

// makeUpLine is a make-up note on the day the time was taken.
func makeUpLine(n data.MakeUpNote) fyne.CanvasObject {
	text := fmt.Sprintf("Make up for “%s”", n.Commitment)
	if n.Work != "" {
		text += ": work (" + n.Work + ") took this time"
	}
	if n.DoneAt != nil {
		text += " · made up"
	}
	l := widget.NewLabel(text)
	l.Importance = widget.LowImportance
	l.Wrapping = fyne.TextWrapWord
	return container.NewBorder(nil, nil, widget.NewIcon(theme.HistoryIcon()), nil, l)
}

// makeUpShown is how many make-up notes the card shows before "more".
const makeUpShown = 3

// makeUpCard lists the time owed to flexible commitments that has already
// been taken (a note about planned work waits on its own day), each with a
// way to say it was given back.
func (t *tiersScreen) makeUpCard() fyne.CanvasObject {
	var due []data.MakeUpNote
	now := time.Now()
	for _, n := range t.snapshot.makeUps {
		if !n.OccursAt.After(now) {
			due = append(due, n)
		}
	}
	if len(due) == 0 {
		return nil
	}
	box := container.NewVBox()
	for i, n := range due {
		if i == makeUpShown && !t.allMakeUps {
			box.Add(widgets.NewButton(fmt.Sprintf("Show %d more", len(due)-makeUpShown), func() {
				t.allMakeUps = true
				t.renderAgenda()
			}))
			break
		}
		text := widget.NewLabel(n.Text())
		text.Wrapping = fyne.TextWrapWord
		done := widgets.NewButtonWithIcon("Made up", theme.ConfirmIcon(), func() {
			ui.BackgroundDo(t.plan.Host, func() error {
				return t.plan.Store.MarkMakeUpDone(n.ID, true)
			}, func() { t.Load() })
		})
		done.Importance = widget.LowImportance
		box.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.HistoryIcon()), done, text))
	}
	return t.foldingCard("makeUp", fmt.Sprintf("To make up (%d)", len(due)), box)
}

// clashLine says which other commitments want the same time: a warning
// sign and words, so it reads without colour.
func clashLine(clashes []data.Occurrence, day time.Time) fyne.CanvasObject {
	var names []string
	for _, c := range clashes {
		names = append(names, "“"+c.Commitment.Title+"” ("+occurrenceTime(c, day)+")")
	}
	l := widget.NewLabel("Clashes with " + prose.List(names) + ": you can't be at both.")
	l.Wrapping = fyne.TextWrapWord
	l.TextStyle = fyne.TextStyle{Italic: true}
	return container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, l)
}
