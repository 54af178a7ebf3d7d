package app

import (
	"log/slog"
	"os"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/autostart"
	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/widgets"
)

// autostartEntry starts this binary minimised to the tray at login.
func autostartEntry() autostart.Entry {
	exe, err := os.Executable()
	if err != nil {
		exe = "bothand"
	}
	return autostart.Entry{ID: ID, Name: "Both/And", Exec: exe, Args: []string{"--minimized"}}
}

func (u *UI) setAutostart(on bool) {
	e := autostartEntry()
	var err error
	if on {
		err = e.Enable()
	} else {
		err = e.Disable()
	}
	if err != nil {
		u.ShowError(err)
	}
}

// leadChoices are the "also remind me" options for tier-1 commitments.
var leadChoices = []struct {
	label   string
	minutes int
}{
	{"Not on the day", 0},
	{"15 minutes before", 15},
	{"30 minutes before", 30},
	{"1 hour before", 60},
	{"2 hours before", 120},
	{"3 hours before", 180},
}

// showPreferences opens the preferences window. Every change applies at
// once, so there is nothing to forget to save.
func (u *UI) showPreferences() {
	if u.prefsWin != nil {
		u.prefsWin.Show()
		u.prefsWin.RequestFocus()
		return
	}
	store := u.Store
	ui.Background(u.Host, store.ReminderSettings, func(rs data.ReminderSettings) {
		w := u.App.NewWindow("Both/And preferences")
		w.SetContent(container.NewVScroll(container.NewPadded(u.preferencesContent(rs))))
		// Fits a 1366×720 screen at 125% text; the rest scrolls.
		w.Resize(fyne.NewSize(560, 540))
		// Esc closes it, as it closes a dialog; F1 is the shortcuts, in
		// the main window.
		widgets.SetWindowKeys(w, windowKeys(func(ev *fyne.KeyEvent, _ fyne.Focusable) bool {
			switch ev.Name {
			case fyne.KeyEscape:
				w.Close()
				return true
			case fyne.KeyF1:
				u.showWindow()
				u.showShortcuts()
				return true
			}
			return false
		}))
		w.SetOnClosed(func() {
			widgets.SetWindowKeys(w, nil)
			u.prefsWin = nil
			slog.Debug("window closed", "name", "preferences")
		})
		u.prefsWin = w
		w.Show()
		slog.Debug("window shown", "name", "preferences")
	})
}

func (u *UI) preferencesContent(rs data.ReminderSettings) fyne.CanvasObject {
	save := func() {
		store := u.Store
		saved := rs
		ui.BackgroundDo(u.Host, func() error { return store.SaveReminderSettings(saved) }, func() {
			if u.lock.encrypted {
				u.loadStrip() // the tray's copy of the morning time follows
			}
		})
	}

	morningOn := widgets.NewCheck("Send my pinned slip as a notification each morning", nil)
	morningOn.SetChecked(rs.MorningSlip)
	times := morningTimes()
	if now := formatMinutes(rs.Morning); !slices.Contains(times, now) {
		times = append([]string{now}, times...)
	}
	morning := widgets.NewSelect(times, nil)
	morning.SetSelected(formatMinutes(rs.Morning))
	var dayChecks []fyne.CanvasObject
	for i := range 7 {
		wd := dates.Weekdays()[i] // as the calendars show the week
		c := widgets.NewCheck(wd.String()[:3], func(on bool) { rs.Days[wd] = on; save() })
		c.SetChecked(rs.Days[wd])
		dayChecks = append(dayChecks, c)
	}
	morningOn.OnChanged = func(on bool) { rs.MorningSlip = on; save() }
	morning.OnChanged = func(s string) { rs.Morning = parseMinutes(s); save() }

	dayBefore := widgets.NewCheck("Remind me of non-negotiable commitments the day before", func(on bool) { rs.Tier1DayBefore = on; save() })
	dayBefore.SetChecked(rs.Tier1DayBefore)
	var labels []string
	current := leadChoices[0].label
	for _, c := range leadChoices {
		labels = append(labels, c.label)
		if c.minutes == rs.Tier1LeadMinutes {
			current = c.label
		}
	}
	lead := widgets.NewSelect(labels, nil)
	lead.SetSelected(current)
	lead.OnChanged = func(s string) {
		for _, c := range leadChoices {
			if c.label == s {
				rs.Tier1LeadMinutes = c.minutes
			}
		}
		save()
	}

	prefs := u.App.Preferences()
	toTray := widgets.NewCheck("Closing the window keeps Both/And running in the tray", nil)
	toTray.SetChecked(prefs.BoolWithFallback(prefCloseToTray, true))
	if !u.support.Tray {
		// Without a tray, closing quits, whatever was chosen: the box
		// says so rather than stay ticked above the warning (the choice
		// itself is kept for a desktop with a tray).
		toTray.SetChecked(false)
		toTray.Disable()
	}
	toTray.OnChanged = func(on bool) { prefs.SetBool(prefCloseToTray, on) }
	login := widgets.NewCheck("Open Both/And when I log in, quietly in the tray", u.setAutostart)
	login.SetChecked(autostartEntry().Enabled())

	sections := append(u.appearanceSection(),
		widget.NewSeparator(),
		heading("Morning permission slip"),
		morningOn,
		container.NewBorder(nil, nil, widget.NewLabel("At"), nil, morning),
		container.NewGridWithColumns(7, dayChecks...),
		widget.NewSeparator(),
		heading("Non-negotiable commitments"),
		dayBefore,
		container.NewBorder(nil, nil, widget.NewLabel("On the day"), nil, lead),
		widget.NewSeparator(),
		heading("Calendar"),
		u.weekStartChoice(),
		widget.NewSeparator(),
		heading("Window"),
		toTray,
		login,
	)
	if !u.support.Tray {
		sections = append(sections, note("No system tray was found on this desktop, so closing the window quits Both/And."))
	}
	if !u.support.Notifications {
		sections = append(sections, note("No notification service was found, so reminders can't pop up. Your pinned slip is still at the top of the window."))
	}
	sections = append(sections, widget.NewSeparator(), heading("Privacy"), u.privacyPanel())
	sections = append(sections, widget.NewSeparator(), heading("Sync"), u.syncPanel())
	// The window scrolls as a whole: the backups list doesn't scroll
	// inside it.
	sections = append(sections, widget.NewSeparator(), heading("Backups"), u.backupsPanel(false))
	return container.NewVBox(sections...)
}

func heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func note(text string) *widget.Label {
	l := ui.WrapLabel(text)
	l.Importance = widget.WarningImportance
	return l
}

// inMain makes f a button's action that closes Preferences and runs f in
// the main window, where the journal and its dialogs are.
func (u *UI) inMain(f func()) func() {
	return func() {
		if u.prefsWin != nil {
			u.prefsWin.Close()
		}
		u.showWindow()
		f()
	}
}
