package plan

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/widgets"
)

// newProtocolForm starts a protocol: blank, a title and its first steps,
// one a line; or from a template, its name (the template's steps follow).
// A refusal keeps the dialog open with everything typed.
type newProtocolForm struct {
	p            *protocolsScreen
	dlg          *ui.Dialog
	commitmentID *int64
	template     *data.ProtocolTemplate // nil for a blank protocol
	title        *widgets.Entry
	steps        *widgets.Entry
	msgs         map[data.Field]ui.FieldMessage
	save         *widgets.Button
}

func (p *protocolsScreen) showNewForm(title string, commitmentID *int64) {
	p.openNewForm(title, commitmentID, nil)
}

// showTemplateForm asks for the name of a protocol started from a
// template, offering the template's title (numbered when a plan has it),
// and lists the steps it will start with.
func (p *protocolsScreen) showTemplateForm(key string) {
	tpl, ok := data.ProtocolTemplateByKey(key)
	if !ok {
		return
	}
	ui.Background(p.plan.Host, func() (string, error) {
		return p.plan.Store.UniqueProtocolTitle(tpl.Title)
	}, func(title string) { p.openNewForm(title, nil, &tpl) })
}

func (p *protocolsScreen) openNewForm(title string, commitmentID *int64, tpl *data.ProtocolTemplate) {
	f := &newProtocolForm{p: p, commitmentID: commitmentID, template: tpl, msgs: map[data.Field]ui.FieldMessage{}}
	for _, k := range []data.Field{data.FieldTitle, data.FieldSteps} {
		f.msgs[k] = ui.NewFieldMessage()
	}
	f.title = widgets.NewEntry()
	f.title.SetPlaceHolder("Next time a client call lands on family time…")
	f.title.SetText(title)
	f.steps = widgets.NewTextArea()
	f.steps.SetPlaceHolder("One concrete step a line, for example:\nPut the school play in the calendar as non-negotiable")
	f.steps.SetMinRowsVisible(6)
	ui.LimitPastes(f.steps, ui.PasteLimit, f.msgs[data.FieldSteps].Say)
	form := container.NewVBox(ui.SectionTitle("Name"), f.title, f.msgs[data.FieldTitle])
	heading := "New protocol"
	if tpl == nil {
		form.Add(ui.SectionTitle("Steps"))
		form.Add(f.steps)
		form.Add(f.msgs[data.FieldSteps])
	} else {
		heading = "New protocol from a template"
		form.Add(ui.SectionTitle("It starts with these steps"))
		for i, st := range tpl.Steps {
			form.Add(ui.WrapLabel(fmt.Sprintf("%d. %s", i+1, st.Text)))
		}
		form.Add(ui.Caption("Once it's made, change, add or remove steps to make it yours."))
	}
	f.dlg = p.plan.NewDialog(ui.DlgNewProtocol, heading, container.NewVScroll(form))
	f.dlg.Form = true
	f.dlg.CancelButton("Cancel", nil)
	f.save = f.dlg.DefaultButton("Create protocol", theme.DocumentSaveIcon(), f.submit)
	f.dlg.Show(560, 480, f.title)
	p.newForm = f
}

func (f *newProtocolForm) submit() {
	for _, m := range f.msgs {
		m.Clear()
	}
	var steps []data.NewStep
	for line := range strings.SplitSeq(f.steps.Text, "\n") {
		steps = append(steps, data.NewStep{Text: line})
	}
	pr := data.Protocol{Title: f.title.Text, CommitmentID: f.commitmentID, RemindDaysBefore: 2, Status: data.ProtocolActive}
	tpl := f.template
	f.save.Disable()
	ui.Background(f.p.plan.Host, func() (data.Protocol, error) {
		if tpl != nil {
			if strings.TrimSpace(pr.Title) == "" {
				return pr, &data.ValidationError{Field: data.FieldTitle, Message: "Give the protocol a name, so you can tell it from the others."}
			}
			return f.p.plan.Store.StartFromTemplateNamed(tpl.Key, pr.Title, f.commitmentID)
		}
		return f.p.plan.Store.CreateProtocol(pr, steps)
	}, func(saved data.Protocol) {
		f.save.Enable()
		f.dlg.Hide()
		f.p.plan.RevealProtocol(saved.ID)
		if f.commitmentID != nil {
			if t := f.p.plan.tiersTab(); t != nil {
				t.Load() // the agenda shows the plan at the commitment
			}
		}
	}, func(err error) {
		f.save.Enable()
		var ve *data.ValidationError
		if errors.As(err, &ve) {
			if m, ok := f.msgs[ve.Field]; ok {
				m.Say(ve.Message)
				return
			}
			f.msgs[data.FieldSteps].Say(ve.Message)
			return
		}
		f.p.plan.ShowError(err)
	})
}
