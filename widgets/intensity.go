package widgets

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// MaxIntensity is the top of the scale.
const MaxIntensity = 10

// IntensityWord names a level of the 0-10 scale in words, so the value reads
// the same to everyone whatever colours they see.
func IntensityWord(v int) string {
	switch {
	case v <= 0:
		return "none"
	case v <= 2:
		return "slight"
	case v <= 4:
		return "mild"
	case v <= 6:
		return "moderate"
	case v <= 8:
		return "strong"
	default:
		return "overwhelming"
	}
}

// Intensity is a 0-10 scale: a row of numbered steps, filled up to the
// value, with the value and its word beside it ("7 · strong"). The value is
// carried by the numbers, the length of the filled run and the word, never
// by colour alone.
//
// Mouse: tap a step, or drag along the row. Keyboard (once focused with Tab):
// Left/Down and Right/Up step by one, Home and End go to 0 and 10, and digits
// set the value directly ("1" then "0" makes 10).
//
// To add key handling of your own, embed Intensity and call ExtendBaseWidget
// on the outer type, as with Fyne's widgets.
type Intensity struct {
	widget.DisableableWidget

	// Value is the current level, 0 to 10.
	Value int
	// OnChanged is called when the person changes the value.
	OnChanged func(int) `json:"-"`

	focused  bool
	lastRune rune
}

// NewIntensity returns a scale showing value, calling changed when the
// person changes it.
func NewIntensity(value int, changed func(int)) *Intensity {
	i := &Intensity{Value: clampIntensity(value), OnChanged: changed}
	i.ExtendBaseWidget(i)
	return i
}

// SetValue shows v without calling OnChanged.
func (i *Intensity) SetValue(v int) {
	i.Value = clampIntensity(v)
	i.Refresh()
}

func (i *Intensity) change(v int) {
	v = clampIntensity(v)
	if i.Disabled() || v == i.Value {
		return
	}
	i.Value = v
	i.Refresh()
	if i.OnChanged != nil {
		i.OnChanged(v)
	}
}

func clampIntensity(v int) int { return max(0, min(v, MaxIntensity)) }

// Tapped sets the value to the step under the pointer. (The window gives a
// tapped focusable widget the focus, so the keys work next.)
func (i *Intensity) Tapped(ev *fyne.PointEvent) {
	if step, ok := stepAt(ev.Position, false); ok {
		i.change(step)
	}
}

// Dragged follows the pointer along the row.
func (i *Intensity) Dragged(ev *fyne.DragEvent) {
	if step, ok := stepAt(ev.Position, true); ok {
		i.change(step)
	}
}

// DragEnd is part of fyne.Draggable.
func (i *Intensity) DragEnd() {}

// Cursor shows a pointing hand over the scale.
func (i *Intensity) Cursor() desktop.Cursor {
	if i.Disabled() {
		return desktop.DefaultCursor
	}
	return desktop.PointerCursor
}

// FocusGained is part of fyne.Focusable.
func (i *Intensity) FocusGained() {
	i.focused = true
	i.Refresh()
	Reveal(i)
	logFocus(i, "intensity", "")
}

// FocusLost is part of fyne.Focusable.
func (i *Intensity) FocusLost() {
	i.focused = false
	i.lastRune = 0
	i.Refresh()
}

// TypedRune sets the value from a digit; "1" then "0" makes 10.
func (i *Intensity) TypedRune(r rune) {
	if r < '0' || r > '9' {
		i.lastRune = 0
		return
	}
	v := int(r - '0')
	if r == '0' && i.lastRune == '1' {
		v = 10
	}
	i.lastRune = r
	i.change(v)
}

// TypedKey steps the value with the arrow keys, Home and End, and offers
// the window the other keys.
func (i *Intensity) TypedKey(ev *fyne.KeyEvent) {
	typedKey(i, ev, false, i.step)
}

func (i *Intensity) step(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyLeft, fyne.KeyDown:
		i.change(i.Value - 1)
	case fyne.KeyRight, fyne.KeyUp:
		i.change(i.Value + 1)
	case fyne.KeyHome:
		i.change(0)
	case fyne.KeyEnd:
		i.change(MaxIntensity)
	default:
		return
	}
	i.lastRune = 0
}

// step geometry, in theme units
func stepSize() float32 { return theme.Size(theme.SizeNameInlineIcon) + theme.Padding()*2 }
func stepGap() float32  { return theme.Padding() / 2 }

// stepAt is the step under x; past the last step it is 10 when dragging
// and nothing when tapping (the label is there).
func stepAt(pos fyne.Position, dragging bool) (int, bool) {
	if pos.X < 0 {
		return 0, dragging
	}
	step := int(pos.X / (stepSize() + stepGap()))
	if step > MaxIntensity {
		return MaxIntensity, dragging
	}
	return step, true
}

// CreateRenderer draws the steps and the label.
func (i *Intensity) CreateRenderer() fyne.WidgetRenderer {
	r := &intensityRenderer{w: i}
	r.focus = canvas.NewRectangle(color.Transparent)
	r.objects = append(r.objects, r.focus)
	for n := 0; n <= MaxIntensity; n++ {
		box := canvas.NewRectangle(color.Transparent)
		num := canvas.NewText(strconv.Itoa(n), color.Black)
		num.Alignment = fyne.TextAlignCenter
		r.boxes = append(r.boxes, box)
		r.nums = append(r.nums, num)
		r.objects = append(r.objects, box, num)
	}
	r.label = canvas.NewText("", color.Black)
	r.objects = append(r.objects, r.label)
	r.Refresh()
	return r
}

type intensityRenderer struct {
	w       *Intensity
	focus   *canvas.Rectangle
	boxes   []*canvas.Rectangle
	nums    []*canvas.Text
	label   *canvas.Text
	objects []fyne.CanvasObject
}

func (r *intensityRenderer) labelWidth() float32 {
	return fyne.MeasureText("10 · overwhelming", theme.TextSize(), fyne.TextStyle{Bold: true}).Width
}

func (r *intensityRenderer) MinSize() fyne.Size {
	pad := theme.Padding()
	steps := float32(MaxIntensity+1)*(stepSize()+stepGap()) - stepGap()
	return fyne.NewSize(steps+pad*3+r.labelWidth(), stepSize()+pad)
}

func (r *intensityRenderer) Layout(size fyne.Size) {
	pad := theme.Padding()
	s, gap := stepSize(), stepGap()
	top := (size.Height - s) / 2
	for n := range r.boxes {
		pos := fyne.NewPos(float32(n)*(s+gap), top)
		r.boxes[n].Move(pos)
		r.boxes[n].Resize(fyne.NewSquareSize(s))
		th := r.nums[n].MinSize().Height
		r.nums[n].Move(pos.AddXY(0, (s-th)/2))
		r.nums[n].Resize(fyne.NewSize(s, th))
	}
	end := float32(MaxIntensity+1)*(s+gap) - gap
	r.focus.Move(fyne.NewPos(-pad/2, top-pad/2))
	r.focus.Resize(fyne.NewSize(end+pad, s+pad))
	lh := r.label.MinSize().Height
	r.label.Move(fyne.NewPos(end+pad*2, (size.Height-lh)/2))
	r.label.Resize(fyne.NewSize(r.labelWidth(), lh))
}

func (r *intensityRenderer) Refresh() {
	th := r.w.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	primary := th.Color(theme.ColorNamePrimary, v)
	fg := th.Color(theme.ColorNameForeground, v)
	onPrimary := th.Color(theme.ColorNameForegroundOnPrimary, v)
	border := th.Color(theme.ColorNameInputBorder, v)
	if r.w.Disabled() {
		primary = th.Color(theme.ColorNameDisabled, v)
		fg = primary
	}
	radius := th.Size(theme.SizeNameInputRadius)
	for n, box := range r.boxes {
		num := r.nums[n]
		box.CornerRadius = radius
		box.StrokeWidth = 1
		box.StrokeColor = border
		num.TextStyle = fyne.TextStyle{}
		num.TextSize = th.Size(theme.SizeNameCaptionText)
		switch {
		case n >= 1 && n <= r.w.Value:
			// Filled up to the value, lighter at the start of the run.
			box.FillColor = tint(primary, uint8(0x55+0xaa*n/MaxIntensity))
			box.StrokeColor = primary
			num.Color = onPrimary
		default:
			box.FillColor = color.Transparent
			num.Color = fg
		}
		if n == r.w.Value {
			// The chosen step stands out by shape and weight too.
			box.StrokeWidth = 2.5
			box.StrokeColor = fg
			num.TextStyle = fyne.TextStyle{Bold: true}
			if n == 0 {
				num.Color = fg
			}
		}
		box.Refresh()
		num.Refresh()
	}
	r.focus.CornerRadius = radius + theme.Padding()/2
	r.focus.StrokeWidth = 2
	r.focus.FillColor = color.Transparent
	if r.w.focused {
		r.focus.StrokeColor = th.Color(theme.ColorNameFocus, v)
	} else {
		r.focus.StrokeColor = color.Transparent
	}
	r.focus.Refresh()
	r.label.Text = strconv.Itoa(r.w.Value) + " · " + IntensityWord(r.w.Value)
	r.label.TextStyle = fyne.TextStyle{Bold: true}
	r.label.TextSize = th.Size(theme.SizeNameText)
	r.label.Color = fg
	r.label.Refresh()
}

func (r *intensityRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *intensityRenderer) Destroy()                     {}
