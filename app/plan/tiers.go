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
	"github.com/bothand/bothand/data/repeat"
	"github.com/bothand/bothand/widgets"
)

// agendaDays is how far the agenda looks ahead.
const agendaDays = 14

// keptWindow is how many recorded outcomes the kept record counts.
const keptWindow = 10

// tiersScreen is the Tiers tab: the next two weeks of family commitments
// and work, by day, with the tier rules applied to the work.
type tiersScreen struct {
	plan *Plan
	root *fyne.Container // swaps between the empty state and the agenda

	from       time.Time // the first day shown, local midnight
	snapshot   tiersSnapshot
	allMakeUps bool // the make-up card shows every note

	empty     fyne.CanvasObject
	main      fyne.CanvasObject
	rangeText *widget.Label
	calendar  *widgets.Calendar
	// tier1 holds the days of the calendar's weeks with a non-negotiable
	// commitment, by date ("2006-01-02").
	tier1  map[string]bool
	list   *widgets.List
	agenda *fyne.Container
	scroll *container.Scroll
	status tiersStatus

	// The open forms, for tests.
	commitmentForm *commitmentForm
	workForm       *workBlockForm
}

// tiersSnapshot is everything the tab shows, read in one go.
type tiersSnapshot struct {
	days        []data.AgendaDay
	makeUps     []data.MakeUpNote
	commitments []data.Commitment
	kept        map[int64]data.Kept
	workCount   int
	// protocols are the active plans tied to each commitment, shown at
	// its next occurrence.
	protocols map[int64][]data.ProtocolSummary
}

func newTiersScreen(plan *Plan) *tiersScreen {
	t := &tiersScreen{plan: plan, from: ui.Midnight(time.Now())}
	add := widgets.NewButtonWithIcon("Add a commitment", theme.ContentAddIcon(), t.addCommitment)
	importBtn := widgets.NewButtonWithIcon("Import a calendar file (.ics)…", theme.FolderOpenIcon(), t.importCalendar)
	importBtn.Importance = widget.LowImportance
	t.empty = ui.EmptyState(theme.CalendarIcon(), "Tiers of commitments",
		"Put family commitments in three tiers: non-negotiable (school events, important appointments), high priority (dinners, bedtime) and flexible (play). Work you plan is then checked against them, with buffer time on deadlines.",
		add, importBtn)
	t.main = t.buildMain()
	t.root = container.NewStack(t.empty)
	return t
}

func (t *tiersScreen) Title() string           { return "Tiers" }
func (t *tiersScreen) Icon() fyne.Resource     { return theme.CalendarIcon() }
func (t *tiersScreen) View() fyne.CanvasObject { return t.root }

// load reads the agenda and the commitments off the main goroutine.
func (t *tiersScreen) Load() {
	if t.plan.Store == nil {
		return
	}
	from := t.from
	ui.Background(t.plan.Host, func() (tiersSnapshot, error) {
		s := t.plan.Store
		var snap tiersSnapshot
		var err error
		if snap.days, err = s.Agenda(from, agendaDays); err != nil {
			return snap, err
		}
		if snap.makeUps, err = s.OpenMakeUps(); err != nil {
			return snap, err
		}
		if snap.commitments, err = s.CurrentCommitments(); err != nil {
			return snap, err
		}
		if snap.kept, err = s.KeptRecords(keptWindow); err != nil {
			return snap, err
		}
		if snap.protocols, err = s.AttachedProtocols(); err != nil {
			return snap, err
		}
		blocks, err := s.WorkBlocks(from.AddDate(-1, 0, 0), from.AddDate(1, 0, 0))
		snap.workCount = len(blocks)
		return snap, err
	}, t.show)
}

// show puts a snapshot on screen.
func (t *tiersScreen) show(snap tiersSnapshot) {
	t.snapshot = snap
	if len(snap.commitments) == 0 && snap.workCount == 0 && len(snap.makeUps) == 0 && agendaEmpty(snap.days) {
		t.root.Objects = []fyne.CanvasObject{t.empty}
		t.root.Refresh()
		return
	}
	t.root.Objects = []fyne.CanvasObject{t.main}
	t.showRange()
	t.loadMarks()
	last := t.from.AddDate(0, 0, agendaDays-1)
	t.rangeText.SetText(fmt.Sprintf("%s – %s", dates.Short(t.from), dates.Date(last)))
	t.list.Refresh()
	t.renderAgenda()
	t.root.Refresh()
}

func (t *tiersScreen) buildMain() fyne.CanvasObject {
	addCommitment := widgets.NewButtonWithIcon("Commitment", theme.ContentAddIcon(), t.addCommitment)
	addCommitment.Importance = widget.HighImportance
	addWork := widgets.NewButtonWithIcon("Work block", theme.ContentAddIcon(), t.addWorkBlock)
	prev := widgets.NewIconButton("Previous two weeks", theme.NavigateBackIcon(), func() { t.jump(t.from.AddDate(0, 0, -agendaDays)) })
	next := widgets.NewIconButton("Next two weeks", theme.NavigateNextIcon(), func() { t.jump(t.from.AddDate(0, 0, agendaDays)) })
	today := widgets.NewButton("Today", func() { t.jump(time.Now()) })
	t.rangeText = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	more := widgets.NewIconButton("More", theme.MoreVerticalIcon(), nil)
	more.OnTapped = func() {
		menu := fyne.NewMenu("",
			fyne.NewMenuItem("Import a calendar file (.ics)…", t.importCalendar),
			fyne.NewMenuItem("Export busy times (.ics)…", t.exportCalendar),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem("Working hours…", t.editWorkHours),
		)
		t.plan.ShowMenu("Tiers", menu, more)
	}
	toolbar := container.NewBorder(nil, nil,
		container.NewHBox(addCommitment, addWork),
		container.NewHBox(prev, today, next, more),
		container.NewCenter(t.rangeText))

	t.calendar = widgets.NewCalendar(time.Now(), t.jump)
	t.calendar.WeekStart = dates.WeekStart()
	t.calendar.MarkName = "non-negotiable"
	t.calendar.Marked = func(d time.Time) bool { return t.tier1[d.Format(time.DateOnly)] }
	t.calendar.OnMonth = func(time.Time) { t.loadMarks() }
	t.list = widgets.NewList(
		func() int { return len(t.snapshot.commitments) },
		func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle("Commitment title", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			name.Truncation = fyne.TextTruncateEllipsis
			detail := widget.NewLabel("Kept 10 of the last 10")
			detail.SizeName = theme.SizeNameCaptionText
			detail.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(name, widgets.NewTierBadge(1), detail)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := t.snapshot.commitments[i]
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(c.Title)
			row.Objects[1].(*widgets.TierBadge).SetTier(int(c.Tier))
			row.Objects[2].(*widget.Label).SetText(commitmentDetail(c, t.snapshot.kept[c.ID]))
		})
	t.list.OnSelected = func(i widget.ListItemID) {
		t.list.UnselectAll()
		if i < len(t.snapshot.commitments) {
			t.editCommitment(t.snapshot.commitments[i].ID)
		}
	}
	heading := widget.NewLabelWithStyle("Your commitments", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameSubHeadingText
	legend := widgets.CalendarLegend(t.calendar.MarkName)
	// The month calendar makes way on a short window, so it never sets
	// the window's height: the list of commitments keeps a few rows.
	side := container.New(ui.RoomFirst{Room: 3 * theme.Padding() * 10},
		container.NewVBox(t.calendar, container.NewCenter(legend), widget.NewSeparator()),
		container.NewBorder(heading, nil, nil, nil, t.list))

	t.agenda = container.NewVBox()
	t.scroll = container.NewVScroll(container.NewPadded(t.agenda))
	split := container.NewHSplit(side, t.scroll)
	split.Offset = 0.3
	return container.NewBorder(container.NewVBox(toolbar, t.buildStatus(), widget.NewSeparator()), nil, nil, nil, split)
}

func agendaEmpty(days []data.AgendaDay) bool {
	for _, d := range days {
		if !d.Empty() {
			return false
		}
	}
	return true
}

// commitmentDetail is the line under a commitment in the side list: how it
// repeats and its kept record.
func commitmentDetail(c data.Commitment, k data.Kept) string {
	detail := repeat.Describe(c.RRule, c.StartsAt.Local())
	if c.RRule == "" {
		detail = data.FormatSpan(c.StartsAt, c.EndsAt, c.AllDay)
		if c.AllDay {
			detail = data.FormatSpan(time.Date(c.StartsAt.Year(), c.StartsAt.Month(), c.StartsAt.Day(), 0, 0, 0, 0, time.Local),
				time.Date(c.EndsAt.Year(), c.EndsAt.Month(), c.EndsAt.Day(), 0, 0, 0, 0, time.Local), true)
		}
	}
	if k.Of > 0 {
		detail = keptText(k) + " · " + detail
	}
	return detail
}

// keptText is the kept record as the app says it.
func keptText(k data.Kept) string {
	if k.Of == 1 {
		if k.Kept == 1 {
			return "Kept the last time"
		}
		return "Not kept the last time"
	}
	return fmt.Sprintf("Kept %d of the last %d", k.Kept, k.Of)
}

// jump shows the two weeks starting on the day holding d.
func (t *tiersScreen) jump(d time.Time) {
	t.from = ui.Midnight(time.Date(d.Year(), d.Month(), d.Day(), 12, 0, 0, 0, time.Local))
	t.Load()
	if t.scroll != nil {
		t.scroll.ScrollToTop()
	}
}

func (t *tiersScreen) addCommitment() {
	start := ui.At(time.Now(), 18, 0)
	if t.from.After(time.Now()) {
		start = ui.At(t.from, 18, 0)
	}
	t.commitmentForm = t.plan.showCommitmentForm(data.Commitment{
		Tier: data.TierNonNegotiable, StartsAt: start, EndsAt: start.Add(time.Hour),
	}, t.commitmentSaved)
}

// editCommitment loads a commitment fresh and opens it in the form.
func (t *tiersScreen) editCommitment(id int64) {
	ui.Background(t.plan.Host, func() (data.Commitment, error) {
		return t.plan.Store.Commitment(id)
	}, func(c data.Commitment) {
		t.commitmentForm = t.plan.showCommitmentForm(c, t.commitmentSaved)
	})
}

func (t *tiersScreen) addWorkBlock() {
	day := time.Now().Add(time.Hour)
	if t.from.After(day) {
		day = ui.At(t.from, 9, 0)
	}
	start := time.Date(day.Year(), day.Month(), day.Day(), day.Hour(), 0, 0, 0, time.Local)
	// New work starts with the person's default buffer.
	ui.Background(t.plan.Host, t.plan.Store.DefaultBuffer, func(buffer int) {
		t.openWorkForm(data.WorkBlock{StartsAt: start, EndsAt: start.Add(2 * time.Hour), BufferMinutes: buffer})
	})
}

func (t *tiersScreen) openWorkForm(wb data.WorkBlock) {
	t.workForm = t.plan.showWorkBlockForm(wb, t.workSaved)
}
