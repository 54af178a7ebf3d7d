package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/app/instance"
	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/keys"
	"github.com/bothand/bothand/data/vault"
)

const testPassphrase = "blue kettle at dawn"

// memKeyring is a keyring in memory; broken makes it refuse everything, as
// a locked or missing Secret Service does.
type memKeyring struct {
	m      map[string]string
	broken bool
}

func (k *memKeyring) Get(_, account string) (string, error) {
	if k.broken {
		return "", os.ErrPermission
	}
	s, ok := k.m[account]
	if !ok {
		return "", keys.ErrNotRemembered
	}
	return s, nil
}

func (k *memKeyring) Set(_, account, secret string) error {
	if k.broken {
		return os.ErrPermission
	}
	k.m[account] = secret
	return nil
}

func (k *memKeyring) Delete(_, account string) error { delete(k.m, account); return nil }

// encryptedJournal makes an encrypted journal holding one entry, with one
// more written while it was locked waiting in its inbox.
func encryptedJournal(t *testing.T) string {
	t.Helper()
	cost := keys.Cost
	keys.Cost = keys.Argon2{Name: "argon2id", Time: 1, MemoryKiB: 256, Threads: 1}
	t.Cleanup(func() { keys.Cost = cost })
	path := filepath.Join(t.TempDir(), "journal.db")
	s, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveEntry(data.Entry{Trigger: "Late for pick-up"}, 0); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := vault.Encrypt(context.Background(), path, []byte(testPassphrase), vault.Options{}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := vault.Add(path, data.Entry{Trigger: "Written while locked"}, vault.Options{}); err != nil {
		t.Fatal(err)
	}
	return path
}

// newLockedUI starts the window on the encrypted journal at path.
func newLockedUI(t *testing.T, path string, kr *memKeyring) *UI {
	t.Helper()
	a := test.NewTempApp(t)
	a.Preferences().SetBool(prefWelcomeDone, true)
	u := newUI(a)
	u.Async = func(f func()) { f() }
	u.sync.manual = true
	u.notify = func(string, string) {}
	u.Win.Resize(fyne.NewSize(1000, 760))
	u.dbPath = path
	u.lock.keyring = kr
	u.openStore(Config{DBPath: path})
	t.Cleanup(func() {
		stopTimers(u)
		if u.Store != nil {
			u.Store.Close()
		}
	})
	return u
}

// typeUnlock types into the unlock field and presses Enter there.
func typeUnlock(t *testing.T, u *UI, text string) {
	t.Helper()
	f := u.lock.form
	if f == nil {
		t.Fatalf("no unlock form in:\n%s", uitest.ShownText(u.Host))
	}
	f.field.SetText("")
	test.Type(f.field, text)
	f.field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

func TestEncryptedJournalOpensBehindTheUnlockForm(t *testing.T) {
	path := encryptedJournal(t)
	before, _ := os.ReadFile(path)
	keysBefore, _ := os.ReadFile(data.KeysPath(path))
	u := newLockedUI(t, path, &memKeyring{m: map[string]string{}})

	if !u.lock.locked || u.Store != nil {
		t.Fatal("the encrypted journal did not wait for its passphrase")
	}
	shown := uitest.ShownText(u.Host)
	uitest.MustContain(t, shown, "Your journal is locked", "Type your passphrase")
	if strings.Contains(shown, "Late for pick-up") {
		t.Error("the journal shows behind the unlock form")
	}
	if !u.lock.form.field.Password {
		t.Error("the passphrase is not masked")
	}
	// Esc does nothing while locked: the form stays, nothing closes.
	uitest.PressKey(u.Host, fyne.KeyEscape)
	if !u.lock.locked {
		t.Fatal("Esc unlocked the window")
	}

	// A wrong passphrase: a calm message, the wait before the next try,
	// and the journal byte for byte as it was.
	typeUnlock(t, u, "red kettle")
	f := u.lock.form
	uitest.MustContain(t, uitest.VisibleText(f.msg), "That passphrase doesn't open this journal", "Nothing was changed", "try again in 1 s")
	if got := time.Until(f.until); got <= 0 || got > vault.FailureDelay(1) {
		t.Errorf("the next try may come in %v, want within %v", got, vault.FailureDelay(1))
	}
	if !f.unlock.Disabled() {
		t.Error("Unlock can be pressed again at once")
	}
	typeUnlock(t, u, testPassphrase) // too soon: ignored
	if !u.lock.locked {
		t.Fatal("a try during the wait was taken")
	}
	after, _ := os.ReadFile(path)
	keysAfter, _ := os.ReadFile(data.KeysPath(path))
	if !bytes.Equal(before, after) || !bytes.Equal(keysBefore, keysAfter) {
		t.Error("a wrong passphrase changed the journal or its keys file")
	}

	// The right one, once the wait is over.
	f.until = time.Now()
	typeUnlock(t, u, testPassphrase)
	if u.lock.locked || u.Store == nil {
		t.Fatalf("the right passphrase did not unlock:\n%s", uitest.ShownText(u.Host))
	}
	shown = uitest.ShownText(u.Host)
	uitest.MustContain(t, shown, "Late for pick-up", "Written while locked",
		"1 entry you wrote while the journal was locked is now in it")
	if n, _ := vault.Pending(path); n != 0 {
		t.Errorf("%d entries still wait in the inbox", n)
	}
	if vault.Failures(path) != 0 {
		t.Error("the count of wrong tries outlived the unlock")
	}
}

func TestRecoveryCodeAndRememberOnThisComputer(t *testing.T) {
	cost := keys.Cost
	keys.Cost = keys.Argon2{Name: "argon2id", Time: 1, MemoryKiB: 256, Threads: 1}
	t.Cleanup(func() { keys.Cost = cost })
	path := filepath.Join(t.TempDir(), "journal.db")
	code, err := vault.Encrypt(context.Background(), path, []byte(testPassphrase), vault.Options{})
	if err != nil {
		t.Fatal(err)
	}
	kr := &memKeyring{m: map[string]string{}}
	u := newLockedUI(t, path, kr)
	u.lock.form.toggleCode()
	if u.lock.form.field.Password || u.lock.form.field.PlaceHolder != "Recovery code" {
		t.Fatal("the field does not take the recovery code")
	}
	u.lock.form.remember.SetChecked(true)
	typeUnlock(t, u, strings.ToLower(code))
	if u.lock.locked {
		t.Fatalf("the recovery code did not unlock:\n%s", uitest.ShownText(u.Host))
	}
	if !vault.IsRemembered(path) || len(kr.m) != 1 {
		t.Fatal("Remember on this computer was not kept")
	}

	// Next start: the keyring opens it without a word typed.
	u.Store.Close()
	u2 := newLockedUI(t, path, kr)
	if u2.lock.locked || u2.Store == nil {
		t.Fatalf("the remembered journal did not open:\n%s", uitest.ShownText(u2.Host))
	}

	// A keyring that is locked: the form says so calmly and asks.
	u2.Store.Close()
	u2.Store = nil
	u3 := newLockedUI(t, path, &memKeyring{broken: true})
	if !u3.lock.locked {
		t.Fatal("opened without any key")
	}
	uitest.MustContain(t, uitest.ShownText(u3.Host), "keyring is locked or unavailable", "Type the passphrase this time")
}

func TestNoKeyringSaysSoAndOpensAnyway(t *testing.T) {
	path := encryptedJournal(t)
	u := newLockedUI(t, path, &memKeyring{broken: true})
	u.lock.form.remember.SetChecked(true)
	typeUnlock(t, u, testPassphrase)
	if u.lock.locked {
		t.Fatal("did not unlock")
	}
	uitest.MustContain(t, uitest.ShownText(u.Host), "no keyring Both/And can use", "ask for your passphrase next time")
	if vault.IsRemembered(path) {
		t.Error("remembered without a keyring")
	}
}

func TestLockNowKeepsTheDraftAndClosesTheJournal(t *testing.T) {
	path := encryptedJournal(t)
	u := newLockedUI(t, path, &memKeyring{m: map[string]string{}})
	typeUnlock(t, u, testPassphrase)
	j := u.journal()
	j.draftDelay = 0
	uitest.Press(t, u.Host, shortcutNew)
	uitest.TypeText(u.Host, "Half a thought about bedtime")
	store := u.Store

	uitest.Press(t, u.Host, shortcutLock)
	if !u.lock.locked || !u.Closed {
		t.Fatal("Ctrl+L did not lock")
	}
	if _, err := store.Drafts(); err == nil {
		t.Error("the journal's connections are still open after the lock")
	}
	shown := uitest.ShownText(u.Host)
	uitest.MustContain(t, shown, "Your journal is locked")
	if strings.Contains(shown, "Late for pick-up") || strings.Contains(shown, "Half a thought") {
		t.Errorf("the locked window shows the journal:\n%s", shown)
	}
	// While locked, the journal's commands do nothing.
	uitest.Press(t, u.Host, shortcutNew)
	uitest.Press(t, u.Host, shortcutLock)
	if !u.lock.locked || len(u.Dialogs()) != 0 {
		t.Fatal("a command ran while locked")
	}

	typeUnlock(t, u, testPassphrase)
	drafts, err := u.Store.Drafts()
	if err != nil || len(drafts) != 1 || drafts[0].Trigger != "Half a thought about bedtime" {
		t.Fatalf("the draft typed before the lock: %+v, %v", drafts, err)
	}
}

func TestIdleLockAfterTheChosenTime(t *testing.T) {
	path := encryptedJournal(t)
	u := newLockedUI(t, path, &memKeyring{m: map[string]string{}})
	now := time.Now()
	u.lock.idle.now = func() time.Time { return now }
	typeUnlock(t, u, testPassphrase)
	u.App.Preferences().SetInt(prefIdleLock, 15)
	u.checkIdle()

	now = now.Add(14 * time.Minute)
	u.checkIdle()
	if u.lock.locked {
		t.Fatal("locked before the idle time")
	}
	// Typing is use: the clock starts again.
	uitest.Press(t, u.Host, shortcutNew)
	uitest.TypeText(u.Host, "x")
	u.checkIdle()
	now = now.Add(14 * time.Minute)
	u.checkIdle()
	if u.lock.locked {
		t.Fatal("locked while in use")
	}
	now = now.Add(2 * time.Minute)
	u.checkIdle()
	if !u.lock.locked {
		t.Fatal("not locked after 16 idle minutes")
	}

	// Never is never.
	u.lock.form.until = time.Time{}
	typeUnlock(t, u, testPassphrase)
	u.App.Preferences().SetInt(prefIdleLock, 0)
	now = now.Add(48 * time.Hour)
	u.checkIdle()
	u.checkIdle()
	if u.lock.locked {
		t.Error("locked with Never chosen")
	}
}

func TestExportOfAnEncryptedJournalAsksFirst(t *testing.T) {
	path := encryptedJournal(t)
	u := newLockedUI(t, path, &memKeyring{m: map[string]string{}})
	typeUnlock(t, u, testPassphrase)
	u.showExport()
	if d := u.TopDialog(); d == nil || d.Kind != ui.DlgExportPlain {
		t.Fatal("no warning before the export")
	}
	uitest.MustContain(t, uitest.TopText(u.Host), "an export is not", "anyone who opens the file")
	uitest.PressKey(u.Host, fyne.KeyEscape)
	if len(u.Dialogs()) != 0 {
		t.Fatalf("Esc left %d dialogs", len(u.Dialogs()))
	}
	u.showExport()
	uitest.PressKey(u.Host, fyne.KeyReturn)
	if d := u.TopDialog(); d == nil || d.Kind != ui.DlgExport {
		t.Fatal("Go on did not lead to the export")
	}
}

// A lock in the first seconds after an unlock, before the reminders and
// the daily backup start, must not start them on the closed journal: the
// real window crashed so.
func TestLockRightAfterUnlockStartsNothingOnTheClosedJournal(t *testing.T) {
	path := encryptedJournal(t)
	u := newLockedUI(t, path, &memKeyring{m: map[string]string{}})
	var jobs []func()
	u.Async = func(f func()) { jobs = append(jobs, f) }
	u.settle = time.Millisecond
	typeUnlock(t, u, testPassphrase)
	for len(jobs) > 0 && u.lock.locked {
		job := jobs[0]
		jobs = jobs[1:]
		job()
	}
	if u.lock.locked {
		t.Fatal("did not unlock")
	}
	u.lockNow()
	if !u.lock.locked {
		t.Fatal("did not lock")
	}
	for len(jobs) > 0 {
		job := jobs[0]
		jobs = jobs[1:]
		job()
	}
	if u.stopReminders != nil || u.transfer.dailyTimer != nil {
		t.Error("reminders or the daily backup started on the closed journal")
	}
}

// Quick entry from the tray works while the journal is locked: the line
// is sealed into the inbox without the key and joins at the unlock.
func TestQuickEntryWhileLockedWaitsInTheInbox(t *testing.T) {
	path := encryptedJournal(t)
	u := newLockedUI(t, path, &memKeyring{m: map[string]string{}})
	u.shown = true // the window is up, locked: the process goes on
	u.showQuickEntry()
	test.Type(u.quick.text, "Snapped at Mia during a client call")
	u.quick.text.OnSubmitted(u.quick.text.Text)
	if u.quick != nil {
		t.Fatalf("the quick entry stayed open: %s", u.quick.msg.Text)
	}
	if n, _ := vault.Pending(path); n != 2 {
		t.Fatalf("%d entries wait in the inbox, want 2", n)
	}
	typeUnlock(t, u, testPassphrase)
	uitest.MustContain(t, uitest.ShownText(u.Host), "Snapped at Mia during a client call", "2 entries you wrote while the journal was locked are now in it")
}

// A form with something typed in it, open when the journal locks, is out
// of sight while locked and back, as it was, after the unlock.
func TestLockKeepsAFormBeingTyped(t *testing.T) {
	path := encryptedJournal(t)
	u := newLockedUI(t, path, &memKeyring{m: map[string]string{}})
	typeUnlock(t, u, testPassphrase)
	title := addCommitment(t, u)
	test.Type(title, "Sports day")
	u.showExport() // a dialog with nothing typed closes

	uitest.Press(t, u.Host, shortcutLock) // whatever dialogs are open
	if !u.lock.locked || len(u.Dialogs()) != 0 {
		t.Fatalf("locked=%v with %d dialogs", u.lock.locked, len(u.Dialogs()))
	}
	if strings.Contains(uitest.ShownText(u.Host), "Sports day") || strings.Contains(uitest.ShownText(u.Host), "New commitment") {
		t.Fatalf("the form shows while locked:\n%s", uitest.ShownText(u.Host))
	}
	typeUnlock(t, u, testPassphrase)
	if d := u.TopDialog(); d == nil || d.Kind != ui.DlgCommitment || len(u.Dialogs()) != 1 {
		t.Fatalf("the form is not back: %d dialogs", len(u.Dialogs()))
	}
	if title.Text != "Sports day" {
		t.Errorf("the title typed became %q", title.Text)
	}
	uitest.PressKey(u.Host, fyne.KeyEscape) // it asks before dropping what was typed
	if topKind(u) != ui.DlgDiscardChanges {
		t.Errorf("Esc on the form after the unlock: %s", topKind(u))
	}
}

// The tray can't read an encrypted journal: the window keeps it a copy of
// the pinned slip while the person allows it, and the tray's Lock now
// locks the window.
func TestSlipCopyForTheTrayAndLockFromTheTray(t *testing.T) {
	path := encryptedJournal(t)
	u := newLockedUI(t, path, &memKeyring{m: map[string]string{}})
	typeUnlock(t, u, testPassphrase)
	if !u.ownReminders {
		t.Error("nobody sends the reminders of an encrypted journal")
	}
	if _, err := u.Store.AddSlip("I can rest too.", true); err != nil {
		t.Fatal(err)
	}
	u.loadStrip()
	if s, _ := vault.SlipWhileLocked(path); s != "I can rest too." {
		t.Errorf("the tray's copy is %q", s)
	}
	u.App.Preferences().SetBool(prefSlipWhileLocked, false)
	u.loadStrip()
	if s, _ := vault.SlipWhileLocked(path); s != "" {
		t.Errorf("the copy stayed after it was turned off: %q", s)
	}

	u.request(instance.Lock)
	if !u.lock.locked {
		t.Error("the tray's Lock now did not lock")
	}
}

// The tray's other actions wait for the unlock: they show the window,
// with the keyboard still in the unlock form.
func TestTrayActionsWhileLockedShowTheUnlockForm(t *testing.T) {
	path := encryptedJournal(t)
	u := newLockedUI(t, path, &memKeyring{m: map[string]string{}})
	typeUnlock(t, u, testPassphrase)
	u.lockNow()
	for _, do := range []string{instance.WriteSlip, instance.NewEntry, instance.Compassion, instance.Triage} {
		u.request(do)
		if f := u.Win.Canvas().Focused(); f != u.lock.form.field {
			t.Errorf("after %s the keyboard is in %T", do, f)
		}
		if len(u.Dialogs()) != 0 || u.journal().editor != nil {
			t.Errorf("%s opened something behind the lock", do)
		}
	}
}
