package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/assets"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/widgets"
)

// slipsDialog lists every permission slip to add, edit, reorder, delete and
// choose the pinned one.
type slipsDialog struct {
	u        *UI
	dlg      *ui.Dialog
	rows     *fyne.Container
	add      *widgets.Entry
	addError *widget.Label
	ideas    *fyne.Container
	slips    []data.Slip
}

func (u *UI) showSlips() {
	d := &slipsDialog{u: u, rows: container.NewVBox(), ideas: container.NewVBox()}
	d.add = widgets.NewEntry()
	d.add.SetPlaceHolder("A new sentence you need to hear")
	d.add.OnSubmitted = func(string) { d.addSlip() }
	d.addError = widget.NewLabel("")
	d.addError.Importance = widget.DangerImportance
	d.addError.Wrapping = fyne.TextWrapWord
	d.addError.Hide()
	addButton := widgets.NewButtonWithIcon("Add", theme.ContentAddIcon(), d.addSlip)

	intro := ui.WrapLabel("Pin the sentence you most need to hear; it stays at the top of the window, in the tray and in the morning reminder.")
	body := container.NewBorder(
		intro,
		container.NewVBox(widget.NewSeparator(),
			container.NewBorder(nil, nil, nil, addButton, d.add), d.addError, d.ideas),
		nil, nil,
		container.NewVScroll(d.rows))
	d.dlg = u.NewDialog(ui.DlgSlips, "Permission slips", body)
	d.dlg.CancelButton("Close", nil)
	d.dlg.Show(620, 520, nil)
	d.reload()
}

func (d *slipsDialog) reload() {
	store := d.u.Store
	ui.Background(d.u.Host, store.Slips, func(list []data.Slip) {
		d.slips = list
		d.render()
		d.u.loadStrip()
	})
}

func (d *slipsDialog) render() {
	d.rows.RemoveAll()
	if len(d.slips) == 0 {
		d.rows.Add(ui.WrapLabel("No slips yet. Write one below, or start from an idea."))
	}
	for i, s := range d.slips {
		d.rows.Add(d.row(i, s))
	}
	d.rows.Refresh()

	d.ideas.RemoveAll()
	have := map[string]bool{}
	for _, s := range d.slips {
		have[s.Text] = true
	}
	var ideas []fyne.CanvasObject
	for _, idea := range assets.SlipSuggestions() {
		if have[idea] {
			continue
		}
		b := widgets.NewButton(idea, func() {
			// An idea only fills the field: the slip should be the
			// person's own sentence, so they can change it before adding.
			d.add.SetText(idea)
			d.u.Win.Canvas().Focus(d.add)
		})
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		ideas = append(ideas, b)
	}
	if len(ideas) > 0 {
		caption := widget.NewLabel("Ideas to start from (they only fill the field):")
		caption.SizeName = theme.SizeNameCaptionText
		d.ideas.Add(caption)
		d.ideas.Add(container.NewGridWithColumns(2, ideas...))
	}
	d.ideas.Refresh()
}

func (d *slipsDialog) row(i int, s data.Slip) fyne.CanvasObject {
	text := ui.WrapLabel(s.Text)
	pin := widgets.NewIconButton("Pin", theme.RadioButtonIcon(), func() { d.do(func(st *data.Store) error { return st.PinSlip(s.ID) }) })
	if s.Pinned {
		pin.SetIcon(theme.RadioButtonCheckedIcon())
		text.TextStyle = fyne.TextStyle{Bold: true}
	}
	pin.Importance = widget.LowImportance
	up := widgets.NewIconButton("Move up", theme.MoveUpIcon(), func() { d.do(func(st *data.Store) error { return st.MoveSlip(s.ID, i-1) }) })
	down := widgets.NewIconButton("Move down", theme.MoveDownIcon(), func() { d.do(func(st *data.Store) error { return st.MoveSlip(s.ID, i+1) }) })
	if i == 0 {
		up.Disable()
	}
	if i == len(d.slips)-1 {
		down.Disable()
	}
	edit := widgets.NewIconButton("Edit", theme.DocumentCreateIcon(), func() { d.edit(s) })
	del := widgets.NewIconButton("Delete", theme.DeleteIcon(), func() { d.confirmDelete(s) })
	for _, b := range []*widgets.Button{up, down, edit, del} {
		b.Importance = widget.LowImportance
	}
	return container.NewBorder(nil, nil, pin, container.NewHBox(up, down, edit, del), text)
}

// do runs a change and shows the list again.
func (d *slipsDialog) do(change func(*data.Store) error) {
	store := d.u.Store
	ui.BackgroundDo(d.u.Host, func() error { return change(store) }, func() { d.reload() })
}

func (d *slipsDialog) addSlip() {
	store := d.u.Store
	text := d.add.Text
	ui.Background(d.u.Host, func() (data.Slip, error) { return store.AddSlip(text, false) }, func(data.Slip) {
		d.add.SetText("")
		d.addError.Hide()
		d.reload()
	}, func(err error) {
		d.addError.SetText(slipErrorMessage(err))
		d.addError.Show()
	})
}

func (d *slipsDialog) edit(s data.Slip) {
	entry := widgets.NewTextArea()
	entry.Wrapping = fyne.TextWrapWord
	entry.SetText(s.Text)
	entry.SetMinRowsVisible(3)
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	ui.LimitPastes(entry, ui.PasteLimit, func(s string) { msg.SetText(s); msg.Show() })
	count := widget.NewLabel("")
	count.SizeName = theme.SizeNameCaptionText
	showCount := func(t string) { count.SetText(fmt.Sprintf("%d / %d characters", len([]rune(t)), data.MaxSlipLen)) }
	showCount(s.Text)
	entry.OnChanged = showCount
	dlg := d.u.NewDialog(ui.DlgEditSlip, "Edit slip", container.NewVBox(entry, count, msg))
	dlg.Form = true
	dlg.CancelButton("Cancel", nil)
	dlg.DefaultButton("Save", theme.DocumentSaveIcon(), func() {
		store := d.u.Store
		text := entry.Text
		ui.Background(d.u.Host, func() (data.Slip, error) { return store.UpdateSlip(s.ID, text) }, func(data.Slip) {
			dlg.Hide()
			d.reload()
		}, func(err error) {
			// The dialog stays open with the text as typed.
			msg.SetText(slipErrorMessage(err))
			msg.Show()
		})
	})
	dlg.Show(520, 0, entry)
}

func (d *slipsDialog) confirmDelete(s data.Slip) {
	msg := fmt.Sprintf("“%s”", ui.MenuText(s.Text))
	if s.Pinned {
		msg += "\n\nIt is pinned; the next slip will be pinned instead."
	}
	d.u.Confirm(ui.DlgDeleteSlip, "Delete this slip?", msg, "Delete", func() {
		d.do(func(st *data.Store) error { return st.DeleteSlip(s.ID) })
	})
}
