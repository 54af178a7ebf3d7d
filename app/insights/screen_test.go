package insights

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
)

func TestInsightsTabShowsChartsForDataAndEmptyStatesForNone(t *testing.T) {
	x := newHarness(t)
	s, ins := x.store, x.screen
	ins.Load()
	uitest.MustContain(t, x.text(), "As you write in the journal")
	test.Tap(uitest.FindButton(t, ins.View(), "Write an entry"))
	if x.wrote != 1 {
		t.Error("“Write an entry” did not open a new entry")
	}

	// Old practice only: the charts show, each with its own empty state.
	if err := s.RecordReadings([]time.Time{time.Now().AddDate(0, 0, -1)}); err != nil {
		t.Fatal(err)
	}
	s.SaveEntry(data.Entry{Trigger: "Late pickup", Intensity: 6, Kind: data.KindGuilt, HappenedAt: time.Now().AddDate(-2, 0, 0)}, 0)
	ins.Load()
	text := x.text()
	uitest.MustContain(t, text, "No journal entries in the last four weeks", "Mark non-negotiable commitments", "No urgent client requests triaged")
	if ins.intensity.area.Visible() {
		t.Error("an empty chart is drawn")
	}

	if _, err := s.SaveEntry(data.Entry{Trigger: "Worked through dinner", Intensity: 7, Kind: data.KindShame, Tags: []data.Tag{{Name: "Visibility trap"}}}, 0); err != nil {
		t.Fatal(err)
	}
	ins.Load()
	text = x.text()
	uitest.MustContain(t, text, "7 out of 10 on average", "“Visibility trap” came up most", "Guilt 0%, shame 100%")
	area := ins.intensity.area
	if !area.Visible() || area.img.Image == nil {
		t.Fatal("the intensity chart was not drawn")
	}
	first := area.img.Image.Bounds()
	if first.Dx() < 100 || first.Dy() < 100 {
		t.Errorf("chart image %v", first)
	}
	// Resizing the window draws the chart again at its new size.
	x.h.Win.Resize(fyne.NewSize(1400, 1000))
	if got := area.img.Image.Bounds(); got.Dx() <= first.Dx() {
		t.Errorf("after a wider window the chart is %v, was %v", got, first)
	}

	// The period is remembered.
	ins.period.SetSelected(data.PeriodYear.String())
	if x.h.App.Preferences().Int(prefInsightsPeriod) != int(data.PeriodYear) {
		t.Error("the period was not remembered")
	}
	uitest.MustContain(t, x.text(), "the last twelve months")
	if again := New(x.h, func() {}); again.chosen() != data.PeriodYear {
		t.Errorf("the next start shows %v", again.chosen())
	}
}

func TestChartsFollowAChangeOfTheme(t *testing.T) {
	x := newHarness(t)
	s, ins := x.store, x.screen
	s.SaveEntry(data.Entry{Trigger: "Missed the assembly", Intensity: 6, Kind: data.KindGuilt}, 0)
	ins.Load()
	area := ins.intensity.area
	before := area.img.Image
	if before == nil {
		t.Fatal("no chart")
	}
	x.h.App.Settings().SetTheme(test.NewTheme())
	if area.img.Image == before {
		t.Error("the chart was not drawn again for the new theme")
	}
}

// Changing the period twice quickly: the first period's figures, arriving
// late, must not replace the second's under its radio choice.
func TestInsightsShowTheLastPeriodChosen(t *testing.T) {
	x := newHarness(t)
	s, ins := x.store, x.screen
	s.SaveEntry(data.Entry{Trigger: "Late pickup", Intensity: 5, Kind: data.KindGuilt}, 0)
	ins.Shown()
	var q []func()
	x.h.Async = func(f func()) { q = append(q, f) }
	ins.period.SetSelected(data.PeriodYear.String())
	ins.period.SetSelected(data.PeriodThreeMonths.String())
	// The three-month figures come first, the year's after them.
	if len(q) != 2 {
		t.Fatalf("%d loads under way, want 2", len(q))
	}
	q[0], q[1] = q[1], q[0]
	for _, job := range q {
		job()
	}
	text := x.text()
	uitest.MustContain(t, text, "the last three months")
	if strings.Contains(text, "the last twelve months") {
		t.Errorf("the year's figures show under “3 months”:\n%s", text)
	}
}

// The Insights tab's icon is a chart (it was Fyne's "i" for information),
// drawn in the theme's colours like the other tabs' icons.
func TestInsightsTabHasAChartIcon(t *testing.T) {
	ins := newHarness(t).screen
	if ins.Title() != "Insights" {
		t.Errorf("the tab is called %q", ins.Title())
	}
	icon := ins.Icon()
	if icon == theme.InfoIcon() || !strings.Contains(icon.Name(), "insights.svg") {
		t.Errorf("the Insights tab's icon is %q", icon.Name())
	}
	if _, ok := icon.(fyne.ThemedResource); !ok {
		t.Error("the icon does not take the theme's colours")
	}
}
