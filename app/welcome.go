package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/assets"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/widgets"
)

const prefWelcomeDone = "welcome.done"

// maybeWelcome shows the first-run welcome once: on a new, empty journal,
// until the person finishes or skips it.
func (u *UI) maybeWelcome() {
	if u.App.Preferences().Bool(prefWelcomeDone) {
		return
	}
	store := u.Store
	ui.Background(u.Host, store.IsEmpty, func(empty bool) {
		if empty {
			u.showWelcome()
		}
	})
}

// showWelcome asks for three things, all optional: one permission slip, the
// morning time, and whether to start at login.
func (u *UI) showWelcome() {
	slip := widgets.NewEntry()
	slip.SetPlaceHolder("One sentence you need to hear")
	slipError := widget.NewLabel("")
	slipError.Importance = widget.DangerImportance
	slipError.Wrapping = fyne.TextWrapWord
	slipError.Hide()
	var ideas []fyne.CanvasObject
	for _, idea := range assets.SlipSuggestions()[:3] {
		b := widgets.NewButton(idea, func() { slip.SetText(idea) })
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		ideas = append(ideas, b)
	}
	morning := widgets.NewSelect(morningTimes(), nil)
	morning.SetSelected(formatMinutes(data.DefaultReminderSettings().Morning))
	login := widgets.NewCheck("Open Both/And when I log in, quietly in the tray", nil)
	protect := widgets.NewCheck("Protect this journal with a passphrase", nil)

	intro := ui.WrapLabel("A few quick choices, all of which you can change later in Preferences.")
	content := container.NewVBox(
		intro,
		widget.NewLabelWithStyle("A permission slip for yourself", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		slip, slipError,
		ui.Caption("Or begin from one of these, and make it yours:"),
		container.NewVBox(ideas...),
		widget.NewLabelWithStyle("Remind me of it each morning at", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		morning,
		login,
		protect,
	)
	d := u.NewDialog(ui.DlgWelcome, "Welcome to Both/And", content)
	finish := func() {
		u.App.Preferences().SetBool(prefWelcomeDone, true)
		d.Hide()
	}
	// Esc is Skip: the welcome asks for nothing that can't wait.
	d.Button("Skip", nil, finish)
	d.OnEscape(finish)
	var start func()
	d.DefaultButton("Start", theme.ConfirmIcon(), func() { start() })
	start = func() {
		store := u.Store
		text, minutes := slip.Text, parseMinutes(morning.Selected)
		ui.BackgroundDo(u.Host, func() error {
			if text != "" {
				if _, err := store.AddSlip(text, true); err != nil {
					return err
				}
			}
			rs, err := store.ReminderSettings()
			if err != nil {
				return err
			}
			rs.Morning = minutes
			return store.SaveReminderSettings(rs)
		}, func() {
			u.setAutostart(login.Checked)
			finish()
			u.loadStrip()
			if protect.Checked {
				u.showEncrypt()
			}
		}, func(err error) {
			slipError.SetText(slipErrorMessage(err))
			slipError.Show()
		})
	}
	slip.OnSubmitted = func(string) { start() }
	d.Show(560, 0, slip)
}

// morningTimes are the choices for the morning reminder, every half hour.
func morningTimes() []string {
	var list []string
	for m := 5 * 60; m <= 12*60; m += 30 {
		list = append(list, formatMinutes(m))
	}
	return list
}

func formatMinutes(m int) string { return fmt.Sprintf("%02d:%02d", m/60, m%60) }

// parseMinutes reads "HH:MM"; anything else gives the default morning.
func parseMinutes(s string) int {
	var h, m int
	if _, err := fmt.Sscanf(s, "%d:%d", &h, &m); err != nil || h < 0 || h > 23 || m < 0 || m > 59 {
		return data.DefaultReminderSettings().Morning
	}
	return h*60 + m
}
