package plan

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/data/prose"
	"github.com/bothand/bothand/widgets"
)

// overview is the right side with no protocol open: the templates to
// start from, and the client-emergency triage with its record.
func (p *protocolsScreen) overview() fyne.CanvasObject {
	box := container.NewVBox(
		ui.SubHeading("Start a next-time protocol"),
		ui.WrapLabel("Instead of going over what went wrong, write down what you'll do differently next time: a few concrete steps, tied if you like to the commitment where it matters next. Start blank, or from one of these."),
	)
	blank := widgets.NewButtonWithIcon("Blank protocol…", theme.ContentAddIcon(), func() { p.showNewForm("", nil) })
	box.Add(container.NewHBox(blank))
	for _, tpl := range data.ProtocolTemplates() {
		key := tpl.Key
		b := widgets.NewButtonWithIcon(tpl.Title+"…", theme.ContentAddIcon(), func() { p.showTemplateForm(key) })
		b.Alignment = widget.ButtonAlignLeading
		box.Add(container.New(ui.CompactVBox(), container.NewHBox(b), ui.Caption(fmt.Sprintf("%s %d steps.", tpl.About, len(tpl.Steps)))))
	}

	box.Add(widget.NewSeparator())
	box.Add(ui.SubHeading("When a client says it's urgent"))
	box.Add(ui.WrapLabel("Before you drop a family commitment, run the request through your own questions for what is genuinely urgent. The triage checks your Tiers for that time and drafts a calm reply offering the next free time."))
	run := widgets.NewButtonWithIcon("Urgent client request…", theme.WarningIcon(), p.openTriage)
	run.Importance = widget.HighImportance
	box.Add(container.NewHBox(run, widgets.NewButton("My urgency questions…", func() { p.editUrgency(nil) })))
	if p.snap.criteria == 0 {
		box.Add(ui.Caption("You haven't defined what counts as urgent yet; the triage starts there."))
	} else {
		box.Add(ui.Caption(fmt.Sprintf("%d %s; %s.", p.snap.criteria, prose.Plural(p.snap.criteria, "question", "questions"), p.snap.rule)))
	}
	if r := p.snap.record; r.Total > 0 {
		box.Add(ui.Caption(fmt.Sprintf("%d %s run through the triage; your rule judged %d not urgent.", r.Total, prose.Plural(r.Total, "request", "requests"), r.CalledOff)))
	}
	if sum := p.snap.record.Summary(); sum != "" {
		box.Add(ui.WrapLabel(sum))
	}
	if len(p.snap.recent) > 0 {
		box.Add(ui.SectionTitle("Recent requests"))
		for _, t := range p.snap.recent {
			box.Add(ui.Caption(triageLine(t)))
		}
	}
	return container.NewVScroll(container.NewPadded(box))
}

// triageLine is one past triage in a line.
func triageLine(t data.Triage) string {
	who := t.Client
	if who == "" {
		who = "A client"
	}
	line := dates.Short(t.AskedAt.Local()) + " · " + who + " · " + verdictWords(t.Verdict)
	switch {
	case t.TrulyUrgent == nil:
	case *t.TrulyUrgent:
		line += " · looking back: truly urgent"
	default:
		line += " · looking back: could have waited"
	}
	return line
}

// runAction does what a template step leads to.
func (p *protocolsScreen) runAction(action string) {
	switch action {
	case data.ActionAddTier1:
		start := ui.At(time.Now().AddDate(0, 0, 1), 18, 0)
		p.plan.showCommitmentForm(data.Commitment{
			Tier: data.TierNonNegotiable, StartsAt: start, EndsAt: start.Add(time.Hour),
		}, func(data.Commitment) { p.commitmentsChanged() })
	case data.ActionImportICS:
		if t := p.plan.tiersTab(); t != nil {
			t.importCalendar()
		}
	case data.ActionExportICS:
		if t := p.plan.tiersTab(); t != nil {
			t.exportCalendar()
		}
	case data.ActionUrgency:
		p.editUrgency(nil)
	case data.ActionTriage:
		p.openTriage()
	case data.ActionDefaultBuffer:
		p.chooseDefaultBuffer()
	}
}

// commitmentsChanged refreshes what lists commitments after one was added
// from here.
func (p *protocolsScreen) commitmentsChanged() {
	if t := p.plan.tiersTab(); t != nil {
		t.Load()
	}
	if p.editor != nil {
		p.editor.reloadCommitments()
	}
}

// chooseDefaultBuffer sets the buffer new work blocks start with.
func (p *protocolsScreen) chooseDefaultBuffer() {
	store := p.plan.Store
	ui.Background(p.plan.Host, store.DefaultBuffer, func(current int) {
		choice := widgets.NewSelect(bufferChoices, nil)
		choice.SetSelected(bufferChoices[0])
		for i, m := range bufferMinutes {
			if m == current {
				choice.SetSelected(bufferChoices[i])
			}
		}
		content := container.NewVBox(
			ui.WrapLabel("New work blocks will start with this buffer after them, so an overrun or a surprise lands in the buffer and not on family time. You can still change it for each block."),
			choice)
		p.plan.Ask(ui.DlgDefaultBuffer, "Default buffer for new work", content, "Save", "Cancel", func() {
			minutes := bufferMinutes[max(0, choice.SelectedIndex())]
			ui.BackgroundDo(p.plan.Host, func() error {
				return store.SetDefaultBuffer(minutes)
			}, func() {})
		}).Form = true
	})
}
