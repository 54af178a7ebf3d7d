package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/widgets"
)

// newProtocolForm starts a blank protocol: a title and its first steps,
// one a line. A refusal keeps the dialog open with everything typed.
type newProtocolForm struct {
	p            *protocolsScreen
	dlg          dialog.Dialog
	commitmentID *int64
	title        *widget.Entry
	steps        *widgets.TextArea
	msgs         map[data.Field]fieldMessage
	save         *widget.Button
}

func (p *protocolsScreen) showNewForm(title string, commitmentID *int64) {
	f := &newProtocolForm{p: p, commitmentID: commitmentID, msgs: map[data.Field]fieldMessage{}}
	for _, k := range []data.Field{data.FieldTitle, data.FieldSteps} {
		f.msgs[k] = newFieldMessage()
	}
	f.title = widget.NewEntry()
	f.title.SetPlaceHolder("Next time a client call lands on family time…")
	f.title.SetText(title)
	f.steps = widgets.NewTextArea()
	f.steps.SetPlaceHolder("One concrete step a line, for example:\nPut the school play in the calendar as non-negotiable")
	f.steps.SetMinRowsVisible(6)
	limitPastes(f.steps, pasteLimit, f.msgs[data.FieldSteps].show)
	f.save = widget.NewButtonWithIcon("Create protocol", theme.DocumentSaveIcon(), f.submit)
	f.save.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { f.dlg.Hide() })
	form := container.NewVBox(
		sectionTitle("Title"), f.title, f.msgs[data.FieldTitle],
		sectionTitle("Steps"), f.steps, f.msgs[data.FieldSteps],
	)
	content := container.NewBorder(nil, container.NewBorder(widget.NewSeparator(), nil, nil, container.NewHBox(cancel, f.save)),
		nil, nil, container.NewVScroll(form))
	f.dlg = dialog.NewCustomWithoutButtons("New protocol", content, p.u.win)
	f.dlg.Resize(fyne.NewSize(560, 480))
	f.dlg.Show()
	p.u.win.Canvas().Focus(f.title)
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
		f.dlg.Hide()
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
