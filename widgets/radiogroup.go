package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// RadioGroup offers options of which one is chosen. Each option is a
// Button marked with a radio icon, so the keys work in it as everywhere
// else (Fyne's radio items take Esc and Enter for themselves).
type RadioGroup struct {
	widget.BaseWidget

	Options    []string
	Selected   string
	Horizontal bool
	// Required keeps a choice: choosing the chosen option again does not
	// clear it.
	Required  bool
	OnChanged func(string) `json:"-"`

	buttons []*Button
	box     *fyne.Container
}

// NewRadioGroup returns a group offering options, none chosen.
func NewRadioGroup(options []string, changed func(string)) *RadioGroup {
	g := &RadioGroup{Options: options, OnChanged: changed, box: container.NewVBox()}
	g.ExtendBaseWidget(g)
	g.build()
	return g
}

// SetSelected chooses option ("" for none) and tells OnChanged when that
// changes the choice.
func (g *RadioGroup) SetSelected(option string) {
	if g.Selected == option {
		return
	}
	g.Selected = option
	g.Refresh()
	if g.OnChanged != nil {
		g.OnChanged(option)
	}
}

// Refresh shows the options and the choice.
func (g *RadioGroup) Refresh() {
	g.build()
	g.BaseWidget.Refresh()
}

func (g *RadioGroup) build() {
	if len(g.buttons) != len(g.Options) {
		g.buttons = nil
		objs := make([]fyne.CanvasObject, len(g.Options))
		for i := range g.Options {
			b := NewButton("", func() { g.choose(g.Options[i]) })
			b.Importance = widget.LowImportance
			b.Alignment = widget.ButtonAlignLeading
			g.buttons = append(g.buttons, b)
			objs[i] = b
		}
		g.box.Objects = objs
	}
	if g.Horizontal {
		g.box.Layout = layout.NewHBoxLayout()
	} else {
		g.box.Layout = layout.NewVBoxLayout()
	}
	for i, b := range g.buttons {
		b.Text = g.Options[i]
		b.Icon = theme.RadioButtonIcon()
		if g.Options[i] == g.Selected {
			b.Icon = theme.NewPrimaryThemedResource(theme.RadioButtonCheckedIcon())
		}
		b.Refresh()
	}
	g.box.Refresh()
}

func (g *RadioGroup) choose(option string) {
	if option == g.Selected {
		if g.Required {
			return
		}
		option = ""
	}
	g.SetSelected(option)
}

// Children are the options, for ScrollAround.
func (g *RadioGroup) Children() []fyne.CanvasObject { return []fyne.CanvasObject{g.box} }

// CreateRenderer implements fyne.Widget.
func (g *RadioGroup) CreateRenderer() fyne.WidgetRenderer {
	g.build()
	return widget.NewSimpleRenderer(g.box)
}
