package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data/replica"
	"github.com/bothand/bothand/widgets"
)

// When two computers changed an entry's text before either saw the
// other's, the sync keeps both (docs/SYNC.md): the entry, and a conflicted
// copy of the other text. The window says how many wait, and shows them
// one at a time with both texts side by side; whatever is not kept goes
// to the trash.

// syncNotice is the card under the pinned slip that says how many entries
// have two versions.
type syncNotice struct {
	card fyne.CanvasObject
	text *widget.Label
}

// showConflictNotice shows (or updates, or takes away) the notice of n
// entries with two versions.
func (u *UI) showConflictNotice(n int) {
	if u.noticeBox == nil || n == u.sync.conflicts {
		return
	}
	u.sync.conflicts = n
	if n == 0 {
		if u.sync.notice != nil {
			u.noticeBox.Remove(u.sync.notice.card)
			u.sync.notice = nil
		}
		return
	}
	text := plainCount(n, "entry was", "entries were") + " changed on two computers at once. Both versions are kept until you choose."
	if u.sync.notice != nil {
		u.sync.notice.text.SetText(text)
		return
	}
	nt := &syncNotice{text: ui.WrapLabel(text)}
	choose := widgets.NewButton("Choose…", u.showConflicts)
	nt.card = widget.NewCard("", "", container.NewBorder(nil, nil,
		widget.NewIcon(theme.WarningIcon()), choose, nt.text))
	u.sync.notice = nt
	u.noticeBox.Add(nt.card)
}

// showConflicts opens the conflicts, the newest first.
func (u *UI) showConflicts() {
	s := u.Store
	if s == nil {
		return
	}
	ui.Background(u.Host, func() ([]replica.Conflict, error) {
		return replica.Conflicts(context.Background(), s)
	}, func(list []replica.Conflict) {
		if len(list) == 0 {
			u.showConflictNotice(0)
			u.Inform(ui.DlgConflicts, "Nothing to choose", "Every entry changed on two computers at once has been settled.")
			return
		}
		u.conflictDialog(list)
	})
}

// conflictDialog shows list[0] side by side, and the next after each
// choice.
func (u *UI) conflictDialog(list []replica.Conflict) {
	c := list[0]
	left, right := conflictSide("The entry as it is", c.Entry), conflictSide("The other version", &c.Copy)
	if c.Entry == nil {
		left = container.NewVBox(heading("The entry as it is"),
			ui.WrapLabel("It was deleted for good on another computer while this version was written here."))
	}
	count := ""
	if len(list) > 1 {
		count = fmt.Sprintf(" (%d waiting)", len(list))
	}
	intro := ui.Caption("Written on two computers before either had seen the other's. Whatever you don't keep goes to the trash, so you can still bring it back.")
	body := container.NewBorder(intro, nil, nil, nil, container.NewGridWithColumns(2, left, right))
	d := u.NewDialog(ui.DlgConflicts, "An entry with two versions"+count, body)
	resolve := func(keep replica.Keep) func() {
		return func() {
			d.Hide()
			s := u.Store
			ui.BackgroundDo(u.Host, func() error {
				return replica.Resolve(context.Background(), s, c.Copy.ID, keep)
			}, func() {
				u.reloadScreens()
				u.syncNow()
				u.showConflictNotice(len(list) - 1)
				if len(list) > 1 {
					u.showConflicts()
				}
			})
		}
	}
	d.CancelButton("Later", nil)
	if c.Entry == nil {
		d.Button("Move it to the trash", theme.DeleteIcon(), resolve(replica.KeepEntry))
		d.DefaultButton("Keep it", theme.ConfirmIcon(), resolve(replica.KeepCopy))
	} else {
		d.Button("Keep the entry as it is", nil, resolve(replica.KeepEntry))
		d.Button("Keep the other version", nil, resolve(replica.KeepCopy))
		d.DefaultButton("Keep both", theme.ConfirmIcon(), resolve(replica.KeepBoth))
	}
	d.Show(860, 560, nil)
}

// conflictSide is one version's text, its three answers under their
// questions.
func conflictSide(title string, e *replica.EntryText) fyne.CanvasObject {
	box := container.NewVBox(heading(title),
		ui.Caption("Changed "+e.UpdatedAt.Local().Format("2 January 2006, 15:04")))
	for _, part := range []struct{ q, a string }{
		{questionTrigger, e.Trigger},
		{questionStory, e.Story},
		{questionFriend, e.Friend},
	} {
		if part.a == "" {
			continue
		}
		q := widget.NewLabelWithStyle(part.q, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		a := ui.WrapLabel(part.a)
		a.Selectable = true
		box.Add(q)
		box.Add(a)
	}
	return box
}
