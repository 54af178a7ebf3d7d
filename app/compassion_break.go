package app

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/assets"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/widgets"
)

// breakFlow is the self-compassion break: acknowledge, normalise,
// kindness, one step per screen, each with room for the person's own
// sentence. The break is saved at every step, so closing it half-way loses
// nothing; finishing it is quiet: no score, no badge.
type breakFlow struct {
	c     *compassionScreen
	rec   data.CompassionSession
	about string // the entry it is for, in a few words; "" for none
	step  int
	steps []assets.CompassionStep

	field   *widgets.Entry
	message *widget.Label
	saving  bool
}

func newBreakFlow(c *compassionScreen, rec data.CompassionSession, about string) *breakFlow {
	f := &breakFlow{c: c, rec: rec, about: about, steps: assets.CompassionSteps()}
	// Carrying on with a break starts at its first unanswered step.
	for f.step < len(f.steps)-1 && strings.TrimSpace(f.answer(f.step)) != "" {
		f.step++
	}
	return f
}

func (f *breakFlow) answer(i int) string {
	switch i {
	case 0:
		return f.rec.Acknowledge
	case 1:
		return f.rec.Normalise
	default:
		return f.rec.Kindness
	}
}

func (f *breakFlow) setAnswer(i int, text string) {
	switch i {
	case 0:
		f.rec.Acknowledge = text
	case 1:
		f.rec.Normalise = text
	default:
		f.rec.Kindness = text
	}
}

// view is the current step's screen.
func (f *breakFlow) view() fyne.CanvasObject {
	st := f.steps[f.step]
	progress := ui.Caption(fmt.Sprintf("Self-compassion break · step %d of %d", f.step+1, len(f.steps)))
	title := widget.NewLabel(st.Title)
	title.TextStyle = fyne.TextStyle{Bold: true}
	title.SizeName = theme.SizeNameSubHeadingText
	prompt := ui.WrapLabel(st.Prompt)

	// Esc is "Not now", as it closes the journal's editor (compassion.go).
	f.field = widgets.NewTextArea()
	f.field.SetPlaceHolder(st.Placeholder)
	f.field.SetMinRowsVisible(5)
	f.field.SetText(f.answer(f.step))
	f.message = ui.WrapLabel("")
	f.message.Importance = widget.DangerImportance
	f.message.Hide()
	ui.LimitPastes(f.field, ui.PasteLimit, f.show)
	f.field.OnSubmitted = func(string) { f.next() } // Shift+Enter; Enter starts a new line

	later := widgets.NewButton("Not now", f.leave)
	later.Importance = widget.LowImportance
	buttons := []fyne.CanvasObject{later}
	if f.step > 0 {
		buttons = append([]fyne.CanvasObject{widgets.NewButtonWithIcon("Back", theme.NavigateBackIcon(), f.back)}, buttons...)
	}
	next := widgets.NewButtonWithIcon("Next", theme.NavigateNextIcon(), f.next)
	if f.step == len(f.steps)-1 {
		next = widgets.NewButtonWithIcon("Finish", theme.ConfirmIcon(), f.next)
	}
	next.Importance = widget.HighImportance

	items := []fyne.CanvasObject{progress}
	if f.about != "" {
		items = append(items, ui.Caption("For your entry: "+f.about))
	}
	items = append(items, title, prompt, f.field, f.message,
		container.NewHBox(append(buttons, layoutSpacer(), next)...),
		ui.Caption("Saved as you go. A sentence is enough; you may also leave a step empty. Shift+Enter goes on; Esc is Not now."))
	return readable(container.NewVBox(items...))
}

func (f *breakFlow) show(msg string) {
	f.message.SetText(msg)
	f.message.Show()
}

// blank is true while no step holds a word.
func (f *breakFlow) blank() bool {
	for i := range f.steps {
		if strings.TrimSpace(f.answer(i)) != "" {
			return false
		}
	}
	return true
}

// next saves the step and moves on, or finishes on the last step.
func (f *breakFlow) next() {
	last := f.step == len(f.steps)-1
	f.save(last, func() {
		if last {
			f.c.showFinished(f.rec)
			return
		}
		f.step++
		f.c.showFlow(f)
	})
}

func (f *breakFlow) back() {
	f.save(false, func() {
		f.step--
		f.c.showFlow(f)
	})
}

// leave closes the break; anything typed is kept and it can be carried on
// from the Compassion tab.
func (f *breakFlow) leave() {
	if f.rec.ID == 0 && strings.TrimSpace(f.field.Text) == "" {
		f.c.showHome()
		return
	}
	f.save(false, f.c.showHome)
}

// save stores the break as it stands; a refusal keeps the step open with
// its text.
func (f *breakFlow) save(finish bool, then func()) {
	if f.saving {
		return
	}
	f.setAnswer(f.step, f.field.Text)
	if f.rec.ID == 0 && !finish && f.blank() {
		then() // nothing to keep yet: an empty break left half-way would only clutter the list
		return
	}
	f.saving = true
	rec, store := f.rec, f.c.u.Store
	ui.Background(f.c.u.Host, func() (data.CompassionSession, error) {
		if finish {
			return store.FinishBreak(rec)
		}
		return store.SaveBreak(rec)
	}, func(saved data.CompassionSession) {
		f.saving = false
		f.rec = saved
		then()
	}, func(err error) {
		f.saving = false
		var ve *data.ValidationError
		if errors.As(err, &ve) {
			f.show(ve.Message)
			return
		}
		msg := "Couldn't save the break: " + err.Error() + "."
		if advice := data.Advice(err); advice != "" {
			msg += " " + advice
		}
		f.show(msg + " What you wrote is still here.")
	})
}

// finishedView is the quiet end of a break: the person's own kind words
// given back, and the way home, returned too so it can take the focus.
func finishedView(rec data.CompassionSession, done func()) (fyne.CanvasObject, *widgets.Button) {
	title := widget.NewLabel("Thank you for stopping for a moment")
	title.TextStyle = fyne.TextStyle{Bold: true}
	title.SizeName = theme.SizeNameSubHeadingText
	items := []fyne.CanvasObject{title}
	if k := strings.TrimSpace(rec.Kindness); k != "" {
		words := ui.WrapLabel("“" + k + "”")
		words.TextStyle = fyne.TextStyle{Italic: true}
		items = append(items, ui.Caption("What you needed to hear:"), words)
	}
	doneButton := widgets.NewButton("Done", done)
	items = append(items,
		ui.WrapLabel("Come back to these three steps whenever guilt or shame gets loud. It may feel awkward at first; it gets easier with repetition."),
		container.NewHBox(doneButton))
	return readable(container.NewVBox(items...)), doneButton
}
