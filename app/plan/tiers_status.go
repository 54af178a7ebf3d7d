package plan

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/widgets"
)

// The Tiers tab says what a save did, in a line under its toolbar: the
// form closes and the agenda changes, and without it a save looks the same
// as a cancel. The line stays until the next save or until it is
// dismissed, and offers to show the day when it is out of the two weeks
// shown.

type tiersStatus struct {
	box  *fyne.Container
	text *widget.Label
	show *widgets.Button
	day  time.Time
}

func (t *tiersScreen) buildStatus() fyne.CanvasObject {
	s := &t.status
	s.text = widget.NewLabel("")
	s.text.Wrapping = fyne.TextWrapWord
	s.show = widgets.NewButton("Show that day", func() { t.jump(s.day) })
	s.show.Importance = widget.LowImportance
	dismiss := widgets.NewIconButton("Dismiss", theme.CancelIcon(), func() { s.box.Hide() })
	dismiss.Importance = widget.LowImportance
	s.box = container.NewBorder(nil, nil, widget.NewIcon(theme.ConfirmIcon()),
		container.NewHBox(s.show, dismiss), s.text)
	s.box.Hide()
	return s.box
}

// announce says text about something on day.
func (t *tiersScreen) announce(text string, day time.Time) {
	s := &t.status
	s.day = day
	s.text.SetText(text)
	shown := !day.Before(t.from) && day.Before(t.from.AddDate(0, 0, agendaDays))
	setVisible(s.show, !shown)
	s.box.Show()
}

// commitmentSaved reloads the agenda and says what was saved.
func (t *tiersScreen) commitmentSaved(c data.Commitment) {
	t.Load()
	if c.ID == 0 {
		return // deleted: the confirmation said so
	}
	t.announce("Saved “"+c.Title+"”: "+commitmentDetail(c, data.Kept{})+".", c.StartsAt.Local())
}

// workSaved reloads the agenda, says what was saved and what it did to
// flexible time.
func (t *tiersScreen) workSaved(wb data.WorkBlock, conf data.Conflicts) {
	t.Load()
	what := "the work block"
	if wb.Title != "" {
		what = "“" + wb.Title + "”"
	}
	text := "Saved " + what + ": " + data.FormatSpan(wb.StartsAt, wb.EndsAt, false) + "."
	if wb.EmergencyReason != "" {
		text += " It is marked as an emergency, with your reason."
	}
	t.announce(text, wb.StartsAt.Local())
	if note := makeUpNotice(conf); note != "" {
		t.plan.Inform(ui.DlgMakeUp, "A make-up note was added", note)
	}
}
