package widgets

import (
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Forms are long and live in scroll containers. Two things must hold
// wherever the form is: the widget that takes the focus (by Tab) is
// scrolled into view, and the mouse wheel over a text field scrolls the
// form. Fyne keeps no parent links, so the scroll around a widget is found
// by looking down the window's visible layer (the top dialog, or the
// window's content) for the path to the widget, through containers and
// the widgets that show their content openly (children).

// ScrollAround returns the innermost vertical scroll container around o in
// the window that shows it, or nil.
func ScrollAround(o fyne.CanvasObject) *container.Scroll {
	app := fyne.CurrentApp()
	if app == nil {
		return nil
	}
	d := app.Driver()
	c := d.CanvasForObject(o)
	if c == nil {
		return nil
	}
	root := c.Content()
	if top := c.Overlays().Top(); top != nil {
		root = top
	}
	var found *container.Scroll
	var walk func(n fyne.CanvasObject, inner *container.Scroll) bool
	walk = func(n fyne.CanvasObject, inner *container.Scroll) bool {
		if n == nil || !n.Visible() {
			return false
		}
		if n == o {
			found = inner
			return true
		}
		if s, ok := n.(*container.Scroll); ok && (s.Direction == container.ScrollBoth || s.Direction == container.ScrollVerticalOnly) {
			inner = s
		}
		for _, child := range children(n) {
			if walk(child, inner) {
				return true
			}
		}
		return false
	}
	if walk(root, nil) {
		return found
	}
	// Inside a widget that keeps its parts to itself: the innermost scroll
	// whose view holds it (so it is on screen, where the wheel turned).
	at := d.AbsolutePositionForObject(o)
	var best *container.Scroll
	visitScrolls(root, func(s *container.Scroll) {
		if s.Direction != container.ScrollBoth && s.Direction != container.ScrollVerticalOnly {
			return
		}
		p, size := d.AbsolutePositionForObject(s), s.Size()
		if at.X < p.X || at.Y < p.Y || at.X >= p.X+size.Width || at.Y >= p.Y+size.Height {
			return
		}
		if best == nil || size.Height*size.Width < best.Size().Height*best.Size().Width {
			best = s
		}
	})
	return best
}

// visitScrolls calls f for each visible scroll container reachable from o
// through containers and the widgets that show their content openly.
func visitScrolls(o fyne.CanvasObject, f func(*container.Scroll)) {
	if o == nil || !o.Visible() {
		return
	}
	if s, ok := o.(*container.Scroll); ok && s != nil {
		f(s)
	}
	for _, child := range children(o) {
		visitScrolls(child, f)
	}
}

// children are the objects shown inside o that can be reached without its
// renderer.
func children(o fyne.CanvasObject) []fyne.CanvasObject {
	switch v := o.(type) {
	case *fyne.Container:
		return v.Objects
	case *container.Scroll:
		return []fyne.CanvasObject{v.Content}
	case *container.Split:
		return []fyne.CanvasObject{v.Leading, v.Trailing}
	case *container.AppTabs:
		if sel := v.Selected(); sel != nil {
			return []fyne.CanvasObject{sel.Content}
		}
	case *widget.Card:
		return []fyne.CanvasObject{v.Content}
	case *widget.PopUp:
		return []fyne.CanvasObject{v.Content}
	case interface{ Children() []fyne.CanvasObject }:
		return v.Children()
	}
	// Fyne wraps each pop-up and dialog in a container of an internal type,
	// which shows its content in an exported Content field.
	if rv := reflect.ValueOf(o); rv.Kind() == reflect.Pointer && rv.Elem().Kind() == reflect.Struct {
		if f := rv.Elem().FieldByName("Content"); f.IsValid() && f.CanInterface() {
			if c, ok := f.Interface().(fyne.CanvasObject); ok && c != nil {
				return []fyne.CanvasObject{c}
			}
		}
	}
	return nil
}

// Reveal scrolls the form around o so that o is in view with a little of
// what surrounds it: the focus must never move off screen.
func Reveal(o fyne.CanvasObject) {
	s := ScrollAround(o)
	if s == nil || s.Content == nil {
		return
	}
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s.Content).Y
	bottom := top + o.Size().Height
	view := s.Size().Height
	margin := theme.Padding() * 8
	switch {
	case view <= 0:
		return
	case top-margin < s.Offset.Y:
		s.Offset.Y = max(0, top-margin)
	case bottom+margin > s.Offset.Y+view:
		// Its end in view, or its start when it is taller than the view.
		y := min(bottom+margin-view, top-margin)
		s.Offset.Y = max(0, min(y, s.Content.Size().Height-view))
	default:
		return
	}
	s.Refresh()
}

// canScroll reports whether s has content out of view in the direction the
// wheel turned.
func canScroll(s *container.Scroll, ev *fyne.ScrollEvent) bool {
	if s == nil || s.Content == nil || !s.Visible() {
		return false
	}
	hidden := s.Content.Size().Height - s.Size().Height
	switch {
	case hidden <= 0.5:
		return false
	case ev.Scrolled.DY > 0: // towards the top
		return s.Offset.Y > 0
	case ev.Scrolled.DY < 0:
		return s.Offset.Y < hidden-0.5
	}
	return false
}
