package insights

import (
	"image"
	"image/color"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"gonum.org/v1/plot"

	"github.com/bothand/bothand/app/look"
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
	test.NewTempApp(t)
	ins := knownInsights()
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		col := chartColoursOf(look.New().Theme(), v)
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

// BenchmarkYearCharts renders the six charts of a full year at 600×300,
// the work done off the main goroutine when the Insights tab shows:
//
//	go test ./app/insights -run '^$' -bench YearCharts
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
