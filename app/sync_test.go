package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/keys"
	"github.com/bothand/bothand/data/replica"
	"github.com/bothand/bothand/data/vault"
	"github.com/bothand/bothand/widgets"
)

// encryptedWith makes an encrypted journal at path holding entries.
func encryptedWith(t *testing.T, path string, entries ...string) {
	t.Helper()
	fastKeys(t)
	s, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if _, err := s.SaveEntry(data.Entry{Trigger: e}, 0); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	if _, err := vault.Encrypt(context.Background(), path, []byte(testPassphrase), vault.Options{}); err != nil {
		t.Fatal(err)
	}
}

// unlockedUI is the window on the encrypted journal at path, unlocked
// with the passphrase.
func unlockedUI(t *testing.T, path string) *UI {
	t.Helper()
	u := newLockedUI(t, path, &memKeyring{m: map[string]string{}})
	typeUnlock(t, u, testPassphrase)
	if u.lock.locked || u.sync.key == nil {
		t.Fatalf("not unlocked, or no key for the sync:\n%s", uitest.ShownText(u.Host))
	}
	return u
}

// joined is a second computer's journal joined to folder, as bothand sync
// join makes it.
func joined(t *testing.T, folder string) (*data.Store, *replica.Replica) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "other.db")
	f, err := keys.Read(replica.KeysPath(folder))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.CopyTo(data.KeysPath(path)); err != nil {
		t.Fatal(err)
	}
	sec, err := vault.Unlock(path, vault.Passphrase([]byte(testPassphrase)), vault.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer sec.Wipe()
	s, err := data.Open(path, data.Options{Key: sec.DataKey})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	r, err := replica.Join(context.Background(), s, sec.DataKey, folder, "Laptop", replica.Options{Host: "laptop"})
	if err != nil {
		t.Fatal(err)
	}
	return s, r
}

// setUpFromPreferences chooses folder in Preferences → Sync, by the
// folder picker, as name.
func setUpFromPreferences(t *testing.T, u *UI, folder, name string) {
	t.Helper()
	prefs := u.preferencesContent(data.ReminderSettings{})
	uitest.MustContain(t, uitest.VisibleText(prefs), "Keep this journal in step with your other computers")
	field := findEntryWithText(t, prefs, replica.DefaultName())
	field.SetText(name)
	test.Tap(uitest.FindButton(t, prefs, "Choose the folder…"))
	if topKind(u) != ui.DlgChooseFolder {
		t.Fatalf("no folder picker, but %q", topKind(u))
	}
	p := u.TopDialog()
	entry := uitest.FindEntry(t, p.Body, "The folder shown above, or type a folder's path")
	test.Type(entry, folder)
	entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

func findEntryWithText(t *testing.T, root fyne.CanvasObject, text string) *widgets.Entry {
	t.Helper()
	var found *widgets.Entry
	uitest.Walk(root, func(o fyne.CanvasObject) bool {
		if e, ok := o.(*widgets.Entry); ok && e.Text == text && found == nil {
			found = e
		}
		return found == nil
	})
	if found == nil {
		t.Fatalf("no entry holding %q", text)
	}
	return found
}

func TestSyncNeedsAPassphraseFirst(t *testing.T) {
	u, _ := newTestUI(t)
	prefs := u.preferencesContent(data.ReminderSettings{})
	uitest.MustContain(t, uitest.VisibleText(prefs), "Syncing with your other computers needs a passphrase first")
	if u.sync.line.Visible() {
		t.Error("a plain journal shows a sync line")
	}
}

func TestSetUpSyncInTheWindowAndReceiveAnEntry(t *testing.T) {
	u, folder := syncingDesk(t, "Late for pick-up")
	if topKind(u) != "" {
		t.Fatalf("a dialog is still open: %s\n%s", topKind(u), uitest.TopText(u.Host))
	}
	uitest.MustContain(t, uitest.ShownText(u.Host), "This journal now syncs through "+folder)
	if !u.sync.line.Visible() || u.sync.line.Text != "Synced just now" {
		t.Errorf("the footer says %q (visible %v)", u.sync.line.Text, u.sync.line.Visible())
	}
	if _, err := os.Stat(replica.KeysPath(folder)); err != nil {
		t.Error("the folder has no copy of the keys:", err)
	}

	other, r := joined(t, folder)
	if _, err := other.SaveEntry(data.Entry{Trigger: "Written on the laptop"}, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Round(context.Background()); err != nil {
		t.Fatal(err)
	}

	// Typing an entry meanwhile: the round's reload keeps it.
	j := u.journal()
	j.searchDelay, j.draftDelay = 0, 0
	uitest.Press(t, u.Host, shortcutNew)
	uitest.TypeText(u.Host, "Half a thought")
	u.syncNow()
	uitest.MustContain(t, uitest.ShownText(u.Host), "Written on the laptop", "Late for pick-up")
	if j.editor == nil || j.editor.trigger.Text != "Half a thought" {
		t.Fatal("the round took away what was being typed")
	}

	prefs := u.preferencesContent(data.ReminderSettings{})
	uitest.MustContain(t, uitest.VisibleText(prefs), "Syncs through "+folder, "Other computers", "Laptop — last synced")
	if got := findEntryWithText(t, prefs, "Desk"); got == nil {
		t.Fatal("this computer's name is not shown")
	}
}

func TestTheWindowSyncsNeverWhileLocked(t *testing.T) {
	u, _ := syncingDesk(t, "Late for pick-up")
	if u.sync.rep == nil {
		t.Fatal("the sync did not start")
	}
	key := u.sync.key
	u.lockNow()
	if u.sync.rep != nil || u.sync.key != nil {
		t.Fatal("the sync goes on while locked")
	}
	for _, b := range key {
		if b != 0 {
			t.Fatal("the data key was not wiped at the lock")
		}
	}
	u.syncNow() // nothing: no round on a locked journal
	typeUnlock(t, u, testPassphrase)
	if u.sync.rep == nil || u.sync.line.Text != "Synced just now" {
		t.Fatalf("the unlock did not sync: rep %v, footer %q", u.sync.rep != nil, u.sync.line.Text)
	}
}

func TestAChangeSettlesThenItSyncs(t *testing.T) {
	u, _ := syncingDesk(t)
	rounds := 0
	u.sync.onRound = func() { rounds++ }
	if _, err := u.Store.SaveEntry(data.Entry{Trigger: "Forgot the lunchbox"}, 0); err != nil {
		t.Fatal(err)
	}
	u.syncTick() // sees the change
	if rounds != 0 {
		t.Fatal("a round started before the change settled")
	}
	u.syncTick() // the same count: settled
	if rounds != 1 {
		t.Fatalf("%d rounds after the change settled, want 1", rounds)
	}
	st, _ := replica.StatusOf(context.Background(), u.Store)
	if st.Pending != 0 {
		t.Errorf("%d changes still wait to be sent", st.Pending)
	}
}

func TestTheFolderGoneIsSaidAndTriedAgain(t *testing.T) {
	u, folder := syncingDesk(t)
	if err := os.Rename(folder, folder+"-away"); err != nil {
		t.Fatal(err)
	}
	u.syncNow()
	if got := u.sync.line.Text; got != "Couldn't reach the sync folder — will try again." {
		t.Fatalf("the footer says %q", got)
	}
	if u.sync.rep == nil {
		t.Fatal("the sync gave up on a folder that may come back")
	}
	os.Rename(folder+"-away", folder)
	u.syncNow()
	if got := u.sync.line.Text; got != "Synced just now" {
		t.Fatalf("the footer says %q once the folder is back", got)
	}
}

func TestAFolderThatCantBeUsedIsSaid(t *testing.T) {
	dir := t.TempDir()
	path, folder := filepath.Join(dir, "desk.db"), filepath.Join(dir, "Photos")
	os.Mkdir(folder, 0o700)
	os.WriteFile(filepath.Join(folder, "beach.jpg"), []byte("not a journal"), 0o600)
	encryptedWith(t, path)
	u := unlockedUI(t, path)
	setUpFromPreferences(t, u, folder, "Desk")
	if topKind(u) != ui.DlgSyncFolder {
		t.Fatalf("no word about the folder, but %q", topKind(u))
	}
	uitest.MustContain(t, uitest.TopText(u.Host), "That folder already holds other files")
	test.Tap(uitest.FindButton(t, u.Win.Canvas().Overlays().Top(), "Choose another…"))
	if topKind(u) != ui.DlgChooseFolder {
		t.Fatalf("Choose another… opened %q", topKind(u))
	}
}

// twoComputers is the window on an encrypted journal holding an entry
// titled trigger, syncing through a folder with a second journal joined
// to it, and that journal's replica.
func twoComputers(t *testing.T, trigger string) (*UI, *data.Store, *replica.Replica) {
	t.Helper()
	u, folder := syncingDesk(t, trigger)
	other, r := joined(t, folder)
	return u, other, r
}

// syncingDesk is the window on an encrypted journal ("desk.db", holding
// an entry for each trigger) set up from Preferences to sync through the
// folder "Sync" beside it.
func syncingDesk(t *testing.T, triggers ...string) (u *UI, folder string) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "desk.db")
	folder = filepath.Join(dir, "Sync")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	encryptedWith(t, path, triggers...)
	u = unlockedUI(t, path)
	setUpFromPreferences(t, u, folder, "Desk")
	return u, folder
}

func TestConflictsAreListedSideBySideAndResolved(t *testing.T) {
	u, other, r := twoComputers(t, "Shouted at breakfast")
	ctx := context.Background()

	// The same entry's text changed on both before either saw the other's.
	edit := func(s *data.Store, text string) {
		t.Helper()
		page, err := s.EntryPage(data.EntryFilter{}, nil, 10)
		if err != nil || len(page.Rows) != 1 {
			t.Fatalf("entries: %v, %v", page.Rows, err)
		}
		e, err := s.Entry(page.Rows[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		e.Trigger = text
		if _, err := s.SaveEntry(e, 0); err != nil {
			t.Fatal(err)
		}
	}
	edit(u.Store, "Shouted at breakfast, then said sorry")
	edit(other, "Shouted at breakfast because we were late")
	u.syncNow()
	if _, err := r.Round(ctx); err != nil {
		t.Fatal(err)
	}
	u.syncNow()

	uitest.MustContain(t, uitest.ShownText(u.Host), "1 entry was changed on two computers at once")
	// The journal marks the other version, and its reading pane leads to
	// the choice too.
	j := u.journal()
	u.ShowScreen(j)
	j.Load()
	uitest.MustContain(t, uitest.VisibleText(j.View()), "Other version · ")
	page, err := u.Store.EntryPage(data.EntryFilter{}, nil, 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range page.Rows {
		if row.Conflicted {
			j.showEntry(row.ID)
		}
	}
	uitest.MustContain(t, uitest.VisibleText(j.View()), "This is the other version of an entry changed on two computers at once")
	test.Tap(uitest.FindButton(t, j.View(), "Choose between versions…"))
	if topKind(u) != ui.DlgConflicts {
		t.Fatalf("the reading pane's button opened %q", topKind(u))
	}
	uitest.PressKey(u.Host, fyne.KeyEscape)
	test.Tap(uitest.FindButton(t, u.noticeBox, "Choose…"))
	if topKind(u) != ui.DlgConflicts {
		t.Fatalf("no conflicts dialog, but %q", topKind(u))
	}
	shown := uitest.TopText(u.Host)
	uitest.MustContain(t, shown, "The entry as it is", "The other version",
		"Shouted at breakfast, then said sorry", "Shouted at breakfast because we were late")
	test.Tap(uitest.FindButton(t, u.Win.Canvas().Overlays().Top(), "Keep both"))
	if topKind(u) != "" {
		t.Fatalf("%q is still open:\n%s", topKind(u), uitest.TopText(u.Host))
	}
	if strings.Contains(uitest.ShownText(u.Host), "changed on two computers at once") {
		t.Error("the notice outlived the choice")
	}
	j.Load()
	if strings.Contains(uitest.VisibleText(j.View()), "Other version") {
		t.Error("the list still marks an entry after the choice")
	}
	list, err := replica.Conflicts(ctx, u.Store)
	if err != nil || len(list) != 0 {
		t.Fatalf("conflicts left: %v, %v", list, err)
	}
	n, _ := u.Store.CountEntries(data.EntryFilter{})
	if n != 2 {
		t.Errorf("%d entries after keeping both, want 2", n)
	}
	// The choice syncs: the other computer has both too, and no conflict.
	if _, err := r.Round(ctx); err != nil {
		t.Fatal(err)
	}
	if n, _ := other.CountEntries(data.EntryFilter{}); n != 2 {
		t.Errorf("the other computer has %d entries, want 2", n)
	}
	if list, _ := replica.Conflicts(ctx, other); len(list) != 0 {
		t.Errorf("the other computer still lists %d conflicts", len(list))
	}
}

func TestAFolderMissingAtTheUnlockIsSaidAndFoundLater(t *testing.T) {
	u, folder := syncingDesk(t)
	u.lockNow()
	if err := os.Rename(folder, folder+"-away"); err != nil {
		t.Fatal(err)
	}
	typeUnlock(t, u, testPassphrase)
	if got := u.sync.line.Text; got != "Couldn't reach the sync folder — will try again." || u.sync.rep != nil {
		t.Fatalf("the footer says %q (syncing: %v)", got, u.sync.rep != nil)
	}
	os.Rename(folder+"-away", folder)
	u.startSync() // what the retry a minute later does
	if got := u.sync.line.Text; got != "Synced just now" {
		t.Fatalf("the footer says %q once the folder is back", got)
	}
}

func TestTurningEncryptionOffStopsTheSync(t *testing.T) {
	u, _ := syncingDesk(t, "Late for pick-up")
	u.decryptWith([]byte(testPassphrase))
	if u.lock.encrypted || u.Store == nil {
		t.Fatalf("still encrypted, or closed:\n%s", uitest.ShownText(u.Host))
	}
	if on, err := replica.IsSetUp(context.Background(), u.Store); on || err != nil {
		t.Errorf("the plain journal still syncs (%v, %v)", on, err)
	}
	if u.sync.key != nil || u.sync.rep != nil || u.sync.line.Visible() {
		t.Error("the window still syncs, or keeps the key, or shows the footer")
	}
	prefs := u.preferencesContent(data.ReminderSettings{})
	uitest.MustContain(t, uitest.VisibleText(prefs), "Syncing with your other computers needs a passphrase first")
}

func TestRemoveAComputerAndStopSyncing(t *testing.T) {
	u, folder := syncingDesk(t, "Late for pick-up")
	_, r := joined(t, folder)
	if _, err := r.Round(context.Background()); err != nil {
		t.Fatal(err)
	}
	u.syncNow()

	prefs := u.preferencesContent(data.ReminderSettings{})
	uitest.MustContain(t, uitest.VisibleText(prefs), "Laptop — last synced just now")
	test.Tap(uitest.FindButton(t, prefs, "Remove…"))
	if topKind(u) != ui.DlgRemoveDevice {
		t.Fatalf("no question before removing, but %q", topKind(u))
	}
	uitest.MustContain(t, uitest.TopText(u.Host), "Remove “Laptop” from the sync?")
	test.Tap(uitest.FindButton(t, u.Win.Canvas().Overlays().Top(), "Remove"))
	st, err := replica.StatusOf(context.Background(), u.Store)
	if err != nil || len(st.Others) != 1 || !st.Others[0].Removed {
		t.Fatalf("the laptop is not removed: %+v, %v", st.Others, err)
	}
	if _, err := r.Round(context.Background()); err == nil {
		t.Error("the removed laptop syncs on")
	}

	prefs = u.preferencesContent(data.ReminderSettings{})
	uitest.MustContain(t, uitest.VisibleText(prefs), "Laptop — removed")
	test.Tap(uitest.FindButton(t, prefs, "Stop syncing…"))
	if topKind(u) != ui.DlgStopSync {
		t.Fatalf("no question before stopping, but %q", topKind(u))
	}
	test.Tap(uitest.FindButton(t, u.Win.Canvas().Overlays().Top(), "Stop syncing"))
	if on, _ := replica.IsSetUp(context.Background(), u.Store); on || u.sync.rep != nil || u.sync.line.Visible() {
		t.Fatal("the journal still syncs after Stop syncing")
	}
	uitest.MustContain(t, uitest.ShownText(u.Host), "This journal no longer syncs through "+folder)
}

// The entry being read follows a change made to it on the other computer
// once a round brings it.
func TestTheReadingPaneFollowsAChangeFromAnotherComputer(t *testing.T) {
	u, other, r := twoComputers(t, "Shouted at breakfast")

	j := u.journal()
	u.ShowScreen(j)
	page, err := u.Store.EntryPage(data.EntryFilter{}, nil, 10)
	if err != nil || len(page.Rows) != 1 {
		t.Fatalf("entries: %v, %v", page.Rows, err)
	}
	j.showEntry(page.Rows[0].ID)
	uitest.MustContain(t, uitest.VisibleText(j.right), "Shouted at breakfast")

	theirs, _ := other.EntryPage(data.EntryFilter{}, nil, 10)
	e, err := other.Entry(theirs.Rows[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	e.Trigger = "Shouted at breakfast, and said sorry at the school gate"
	if _, err := other.SaveEntry(e, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Round(context.Background()); err != nil {
		t.Fatal(err)
	}
	u.syncNow()
	uitest.MustContain(t, uitest.VisibleText(j.right), "and said sorry at the school gate")
}
