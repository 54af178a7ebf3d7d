package plan

import (
	"errors"
	"fmt"
	"strings"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/widgets"
)

// What the tier rules answer in the work block form: a refusal with the
// next free time, the emergency question, and the make-up note.

// showError shows a refusal where it belongs: the tier rules in their
// panels, bad input under its field.
func (f *workBlockForm) showError(err error) {
	var ce *data.ConflictError
	var ve *data.ValidationError
	switch {
	case errors.As(err, &ce) && errors.Is(err, data.ErrNonNegotiable):
		f.emergencyBox.Hide()
		f.refusal.SetText(ce.Error())
		f.suggested = ce.Conflicts.NextFree
		setVisible(f.useSlot, !f.suggested.IsZero())
		if !f.suggested.IsZero() {
			f.useSlot.SetText("Use " + dates.At(f.suggested.Local()) + " instead")
		}
		f.refusalBox.Show()
		if f.useSlot.Visible() {
			// The way out takes the keyboard, which scrolls it into view.
			f.plan.Win.Canvas().Focus(f.useSlot)
		} else {
			widgets.Reveal(f.refusal)
		}
	case errors.As(err, &ce):
		f.refusalBox.Hide()
		f.emergency.SetText(ce.Error())
		f.emergencyBox.Show()
		f.saveButton.SetText("Save as an emergency")
		if strings.TrimSpace(f.reason.Text) != "" {
			f.emergency.SetText(ce.Error() + " Write the reason below.")
		}
		f.plan.Win.Canvas().Focus(f.reason)
	case errors.As(err, &ve):
		if m, ok := f.msgs[ve.Field]; ok {
			m.Say(ve.Message)
			return
		}
		f.plan.ShowError(err)
	default:
		f.plan.ShowError(err)
	}
}

// takeSuggestion moves the block to the suggested free slot, keeping its
// length; the person saves it.
func (f *workBlockForm) takeSuggestion() {
	wb, err := f.readQuiet()
	if err != nil || f.suggested.IsZero() {
		return
	}
	length := wb.EndsAt.Sub(wb.StartsAt)
	start := f.suggested.Local()
	end := start.Add(length)
	f.date.SetDate(&start)
	f.from.SetText(start.Format("15:04"))
	f.to.SetText(end.Format("15:04"))
	f.refusalBox.Hide()
	f.update()
}

// makeUpNotice tells the person what saving the work did to flexible time.
func makeUpNotice(conf data.Conflicts) string {
	if len(conf.Flexible) == 0 {
		return ""
	}
	var names []string
	for _, o := range conf.Flexible {
		names = append(names, fmt.Sprintf("“%s” (%s)", o.Commitment.Title, data.FormatSpan(o.Start, o.End, o.AllDay())))
	}
	return "This work takes flexible time: " + strings.Join(names, ", ") +
		". That's allowed. A note to make it up another day is now on your agenda."
}
