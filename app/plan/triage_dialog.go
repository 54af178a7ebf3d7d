package plan

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/widgets"
)

// triageDialog weighs a client's "urgent" request against the person's
// own questions and Tiers, then shows the verdict and, when the request
// can wait, a calm reply ready to copy.
type triageDialog struct {
	p        *protocolsScreen
	dlg      *ui.Dialog
	criteria []data.UrgencyCriterion
	rule     data.UrgencyRule

	client   *widgets.Entry
	request  *widgets.Entry
	date     *widgets.DateEntry
	from, to *widgets.Entry
	answers  []*widgets.RadioGroup
	inWindow *fyne.Container
	// asked counts the looks at the Tiers as the time is typed, so only
	// the answer for the latest time is shown, whatever order they end in.
	asked  int
	form   *fyne.Container
	msgs   map[data.Field]ui.FieldMessage
	decide *widgets.Button
	body   *fyne.Container

	reply  *widgets.Entry
	copied *widget.Label
}

// openTriage starts a triage, or, with no questions defined yet, sends the
// person to define them first.
func (p *protocolsScreen) openTriage() {
	if p.plan.Store == nil {
		return
	}
	p.withUrgency(func(l urgencySettings) {
		if len(l.criteria) == 0 {
			p.plan.Ask(ui.DlgUrgencyFirst, "First, decide what counts as urgent", ui.WrapLabel(data.ErrNoCriteria.Message),
				"Define my questions", "Not now", func() { p.editUrgency(p.openTriage) })
			return
		}
		t := &triageDialog{p: p, criteria: l.criteria, rule: l.rule, msgs: map[data.Field]ui.FieldMessage{}}
		t.build()
		p.triage = t
	})
}

func (t *triageDialog) build() {
	for _, k := range []data.Field{data.FieldClient, data.FieldRequest, data.FieldWindow, data.FieldAnswers} {
		t.msgs[k] = ui.NewFieldMessage()
	}
	t.client = widgets.NewEntry()
	t.client.SetPlaceHolder("Who is asking?")
	t.request = widgets.NewTextArea()
	t.request.SetPlaceHolder("What they asked for, in a line or two")
	t.request.SetMinRowsVisible(2)
	ui.LimitPastes(t.request, ui.PasteLimit, t.msgs[data.FieldRequest].Say)
	start := dates.RoundUp(time.Now(), 15*time.Minute)
	t.date = ui.NewDateField(start)
	t.from = ui.NewClockField(start.Hour(), start.Minute())
	end := start.Add(time.Hour)
	t.to = ui.NewClockField(end.Hour(), end.Minute())
	for _, f := range []*widgets.Entry{t.from, t.to} {
		f.OnChanged = func(string) { t.showWindow() }
	}
	t.date.OnChanged = func(*time.Time) { t.showWindow() }
	t.inWindow = container.NewVBox()

	questions := container.NewVBox()
	for _, c := range t.criteria {
		q := ui.WrapLabel(c.Question)
		a := widgets.NewRadioGroup([]string{"Yes", "No"}, nil)
		a.Horizontal = true
		t.answers = append(t.answers, a)
		questions.Add(container.NewBorder(nil, nil, nil, a, q))
	}
	t.decide = widgets.NewButtonWithIcon("Decide", theme.ConfirmIcon(), t.submit)
	t.decide.Importance = widget.HighImportance
	cancel := widgets.NewButton("Cancel", func() { t.dlg.Hide() })
	t.form = container.NewVBox(
		ui.SectionTitle("Client"), t.client, t.msgs[data.FieldClient],
		ui.SectionTitle("What they asked"), t.request, t.msgs[data.FieldRequest],
		ui.SectionTitle("When it would take your time, if you did it now"),
		container.NewGridWithColumns(3, t.date,
			container.NewBorder(nil, nil, widget.NewLabel("from"), nil, t.from),
			container.NewBorder(nil, nil, widget.NewLabel("to"), nil, t.to)),
		t.msgs[data.FieldWindow], t.inWindow,
		widget.NewSeparator(),
		ui.SectionTitle("Your questions ("+t.rule.String()+")"), questions, t.msgs[data.FieldAnswers],
	)
	t.body = container.NewStack(container.NewBorder(nil,
		container.NewBorder(widget.NewSeparator(), nil, nil, container.NewHBox(cancel, t.decide)), nil, nil,
		container.NewVScroll(t.form)))
	t.dlg = t.p.plan.NewDialog(ui.DlgTriage, "Is it truly urgent?", t.body)
	t.dlg.Cancel, t.dlg.Default, t.dlg.Form = t.dlg.Hide, t.decide, true
	t.dlg.Show(680, 700, t.client)
	t.showWindow()
}

// window reads the affected time from the fields.
func (t *triageDialog) window() (start, end time.Time, err error) {
	day, err := ui.DateOfField(t.date)
	if err != nil {
		return start, end, err
	}
	h1, m1, err := ui.ParseClock(t.from.Text)
	if err != nil {
		return start, end, ui.Problem("From: " + err.Error())
	}
	h2, m2, err := ui.ParseClock(t.to.Text)
	if err != nil {
		return start, end, ui.Problem("To: " + err.Error())
	}
	start, end = ui.At(day, h1, m1), ui.At(day, h2, m2)
	if !end.After(start) {
		end = end.AddDate(0, 0, 1) // into the night
	}
	return start, end, nil
}

// showWindow lists what is on the Tiers in the affected time as it changes.
func (t *triageDialog) showWindow() {
	t.asked++
	asked := t.asked
	start, end, err := t.window()
	if err != nil {
		return
	}
	store := t.p.plan.Store
	ui.Background(t.p.plan.Host, func() ([]data.Occurrence, error) {
		return store.Occurrences(start, end)
	}, func(occs []data.Occurrence) {
		if asked != t.asked {
			return // the time has changed since
		}
		t.inWindow.Objects = occurrenceLines(occs, "Nothing on your Tiers at that time.")
		t.form.Refresh() // the lines change the form's height
	}, func(error) {})
}

// occurrenceLines are commitments as short lines with their tier.
func occurrenceLines(occs []data.Occurrence, none string) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, o := range occs {
		if !o.Busy() {
			continue
		}
		line := dates.At(o.Start.Local()) + "–" + dates.Clock(o.End.Local()) + "  " + o.Commitment.Title
		if o.AllDay() {
			line = dates.Short(o.Start.Local()) + " all day  " + o.Commitment.Title
		}
		// The badge column has one width, as on the agenda, so the lines
		// start in line whatever their tier.
		badge := container.New(topAligned{badgeColumn(), lineHeight()}, widgets.NewTierBadge(int(o.Tier())))
		out = append(out, container.NewBorder(nil, nil, badge, nil, widget.NewLabel(line)))
	}
	if len(out) == 0 {
		out = append(out, ui.Caption(none))
	}
	return out
}

func (t *triageDialog) submit() {
	for _, m := range t.msgs {
		m.Clear()
	}
	start, end, err := t.window()
	if err != nil {
		t.msgs[data.FieldWindow].Say(err.Error())
		return
	}
	in := data.TriageInput{Client: t.client.Text, Request: t.request.Text, WindowStart: start, WindowEnd: end, Answers: map[int64]bool{}}
	for i, a := range t.answers {
		if a.Selected != "" {
			in.Answers[t.criteria[i].ID] = a.Selected == "Yes"
		}
	}
	t.decide.Disable()
	ui.Background(t.p.plan.Host, func() (triageResult, error) {
		tr, c, err := t.p.plan.Store.SaveTriage(in)
		return triageResult{tr, c}, err
	}, func(r triageResult) {
		t.decide.Enable()
		t.showResult(r)
		t.p.Load()
	}, func(err error) {
		t.decide.Enable()
		var ve *data.ValidationError
		if errors.As(err, &ve) {
			if m, ok := t.msgs[ve.Field]; ok {
				m.Say(ve.Message)
				return
			}
		}
		t.p.plan.ShowError(err)
	})
}

type triageResult struct {
	triage data.Triage
	check  data.TriageCheck
}

func verdictHeading(v data.Verdict) string {
	switch v {
	case data.VerdictUrgent:
		return "Urgent: go ahead"
	case data.VerdictUrgentClash:
		return "Urgent, but not during a non-negotiable commitment"
	}
	return "Not urgent: it can wait"
}

// showResult replaces the form with the verdict, the commitments in the
// window and the reply to copy.
func (t *triageDialog) showResult(r triageResult) {
	c := r.check
	box := container.NewVBox(ui.SubHeading(verdictHeading(c.Verdict)), ui.WrapLabel(c.Reason),
		ui.SectionTitle("On your Tiers at that time"))
	box.Objects = append(box.Objects, occurrenceLines(c.InWindow, "Nothing on your Tiers at that time.")...)
	if c.Reply != "" {
		box.Add(ui.SectionTitle("A reply you can send"))
		t.reply = widgets.NewTextArea()
		t.reply.SetText(c.Reply)
		t.reply.SetMinRowsVisible(8)
		t.copied = ui.Caption("")
		who := r.triage.Client
		if who == "" {
			who = "the client"
		}
		copyBtn := widgets.NewButtonWithIcon("Copy reply", theme.ContentCopyIcon(), func() {
			t.p.plan.App.Clipboard().SetContent(t.reply.Text)
			t.copied.SetText("Copied: paste it into your message to " + who + ".")
		})
		copyBtn.Importance = widget.HighImportance
		box.Add(t.reply)
		box.Add(container.NewBorder(nil, nil, nil, copyBtn, t.copied))
	}
	box.Add(ui.Caption("Tomorrow Both/And will ask you whether it was truly urgent, so you can see how many “emergencies” were real."))
	done := widgets.NewButton("Close", func() { t.dlg.Hide() })
	done.Importance = widget.HighImportance
	t.dlg.Default, t.dlg.Form = done, false // the verdict is kept
	t.body.Objects = []fyne.CanvasObject{container.NewBorder(nil,
		container.NewBorder(widget.NewSeparator(), nil, nil, done), nil, nil, container.NewVScroll(box))}
	t.body.Refresh()
}
