package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/vault"
	"github.com/bothand/bothand/widgets"
)

// quickEntry is the small window behind the tray's "Quick entry…": one
// line about what happened, saved as a journal entry to finish later,
// without opening the whole window. Enter saves; Esc, Cancel or closing
// the window lets it go, asking once first if something was written.
type quickEntry struct {
	u    *UI
	win  fyne.Window
	text *widgets.Entry
	msg  *widget.Label
	// leaving: Cancel was pressed with text written, and said what a
	// second Cancel does.
	leaving bool
	// saving: a save is under way; Enter pressed again meanwhile would
	// store the line twice.
	saving bool
}

// showQuickEntry opens the quick-entry window, or brings it forward.
func (u *UI) showQuickEntry() {
	if u.quick != nil {
		u.quick.win.Show()
		u.quick.win.RequestFocus()
		return
	}
	q := &quickEntry{u: u, win: u.App.NewWindow("Quick entry")}
	q.text = widgets.NewEntry()
	q.text.SetPlaceHolder("What happened? A few words are enough")
	q.text.OnSubmitted = func(string) { q.save() }
	q.text.OnChanged = func(string) {
		if q.leaving {
			q.leaving = false
			q.msg.Hide()
		}
	}
	q.msg = widget.NewLabel("")
	q.msg.Wrapping = fyne.TextWrapWord
	q.msg.Hide()
	hint := ui.WrapLabel("It goes into your journal as a new entry. Open it there later to add what you told yourself and what you would tell a friend.")
	hint.SizeName = theme.SizeNameCaptionText
	save := widgets.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), q.save)
	save.Importance = widget.HighImportance
	cancel := widgets.NewButton("Cancel", q.cancel)
	q.win.SetContent(container.NewPadded(container.NewVBox(
		q.text, q.msg, hint,
		container.NewHBox(layoutSpacer(), cancel, save))))
	q.win.Resize(fyne.NewSize(460, 0))
	q.win.SetCloseIntercept(q.cancel)
	widgets.SetWindowKeys(q.win, quickKeys{q})
	u.quick = q
	q.win.Show()
	q.win.Canvas().Focus(q.text)
}

// quickKeys: Esc is Cancel, whatever has the focus.
type quickKeys struct{ q *quickEntry }

func (k quickKeys) TypedKey(ev *fyne.KeyEvent, _ fyne.Focusable) bool {
	if ev.Name == fyne.KeyEscape {
		k.q.cancel()
		return true
	}
	return false
}

// save stores the line as a new entry and closes the window. A refusal
// shows under the field and the text stays.
func (q *quickEntry) save() {
	if q.saving {
		return
	}
	q.saving = true
	if q.u.lock.locked {
		q.saveLocked()
		return
	}
	store := q.u.Store
	if store == nil {
		q.saving = false
		q.say("Your journal is still opening. Try again in a moment.", true)
		return
	}
	text := q.text.Text
	ui.Background(q.u.Host, func() (data.Entry, error) {
		return store.SaveEntry(data.Entry{Trigger: text}, 0)
	}, func(data.Entry) {
		if j := q.u.journal(); j != nil && q.u.shown {
			j.Load()
		}
		q.close()
	}, func(err error) {
		q.saving = false
		q.say(entryErrorMessage(err), true)
	})
}

// saveLocked seals the line into the journal's inbox without its key
// (vault.Add): it joins the journal at the next unlock.
func (q *quickEntry) saveLocked() {
	path, opts, text := q.u.dbPath, q.u.vaultOptions(), q.text.Text
	ui.Background(q.u.Host, func() (data.Entry, error) {
		e, _, err := vault.Add(path, data.Entry{Trigger: text}, opts)
		return e, err
	}, func(data.Entry) { q.close() }, func(err error) {
		q.saving = false
		q.say(entryErrorMessage(err), true)
	})
}

func (q *quickEntry) say(msg string, problem bool) {
	q.msg.SetText(msg)
	q.msg.Importance = widget.MediumImportance
	if problem {
		q.msg.Importance = widget.DangerImportance
	}
	q.msg.Show()
	q.msg.Refresh()
}

// cancel closes the window. With something written, the first Cancel
// says what a second one does, so nothing typed goes by a slip.
func (q *quickEntry) cancel() {
	if strings.TrimSpace(q.text.Text) == "" || q.leaving {
		q.close()
		return
	}
	q.leaving = true
	q.say("You wrote something. Save keeps it in your journal; Cancel again lets it go.", false)
}

// close ends the quick entry; when it was all this process showed, the
// process ends too (the tray carries on).
func (q *quickEntry) close() {
	q.u.quick = nil
	widgets.SetWindowKeys(q.win, nil)
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
