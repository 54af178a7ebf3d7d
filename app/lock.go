package app

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/keys"
	"github.com/bothand/bothand/data/prose"
	"github.com/bothand/bothand/data/vault"
	"github.com/bothand/bothand/widgets"
)

// An encrypted journal opens behind the unlock form, and goes back behind
// it on Lock now (Ctrl+L) or after the idle time chosen in Preferences.
// While locked the window shows the form alone: the tabs and the pinned
// slip are taken out of the window, every connection to the journal is
// closed and the store wipes its copy of the key (data.Store.Close). The
// passphrase is unwrapped off the main goroutine, through background, as
// Argon2id keeps both cores busy for about a second.

// lockState is the window's side of an encrypted journal.
type lockState struct {
	// encrypted says the journal has a passphrase; locked that the
	// window shows the unlock form.
	encrypted bool
	locked    bool
	form      *unlockForm
	// parked are the forms with unsaved typing open at the lock, shown
	// again at the unlock.
	parked []*ui.Dialog
	shell  fyne.CanvasObject // the window's content while unlocked
	// keyring is where "remember on this computer" lives; nil is the
	// system's. Tests put a fake here.
	keyring keys.Keyring
	idle    idleWatch
}

// vaultOptions are the options of every vault call of the window. A wrong
// passphrase is not slept on in the background: the form shows the wait
// and counts it down instead (unlockForm.wrong).
func (u *UI) vaultOptions() vault.Options {
	return vault.Options{Keyring: u.lock.keyring, Sleep: func(time.Duration) {}}
}

// openLocked shows the unlock form for the encrypted journal at path and,
// when this computer remembers its passphrase, tries the keyring first.
func (u *UI) openLocked(path string) {
	u.lock.encrypted = true
	// The tray never holds the key of an encrypted journal: the window
	// sends the reminders and makes the daily backup while unlocked.
	u.ownReminders = true
	u.showLockScreen()
	if !vault.IsRemembered(path) {
		return
	}
	f := u.lock.form
	f.busy(true, "Opening with the passphrase this computer remembers…")
	opts := u.vaultOptions()
	ui.Background(u.Host, func() (unlocked, error) {
		s, key, rep, err := vault.OpenWithKey(path, vault.Remembered(opts.Keyring), opts)
		return unlocked{store: s, key: key, report: rep}, err
	}, u.unlocked, func(err error) {
		slog.Info("the keyring did not unlock the journal", "err", err)
		f.busy(false, "")
		f.say("This computer remembers your passphrase, but its keyring is locked or unavailable just now. Type the passphrase this time.", false)
	})
}

// showLockScreen takes the journal out of the window and puts the unlock
// form in its place.
func (u *UI) showLockScreen() {
	if !u.lock.locked {
		u.lock.shell = u.Win.Content()
	}
	u.lock.locked = true
	u.lock.form.stopCountdown()
	u.lock.form = newUnlockForm(u)
	u.Win.SetContent(u.lock.form.view())
	u.Win.SetMainMenu(u.lockedMenu())
	u.Win.Canvas().Focus(u.lock.form.field)
	slog.Debug("window locked")
}

// lockedMenu is the menu bar while locked: nothing that reads the journal.
func (u *UI) lockedMenu() *fyne.MainMenu {
	quit := fyne.NewMenuItem("Quit", u.quit)
	quit.IsQuit = true
	quit.Shortcut = ctrl(fyne.KeyQ)
	return fyne.NewMainMenu(fyne.NewMenu("File", quit))
}

// unlocked is what an unlock hands back to the window.
type unlocked struct {
	store  *data.Store
	key    []byte // the data key, for the sync
	report vault.Report
}

// unlocked puts the journal back in the window, and says what arrived
// while it was locked.
func (u *UI) unlocked(r unlocked) {
	u.lock.locked = false
	u.lock.form.stopCountdown()
	u.lock.form = nil
	if u.lock.shell != nil {
		u.Win.SetContent(u.lock.shell)
	}
	u.Win.SetMainMenu(u.mainMenu())
	slog.Debug("window unlocked", "merged", r.report.Merged)
	u.setSyncKey(r.key)
	u.attach(r.store)
	for _, d := range u.lock.parked {
		d.Unpark()
	}
	u.lock.parked = nil
	u.lock.idle.touch()
	if n := r.report.Merged; n > 0 {
		u.tell(fmt.Sprintf("%d %s you wrote while the journal was locked %s now in it.", n, prose.Plural(n, "entry", "entries"), isAre(n)))
	}
	if r.report.Inbox != nil {
		u.backgroundFailed(noticeInbox, r.report.Inbox)
	}
}

// lockNow is Ctrl+L: what is being typed is kept as a draft, then the
// journal is closed and the unlock form shown.
func (u *UI) lockNow() {
	if !u.lock.encrypted || u.Closed || u.Store == nil {
		return
	}
	slog.Info("locking the journal")
	u.keepUnsaved(u.lockStore)
}

// lockStore closes what shows the journal and the journal itself.
func (u *UI) lockStore() {
	if u.Closed || u.Store == nil {
		return
	}
	// A form with something typed in it waits, out of sight, for the
	// unlock; the other dialogs close.
	for open := u.Dialogs(); len(open) > 0; open = u.Dialogs() {
		d := open[len(open)-1]
		if d.Changed() {
			d.Park()
			u.lock.parked = append([]*ui.Dialog{d}, u.lock.parked...)
			continue
		}
		d.Hide()
	}
	if u.prefsWin != nil {
		u.prefsWin.Close()
	}
	u.stopBeside()
	u.forgetSyncKey()
	u.Closed = true
	u.Store.Close() // every connection, and the store's copy of the key
	u.showLockScreen()
}

// tell says something worth knowing under the pinned slip, where it can be
// read and dismissed.
func (u *UI) tell(text string) {
	if u.noticeBox == nil {
		return
	}
	var card fyne.CanvasObject
	dismiss := widgets.NewIconButton("Dismiss", theme.CancelIcon(), func() { u.noticeBox.Remove(card) })
	dismiss.Importance = widget.LowImportance
	card = widget.NewCard("", "", container.NewBorder(nil, nil,
		widget.NewIcon(theme.InfoIcon()), dismiss, ui.WrapLabel(text)))
	u.noticeBox.Add(card)
	slog.Debug("notice", "text", text)
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// unlockForm is what a locked window shows.
type unlockForm struct {
	u        *UI
	field    *widgets.Entry
	prompt   *widget.Label
	msg      *widget.Label
	remember *widgets.Check
	unlock   *widgets.Button
	switcher *widgets.Button
	useCode  bool // the recovery code instead of the passphrase
	working  bool
	// until is when the next try may be made, after a wrong answer.
	until    time.Time
	stopWait func()
}

func newUnlockForm(u *UI) *unlockForm {
	f := &unlockForm{u: u}
	f.field = widgets.NewEntry()
	f.field.Password = true
	f.field.SetPlaceHolder("Passphrase")
	f.field.OnSubmitted = func(string) { f.submit() }
	f.prompt = ui.WrapLabel("Type your passphrase to open it.")
	f.msg = ui.WrapLabel("")
	f.msg.Hide()
	f.remember = widgets.NewCheck("Remember on this computer", nil)
	f.remember.SetChecked(vault.IsRemembered(u.dbPath))
	f.unlock = widgets.NewButtonWithIcon("Unlock", theme.ConfirmIcon(), f.submit)
	f.unlock.Importance = widget.HighImportance
	f.switcher = widgets.NewButton("Use the recovery code instead", f.toggleCode)
	f.switcher.Importance = widget.LowImportance
	return f
}

func (f *unlockForm) view() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("Your journal is locked", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	hint := ui.WrapLabel("Remember on this computer lets the system keyring open it next time, while you are logged in.")
	hint.SizeName = theme.SizeNameCaptionText
	box := container.NewVBox(
		title, f.prompt, f.field, f.msg, f.remember, hint,
		container.NewHBox(f.switcher, layout.NewSpacer(), f.unlock),
	)
	// A column of a readable width in the middle of the window.
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(420, box.MinSize().Height+60), box))
}

// toggleCode switches between the passphrase and the recovery code.
func (f *unlockForm) toggleCode() {
	f.useCode = !f.useCode
	f.field.SetText("")
	if f.useCode {
		f.field.Password = false
		f.field.SetPlaceHolder("Recovery code")
		f.prompt.SetText("Type the recovery code you wrote down when you set the passphrase. Capitals, spaces and dashes don't matter.")
		f.switcher.SetText("Use the passphrase instead")
	} else {
		f.field.Password = true
		f.field.SetPlaceHolder("Passphrase")
		f.prompt.SetText("Type your passphrase to open it.")
		f.switcher.SetText("Use the recovery code instead")
	}
	f.field.Refresh()
	f.msg.Hide()
	f.u.Win.Canvas().Focus(f.field)
}

// submit unlocks with what was typed, off the main goroutine.
func (f *unlockForm) submit() {
	if f.working || time.Now().Before(f.until) {
		return
	}
	typed := strings.TrimSpace(f.field.Text)
	if typed == "" {
		f.say("Type your "+f.what()+" first.", false)
		return
	}
	u, path := f.u, f.u.dbPath
	pass := []byte(f.field.Text)
	secret := vault.Passphrase(pass)
	if f.useCode {
		secret, pass = vault.RecoveryCode(typed), nil
	}
	remember := f.remember.Checked && !vault.IsRemembered(path)
	forget := !f.remember.Checked && vault.IsRemembered(path)
	f.busy(true, "Unlocking…")
	opts := u.vaultOptions()
	began := time.Now()
	ui.Background(u.Host, func() (unlocked, error) {
		s, key, rep, err := vault.OpenWithKey(path, secret, opts)
		return unlocked{store: s, key: key, report: rep}, err
	}, func(r unlocked) {
		slog.Info("unlocked", "took", time.Since(began).Round(time.Millisecond))
		u.unlocked(r)
		u.rememberChoice(path, remember, forget, pass, typed)
	}, func(err error) {
		clear(pass)
		f.failed(err)
	})
}

// rememberChoice turns "remember on this computer" on or off as the form
// said, after the journal shows. With no keyring to keep it in, it says so
// and the passphrase is asked next time, as before.
func (u *UI) rememberChoice(path string, remember, forget bool, pass []byte, code string) {
	opts := u.vaultOptions()
	switch {
	case remember:
		secret := vault.RecoveryCode(code)
		if pass != nil {
			secret = vault.Passphrase(pass)
		}
		ui.BackgroundDo(u.Host, func() error {
			defer clear(pass)
			return vault.Remember(path, secret, opts)
		}, func() {}, func(err error) {
			slog.Warn("remember on this computer", "err", err)
			u.tell("This computer has no keyring Both/And can use just now, so it will ask for your passphrase next time. Your journal is open.")
		})
	case forget:
		clear(pass)
		ui.BackgroundDo(u.Host, func() error { return vault.Forget(path, opts) }, func() {},
			func(err error) { u.backgroundFailed(noticeKeyring, err) })
	default:
		clear(pass)
	}
}

func (f *unlockForm) what() string {
	if f.useCode {
		return "recovery code"
	}
	return "passphrase"
}

// failed says why the journal did not open. A wrong answer waits a little
// longer each time in a row (vault.FailureDelay), counted down in the form.
func (f *unlockForm) failed(err error) {
	slog.Info("unlock refused", "err", err)
	f.busy(false, "")
	if !errors.Is(err, keys.ErrWrongPassphrase) && !errors.Is(err, keys.ErrWrongCode) {
		msg := err.Error() + "."
		if advice := data.Advice(err); advice != "" {
			msg += " " + advice
		}
		f.say(msg, true)
		return
	}
	wait := vault.FailureDelay(vault.Failures(f.u.dbPath))
	f.until = time.Now().Add(wait)
	wrong := "That passphrase doesn't open this journal."
	if f.useCode {
		wrong = "That recovery code doesn't open this journal."
	}
	wrong += " Nothing was changed. Take your time"
	f.unlock.Disable()
	tick := func() bool {
		left := time.Until(f.until).Round(time.Second)
		if left <= 0 {
			f.say(wrong+", and try again.", false)
			f.unlock.Enable()
			f.field.TypedShortcut(&fyne.ShortcutSelectAll{})
			return false
		}
		f.say(fmt.Sprintf("%s: you can try again in %d s.", wrong, int(left/time.Second)), false)
		return true
	}
	f.stopCountdown()
	if tick() {
		f.stopWait = f.u.Every(time.Second, func() {
			if !tick() && f.stopWait != nil {
				f.stopWait()
				f.stopWait = nil
			}
		})
	}
	f.u.Win.Canvas().Focus(f.field)
}

// stopCountdown stops the wait's ticker, when the form goes or a new wait
// begins; a nil form has none.
func (f *unlockForm) stopCountdown() {
	if f != nil && f.stopWait != nil {
		f.stopWait()
		f.stopWait = nil
	}
}

// busy shows that an unlock is under way (Argon2id takes about a second),
// and stops a second one from starting meanwhile.
func (f *unlockForm) busy(on bool, msg string) {
	f.working = on
	if on {
		f.field.Disable()
		f.unlock.Disable()
		f.switcher.Disable()
		f.say(msg, false)
		return
	}
	f.field.Enable()
	f.unlock.Enable()
	f.switcher.Enable()
	f.msg.Hide()
}

func (f *unlockForm) say(msg string, problem bool) {
	f.msg.SetText(msg)
	f.msg.Importance = widget.MediumImportance
	if problem {
		f.msg.Importance = widget.DangerImportance
	}
	f.msg.Show()
	f.msg.Refresh()
}
