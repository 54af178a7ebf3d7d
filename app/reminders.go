package app

import (
	"log/slog"
	"runtime"
	"slices"
	"time"

	"fyne.io/fyne/v2"

	"github.com/bothand/bothand/app/desktop"
	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/vault"
)

// reminderInterval is how often due reminders are looked for. A minute
// late is fine for "good morning"; a wake from sleep is caught at the next
// tick.
const reminderInterval = 30 * time.Second

// startReminders checks now (a reminder that fell due while the computer
// was off arrives once, at start) and then every interval.
func (u *UI) startReminders() {
	if u.stopReminders != nil {
		u.stopReminders()
	}
	u.checkReminders()
	u.stopReminders = u.Every(reminderInterval, u.checkReminders)
}

// checkReminders claims what is due (data.ClaimDueReminders: each once,
// however many times the app starts, wakes or runs) and sends it. The tray
// process does this while it runs; the window only when there is none.
func (u *UI) checkReminders() {
	store := u.Store
	if store == nil {
		return
	}
	claim := store.ClaimDueReminders
	if u.lock.encrypted {
		path := u.dbPath
		claim = func() ([]data.Reminder, error) {
			send, err := store.ClaimDueReminders()
			return morningOnce(path, send), err
		}
	}
	ui.Background(u.Host, claim, func(send []data.Reminder) {
		for _, r := range send {
			u.notify(r.Title, r.Body)
			if r.Kind == data.ReminderLookBack {
				u.plan.ProtocolsChanged() // the question shows on the tab too
			}
		}
	}, func(err error) {
		// A busy or failing journal must not greet the person with an error
		// dialog every 30 seconds: it is logged, said once in the window,
		// and the next tick tries again.
		u.backgroundFailed(noticeReminders, err)
	})
}

// morningOnce leaves out of send the morning slip of an encrypted journal
// that its tray sent while the journal was locked: the tray and the
// window claim each day's in the file beside the journal
// (vault.ClaimMorning), and the first to claim it sends it. The journal's
// own record (data.ClaimReminder) still keeps the window from sending it
// twice; when the file can't be written, the window sends it anyway,
// since the tray could not have claimed it either.
func morningOnce(path string, send []data.Reminder) []data.Reminder {
	return slices.DeleteFunc(send, func(r data.Reminder) bool {
		if r.Kind != data.ReminderMorningSlip {
			return false
		}
		first, err := vault.ClaimMorning(path, r.Ref)
		if err != nil {
			slog.Warn("the morning slip's day could not be recorded beside the journal", "err", err)
			return false
		}
		return !first
	})
}

// sendNotification is the real notifier: the desktop's notification
// service. Without one the strip still shows the slip, and the window says
// once that notifications can't be shown.
func (u *UI) sendNotification(title, body string) {
	if err := u.desktopNotify(title, body); err != nil {
		u.backgroundFailed(noticeNotifications, err)
	}
}

// desktopNotify shows a notification. Where the desktop speaks D-Bus
// (Linux, the BSDs) the app asks the notification service itself: Fyne's
// own call only logs a failure, and this one returns it, so the window can
// say that reminders can't pop up. On Windows and macOS Fyne shows it
// (with the app's icon in an app bundle) and reports no failure.
func (u *UI) desktopNotify(title, body string) error {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		u.App.SendNotification(fyne.NewNotification(title, body))
		return nil
	}
	return desktop.Notify(title, body, ID)
}
