package app

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/prose"
	"github.com/bothand/bothand/widgets"
)

// reframeList shows the reframe cards, the built-in four and the person's
// own, each with how often it helped, and the form for a reframe of one's
// own.
type reframeList struct {
	c     *compassionScreen
	cards *fyne.Container
	form  *fyne.Container
	add   *widgets.Button
	view  fyne.CanvasObject

	editing data.Reframe // the own reframe in the form; ID 0 for a new one
	old     *widgets.Entry
	story   *widgets.Entry
	message *widget.Label
	saving  bool // a second tap on Save while the first is stored would add the reframe twice
}

func newReframeList(c *compassionScreen) *reframeList {
	l := &reframeList{c: c, cards: container.NewVBox()}
	l.old = widgets.NewTextArea()
	l.old.SetPlaceHolder("The old story, as guilt tells it: “A good parent never…”")
	l.old.SetMinRowsVisible(2)
	l.story = widgets.NewTextArea()
	l.story.SetPlaceHolder("The new story, truer and kinder: “I am…, and…”")
	l.story.SetMinRowsVisible(2)
	l.message = ui.WrapLabel("")
	l.message.Importance = widget.DangerImportance
	l.message.Hide()
	ui.LimitPastes(l.old, 2000, l.showMsg)
	ui.LimitPastes(l.story, 2000, l.showMsg)
	save := widgets.NewButtonWithIcon("Save reframe", theme.DocumentSaveIcon(), l.save)
	save.Importance = widget.HighImportance
	cancel := widgets.NewButton("Cancel", l.closeForm)
	l.form = container.NewVBox(ui.SectionTitle("Your own reframe"), l.old, l.story, l.message, container.NewHBox(save, cancel))
	l.form.Hide()
	l.add = widgets.NewButtonWithIcon("Add your own reframe", theme.ContentAddIcon(), func() { l.openForm(data.Reframe{}) })
	l.view = container.NewVBox(l.cards, l.form, container.NewHBox(l.add))
	return l
}

func (l *reframeList) show(list []data.Reframe, helped map[int64]int) {
	l.cards.Objects = nil
	for _, r := range list {
		count := ui.Caption(helpedText(helped[r.ID]))
		action := fyne.CanvasObject(count)
		if r.BuiltinKey == nil {
			own := r
			edit := widgets.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(), func() { l.openForm(own) })
			edit.Importance = widget.LowImportance
			del := widgets.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() { l.confirmDelete(own) })
			del.Importance = widget.LowImportance
			action = container.NewHBox(count, layoutSpacer(), edit, del)
		}
		l.cards.Add(reframeCard(r, action))
	}
	l.cards.Refresh()
}

// helpedText says how often a reframe helped, kindly: a count, not a score.
func helpedText(n int) string {
	switch n {
	case 0:
		return "Not marked on an entry yet"
	case 1:
		return "Helped with 1 entry"
	default:
		return fmt.Sprintf("Helped with %s entries", prose.Thousands(n))
	}
}

func (l *reframeList) openForm(r data.Reframe) {
	l.editing = r
	l.old.SetText(r.OldStory)
	l.story.SetText(r.NewStory)
	l.message.Hide()
	l.form.Show()
	l.add.Hide()
	l.c.u.Win.Canvas().Focus(l.old)
}

func (l *reframeList) closeForm() {
	l.form.Hide()
	l.add.Show()
}

func (l *reframeList) showMsg(msg string) {
	l.message.SetText(msg)
	l.message.Show()
}

// save stores the reframe; a refusal keeps the form open with the text.
func (l *reframeList) save() {
	if l.saving {
		return
	}
	l.saving = true
	r := l.editing
	r.OldStory, r.NewStory = l.old.Text, l.story.Text
	store := l.c.u.Store
	ui.Background(l.c.u.Host, func() (data.Reframe, error) {
		return store.SaveReframe(r)
	}, func(data.Reframe) {
		l.saving = false
		l.closeForm()
		l.c.reframesChanged()
	}, func(err error) {
		l.saving = false
		var ve *data.ValidationError
		if errors.As(err, &ve) {
			l.showMsg(ve.Message)
			return
		}
		l.showMsg("Couldn't save the reframe: " + err.Error() + ". What you wrote is still here.")
	})
}

func (l *reframeList) confirmDelete(r data.Reframe) {
	l.c.u.Confirm(ui.DlgDeleteReframe, "Delete this reframe?",
		"“"+ui.MenuText(r.NewStory)+"” will no longer show here or on the entries it helped with.",
		"Delete", func() {
			ui.BackgroundDo(l.c.u.Host, func() error {
				return l.c.u.Store.DeleteReframe(r.ID)
			}, func() { l.c.reframesChanged() })
		})
}
