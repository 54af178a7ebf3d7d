package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/app/ui/uitest"
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
	u, s, _ := newJournalUI(t)
	day := uitest.WeekdayAfter(3)
	// What the US writes, by Go's own layouts, not the package's.
	full := func(d time.Time) string { return d.Format("Mon, Jan 2, 2006") }
	short := func(d time.Time) string {
		if d.Year() != time.Now().Year() {
			return full(d)
		}
		return d.Format("Mon, Jan 2")
	}
	past := ui.Midnight(time.Now()).AddDate(0, 0, -3)
	entry, err := s.SaveEntry(data.Entry{Trigger: "Late for pickup", Kind: data.KindGuilt, HappenedAt: ui.At(past, 9, 0)}, 0)
	if err != nil {
		t.Fatal(err)
	}
	fields := map[string]*widgets.DateEntry{}
	j := u.screens[0].(*journalScreen)
	j.searchDelay, j.draftDelay = 0, 0
	u.ShowScreen(j)
	j.Load()
	uitest.MustContain(t, uitest.ShownText(u.Host), short(past)+" · 09:00")
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
		uitest.SetText(f, typed)
		if f.Date == nil || !f.Date.Equal(past) {
			t.Errorf("typed %q: read %v (%v)", typed, f.Date, f.Err)
		}
	}
}

// The first day of the week is the locale's until Preferences says
// otherwise, and then every calendar follows (the Tiers' own test checks
// its calendar): the date fields' pickers when they open.
func TestTheWeekStartsOnTheDayPreferencesSay(t *testing.T) {
	inLocale(t, "en-US")
	u, _, _ := newJournalUI(t)
	if got := ui.WeekdayChoices()[0]; got != "Sun" {
		t.Errorf("in the US the days to repeat on start with %s", got)
	}
	u.setWeekStart(time.Monday)
	if got := ui.WeekdayChoices()[0]; got != "Mon" {
		t.Errorf("after choosing Monday the days to repeat on start with %s", got)
	}
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
	text := uitest.VisibleText(u.preferencesContent(data.ReminderSettings{}))
	uitest.MustContain(t, text, "Weeks start on", "Monday")
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
