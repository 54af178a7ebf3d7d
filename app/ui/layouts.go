package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Layouts that let the window shrink to its smallest size without cutting
// anything off: the content gives way (narrower text, fewer columns)
// instead of the window growing.

// Measure keeps its objects to a readable width on a wide window, centred,
// while asking for no more than their own minimum, so a narrow window
// can still hold them (a fixed-width strut would set the window's minimum).
// Middle centres them in the height too, at the height their text takes
// At that width.
type Measure struct {
	Max    float32
	Middle bool
}

func (m Measure) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		if o.Visible() {
			s = s.Max(o.MinSize())
		}
	}
	return s
}

func (m Measure) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	w := min(size.Width, m.Max)
	for _, o := range objects {
		o.Resize(fyne.NewSize(w, size.Height)) // wrapped text measures itself at w
		y, h := float32(0), size.Height
		if m.Middle {
			h = min(o.MinSize().Height, size.Height)
			y = (size.Height - h) / 2
		}
		o.Move(fyne.NewPos((size.Width-w)/2, y))
		o.Resize(fyne.NewSize(w, h))
	}
}

// Columns lays its objects out in equal columns, as many as fit at their
// minimum width (up to most), and in one column when even two don't fit.
// The count divides the objects evenly, so no row is left half empty:
// three choices sit in a row of three or one below another. Its minimum
// width is one column's; its minimum height that of the columns it had at
// its last width, as a wrapping label's is.
type Columns struct {
	most  int
	width float32 // the width last laid out at
}

func NewColumns(most int) *Columns { return &Columns{most: most} }

func (c *Columns) count(objects []fyne.CanvasObject, width float32) int {
	n := len(visible(objects))
	if n == 0 || width <= 0 {
		return 1
	}
	var cell float32
	for _, o := range visible(objects) {
		cell = max(cell, o.MinSize().Width)
	}
	pad := theme.Padding()
	for k := min(c.most, n); k > 1; k-- {
		if n%k == 0 && float32(k)*cell+float32(k-1)*pad <= width {
			return k
		}
	}
	return 1
}

func (c *Columns) MinSize(objects []fyne.CanvasObject) fyne.Size {
	shown := visible(objects)
	k := c.count(objects, c.width)
	pad := theme.Padding()
	var s fyne.Size
	var rowH float32
	for i, o := range shown {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		rowH = max(rowH, m.Height)
		if (i+1)%k == 0 || i == len(shown)-1 {
			s.Height += rowH
			if i < len(shown)-1 {
				s.Height += pad
			}
			rowH = 0
		}
	}
	// As narrow as one column: the columns give way before the window.
	return s
}

func (c *Columns) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	c.width = size.Width
	shown := visible(objects)
	k := c.count(objects, size.Width)
	pad := theme.Padding()
	cellW := (size.Width - pad*float32(k-1)) / float32(k)
	y := float32(0)
	for start := 0; start < len(shown); start += k {
		row := shown[start:min(start+k, len(shown))]
		var h float32
		for _, o := range row {
			h = max(h, o.MinSize().Height)
		}
		for i, o := range row {
			o.Move(fyne.NewPos(float32(i)*(cellW+pad), y))
			o.Resize(fyne.NewSize(cellW, h))
		}
		y += h + pad
	}
}

func visible(objects []fyne.CanvasObject) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, o := range objects {
		if o.Visible() {
			out = append(out, o)
		}
	}
	return out
}

// RoomFirst stacks an optional object above the main one while the height
// allows both (the main one at least at its minimum plus room), and leaves
// the optional one out when it doesn't, so it never sets the window's
// minimum height: the Tiers' month calendar above the list of commitments.
type RoomFirst struct {
	// room is the height the main object keeps beyond its minimum before
	// the optional one is shown.
	Room float32
}

func (r RoomFirst) MinSize(objects []fyne.CanvasObject) fyne.Size {
	opt, main := objects[0], objects[1]
	s := main.MinSize()
	s.Width = max(s.Width, opt.MinSize().Width)
	return s
}

func (r RoomFirst) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	opt, main := objects[0], objects[1]
	top := opt.MinSize().Height
	if size.Height >= top+main.MinSize().Height+r.Room {
		opt.Show()
		opt.Move(fyne.NewPos(0, 0))
		opt.Resize(fyne.NewSize(size.Width, top))
		main.Move(fyne.NewPos(0, top))
		main.Resize(fyne.NewSize(size.Width, size.Height-top))
		return
	}
	opt.Hide()
	main.Move(fyne.NewPos(0, 0))
	main.Resize(size)
}
