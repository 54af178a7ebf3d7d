package widgets

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// CheckGroup is a row (or column) of check boxes, each one a Check: the
// keys work in it as everywhere else.
type CheckGroup struct {
	widget.BaseWidget

	Options    []string
	Selected   []string
	Horizontal bool
	OnChanged  func([]string) `json:"-"`

	checks []*Check
	box    *fyne.Container
}

// NewCheckGroup returns a group offering options.
func NewCheckGroup(options []string, changed func([]string)) *CheckGroup {
	g := &CheckGroup{Options: options, OnChanged: changed, box: container.NewVBox()}
	g.ExtendBaseWidget(g)
	g.build()
	return g
}

// SetSelected ticks the options named, and only those.
func (g *CheckGroup) SetSelected(options []string) {
	g.Selected = nil
	for _, o := range g.Options {
		if slices.Contains(options, o) {
			g.Selected = append(g.Selected, o)
		}
	}
	g.Refresh()
}

// Refresh shows the options and what is ticked.
func (g *CheckGroup) Refresh() {
	g.build()
	g.BaseWidget.Refresh()
}

func (g *CheckGroup) build() {
	if len(g.checks) != len(g.Options) {
		g.checks = nil
		for _, o := range g.Options {
			c := NewCheck(o, nil)
			g.checks = append(g.checks, c)
		}
		objs := make([]fyne.CanvasObject, len(g.checks))
		for i, c := range g.checks {
			objs[i] = c
		}
		g.box.Objects = objs
	}
	if g.Horizontal {
		g.box.Layout = layout.NewHBoxLayout()
	} else {
		g.box.Layout = layout.NewVBoxLayout()
	}
	for i, c := range g.checks {
		c.Text = g.Options[i]
		c.OnChanged = nil
		c.SetChecked(slices.Contains(g.Selected, g.Options[i]))
		c.OnChanged = func(on bool) { g.toggle(g.Options[i], on) }
	}
	g.box.Refresh()
}

func (g *CheckGroup) toggle(option string, on bool) {
	g.Selected = slices.DeleteFunc(g.Selected, func(s string) bool { return s == option })
	if on {
		g.Selected = append(g.Selected, option)
	}
	// Keep the options' order.
	var sel []string
	for _, o := range g.Options {
		if slices.Contains(g.Selected, o) {
			sel = append(sel, o)
		}
	}
	g.Selected = sel
	if g.OnChanged != nil {
		g.OnChanged(sel)
	}
}

// Children are the options, for ScrollAround.
func (g *CheckGroup) Children() []fyne.CanvasObject { return []fyne.CanvasObject{g.box} }

// CreateRenderer implements fyne.Widget.
func (g *CheckGroup) CreateRenderer() fyne.WidgetRenderer {
	g.build()
	return widget.NewSimpleRenderer(g.box)
}
