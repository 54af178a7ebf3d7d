package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/instance"
	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/widgets"
)

// compassionScreen is the Compassion tab: the self-compassion break, the
// breaks taken, and the reframes with how often each helped.
type compassionScreen struct {
	u    *UI
	root *fyne.Container

	home     fyne.CanvasObject
	breaks   *fyne.Container
	reframes *reframeList
	flow     *breakFlow // nil when no break is open
}

func newCompassionScreen(u *UI) *compassionScreen {
	c := &compassionScreen{u: u}
	u.AddTrayAction(instance.Compassion, func() { c.startBreak(nil, "") })

	start := widgets.NewButtonWithIcon("Take a self-compassion break", theme.MediaPlayIcon(), func() { c.startBreak(nil, "") })
	start.Importance = widget.HighImportance
	intro := ui.WrapLabel("When guilt turns into “I'm a bad parent”, pause for three short steps: notice the moment, remember you are not alone in it, and offer yourself the kindness you would offer a friend.")
	c.breaks = container.New(ui.CompactVBox())
	c.reframes = newReframeList(c)

	heading := func(s string) *widget.Label {
		l := ui.SectionTitle(s)
		l.SizeName = theme.SizeNameSubHeadingText
		return l
	}
	c.home = container.NewVScroll(readable(container.NewVBox(
		heading("Self-compassion break"), intro, container.NewHBox(start),
		c.breaks,
		widget.NewSeparator(),
		heading("Reframes"),
		ui.WrapLabel("An old story guilt tells, and a truer new one. Mark the one that helps on a journal entry; each card counts how often it did."),
		c.reframes.view,
	)))
	c.root = container.NewStack(c.home)
	return c
}

func (c *compassionScreen) Title() string           { return "Compassion" }
func (c *compassionScreen) Icon() fyne.Resource     { return theme.AccountIcon() }
func (c *compassionScreen) View() fyne.CanvasObject { return c.root }
func (c *compassionScreen) Shown()                  { c.Load() }

// escape is Esc: during a break it is Not now, keeping what was written.
func (c *compassionScreen) Escape(fyne.Focusable) bool {
	if c.flow == nil {
		return false
	}
	c.flow.leave()
	return true
}

type compassionState struct {
	breaks   []data.CompassionSession
	reframes []data.Reframe
	helped   map[int64]int
}

// load reads the latest breaks and the reframes with their counts.
func (c *compassionScreen) Load() {
	if c.u.Store == nil {
		return
	}
	s := c.u.Store
	ui.Background(c.u.Host, func() (compassionState, error) {
		var st compassionState
		var err error
		if st.breaks, err = s.Breaks(5); err != nil {
			return st, err
		}
		if st.reframes, err = s.Reframes(); err != nil {
			return st, err
		}
		st.helped, err = s.ReframeHelped()
		return st, err
	}, func(st compassionState) {
		c.showBreaks(st.breaks)
		c.reframes.show(st.reframes, st.helped)
	})
}

// reframesChanged re-reads the reframes here and in the journal, whose
// shame route offers them.
func (c *compassionScreen) reframesChanged() {
	c.Load()
	if j := c.u.journal(); j != nil {
		j.Load()
	}
}

// showBreaks lists the latest breaks, with a way back into one left
// half-way.
func (c *compassionScreen) showBreaks(list []data.CompassionSession) {
	c.breaks.Objects = nil
	if len(list) > 0 {
		c.breaks.Add(ui.SectionTitle("Your latest breaks"))
	}
	for _, b := range list {
		when := dates.At(b.StartedAt.Local())
		words := firstLine(b.Kindness)
		if words == "" {
			words = firstLine(b.Acknowledge)
		}
		line := when
		if words != "" {
			line += " · “" + ui.MenuText(words) + "”"
		}
		row := []fyne.CanvasObject{ui.Caption(line)}
		if b.FinishedAt == nil {
			rec := b
			carry := widgets.NewButton("Carry on", func() { c.carryOn(rec) })
			carry.Importance = widget.LowImportance
			row = append(row, ui.Caption("Left half-way."), carry)
		}
		c.breaks.Add(container.NewHBox(row...))
	}
	c.breaks.Refresh()
}

// carryOn opens a break left half-way, naming the entry it is for again.
func (c *compassionScreen) carryOn(rec data.CompassionSession) {
	if rec.EntryID == nil {
		c.openFlow(newBreakFlow(c, rec, ""))
		return
	}
	id := *rec.EntryID
	ui.Background(c.u.Host, func() (string, error) {
		e, err := c.u.Store.Entry(id)
		if errors.Is(err, data.ErrNotFound) {
			return "", nil // the entry is gone; the break still goes on
		}
		return entryAbout(e), err
	}, func(about string) { c.openFlow(newBreakFlow(c, rec, about)) })
}

// startBreak opens a new break, for the entry named (nil for none). A
// break already open stays as it is when the new one is for no entry in
// particular; otherwise what it holds is saved first, to be carried on later.
func (c *compassionScreen) startBreak(entryID *int64, about string) {
	if c.u.Store == nil {
		return
	}
	c.u.ShowScreen(c)
	open := func() { c.openFlow(newBreakFlow(c, data.CompassionSession{EntryID: entryID}, about)) }
	switch {
	case c.flow == nil:
		open()
	case entryID != nil:
		c.flow.save(false, open)
	}
}

func (c *compassionScreen) openFlow(f *breakFlow) {
	c.u.ShowScreen(c)
	c.showFlow(f)
}

func (c *compassionScreen) showFlow(f *breakFlow) {
	c.flow = f
	c.root.Objects = []fyne.CanvasObject{container.NewVScroll(f.view())}
	c.root.Refresh()
	c.u.Win.Canvas().Focus(f.field)
}

func (c *compassionScreen) showFinished(rec data.CompassionSession) {
	c.flow = nil
	view, done := finishedView(rec, c.showHome)
	c.root.Objects = []fyne.CanvasObject{container.NewVScroll(view)}
	c.root.Refresh()
	// The text area that had the focus is gone: Space or Enter now ends
	// the break from the keyboard.
	c.u.Win.Canvas().Focus(done)
}

// compassion is the Compassion tab.
func (u *UI) compassion() *compassionScreen { return tab[*compassionScreen](u) }

func (c *compassionScreen) showHome() {
	c.flow = nil
	c.root.Objects = []fyne.CanvasObject{c.home}
	c.root.Refresh()
	c.Load()
}

// entryAbout names an entry in a few words, for the top of a break.
func entryAbout(e data.Entry) string {
	words := firstLine(e.Trigger)
	if words == "" {
		words = firstLine(e.Story)
	}
	when := dates.Short(e.HappenedAt.Local())
	if words == "" {
		return when
	}
	return when + ", “" + ui.MenuText(strings.TrimSpace(words)) + "”"
}

// readable keeps a column of text to a comfortable measure on wide
// windows, centred, with room around it; on a narrow one it narrows.
func readable(obj fyne.CanvasObject) fyne.CanvasObject {
	return container.NewPadded(container.New(ui.Measure{Max: 680}, obj))
}

func layoutSpacer() fyne.CanvasObject { return layout.NewSpacer() }
