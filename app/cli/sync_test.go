package cli

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/keys"
	"github.com/bothand/bothand/data/replica"
	"github.com/bothand/bothand/data/vault"
)

// openWith opens an encrypted journal with its passphrase, as the window
// will, to look inside or edit it between the verbs.
func openWith(t *testing.T, db, pass string) *data.Store {
	t.Helper()
	s, _, err := vault.Open(db, vault.Passphrase([]byte(pass)), vault.Options{})
	if err != nil {
		t.Fatalf("open %s: %v", db, err)
	}
	return s
}

// The verbs, end to end on encrypted journals: set up, join with the
// passphrase from a file, a round each way, the status, removing a
// computer and stopping. Both journals use one folder, as a sync tool
// that copies at once would leave them.
func TestSyncVerbs(t *testing.T) {
	t.Parallel()
	desk, _ := encryptedJournal(t, "tea at four")
	dir := t.TempDir()
	folder := filepath.Join(dir, "Sync", "bothand")
	lap := filepath.Join(dir, "laptop.db")
	pass := secretFile(t, "tea at four\n")
	as := func(db string, args ...string) result {
		return runIn(t, nil, "", nil, append([]string{"--db", db, "--passphrase-file", pass}, args...)...)
	}

	if r := as(desk, "sync", "status"); r.code != ExitError || !strings.Contains(r.stderr, "does not sync yet") {
		t.Errorf("status before setup: %+v", r)
	}
	r := as(desk, "sync", "setup", folder, "--name", "Family desktop")
	if r.code != ExitOK || !strings.Contains(r.stdout, "syncs through "+folder) || !strings.Contains(r.stdout, "sync join") {
		t.Fatalf("setup: %+v", r)
	}
	kf, err := keys.Read(replica.KeysPath(folder))
	if err != nil {
		t.Fatalf("the keys file is not in the folder: %v", err)
	}
	for _, sl := range kf.Slots {
		if sl.Kind == keys.KindKeyring {
			t.Error("the folder's keys file carries this computer's keyring slot")
		}
	}

	var slept []time.Duration
	r = runIn(t, nil, "", &slept, "--db", lap, "sync", "join", folder, "--passphrase-file", secretFile(t, "coffee at four\n"))
	if r.code != ExitError || !strings.Contains(r.stderr, "does not unlock the journal in "+folder) || strings.Contains(r.stderr, "recover sets") || len(slept) != 1 {
		t.Errorf("join with a wrong passphrase: %+v, delays %v", r, slept)
	}
	for _, p := range []string{lap, data.KeysPath(lap)} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("a failed join left %s: %v", filepath.Base(p), err)
		}
	}
	r = runIn(t, nil, "", nil, "sync", "join", folder, "--name", "Work laptop", "--db", lap, "--passphrase-file", pass)
	if r.code != ExitOK || !strings.Contains(r.stdout, "Joined") || !strings.Contains(r.stdout, "1 entry") {
		t.Fatalf("join: %+v", r)
	}
	if st, err := vault.StateOf(lap); st != vault.Encrypted || err != nil {
		t.Errorf("the joined journal is %v (%v), want encrypted with its keys beside it", st, err)
	}
	if r := as(lap, "sync", "join", folder); r.code != ExitError || !strings.Contains(r.stderr, "exists already") {
		t.Errorf("join over an existing journal: %+v", r)
	}

	s := openWith(t, lap, "tea at four")
	if n, _ := s.CountEntries(data.EntryFilter{Text: "pickup"}); n != 1 {
		t.Errorf("the joined journal has %d entries about pickup, want the desktop's 1", n)
	}
	if _, err := s.AddSlip("Lunch away from the desk.", false); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if r := as(lap, "sync"); r.code != ExitOK || !strings.Contains(r.stdout, "Sent 1 change") {
		t.Errorf("round on the laptop: %+v", r)
	}
	if r := as(desk, "sync"); r.code != ExitOK || !strings.Contains(r.stdout, "Received 1 change") {
		t.Errorf("round on the desktop: %+v", r)
	}
	if r := as(desk, "sync"); r.code != ExitOK || r.stdout != "Up to date.\n" {
		t.Errorf("a round with nothing new: %+v", r)
	}
	s = openWith(t, desk, "tea at four")
	if slips, _ := s.Slips(); len(slips) != 1 || slips[0].Text != "Lunch away from the desk." {
		t.Errorf("the desktop's slips after the rounds: %+v", slips)
	}
	s.Close()
	r = as(desk, "sync", "status")
	for _, want := range []string{"Folder: " + folder, "This computer: Family desktop", "Work laptop", "last synced", "Last round:"} {
		if r.code != ExitOK || !strings.Contains(r.stdout, want) {
			t.Errorf("status lacks %q: %+v", want, r)
		}
	}
	assertNotInFolder(t, folder, "pickup", "Lunch away", "tea at four")

	if r := as(desk, "sync", "remove", "Kitchen tablet"); r.code != ExitError || !strings.Contains(r.stderr, "no computer called") {
		t.Errorf("removing an unknown computer: %+v", r)
	}
	if r := as(desk, "sync", "remove", "work laptop"); r.code != ExitOK || !strings.Contains(r.stdout, "Removed “Work laptop”") {
		t.Errorf("remove: %+v", r)
	}
	r = as(lap, "sync")
	if r.code != ExitError || !strings.Contains(r.stderr, "removed from the sync by “Family desktop”") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("a round on the removed laptop: %+v", r)
	}
	if r := as(lap, "sync", "stop"); r.code != ExitOK || !strings.Contains(r.stdout, "no longer syncs") {
		t.Errorf("stop: %+v", r)
	}
	if r := as(lap, "sync"); r.code != ExitError || !strings.Contains(r.stderr, "does not sync yet") {
		t.Errorf("a round after stopping: %+v", r)
	}
}

// A computer that lost the passphrase joins with the recovery code, typed
// at the same prompt, and is told the passphrase stays the other one's.
func TestSyncJoinWithTheRecoveryCode(t *testing.T) {
	t.Parallel()
	desk, code := encryptedJournal(t, "tea at four")
	folder := filepath.Join(t.TempDir(), "sync")
	if r := runIn(t, nil, "", nil, "--db", desk, "--passphrase-file", secretFile(t, "tea at four\n"), "sync", "setup", folder); r.code != ExitOK {
		t.Fatalf("setup: %+v", r)
	}
	lap := filepath.Join(t.TempDir(), "laptop.db")
	term := &script{answers: []string{strings.ToLower(code)}}
	r := runIn(t, term, "", nil, "--db", lap, "sync", "join", folder)
	if r.code != ExitOK || !strings.Contains(r.stderr, "recovery code") || len(term.prompts) != 1 || !strings.Contains(term.prompts[0], "recovery code") {
		t.Fatalf("join with the code: %+v, prompts %q", r, term.prompts)
	}
	s := openWith(t, lap, "tea at four")
	defer s.Close()
	if n, _ := s.CountEntries(data.EntryFilter{}); n != 1 {
		t.Errorf("the joined journal has %d entries, want 1", n)
	}
}

// A folder without the keys file (the sync tool not done, or the wrong
// folder) is said so, and nothing is made.
func TestSyncJoinAFolderWithoutKeys(t *testing.T) {
	t.Parallel()
	lap := filepath.Join(t.TempDir(), "laptop.db")
	for folder, want := range map[string]string{
		t.TempDir(): "holds no journal's keys",
		filepath.Join(t.TempDir(), "not-mounted"): "is not there",
	} {
		r := runIn(t, nil, "", nil, "--db", lap, "--passphrase-file", secretFile(t, "x\n"), "sync", "join", folder)
		if r.code != ExitError || !strings.Contains(r.stderr, want) || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("join %s: %+v", folder, r)
		}
		if _, err := os.Stat(lap); !os.IsNotExist(err) {
			t.Errorf("a failed join left a journal: %v", err)
		}
	}
}

// assertNotInFolder fails when any file under folder holds one of words.
func assertNotInFolder(t *testing.T, folder string, words ...string) {
	t.Helper()
	n := 0
	err := filepath.WalkDir(folder, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		for _, w := range words {
			if bytes.Contains(bytes.ToLower(b), bytes.ToLower([]byte(w))) {
				t.Errorf("%q is in %s", w, p)
			}
		}
		return nil
	})
	if err != nil || n < 3 {
		t.Errorf("walked %d files of the folder: %v", n, err)
	}
}

func TestSyncUsageErrors(t *testing.T) {
	db := journalWithSlip(t, "x")
	for _, args := range [][]string{
		{"sync", "frobnicate"},
		{"sync", "setup"},
		{"sync", "join"},
		{"sync", "setup", "a", "b"},
		{"sync", "status", "extra"},
		{"sync", "--bogus"},
	} {
		if r := run(t, nil, append([]string{"--db", db}, args...)...); r.code != ExitUsage {
			t.Errorf("%q: %+v", args, r)
		}
	}
}

// A plain journal can't sync: setup and a round say why in one line, and
// touch no folder; status says it does not sync.
func TestSyncNeedsAnEncryptedJournal(t *testing.T) {
	db := journalWithSlip(t, "x")
	folder := filepath.Join(t.TempDir(), "sync")
	for _, args := range [][]string{{"sync", "setup", folder}, {"sync"}} {
		r := run(t, nil, append([]string{"--db", db}, args...)...)
		if r.code != ExitError || !strings.Contains(r.stderr, "bothand encrypt") || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("%q on a plain journal: %+v", args, r)
		}
	}
	if _, err := os.Stat(folder); !os.IsNotExist(err) {
		t.Errorf("setup of a plain journal made the folder: %v", err)
	}
	if r := run(t, nil, "--db", db, "sync", "status"); r.code != ExitError || !strings.Contains(r.stderr, "does not sync yet") {
		t.Errorf("status of a plain journal: %+v", r)
	}
}

// Joining into the standard data folder of a computer that never had a
// journal makes the folder, as opening a journal there would; a --db in
// a folder that is not there is said so.
func TestSyncJoinMakesTheDataFolder(t *testing.T) {
	t.Parallel()
	desk, _ := encryptedJournal(t, "tea at four")
	folder := filepath.Join(t.TempDir(), "sync")
	pf := secretFile(t, "tea at four\n")
	if r := runIn(t, nil, "", nil, "--db", desk, "--passphrase-file", pf, "sync", "setup", folder); r.code != ExitOK {
		t.Fatalf("setup: %+v", r)
	}
	c := &command{Env: Env{Stdout: io.Discard, Stderr: io.Discard, Now: time.Now, Sleep: func(time.Duration) {}}, passFile: pf}
	fresh := filepath.Join(t.TempDir(), "share", "bothand", "journal.db")
	s, key, err := syncKeys.Create(c, fresh, folder, data.Options{CreateFolder: true})
	if err != nil {
		t.Fatalf("join into a folder not made yet: %v", err)
	}
	s.Close()
	if len(key) != data.KeySize {
		t.Errorf("a key of %d bytes", len(key))
	}
	if st, err := vault.StateOf(fresh); st != vault.Encrypted || err != nil {
		t.Errorf("the new journal is %v (%v)", st, err)
	}
	missing := filepath.Join(t.TempDir(), "no-such-folder", "laptop.db")
	r := runIn(t, nil, "", nil, "--db", missing, "--passphrase-file", pf, "sync", "join", folder)
	if r.code != ExitError || !strings.Contains(r.stderr, "is not there") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("join into a --db whose folder is missing: %+v", r)
	}
}

// Two computers of one name, joined within the same minute, show
// different ids, and remove takes the id shown.
func TestSyncRemoveByTheIDShown(t *testing.T) {
	t.Parallel()
	desk, _ := encryptedJournal(t, "tea at four")
	dir := t.TempDir()
	folder := filepath.Join(dir, "sync")
	pf := secretFile(t, "tea at four\n")
	as := func(db string, args ...string) result {
		return runIn(t, nil, "", nil, append([]string{"--db", db, "--passphrase-file", pf}, args...)...)
	}
	if r := as(desk, "sync", "setup", folder); r.code != ExitOK {
		t.Fatalf("setup: %+v", r)
	}
	for _, db := range []string{"one.db", "two.db"} {
		if r := as(filepath.Join(dir, db), "sync", "join", folder, "--name", "laptop"); r.code != ExitOK {
			t.Fatalf("join %s: %+v", db, r)
		}
	}
	if r := as(desk, "sync"); r.code != ExitOK {
		t.Fatalf("round: %+v", r)
	}
	var ids []string
	for _, line := range strings.Split(as(desk, "sync", "status").stdout, "\n") {
		if f := strings.Fields(line); len(f) > 2 && f[0] == "laptop" {
			ids = append(ids, f[1])
		}
	}
	if len(ids) != 2 || ids[0] == ids[1] {
		t.Fatalf("the two laptops' ids as shown: %q", ids)
	}
	if r := as(desk, "sync", "remove", "laptop"); r.code != ExitError || !strings.Contains(r.stderr, "2 computers are called") {
		t.Errorf("remove by a name two share: %+v", r)
	}
	if r := as(desk, "sync", "remove", strings.ToUpper(ids[1])); r.code != ExitOK {
		t.Errorf("remove by the id shown: %+v", r)
	}
	if r := as(desk, "sync", "status"); !strings.Contains(r.stdout, ids[1]+"  removed") || strings.Contains(r.stdout, ids[0]+"  removed") {
		t.Errorf("status after removing %s:\n%s", ids[1], r.stdout)
	}
}

// Turning the encryption off stops the sync, which can't go on without
// the key, and says what to do on the other computers.
func TestDecryptStopsSyncing(t *testing.T) {
	t.Parallel()
	desk, _ := encryptedJournal(t, "tea at four")
	folder := filepath.Join(t.TempDir(), "sync")
	pf := secretFile(t, "tea at four\n")
	if r := runIn(t, nil, "", nil, "--db", desk, "--passphrase-file", pf, "sync", "setup", folder, "--name", "desk"); r.code != ExitOK {
		t.Fatalf("setup: %+v", r)
	}
	r := runIn(t, nil, "", nil, "--db", desk, "--passphrase-file", pf, "decrypt")
	if r.code != ExitOK || !strings.Contains(r.stdout, "no longer syncs through "+folder) || !strings.Contains(r.stdout, `sync remove "desk"`) {
		t.Fatalf("decrypt: %+v", r)
	}
	if r := run(t, nil, "--db", desk, "sync", "status"); r.code != ExitError || !strings.Contains(r.stderr, "does not sync yet") {
		t.Errorf("status after decrypting: %+v", r)
	}
	// A plain journal decrypted from one that never synced says nothing
	// of syncing.
	other, _ := encryptedJournal(t, "tea at four")
	if r := runIn(t, nil, "", nil, "--db", other, "--passphrase-file", pf, "decrypt"); r.code != ExitOK || strings.Contains(r.stdout, "sync") {
		t.Errorf("decrypt of a journal that never synced: %+v", r)
	}
}

// A passphrase changed on one computer reaches the folder's copy of the
// keys at its next round, so a computer joining later types the new one.
func TestSyncFolderKeysFollowThePassphrase(t *testing.T) {
	t.Parallel()
	desk, _ := encryptedJournal(t, "tea at four")
	dir := t.TempDir()
	folder := filepath.Join(dir, "sync")
	old, fresh := secretFile(t, "tea at four\n"), secretFile(t, "coffee at five\n")
	if r := runIn(t, nil, "", nil, "--db", desk, "--passphrase-file", old, "sync", "setup", folder); r.code != ExitOK {
		t.Fatalf("setup: %+v", r)
	}
	if r := runIn(t, nil, "", nil, "--db", desk, "--passphrase-file", old, "passphrase", "--new-passphrase-file", fresh); r.code != ExitOK {
		t.Fatalf("passphrase: %+v", r)
	}
	if r := runIn(t, nil, "", nil, "--db", desk, "--passphrase-file", fresh, "sync"); r.code != ExitOK || r.stderr != "" {
		t.Fatalf("round: %+v", r)
	}
	var slept []time.Duration
	if r := runIn(t, nil, "", &slept, "--db", filepath.Join(dir, "a.db"), "--passphrase-file", old, "sync", "join", folder); r.code != ExitError {
		t.Errorf("join with the old passphrase: %+v", r)
	}
	if r := runIn(t, nil, "", nil, "--db", filepath.Join(dir, "b.db"), "--passphrase-file", fresh, "sync", "join", folder); r.code != ExitOK {
		t.Errorf("join with the new passphrase: %+v", r)
	}
}
