package app

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/widgets"
)

// pageSize is how many rows one query brings; the next page is read when
// the list scrolls near the end of what it holds.
const pageSize = 50

// entryList is the journal list: a virtualized widget.List over rows read
// a page at a time with keyset paging, so it stays smooth at any size.
type entryList struct {
	j      *journalScreen
	widget *widgets.List
	view   fyne.CanvasObject
	none   *widget.Label

	filter  data.EntryFilter
	rows    []data.EntryRow
	next    *data.Cursor
	loading bool
	gen     int // bumped on every reload; late pages of older lists are dropped

	selecting bool // set while the list is selected from code
}

func newEntryList(j *journalScreen) *entryList {
	l := &entryList{j: j}
	l.widget = widgets.NewList(
		func() int { return len(l.rows) },
		newEntryRowTemplate,
		l.updateRow,
	)
	l.widget.OnSelected = func(id widget.ListItemID) {
		if l.selecting || id >= len(l.rows) {
			return
		}
		j.showEntry(l.rows[id].ID)
	}
	l.none = widget.NewLabel("")
	l.none.Wrapping = fyne.TextWrapWord
	l.none.Alignment = fyne.TextAlignCenter
	l.none.Importance = widget.LowImportance
	l.none.Hide()
	l.view = container.NewStack(l.widget, container.NewVBox(l.none))
	return l
}

// reload shows the first page for f.
func (l *entryList) reload(f data.EntryFilter) {
	l.gen++
	gen := l.gen
	l.filter = f
	l.loading = true
	ui.Background(l.j.u.Host, func() (data.EntryPage, error) {
		return l.j.u.Store.EntryPage(f, nil, pageSize)
	}, func(p data.EntryPage) {
		if gen != l.gen {
			return
		}
		l.loading = false
		l.rows, l.next = p.Rows, p.Next
		l.widget.UnselectAll()
		l.widget.ScrollToTop()
		l.widget.Refresh()
		l.selectShown()
		l.showNone()
		l.dropUnmatched(gen)
	}, func(err error) {
		if gen == l.gen {
			l.loading = false
			l.j.u.ShowError(err)
		}
	})
}

// dropUnmatched closes the entry shown on the right when the list's new
// filter leaves it out, so the reading pane never shows what the search
// did not find. An entry further down the matches stays.
func (l *entryList) dropUnmatched(gen int) {
	id, f := l.j.detailID, l.filter
	if id == 0 || l.j.showing != "detail" {
		return
	}
	for _, r := range l.rows {
		if r.ID == id {
			return
		}
	}
	ui.Background(l.j.u.Host, func() (bool, error) {
		return l.j.u.Store.EntryMatches(f, id)
	}, func(matches bool) {
		if !matches && gen == l.gen && l.j.detailID == id && l.j.showing == "detail" {
			l.j.showPlaceholder()
		}
	})
}

// more reads the next page, once, when the list nears its end.
func (l *entryList) more() {
	if l.loading || l.next == nil {
		return
	}
	gen, after, f := l.gen, l.next, l.filter
	l.loading = true
	ui.Background(l.j.u.Host, func() (data.EntryPage, error) {
		return l.j.u.Store.EntryPage(f, after, pageSize)
	}, func(p data.EntryPage) {
		if gen != l.gen {
			return
		}
		l.loading = false
		l.rows = append(l.rows, p.Rows...)
		l.next = p.Next
		l.widget.Refresh()
	}, func(err error) {
		if gen == l.gen {
			l.loading = false
			l.j.u.ShowError(err)
		}
	})
}

// selectShown highlights the entry shown on the right, if it is listed.
func (l *entryList) selectShown() {
	for i, r := range l.rows {
		if r.ID == l.j.detailID && l.j.detailID != 0 {
			l.selecting = true
			l.widget.Select(i)
			l.selecting = false
			return
		}
	}
}

func (l *entryList) showNone() {
	if len(l.rows) > 0 {
		l.none.Hide()
		return
	}
	switch {
	case l.filter.Searching():
		if _, ok := data.MatchQuery(l.filter.Text); !ok {
			l.none.SetText("Search looks for words. Emoji and symbols on their own aren't in the index: add a word.")
		} else {
			l.none.SetText("No entry holds all of these words. Try fewer words, or another spelling.")
		}
	case l.filter != data.EntryFilter{}:
		l.none.SetText("No entries match these filters.")
	default:
		l.none.SetText("No entries yet. Press Ctrl+N to write one.")
	}
	l.none.Show()
}

// A row: when and what kind on top, the trigger in bold, then the matching
// words when searching, or the start of the story.
func newEntryRowTemplate() fyne.CanvasObject {
	when := widget.NewLabel("")
	when.SizeName = theme.SizeNameCaptionText
	meta := widget.NewLabel("")
	meta.SizeName = theme.SizeNameCaptionText
	meta.TextStyle = fyne.TextStyle{Bold: true}
	trigger := widget.NewLabel("")
	trigger.TextStyle = fyne.TextStyle{Bold: true}
	trigger.Truncation = fyne.TextTruncateEllipsis
	line := widget.NewRichText()
	line.Truncation = fyne.TextTruncateEllipsis
	return container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()*3),
		container.NewBorder(nil, nil, nil, meta, when), trigger, line)
}

func (l *entryList) updateRow(id widget.ListItemID, obj fyne.CanvasObject) {
	if id >= len(l.rows) {
		return
	}
	if id >= len(l.rows)-15 {
		l.more()
	}
	r := l.rows[id]
	box := obj.(*fyne.Container)
	top := box.Objects[0].(*fyne.Container)
	top.Objects[0].(*widget.Label).SetText(formatWhen(r.HappenedAt))
	meta := kindLabel(r.Kind) + " · " + strconv.Itoa(r.Intensity) + "/10"
	if r.Conflicted {
		meta = "Other version · " + meta // sync kept both; the person chooses
	}
	top.Objects[1].(*widget.Label).SetText(meta)
	top.Refresh() // the kind and intensity have a new width: lay the line out again
	heading := firstLine(r.Trigger)
	if heading == "" {
		heading = firstLine(r.Story)
	}
	if heading == "" {
		heading = "(no trigger written)"
	}
	box.Objects[1].(*widget.Label).SetText(heading)
	line := box.Objects[2].(*widget.RichText)
	line.Segments = rowLine(r)
	line.Refresh()
}

// rowLine is the snippet with its matching words in bold, or the start of
// the story in quieter type.
func rowLine(r data.EntryRow) []widget.RichTextSegment {
	if len(r.Snippet) == 0 {
		text := firstLine(r.Story)
		if text == "" || text == firstLine(r.Trigger) {
			text = " "
		}
		return []widget.RichTextSegment{&widget.TextSegment{Text: text, Style: widget.RichTextStyle{
			Inline: true, ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText,
		}}}
	}
	var segs []widget.RichTextSegment
	for _, run := range r.Snippet {
		style := widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameCaptionText}
		if run.Match {
			style.TextStyle = fyne.TextStyle{Bold: true}
			style.ColorName = theme.ColorNamePrimary
		}
		segs = append(segs, &widget.TextSegment{Text: run.Text, Style: style})
	}
	return segs
}
