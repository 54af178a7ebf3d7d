package plan

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/widgets"
)

const (
	ruleAny     = "Urgent when any answer is yes"
	ruleAtLeast = "Urgent only when at least this many are yes:"
)

// urgencyEditor is the person's own definition of a client emergency: a
// short list of yes-or-no questions and the rule that turns the answers
// into a verdict. It is saved as a whole; a refusal keeps the dialog open.
type urgencyEditor struct {
	p     *protocolsScreen
	dlg   *ui.Dialog
	items []data.UrgencyCriterion // as listed, with the fields' words
	rows  *fyne.Container
	mode  *widgets.RadioGroup
	count *widgets.Select
	msg   ui.FieldMessage
	save  *widgets.Button
	then  func()
}

// urgencySettings is the person's urgency questions and the rule that weighs them.
type urgencySettings struct {
	criteria []data.UrgencyCriterion
	rule     data.UrgencyRule
}

// withUrgency reads the questions and the rule off the main goroutine and
// hands them to apply on it.
func (p *protocolsScreen) withUrgency(apply func(urgencySettings)) {
	store := p.plan.Store
	ui.Background(p.plan.Host, func() (urgencySettings, error) {
		list, err := store.UrgencyCriteria()
		if err != nil {
			return urgencySettings{}, err
		}
		rule, err := store.UrgencyRule()
		return urgencySettings{list, rule}, err
	}, apply)
}

// editUrgency opens the questions; then, if given, runs after a save.
func (p *protocolsScreen) editUrgency(then func()) {
	p.withUrgency(func(l urgencySettings) {
		e := &urgencyEditor{p: p, items: l.criteria, then: then, msg: ui.NewFieldMessage()}
		e.build(l.rule)
		p.urgency = e
	})
}

func (e *urgencyEditor) build(rule data.UrgencyRule) {
	e.rows = container.NewVBox()
	e.mode = widgets.NewRadioGroup([]string{ruleAny, ruleAtLeast}, func(string) { e.showCount() })
	e.mode.Required = true
	e.count = widgets.NewSelect(nil, nil)
	add := widgets.NewButtonWithIcon("Add a question", theme.ContentAddIcon(), func() {
		e.items = append(e.items, data.UrgencyCriterion{})
		e.render()
	})
	starter := widgets.NewButton("Start from suggested questions", func() {
		// A second tap, or one after some were kept, adds only those not
		// listed yet: a triage asks each question once.
		for _, q := range data.StarterCriteria() {
			if !slices.ContainsFunc(e.items, func(c data.UrgencyCriterion) bool { return strings.TrimSpace(c.Question) == q }) {
				e.items = append(e.items, data.UrgencyCriterion{Question: q})
			}
		}
		e.render()
	})
	body := container.NewVBox(
		ui.WrapLabel("What makes a client request genuinely urgent for you? Write it as yes-or-no questions. When a client calls something urgent, the triage asks them one by one."),
		e.rows,
		container.NewHBox(add, starter),
		widget.NewSeparator(),
		ui.SectionTitle("Your rule"),
		e.mode,
		container.NewHBox(e.count),
		e.msg,
	)
	e.render()
	if rule.AtLeast > 1 {
		e.mode.SetSelected(ruleAtLeast)
		e.count.SetSelected(strconv.Itoa(rule.AtLeast))
	} else {
		e.mode.SetSelected(ruleAny)
	}
	e.showCount()
	e.dlg = e.p.plan.NewDialog(ui.DlgUrgency, "What counts as urgent", container.NewVScroll(body))
	e.dlg.Form = true
	e.dlg.CancelButton("Cancel", nil)
	e.save = e.dlg.DefaultButton("Save", theme.DocumentSaveIcon(), e.submit)
	e.dlg.Show(640, 620, nil)
}

// render lists the questions, each editable, movable and removable.
func (e *urgencyEditor) render() {
	var rows []fyne.CanvasObject
	for i := range e.items {
		field := widgets.NewTextArea()
		field.SetMinRowsVisible(2)
		ui.LimitPastes(field, ui.PasteLimit, e.msg.Say)
		field.SetPlaceHolder("A yes-or-no question")
		field.SetText(e.items[i].Question)
		field.OnChanged = func(s string) { e.items[i].Question = s }
		icon := func(name string, res fyne.Resource, tapped func()) *widgets.Button {
			b := widgets.NewIconButton(name, res, tapped)
			b.Importance = widget.LowImportance
			return b
		}
		up := icon("Move up", theme.MoveUpIcon(), func() { e.swap(i, i-1) })
		down := icon("Move down", theme.MoveDownIcon(), func() { e.swap(i, i+1) })
		if i == 0 {
			up.Disable()
		}
		if i == len(e.items)-1 {
			down.Disable()
		}
		remove := icon("Delete", theme.DeleteIcon(), func() {
			e.items = append(e.items[:i], e.items[i+1:]...)
			e.render()
		})
		rows = append(rows, container.NewBorder(nil, nil, widget.NewLabel(fmt.Sprintf("%d.", i+1)), container.NewHBox(up, down, remove), field))
	}
	if len(e.items) == 0 {
		rows = append(rows, ui.Caption("No questions yet. Add your own, or start from the suggested ones and make them yours."))
	}
	e.rows.Objects = rows
	e.rows.Refresh()
	e.showCount()
}

func (e *urgencyEditor) swap(i, j int) {
	if j < 0 || j >= len(e.items) {
		return
	}
	e.items[i], e.items[j] = e.items[j], e.items[i]
	e.render()
}

// showCount offers 2 up to the number of questions for "at least".
func (e *urgencyEditor) showCount() {
	if e.count == nil {
		return
	}
	var opts []string
	for n := 2; n <= max(2, len(e.items)); n++ {
		opts = append(opts, strconv.Itoa(n))
	}
	keep := e.count.Selected
	e.count.Options = opts
	if keep == "" {
		keep = "2"
	}
	e.count.SetSelected(keep)
	setVisible(e.count, e.mode.Selected == ruleAtLeast)
}

func (e *urgencyEditor) submit() {
	e.msg.Clear()
	rule := data.UrgencyRule{AtLeast: 1}
	if e.mode.Selected == ruleAtLeast {
		rule.AtLeast, _ = strconv.Atoi(e.count.Selected)
	}
	items := append([]data.UrgencyCriterion(nil), e.items...)
	e.save.Disable()
	ui.Background(e.p.plan.Host, func() ([]data.UrgencyCriterion, error) {
		return e.p.plan.Store.SaveUrgency(items, rule)
	}, func([]data.UrgencyCriterion) {
		e.save.Enable()
		e.dlg.Hide()
		e.p.Load()
		if e.then != nil {
			e.then()
		}
	}, func(err error) {
		e.save.Enable()
		var ve *data.ValidationError
		if errors.As(err, &ve) {
			e.msg.Say(ve.Message)
			return
		}
		e.p.plan.ShowError(err)
	})
}
