package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/trustelem/zxcvbn"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/keys"
	"github.com/bothand/bothand/data/prose"
	"github.com/bothand/bothand/data/replica"
	"github.com/bothand/bothand/data/vault"
	"github.com/bothand/bothand/widgets"
)

// Turning encryption on and off, changing the passphrase and making a new
// recovery code, from Preferences (privacy_prefs.go) and the welcome. The
// conversions need the journal closed: what is being typed is kept as a
// draft first, the journal closes behind a progress dialog, and it opens
// again, converted or as it was, when the job ends.

// minPassphrase is the shortest passphrase the window accepts.
const minPassphrase = 8

// passwordField is a masked field with a placeholder.
func passwordField(placeholder string) *widgets.Entry {
	e := widgets.NewEntry()
	e.Password = true
	e.SetPlaceHolder(placeholder)
	return e
}

// strength says how hard a new passphrase is to guess, by zxcvbn's
// estimate (dictionary words, names, keyboard runs and dates count for
// little), and whether the window takes it.
func strength(p string) (hint string, ok bool) {
	if p == "" {
		return "A few ordinary words in an order only you would choose make a strong passphrase that is easy to remember.", false
	}
	if len([]rune(p)) < minPassphrase {
		return fmt.Sprintf("Too short: use at least %d characters.", minPassphrase), false
	}
	switch zxcvbn.PasswordStrength(p, []string{"bothand", "both/and", "journal", "guilt", "parent"}).Score {
	case 0, 1:
		return "Easy to guess: add a word or two that nobody would expect.", true
	case 2:
		return "Fair: one more unexpected word would make it strong.", true
	case 3:
		return "Good.", true
	default:
		return "Strong.", true
	}
}

// newPassphraseFields are the two fields of a new passphrase and the hint
// under them.
type newPassphraseFields struct {
	first, again *widgets.Entry
	hint, msg    *widget.Label
}

func newPassphraseForm() *newPassphraseFields {
	f := &newPassphraseFields{
		first: passwordField("New passphrase"),
		again: passwordField("The same passphrase again"),
		hint:  ui.Caption(""),
		msg:   ui.WrapLabel(""),
	}
	f.msg.Importance = widget.DangerImportance
	f.msg.Hide()
	f.hint.SetText(first(strength("")))
	f.first.OnChanged = func(s string) { f.hint.SetText(first(strength(s))) }
	return f
}

func first(s string, _ bool) string { return s }

func (f *newPassphraseFields) objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{f.first, f.again, f.hint, f.msg}
}

// check returns the new passphrase, or says what is wrong with it.
func (f *newPassphraseFields) check() ([]byte, bool) {
	hint, ok := strength(f.first.Text)
	switch {
	case !ok:
		f.say(hint)
	case f.again.Text != f.first.Text:
		f.say("The two passphrases are not the same. Type it again in the second field.")
		ok = false
	}
	if !ok {
		return nil, false
	}
	f.msg.Hide()
	return []byte(f.first.Text), true
}

func (f *newPassphraseFields) say(msg string) {
	f.msg.SetText(msg)
	f.msg.Show()
}

// showEncrypt asks for a new passphrase twice and encrypts the journal.
func (u *UI) showEncrypt() {
	if u.Store == nil || u.lock.encrypted {
		return
	}
	f := newPassphraseForm()
	intro := ui.WrapLabel("Your journal will be encrypted on this computer. Without the passphrase, or the recovery code you are given next, nobody can read it: not someone with your laptop, a backup drive or a synced folder, and not you either.")
	d := u.NewDialog(ui.DlgEncrypt, "Protect your journal with a passphrase", container.NewVBox(append([]fyne.CanvasObject{intro}, f.objects()...)...))
	d.CancelButton("Cancel", nil)
	d.DefaultButton("Encrypt", theme.ConfirmIcon(), func() {
		pass, ok := f.check()
		if !ok {
			return
		}
		d.Hide()
		u.encryptWith(pass)
	})
	d.Show(520, 0, f.first)
}

// encryptWith closes the journal, encrypts it with a progress dialog, opens
// it again with pass and shows the recovery code.
func (u *UI) encryptWith(pass []byte) {
	path, opts := u.dbPath, u.vaultOptions()
	u.detach(func() {
		progress := u.showProgress("Encrypting", "Writing an encrypted copy of your journal, checking it and putting it in the journal's place…", true)
		opts.Data.Progress = progress.report
		type done struct {
			store *data.Store
			key   []byte
			code  string
		}
		ui.Background(u.Host, func() (done, error) {
			code, err := vault.Encrypt(progress.ctx, path, pass, opts)
			if err != nil {
				return done{}, err
			}
			s, key, _, err := vault.OpenWithKey(path, vault.Passphrase(pass), opts)
			return done{s, key, code}, err
		}, func(r done) {
			clear(pass)
			progress.hide()
			u.setSyncKey(r.key)
			u.reattach(r.store, true)
			u.showRecoveryCode(r.code, u.showPlainCopies)
		}, func(err error) {
			u.reopenAfter(err, progress, pass)
		})
	})
}

// reopenAfter opens the journal again, as it is, after a conversion that
// failed or was stopped, and says what happened. It wipes pass.
func (u *UI) reopenAfter(err error, progress *progressDialog, pass []byte) {
	path, opts := u.dbPath, u.vaultOptions()
	stopped := progress.stopped(err, "Stopped", "Your journal is as it was.")
	ui.Background(u.Host, func() (*data.Store, error) {
		defer clear(pass)
		s, _, err := vault.Open(path, vault.Passphrase(pass), opts)
		return s, err
	}, func(s *data.Store) {
		state, _ := vault.StateOf(path)
		u.reattach(s, state == vault.Encrypted)
		if !stopped {
			u.ShowError(err)
		}
	}, u.showOpenError)
}

// detach keeps what is being typed, then closes the journal and what runs
// beside it, for a job that needs it closed.
func (u *UI) detach(then func()) {
	u.keepUnsaved(func() {
		if u.Store == nil || u.Closed {
			return
		}
		u.stopBeside()
		u.Closed = true
		u.Store.Close()
		then()
	})
}

// stopBeside stops the reminders, the daily backup and the sync's rounds.
func (u *UI) stopBeside() {
	u.stopSync()
	u.stopWatchingDay()
	if u.stopReminders != nil {
		u.stopReminders()
		u.stopReminders = nil
	}
	if u.transfer.dailyTimer != nil {
		u.transfer.dailyTimer.Stop()
		u.transfer.dailyTimer = nil
	}
}

// reattach shows the journal again after a conversion; the File menu
// gains or loses Lock now.
func (u *UI) reattach(s *data.Store, encrypted bool) {
	u.lock.encrypted = encrypted
	// The tray sends a plain journal's reminders and makes its backup; it
	// never holds an encrypted journal's key, so the window does then.
	u.ownReminders = encrypted || u.tray == nil
	u.Win.SetMainMenu(u.mainMenu())
	u.attach(s)
}

// showRecoveryCode shows a new recovery code, once; Continue waits for
// "I have written it down".
func (u *UI) showRecoveryCode(code string, then func()) {
	shown := widget.NewLabelWithStyle(code, fyne.TextAlignCenter, fyne.TextStyle{Monospace: true, Bold: true})
	shown.Selectable = true
	shown.Wrapping = fyne.TextWrapBreak
	written := widgets.NewCheck("I have written it down", nil)
	content := container.NewVBox(
		ui.WrapLabel("This is your recovery code. If you ever forget your passphrase, it opens your journal. Write it down or print it, and keep it apart from this computer."),
		shown,
		ui.WrapLabel("It is shown only this once. Without the passphrase or this code, nobody can read your journal, and neither can you."),
		written,
	)
	d := u.NewDialog(ui.DlgRecoveryCode, "Your recovery code", content)
	d.OnEscape(func() {}) // it is not shown again: only Continue closes it
	cont := d.DefaultButton("Continue", nil, func() {
		d.Hide()
		if then != nil {
			then()
		}
	})
	cont.Disable()
	written.OnChanged = func(on bool) {
		if on {
			cont.Enable()
		} else {
			cont.Disable()
		}
	}
	d.Show(520, 0, written)
}

// showPlainCopies says honestly what encryption could not reach, and
// offers to delete the backups made before it.
func (u *UI) showPlainCopies() {
	path := u.dbPath
	ui.Background(u.Host, func() ([]data.BackupFile, error) { return vault.PlainBackups(path) }, func(plain []data.BackupFile) {
		text := "Your journal is encrypted now. The old plain file was replaced, but its bytes may stay on the disk for a while (SSDs move data rather than overwrite it), and in any copy made before today: another backup drive, a synced folder."
		content := container.NewVBox(ui.WrapLabel(text))
		if len(plain) == 0 {
			u.InformWith(ui.DlgPlainCopies, "What encryption can't reach", content)
			return
		}
		content.Add(ui.WrapLabel(fmt.Sprintf("The backups folder beside it holds %d %s made before, which anyone with the file can read.", len(plain), prose.Plural(len(plain), "backup", "backups"))))
		u.Ask(ui.DlgPlainCopies, "What encryption can't reach", content, "Delete the plain backups", "Keep them", func() {
			ui.Background(u.Host, func() (int, error) { return vault.DeletePlainBackups(path) }, func(n int) {
				u.tell(fmt.Sprintf("%d plain %s deleted. The encrypted backups stay.", n, prose.Plural(n, "backup was", "backups were")))
			})
		})
	})
}

// confirmPassphrase asks for the current passphrase, checks it off the
// main goroutine and hands it to do (which wipes it when done).
func (u *UI) confirmPassphrase(title, why, yes string, do func(pass []byte)) {
	field := passwordField("Your passphrase")
	msg := ui.WrapLabel("")
	msg.Importance = widget.DangerImportance
	msg.Hide()
	d := u.NewDialog(ui.DlgConfirmPassphrase, title, container.NewVBox(ui.WrapLabel(why), field, msg))
	d.CancelButton("Cancel", nil)
	var ok *widgets.Button
	ok = d.DefaultButton(yes, nil, func() {
		if strings.TrimSpace(field.Text) == "" {
			msg.SetText("Type your passphrase first.")
			msg.Show()
			return
		}
		pass := []byte(field.Text)
		path, opts := u.dbPath, u.vaultOptions()
		ok.Disable()
		ui.BackgroundDo(u.Host, func() error {
			sec, err := vault.Unlock(path, vault.Passphrase(pass), opts)
			if err == nil {
				sec.Wipe()
			}
			return err
		}, func() {
			d.Hide()
			do(pass)
		}, func(err error) {
			clear(pass)
			ok.Enable()
			if errors.Is(err, keys.ErrWrongPassphrase) {
				msg.SetText("That passphrase doesn't open this journal. Nothing was changed.")
			} else {
				msg.SetText(err.Error() + ".")
			}
			msg.Show()
			field.TypedShortcut(&fyne.ShortcutSelectAll{})
		})
	})
	d.Show(480, 0, field)
}

// showDecrypt turns encryption off, after the passphrase.
func (u *UI) showDecrypt() {
	if u.Store == nil || !u.lock.encrypted {
		return
	}
	u.confirmPassphrase("Turn encryption off",
		"Your journal will be a plain file again, readable by anyone with this computer or a copy of it. Its encrypted backups are made plain too, and the recovery code stops working.",
		"Turn it off", u.decryptWith)
}

func (u *UI) decryptWith(pass []byte) {
	path, opts := u.dbPath, u.vaultOptions()
	u.detach(func() {
		progress := u.showProgress("Turning encryption off", "Writing a plain copy of your journal, checking it and putting it in the journal's place…", true)
		opts.Data.Progress = progress.report
		ui.Background(u.Host, func() (*data.Store, error) {
			_, err := vault.Decrypt(progress.ctx, path, vault.Passphrase(pass), opts)
			if err != nil {
				return nil, err
			}
			s, err := data.Open(path, opts.Data)
			if err != nil {
				return nil, err
			}
			// The folder is sealed with the key the journal no longer has.
			if on, _ := replica.IsSetUp(context.Background(), s); on {
				if err := replica.Stop(context.Background(), s); err != nil {
					slog.Error("the sync could not be stopped after decrypting", "err", err)
				}
			}
			return s, nil
		}, func(s *data.Store) {
			clear(pass)
			progress.hide()
			u.forgetSyncKey()
			u.showSyncLine("")
			u.reattach(s, false)
			u.tell("Your journal is a plain file again. You can protect it with a passphrase again in Preferences.")
		}, func(err error) {
			u.reopenAfter(err, progress, pass)
		})
	})
}

// showChangePassphrase changes the passphrase: only the keys file changes.
func (u *UI) showChangePassphrase() {
	current := passwordField("Your passphrase now")
	f := newPassphraseForm()
	d := u.NewDialog(ui.DlgChangePassphrase, "Change the passphrase", container.NewVBox(
		append([]fyne.CanvasObject{
			ui.WrapLabel("The recovery code and this computer's keyring keep working."), current,
		}, f.objects()...)...))
	d.CancelButton("Cancel", nil)
	var ok *widgets.Button
	ok = d.DefaultButton("Change", nil, func() {
		next, good := f.check()
		if !good {
			return
		}
		now := []byte(current.Text)
		path, opts := u.dbPath, u.vaultOptions()
		ok.Disable()
		ui.BackgroundDo(u.Host, func() error {
			defer clear(now)
			defer clear(next)
			return vault.ChangePassphrase(path, vault.Passphrase(now), next, opts)
		}, func() {
			d.Hide()
			u.tell("Your passphrase is changed. Use the new one from now on.")
		}, func(err error) {
			ok.Enable()
			if errors.Is(err, keys.ErrWrongPassphrase) {
				f.say("Your passphrase now (the first field) doesn't open this journal. Nothing was changed.")
				return
			}
			f.say(err.Error() + ".")
		})
	})
	d.Show(520, 0, current)
}

// showNewRecoveryCode replaces the recovery code, after the passphrase.
func (u *UI) showNewRecoveryCode() {
	u.confirmPassphrase("A new recovery code",
		"The code you wrote down before stops working, and a new one is shown once.",
		"Make a new code", func(pass []byte) {
			path, opts := u.dbPath, u.vaultOptions()
			ui.Background(u.Host, func() (string, error) {
				defer clear(pass)
				return vault.NewRecoveryCode(path, vault.Passphrase(pass), opts)
			}, func(code string) { u.showRecoveryCode(code, nil) })
		})
}
