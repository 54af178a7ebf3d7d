package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/keys"
	"github.com/bothand/bothand/data/vault"
	"github.com/bothand/bothand/widgets"
)

func fastKeys(t *testing.T) {
	t.Helper()
	cost := keys.Cost
	keys.Cost = keys.Argon2{Name: "argon2id", Time: 1, MemoryKiB: 256, Threads: 1}
	t.Cleanup(func() { keys.Cost = cost })
}

// topKind is the kind of the dialog in front, "" for none.
func topKind(u *UI) ui.DialogKind {
	if d := u.TopDialog(); d != nil {
		return d.Kind
	}
	return ""
}

// dialogEntry is the field with placeholder in the top dialog.
func dialogEntry(t *testing.T, u *UI, placeholder string) *widgets.Entry {
	t.Helper()
	return uitest.FindEntry(t, u.TopDialog().Body, placeholder)
}

func TestStrengthHint(t *testing.T) {
	for _, c := range []struct {
		pass, hint string
		ok         bool
	}{
		{"", "A few ordinary words", false},
		{"kettle", "Too short", false},
		{"password1", "Easy to guess", true},
		{"blue kettle at dawn", "Strong", true},
	} {
		hint, ok := strength(c.pass)
		if !strings.HasPrefix(hint, c.hint) || ok != c.ok {
			t.Errorf("strength(%q) = %q, %v; want %q…, %v", c.pass, hint, ok, c.hint, c.ok)
		}
	}
}

func TestTurnEncryptionOnFromTheWindow(t *testing.T) {
	fastKeys(t)
	u, s, j := newJournalUI(t)
	u.dbPath = s.Path()
	if _, err := s.SaveEntry(data.Entry{Trigger: "Missed the recital"}, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Backup(context.Background()); err != nil {
		t.Fatal(err)
	}
	uitest.Press(t, u.Host, shortcutNew)
	uitest.TypeText(u.Host, "Still typing this")
	_ = j

	u.showEncrypt()
	if topKind(u) != ui.DlgEncrypt {
		t.Fatal("no passphrase dialog")
	}
	newPass := dialogEntry(t, u, "New passphrase")
	again := dialogEntry(t, u, "The same passphrase again")
	if !newPass.Password || !again.Password {
		t.Error("the new passphrase shows as typed")
	}
	test.Type(newPass, "kettle")
	uitest.PressKey(u.Host, fyne.KeyReturn)
	uitest.MustContain(t, uitest.TopText(u.Host), "Too short")
	newPass.SetText(testPassphrase)
	test.Type(again, "blue kettle at dusk")
	uitest.PressKey(u.Host, fyne.KeyReturn)
	uitest.MustContain(t, uitest.TopText(u.Host), "not the same")
	if st, _ := vault.StateOf(u.dbPath); st != vault.Plain {
		t.Fatal("encrypted before the passphrase was right")
	}
	again.SetText(testPassphrase)
	u.Win.Canvas().Focus(again)
	uitest.PressKey(u.Host, fyne.KeyReturn)

	if topKind(u) != ui.DlgRecoveryCode {
		t.Fatalf("no recovery code shown:\n%s", uitest.ShownText(u.Host))
	}
	var code string
	for _, line := range strings.Split(uitest.TopText(u.Host), "\n") {
		if strings.Count(line, "-") >= 3 && !strings.Contains(line, " ") {
			code = line
		}
	}
	if code == "" {
		t.Fatalf("no code in:\n%s", uitest.TopText(u.Host))
	}
	uitest.PressKey(u.Host, fyne.KeyEscape)
	uitest.PressKey(u.Host, fyne.KeyReturn)
	if topKind(u) != ui.DlgRecoveryCode {
		t.Fatal("the code closed before \"I have written it down\"")
	}
	findCheck(t, u.TopDialog().Body, "I have written it down").SetChecked(true)
	uitest.PressKey(u.Host, fyne.KeyReturn)

	if topKind(u) != ui.DlgPlainCopies {
		t.Fatalf("no word about the plain copies:\n%s", uitest.ShownText(u.Host))
	}
	uitest.MustContain(t, uitest.TopText(u.Host), "SSDs", "1 backup made before")
	uitest.PressKey(u.Host, fyne.KeyReturn) // Delete the plain backups
	if plain, _ := vault.PlainBackups(u.dbPath); len(plain) != 0 {
		t.Errorf("%d plain backups left", len(plain))
	}
	uitest.MustContain(t, uitest.ShownText(u.Host), "1 plain backup was deleted")

	if st, _ := vault.StateOf(u.dbPath); st != vault.Encrypted || !u.lock.encrypted {
		t.Fatal("the journal is not encrypted")
	}
	drafts, err := u.Store.Drafts()
	if err != nil || len(drafts) != 1 || drafts[0].Trigger != "Still typing this" {
		t.Errorf("the draft being typed: %+v, %v", drafts, err)
	}
	uitest.MustContain(t, uitest.ShownText(u.Host), "Missed the recital")
	sec, err := vault.Unlock(u.dbPath, vault.RecoveryCode(code), vault.Options{})
	if err != nil {
		t.Fatalf("the code shown does not open the journal: %v", err)
	}
	sec.Wipe()
	uitest.Press(t, u.Host, shortcutLock)
	if !u.lock.locked {
		t.Error("Ctrl+L does not lock the newly encrypted journal")
	}
}

func TestPassphraseChangeNewCodeAndEncryptionOff(t *testing.T) {
	path := encryptedJournal(t)
	u := newLockedUI(t, path, &memKeyring{m: map[string]string{}})
	typeUnlock(t, u, testPassphrase)

	if _, err := u.Store.AddSlip("I can rest too.", true); err != nil {
		t.Fatal(err)
	}
	u.loadStrip()
	if s, _ := vault.SlipWhileLocked(path); s == "" {
		t.Fatal("no copy of the slip for the tray")
	}

	u.showChangePassphrase()
	test.Type(dialogEntry(t, u, "Your passphrase now"), "not it")
	test.Type(dialogEntry(t, u, "New passphrase"), "green teapot at noon")
	test.Type(dialogEntry(t, u, "The same passphrase again"), "green teapot at noon")
	uitest.PressKey(u.Host, fyne.KeyReturn)
	uitest.MustContain(t, uitest.TopText(u.Host), "doesn't open this journal", "Nothing was changed")
	now := dialogEntry(t, u, "Your passphrase now")
	now.SetText(testPassphrase)
	uitest.PressKey(u.Host, fyne.KeyReturn)
	if topKind(u) != "" {
		t.Fatalf("the change did not finish:\n%s", uitest.TopText(u.Host))
	}
	const newPass = "green teapot at noon"
	if sec, err := vault.Unlock(path, vault.Passphrase([]byte(newPass)), vault.Options{}); err != nil {
		t.Fatalf("the new passphrase: %v", err)
	} else {
		sec.Wipe()
	}

	u.showNewRecoveryCode()
	if topKind(u) != ui.DlgConfirmPassphrase {
		t.Fatal("a new code without the passphrase")
	}
	test.Type(dialogEntry(t, u, "Your passphrase"), newPass)
	uitest.PressKey(u.Host, fyne.KeyReturn)
	if topKind(u) != ui.DlgRecoveryCode {
		t.Fatalf("no new code:\n%s", uitest.ShownText(u.Host))
	}
	findCheck(t, u.TopDialog().Body, "I have written it down").SetChecked(true)
	uitest.PressKey(u.Host, fyne.KeyReturn)

	u.showDecrypt()
	test.Type(dialogEntry(t, u, "Your passphrase"), testPassphrase) // the old one
	uitest.PressKey(u.Host, fyne.KeyReturn)
	uitest.MustContain(t, uitest.TopText(u.Host), "doesn't open this journal")
	if st, _ := vault.StateOf(path); st != vault.Encrypted {
		t.Fatal("a wrong passphrase turned encryption off")
	}
	dialogEntry(t, u, "Your passphrase").SetText(newPass)
	uitest.PressKey(u.Host, fyne.KeyReturn)
	if st, _ := vault.StateOf(path); st != vault.Plain || u.lock.encrypted {
		t.Fatalf("encryption still on:\n%s", uitest.ShownText(u.Host))
	}
	uitest.MustContain(t, uitest.ShownText(u.Host), "Late for pick-up", "a plain file again")
	if _, err := os.Stat(path + ".slip"); !os.IsNotExist(err) {
		t.Error("the tray's copy of the slip outlived the encryption")
	}
}

func TestWelcomeOffersAPassphrase(t *testing.T) {
	fastKeys(t)
	u, s := newTestUIWith(t, data.Options{}, false)
	u.dbPath = s.Path()
	if topKind(u) != ui.DlgWelcome {
		t.Fatal("no welcome on a new journal")
	}
	findCheck(t, u.TopDialog().Body, "Protect this journal with a passphrase").SetChecked(true)
	uitest.PressKey(u.Host, fyne.KeyReturn) // Start
	if topKind(u) != ui.DlgEncrypt {
		t.Fatalf("the welcome did not lead to the passphrase:\n%s", uitest.ShownText(u.Host))
	}
	uitest.PressKey(u.Host, fyne.KeyEscape)
	if topKind(u) != "" {
		t.Fatalf("Esc did not skip it: %s, %d dialogs, focus %T", topKind(u), len(u.Dialogs()), u.Win.Canvas().Focused())
	}
	if st, _ := vault.StateOf(filepath.Clean(u.dbPath)); st != vault.Plain {
		t.Error("skipping encrypted the journal")
	}
}

// Turning encryption on shows how far it has come, and it comes to the
// end: the bar is measured, not only busy.
func TestEncryptingShowsHowFarItHasCome(t *testing.T) {
	fastKeys(t)
	u, s := newTestUI(t)
	u.dbPath = s.Path()
	var q queue
	u.Async = func(f func()) { q.jobs = append(q.jobs, f) }
	pass := []byte(testPassphrase)
	u.encryptWith(pass)
	// What is unsaved is kept first; then the dialog comes up.
	for topKind(u) != ui.DlgProgress && len(q.jobs) > 0 {
		job := q.jobs[0]
		q.jobs = q.jobs[1:]
		job()
	}
	if topKind(u) != ui.DlgProgress {
		t.Fatalf("no progress dialog, but %q", topKind(u))
	}
	bar := uitest.FindWidget[*widget.ProgressBar](t, uitest.TopDialog(t, u.Host))
	if bar.Value != 0 {
		t.Fatalf("the bar starts at %v", bar.Value)
	}
	u.Async = func(f func()) { f() }
	q.run()
	if bar.Value != 1 {
		t.Errorf("the bar ended at %v, not at the end", bar.Value)
	}
	if st, _ := vault.StateOf(u.dbPath); st != vault.Encrypted {
		t.Errorf("the journal is %v", st)
	}
}
