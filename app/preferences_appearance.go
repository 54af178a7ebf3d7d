package app

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/widgets"
)

// themeChoices are Preferences' words for the theme modes.
var themeChoices = []struct{ mode, label string }{
	{themeSystem, "Like the system"},
	{themeLight, "Light"},
	{themeDark, "Dark"},
}

func textSizeLabel(percent int) string {
	switch percent {
	case 100:
		return "Standard"
	case textSizes[0]:
		return fmt.Sprintf("Smaller (%d%%)", percent)
	}
	return fmt.Sprintf("Larger (%d%%)", percent)
}

// appearanceSection chooses light, dark or the system's colours, and the
// text size; each applies at once and is remembered on this computer.
func (u *UI) appearanceSection() []fyne.CanvasObject {
	var labels []string
	current := themeChoices[0].label
	mode, _ := u.look.mode.Load().(string)
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
	for _, p := range textSizes {
		sizes = append(sizes, textSizeLabel(p))
	}
	size := widgets.NewSelect(sizes, nil)
	percent := int(u.look.textScale()*100 + 0.5)
	if i := slices.Index(textSizes, percent); i >= 0 {
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
