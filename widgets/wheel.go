package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// A Fyne text field scrolls its own text in a scroll container of its own,
// which takes every turn of the mouse wheel over it, even when all of its
// text is in view: over a form made mostly of text fields the wheel then
// does nothing. wheelRenderer lays a transparent layer over the field that
// takes the wheel first: it scrolls the field when the field has text out
// of view in that direction, and the form around it otherwise.

// passWheel wraps the renderer of the text field w.
func passWheel(w fyne.Widget, r fyne.WidgetRenderer) fyne.WidgetRenderer {
	wr := &wheelRenderer{WidgetRenderer: r, catcher: &wheelCatcher{field: w}}
	wr.catcher.ExtendBaseWidget(wr.catcher)
	for _, o := range r.Objects() {
		if s, ok := o.(*container.Scroll); ok {
			wr.catcher.inner = s
		}
	}
	return wr
}

type wheelRenderer struct {
	fyne.WidgetRenderer
	catcher *wheelCatcher
	objects []fyne.CanvasObject
}

func (r *wheelRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.catcher.Move(fyne.NewPos(0, 0))
	r.catcher.Resize(size)
}

// Objects puts the catcher last, so it is the topmost object that takes
// the wheel.
func (r *wheelRenderer) Objects() []fyne.CanvasObject {
	inner := r.WidgetRenderer.Objects()
	if len(r.objects) != len(inner)+1 || (len(inner) > 0 && r.objects[0] != inner[0]) {
		r.objects = append(append(make([]fyne.CanvasObject, 0, len(inner)+1), inner...), r.catcher)
		return r.objects
	}
	copy(r.objects, inner)
	return r.objects
}

// wheelCatcher is the transparent layer; it takes nothing but the wheel.
type wheelCatcher struct {
	widget.BaseWidget
	field fyne.Widget
	inner *container.Scroll
}

func (c *wheelCatcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}

// Scrolled implements fyne.Scrollable.
func (c *wheelCatcher) Scrolled(ev *fyne.ScrollEvent) {
	if canScroll(c.inner, ev) {
		c.inner.Scrolled(ev)
		return
	}
	if outer := ScrollAround(c.field); outer != nil {
		outer.Scrolled(ev)
	}
}
