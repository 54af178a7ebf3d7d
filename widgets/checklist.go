package widgets

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ChecklistItem is one numbered line of a Checklist.
type ChecklistItem struct {
	Text string
	Done bool
	// Detail is a quiet line under the text, such as the day it was done.
	Detail string
	// Extra, if set, shows under the text: a button leading to an action.
	Extra fyne.CanvasObject
}

// Checklist is an ordered list of things to do: a tick box, the numbered
// words and their detail, and buttons to move an item up or down, edit it
// and remove it. It holds no state of its own beyond Items: every change
// is the caller's to make (and store), then shown with SetItems.
type Checklist struct {
	widget.BaseWidget

	Items []ChecklistItem

	OnToggle func(i int, done bool) `json:"-"`
	OnMove   func(i, delta int)     `json:"-"`
	OnEdit   func(i int)            `json:"-"`
	OnDelete func(i int)            `json:"-"`

	box *fyne.Container // the rows, once rendered
}

// Children are the rows, for ScrollAround.
func (c *Checklist) Children() []fyne.CanvasObject {
	if c.box == nil {
		return nil
	}
	return []fyne.CanvasObject{c.box}
}

// NewChecklist returns an empty checklist.
func NewChecklist() *Checklist {
	c := &Checklist{}
	c.ExtendBaseWidget(c)
	return c
}

// SetItems shows items in place of what was there.
func (c *Checklist) SetItems(items []ChecklistItem) {
	c.Items = items
	c.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (c *Checklist) CreateRenderer() fyne.WidgetRenderer {
	r := &checklistRenderer{c: c, box: container.NewVBox()}
	c.box = r.box
	r.Refresh()
	return r
}

func (c *Checklist) row(i int, it ChecklistItem) fyne.CanvasObject {
	tick := NewCheck("", nil)
	tick.SetChecked(it.Done)
	tick.OnChanged = func(on bool) {
		if c.OnToggle != nil {
			c.OnToggle(i, on)
		}
	}
	text := widget.NewLabel(strconv.Itoa(i+1) + ". " + it.Text)
	text.Wrapping = fyne.TextWrapWord
	details := []fyne.CanvasObject{text}
	if it.Detail != "" {
		d := widget.NewLabel(it.Detail)
		d.SizeName = theme.SizeNameCaptionText
		d.Wrapping = fyne.TextWrapWord
		details = append(details, d)
	}
	if it.Extra != nil {
		details = append(details, container.NewHBox(it.Extra))
	}
	icon := func(name string, res fyne.Resource, tapped func(i int)) *Button {
		b := NewIconButton(name, res, func() {
			if tapped != nil {
				tapped(i)
			}
		})
		b.Importance = widget.LowImportance
		return b
	}
	up := icon("Move up", theme.MoveUpIcon(), func(i int) { c.move(i, -1) })
	down := icon("Move down", theme.MoveDownIcon(), func(i int) { c.move(i, 1) })
	if i == 0 {
		up.Disable()
	}
	if i == len(c.Items)-1 {
		down.Disable()
	}
	buttons := container.NewHBox(up, down, icon("Edit", theme.DocumentCreateIcon(), c.OnEdit), icon("Delete", theme.DeleteIcon(), c.OnDelete))
	words := container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()), details...)
	return container.NewBorder(nil, nil, container.NewVBox(tick), container.NewVBox(buttons), words)
}

func (c *Checklist) move(i, delta int) {
	if c.OnMove != nil {
		c.OnMove(i, delta)
	}
}

type checklistRenderer struct {
	c   *Checklist
	box *fyne.Container
}

func (r *checklistRenderer) Layout(size fyne.Size)        { r.box.Resize(size) }
func (r *checklistRenderer) MinSize() fyne.Size           { return r.box.MinSize() }
func (r *checklistRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.box} }
func (r *checklistRenderer) Destroy()                     {}

// Refresh rebuilds the rows: a checklist is short, and rebuilding keeps
// each row's callbacks pointing at its current place.
func (r *checklistRenderer) Refresh() {
	rows := make([]fyne.CanvasObject, len(r.c.Items))
	for i, it := range r.c.Items {
		rows[i] = r.c.row(i, it)
	}
	r.box.Objects = rows
	r.box.Refresh()
}
