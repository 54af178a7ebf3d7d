package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/data"
)

// quickEntry is the small window behind the tray's "Quick entry…": one
// line about what happened, saved as a journal entry to finish later,
// without opening the whole window.
type quickEntry struct {
	u    *UI
	win  fyne.Window
	text *widget.Entry
	msg  *widget.Label
}

// showQuickEntry opens the quick-entry window, or brings it forward.
func (u *UI) showQuickEntry() {
	if u.quick != nil {
		u.quick.win.Show()
		u.quick.win.RequestFocus()
		return
	}
	q := &quickEntry{u: u, win: u.app.NewWindow("Quick entry")}
	q.text = widget.NewEntry()
	q.text.SetPlaceHolder("What happened? A few words are enough")
	q.text.OnSubmitted = func(string) { q.save() }
	q.msg = widget.NewLabel("")
	q.msg.Importance = widget.DangerImportance
	q.msg.Wrapping = fyne.TextWrapWord
	q.msg.Hide()
	hint := wrapLabel("It goes into your journal as a new entry. Open it there later to add what you told yourself and what you would tell a friend.")
	hint.SizeName = theme.SizeNameCaptionText
	save := widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), q.save)
	save.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", q.cancel)
	q.win.SetContent(container.NewPadded(container.NewVBox(
		heading("Quick entry"), q.text, q.msg, hint,
		container.NewHBox(cancel, save))))
	q.win.Resize(fyne.NewSize(460, 0))
	q.win.SetCloseIntercept(q.cancel)
	u.quick = q
	q.win.Show()
	q.win.Canvas().Focus(q.text)
}

// save stores the line as a new entry and closes the window. A refusal
// shows under the field and the text stays.
func (q *quickEntry) save() {
	store := q.u.store
	if store == nil {
		q.fail("Your journal is still opening. Try again in a moment.")
		return
	}
	text := q.text.Text
	background(q.u, func() (data.Entry, error) {
		return store.SaveEntry(data.Entry{Trigger: text}, 0)
	}, func(data.Entry) {
		if j := q.u.journal(); j != nil && q.u.shown {
			j.load()
		}
		q.close()
	}, func(err error) {
		q.fail(entryErrorMessage(err))
	})
}

func (q *quickEntry) fail(msg string) {
	q.msg.SetText(msg)
	q.msg.Show()
}

// cancel closes the window; with something written, it asks first, so
// nothing typed is lost by a slip of the mouse.
func (q *quickEntry) cancel() {
	if strings.TrimSpace(q.text.Text) == "" {
		q.close()
		return
	}
	d := dialog.NewConfirm("Save this entry?", "You wrote something. Save it to your journal, or let it go?", func(keep bool) {
		if keep {
			q.save()
		} else {
			q.close()
		}
	}, q.win)
	d.SetConfirmText("Save")
	d.SetDismissText("Let it go")
	d.Show()
}

// close ends the quick entry; when it was all this process showed, the
// process ends too (the tray carries on).
func (q *quickEntry) close() {
	q.u.quick = nil
	q.win.Close()
	if !q.u.shown {
		q.u.quitAll = false
		q.u.quit()
	}
}

// entryErrorMessage turns a refusal into a sentence for under the field.
func entryErrorMessage(err error) string {
	var ve *data.ValidationError
	if errors.As(err, &ve) {
		return ve.Message
	}
	msg := "Couldn't save the entry: " + err.Error()
	if advice := data.Advice(err); advice != "" {
		msg += " " + advice
	}
	return msg
}
