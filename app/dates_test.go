package app

import (
	"strings"
	"testing"
	"time"

	"github.com/bothand/bothand/app/ui"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/widgets"
)

// inLocale runs the test's window in another locale, and puts the tests'
// own back after it.
func inLocale(t *testing.T, locale string) {
	t.Helper()
	old := systemLocale
	systemLocale = func() string { return locale }
	t.Cleanup(func() {
		systemLocale = old
		dates.Use(dates.ForLocale(old()))
	})
}

// In the United States' order, every date field of the window and every
// list writes the date the same way (the journal wrote 2026-12-06, the
// forms 12/06/2026, the lists Sun 6 Dec), and each field reads back what
// it shows.
func TestOneDateFormatEverywhere(t *testing.T) {
	inLocale(t, "en-US")
	u, s, ts := openTiers(t)
	day := weekdayAfter(3)
	// What the US writes, by Go's own layouts, not the package's.
	full := func(d time.Time) string { return d.Format("Mon, Jan 2, 2006") }
	short := func(d time.Time) string {
		if d.Year() != time.Now().Year() {
			return full(d)
		}
		return d.Format("Mon, Jan 2")
	}
	past := ui.Midnight(time.Now()).AddDate(0, 0, -3)
	if _, err := s.SaveCommitment(data.Commitment{Title: "Parents' evening", Tier: data.TierNonNegotiable, StartsAt: ui.At(day, 18, 0), EndsAt: ui.At(day, 19, 0)}); err != nil {
		t.Fatal(err)
	}
	entry, err := s.SaveEntry(data.Entry{Trigger: "Late for pickup", Kind: data.KindGuilt, HappenedAt: ui.At(past, 9, 0)}, 0)
	if err != nil {
		t.Fatal(err)
	}
	ts.jump(day)
	mustContain(t, visibleText(ts.agenda), day.Format("Monday, January 2"))
	mustContain(t, visibleText(ts.list), "Parents' evening", short(day)+", 18:00–19:00")

	fields := map[string]*widgets.DateEntry{}
	ts.commitmentForm = u.plan.showCommitmentForm(data.Commitment{Tier: data.TierNonNegotiable, StartsAt: ui.At(day, 18, 0), EndsAt: ui.At(day, 19, 0)}, nil)
	fields["commitment"] = ts.commitmentForm.date
	ts.commitmentForm.dlg.Hide()
	ts.workForm = u.plan.showWorkBlockForm(data.WorkBlock{StartsAt: ui.At(day, 9, 0), EndsAt: ui.At(day, 11, 0)}, nil)
	ts.workForm.hasDeadline.SetChecked(true)
	fields["work block"], fields["deadline"] = ts.workForm.date, ts.workForm.deadlineDate
	ts.workForm.dlg.Hide()

	j := u.screens[0].(*journalScreen)
	j.searchDelay, j.draftDelay = 0, 0
	u.ShowScreen(j)
	j.Load()
	mustContain(t, shownText(u), short(past)+" · 09:00")
	j.editEntry(entry.ID)
	fields["journal entry"] = j.editor.date

	for name, f := range fields {
		want := day
		if name == "journal entry" {
			want = past
		}
		if f.Text != full(want) {
			t.Errorf("%s: the field shows %q, want %q", name, f.Text, full(want))
		}
		if f.Date == nil || !f.Date.Equal(want) || f.Err != nil {
			t.Errorf("%s: the field reads its own text as %v (%v)", name, f.Date, f.Err)
		}
	}
	// Typed in the locale's numeric order, or ISO, it reads the same.
	f := j.editor.date
	for _, typed := range []string{past.Format("1/2/2006"), past.Format("2006-01-02"), past.Format("January 2")} {
		setText(f, typed)
		if f.Date == nil || !f.Date.Equal(past) {
			t.Errorf("typed %q: read %v (%v)", typed, f.Date, f.Err)
		}
	}
}

// A bad date gets a message under its field in the forms, and the text
// typed stays.
func TestABadDateIsExplainedAndKept(t *testing.T) {
	u, _, ts := openTiers(t)
	test.Tap(findButton(t, ts.View(), "Add a commitment"))
	f := ts.commitmentForm
	test.Type(f.title, "Sports day")
	setText(f.date, "30/02/2031")
	test.Tap(f.saveButton)
	mustContain(t, overlayText(u), "February 2031 has 28 days.")
	if f.date.Text != "30/02/2031" {
		t.Errorf("the field now says %q", f.date.Text)
	}
	setText(f.date, "next thursday-ish")
	test.Tap(f.saveButton)
	mustContain(t, overlayText(u), "“next thursday-ish” doesn't read as a date")
}

// The first day of the week is the locale's until Preferences says
// otherwise, and then every calendar follows: the Tiers calendar at once,
// the date fields' pickers when they open.
func TestTheWeekStartsOnTheDayPreferencesSay(t *testing.T) {
	inLocale(t, "en-US")
	u, _, ts := openTiers(t)
	ts.showRange()
	if got := ts.calendar.Days()[0].Weekday(); got != time.Sunday {
		t.Errorf("in the US the calendar starts on %s", got)
	}
	if got := ui.WeekdayChoices()[0]; got != "Sun" {
		t.Errorf("in the US the days to repeat on start with %s", got)
	}
	u.setWeekStart(time.Monday)
	if got := ts.calendar.Days()[0].Weekday(); got != time.Monday {
		t.Errorf("after choosing Monday the calendar starts on %s", got)
	}
	f := u.plan.showCommitmentForm(data.Commitment{Tier: data.TierFlexible, StartsAt: ui.At(weekdayAfter(1), 9, 0), EndsAt: ui.At(weekdayAfter(1), 10, 0)}, nil)
	if got := f.days.Options; got[0] != "Mon" || got[6] != "Sun" {
		t.Errorf("the days to repeat on: %v", got)
	}
	f.dlg.Hide()
	j := u.screens[0].(*journalScreen)
	j.searchDelay, j.draftDelay = 0, 0
	u.ShowScreen(j)
	j.filters.dates.SetSelected(dateChoices[len(dateChoices)-1])
	j.filters.from.OpenPicker()
	p := j.filters.from.Picker()
	if p == nil || p.Days()[0].Weekday() != time.Monday {
		t.Fatalf("the filter's calendar: %v", p)
	}
	if u.App.Preferences().Int(prefWeekStart) != int(time.Monday) {
		t.Error("the choice was not kept")
	}
	// The Preferences window offers it, naming the region's own.
	text := visibleText(u.preferencesContent(data.ReminderSettings{}))
	mustContain(t, text, "Weeks start on", "Monday")
	if opts := weekStartOptions(); !strings.Contains(strings.Join(opts, ","), "Sunday (as your region does)") {
		t.Errorf("options: %v", opts)
	}
}

// Fyne sizes a choice by its placeholder, "(Select one)": in a narrow list
// the last option showed as "Choose dat…".
func TestChooseDatesHasRoomForItsWords(t *testing.T) {
	_, _, j := newJournalUI(t)
	sel := j.filters.dates
	sel.SetSelected(dateChoices[len(dateChoices)-1])
	th := sel.Theme()
	text := fyne.MeasureText(sel.Selected, th.Size(theme.SizeNameText), fyne.TextStyle{}).Width
	need := text + 4*th.Size(theme.SizeNameInnerPadding) + th.Size(theme.SizeNameInlineIcon)
	if got := sel.MinSize().Width; got < need {
		t.Errorf("the date choice may shrink to %v, its words need %v", got, need)
	}
}

// The protocol's review date: a day that can't be read is said, kept as
// typed, and nothing is stored until it reads.
func TestAProtocolReviewDateThatDoesNotReadIsExplained(t *testing.T) {
	_, s, p := openProtocols(t)
	pr, _ := s.StartFromTemplate("block-client-time", nil)
	p.openProtocol(pr.ID)
	e := p.editor
	e.hasReview.SetChecked(true)
	setText(e.review, "31/4/2031")
	test.Tap(e.saveBtn)
	if !e.reviewMsg.Visible() || e.reviewMsg.Text != "April 2031 has 30 days." || e.review.Text != "31/4/2031" {
		t.Errorf("message %q (shown %v), field %q", e.reviewMsg.Text, e.reviewMsg.Visible(), e.review.Text)
	}
	if got, _ := s.Protocol(pr.ID); got.ReviewOn != nil {
		t.Errorf("stored a review date %v", got.ReviewOn)
	}
	setText(e.review, "30/4/2031")
	test.Tap(e.saveBtn)
	if got, _ := s.Protocol(pr.ID); got.ReviewOn == nil || got.ReviewOn.Format(time.DateOnly) != "2031-04-30" || e.reviewMsg.Visible() {
		t.Errorf("stored %v, message %q", got.ReviewOn, e.reviewMsg.Text)
	}
}
