package plan

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/widgets"
)

// openProtocols builds the window on a fresh journal and shows the
// Protocols tab.
func openProtocols(t *testing.T, opts ...data.Options) (*testWindow, *data.Store, *protocolsScreen) {
	t.Helper()
	var o data.Options
	if len(opts) > 0 {
		o = opts[0]
	}
	u, s := newTestUIWith(t, o)
	p := u.plan.protocolsTab()
	u.ShowScreen(p)
	return u, s, p
}

// checks are the tick boxes under root, in order.
func checks(root fyne.CanvasObject) []*widgets.Check {
	var out []*widgets.Check
	uitest.Walk(root, func(o fyne.CanvasObject) bool {
		if c, ok := o.(*widgets.Check); ok && c.Visible() {
			out = append(out, c)
		}
		return o.Visible()
	})
	return out
}

// A second plan from the same template is offered a numbered name, and
// takes the name the person gives it; an empty name is refused in the
// dialog, which keeps what was typed.
func TestATemplateAsksForTheNameOfItsProtocol(t *testing.T) {
	u, s, p := openProtocols(t)
	if _, err := s.StartFromTemplate("deadline-buffer", nil); err != nil {
		t.Fatal(err)
	}
	p.Load()
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Deadlines come with a buffer…"))
	if got := p.newForm.title.Text; got != "Deadlines come with a buffer 2" {
		t.Errorf("name offered for a second plan: %q", got)
	}
	uitest.SetText(p.newForm.title, "  ")
	test.Tap(uitest.FindButton(t, u.Win.Canvas().Overlays().Top(), "Create protocol"))
	uitest.MustContain(t, uitest.TopText(u.Host), "Give the protocol a name")
	if list, _ := s.Protocols(); len(list) != 1 {
		t.Fatalf("%d protocols after an empty name", len(list))
	}
	uitest.SetText(p.newForm.title, "Quarter-end buffer")
	test.Tap(uitest.FindButton(t, u.Win.Canvas().Overlays().Top(), "Create protocol"))
	list, _ := s.Protocols()
	if len(list) != 2 || list[0].Title != "Quarter-end buffer" || list[0].TemplateKey != "deadline-buffer" || list[0].Total != 4 {
		t.Fatalf("stored %+v", list)
	}
	if p.editor == nil || p.openID != list[0].ID {
		t.Error("the new protocol is not open")
	}
}

// A plan marked in place with a step unticked says so, without calling
// the step done.
func TestAPlanInPlaceSaysWhatIsLeftOpen(t *testing.T) {
	u, s, p := openProtocols(t)
	pr, _ := s.StartFromTemplate("school-events", nil)
	now := time.Now()
	s.SetStepDone(pr.Steps[0].ID, &now)
	pr.Status = data.ProtocolDone
	if _, err := s.UpdateProtocol(pr); err != nil {
		t.Fatal(err)
	}
	p.Load()
	text := uitest.VisibleText(p.list)
	uitest.MustContain(t, text, "In place · 3 steps left open")
	if strings.Contains(text, "Done") {
		t.Errorf("the list still calls it done:\n%s", text)
	}
	_ = u
}

func TestProtocolFromATemplateTicksAndUndoes(t *testing.T) {
	u, s, p := openProtocols(t)
	uitest.MustContain(t, uitest.VisibleText(u.Win.Content()), "Start a next-time protocol", "No protocols yet")

	test.Tap(uitest.FindButton(t, u.Win.Content(), "School dates go in first…"))
	if list, _ := s.Protocols(); len(list) != 0 {
		t.Fatal("a template made a protocol before it was named")
	}
	if p.newForm.title.Text != "School dates go in first" {
		t.Errorf("name offered: %q", p.newForm.title.Text)
	}
	uitest.MustContain(t, uitest.TopText(u.Host), "New protocol from a template", "1. Add the next school event")
	test.Tap(uitest.FindButton(t, u.Win.Canvas().Overlays().Top(), "Create protocol"))
	list, _ := s.Protocols()
	if len(list) != 1 || list[0].TemplateKey != "school-events" || list[0].Total != 4 || list[0].Title != "School dates go in first" {
		t.Fatalf("stored %+v", list)
	}
	if p.editor == nil {
		t.Fatal("the new protocol is not open")
	}
	text := uitest.VisibleText(u.Win.Content())
	uitest.MustContain(t, text, "0 of 4 steps done", "1. Add the next school event", "0 of 4 steps")
	uitest.FindButton(t, u.Win.Content(), "Import a school calendar (.ics)…")

	ticks := checks(p.editor.steps)
	if len(ticks) != 4 {
		t.Fatalf("%d tick boxes", len(ticks))
	}
	test.Tap(ticks[1])
	pr, _ := s.Protocol(list[0].ID)
	done := pr.Steps[1].DoneAt
	if done == nil || pr.Steps[0].DoneAt != nil {
		t.Fatalf("tick not stored: %+v", pr.Steps)
	}
	uitest.MustContain(t, uitest.VisibleText(u.Win.Content()), "1 of 4 steps done", "Done "+dates.Short(done.Local()), "1 of 4 steps")

	// Untick, then undo: the same day comes back.
	test.Tap(checks(p.editor.steps)[1])
	if pr, _ = s.Protocol(pr.ID); pr.Steps[1].DoneAt != nil {
		t.Fatal("untick not stored")
	}
	uitest.MustContain(t, uitest.VisibleText(u.Win.Content()), "Unticked")
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Undo  (Ctrl+Z)"))
	if pr, _ = s.Protocol(pr.ID); pr.Steps[1].DoneAt == nil || !pr.Steps[1].DoneAt.Equal(*done) {
		t.Fatalf("undo lost the date: %v", pr.Steps[1].DoneAt)
	}

	// Move the done step to the top, remove it, undo: still done, same day.
	p.editor.move(pr.Steps[1], -1)
	pr, _ = s.Protocol(pr.ID)
	if !strings.HasPrefix(pr.Steps[0].Text, "Bring in the school's calendar") {
		t.Fatalf("order after move: %q", pr.Steps[0].Text)
	}
	p.editor.deleteStep(pr.Steps[0])
	if pr2, _ := s.Protocol(pr.ID); len(pr2.Steps) != 3 {
		t.Fatal("step not removed")
	}
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Undo  (Ctrl+Z)"))
	if pr, _ = s.Protocol(pr.ID); len(pr.Steps) != 4 || pr.Steps[0].DoneAt == nil || !pr.Steps[0].DoneAt.Equal(*done) {
		t.Fatalf("after undo: %+v", pr.Steps[0])
	}

	// A step of our own.
	uitest.SetText(p.editor.newStep, "Ask the class rep to forward dates")
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Add step"))
	if pr, _ = s.Protocol(pr.ID); len(pr.Steps) != 5 || pr.Steps[4].Text != "Ask the class rep to forward dates" {
		t.Fatalf("added step: %+v", pr.Steps)
	}
	if p.editor.newStep.Text != "" {
		t.Error("the field kept the added step")
	}

	// Back to the list, and in again through its row.
	test.Tap(uitest.FindButton(t, u.Win.Content(), "All protocols"))
	if p.editor != nil {
		t.Fatal("still open")
	}
	test.Tap(p.rows[pr.ID])
	if p.openID != pr.ID {
		t.Fatal("the row did not open the protocol")
	}

	// The step's action opens the tier-1 commitment form.
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Add a non-negotiable commitment…"))
	uitest.MustContain(t, uitest.TopText(u.Host), "New commitment")
}

func TestBlankProtocolNeedsATitleAndSteps(t *testing.T) {
	u, s, p := openProtocols(t)
	test.Tap(uitest.FindButton(t, u.Win.Content(), "New protocol"))
	f := p.newForm
	test.Tap(f.save)
	uitest.MustContain(t, uitest.TopText(u.Host), "Give the protocol a title")
	uitest.SetText(f.title, "Next time a client calls during dinner")
	test.Tap(f.save)
	uitest.MustContain(t, uitest.TopText(u.Host), "Add at least one step")
	if list, _ := s.Protocols(); len(list) != 0 {
		t.Fatal("stored without steps")
	}
	f.steps.SetText("Let it ring until after dinner\n\nCall back at 19:30")
	test.Tap(f.save)
	list, _ := s.Protocols()
	if len(list) != 1 || list[0].Total != 2 || list[0].Title != "Next time a client calls during dinner" {
		t.Fatalf("stored %+v", list)
	}
	uitest.MustContain(t, uitest.VisibleText(u.Win.Content()), "1. Let it ring until after dinner", "2. Call back at 19:30")
}

func TestProtocolTiedToACommitmentShowsInTheAgenda(t *testing.T) {
	u, s, p := openProtocols(t)
	day := uitest.WeekdayAfter(2)
	sports, err := s.SaveCommitment(data.Commitment{
		Title: "Sports day", Tier: data.TierNonNegotiable,
		StartsAt: ui.At(day, 13, 0), EndsAt: ui.At(day, 15, 0),
	})
	if err != nil {
		t.Fatal(err)
	}
	pr, _ := s.StartFromTemplate("block-client-time", nil)
	p.openProtocol(pr.ID)
	e := p.editor
	e.commitment.SetSelected("Sports day · " + data.TierNonNegotiable.String())
	e.days.SetSelected("3 days before")
	e.hasReview.SetChecked(true)
	review := day.AddDate(0, 0, 7)
	e.review.SetDate(&review)
	test.Tap(e.saveBtn)
	got, _ := s.Protocol(pr.ID)
	if got.CommitmentID == nil || *got.CommitmentID != sports.ID || got.RemindDaysBefore != 3 || got.ReviewOn == nil ||
		got.ReviewOn.Format(time.DateOnly) != review.Format(time.DateOnly) {
		t.Fatalf("stored %+v", got)
	}
	uitest.MustContain(t, uitest.VisibleText(p.list), "before Sports day")

	ts := u.plan.tiersTab()
	u.ShowScreen(ts)
	ts.Load()
	uitest.MustContain(t, uitest.VisibleText(u.Win.Content()), "Next-time protocol: “Family times are closed to clients”", "0 of 4 steps",
		"Sports day is "+whenFromToday(day, time.Now())+": look over “Family times are closed to clients” (0 of 4 steps done).")
	test.Tap(uitest.FindButton(t, ts.agenda, "Open protocol"))
	if p.openID != pr.ID || u.tabs.Selected().Text != "Protocols" {
		t.Error("the agenda's link did not open the protocol")
	}

	// Going back with unsaved changes saves them.
	uitest.SetText(p.editor.title, "Client-free family times")
	test.Tap(uitest.FindButton(t, u.Win.Content(), "All protocols"))
	if got, _ := s.Protocol(pr.ID); got.Title != "Client-free family times" {
		t.Errorf("title on leaving = %q", got.Title)
	}
}

func TestTriageClashingWithTier1DraftsAReply(t *testing.T) {
	u, s, p := openProtocols(t)
	day := uitest.WeekdayAfter(2)
	if _, err := s.SaveCommitment(data.Commitment{
		Title: "Sports day", Tier: data.TierNonNegotiable,
		StartsAt: ui.At(day, 13, 0), EndsAt: ui.At(day, 15, 0),
	}); err != nil {
		t.Fatal(err)
	}

	// No questions yet: the triage sends the person to define them first.
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Urgent client request…"))
	uitest.MustContain(t, uitest.TopText(u.Host), "First, decide what counts as urgent")
	test.Tap(uitest.FindButton(t, u.Win.Canvas().Overlays().Top(), "Define my questions"))
	test.Tap(uitest.FindButton(t, u.Win.Canvas().Overlays().Top(), "Start from suggested questions"))
	test.Tap(p.urgency.save)
	if list, _ := s.UrgencyCriteria(); len(list) != 4 {
		t.Fatalf("criteria stored: %d", len(list))
	}
	tr := p.triage
	if tr == nil {
		t.Fatal("the triage did not open after the questions were saved")
	}

	uitest.SetText(tr.client, "Acme")
	tr.request.SetText("The launch page has a typo")
	tr.date.SetDate(&day)
	uitest.SetText(tr.from, "13:30")
	uitest.SetText(tr.to, "14:30")
	uitest.MustContain(t, uitest.VisibleText(tr.inWindow), "Sports day")

	test.Tap(tr.decide)
	uitest.MustContain(t, uitest.TopText(u.Host), "Answer every question")
	for i, a := range tr.answers {
		a.SetSelected(map[bool]string{true: "Yes", false: "No"}[i == 0])
	}
	test.Tap(tr.decide)
	text := uitest.TopText(u.Host)
	uitest.MustContain(t, text, "Urgent, but not during a non-negotiable commitment", "urgent when any answer is yes", "1 of 4 was yes", "Sports day")
	if tr.reply == nil || !strings.Contains(tr.reply.Text, "Hello Acme,") || !strings.Contains(tr.reply.Text, "15:00 on "+day.Format("Monday 2 January")) {
		t.Fatalf("reply = %v", tr.reply)
	}
	test.Tap(uitest.FindButton(t, u.Win.Canvas().Overlays().Top(), "Copy reply"))
	if got := u.App.Clipboard().Content(); got != tr.reply.Text {
		t.Errorf("clipboard = %q", got)
	}
	uitest.MustContain(t, uitest.TopText(u.Host), "Copied: paste it into your message to Acme.")
	stored, _ := s.Triages(5)
	if len(stored) != 1 || stored[0].Verdict != data.VerdictUrgentClash || stored[0].ReplyDraft != tr.reply.Text {
		t.Fatalf("stored %+v", stored)
	}
}

func TestUrgencyRuleRefusalKeepsTheDialog(t *testing.T) {
	u, s, p := openProtocols(t)
	test.Tap(uitest.FindButton(t, u.Win.Content(), "My urgency questions…"))
	e := p.urgency
	test.Tap(uitest.FindButton(t, u.Win.Canvas().Overlays().Top(), "Start from suggested questions"))
	e.mode.SetSelected(ruleAtLeast)
	e.count.SetSelected("4")
	e.items = e.items[:3]
	test.Tap(e.save)
	uitest.MustContain(t, uitest.TopText(u.Host), "only 3 questions")
	e.count.SetSelected("2")
	test.Tap(e.save)
	if r, _ := s.UrgencyRule(); r.AtLeast != 2 {
		t.Errorf("rule = %+v", r)
	}
	uitest.MustContain(t, uitest.VisibleText(u.Win.Content()), "3 questions; urgent when at least 2 answers are yes.")
}

func TestDefaultBufferStepSetsNewWorkBuffer(t *testing.T) {
	u, s, p := openProtocols(t)
	pr, _ := s.StartFromTemplate("deadline-buffer", nil)
	p.openProtocol(pr.ID)
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Set a default buffer…"))
	var choice *widgets.Select
	uitest.Walk(u.Win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) bool {
		if sel, ok := o.(*widgets.Select); ok {
			choice = sel
		}
		return true
	})
	choice.SetSelected("1 h")
	test.Tap(uitest.FindButton(t, u.Win.Canvas().Overlays().Top(), "Save"))
	if n, _ := s.DefaultBuffer(); n != 60 {
		t.Fatalf("default buffer = %d", n)
	}
	ts := u.plan.tiersTab()
	ts.addWorkBlock()
	if ts.workForm == nil || ts.workForm.buffer.Selected != "1 h" {
		t.Errorf("new work starts without the default buffer")
	}
}

func TestPlanForNextTimeFromTheAgenda(t *testing.T) {
	u, s, ts := openTiers(t)
	day := uitest.WeekdayAfter(3)
	c, _ := s.SaveCommitment(data.Commitment{Title: "School play", Tier: data.TierNonNegotiable, StartsAt: ui.At(day, 14, 0), EndsAt: ui.At(day, 15, 30)})
	occ, _ := s.Occurrences(day, day.AddDate(0, 0, 1))
	uitest.MenuItem(t, ts.occurrenceMenu(occ[0]), "Plan for next time…").Action()
	f := u.plan.protocolsTab().newForm
	if strings.Contains(uitest.VisibleText(ts.agenda), "Coming up") {
		t.Error("a plan came back before anything was tied")
	}
	if f.title.Text != "Next time: School play" {
		t.Errorf("title = %q", f.title.Text)
	}
	f.steps.SetText("Tell Northwind a week ahead that the afternoon is taken")
	test.Tap(f.save)
	list, _ := s.Protocols()
	if len(list) != 1 || list[0].CommitmentID == nil || *list[0].CommitmentID != c.ID {
		t.Fatalf("stored %+v", list)
	}
	if u.tabs.Selected().Text != "Protocols" {
		t.Error("the new protocol is not shown")
	}
	u.ShowScreen(ts)
	text := uitest.VisibleText(ts.agenda)
	uitest.MustContain(t, text, "Next-time protocol: “Next time: School play” · 0 of 1 step done")
	if strings.Contains(text, "Coming up") {
		t.Error("brought back more than two days ahead")
	}
}

func TestPlanTiedToAPastCommitmentStaysTied(t *testing.T) {
	_, s, p := openProtocols(t)
	past := ui.Midnight(time.Now()).AddDate(0, 0, -10)
	c, err := s.SaveCommitment(data.Commitment{Title: "Last sports day", Tier: data.TierNonNegotiable, StartsAt: ui.At(past, 13, 0), EndsAt: ui.At(past, 15, 0)})
	if err != nil {
		t.Fatal(err)
	}
	pr, _ := s.StartFromTemplate("school-events", &c.ID)
	p.openProtocol(pr.ID)
	if p.editor.commitment.Selected != "Last sports day · "+data.TierNonNegotiable.String() {
		t.Fatalf("selected %q", p.editor.commitment.Selected)
	}
	p.editor.done.SetChecked(true)
	test.Tap(p.editor.saveBtn)
	got, _ := s.Protocol(pr.ID)
	if got.Status != data.ProtocolDone || got.CommitmentID == nil || *got.CommitmentID != c.ID {
		t.Errorf("stored %+v", got)
	}
}

func TestProtocolEditorRefusalsKeepWhatWasTyped(t *testing.T) {
	u, s, p := openProtocols(t)
	pr, _ := s.StartFromTemplate("deadline-buffer", nil)
	p.openProtocol(pr.ID)
	e := p.editor
	uitest.SetText(e.title, "  ")
	test.Tap(e.saveBtn)
	uitest.MustContain(t, uitest.VisibleText(u.Win.Content()), "Give the protocol a title")
	if got, _ := s.Protocol(pr.ID); got.Title != pr.Title {
		t.Errorf("blank title stored: %q", got.Title)
	}
	// Leaving with a refused change stays, so nothing is lost.
	test.Tap(uitest.FindButton(t, u.Win.Content(), "All protocols"))
	if p.editor == nil {
		t.Fatal("left the protocol with a refused title")
	}

	// A blank step is refused beside the field; the step list is unchanged.
	uitest.SetText(e.title, "Buffers on every deadline")
	test.Tap(e.saveBtn)
	uitest.SetText(e.newStep, "   ")
	test.Tap(uitest.FindButton(t, u.Win.Content(), "Add step"))
	uitest.MustContain(t, uitest.VisibleText(u.Win.Content()), "Write the step first")

	// Rewording a step: a blank one is refused in the dialog, which stays.
	e.editStep(e.p.Steps[0])
	top := u.Win.Canvas().Overlays().Top()
	var field *widgets.Entry
	uitest.Walk(top, func(o fyne.CanvasObject) bool {
		if f, ok := o.(*widgets.Entry); ok {
			field = f
		}
		return true
	})
	field.SetText("")
	test.Tap(uitest.FindButton(t, top, "Save step"))
	uitest.MustContain(t, uitest.TopText(u.Host), "Write the step first")
	field.SetText("Choose a buffer for new work: an hour")
	test.Tap(uitest.FindButton(t, top, "Save step"))
	if got, _ := s.Protocol(pr.ID); got.Steps[0].Text != "Choose a buffer for new work: an hour" || got.Title != "Buffers on every deadline" {
		t.Errorf("stored %+v", got)
	}
	uitest.MustContain(t, uitest.VisibleText(u.Win.Content()), "1. Choose a buffer for new work: an hour")
}
