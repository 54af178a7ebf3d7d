package app

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data/vault"
	"github.com/bothand/bothand/widgets"
)

// privacyPanel is the Privacy part of Preferences. Its buttons open their
// dialogs in the main window, where the journal is.
func (u *UI) privacyPanel() fyne.CanvasObject {
	if !u.lock.encrypted {
		on := widgets.NewButton("Protect with a passphrase…", u.inMain(u.showEncrypt))
		return container.NewVBox(
			ui.WrapLabel("Your journal is a plain file: anyone with this computer, a backup drive or a synced folder can read it. A passphrase encrypts it on this computer."),
			container.NewHBox(on),
		)
	}
	path := u.dbPath
	remember := widgets.NewCheck("Remember the passphrase on this computer", nil)
	remember.SetChecked(vault.IsRemembered(path))
	remember.OnChanged = func(on bool) {
		if on == vault.IsRemembered(path) {
			return
		}
		remember.SetChecked(!on) // shows the truth until it is done
		u.inMain(func() { u.setRemembered(on) })()
	}
	var labels []string
	current := u.App.Preferences().IntWithFallback(prefIdleLock, defaultIdleLock)
	chosen := idleLabel(defaultIdleLock)
	for _, m := range idleChoices {
		labels = append(labels, idleLabel(m))
		if m == current {
			chosen = idleLabel(m)
		}
	}
	idle := widgets.NewSelect(labels, nil)
	idle.SetSelected(chosen)
	idle.OnChanged = func(s string) {
		for _, m := range idleChoices {
			if idleLabel(m) == s {
				u.App.Preferences().SetInt(prefIdleLock, m)
			}
		}
	}
	slip := widgets.NewCheck("Let the tray show and send my pinned slip while the journal is locked", nil)
	slip.SetChecked(u.App.Preferences().BoolWithFallback(prefSlipWhileLocked, true))
	// Set after SetChecked, which calls it: building the panel changes
	// nothing.
	slip.OnChanged = func(on bool) {
		u.App.Preferences().SetBool(prefSlipWhileLocked, on)
		u.loadStrip() // writes or removes the tray's copy
	}
	change := widgets.NewButton("Change the passphrase…", u.inMain(u.showChangePassphrase))
	code := widgets.NewButton("New recovery code…", u.inMain(u.showNewRecoveryCode))
	off := widgets.NewButton("Turn encryption off…", u.inMain(u.showDecrypt))
	return container.NewVBox(
		ui.WrapLabel("Your journal is encrypted: it opens with your passphrase or your recovery code. Lock it any time with Ctrl+L."),
		container.NewBorder(nil, nil, widget.NewLabel("Lock it when I'm away"), nil, idle),
		remember,
		slip,
		ui.Caption("The tray can't read the encrypted journal. With this on, the pinned slip, that one sentence, and the time of the morning notification are kept in small plain files beside the journal for the tray to use."),
		container.NewHBox(change, code, off),
	)
}

// prefSlipWhileLocked: the tray may show the pinned slip while locked.
const prefSlipWhileLocked = "privacy.slip-while-locked"

// slipForTray keeps the tray's copies for an encrypted journal as the
// person allowed: the pinned slip (vault.ShowSlipWhileLocked) for its menu,
// and the morning it is sent on (vault.ShowMorningWhileLocked) for the
// morning notification while locked. Not allowed, both go. Either way it
// tells the tray, once the copies are written.
func (u *UI) slipForTray(text string) {
	if !u.lock.encrypted || u.Store == nil {
		u.slipChanged() // the tray reads a plain journal's slip itself
		return
	}
	path, store := u.dbPath, u.Store
	allowed := u.App.Preferences().BoolWithFallback(prefSlipWhileLocked, true)
	ui.BackgroundDo(u.Host, func() error {
		if !allowed {
			return errors.Join(vault.HideSlipWhileLocked(path), vault.HideMorningWhileLocked(path))
		}
		rs, err := store.ReminderSettings()
		if err != nil {
			return err
		}
		if err := vault.ShowMorningWhileLocked(path, vault.Morning{On: rs.MorningSlip, Minutes: rs.Morning, Days: rs.Days}); err != nil {
			return err
		}
		return vault.ShowSlipWhileLocked(path, text)
	}, u.slipChanged, func(err error) { u.backgroundFailed(noticeSlipCopy, err) })
}

// setRemembered turns "remember on this computer" on (after the
// passphrase) or off.
func (u *UI) setRemembered(on bool) {
	path, opts := u.dbPath, u.vaultOptions()
	if !on {
		ui.BackgroundDo(u.Host, func() error { return vault.Forget(path, opts) }, func() {
			u.tell("This computer no longer remembers your passphrase.")
		})
		return
	}
	u.confirmPassphrase("Remember on this computer",
		"The system keyring will open your journal while you are logged in, without the passphrase. Anyone using your account could then open it too.",
		"Remember", func(pass []byte) {
			ui.BackgroundDo(u.Host, func() error {
				defer clear(pass)
				return vault.Remember(path, vault.Passphrase(pass), opts)
			}, func() {
				u.tell("This computer remembers your passphrase now.")
			}, func(err error) {
				u.tell("This computer has no keyring Both/And can use just now, so your passphrase is asked each time, as before.")
			})
		})
}
