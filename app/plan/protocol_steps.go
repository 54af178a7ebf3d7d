package plan

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/widgets"
)

// renderSteps shows the steps in order: the day each was done, and the
// action a template step leads to.
func (e *protocolEditor) renderSteps() {
	done := 0
	items := make([]widgets.ChecklistItem, len(e.p.Steps))
	for i, st := range e.p.Steps {
		items[i].Text = st.Text
		if st.DoneAt != nil {
			done++
			items[i].Done = true
			items[i].Detail = "Done " + dates.Short(st.DoneAt.Local())
		}
		if label := data.ActionLabel(st.Action); label != "" {
			action := st.Action
			items[i].Extra = widgets.NewButton(label, func() { e.s.runAction(action) })
		}
	}
	e.progress.SetText(data.ProtocolSummary{Done: done, Total: len(e.p.Steps)}.Progress() + " done")
	e.steps.SetItems(items)
}

// wireSteps connects the checklist's taps to the stored steps.
func (e *protocolEditor) wireSteps() {
	step := func(i int, do func(data.ProtocolStep)) {
		if i >= 0 && i < len(e.p.Steps) {
			do(e.p.Steps[i])
		}
	}
	e.steps.OnToggle = func(i int, on bool) { step(i, func(st data.ProtocolStep) { e.tick(st, on) }) }
	e.steps.OnMove = func(i, delta int) { step(i, func(st data.ProtocolStep) { e.move(st, delta) }) }
	e.steps.OnEdit = func(i int) { step(i, e.editStep) }
	e.steps.OnDelete = func(i int) { step(i, e.deleteStep) }
}

// stepChange runs a change to a step and shows the steps as stored after.
func (e *protocolEditor) stepChange(change func(s *data.Store) error, after func()) {
	e.msgs[data.FieldStep].Clear()
	store, id := e.s.plan.Store, e.p.ID
	ui.Background(e.s.plan.Host, func() (data.Protocol, error) {
		if err := change(store); err != nil {
			return data.Protocol{}, err
		}
		return store.Protocol(id)
	}, func(p data.Protocol) {
		e.p.Steps = p.Steps
		e.renderSteps()
		e.s.Load()
		if after != nil {
			after()
		}
	}, func(err error) {
		e.renderSteps() // a refused tick shows as it was
		e.fail(err, data.FieldStep)
	})
}

func (e *protocolEditor) tick(st data.ProtocolStep, on bool) {
	var at *time.Time
	if on {
		now := e.s.plan.Store.Now()
		at = &now
	}
	var previous *time.Time
	e.stepChange(func(s *data.Store) (err error) {
		previous, err = s.SetStepDone(st.ID, at)
		return err
	}, func() {
		if on || previous == nil {
			e.s.hideUndo()
			return
		}
		// Unticking forgets the day it was done; undo brings it back.
		e.s.offerUndo(fmt.Sprintf("Unticked “%s” (done %s).", ui.MenuText(st.Text), dates.Short(previous.Local())), func() {
			e.stepChange(func(s *data.Store) error {
				_, err := s.SetStepDone(st.ID, previous)
				return err
			}, nil)
		})
	})
}

func (e *protocolEditor) move(st data.ProtocolStep, delta int) {
	e.stepChange(func(s *data.Store) error { return s.MoveStep(st.ID, delta) }, nil)
}

func (e *protocolEditor) deleteStep(st data.ProtocolStep) {
	e.stepChange(func(s *data.Store) error { return s.DeleteStep(st.ID) }, func() {
		e.s.offerUndo("Removed “"+ui.MenuText(st.Text)+"”.", func() {
			e.stepChange(func(s *data.Store) error { return s.RestoreStep(st.ID) }, nil)
		})
	})
}

func (e *protocolEditor) addStep() {
	text := e.newStep.Text
	e.msgs[data.FieldSteps].Clear()
	e.stepChange(func(s *data.Store) error {
		_, err := s.AddStep(e.p.ID, text, "")
		return err
	}, func() { e.newStep.SetText("") })
}

// editStep rewords a step in a small dialog that stays open on a refusal.
func (e *protocolEditor) editStep(st data.ProtocolStep) {
	field := widgets.NewTextArea()
	field.SetText(st.Text)
	field.SetMinRowsVisible(3)
	msg := ui.NewFieldMessage()
	ui.LimitPastes(field, ui.PasteLimit, msg.Say)
	d := e.s.plan.NewDialog(ui.DlgEditStep, "Edit step", container.NewVBox(field, msg))
	d.Form = true
	d.CancelButton("Cancel", nil)
	d.DefaultButton("Save step", theme.DocumentSaveIcon(), func() {
		text := field.Text
		ui.Background(e.s.plan.Host, func() (data.ProtocolStep, error) {
			return e.s.plan.Store.EditStep(st.ID, text)
		}, func(data.ProtocolStep) {
			d.Hide()
			e.stepChange(func(*data.Store) error { return nil }, nil)
		}, func(err error) { msg.Say(err.Error()) })
	})
	d.Show(520, 0, field)
}
