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
	"github.com/bothand/bothand/widgets"
)

var (
	kindChoices = []string{"All kinds", "Guilt", "Shame", "Not sure yet"}
	kindValues  = []data.Kind{"", data.KindGuilt, data.KindShame, data.KindUnsure}
	dateChoices = []string{"Any time", "Past 7 days", "Past 30 days", "This year", "Choose dates…"}
)

const allTags = "All tags"

// journalFilters are the search field and the kind, tag and date filters
// above the list.
type journalFilters struct {
	j      *journalScreen
	search *widgets.Entry
	kind   *widgets.Select
	tag    *widgets.Select
	dates  *widgets.Select
	from   *widgets.DateEntry
	to     *widgets.DateEntry
	custom *fyne.Container
	msg    *widget.Label
	// searchMsg explains a refused paste into the search field.
	searchMsg *widget.Label
	view      fyne.CanvasObject

	tags []data.Tag
	seq  int // the latest search typed; older ones are dropped
	// now is time.Now; tests move it past midnight.
	now func() time.Time
}

func newJournalFilters(j *journalScreen) *journalFilters {
	f := &journalFilters{j: j}
	f.search = widgets.NewEntry()
	f.search.SetPlaceHolder("Search your journal (Ctrl+F)")
	f.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	f.search.OnChanged = func(string) { f.searchMsg.Hide(); f.searchSoon() }
	f.search.OnSubmitted = func(string) { f.apply() }

	f.kind = widgets.NewSelect(kindChoices, func(string) { f.apply() })
	f.kind.SetSelectedIndex(0)
	f.tag = widgets.NewSelect([]string{allTags}, func(string) { f.apply() })
	f.tag.SetSelectedIndex(0)
	f.from = ui.NewDateField(time.Time{})
	f.from.SetPlaceHolder("From")
	f.from.OnChanged = func(*time.Time) { f.apply() }
	f.to = ui.NewDateField(time.Time{})
	f.to.SetPlaceHolder("To")
	f.to.OnChanged = func(*time.Time) { f.apply() }
	f.msg = widget.NewLabel("")
	f.msg.Importance = widget.DangerImportance
	f.msg.Wrapping = fyne.TextWrapWord
	// No one searches for a page of text; a huge paste would only make
	// the query slow.
	f.searchMsg = widget.NewLabel("")
	f.searchMsg.Importance = widget.DangerImportance
	f.searchMsg.Wrapping = fyne.TextWrapWord
	f.searchMsg.Hide()
	ui.LimitPastes(f.search, 1000, func(m string) { f.searchMsg.SetText(m); f.searchMsg.Show() })
	f.msg.Hide()
	f.custom = container.NewVBox(container.NewGridWithColumns(2, f.from, f.to), f.msg)
	f.custom.Hide()
	f.dates = widgets.NewSelect(dateChoices, func(choice string) {
		if choice == dateChoices[len(dateChoices)-1] {
			f.custom.Show()
		} else {
			f.custom.Hide()
		}
		f.apply()
	})
	f.dates.SetSelectedIndex(0)
	// Always chosen, so their placeholders never show. Fyne sizes a choice
	// by its placeholder: a blank one lets the kind and tag filters (and
	// with them the list) narrow with the window, as Fyne's "(Select one)"
	// would not; the dates' longest option must fit.
	f.kind.PlaceHolder, f.tag.PlaceHolder = " ", " "
	f.dates.PlaceHolder = dateChoices[len(dateChoices)-1]
	// The dates take the room their words need; the kind and tag share the
	// rest, so the list narrows with the window as far as it can.
	row := container.NewBorder(nil, nil, nil, f.dates, container.NewGridWithColumns(2, f.kind, f.tag))
	f.view = container.NewVBox(f.searchMsg, row, f.custom)
	return f
}

// setTags offers the journal's tags as filters, keeping the one chosen.
func (f *journalFilters) setTags(tags []data.Tag) {
	f.tags = tags
	options := []string{allTags}
	for _, t := range tags {
		options = append(options, t.Name)
	}
	chosen := f.tag.Selected
	f.tag.Options = options
	f.tag.Refresh()
	found := false
	for _, o := range options {
		found = found || o == chosen
	}
	if !found {
		f.tag.SetSelectedIndex(0)
	}
}

// current is the filter as set in the fields.
func (f *journalFilters) current() data.EntryFilter {
	var filter data.EntryFilter
	filter.Text = f.search.Text
	if i := f.kind.SelectedIndex(); i > 0 {
		filter.Kind = kindValues[i]
	}
	for _, t := range f.tags {
		if t.Name == f.tag.Selected {
			filter.TagID = t.ID
		}
	}
	now := time.Now()
	if f.now != nil {
		now = f.now()
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.Local)
	switch f.dates.SelectedIndex() {
	case 1:
		filter.From = today.AddDate(0, 0, -6)
	case 2:
		filter.From = today.AddDate(0, 0, -29)
	case 3:
		filter.From = time.Date(now.Year(), 1, 1, 0, 0, 0, 0, time.Local)
	case 4:
		filter.From, filter.To = f.customRange()
	}
	return filter
}

// customRange reads the chosen dates, whole days in local time; a field
// that does not read as a date is left open and explained.
func (f *journalFilters) customRange() (from, to time.Time) {
	var bad []string
	for _, field := range []*widgets.DateEntry{f.from, f.to} {
		switch {
		case field.Err != nil:
			bad = append(bad, field.Err.Error())
		case field.Date != nil && field == f.from:
			from = *field.Date
		case field.Date != nil:
			to = field.Date.AddDate(0, 0, 1)
		}
	}
	switch {
	case len(bad) > 0:
		f.msg.SetText(strings.Join(bad, " "))
		f.msg.Show()
	case !from.IsZero() && !to.IsZero() && !from.Before(to):
		f.msg.SetText("The first date comes after the second: nothing can match.")
		f.msg.Show()
	default:
		f.msg.Hide()
	}
	return from, to
}

// searchSoon searches once typing pauses, so each key press does not start
// a query of its own.
func (f *journalFilters) searchSoon() {
	f.seq++
	seq := f.seq
	after(f.j.u, f.j.searchDelay, func() {
		if seq == f.seq {
			f.apply()
		}
	})
}

// apply reloads the list and the count for the filters as they are now.
func (f *journalFilters) apply() {
	if f.j.u.Store == nil {
		return
	}
	f.seq++
	f.j.list.reload(f.current())
	f.j.refreshCounts()
}

// after calls f on the main goroutine once d has passed.
func after(u *UI, d time.Duration, f func()) {
	ui.BackgroundDo(u.Host, func() error {
		time.Sleep(d)
		return nil
	}, func() { f() })
}

// NewDay applies the filters again when their dates count from today
// ("Last 7 days", "Last 30 days", "This year"): the window stayed open
// past midnight, and the list and its count move with the day.
func (j *journalScreen) NewDay(time.Time) {
	if i := j.filters.dates.SelectedIndex(); i >= 1 && i <= 3 {
		j.filters.apply()
	}
}
