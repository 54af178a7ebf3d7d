package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/prose"
	"github.com/bothand/bothand/widgets"
)

// trashShown is how many trashed entries the trash view lists.
const trashShown = 500

// trashEntry moves an entry to the trash and offers to undo it.
func (j *journalScreen) trashEntry(e data.Entry) {
	ui.BackgroundDo(j.u.Host, func() error {
		return j.u.Store.TrashEntry(e.ID)
	}, func() {
		title := prose.Clip(firstLine(e.Trigger), 50)
		msg := widget.NewLabel("Moved to the trash" + quoted(title) + ".")
		msg.Wrapping = fyne.TextWrapWord
		undo := widgets.NewButtonWithIcon("Undo  (Ctrl+Z)", theme.ContentUndoIcon(), func() { j.restore(e.ID) })
		undo.Importance = widget.HighImportance
		j.undo = widget.NewCard("", "", container.NewBorder(nil, nil, nil, undo, msg))
		j.undoID = e.ID
		j.showBanners()
		j.showPlaceholder()
		j.list.reload(j.filters.current())
		j.refreshCounts()
	})
}

func quoted(s string) string {
	if s == "" {
		return ""
	}
	return ": “" + s + "”"
}

// restore brings an entry back from the trash and shows it.
func (j *journalScreen) restore(id int64) {
	ui.BackgroundDo(j.u.Host, func() error {
		return j.u.Store.RestoreEntry(id)
	}, func() {
		j.undo, j.undoID = nil, 0
		j.showBanners()
		j.showEntry(id, "Back from the trash.")
		j.list.reload(j.filters.current())
		j.refreshCounts()
	})
}

// showTrash lists what is in the trash on the right, each with a way
// back, and the way to empty it.
func (j *journalScreen) showTrash() {
	if j.editor != nil {
		j.editor.closeKeepingDraft()
	}
	ui.Background(j.u.Host, func() ([]data.EntryRow, error) {
		return j.u.Store.Trash(trashShown)
	}, func(rows []data.EntryRow) {
		j.detailID = 0
		j.list.widget.UnselectAll()
		j.setRight(j.trashView(rows), "trash")
	})
}

func (j *journalScreen) trashView(rows []data.EntryRow) fyne.CanvasObject {
	title := widget.NewLabel("Trash")
	title.SizeName = theme.SizeNameSubHeadingText
	title.TextStyle = fyne.TextStyle{Bold: true}
	if len(rows) == 0 {
		return container.NewBorder(title, nil, nil, nil,
			ui.EmptyState(theme.DeleteIcon(), "The trash is empty", "Entries you delete wait here until you empty the trash, so a slip of the hand costs nothing.", nil))
	}
	empty := widgets.NewButtonWithIcon("Empty trash…", theme.DeleteIcon(), func() { j.confirmEmptyTrash() })
	empty.Importance = widget.DangerImportance
	about := ui.WrapLabel("Deleted entries wait here. Restore one to put it back in your journal, or empty the trash to delete them for good.")
	list := container.NewVBox()
	for _, r := range rows {
		id := r.ID
		heading := firstLine(r.Trigger)
		if heading == "" {
			heading = firstLine(r.Story)
		}
		when := widget.NewLabel(formatWhen(r.HappenedAt))
		when.SizeName = theme.SizeNameCaptionText
		when.Importance = widget.LowImportance
		text := widget.NewLabel(heading)
		text.Truncation = fyne.TextTruncateEllipsis
		restore := widgets.NewButtonWithIcon("Restore", theme.ContentUndoIcon(), func() { j.restore(id) })
		list.Add(container.NewBorder(nil, nil, nil, restore, container.New(ui.CompactVBox(), when, text)))
	}
	if j.trashed > len(rows) {
		list.Add(ui.WrapLabel("The " + prose.Thousands(len(rows)) + " most recently deleted are shown; emptying the trash deletes all " + prose.Thousands(j.trashed) + "."))
	}
	header := container.NewVBox(container.NewBorder(nil, nil, nil, empty, title), about, widget.NewSeparator())
	return container.NewBorder(header, nil, nil, nil, container.NewVScroll(list))
}

func (j *journalScreen) confirmEmptyTrash() {
	what := prose.Count(j.trashed, "entry", "entries")
	j.u.Confirm(ui.DlgEmptyTrash, "Empty the trash?",
		"This deletes "+what+" for good. It can't be undone.", "Empty the trash", func() {
			ui.Background(j.u.Host, func() (int, error) {
				return j.u.Store.EmptyTrash()
			}, func(int) {
				j.undo, j.undoID = nil, 0
				j.showBanners()
				j.showTrash()
				j.refreshCounts()
			})
		})
}
