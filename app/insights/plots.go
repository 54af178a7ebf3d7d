package insights

import (
	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/bothand/bothand/app/look"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/data/prose"
)

// chartColours are the theme's colours for the charts, read on the main
// goroutine and handed to the renderer, so charts follow light and dark.
type chartColours struct {
	bg, fg, quiet, grid         color.Color
	first, second, third, alert color.Color
}

func currentChartColours() chartColours {
	s := fyne.CurrentApp().Settings()
	return chartColoursOf(s.Theme(), s.ThemeVariant())
}

// chartColoursOf reads the charts' colours from th: the series colours are
// the theme's own (app/look), so they sit well with the window's.
func chartColoursOf(th fyne.Theme, v fyne.ThemeVariant) chartColours {
	c := func(n fyne.ThemeColorName) color.Color { return look.ColorOf(th, n, v) }
	return chartColours{
		bg: c(theme.ColorNameBackground), fg: c(theme.ColorNameForeground),
		quiet: c(theme.ColorNameDisabled), grid: c(theme.ColorNameSeparator),
		first: c(look.ChartFirst), second: c(look.ChartSecond),
		third: c(look.ChartThird), alert: c(look.ChartAlert),
	}
}

// faded is c at the given opacity, for the many entry dots under the line.
func faded(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}

// newPlot is an empty plot in the theme's colours.
func newPlot(col chartColours) *plot.Plot {
	p := plot.New()
	p.BackgroundColor = col.bg
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Color = col.quiet
		a.Label.TextStyle.Color = col.fg
		a.Tick.Color = col.quiet
		a.Tick.Label.Color = col.fg
		a.Tick.Label.Font.Size = 10
		// Sans, like the window's own text.
		a.Tick.Label.Font.Variant = "Sans"
		a.Label.TextStyle.Font.Variant = "Sans"
		a.Label.TextStyle.Font.Size = 10
	}
	grid := plotter.NewGrid()
	grid.Vertical.Color = nil
	grid.Horizontal.Color = col.grid
	p.Add(grid)
	return p
}

// weekAxis labels the x axis with the Mondays of the period, as many as fit.
func weekAxis(p *plot.Plot, weeks []data.Week) {
	step := max(1, len(weeks)/6)
	var ticks plot.ConstantTicks
	for i, w := range weeks {
		label := ""
		if i%step == 0 {
			label = dates.DayMonth(w.Start)
		}
		ticks = append(ticks, plot.Tick{Value: float64(i), Label: label})
	}
	p.X.Tick.Marker = ticks
	p.X.Min, p.X.Max = -0.6, float64(len(weeks))-0.4
}

// countAxis makes the y axis show whole numbers from zero.
func countAxis(p *plot.Plot) {
	p.Y.Min = 0
	p.Y.Max = math.Max(p.Y.Max, 1)
	p.Y.Tick.Marker = wholeTicks{}
}

type wholeTicks struct{}

func (wholeTicks) Ticks(lo, hi float64) []plot.Tick {
	// A round step (1, 2, 5, 10, 20, 50…) giving at most about six ticks.
	step := 1.0
	for i := 0; (hi-lo)/step > 6; i++ {
		step *= []float64{2, 2.5, 2}[i%3]
	}
	var out []plot.Tick
	for v := math.Ceil(lo/step) * step; v <= hi; v += step {
		out = append(out, plot.Tick{Value: v, Label: prose.Thousands(int(v))})
	}
	return out
}

// intensityPlot is guilt over time: each entry a faint dot in its week,
// and the weekly average as a line on top.
func intensityPlot(ins data.Insights, col chartColours) *plot.Plot {
	p := newPlot(col)
	weekAxis(p, ins.Weeks)
	p.Y.Label.Text = "Intensity"
	p.Y.Min, p.Y.Max = 0, 10
	// Each entry is a dot in its week at its intensity, the week's entries
	// of one intensity spread evenly across the week.
	var dots plotter.XYs
	for _, d := range ins.Dots {
		for k := range d.Entries {
			x := float64(d.Week) - 0.4 + 0.8*(float64(k)+0.5)/float64(d.Entries)
			dots = append(dots, plotter.XY{X: x, Y: float64(d.Intensity)})
		}
	}
	if sc, err := plotter.NewScatter(dots); err == nil {
		sc.GlyphStyle.Color = faded(col.first, 0x78)
		sc.GlyphStyle.Radius = vg.Points(1.8)
		sc.GlyphStyle.Shape = draw.CircleGlyph{}
		p.Add(sc)
	}
	// The average is a line through consecutive weeks with entries; a week
	// without any breaks it rather than being bridged as if known.
	var run plotter.XYs
	flush := func() {
		if len(run) == 0 {
			return
		}
		line, pts, err := plotter.NewLinePoints(run)
		if err == nil {
			line.Color, line.Width = col.fg, vg.Points(2)
			pts.Color, pts.Radius, pts.Shape = col.fg, vg.Points(2.5), draw.CircleGlyph{}
			p.Add(line, pts)
		}
		run = nil
	}
	for i, w := range ins.Weeks {
		if w.Entries == 0 {
			flush()
			continue
		}
		run = append(run, plotter.XY{X: float64(i), Y: w.MeanIntensity})
	}
	flush()
	p.Y.Min, p.Y.Max = 0, 10
	return p
}

// triggersPlot is the most frequent tags as horizontal bars, the most
// frequent at the top. The person's own tags are drawn in another colour.
func triggersPlot(ins data.Insights, col chartColours) *plot.Plot {
	p := newPlot(col)
	top := ins.Triggers
	if len(top) > 8 {
		top = top[:8]
	}
	n := len(top)
	builtin, own := make(plotter.Values, n), make(plotter.Values, n)
	names := make([]string, n)
	for i, t := range top {
		row := n - 1 - i // most frequent on top
		names[row] = t.Name
		if t.Builtin {
			builtin[row] = float64(t.Entries)
		} else {
			own[row] = float64(t.Entries)
		}
	}
	for _, s := range []struct {
		v plotter.Values
		c color.Color
	}{{builtin, col.first}, {own, col.second}} {
		b, err := plotter.NewBarChart(s.v, vg.Points(12))
		if err != nil {
			continue
		}
		b.Horizontal, b.Color, b.LineStyle.Width = true, s.c, 0
		p.Add(b)
	}
	p.NominalY(names...)
	p.X.Label.Text = "Entries"
	p.X.Min = 0
	p.X.Tick.Marker = wholeTicks{}
	return p
}

// stack draws per-week stacked bars, bottom first.
func stack(p *plot.Plot, weeks int, series []barSeries) {
	width := vg.Points(math.Max(3, math.Min(18, 320/float64(weeks))))
	var below *plotter.BarChart
	for _, s := range series {
		b, err := plotter.NewBarChart(s.values, width)
		if err != nil {
			continue
		}
		b.Color, b.LineStyle.Width = s.colour, 0
		if below != nil {
			b.StackOn(below)
		}
		below = b
		p.Add(b)
	}
}

type barSeries struct {
	colour color.Color
	values plotter.Values
}

// legendItem names a series and says how to colour its swatch; legends are
// drawn by the window, in its own font, above each chart.
type legendItem struct {
	label  string
	colour func(chartColours) color.Color
}

var (
	seriesFirst  = func(c chartColours) color.Color { return c.first }
	seriesSecond = func(c chartColours) color.Color { return c.second }
	seriesThird  = func(c chartColours) color.Color { return c.third }
	seriesAlert  = func(c chartColours) color.Color { return c.alert }
	seriesQuiet  = func(c chartColours) color.Color { return c.quiet }

	intensityLegend = []legendItem{
		{"an entry", func(c chartColours) color.Color { return faded(c.first, 0xa0) }},
		{"weekly average", func(c chartColours) color.Color { return c.fg }},
	}
	triggersLegend    = []legendItem{{"built-in", seriesFirst}, {"your own", seriesSecond}}
	kindLegend        = []legendItem{{"guilt", seriesFirst}, {"shame", seriesSecond}, {"not sure yet", seriesQuiet}}
	commitmentsLegend = []legendItem{
		{"non-negotiable kept", seriesFirst},
		{"moved", seriesQuiet},
		{"missed", seriesAlert},
		{"high priority given up", seriesSecond},
	}
	triageLegend   = []legendItem{{"truly urgent", seriesAlert}, {"could have waited", seriesFirst}, {"not looked back on", seriesQuiet}}
	practiceLegend = []legendItem{
		{"journal entries", seriesFirst},
		{"breaks", seriesSecond},
		{"slip read", seriesThird},
	}
)

// kindPlot is the share of guilt, shame and "not sure yet" each week.
func kindPlot(ins data.Insights, col chartColours) *plot.Plot {
	p := newPlot(col)
	weekAxis(p, ins.Weeks)
	n := len(ins.Weeks)
	guilt, shame, unsure := make(plotter.Values, n), make(plotter.Values, n), make(plotter.Values, n)
	for i, w := range ins.Weeks {
		if w.Entries == 0 {
			continue
		}
		total := float64(w.Entries)
		guilt[i] = 100 * float64(w.Guilt) / total
		shame[i] = 100 * float64(w.Shame) / total
		unsure[i] = 100 * float64(w.Unsure()) / total
	}
	stack(p, n, []barSeries{{col.first, guilt}, {col.second, shame}, {col.quiet, unsure}})
	p.Y.Label.Text = "% of entries"
	p.Y.Min, p.Y.Max = 0, 100
	return p
}

// commitmentsPlot is tier-1 outcomes each week, with tier-2 time given to
// an emergency as a bar beside them.
func commitmentsPlot(ins data.Insights, col chartColours) *plot.Plot {
	p := newPlot(col)
	weekAxis(p, ins.Weeks)
	n := len(ins.Weeks)
	kept, moved, missed, em := make(plotter.Values, n), make(plotter.Values, n), make(plotter.Values, n), make(plotter.Values, n)
	for i, w := range ins.Weeks {
		kept[i], moved[i], missed[i], em[i] = float64(w.Tier1Kept), float64(w.Tier1Moved), float64(w.Tier1Missed), float64(w.Emergencies)
	}
	stack(p, n, []barSeries{{col.first, kept}, {col.quiet, moved}, {col.alert, missed}})
	width := vg.Points(math.Max(2, math.Min(8, 160/float64(n))))
	if b, err := plotter.NewBarChart(em, width); err == nil {
		b.Color, b.LineStyle.Width = col.second, 0
		b.Offset = vg.Points(math.Max(3, math.Min(18, 320/float64(n))))/2 + width/2
		p.Add(b)
	}
	countAxis(p)
	return p
}

// triagePlot is the "urgent" requests each week by what they turned out to be.
func triagePlot(ins data.Insights, col chartColours) *plot.Plot {
	p := newPlot(col)
	weekAxis(p, ins.Weeks)
	n := len(ins.Weeks)
	urgent, not, open := make(plotter.Values, n), make(plotter.Values, n), make(plotter.Values, n)
	for i, w := range ins.Weeks {
		urgent[i], not[i], open[i] = float64(w.TrulyUrgent), float64(w.NotUrgent), float64(w.NotLookedBack)
	}
	stack(p, n, []barSeries{{col.alert, urgent}, {col.first, not}, {col.quiet, open}})
	countAxis(p)
	return p
}

// practicePlot is the practice each week: entries, breaks, slips read.
func practicePlot(ins data.Insights, col chartColours) *plot.Plot {
	p := newPlot(col)
	weekAxis(p, ins.Weeks)
	n := len(ins.Weeks)
	entries, breaks, reads := make(plotter.Values, n), make(plotter.Values, n), make(plotter.Values, n)
	for i, w := range ins.Weeks {
		entries[i], breaks[i], reads[i] = float64(w.Entries), float64(w.Breaks), float64(w.Readings)
	}
	width := vg.Points(math.Max(1.5, math.Min(10, 110/float64(n))))
	for i, s := range []barSeries{{col.first, entries}, {col.second, breaks}, {col.third, reads}} {
		b, err := plotter.NewBarChart(s.values, width)
		if err != nil {
			continue
		}
		b.Color, b.LineStyle.Width = s.colour, 0
		b.Offset = vg.Length(i-1) * width
		p.Add(b)
	}
	countAxis(p)
	return p
}

// renderPlot draws p into an image of w×h pixels. Text is sized for the
// canvas scale, so it matches the window's own labels.
func renderPlot(p *plot.Plot, w, h int, scale float32) image.Image {
	if w < 10 || h < 10 {
		return image.NewNRGBA(image.Rect(0, 0, max(w, 1), max(h, 1)))
	}
	dpi := max(1, int(math.Round(96*float64(scale))))
	c := vgimg.NewWith(
		vgimg.UseWH(vg.Length(float64(w)*72/float64(dpi)), vg.Length(float64(h)*72/float64(dpi))),
		vgimg.UseDPI(dpi),
		vgimg.UseBackgroundColor(p.BackgroundColor),
	)
	p.Draw(draw.New(c))
	return c.Image()
}
