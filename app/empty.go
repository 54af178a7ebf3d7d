package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/widgets"
)

// emptyState is what a tab shows before the person has anything in it: what
// the tab is for, in a sentence or two, and the first thing to do.
func emptyState(icon fyne.Resource, heading, body string, action *widgets.Button) fyne.CanvasObject {
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
	// A transparent strut keeps the text to a readable measure on wide windows.
	strut := canvas.NewRectangle(color.Transparent)
	strut.SetMinSize(fyne.NewSize(440, 0))
	return container.NewCenter(container.NewVBox(append([]fyne.CanvasObject{strut}, items...)...))
}
