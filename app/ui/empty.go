package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/widgets"
)

// EmptyState is what a tab shows before the person has anything in it: what
// the tab is for, in a sentence or two, and the first thing to do (and
// maybe a second, quieter one). Every empty place of the window is laid
// out by it, so they all look alike.
func EmptyState(icon fyne.Resource, heading, body string, action *widgets.Button, more ...*widgets.Button) fyne.CanvasObject {
	img := canvas.NewImageFromResource(theme.NewPrimaryThemedResource(icon))
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSquareSize(56))
	title := widget.NewLabelWithStyle(heading, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	text := widget.NewLabelWithStyle(body, fyne.TextAlignCenter, fyne.TextStyle{})
	text.Wrapping = fyne.TextWrapWord
	items := []fyne.CanvasObject{img, title, text}
	if action != nil {
		action.Importance = widget.HighImportance
		items = append(items, container.NewCenter(action))
	}
	for _, b := range more {
		b.Importance = widget.LowImportance
		items = append(items, container.NewCenter(b))
	}
	// The text keeps to a readable measure on wide windows, and narrows
	// with a narrow one.
	return container.New(Measure{Max: 440, Middle: true}, container.NewVBox(items...))
}
