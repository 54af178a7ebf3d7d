package app

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/prose"
	"github.com/bothand/bothand/widgets"
)

// draftKeeper keeps the editor's content in the database while the person
// types: the first change starts a short wait (draftDelay), then what the
// editor holds is saved, so the stored draft is at most about that far
// behind. Only one save runs at a time; changes made meanwhile are saved
// next.
type draftKeeper struct {
	j        *journalScreen
	snapshot func() data.Draft
	id       int64 // the stored draft, 0 before the first save
	dirty    bool  // changed since the last save
	waiting  bool  // the wait before a save is running
	inFlight bool
	closed   bool // saving or closing: no more drafts
	idle     []func()
	kept     time.Time
}

func newDraftKeeper(j *journalScreen, snapshot func() data.Draft) *draftKeeper {
	return &draftKeeper{j: j, snapshot: snapshot}
}

func (k *draftKeeper) changed() {
	k.dirty = true
	k.schedule()
}

func (k *draftKeeper) schedule() {
	if k.waiting || k.inFlight || k.closed {
		return
	}
	k.waiting = true
	after(k.j.u, k.j.draftDelay, func() {
		k.waiting = false
		k.flush()
	})
}

// flush saves the editor's content now, if it changed.
func (k *draftKeeper) flush() {
	if k.inFlight || k.closed {
		return
	}
	if !k.dirty {
		k.settled()
		return
	}
	d := k.snapshot()
	k.dirty = false
	k.inFlight = true
	store := k.j.u.Store
	if d.EntryID == nil && strings.TrimSpace(d.Trigger+d.Story+d.Friend) == "" {
		// A new entry with nothing written: no draft to keep (and an
		// earlier one, since emptied, goes).
		id := k.id
		ui.BackgroundDo(k.j.u.Host, func() error {
			if id == 0 {
				return nil
			}
			return store.DiscardDraft(id)
		}, func() {
			k.inFlight = false
			k.id = 0
			k.settled()
		}, k.failed)
		return
	}
	ui.Background(k.j.u.Host, func() (data.Draft, error) {
		return store.SaveDraft(d)
	}, func(saved data.Draft) {
		k.inFlight = false
		k.id = saved.ID
		k.kept = time.Now()
		if ed := k.j.editor; ed != nil && ed.keeper == k && !ed.saving {
			ed.status.SetText("Draft kept at " + k.kept.Format("15:04:05") + ".")
		}
		k.settled()
	}, k.failed)
}

func (k *draftKeeper) failed(err error) {
	k.inFlight = false
	k.dirty = true
	if ed := k.j.editor; ed != nil && ed.keeper == k {
		msg := "Couldn't keep a draft: " + err.Error() + "."
		if advice := data.Advice(err); advice != "" {
			msg += " " + advice
		}
		ed.status.SetText(msg + " Your text is still here.")
	}
	k.settled()
}

// settled runs what waited for the save under way, or saves what changed
// meanwhile.
func (k *draftKeeper) settled() {
	if len(k.idle) > 0 {
		waiting := k.idle
		k.idle = nil
		for _, f := range waiting {
			f()
		}
		return
	}
	if k.dirty {
		k.schedule()
	}
}

// whenIdle stops drafting and calls f with the draft's id once no draft
// save is under way.
func (k *draftKeeper) whenIdle(f func(draftID int64)) {
	k.closed = true
	if k.inFlight {
		k.idle = append(k.idle, func() { f(k.id) })
		return
	}
	f(k.id)
}

// reopen goes on drafting after a refused save.
func (k *draftKeeper) reopen() {
	k.closed = false
	if k.dirty {
		k.schedule()
	}
}

// finish saves what is not saved yet, right away, then stops; then is
// called when the draft is stored.
func (k *draftKeeper) finish(then func()) {
	k.whenIdle(func(int64) {
		k.closed = false
		k.idle = append(k.idle, func() {
			k.closed = true
			then()
		})
		k.flush()
	})
}

// keepUnsaved stores what the editor holds as a draft before the app
// quits, so even the last second of typing survives a normal close.
func (j *journalScreen) KeepUnsaved(then func()) {
	if j.editor == nil || j.u.Store == nil {
		then()
		return
	}
	j.editor.keeper.finish(then)
}

// showBanners shows, above the list, the drafts waiting to be finished and
// the undo of a deletion.
func (j *journalScreen) showBanners() {
	j.banners.Objects = nil
	if b := j.draftBanner(); b != nil {
		j.banners.Add(b)
	}
	if j.undo != nil {
		j.banners.Add(j.undo)
	}
	j.banners.Refresh()
}

func (j *journalScreen) showDraftBanner() { j.showBanners() }

// draftBanner offers back the newest draft not open in the editor: after a
// crash, a kill or a power cut, or after Esc.
func (j *journalScreen) draftBanner() fyne.CanvasObject {
	var waiting []data.Draft
	for _, d := range j.drafts {
		if j.editor != nil && j.editor.keeper.id == d.ID {
			continue
		}
		waiting = append(waiting, d)
	}
	if len(waiting) == 0 {
		return nil
	}
	d := waiting[0]
	what := firstLine(d.Trigger)
	if what == "" {
		what = firstLine(d.Story + "\n" + d.Friend)
	}
	what = prose.Clip(what, 60)
	text := "Unsaved entry from " + formatWhen(d.UpdatedAt)
	if d.EntryID != nil {
		text = "Unsaved changes from " + formatWhen(d.UpdatedAt)
	}
	if what != "" {
		text += ": “" + what + "”"
	}
	if len(waiting) > 1 {
		text += " (and " + prose.Thousands(len(waiting)-1) + " more)"
	}
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	cont := widgets.NewButtonWithIcon("Continue writing", theme.DocumentCreateIcon(), func() { j.continueDraft(d) })
	cont.Importance = widget.HighImportance
	discard := widgets.NewButton("Discard…", func() { j.discardDraft(d) })
	discard.Importance = widget.LowImportance
	return widget.NewCard("", "", container.NewVBox(msg, container.NewHBox(cont, discard)))
}

// continueDraft opens the editor on a draft, over its entry when it was an
// edit.
func (j *journalScreen) continueDraft(d data.Draft) {
	if j.editor != nil {
		j.editor.closeKeepingDraft()
	}
	if d.EntryID == nil {
		j.openEditor(data.Entry{Intensity: 5}, &d)
		j.showBanners()
		return
	}
	id := *d.EntryID
	ui.Background(j.u.Host, func() (data.Entry, error) {
		return j.u.Store.Entry(id)
	}, func(e data.Entry) {
		j.openEditor(e, &d)
		j.showBanners()
	})
}

func (j *journalScreen) discardDraft(d data.Draft) {
	j.u.Confirm(ui.DlgDiscardDraft, "Discard this draft?",
		"What you wrote in it will be gone for good.", "Discard", func() {
			ui.BackgroundDo(j.u.Host, func() error {
				return j.u.Store.DiscardDraft(d.ID)
			}, func() { j.refreshCounts() })
		})
}
