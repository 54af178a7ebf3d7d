package ui

import (
	"log/slog"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/bothand/bothand/data/prose"
)

// ShowMenu shows a pop-up menu under from. Its items are logged (at the
// debug level), like the menu bar's, so the real-window tests know every
// item there is to try.
func (h *Host) ShowMenu(name string, m *fyne.Menu, from fyne.CanvasObject) {
	for _, it := range m.Items {
		if it.IsSeparator || it.Action == nil {
			continue
		}
		path, run := name+"/"+it.Label, it.Action
		slog.Debug("menu item", "item", path)
		it.Action = func() {
			slog.Debug("menu", "item", path)
			run()
		}
	}
	c := h.Win.Canvas()
	menu := widget.NewPopUpMenu(m, c)
	menu.ShowAtPosition(MenuPosition(c, from, menu.MinSize()))
}

// MenuPosition puts a menu of size under the button from, or above it when
// there is no room below, and lines it up with the button's right edge
// when it would run past the window's: a menu opened from the end of a row
// stays whole, in the window, beside what opened it.
func MenuPosition(c fyne.Canvas, from fyne.CanvasObject, size fyne.Size) fyne.Position {
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(from)
	room := c.Size()
	margin := theme.Padding()
	pos := abs.AddXY(0, from.Size().Height)
	if pos.X+size.Width > room.Width-margin {
		pos.X = abs.X + from.Size().Width - size.Width
	}
	if pos.Y+size.Height > room.Height-margin && abs.Y-size.Height >= margin {
		pos.Y = abs.Y - size.Height
	}
	pos.X = max(margin, min(pos.X, room.Width-size.Width-margin))
	pos.Y = max(0, min(pos.Y, room.Height-size.Height))
	return pos
}

// MenuText keeps menu items and short quotes to one readable line.
func MenuText(s string) string { return prose.Clip(s, 60) }
