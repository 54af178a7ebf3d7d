package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
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

// prefWeekStart is the first day of the week the person chose (0 Sunday …
// 6 Saturday); unset means the locale's.
const prefWeekStart = "calendar.weekStart"

// systemLocale names the person's locale as Fyne reads it ("en-GB"); tests
// set their own.
var systemLocale = func() string { return lang.SystemLocale().String() }

// useDateStyle sets the style of every date the window writes and reads.
func (u *UI) useDateStyle() {
	s := dates.ForLocale(systemLocale())
	if wd := u.App.Preferences().IntWithFallback(prefWeekStart, -1); wd >= 0 && wd <= 6 {
		s.WeekStart = time.Weekday(wd)
	}
	dates.Use(s)
}

// setWeekStart is the preference changing: every calendar turns to it.
func (u *UI) setWeekStart(wd time.Weekday) {
	u.App.Preferences().SetInt(prefWeekStart, int(wd))
	u.useDateStyle()
	for _, sc := range u.screens {
		if w, ok := sc.(ui.WeekStarter); ok {
			w.WeekStartChanged()
		}
	}
}
