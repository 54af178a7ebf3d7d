package widgets

import (
	"image/color"
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TierWords are the tiers' names as badges show them, by tier number.
var TierWords = [4]string{"", "Non-negotiable", "High priority", "Flexible"}

// TierBadge shows a commitment's tier in a way that reads without colour:
// the tier's number inside a shape of its own (1 a solid square, 2 a
// solid circle, 3 an open ring) and the tier's word beside it. The colours
// (the theme's error, warning and success) only add to that.
type TierBadge struct {
	widget.BaseWidget
	tier int
}

// NewTierBadge returns a badge for tier 1, 2 or 3.
func NewTierBadge(tier int) *TierBadge {
	b := &TierBadge{tier: tier}
	b.ExtendBaseWidget(b)
	return b
}

// SetTier changes the tier shown.
func (b *TierBadge) SetTier(tier int) {
	if b.tier == tier {
		return
	}
	b.tier = tier
	b.Refresh()
}

// Tier is the tier shown.
func (b *TierBadge) Tier() int { return b.tier }

// Word is the tier's word, "" for an unknown tier.
func (b *TierBadge) Word() string {
	if b.tier < 1 || b.tier > 3 {
		return ""
	}
	return TierWords[b.tier]
}

// CreateRenderer draws the shape, the numeral and the word.
func (b *TierBadge) CreateRenderer() fyne.WidgetRenderer {
	r := &tierBadgeRenderer{
		badge:  b,
		square: canvas.NewRectangle(color.Transparent),
		circle: canvas.NewCircle(color.Transparent),
		number: canvas.NewText("", color.Black),
		word:   canvas.NewText("", color.Black),
	}
	r.number.Alignment = fyne.TextAlignCenter
	r.number.TextStyle = fyne.TextStyle{Bold: true}
	r.refresh()
	return r
}

type tierBadgeRenderer struct {
	badge  *TierBadge
	square *canvas.Rectangle
	circle *canvas.Circle
	number *canvas.Text
	word   *canvas.Text
}

func (r *tierBadgeRenderer) shapeSize() float32 {
	return r.badge.Theme().Size(theme.SizeNameText) * 1.5
}

// Layout draws the badge at the top of a taller space, so it lines up with
// the first line of text beside it.
func (r *tierBadgeRenderer) Layout(size fyne.Size) {
	s := r.shapeSize()
	h := min(size.Height, r.MinSize().Height)
	top := (h - s) / 2
	box := fyne.NewSize(s, s)
	r.square.Resize(box)
	r.square.Move(fyne.NewPos(0, top))
	r.circle.Resize(box)
	r.circle.Move(fyne.NewPos(0, top))
	numSize := r.number.MinSize()
	r.number.Resize(fyne.NewSize(s, numSize.Height))
	r.number.Move(fyne.NewPos(0, top+(s-numSize.Height)/2))
	wordSize := r.word.MinSize()
	r.word.Resize(wordSize)
	r.word.Move(fyne.NewPos(s+r.badge.Theme().Size(theme.SizeNamePadding), (h-wordSize.Height)/2))
}

func (r *tierBadgeRenderer) MinSize() fyne.Size {
	s := r.shapeSize()
	w := r.word.MinSize()
	return fyne.NewSize(s+r.badge.Theme().Size(theme.SizeNamePadding)+w.Width, max(s, w.Height))
}

func (r *tierBadgeRenderer) Refresh() {
	r.refresh()
	r.Layout(r.badge.Size())
	canvas.Refresh(r.badge)
}

func (r *tierBadgeRenderer) refresh() {
	th := r.badge.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	r.word.Text = r.badge.Word()
	r.word.Color = fg
	r.word.TextSize = th.Size(theme.SizeNameText)
	r.word.TextStyle = fyne.TextStyle{Bold: r.badge.tier == 1}
	r.number.TextSize = th.Size(theme.SizeNameCaptionText)
	r.number.Text = ""
	if r.badge.tier >= 1 && r.badge.tier <= 3 {
		r.number.Text = strconv.Itoa(r.badge.tier)
	}
	r.square.Hide()
	r.circle.Hide()
	switch r.badge.tier {
	case 1:
		r.square.FillColor = th.Color(theme.ColorNameError, v)
		r.square.CornerRadius = th.Size(theme.SizeNameText) * 0.2
		r.number.Color = mostLegible(r.square.FillColor, th.Color(theme.ColorNameForegroundOnError, v),
			th.Color(theme.ColorNameForeground, v), th.Color(theme.ColorNameBackground, v))
		r.square.Show()
	case 2:
		r.circle.FillColor = th.Color(theme.ColorNameWarning, v)
		r.circle.StrokeWidth = 0
		// Fyne's light theme puts white on its orange (2.2:1); take
		// whichever of the theme's inks reads best on the fill.
		r.number.Color = mostLegible(r.circle.FillColor, th.Color(theme.ColorNameForegroundOnWarning, v),
			th.Color(theme.ColorNameForeground, v), th.Color(theme.ColorNameBackground, v))
		r.circle.Show()
	case 3:
		r.circle.FillColor = color.Transparent
		r.circle.StrokeColor = th.Color(theme.ColorNameSuccess, v)
		r.circle.StrokeWidth = 2
		r.number.Color = fg
		r.circle.Show()
	}
	r.square.Refresh()
	r.circle.Refresh()
	r.number.Refresh()
	r.word.Refresh()
}

func (r *tierBadgeRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.square, r.circle, r.number, r.word}
}

func (r *tierBadgeRenderer) Destroy() {}

// mostLegible returns the first of inks with the best contrast on fill
// (the first wins ties, so a theme's own choice is kept when it is good).
func mostLegible(fill color.Color, inks ...color.Color) color.Color {
	best, bestC := inks[0], contrast(inks[0], fill)
	for _, ink := range inks[1:] {
		if c := contrast(ink, fill); c > bestC+0.5 {
			best, bestC = ink, c
		}
	}
	return best
}

// contrast is the WCAG contrast ratio of two colours, 1 to 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}
