package plan

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/instance"
	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/widgets"
)

// recentTriages is how many past triages the overview lists.
const recentTriages = 5

// protocolsScreen is the Protocols tab: next-time plans on the left, the
// open plan (or the starting points and the client-emergency triage) on
// the right, and any "was it truly urgent?" question due across the top.
type protocolsScreen struct {
	plan *Plan
	snap protocolsSnapshot

	lookBacks *fyne.Container
	undoBar   *fyne.Container
	undoText  *widget.Label
	undoFn    func()
	list      *fyne.Container
	rows      map[int64]*widgets.Button // the list's rows by protocol, for tests
	detail    *fyne.Container
	root      fyne.CanvasObject

	// openID is the protocol shown in the editor; 0 shows the overview.
	openID int64
	editor *protocolEditor
	// focusTitle puts the cursor in the title of the next protocol opened.
	focusTitle bool

	// The open dialogs, for tests.
	newForm *newProtocolForm
	urgency *urgencyEditor
	triage  *triageDialog
}

// protocolsSnapshot is everything the tab shows, read in one go.
type protocolsSnapshot struct {
	list     []data.ProtocolSummary
	due      []data.Triage
	recent   []data.Triage
	record   data.TriageRecord
	criteria int
	rule     data.UrgencyRule
}

func newProtocolsScreen(plan *Plan) *protocolsScreen {
	p := &protocolsScreen{plan: plan}
	newBtn := widgets.NewButtonWithIcon("New protocol", theme.ContentAddIcon(), func() { p.showNewForm("", nil) })
	newBtn.Importance = widget.HighImportance
	triage := widgets.NewButtonWithIcon("Urgent client request…", theme.WarningIcon(), p.openTriage)
	criteria := widgets.NewButton("My urgency questions…", func() { p.editUrgency(nil) })
	toolbar := container.NewHBox(newBtn, triage, criteria)

	p.lookBacks = container.NewVBox()
	p.undoText = widget.NewLabel("")
	p.undoText.Wrapping = fyne.TextWrapWord
	undo := widgets.NewButtonWithIcon("Undo  (Ctrl+Z)", theme.ContentUndoIcon(), func() { p.UndoLast() })
	p.undoBar = container.NewBorder(nil, nil, nil, undo, p.undoText)
	p.undoBar.Hide()

	p.list = container.NewVBox()
	heading := widget.NewLabelWithStyle("Your protocols", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameSubHeadingText
	side := container.NewBorder(heading, nil, nil, nil, container.NewVScroll(p.list))
	p.detail = container.NewStack()
	split := container.NewHSplit(side, p.detail)
	split.Offset = 0.32
	top := container.NewVBox(toolbar, widget.NewSeparator(), p.lookBacks, p.undoBar)
	p.root = container.NewBorder(top, nil, nil, nil, split)

	plan.win.AddTrayAction(instance.Triage, p.openTriage)
	return p
}

func (p *protocolsScreen) Title() string           { return "Protocols" }
func (p *protocolsScreen) Icon() fyne.Resource     { return theme.ListIcon() }
func (p *protocolsScreen) View() fyne.CanvasObject { return p.root }

// shown refreshes the tab when it is brought forward: a commitment added
// or imported on the Tiers meanwhile can then be chosen for the open plan,
// and a look-back that fell due is asked.
func (p *protocolsScreen) Shown() {
	p.Load()
	if p.editor != nil {
		p.editor.reloadCommitments()
	}
}

// load reads the protocols, the due look-backs and the triage record off
// the main goroutine, and shows them.
func (p *protocolsScreen) Load() {
	store := p.plan.Store
	if store == nil {
		return
	}
	ui.Background(p.plan.Host, func() (protocolsSnapshot, error) {
		var snap protocolsSnapshot
		var err error
		if snap.list, err = store.Protocols(); err != nil {
			return snap, err
		}
		if snap.due, err = store.LookBacksDue(store.Now()); err != nil {
			return snap, err
		}
		if snap.recent, err = store.Triages(recentTriages); err != nil {
			return snap, err
		}
		if snap.record, err = store.TriageRecord(); err != nil {
			return snap, err
		}
		criteria, err := store.UrgencyCriteria()
		snap.criteria = len(criteria)
		if err != nil {
			return snap, err
		}
		snap.rule, err = store.UrgencyRule()
		return snap, err
	}, p.show)
}

func (p *protocolsScreen) show(snap protocolsSnapshot) {
	p.snap = snap
	p.renderList()
	p.renderLookBacks()
	if p.openID == 0 {
		p.detail.Objects = []fyne.CanvasObject{p.overview()}
		p.detail.Refresh()
	}
}

// renderList shows each protocol with its progress, active ones first.
func (p *protocolsScreen) renderList() {
	var rows []fyne.CanvasObject
	if len(p.snap.list) == 0 {
		rows = append(rows, ui.Caption("No protocols yet. Start one from a template on the right, or from a guilt entry in the Journal."))
	}
	p.rows = map[int64]*widgets.Button{}
	for _, s := range p.snap.list {
		id := s.ID
		// A button without words under the row makes all of it tappable,
		// while the title can be cut short to fit the column.
		b := widgets.NewButton("", func() { p.openProtocol(id) })
		b.Name = "Open " + s.Title
		b.Importance = widget.LowImportance
		if id == p.openID {
			b.Importance = widget.MediumImportance
		}
		p.rows[id] = b
		title := widget.NewLabelWithStyle(s.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Truncation = fyne.TextTruncateEllipsis
		facts := s.Standing()
		if s.Commitment != "" {
			facts += " · before " + s.Commitment
		}
		if s.ReviewDue(p.plan.Store.Now()) {
			facts += " · review due"
		}
		detail := ui.Caption(facts)
		detail.Wrapping = fyne.TextWrapOff
		detail.Truncation = fyne.TextTruncateEllipsis
		rows = append(rows, container.NewStack(b, container.New(ui.CompactVBox(), title, detail)))
	}
	p.list.Objects = rows
	p.list.Refresh()
}

// openProtocol shows a protocol in the editor. Changed details of the
// protocol open before (even the same one, opened again from the agenda)
// are saved first, as when going back to the list; a refusal keeps it open
// with its message.
func (p *protocolsScreen) openProtocol(id int64) {
	if e := p.editor; e != nil && e.dirty() {
		e.saveThen(func() { p.openProtocol(id) })
		return
	}
	store := p.plan.Store
	ui.Background(p.plan.Host, func() (protocolData, error) {
		var d protocolData
		var err error
		if d.protocol, err = store.Protocol(id); err != nil {
			return d, err
		}
		if d.commitments, err = store.CurrentCommitments(); err != nil {
			return d, err
		}
		// A plan tied to a commitment that is over keeps it listed, so
		// saving other changes doesn't quietly untie it.
		if cid := d.protocol.CommitmentID; cid != nil && !slices.ContainsFunc(d.commitments, func(c data.Commitment) bool { return c.ID == *cid }) {
			if c, err := store.Commitment(*cid); err == nil {
				d.commitments = append(d.commitments, c)
			}
		}
		return d, nil
	}, func(d protocolData) {
		p.openID = id
		p.editor = newProtocolEditor(p, d)
		p.detail.Objects = []fyne.CanvasObject{p.editor.root}
		p.detail.Refresh()
		p.renderList()
		if p.focusTitle {
			p.focusTitle = false
			p.plan.Win.Canvas().Focus(p.editor.title)
		}
	})
}

// closeProtocol goes back to the overview.
func (p *protocolsScreen) closeProtocol() {
	p.openID, p.editor = 0, nil
	p.detail.Objects = []fyne.CanvasObject{p.overview()}
	p.detail.Refresh()
	p.Load()
}

// keepUnsaved stores the open protocol's changed details before the app
// quits. A change the store refuses (a blank title) can't be kept, and
// must not stop the quit.
func (p *protocolsScreen) KeepUnsaved(then func()) {
	e := p.editor
	if e == nil || p.plan.Store == nil || !e.dirty() {
		then()
		return
	}
	changed := e.read()
	ui.Background(p.plan.Host, func() (data.Protocol, error) {
		return p.plan.Store.UpdateProtocol(changed)
	}, func(data.Protocol) { then() }, func(error) { then() })
}

// reveal brings the Protocols tab forward with a protocol open: the way in
// from a journal entry or the agenda.
func (pl *Plan) RevealProtocol(id int64) {
	p := pl.protocolsTab()
	if p == nil {
		return
	}
	pl.win.ShowScreen(p)
	p.Load()
	p.openProtocol(id)
}

// editProtocol reveals a protocol just drafted with the cursor in its
// title, to be made the person's own.
func (pl *Plan) EditProtocol(id int64) {
	if p := pl.protocolsTab(); p != nil {
		p.focusTitle = true
		pl.RevealProtocol(id)
	}
}

func (pl *Plan) protocolsTab() *protocolsScreen { return pl.protocols }

func (pl *Plan) tiersTab() *tiersScreen { return pl.tiers }

// saveShortcut is Ctrl+S: the open protocol's details.
func (p *protocolsScreen) SaveShortcut() bool {
	if p.editor == nil {
		return false
	}
	p.editor.saveDetails()
	return true
}

// escape is Esc: back to the overview, the details saved.
func (p *protocolsScreen) Escape(fyne.Focusable) bool {
	if p.editor == nil {
		return false
	}
	p.editor.back()
	return true
}

// undoLast is Ctrl+Z: the undo the bar offers.
func (p *protocolsScreen) UndoLast() bool {
	f := p.undoFn
	if f == nil {
		return false
	}
	p.hideUndo()
	f()
	return true
}

// offerUndo shows what just changed with a way back.
func (p *protocolsScreen) offerUndo(text string, undo func()) {
	p.undoText.SetText(text)
	p.undoFn = undo
	p.undoBar.Show()
}

func (p *protocolsScreen) hideUndo() {
	p.undoFn = nil
	p.undoBar.Hide()
}

// renderLookBacks asks, for each triage a day old, whether the request was
// truly urgent.
func (p *protocolsScreen) renderLookBacks() {
	var cards []fyne.CanvasObject
	for i, t := range p.snap.due {
		if i == 3 {
			cards = append(cards, ui.Caption(fmt.Sprintf("%d more to look back on after these.", len(p.snap.due)-3)))
			break
		}
		cards = append(cards, p.lookBackCard(t))
	}
	p.lookBacks.Objects = cards
	p.lookBacks.Refresh()
}

func (p *protocolsScreen) lookBackCard(t data.Triage) fyne.CanvasObject {
	who := t.Client
	if who == "" {
		who = "A client"
	}
	what := ""
	if t.Request != "" {
		what = ": “" + ui.MenuText(t.Request) + "”"
	}
	text := fmt.Sprintf("On %s, %s called something urgent%s. Your triage said %s. Looking back, was it truly urgent?",
		dates.Short(t.AskedAt.Local()), who, what, verdictWords(t.Verdict))
	answer := func(truly bool) func() {
		return func() {
			ui.BackgroundDo(p.plan.Host, func() error {
				return p.plan.Store.LookBack(t.ID, truly)
			}, func() { p.Load() })
		}
	}
	yes := widgets.NewButton("Yes, it was", answer(true))
	no := widgets.NewButton("No, it could have waited", answer(false))
	return container.NewBorder(nil, nil, widget.NewIcon(theme.HistoryIcon()), container.NewHBox(yes, no), ui.WrapLabel(text))
}

func verdictWords(v data.Verdict) string {
	switch v {
	case data.VerdictUrgent:
		return "urgent"
	case data.VerdictUrgentClash:
		return "urgent, but after a non-negotiable commitment"
	}
	return "not urgent"
}

// protocolsChanged refreshes the Protocols tab after a plan was made
// elsewhere (from a journal entry).
func (pl *Plan) ProtocolsChanged() {
	if p := pl.protocolsTab(); p != nil {
		p.Load()
	}
}
