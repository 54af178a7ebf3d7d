package app

import (
	"log/slog"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/widgets"
)

// What runs beside the window (the daily backup, reminders, notifications)
// has nobody to tell when it fails: a person who started Both/And from the
// desktop never sees standard error. A failure is logged every time and
// said once in the window, under the pinned slip, where it can be read and
// dismissed; it never interrupts with a dialog.

// The kinds of background work that can fail.
const (
	noticeBackup        = "backup"
	noticeReminders     = "reminders"
	noticeNotifications = "notifications"
	noticeInbox         = "inbox"
	noticeKeyring       = "keyring"
	noticeSlipCopy      = "slip-copy"
)

var noticeText = map[string]string{
	noticeBackup:        "Today's automatic backup of your journal didn't work",
	noticeReminders:     "Your reminders couldn't be checked",
	noticeInbox:         "Some entries written while the journal was locked couldn't be added yet; they wait in the inbox beside it",
	noticeKeyring:       "This computer's keyring couldn't forget the passphrase",
	noticeSlipCopy:      "The tray's copy of your pinned slip couldn't be kept",
	noticeNotifications: "A reminder couldn't be shown as a desktop notification, so it is only here in the window",
}

// backgroundFailed logs err and, the first time for its kind in this run,
// says so in the window.
func (u *UI) backgroundFailed(kind string, err error) {
	slog.Error("background work failed", "work", kind, "err", err)
	if u.notices == nil {
		u.notices = map[string]bool{}
	}
	if u.notices[kind] || u.noticeBox == nil {
		return
	}
	u.notices[kind] = true
	var card fyne.CanvasObject
	// One line, so that a notice arriving never makes the window grow; the
	// whole of it is a click away.
	text := widget.NewLabel(noticeText[kind] + ": " + err.Error() + ". Nothing you wrote is affected; the details are in the log.")
	text.Truncation = fyne.TextTruncateEllipsis
	var more *widgets.Button
	more = widgets.NewIconButton("Show the whole message", theme.MenuDropDownIcon(), func() {
		if text.Wrapping == fyne.TextWrapWord {
			text.Wrapping, text.Truncation = fyne.TextWrapOff, fyne.TextTruncateEllipsis
			more.SetIcon(theme.MenuDropDownIcon())
		} else {
			text.Wrapping, text.Truncation = fyne.TextWrapWord, fyne.TextTruncateOff
			more.SetIcon(theme.MenuDropUpIcon())
		}
		text.Refresh()
	})
	more.Importance = widget.LowImportance
	logs := widgets.NewButton("Open the log folder", u.openLogFolder)
	logs.Importance = widget.LowImportance
	dismiss := widgets.NewIconButton("Dismiss", theme.CancelIcon(), func() {
		u.noticeBox.Remove(card)
	})
	dismiss.Importance = widget.LowImportance
	card = widget.NewCard("", "", container.NewBorder(nil, nil,
		widget.NewIcon(theme.WarningIcon()), container.NewHBox(more, logs, dismiss), text))
	u.noticeBox.Add(card)
}
