package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/widgets"
)

// weekStartNames are the choices of a first day of the week: the days
// weeks start on somewhere.
var weekStartNames = []time.Weekday{time.Monday, time.Sunday, time.Saturday}

// weekStartChoice is the preferences' row for the first day of the week,
// which every calendar of the window follows at once.
func (u *UI) weekStartChoice() fyne.CanvasObject {
	choice := widgets.NewSelect(weekStartOptions(), nil)
	for i, wd := range weekStartNames {
		if wd == dates.WeekStart() {
			choice.SetSelectedIndex(i)
		}
	}
	choice.OnChanged = func(string) {
		if i := choice.SelectedIndex(); i >= 0 {
			u.setWeekStart(weekStartNames[i])
		}
	}
	return container.NewBorder(nil, nil, widget.NewLabel("Weeks start on"), nil, choice)
}

// weekStartOptions name the choices, the region's own marked.
func weekStartOptions() []string {
	locale := dates.ForLocale(systemLocale()).WeekStart
	var options []string
	for _, wd := range weekStartNames {
		name := wd.String()
		if wd == locale {
			name += " (as your region does)"
		}
		options = append(options, name)
	}
	return options
}
