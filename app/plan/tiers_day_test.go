package plan

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/widgets"
)

// The day: 09:00 work was listed under the 19:30 bedtime, and
// parents' evening and the family dinner, both at 18:00, passed silently.
func TestAgendaListsTheDayInTimeOrderAndFlagsClashes(t *testing.T) {
	_, s, ts := openTiers(t)
	day := uitest.WeekdayAfter(3)
	for _, c := range []data.Commitment{
		{Title: "Bedtime", Tier: data.TierHighPriority, StartsAt: ui.At(day, 19, 30), EndsAt: ui.At(day, 20, 0)},
		{Title: "Family dinner", Tier: data.TierHighPriority, StartsAt: ui.At(day, 18, 0), EndsAt: ui.At(day, 19, 0)},
		{Title: "Parents' evening", Tier: data.TierNonNegotiable, StartsAt: ui.At(day, 18, 0), EndsAt: ui.At(day, 19, 30)},
		{Title: "Swings", Tier: data.TierFlexible, StartsAt: ui.At(day, 18, 0), EndsAt: ui.At(day, 19, 0)},
	} {
		if _, err := s.SaveCommitment(c); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := s.SaveWorkBlock(data.WorkBlock{Title: "Quarterly report", StartsAt: ui.At(day, 9, 0), EndsAt: ui.At(day, 11, 0)}, ""); err != nil {
		t.Fatal(err)
	}
	ts.jump(day)
	text := uitest.VisibleText(ts.agenda)
	order := []string{"Quarterly report", "Parents' evening", "Family dinner", "Swings", "Bedtime"}
	last := -1
	for _, name := range order {
		i := strings.Index(text, name)
		if i <= last {
			t.Fatalf("%q is out of time order in:\n%s", name, text)
		}
		last = i
	}
	uitest.MustContain(t, text,
		"Clashes with “Family dinner” (18:00–19:00): you can't be at both.",
		"Clashes with “Parents' evening” (18:00–19:30): you can't be at both.")
	if n := strings.Count(text, "Clashes with"); n != 2 {
		t.Errorf("%d clash lines, want 2 (flexible time and work don't clash)", n)
	}
}

func TestMiniCalendarMarksTodayTheRangeAndNonNegotiableDays(t *testing.T) {
	_, s, ts := openTiers(t)
	today := ui.Midnight(time.Now())
	tier1 := today.AddDate(0, 0, 5)
	tier2 := today.AddDate(0, 0, 6)
	for _, c := range []data.Commitment{
		{Title: "Sports day", Tier: data.TierNonNegotiable, StartsAt: ui.At(tier1, 13, 0), EndsAt: ui.At(tier1, 15, 0)},
		{Title: "Dinner", Tier: data.TierHighPriority, StartsAt: ui.At(tier2, 18, 0), EndsAt: ui.At(tier2, 19, 0)},
	} {
		if _, err := s.SaveCommitment(c); err != nil {
			t.Fatal(err)
		}
	}
	ts.jump(today)
	c := ts.calendar
	c.ShowMonth(tier1)
	if st := c.State(tier1); !st.Marked || !st.InRange {
		t.Errorf("the sports day: %+v", st)
	}
	if st := c.State(tier2); st.Marked {
		t.Errorf("a high-priority day is marked: %+v", st)
	}
	c.ShowMonth(today)
	if st := c.State(today); !st.Today || !st.InRange || !st.RangeStart {
		t.Errorf("today: %+v", st)
	}
	if st := c.State(today.AddDate(0, 0, agendaDays)); st.InRange {
		t.Errorf("the day after the two weeks is marked as shown: %+v", st)
	}
	// The legend says what each mark means.
	uitest.MustContain(t, uitest.VisibleText(ts.View()), "today", "shown", "non-negotiable")
	// Picking a day shows the two weeks from it, and the band follows.
	c.Pick(today.AddDate(0, 0, 20))
	if !ts.from.Equal(today.AddDate(0, 0, 20)) || !c.State(today.AddDate(0, 0, 20)).RangeStart {
		t.Errorf("after picking: from %v", ts.from)
	}
}

func TestTiersCardsFoldAndStayFolded(t *testing.T) {
	u, s, ts := openTiers(t)
	day := ui.Midnight(time.Now()).AddDate(0, 0, -7)
	if _, err := s.SaveCommitment(data.Commitment{Title: "Park", Tier: 3, StartsAt: ui.At(day, 10, 0), EndsAt: ui.At(day, 11, 0)}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.SaveWorkBlock(data.WorkBlock{Title: "Call", StartsAt: ui.At(day, 10, 0), EndsAt: ui.At(day, 10, 30)}, ""); err != nil {
		t.Fatal(err)
	}
	ts.Load()
	if countButtons(ts.agenda, "Made up") != 1 {
		t.Fatal("the make-up card is not open")
	}
	uitest.FindButton(t, ts.agenda, "To make up (1)").OnTapped()
	if countButtons(ts.agenda, "Made up") != 0 {
		t.Error("folding left the notes in view")
	}
	// A restart (a new window on the same preferences) keeps it folded.
	u2 := newTestWindow(u.App, s)
	ts2 := u2.plan.tiersTab()
	ts2.Load()
	head := uitest.FindButton(t, ts2.agenda, "To make up (1)")
	if countButtons(ts2.agenda, "Made up") != 0 || !strings.Contains(head.Name, "folded") {
		t.Error("the card opened again after a restart")
	}
	head.OnTapped()
	if countButtons(ts2.agenda, "Made up") != 1 {
		t.Error("the card doesn't open again")
	}
}

func TestSavingACommitmentOrWorkSaysSo(t *testing.T) {
	_, _, ts := openTiers(t)
	day := uitest.WeekdayAfter(2)
	test.Tap(uitest.FindButton(t, ts.View(), "Add a commitment"))
	f := ts.commitmentForm
	test.Type(f.title, "Sports day")
	f.date.SetDate(&day)
	uitest.SetText(f.from, "13:00")
	uitest.SetText(f.to, "15:00")
	test.Tap(f.saveButton)
	if !ts.status.box.Visible() {
		t.Fatal("nothing said the commitment was saved")
	}
	uitest.MustContain(t, ts.status.text.Text, "Saved “Sports day”", "13:00–15:00")
	if ts.status.show.Visible() {
		t.Error("offers to show a day that is on screen")
	}

	later := uitest.WeekdayAfter(30)
	ts.openWorkForm(data.WorkBlock{StartsAt: ui.At(later, 9, 0), EndsAt: ui.At(later, 10, 0)})
	test.Type(ts.workForm.title, "Invoices")
	test.Tap(ts.workForm.saveButton)
	uitest.MustContain(t, ts.status.text.Text, "Saved “Invoices”", "09:00–10:00")
	if !ts.status.show.Visible() {
		t.Fatal("a save out of the two weeks shown doesn't offer to show it")
	}
	test.Tap(ts.status.show)
	if !ts.from.Equal(later) {
		t.Errorf("showing the day went to %v", ts.from)
	}
	uitest.MustContain(t, uitest.VisibleText(ts.agenda), "Invoices")
}

// A new block's deadline is the block's own day: moved to next week, it
// no longer sits today, before the work, where saving failed at once.
func TestWorkDeadlineFollowsTheBlocksDay(t *testing.T) {
	_, s, ts := openTiers(t)
	ts.addWorkBlock()
	f := ts.workForm
	test.Type(f.title, "Report")
	f.hasDeadline.SetChecked(true)
	next := uitest.WeekdayAfter(7)
	f.date.SetDate(&next)
	uitest.SetText(f.from, "09:00")
	uitest.SetText(f.to, "11:00")
	if f.deadlineDate.Date == nil || !f.deadlineDate.Date.Equal(next) {
		t.Fatalf("the deadline stayed on %v", f.deadlineDate.Date)
	}
	test.Tap(f.saveButton)
	blocks, _ := s.WorkBlocks(next, next.AddDate(0, 0, 1))
	if len(blocks) != 1 || blocks[0].DeadlineAt == nil || ui.Midnight(*blocks[0].DeadlineAt) != next {
		t.Fatalf("stored %+v; messages: %q", blocks, f.msgs[data.FieldDeadlineAt].Text)
	}
	// A deadline the person set stays where they put it.
	ts.addWorkBlock()
	g := ts.workForm
	g.hasDeadline.SetChecked(true)
	friday := uitest.WeekdayAfter(10)
	g.deadlineDate.SetDate(&friday)
	g.date.SetDate(&next)
	if !g.deadlineDate.Date.Equal(friday) {
		t.Errorf("a chosen deadline moved to %v", g.deadlineDate.Date)
	}
}

// The answer to a clash (the next free time) is in view without scrolling,
// in kind words, with the keyboard on it, in a small window.
func TestARefusalOffersAnotherTimeInView(t *testing.T) {
	u, s, ts := openTiers(t)
	u.Win.Resize(fyne.NewSize(800, 600))
	day := uitest.WeekdayAfter(2)
	if _, err := s.SaveCommitment(data.Commitment{Title: "Sports day", Tier: data.TierNonNegotiable, StartsAt: ui.At(day, 13, 0), EndsAt: ui.At(day, 15, 0)}); err != nil {
		t.Fatal(err)
	}
	ts.openWorkForm(data.WorkBlock{StartsAt: ui.At(day, 12, 0), EndsAt: ui.At(day, 14, 0)})
	f := ts.workForm
	test.Type(f.client, "Acme")
	test.Type(f.title, "Quarterly report")
	f.hasDeadline.SetChecked(true)
	test.Tap(f.saveButton)
	if !f.refusalBox.Visible() || !f.useSlot.Visible() {
		t.Fatal("no refusal with another time")
	}
	text := uitest.VisibleText(f.refusalBox)
	uitest.MustContain(t, text, "This time is already promised", "stays with your family")
	if strings.Contains(text, "Refused") {
		t.Errorf("still says Refused: %q", text)
	}
	if u.Win.Canvas().Focused() != f.useSlot {
		t.Errorf("the keyboard is on %T, not on %q", u.Win.Canvas().Focused(), f.useSlot.Text)
	}
	sc := widgets.ScrollAround(f.useSlot)
	if sc == nil {
		t.Fatal("the form is not in a scroll")
	}
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(f.useSlot).Y - d.AbsolutePositionForObject(sc).Y
	if top < 0 || top+f.useSlot.Size().Height > sc.Size().Height {
		t.Errorf("%q is out of view: %v to %v in a view %v high", f.useSlot.Text, top, top+f.useSlot.Size().Height, sc.Size().Height)
	}
	test.Tap(f.useSlot)
	test.Tap(f.saveButton)
	if blocks, _ := s.WorkBlocks(day, day.AddDate(0, 0, 30)); len(blocks) != 1 {
		t.Errorf("taking the free time didn't save: %+v", blocks)
	}
}

// A menu opened from a row's end stays whole in the window, beside its
// button: under it when there is room, above it when not, lined up with
// its right edge.
func TestAMenuFromTheRowsEndStaysInTheWindow(t *testing.T) {
	u, _ := newTestUI(t)
	u.Win.Resize(fyne.NewSize(800, 600))
	room := u.Win.Canvas().Size()
	size := fyne.NewSize(180, 300)
	for _, c := range []struct {
		name  string
		at    fyne.Position
		below bool
	}{
		{"at the top right", fyne.NewPos(room.Width-40, 100), true},
		{"at the bottom right", fyne.NewPos(room.Width-40, room.Height-60), false},
		{"at the left", fyne.NewPos(10, 100), true},
	} {
		b := widgets.NewIconButton("More", nil, nil)
		b.Resize(fyne.NewSize(36, 36))
		b.Move(c.at)
		u.Win.SetContent(container.NewWithoutLayout(b))
		pos := ui.MenuPosition(u.Win.Canvas(), b, size)
		c.at = fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
		if pos.X < 0 || pos.Y < 0 || pos.X+size.Width > room.Width || pos.Y+size.Height > room.Height {
			t.Errorf("%s: the menu at %v runs out of the window %v", c.name, pos, room)
		}
		if pos.Y < c.at.Y+36 && pos.Y+size.Height > c.at.Y {
			t.Errorf("%s: the menu at %v covers its button at %v", c.name, pos, c.at)
		}
		if below := pos.Y >= c.at.Y+36; below != c.below {
			t.Errorf("%s: the menu at %v, below the button: %v", c.name, pos, below)
		}
		if pos.X > c.at.X+36 || pos.X+size.Width < c.at.X {
			t.Errorf("%s: the menu at %v is not beside its button at %v", c.name, pos, c.at)
		}
	}
}

// A window left open overnight: the agenda opened on yesterday's two weeks
// turns to today's when the day turns; two weeks the person picked stay.
func TestTheAgendaTurnsToTheNewDay(t *testing.T) {
	_, s, ts := openTiers(t)
	today := ui.Midnight(time.Now())
	yesterday := today.AddDate(0, 0, -1)
	if _, err := s.SaveCommitment(data.Commitment{
		Title: "Swimming", Tier: data.TierHighPriority,
		StartsAt: ui.At(today, 17, 0), EndsAt: ui.At(today, 18, 0),
	}); err != nil {
		t.Fatal(err)
	}
	ts.jump(yesterday) // what the tab showed when it was opened, yesterday
	ts.NewDay(yesterday)
	if !ts.from.Equal(today) {
		t.Fatalf("after the day turned the agenda starts on %v, want today", ts.from)
	}
	text := uitest.VisibleText(ts.View())
	uitest.MustContain(t, text, ui.DayHeading(today, today))
	if strings.Contains(text, "Yesterday ·") {
		t.Errorf("yesterday is still shown:\n%s", text)
	}
	if c := ts.calendar; !c.State(today).Today || !c.State(today).RangeStart {
		t.Errorf("the calendar's today: %+v", c.State(today))
	}

	picked := today.AddDate(0, 0, 30)
	ts.jump(picked)
	ts.NewDay(today)
	if !ts.from.Equal(picked) {
		t.Errorf("the two weeks picked moved to %v", ts.from)
	}
}
