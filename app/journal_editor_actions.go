package app

import (
	"errors"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
)

// saveResult is a saved entry and, on the guilt route, its protocol.
type saveResult struct {
	entry       data.Entry
	protocol    *data.Protocol
	protocolErr error
}

// save stores the entry. A refusal is explained under its field, and the
// editor stays open with everything typed (and kept as a draft).
func (e *entryEditor) save() { e.commit(false, false) }

// startProtocol answers "What's my next-time protocol?": it saves the
// entry, drafts its protocol from the template that fits it best (the
// friend answer, when written, as the first step) and opens the draft on
// the Protocols tab to be made the person's own.
func (e *entryEditor) startProtocol() { e.commit(true, false) }

// startBreak answers "Take a self-compassion break" on the shame route: it
// saves the entry, then opens the break for it.
func (e *entryEditor) startBreak() { e.commit(false, true) }

// commit saves the entry; thenBreak is set for this save only, so a break
// asked for by a save that was refused never opens after a later plain Save.
func (e *entryEditor) commit(withProtocol, thenBreak bool) {
	if e.saving {
		return
	}
	e.thenBreak = thenBreak
	e.clearMessages()
	at, ok := e.when()
	if !ok {
		e.j.u.Win.Canvas().Focus(e.date)
		return
	}
	en := e.entry(at)
	e.saving = true
	e.status.SetText("Saving…")
	store := e.j.u.Store
	// Wait for a draft save under way, so the save removes that draft and
	// no late draft outlives the entry.
	e.keeper.whenIdle(func(draftID int64) {
		ui.Background(e.j.u.Host, func() (saveResult, error) {
			saved, err := store.SaveEntry(en, draftID)
			if err != nil {
				return saveResult{}, err
			}
			r := saveResult{entry: saved}
			if withProtocol {
				p, err := store.StartProtocol(saved.ID)
				r.protocol, r.protocolErr = &p, err
			}
			return r, nil
		}, e.saved, e.refused)
	})
}

func (e *entryEditor) saved(r saveResult) {
	j := e.j
	e.saving = false
	j.editor = nil
	note := "Saved."
	if r.protocol != nil && r.protocolErr == nil {
		note = "Saved, with a next-time protocol to build on."
	}
	j.showEntry(r.entry.ID, note)
	j.Load() // new own tags, drafts, counts and the list
	if r.protocolErr != nil {
		j.u.ShowError(r.protocolErr)
	} else if r.protocol != nil {
		j.u.plan.EditProtocol(r.protocol.ID) // the draft, open to be made one's own
	}
	if e.thenBreak {
		if c := j.u.compassion(); c != nil {
			c.startBreak(&r.entry.ID, entryAbout(r.entry))
		}
	}
}

func (e *entryEditor) refused(err error) {
	e.saving = false
	e.thenBreak = false
	e.status.SetText("Not saved yet.")
	e.keeper.reopen()
	var ve *data.ValidationError
	if errors.As(err, &ve) {
		e.showMessage(ve.Field, ve.Message)
		if w := e.fieldWidget(ve.Field); w != nil {
			e.j.u.Win.Canvas().Focus(w)
		}
		return
	}
	msg := "Couldn't save: " + err.Error() + "."
	if advice := data.Advice(err); advice != "" {
		msg += " " + advice
	}
	e.showMessage(data.FieldEntry, msg+" Everything you wrote is still here.")
}

// escape closes the editor without losing anything: what was typed is kept
// as a draft, offered back above the list.
func (e *entryEditor) escape() {
	if e.saving {
		return
	}
	j := e.j
	e.closeKeepingDraft()
	if e.base.ID != 0 {
		j.showEntry(e.base.ID, "")
	} else {
		j.showPlaceholder()
	}
	j.u.Win.Canvas().Focus(j.list.widget)
}

// closeKeepingDraft closes the editor, keeping what it holds as a draft.
func (e *entryEditor) closeKeepingDraft() {
	j := e.j
	if j.editor == e {
		j.editor = nil
	}
	e.keeper.finish(j.refreshCounts)
}
