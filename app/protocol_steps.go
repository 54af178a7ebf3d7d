package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/widgets"
)

// renderSteps lists the steps in order: a tick box, the words with the day
// it was done, the action a template step leads to, and moving, editing
// and removing.
func (e *protocolEditor) renderSteps() {
	done := 0
	var rows []fyne.CanvasObject
	for i, st := range e.p.Steps {
		if st.DoneAt != nil {
			done++
		}
		rows = append(rows, e.stepRow(i, st))
	}
	e.progress.SetText(data.ProtocolSummary{Done: done, Total: len(e.p.Steps)}.Progress() + " done")
	e.steps.Objects = rows
	e.steps.Refresh()
}

func (e *protocolEditor) stepRow(i int, st data.ProtocolStep) fyne.CanvasObject {
	tick := widget.NewCheck("", nil)
	tick.SetChecked(st.DoneAt != nil)
	tick.OnChanged = func(on bool) { e.tick(st, on) }
	text := wrapLabel(fmt.Sprintf("%d. %s", i+1, st.Text))
	details := []fyne.CanvasObject{text}
	if st.DoneAt != nil {
		details = append(details, caption("Done "+st.DoneAt.Local().Format("Mon 2 Jan 2006")))
	}
	if label := data.ActionLabel(st.Action); label != "" {
		action := st.Action
		b := widget.NewButton(label, func() { e.s.runAction(action) })
		details = append(details, container.NewHBox(b))
	}
	icon := func(res fyne.Resource, tapped func()) *widget.Button {
		b := widget.NewButtonWithIcon("", res, tapped)
		b.Importance = widget.LowImportance
		return b
	}
	up := icon(theme.MoveUpIcon(), func() { e.move(st, -1) })
	down := icon(theme.MoveDownIcon(), func() { e.move(st, 1) })
	if i == 0 {
		up.Disable()
	}
	if i == len(e.p.Steps)-1 {
		down.Disable()
	}
	buttons := container.NewHBox(up, down,
		icon(theme.DocumentCreateIcon(), func() { e.editStep(st) }),
		icon(theme.DeleteIcon(), func() { e.deleteStep(st) }))
	return container.NewBorder(nil, nil, container.NewVBox(tick), buttons, container.New(compactVBox(), details...))
}

// stepChange runs a change to a step and shows the steps as stored after.
func (e *protocolEditor) stepChange(change func(s *data.Store) error, after func()) {
	e.msgs["step"].clear()
	store, id := e.s.u.store, e.p.ID
	background(e.s.u, func() (data.Protocol, error) {
		if err := change(store); err != nil {
			return data.Protocol{}, err
		}
		return store.Protocol(id)
	}, func(p data.Protocol) {
		e.p.Steps = p.Steps
		e.renderSteps()
		e.s.load()
		if after != nil {
			after()
		}
	}, func(err error) {
		e.renderSteps() // a refused tick shows as it was
		e.fail(err, "step")
	})
}

func (e *protocolEditor) tick(st data.ProtocolStep, on bool) {
	var at *time.Time
	if on {
		now := e.s.u.store.Now()
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
		e.s.offerUndo(fmt.Sprintf("Unticked “%s” (done %s).", trimForMenu(st.Text), previous.Local().Format("Mon 2 Jan")), func() {
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
		e.s.offerUndo("Removed “"+trimForMenu(st.Text)+"”.", func() {
			e.stepChange(func(s *data.Store) error { return s.RestoreStep(st.ID) }, nil)
		})
	})
}

func (e *protocolEditor) addStep() {
	text := e.newStep.Text
	e.msgs["steps"].clear()
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
	msg := newFieldMessage()
	limitPastes(field, pasteLimit, msg.show)
	var d dialog.Dialog
	save := widget.NewButtonWithIcon("Save step", theme.DocumentSaveIcon(), func() {
		text := field.Text
		background(e.s.u, func() (data.ProtocolStep, error) {
			return e.s.u.store.EditStep(st.ID, text)
		}, func(data.ProtocolStep) {
			d.Hide()
			e.stepChange(func(*data.Store) error { return nil }, nil)
		}, func(err error) { msg.show(err.Error()) })
	})
	save.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("Edit step", container.NewBorder(nil,
		container.NewBorder(nil, nil, nil, container.NewHBox(cancel, save)), nil, nil,
		container.NewVBox(field, msg)), e.s.u.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
	e.s.u.win.Canvas().Focus(field)
}
