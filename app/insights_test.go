package app

import (
	"image"
	"image/color"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"gonum.org/v1/plot"

	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
)

// knownInsights is four weeks with a few entries, outcomes and practice.
func knownInsights() data.Insights {
	start := time.Date(2026, 3, 2, 0, 0, 0, 0, time.Local)
	ins := data.Insights{Period: data.PeriodFourWeeks, From: start}
	for i := range 4 {
		w := data.Week{
			Start: start.AddDate(0, 0, 7*i), Entries: 3 - i%2, Guilt: 1, Shame: 1, MeanIntensity: float64(7 - i),
			Tier1Kept: 2, Tier1Missed: i % 2, Emergencies: i % 2, TrulyUrgent: 1, NotUrgent: 2, Breaks: 1, Readings: 4,
		}
		ins.Weeks = append(ins.Weeks, w)
		ins.Dots = append(ins.Dots, data.Dots{Week: i, Intensity: 7 - i, Entries: w.Entries})
	}
	ins.Triggers = []data.TagCount{{Name: "Visibility trap", Builtin: true, Entries: 4}, {Name: "Bedtime", Entries: 2}}
	return ins
}

// inked counts the pixels that differ clearly from the background.
func inked(img image.Image, bg color.Color) int {
	br, bgc, bb, _ := bg.RGBA()
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if diff(r, br)+diff(g, bgc)+diff(bl, bb) > 0x3000 {
				n++
			}
		}
	}
	return n
}

func diff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

func TestChartsRenderKnownDataInBothThemes(t *testing.T) {
	newTestUI(t)
	ins := knownInsights()
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		col := chartColoursOf(newTheme(newAppearance()), v)
		for name, img := range map[string]image.Image{
			"intensity":   renderPlot(intensityPlot(ins, col), 600, 300, 1),
			"triggers":    renderPlot(triggersPlot(ins, col), 600, 300, 1),
			"kinds":       renderPlot(kindPlot(ins, col), 600, 300, 1),
			"commitments": renderPlot(commitmentsPlot(ins, col), 600, 300, 1),
			"triage":      renderPlot(triagePlot(ins, col), 600, 300, 1),
			"practice":    renderPlot(practicePlot(ins, col), 600, 300, 2),
		} {
			b := img.Bounds()
			if b.Dx() != 600 || b.Dy() != 300 {
				t.Errorf("%s: %v, want 600×300", name, b)
			}
			if r, g, bl, _ := img.At(2, 2).RGBA(); diff(r, 0)+diff(g, 0)+diff(bl, 0) == 0 && v == theme.VariantLight {
				t.Errorf("%s: the light chart has a black corner", name)
			}
			if n := inked(img, col.bg); n < 2000 {
				t.Errorf("%s (variant %d): only %d pixels drawn", name, v, n)
			}
		}
	}
}

func TestInsightsTabShowsChartsForDataAndEmptyStatesForNone(t *testing.T) {
	u, s := newTestUI(t)
	var ins *insightsScreen
	for _, sc := range u.screens {
		if i, ok := sc.(*insightsScreen); ok {
			ins = i
		}
	}
	u.ShowScreen(ins)
	ins.Load()
	uitest.MustContain(t, uitest.ShownText(u.Host), "As you write in the journal")

	// Old practice only: the charts show, each with its own empty state.
	if err := s.RecordReadings([]time.Time{time.Now().AddDate(0, 0, -1)}); err != nil {
		t.Fatal(err)
	}
	s.SaveEntry(data.Entry{Trigger: "Late pickup", Intensity: 6, Kind: data.KindGuilt, HappenedAt: time.Now().AddDate(-2, 0, 0)}, 0)
	ins.Load()
	text := uitest.ShownText(u.Host)
	uitest.MustContain(t, text, "No journal entries in the last four weeks", "Mark non-negotiable commitments", "No urgent client requests triaged")
	if ins.intensity.area.Visible() {
		t.Error("an empty chart is drawn")
	}

	if _, err := s.SaveEntry(data.Entry{Trigger: "Worked through dinner", Intensity: 7, Kind: data.KindShame, Tags: []data.Tag{{Name: "Visibility trap"}}}, 0); err != nil {
		t.Fatal(err)
	}
	ins.Load()
	text = uitest.ShownText(u.Host)
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
	u.Win.Resize(fyne.NewSize(1400, 1000))
	if got := area.img.Image.Bounds(); got.Dx() <= first.Dx() {
		t.Errorf("after a wider window the chart is %v, was %v", got, first)
	}

	// The period is remembered.
	ins.period.SetSelected(data.PeriodYear.String())
	if u.App.Preferences().Int(prefInsightsPeriod) != int(data.PeriodYear) {
		t.Error("the period was not remembered")
	}
	uitest.MustContain(t, uitest.ShownText(u.Host), "the last twelve months")
}

// BenchmarkYearCharts renders the six charts of a full year at 600×300,
// the work done off the main goroutine when the Insights tab shows:
//
//	go test ./app -run '^$' -bench YearCharts
func BenchmarkYearCharts(b *testing.B) {
	test.NewTempApp(b)
	ins := data.Insights{Period: data.PeriodYear}
	start := time.Date(2025, 12, 1, 0, 0, 0, 0, time.Local)
	for i := range 52 {
		ins.Weeks = append(ins.Weeks, data.Week{
			Start: start.AddDate(0, 0, 7*i), Entries: 20, Guilt: 12, Shame: 5, MeanIntensity: 4,
			Tier1Kept: 3, Tier1Missed: 1, Breaks: 2, Readings: 5,
		})
		for v := range 11 {
			ins.Dots = append(ins.Dots, data.Dots{Week: i, Intensity: v, Entries: 2})
		}
	}
	ins.Triggers = []data.TagCount{{Name: "Visibility trap", Builtin: true, Entries: 300}, {Name: "Bedtime", Entries: 120}}
	col := currentChartColours()
	for b.Loop() {
		for _, f := range []func(data.Insights, chartColours) *plot.Plot{intensityPlot, triggersPlot, kindPlot, commitmentsPlot, triagePlot, practicePlot} {
			renderPlot(f(ins, col), 600, 300, 1)
		}
	}
}

func TestChartsFollowAChangeOfTheme(t *testing.T) {
	u, s := newTestUI(t)
	ins := u.screens[4].(*insightsScreen)
	s.SaveEntry(data.Entry{Trigger: "Missed the assembly", Intensity: 6, Kind: data.KindGuilt}, 0)
	ins.Load()
	area := ins.intensity.area
	before := area.img.Image
	if before == nil {
		t.Fatal("no chart")
	}
	u.App.Settings().SetTheme(test.NewTheme())
	if area.img.Image == before {
		t.Error("the chart was not drawn again for the new theme")
	}
}

// The Insights tab draws nothing behind the window at start: its charts
// are computed when the tab is first brought forward.
func TestInsightsWaitUntilTheTabIsShown(t *testing.T) {
	u, s := newTestUI(t)
	if _, err := s.SaveEntry(data.Entry{Trigger: "Worked through dinner", Intensity: 7, Kind: data.KindGuilt}, 0); err != nil {
		t.Fatal(err)
	}
	u.attach(s) // as at start, on the Journal tab
	var ins *insightsScreen
	for _, sc := range u.screens {
		if i, ok := sc.(*insightsScreen); ok {
			ins = i
		}
	}
	if ins.loaded || ins.intensity.area.img.Image != nil {
		t.Fatal("the insights were computed before their tab was shown")
	}
	u.ShowScreen(ins)
	if !ins.intensity.area.Visible() || ins.intensity.area.img.Image == nil {
		t.Error("showing the tab did not draw the chart")
	}
}

// Changing the period twice quickly: the first period's figures, arriving
// late, must not replace the second's under its radio choice.
func TestInsightsShowTheLastPeriodChosen(t *testing.T) {
	u, s := newTestUI(t)
	s.SaveEntry(data.Entry{Trigger: "Late pickup", Intensity: 5, Kind: data.KindGuilt}, 0)
	ins := u.screens[4].(*insightsScreen)
	u.ShowScreen(ins)
	ins.Load()
	q := &queue{}
	u.Async = func(f func()) { q.jobs = append(q.jobs, f) }
	ins.period.SetSelected(data.PeriodYear.String())
	ins.period.SetSelected(data.PeriodThreeMonths.String())
	// The three-month figures come first, the year's after them.
	q.jobs[0], q.jobs[1] = q.jobs[1], q.jobs[0]
	q.run()
	text := uitest.ShownText(u.Host)
	uitest.MustContain(t, text, "the last three months")
	if strings.Contains(text, "the last twelve months") {
		t.Errorf("the year's figures show under “3 months”:\n%s", text)
	}
}

// The Insights tab's icon is a chart (it was Fyne's "i" for information),
// drawn in the theme's colours like the other tabs' icons.
func TestInsightsTabHasAChartIcon(t *testing.T) {
	u, _ := newTestUI(t)
	for _, it := range u.tabs.Items {
		if it.Text != "Insights" {
			continue
		}
		if it.Icon == theme.InfoIcon() || !strings.Contains(it.Icon.Name(), "insights.svg") {
			t.Errorf("the Insights tab's icon is %q", it.Icon.Name())
		}
		if _, ok := it.Icon.(fyne.ThemedResource); !ok {
			t.Error("the icon does not take the theme's colours")
		}
		return
	}
	t.Fatal("no Insights tab")
}
