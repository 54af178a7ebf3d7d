package app

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"gonum.org/v1/plot"

	"github.com/bothand/bothand/app/ui"
)

// chartCard is one chart of the Insights tab: a heading, the one-line
// summary, and the chart itself, or a few words instead when there is
// nothing to draw yet.
type chartCard struct {
	heading string
	summary *widget.Label
	legend  *fyne.Container
	items   []legendItem
	area    *chartArea
	view    fyne.CanvasObject
}

func newChartCard(u *UI, heading string, legend []legendItem) *chartCard {
	c := &chartCard{heading: heading, area: newChartArea(u), items: legend}
	c.summary = widget.NewLabel("")
	c.summary.Wrapping = fyne.TextWrapWord
	title := widget.NewLabel(heading)
	title.TextStyle = fyne.TextStyle{Bold: true}
	// Two columns at most: the legend's height is then known before the
	// card is laid out, whatever its width, and the card stays narrow
	// enough for two side by side on a small window.
	c.legend = container.NewGridWithColumns(max(min(len(legend), 2), 1))
	c.view = widget.NewCard("", "", container.NewBorder(
		container.New(ui.CompactVBox(), title, c.summary, c.legend), nil, nil, nil, c.area))
	return c
}

// paintLegend draws the legend's swatches in the theme's colours.
func (c *chartCard) paintLegend() {
	col := currentChartColours()
	c.legend.Objects = nil
	for _, it := range c.items {
		sw := canvas.NewRectangle(it.colour(col))
		sw.SetMinSize(fyne.NewSquareSize(12))
		sw.CornerRadius = 2
		label := widget.NewLabel(it.label)
		label.SizeName = theme.SizeNameCaptionText
		c.legend.Add(container.NewHBox(container.NewCenter(sw), label))
	}
	c.legend.Refresh()
}

// show draws build's plot with the summary above it, or, when summary is
// empty, the empty state instead of a chart.
func (c *chartCard) show(summary, empty string, build func(chartColours) *plot.Plot) {
	if summary == "" {
		c.summary.SetText(empty)
		c.legend.Hide()
		c.area.set(nil)
		return
	}
	c.summary.SetText(summary)
	c.paintLegend()
	c.legend.Show()
	c.area.set(build)
}

// chartArea draws a plot as an image the size of the area, in device
// pixels, rendered off the main goroutine: again on each resize and on a
// change of theme. A render overtaken by a newer one is dropped.
type chartArea struct {
	widget.BaseWidget
	u     *UI
	img   *canvas.Image
	build func(chartColours) *plot.Plot

	drawn fyne.Size // the size last asked for
	gen   int
	// One render at a time: while the window is being resized, sizes asked
	// for meanwhile collapse into one more render at the latest size.
	busy, again bool
}

func newChartArea(u *UI) *chartArea {
	a := &chartArea{u: u, img: canvas.NewImageFromImage(nil)}
	a.img.FillMode = canvas.ImageFillStretch
	a.img.ScaleMode = canvas.ImageScaleFastest
	a.ExtendBaseWidget(a)
	return a
}

func (a *chartArea) set(build func(chartColours) *plot.Plot) {
	a.build = build
	a.drawn = fyne.Size{}
	if build == nil {
		a.gen++
		a.img.Image = nil
		a.Hide()
		return
	}
	a.Show()
	a.render(a.Size())
}

// themeChanged repaints the legend and the chart in the new colours.
func (c *chartCard) themeChanged() {
	if c.legend.Visible() {
		c.paintLegend()
	}
	c.area.redraw()
}

// redraw renders again at the same size, for a new theme.
func (a *chartArea) redraw() {
	if a.build != nil && a.Visible() {
		a.render(a.Size())
	}
}

func (a *chartArea) render(size fyne.Size) {
	if size.Width < 20 || size.Height < 20 || a.build == nil {
		return
	}
	a.drawn = size
	a.gen++
	if a.busy {
		a.again = true
		return
	}
	a.busy = true
	gen, build := a.gen, a.build
	col := currentChartColours()
	scale := float32(1)
	if c := fyne.CurrentApp().Driver().CanvasForObject(a); c != nil {
		scale = c.Scale()
	}
	w, h := int(size.Width*scale), int(size.Height*scale)
	ui.Background(a.u.Host, func() (image.Image, error) {
		return renderPlot(build(col), w, h, scale), nil
	}, func(img image.Image) {
		a.busy = false
		if gen == a.gen {
			a.img.Image = img
			a.img.Refresh()
		}
		if a.again {
			a.again = false
			a.render(a.drawn)
		}
	})
}

func (a *chartArea) MinSize() fyne.Size { return fyne.NewSize(260, 220) }

func (a *chartArea) CreateRenderer() fyne.WidgetRenderer {
	return &chartRenderer{a: a, objects: []fyne.CanvasObject{a.img}}
}

type chartRenderer struct {
	a       *chartArea
	objects []fyne.CanvasObject
}

func (r *chartRenderer) Layout(size fyne.Size) {
	for _, o := range r.objects {
		o.Resize(size)
	}
	if size != r.a.drawn {
		r.a.render(size)
	}
}

func (r *chartRenderer) MinSize() fyne.Size           { return r.a.MinSize() }
func (r *chartRenderer) Refresh()                     { canvas.Refresh(r.a.img) }
func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *chartRenderer) Destroy()                     {}
