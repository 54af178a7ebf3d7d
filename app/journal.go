package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/instance"
	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/prose"
	"github.com/bothand/bothand/widgets"
)

// journalScreen is the Journal tab: the list with search and filters on the
// left, and on the right the editor, the selected entry, or the trash.
// Before the first entry it is an invitation to write one.
type journalScreen struct {
	u    *UI
	root *fyne.Container
	// empty is shown while the journal holds nothing; split otherwise.
	empty fyne.CanvasObject
	split *container.Split
	right *fyne.Container

	list    *entryList
	filters *journalFilters
	banners *fyne.Container
	advice  *techniqueCard
	undo    fyne.CanvasObject // the undo of the last deletion, nil when none
	undoID  int64             // the entry that undo brings back
	count   *widget.Label
	trashB  *widgets.Button

	editor   *entryEditor // nil when closed
	detailID int64        // the entry shown on the right, 0 for none
	// detailAt is when that entry last changed, as shown.
	detailAt time.Time
	showing  string // "", "editor", "detail", "trash"

	tags     []data.Tag
	reframes []data.Reframe
	drafts   []data.Draft
	live     int
	trashed  int

	// Delays, shortened to zero by tests (whose background work runs inline).
	searchDelay time.Duration
	draftDelay  time.Duration
}

func newJournalScreen(u *UI) *journalScreen {
	j := &journalScreen{u: u, searchDelay: 250 * time.Millisecond, draftDelay: time.Second}
	u.AddTrayAction(instance.NewEntry, j.newEntry)
	j.list = newEntryList(j)
	j.filters = newJournalFilters(j)
	j.banners = container.NewVBox()
	j.advice = newTechniqueCard(j)
	j.count = widget.NewLabel("")
	j.count.SizeName = theme.SizeNameCaptionText
	j.count.Wrapping = fyne.TextWrapWord // a long count must not widen the list
	j.trashB = widgets.NewButtonWithIcon("Trash", theme.DeleteIcon(), j.showTrash)
	j.trashB.Importance = widget.LowImportance

	newB := widgets.NewButtonWithIcon("New", theme.ContentAddIcon(), j.newEntry)
	newB.Importance = widget.HighImportance
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, newB, j.filters.search),
		j.filters.view,
		j.banners,
		j.advice.box,
	)
	bottom := container.NewBorder(nil, nil, nil, j.trashB, j.count)
	// Objects in reading order, so Tab goes search, filters, list, trash.
	left := container.New(layout.NewBorderLayout(top, bottom, nil, nil), top, j.list.view, bottom)

	j.right = container.NewStack()
	j.split = container.NewHSplit(left, j.right)
	j.split.Offset = 0.42

	first := widgets.NewButtonWithIcon("Write your first entry", theme.DocumentCreateIcon(), j.newEntry)
	j.empty = ui.EmptyState(theme.DocumentCreateIcon(), "Your guilt journal",
		"When guilt shows up, write down what set it off, what you are telling yourself, and what you would tell a friend in your place. Patterns show themselves with practice.\n\nCtrl+N starts an entry from anywhere.",
		first)
	j.root = container.NewStack(j.empty, j.split)
	j.split.Hide()
	j.showPlaceholder()

	return j
}

func (j *journalScreen) Title() string           { return "Journal" }
func (j *journalScreen) Icon() fyne.Resource     { return theme.DocumentCreateIcon() }
func (j *journalScreen) View() fyne.CanvasObject { return j.root }

// journalState is what the tab needs from the store besides the list.
type journalState struct {
	tags     []data.Tag
	reframes []data.Reframe
	drafts   []data.Draft
	live     int
	trashed  int
	advice   data.Recommendation
}

// load reads the tags, reframes, drafts and counts, then the list.
func (j *journalScreen) Load() {
	if j.u.Store == nil {
		return
	}
	ui.Background(j.u.Host, func() (journalState, error) {
		var st journalState
		var err error
		s := j.u.Store
		if st.tags, err = s.Tags(); err != nil {
			return st, err
		}
		if st.reframes, err = s.Reframes(); err != nil {
			return st, err
		}
		if st.drafts, err = s.Drafts(); err != nil {
			return st, err
		}
		if st.live, err = s.CountEntries(data.EntryFilter{}); err != nil {
			return st, err
		}
		if st.trashed, err = s.TrashCount(); err != nil {
			return st, err
		}
		st.advice, err = s.RecommendTechnique()
		return st, err
	}, func(st journalState) {
		j.advice.set(st.advice)
		j.tags, j.reframes, j.drafts = st.tags, st.reframes, st.drafts
		j.live, j.trashed = st.live, st.trashed
		j.filters.setTags(st.tags)
		if j.editor != nil {
			j.editor.setTags(st.tags)
			if j.editor.check.kind == data.KindShame {
				j.editor.check.showReframes() // one added on the Compassion tab meanwhile
			}
		}
		j.showDraftBanner()
		j.updateCounts()
		j.list.reload(j.filters.current())
		j.refreshCounts()
	})
}

// refreshCounts re-reads the counts and drafts after a change.
func (j *journalScreen) refreshCounts() {
	type counts struct {
		live, trashed int
		drafts        []data.Draft
		filtered      int
	}
	f := j.filters.current()
	ui.Background(j.u.Host, func() (counts, error) {
		var c counts
		var err error
		s := j.u.Store
		if c.live, err = s.CountEntries(data.EntryFilter{}); err != nil {
			return c, err
		}
		if c.trashed, err = s.TrashCount(); err != nil {
			return c, err
		}
		if c.filtered, err = s.CountEntries(f); err != nil {
			return c, err
		}
		c.drafts, err = s.Drafts()
		return c, err
	}, func(c counts) {
		j.live, j.trashed, j.drafts = c.live, c.trashed, c.drafts
		j.showDraftBanner()
		j.updateCounts()
		j.setCountText(f, c.filtered)
	})
}

// updateCounts shows the trash count and switches between the invitation
// and the list.
func (j *journalScreen) updateCounts() {
	if j.trashed > 0 {
		j.trashB.SetText("Trash (" + prose.Thousands(j.trashed) + ")")
	} else {
		j.trashB.SetText("Trash")
	}
	if j.live == 0 && j.trashed == 0 && len(j.drafts) == 0 && j.editor == nil {
		j.split.Hide()
		j.empty.Show()
	} else {
		j.empty.Hide()
		j.split.Show()
	}
}

// setCountText says how many entries the list holds.
func (j *journalScreen) setCountText(f data.EntryFilter, n int) {
	switch {
	case f.Searching():
		j.count.SetText(matchCount(n))
	case n == 1:
		j.count.SetText("1 entry")
	case f == (data.EntryFilter{}):
		j.count.SetText(prose.Thousands(n) + " entries")
	default:
		j.count.SetText(prose.Thousands(n) + " entries match the filters")
	}
}

// matchCount says how many entries hold the words searched for (the
// store counts up to data.CountCap).
func matchCount(n int) string {
	switch {
	case n == 0:
		return "No entries match"
	case n == 1:
		return "1 entry matches"
	case n >= data.CountCap:
		return prose.Thousands(data.CountCap) + " or more entries match, newest first"
	}
	return prose.Thousands(n) + " entries match, newest first"
}

// showTab brings the Journal tab to the front.
func (j *journalScreen) showTab() {
	if j.u.tabs == nil {
		return
	}
	for _, item := range j.u.tabs.Items {
		if item.Content == j.root {
			j.u.tabs.Select(item)
		}
	}
}

// setRight shows obj on the right-hand side.
func (j *journalScreen) setRight(obj fyne.CanvasObject, mode string) {
	j.right.Objects = []fyne.CanvasObject{obj}
	j.right.Refresh()
	j.showing = mode
}

// showPlaceholder fills the right-hand side when nothing is selected.
func (j *journalScreen) showPlaceholder() {
	j.detailID = 0
	newB := widgets.NewButtonWithIcon("New entry", theme.ContentAddIcon(), j.newEntry)
	j.setRight(ui.EmptyState(theme.DocumentIcon(), "Nothing selected",
		"Choose an entry on the left to read it again, or start a new one with Ctrl+N.", newB), "")
}

// newEntry opens the editor on a new entry, with the cursor in the first
// question. An editor already open stays as it is (its draft is safe).
func (j *journalScreen) newEntry() {
	if j.u.Store == nil {
		return // the journal is still opening; nothing could be kept yet
	}
	j.showTab()
	if j.editor != nil && j.editor.base.ID == 0 && !j.editor.dirty() {
		j.editor.focusFirst()
		return
	}
	if j.editor != nil {
		j.editor.closeKeepingDraft()
	}
	j.openEditor(data.Entry{Intensity: 5}, nil)
}

// focusSearch puts the cursor in the search field.
func (j *journalScreen) focusSearch() {
	j.showTab()
	if !j.split.Visible() {
		j.empty.Hide()
		j.split.Show()
	}
	j.u.Win.Canvas().Focus(j.filters.search)
}

// saveShortcut is Ctrl+S: it saves the entry being written.
func (j *journalScreen) SaveShortcut() bool {
	if j.editor == nil {
		return false
	}
	j.editor.save()
	return true
}

// escape is Esc: in the search field it clears the search; otherwise it
// closes the editor, keeping what was written as a draft.
func (j *journalScreen) Escape(from fyne.Focusable) bool {
	if from == j.filters.search && j.filters.search.Text != "" {
		j.filters.search.SetText("")
		return true
	}
	if j.editor != nil {
		j.editor.escape()
		return true
	}
	return false
}

// undoLast is Ctrl+Z: it brings back the entry last moved to the trash.
func (j *journalScreen) UndoLast() bool {
	if j.undo == nil || j.undoID == 0 {
		return false
	}
	j.restore(j.undoID)
	return true
}
