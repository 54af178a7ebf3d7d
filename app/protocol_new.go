package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/widgets"
)

// newProtocolForm starts a blank protocol: a title and its first steps,
// one a line. A refusal keeps the dialog open with everything typed.
type newProtocolForm struct {
	p            *protocolsScreen
	dlg          *appDialog
	commitmentID *int64
	title        *widgets.Entry
	steps        *widgets.Entry
	msgs         map[data.Field]fieldMessage
	save         *widgets.Button
}

func (p *protocolsScreen) showNewForm(title string, commitmentID *int64) {
	f := &newProtocolForm{p: p, commitmentID: commitmentID, msgs: map[data.Field]fieldMessage{}}
	for _, k := range []data.Field{data.FieldTitle, data.FieldSteps} {
		f.msgs[k] = newFieldMessage()
	}
	f.title = widgets.NewEntry()
	f.title.SetPlaceHolder("Next time a client call lands on family time…")
	f.title.SetText(title)
	f.steps = widgets.NewTextArea()
	f.steps.SetPlaceHolder("One concrete step a line, for example:\nPut the school play in the calendar as non-negotiable")
	f.steps.SetMinRowsVisible(6)
	limitPastes(f.steps, pasteLimit, f.msgs[data.FieldSteps].show)
	form := container.NewVBox(
		sectionTitle("Title"), f.title, f.msgs[data.FieldTitle],
		sectionTitle("Steps"), f.steps, f.msgs[data.FieldSteps],
	)
	f.dlg = p.u.newDialog(dlgNewProtocol, "New protocol", container.NewVScroll(form))
	f.dlg.form = true
	f.dlg.cancelButton("Cancel", nil)
	f.save = f.dlg.defaultButton("Create protocol", theme.DocumentSaveIcon(), f.submit)
	f.dlg.show(560, 480, f.title)
	p.newForm = f
}

func (f *newProtocolForm) submit() {
	for _, m := range f.msgs {
		m.clear()
	}
	var steps []data.NewStep
	for line := range strings.SplitSeq(f.steps.Text, "\n") {
		steps = append(steps, data.NewStep{Text: line})
	}
	pr := data.Protocol{Title: f.title.Text, CommitmentID: f.commitmentID, RemindDaysBefore: 2, Status: data.ProtocolActive}
	f.save.Disable()
	background(f.p.u, func() (data.Protocol, error) {
		return f.p.u.store.CreateProtocol(pr, steps)
	}, func(saved data.Protocol) {
		f.save.Enable()
		f.dlg.hide()
		f.p.u.revealProtocol(saved.ID)
		if f.commitmentID != nil {
			if t := f.p.u.tiersTab(); t != nil {
				t.load() // the agenda shows the plan at the commitment
			}
		}
	}, func(err error) {
		f.save.Enable()
		var ve *data.ValidationError
		if errors.As(err, &ve) {
			if m, ok := f.msgs[ve.Field]; ok {
				m.show(ve.Message)
				return
			}
			f.msgs[data.FieldSteps].show(ve.Message)
			return
		}
		f.p.u.showError(err)
	})
}
