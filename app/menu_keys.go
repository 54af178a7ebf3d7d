package app

import (
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Fyne draws the menu bar inside the window on Linux and Windows and puts
// each item's keys at its right edge, in its own measure: "Ctrl+," ended
// where "Ctrl+N" did, so the keys of a menu started at five different
// places, and the longest item ran into its keys with a few pixels between.
// The menus show the keys as one text instead, padded to the widest keys
// of their menu (so every "Ctrl+" starts in one column) and set off from
// the item's name by a gap.

const (
	// hairSpace pads the keys: 1/10 em, so the column is even to a pixel
	// or so at any text size.
	hairSpace = "\u200a"
	// keysGap is what stands between the longest name and its keys.
	keysGap = "\u2003\u2003"
)

// menuKeys shows a shortcut as the text keys and is still that shortcut
// for the window, which finds a menu item's shortcut by its name.
type menuKeys struct {
	fyne.Shortcut
	text string
}

func (k menuKeys) Key() fyne.KeyName     { return fyne.KeyName(k.text) }
func (k menuKeys) Mod() fyne.KeyModifier { return 0 }

// alignKeys gives the items of m that have a shortcut their keys as keys
// says them, in one column. macOS draws its own menus, which line up.
func alignKeys(m *fyne.Menu, keys map[*fyne.MenuItem]string) {
	if runtime.GOOS == "darwin" {
		return
	}
	size := theme.TextSize()
	width := func(s string) float32 { return fyne.MeasureText(s, size, fyne.TextStyle{}).Width }
	var widest float32
	for _, item := range m.Items {
		if k := keys[item]; k != "" {
			widest = max(widest, width(k))
		}
	}
	hair := width(hairSpace)
	for _, item := range m.Items {
		k := keys[item]
		if k == "" || item.Shortcut == nil {
			continue
		}
		pad := int((widest-width(k))/hair + 0.5)
		item.Shortcut = menuKeys{Shortcut: item.Shortcut, text: keysGap + k + strings.Repeat(hairSpace, pad)}
	}
}
