package plan

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/widgets"
)

// inLocale writes dates in another locale for the test, and puts the
// tests' own back after it.
func inLocale(t *testing.T, locale string) {
	t.Helper()
	dates.Use(dates.ForLocale(locale))
	t.Cleanup(func() { dates.Use(dates.ForLocale("en-GB")) })
}

// In the United States' order, the date fields of the Tiers' forms and
// its lists write the date the same way, and each field reads back what
// it shows (the window's test adds the journal's).
func TestOneDateFormatInTheTiers(t *testing.T) {
	inLocale(t, "en-US")
	u, s, ts := openTiers(t)
	day := uitest.WeekdayAfter(3)
	// What the US writes, by Go's own layouts, not the package's.
	full := func(d time.Time) string { return d.Format("Mon, Jan 2, 2006") }
	short := func(d time.Time) string {
		if d.Year() != time.Now().Year() {
			return full(d)
		}
		return d.Format("Mon, Jan 2")
	}
	if _, err := s.SaveCommitment(data.Commitment{Title: "Parents' evening", Tier: data.TierNonNegotiable, StartsAt: ui.At(day, 18, 0), EndsAt: ui.At(day, 19, 0)}); err != nil {
		t.Fatal(err)
	}
	ts.jump(day)
	uitest.MustContain(t, uitest.VisibleText(ts.agenda), day.Format("Monday, January 2"))
	uitest.MustContain(t, uitest.VisibleText(ts.list), "Parents' evening", short(day)+", 18:00–19:00")

	fields := map[string]*widgets.DateEntry{}
	ts.commitmentForm = u.plan.showCommitmentForm(data.Commitment{Tier: data.TierNonNegotiable, StartsAt: ui.At(day, 18, 0), EndsAt: ui.At(day, 19, 0)}, nil)
	fields["commitment"] = ts.commitmentForm.date
	ts.commitmentForm.dlg.Hide()
	ts.workForm = u.plan.showWorkBlockForm(data.WorkBlock{StartsAt: ui.At(day, 9, 0), EndsAt: ui.At(day, 11, 0)}, nil)
	ts.workForm.hasDeadline.SetChecked(true)
	fields["work block"], fields["deadline"] = ts.workForm.date, ts.workForm.deadlineDate
	ts.workForm.dlg.Hide()

	for name, f := range fields {
		if f.Text != full(day) {
			t.Errorf("%s: the field shows %q, want %q", name, f.Text, full(day))
		}
		if f.Date == nil || !f.Date.Equal(day) || f.Err != nil {
			t.Errorf("%s: the field reads its own text as %v (%v)", name, f.Date, f.Err)
		}
	}
	_ = u
}

// The first day of the week is the locale's until it is chosen, and then
// the Tiers calendar turns at once and the forms' days follow.
func TestTheTiersFollowTheWeekStart(t *testing.T) {
	inLocale(t, "en-US")
	u, _, ts := openTiers(t)
	ts.showRange()
	if got := ts.calendar.Days()[0].Weekday(); got != time.Sunday {
		t.Errorf("in the US the calendar starts on %s", got)
	}
	if got := ui.WeekdayChoices()[0]; got != "Sun" {
		t.Errorf("in the US the days to repeat on start with %s", got)
	}
	st := dates.ForLocale("en-US")
	st.WeekStart = time.Monday
	dates.Use(st)
	for _, sc := range u.screens {
		if w, ok := sc.(ui.WeekStarter); ok {
			w.WeekStartChanged()
		}
	}
	if got := ts.calendar.Days()[0].Weekday(); got != time.Monday {
		t.Errorf("after choosing Monday the calendar starts on %s", got)
	}
	f := u.plan.showCommitmentForm(data.Commitment{Tier: data.TierFlexible, StartsAt: ui.At(uitest.WeekdayAfter(1), 9, 0), EndsAt: ui.At(uitest.WeekdayAfter(1), 10, 0)}, nil)
	if got := f.days.Options; got[0] != "Mon" || got[6] != "Sun" {
		t.Errorf("the days to repeat on: %v", got)
	}
	f.dlg.Hide()
}

// A bad date gets a message under its field in the forms, and the text
// typed stays.
func TestABadDateIsExplainedAndKept(t *testing.T) {
	u, _, ts := openTiers(t)
	test.Tap(uitest.FindButton(t, ts.View(), "Add a commitment"))
	f := ts.commitmentForm
	test.Type(f.title, "Sports day")
	uitest.SetText(f.date, "30/02/2031")
	test.Tap(f.saveButton)
	uitest.MustContain(t, uitest.OverlayText(u.Host), "February 2031 has 28 days.")
	if f.date.Text != "30/02/2031" {
		t.Errorf("the field now says %q", f.date.Text)
	}
	uitest.SetText(f.date, "next thursday-ish")
	test.Tap(f.saveButton)
	uitest.MustContain(t, uitest.OverlayText(u.Host), "“next thursday-ish” doesn't read as a date")
}

// The protocol's review date: a day that can't be read is said, kept as
// typed, and nothing is stored until it reads.
func TestAProtocolReviewDateThatDoesNotReadIsExplained(t *testing.T) {
	_, s, p := openProtocols(t)
	pr, _ := s.StartFromTemplate("block-client-time", nil)
	p.openProtocol(pr.ID)
	e := p.editor
	e.hasReview.SetChecked(true)
	uitest.SetText(e.review, "31/4/2031")
	test.Tap(e.saveBtn)
	if !e.reviewMsg.Visible() || e.reviewMsg.Text != "April 2031 has 30 days." || e.review.Text != "31/4/2031" {
		t.Errorf("message %q (shown %v), field %q", e.reviewMsg.Text, e.reviewMsg.Visible(), e.review.Text)
	}
	if got, _ := s.Protocol(pr.ID); got.ReviewOn != nil {
		t.Errorf("stored a review date %v", got.ReviewOn)
	}
	uitest.SetText(e.review, "30/4/2031")
	test.Tap(e.saveBtn)
	if got, _ := s.Protocol(pr.ID); got.ReviewOn == nil || got.ReviewOn.Format(time.DateOnly) != "2031-04-30" || e.reviewMsg.Visible() {
		t.Errorf("stored %v, message %q", got.ReviewOn, e.reviewMsg.Text)
	}
}
