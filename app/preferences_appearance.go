package app

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/look"
	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/widgets"
)

// themeChoices are Preferences' words for the theme modes.
var themeChoices = []struct {
	mode  look.Mode
	label string
}{
	{look.System, "Like the system"},
	{look.Light, "Light"},
	{look.Dark, "Dark"},
}

func textSizeLabel(percent int) string {
	switch percent {
	case 100:
		return "Standard"
	case look.TextSizes()[0]:
		return fmt.Sprintf("Smaller (%d%%)", percent)
	}
	return fmt.Sprintf("Larger (%d%%)", percent)
}

// appearanceSection chooses light, dark or the system's colours, and the
// text size; each applies at once and is remembered on this computer.
func (u *UI) appearanceSection() []fyne.CanvasObject {
	var labels []string
	current := themeChoices[0].label
	mode := u.look.Mode()
	for _, c := range themeChoices {
		labels = append(labels, c.label)
		if c.mode == mode {
			current = c.label
		}
	}
	themes := widgets.NewRadioGroup(labels, nil)
	themes.Horizontal = true
	themes.Required = true
	themes.Selected = current
	themes.OnChanged = func(label string) {
		for _, c := range themeChoices {
			if c.label == label {
				u.setThemeMode(c.mode)
			}
		}
	}

	var sizes []string
	textSizes := look.TextSizes()
	for _, p := range textSizes {
		sizes = append(sizes, textSizeLabel(p))
	}
	size := widgets.NewSelect(sizes, nil)
	if i := slices.Index(textSizes, u.look.TextSize()); i >= 0 {
		size.SetSelectedIndex(i)
	}
	size.OnChanged = func(string) {
		if i := size.SelectedIndex(); i >= 0 {
			u.setTextSize(textSizes[i])
		}
	}
	return []fyne.CanvasObject{
		heading("Appearance"),
		container.NewBorder(nil, nil, widget.NewLabel("Colours"), nil, themes),
		container.NewBorder(nil, nil, widget.NewLabel("Text size"), nil, size),
	}
}

// followTheme keeps the window in the desktop's colours: a late first
// answer, and later switches between light and dark.
func (u *UI) followTheme(late <-chan look.SystemAnswer) {
	appearance := u.look
	if late != nil {
		ui.Background(u.Host, func() (look.SystemAnswer, error) { return <-late, nil }, func(a look.SystemAnswer) {
			appearance.SetSystem(a)
			u.applyTheme()
		})
	}
	u.App.Settings().AddListener(func(s fyne.Settings) {
		// Fyne's own look-up answering, or the desktop switching. Fyne
		// calls this from its settings watcher too, off the main
		// goroutine: the redraw goes through the background seam.
		if appearance.FyneReports(s.ThemeVariant()) {
			ui.BackgroundDo(u.Host, func() error { return nil }, u.applyTheme)
		}
	})
}

// applyTheme redraws every window in the current choices.
func (u *UI) applyTheme() {
	u.App.Settings().SetTheme(u.look.Theme())
}

// setThemeMode applies and remembers a choice of colours from Preferences.
func (u *UI) setThemeMode(mode look.Mode) {
	u.look.SetMode(u.App.Preferences(), mode)
	u.applyTheme()
}

// setTextSize applies and remembers a text size, in percent.
func (u *UI) setTextSize(percent int) {
	u.look.SetTextSize(u.App.Preferences(), percent)
	u.applyTheme()
}
