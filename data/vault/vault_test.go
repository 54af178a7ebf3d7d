package vault

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/keys"
)

func TestMain(m *testing.M) {
	if os.Getenv(mergeChild) != "" {
		os.Exit(runMergeChild())
	}
	keys.Cost = keys.Argon2{Name: "argon2id", Time: 1, MemoryKiB: 256, Threads: 1}
	os.Exit(m.Run())
}

var ctx = context.Background()

// sleeps records the delays a test's wrong answers asked for.
type sleeps struct {
	mu  sync.Mutex
	got []time.Duration
}

func (s *sleeps) sleep(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.got = append(s.got, d)
}

type memKeyring struct{ m map[string]string }

func (k *memKeyring) Get(service, account string) (string, error) {
	if v, ok := k.m[service+account]; ok {
		return v, nil
	}
	return "", keys.ErrNotRemembered
}

func (k *memKeyring) Set(service, account, secret string) error {
	if k.m == nil {
		k.m = map[string]string{}
	}
	k.m[service+account] = secret
	return nil
}

func (k *memKeyring) Delete(service, account string) error {
	delete(k.m, service+account)
	return nil
}

func testOpts() Options {
	return Options{Keyring: &memKeyring{}, Sleep: func(time.Duration) {}}
}

// encrypted makes an encrypted journal holding one entry and returns its
// path and recovery code.
func encrypted(t *testing.T, pass string, opts Options) (string, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "journal.db")
	s, err := data.Open(path, opts.Data)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveEntry(data.Entry{Trigger: "Missed the recital for a client call", Intensity: 7, Kind: data.KindGuilt}, 0); err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, err := Encrypt(ctx, path, []byte(pass), opts)
	if err != nil {
		t.Fatal(err)
	}
	return path, code
}

func entries(t *testing.T, s *data.Store) []data.EntryRow {
	t.Helper()
	page, err := s.EntryPage(data.EntryFilter{}, nil, 100)
	if err != nil {
		t.Fatal(err)
	}
	return page.Rows
}

func TestEncryptThenUnlockEachWay(t *testing.T) {
	t.Parallel()
	opts := testOpts()
	path, code := encrypted(t, "bedtime stories", opts)
	if st, err := StateOf(path); st != Encrypted || err != nil {
		t.Fatalf("state %v, %v", st, err)
	}
	head := make([]byte, 16)
	f, _ := os.Open(path)
	f.Read(head)
	f.Close()
	if bytes.HasPrefix(head, []byte("SQLite format 3")) {
		t.Fatal("the encrypted journal starts with SQLite's plain header")
	}
	if _, err := data.Open(path, data.Options{}); !errors.Is(err, data.ErrEncrypted) {
		t.Errorf("opening without a key: %v, want ErrEncrypted", err)
	}
	for name, secret := range map[string]Secret{"passphrase": Passphrase([]byte("bedtime stories")), "code": RecoveryCode(code)} {
		s, _, err := Open(path, secret, opts)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if rows := entries(t, s); len(rows) != 1 || !strings.Contains(rows[0].Trigger, "recital") {
			t.Errorf("%s: entries %v", name, rows)
		}
		s.Close()
	}
	if err := Remember(path, Passphrase([]byte("bedtime stories")), opts); err != nil {
		t.Fatal(err)
	}
	s, _, err := Open(path, Remembered(opts.Keyring), opts)
	if err != nil {
		t.Fatalf("remembered: %v", err)
	}
	s.Close()
	if err := Forget(path, opts); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Open(path, Remembered(opts.Keyring), opts); !errors.Is(err, keys.ErrNotRemembered) {
		t.Errorf("forgotten: %v", err)
	}
}

func TestWrongPassphraseLeavesEverythingAndWaitsLonger(t *testing.T) {
	t.Parallel()
	var slept sleeps
	opts := testOpts()
	opts.Sleep = slept.sleep
	path, _ := encrypted(t, "right", opts)
	before := snapshot(t, filepath.Dir(path))
	for range 3 {
		if _, _, err := Open(path, Passphrase([]byte("wrong")), opts); !errors.Is(err, keys.ErrWrongPassphrase) {
			t.Fatalf("wrong passphrase: %v", err)
		}
	}
	if err := ChangePassphrase(path, Passphrase([]byte("wrong")), []byte("new"), opts); !errors.Is(err, keys.ErrWrongPassphrase) {
		t.Fatalf("change with a wrong passphrase: %v", err)
	}
	after := snapshot(t, filepath.Dir(path))
	for name, b := range before {
		if !bytes.Equal(after[name], b) {
			t.Errorf("%s changed after wrong passphrases", name)
		}
	}
	want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second}
	if len(slept.got) != len(want) {
		t.Fatalf("delays %v, want %v", slept.got, want)
	}
	for i := range want {
		if slept.got[i] != want[i] {
			t.Errorf("delays %v, want %v", slept.got, want)
			break
		}
	}
	s, _, err := Open(path, Passphrase([]byte("right")), opts)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if Failures(path) != 0 {
		t.Errorf("the count of failures is %d after the right passphrase", Failures(path))
	}
}

// snapshot reads every file of the journal's own: the journal, its WAL if
// any, and its keys file.
func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, name := range []string{"journal.db", "journal.db-wal", "journal.db.keys"} {
		if b, err := os.ReadFile(filepath.Join(dir, name)); err == nil {
			out[name] = b
		}
	}
	if len(out) < 2 {
		t.Fatalf("the journal's files are missing: %v", out)
	}
	return out
}

func TestChangePassphraseAndRecover(t *testing.T) {
	t.Parallel()
	opts := testOpts()
	path, code := encrypted(t, "first", opts)
	journal, _ := os.ReadFile(path)
	if err := ChangePassphrase(path, Passphrase([]byte("first")), []byte("second"), opts); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, journal) {
		t.Error("changing the passphrase rewrote the journal")
	}
	if _, _, err := Open(path, Passphrase([]byte("first")), opts); !errors.Is(err, keys.ErrWrongPassphrase) {
		t.Errorf("the old passphrase: %v", err)
	}
	// Forgotten: the recovery code sets a third.
	if err := ChangePassphrase(path, RecoveryCode(code), []byte("third"), opts); err != nil {
		t.Fatal(err)
	}
	s, _, err := Open(path, Passphrase([]byte("third")), opts)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}

func TestDecryptMakesJournalAndBackupsPlain(t *testing.T) {
	t.Parallel()
	opts := testOpts()
	path, _ := encrypted(t, "pw", opts)
	s, _, err := Open(path, Passphrase([]byte("pw")), opts)
	if err != nil {
		t.Fatal(err)
	}
	backup, err := s.Backup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if enc, _ := data.FileEncrypted(backup); !enc {
		t.Fatal("the backup of an encrypted journal is plain")
	}
	if _, _, err := Add(path, data.Entry{Trigger: "Written while locked"}, opts); err != nil {
		t.Fatal(err)
	}
	rep, err := Decrypt(ctx, path, Passphrase([]byte("pw")), opts)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Merged != 1 || rep.BackupsDecrypted != 1 || len(rep.BackupsLeft) != 0 {
		t.Errorf("report %+v", rep)
	}
	if st, _ := StateOf(path); st != Plain || keys.Exists(data.KeysPath(path)) {
		t.Errorf("after Decrypt: state %v, keys file there: %v", st, keys.Exists(data.KeysPath(path)))
	}
	if _, err := os.Stat(data.InboxDir(path)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the inbox folder is still there: %v", err)
	}
	s, err = data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rows := entries(t, s); len(rows) != 2 {
		t.Errorf("%d entries after Decrypt, want 2", len(rows))
	}
	s.Close()
	if enc, _ := data.FileEncrypted(backup); enc {
		t.Error("the backup is still encrypted")
	}
	b, err := data.Open(backup, data.Options{})
	if err != nil {
		t.Fatalf("the decrypted backup: %v", err)
	}
	b.Close()
}

func TestEncryptOffersToDeletePlainBackups(t *testing.T) {
	t.Parallel()
	opts := testOpts()
	path := filepath.Join(t.TempDir(), "journal.db")
	s, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.SaveEntry(data.Entry{Trigger: "before"}, 0)
	old, err := s.Backup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Encrypt(ctx, path, []byte("pw"), opts); err != nil {
		t.Fatal(err)
	}
	s, _, err = Open(path, Passphrase([]byte("pw")), opts)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second) // a backup's name has the second it was made
	if _, err := s.Backup(ctx); err != nil {
		t.Fatal(err)
	}
	s.Close()
	plain, err := PlainBackups(path)
	if err != nil || len(plain) != 1 || plain[0].Path != old {
		t.Fatalf("plain backups %v, %v; want only %s", plain, err, old)
	}
	if n, err := DeletePlainBackups(path); n != 1 || err != nil {
		t.Fatalf("deleted %d, %v", n, err)
	}
	if all, _ := data.ListBackups(path); len(all) != 1 {
		t.Errorf("%d backups left, want the encrypted one", len(all))
	}
}

func TestRestoreIntoAnEncryptedJournal(t *testing.T) {
	t.Parallel()
	opts := testOpts()
	// A plain backup from before encryption, and an encrypted one after.
	path := filepath.Join(t.TempDir(), "journal.db")
	s, _ := data.Open(path, data.Options{})
	s.SaveEntry(data.Entry{Trigger: "one"}, 0)
	plainBackup, err := s.Backup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Encrypt(ctx, path, []byte("pw"), opts); err != nil {
		t.Fatal(err)
	}
	s, _, _ = Open(path, Passphrase([]byte("pw")), opts)
	s.SaveEntry(data.Entry{Trigger: "two"}, 0)
	encBackup := filepath.Join(t.TempDir(), "enc.db")
	if err := s.BackupTo(ctx, encBackup); err != nil {
		t.Fatal(err)
	}
	s.SaveEntry(data.Entry{Trigger: "three"}, 0)
	for _, c := range []struct {
		backup string
		want   int
	}{{encBackup, 2}, {plainBackup, 1}} {
		if _, err := s.Restore(ctx, c.backup); err != nil {
			t.Fatalf("restore %s: %v", c.backup, err)
		}
		if enc, _ := data.FileEncrypted(path); !enc {
			t.Fatalf("restoring %s left the journal plain", c.backup)
		}
		s, _, err = Open(path, Passphrase([]byte("pw")), opts)
		if err != nil {
			t.Fatal(err)
		}
		if rows := entries(t, s); len(rows) != c.want {
			t.Errorf("after restoring %s: %d entries, want %d", c.backup, len(rows), c.want)
		}
	}
	s.Close()
}

func TestAddToAPlainJournalSavesDirectly(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "journal.db")
	saved, toInbox, err := Add(path, data.Entry{Trigger: "Straight in", Intensity: 3}, testOpts())
	if err != nil || toInbox || saved.ID == 0 {
		t.Fatalf("saved %+v, inbox %v, %v", saved, toInbox, err)
	}
	if _, _, err := Add(path, data.Entry{Intensity: 3}, testOpts()); err == nil {
		t.Error("an entry with no answer was accepted")
	}
}

func TestInboxMergesInOrderOnce(t *testing.T) {
	t.Parallel()
	opts := testOpts()
	path, _ := encrypted(t, "pw", opts)
	base := time.Now()
	for i := range 5 {
		o := opts
		o.Data.Now = func() time.Time { return base.Add(time.Duration(i) * time.Millisecond) }
		if _, toInbox, err := Add(path, data.Entry{Trigger: "locked " + string(rune('a'+i))}, o); err != nil || !toInbox {
			t.Fatalf("add %d: inbox %v, %v", i, toInbox, err)
		}
	}
	if _, _, err := Add(path, data.Entry{Trigger: ""}, opts); err == nil {
		t.Error("an empty entry went into the inbox")
	}
	if n, _ := Pending(path); n != 5 {
		t.Fatalf("%d pending, want 5", n)
	}
	s, rep, err := Open(path, Passphrase([]byte("pw")), opts)
	if err != nil || rep.Merged != 5 || rep.Inbox != nil {
		t.Fatalf("open: %+v, %v", rep, err)
	}
	rows := entries(t, s)
	s.Close()
	// Newest first: e, d, c, b, a, then the entry from before.
	var got []string
	for _, r := range rows[:5] {
		got = append(got, r.Trigger)
	}
	if strings.Join(got, ",") != "locked e,locked d,locked c,locked b,locked a" {
		t.Errorf("merged out of order: %v", got)
	}
	if n, _ := Pending(path); n != 0 {
		t.Errorf("%d still pending", n)
	}
	s, rep, _ = Open(path, Passphrase([]byte("pw")), opts)
	if rep.Merged != 0 || len(entries(t, s)) != 6 {
		t.Errorf("second open merged %d, journal has %d", rep.Merged, len(entries(t, s)))
	}
	s.Close()
}

func TestInboxEntryOfAnotherJournalStays(t *testing.T) {
	t.Parallel()
	opts := testOpts()
	path, _ := encrypted(t, "pw", opts)
	other, _ := encrypted(t, "pw", opts)
	if _, _, err := Add(other, data.Entry{Trigger: "for the other journal"}, opts); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(data.InboxDir(other), "*.age"))
	os.MkdirAll(data.InboxDir(path), 0o700)
	os.Rename(files[0], filepath.Join(data.InboxDir(path), filepath.Base(files[0])))
	s, rep, err := Open(path, Passphrase([]byte("pw")), opts)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if rep.Inbox == nil || rep.Merged != 0 {
		t.Errorf("report %+v: want the foreign entry reported and kept", rep)
	}
	if n, _ := Pending(path); n != 1 {
		t.Errorf("%d pending, want the foreign entry kept", n)
	}
}

// token is a random word that appears nowhere unless the journal leaks it.
func token() string {
	b := make([]byte, 12)
	rand.Read(b)
	return "tok" + hex.EncodeToString(b)
}

// A merge killed after it stored an entry and before it removed the
// entry's file: the next merge finds the file again and must not add the
// entry twice.
func TestMergeAfterACrashBetweenCommitAndRemove(t *testing.T) {
	t.Parallel()
	opts := testOpts()
	path, _ := encrypted(t, "pw", opts)
	if _, _, err := Add(path, data.Entry{Trigger: "only once"}, opts); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(data.InboxDir(path), "*.age"))
	kept, _ := os.ReadFile(files[0])
	s, rep, err := Open(path, Passphrase([]byte("pw")), opts)
	if err != nil || rep.Merged != 1 {
		t.Fatalf("first merge: %+v, %v", rep, err)
	}
	s.Close()
	os.WriteFile(files[0], kept, 0o600) // as if the removal never happened
	s, rep, err = Open(path, Passphrase([]byte("pw")), opts)
	if err != nil || rep.Merged != 0 {
		t.Fatalf("second merge: %+v, %v", rep, err)
	}
	if n := len(entries(t, s)); n != 2 {
		t.Errorf("%d entries, want the first and the inbox's, once", n)
	}
	s.Close()
	if n, _ := Pending(path); n != 0 {
		t.Errorf("the file merged already is still waiting")
	}
}

// OpenWithKey hands over the key the journal is encrypted with, and
// refuses a plain journal.
func TestOpenWithKey(t *testing.T) {
	t.Parallel()
	opts := testOpts()
	path, _ := encrypted(t, "pw", opts)
	s, key, _, err := OpenWithKey(path, Passphrase([]byte("pw")), opts)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	o := opts.Data
	o.Key = key
	s, err = data.Open(path, o)
	if err != nil {
		t.Fatalf("the key handed over does not open the journal: %v", err)
	}
	s.Close()
	plain := filepath.Join(t.TempDir(), "plain.db")
	if _, _, _, err := OpenWithKey(plain, Passphrase([]byte("pw")), opts); !errors.Is(err, ErrNotEncrypted) {
		t.Errorf("a missing journal: %v", err)
	}
}
