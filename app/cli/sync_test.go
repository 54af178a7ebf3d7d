package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bothand/bothand/data"
)

// testKeys stands in for the vault: plain journals, one data key, and a
// keys file in the folder that holds only the passphrase's check.
type testKeys struct{}

var testDataKey = bytes.Repeat([]byte{9}, 32)

func (testKeys) Open(_ *command, path string, o data.Options) (*data.Store, []byte, error) {
	s, err := data.Open(path, o)
	return s, bytes.Clone(testDataKey), err
}

func (testKeys) Publish(_, folder string) error {
	return os.WriteFile(filepath.Join(folder, "journal.keys"), []byte("sesame\n"), 0o600)
}

func (testKeys) Create(_ *command, path, folder, passFile string, o data.Options) (*data.Store, []byte, error) {
	want, err := os.ReadFile(filepath.Join(folder, "journal.keys"))
	if err != nil {
		return nil, nil, err
	}
	got, err := os.ReadFile(passFile)
	if err != nil || !bytes.Equal(got, want) {
		return nil, nil, errors.New("that passphrase does not unlock this journal")
	}
	s, err := data.Open(path, o)
	return s, bytes.Clone(testDataKey), err
}

func (testKeys) Remove(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		os.Remove(p)
	}
}

func withTestKeys(t *testing.T) {
	old := syncKeys
	syncKeys = testKeys{}
	t.Cleanup(func() { syncKeys = old })
}

// The four verbs, end to end: set up, join with the passphrase from a file,
// a round each way, the status, and removing a computer. Both journals
// use one folder, as a sync tool that copies at once would leave them.
func TestSyncVerbs(t *testing.T) {
	withTestKeys(t)
	desk := journalWithSlip(t, "Rest counts.")
	dir := t.TempDir()
	folder := filepath.Join(dir, "Sync", "bothand")
	lap := filepath.Join(dir, "laptop.db")
	pass := filepath.Join(dir, "pass.txt")
	os.WriteFile(pass, []byte("sesame\n"), 0o600)

	if r := run(t, nil, "--db", desk, "sync", "status"); r.code != ExitError || !strings.Contains(r.stderr, "does not sync yet") {
		t.Errorf("status before setup: %+v", r)
	}
	r := run(t, nil, "--db", desk, "sync", "setup", folder, "--name", "Family desktop")
	if r.code != ExitOK || !strings.Contains(r.stdout, "syncs through "+folder) || !strings.Contains(r.stdout, "sync join") {
		t.Fatalf("setup: %+v", r)
	}
	if _, err := os.Stat(filepath.Join(folder, "journal.keys")); err != nil {
		t.Errorf("the keys file is not in the folder: %v", err)
	}
	r = run(t, nil, "--db", lap, "sync", "join", folder, "--passphrase-file", filepath.Join(dir, "nope.txt"))
	if r.code != ExitError {
		t.Errorf("join without the passphrase: %+v", r)
	}
	if _, err := os.Stat(lap); !os.IsNotExist(err) {
		t.Errorf("a failed join left a journal: %v", err)
	}
	r = run(t, nil, "sync", "join", folder, "--name", "Work laptop", "--db", lap, "--passphrase-file", pass)
	if r.code != ExitOK || !strings.Contains(r.stdout, "Joined") {
		t.Fatalf("join: %+v", r)
	}
	if r := run(t, nil, "--db", lap, "sync", "join", folder, "--passphrase-file", pass); r.code != ExitError || !strings.Contains(r.stderr, "exists already") {
		t.Errorf("join over an existing journal: %+v", r)
	}

	s, err := data.Open(lap, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	slips, _ := s.Slips()
	if len(slips) != 1 || slips[0].Text != "Rest counts." {
		t.Errorf("the joined journal's slips: %+v", slips)
	}
	if _, err := s.AddSlip("Lunch away from the desk.", false); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if r := run(t, nil, "--db", lap, "sync"); r.code != ExitOK || !strings.Contains(r.stdout, "Sent 1 change") {
		t.Errorf("round on the laptop: %+v", r)
	}
	if r := run(t, nil, "--db", desk, "sync"); r.code != ExitOK || !strings.Contains(r.stdout, "Received 1 change") {
		t.Errorf("round on the desktop: %+v", r)
	}
	if r := run(t, nil, "--db", desk, "sync"); r.code != ExitOK || r.stdout != "Up to date.\n" {
		t.Errorf("a round with nothing new: %+v", r)
	}
	r = run(t, nil, "--db", desk, "sync", "status")
	for _, want := range []string{"Folder: " + folder, "This computer: Family desktop", "Work laptop", "last synced", "Last round:"} {
		if r.code != ExitOK || !strings.Contains(r.stdout, want) {
			t.Errorf("status lacks %q: %+v", want, r)
		}
	}

	if r := run(t, nil, "--db", desk, "sync", "remove", "Kitchen tablet"); r.code != ExitError || !strings.Contains(r.stderr, "no computer called") {
		t.Errorf("removing an unknown computer: %+v", r)
	}
	if r := run(t, nil, "--db", desk, "sync", "remove", "work laptop"); r.code != ExitOK || !strings.Contains(r.stdout, "Removed “Work laptop”") {
		t.Errorf("remove: %+v", r)
	}
	r = run(t, nil, "--db", lap, "sync")
	if r.code != ExitError || !strings.Contains(r.stderr, "removed from the sync by “Family desktop”") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("a round on the removed laptop: %+v", r)
	}
	if r := run(t, nil, "--db", lap, "sync", "stop"); r.code != ExitOK || !strings.Contains(r.stdout, "no longer syncs") {
		t.Errorf("stop: %+v", r)
	}
	if r := run(t, nil, "--db", lap, "sync"); r.code != ExitError || !strings.Contains(r.stderr, "does not sync yet") {
		t.Errorf("a round after stopping: %+v", r)
	}
}

func TestSyncUsageErrors(t *testing.T) {
	withTestKeys(t)
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

// Until journals can be protected with a passphrase, sync says why it
// can't, in one line.
func TestSyncNeedsAnEncryptedJournal(t *testing.T) {
	db := journalWithSlip(t, "x")
	r := run(t, nil, "--db", db, "sync", "setup", t.TempDir())
	if r.code != ExitError || !strings.Contains(r.stderr, "passphrase") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("setup of a plain journal: %+v", r)
	}
}
