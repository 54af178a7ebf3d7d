package data

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEncryptedJournalOpensOnlyWithItsKey(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "journal.db")
	s, err := Open(path, Options{Key: crashKey})
	if err != nil {
		t.Fatal(err)
	}
	if !s.Encrypted() {
		t.Error("Encrypted() is false")
	}
	if _, err := s.AddSlip("I can rest too.", true); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if bytes.Equal(s.key, crashKey) {
		t.Error("Close left the store's copy of the key")
	}
	before, _ := os.ReadFile(path)
	if bytes.HasPrefix(before, []byte(sqliteMagic)) || bytes.Contains(before, []byte("I can rest too.")) {
		t.Fatal("the journal is not encrypted")
	}
	wrong := bytes.Repeat([]byte{1}, KeySize)
	if _, err := Open(path, Options{Key: wrong}); !errors.Is(err, ErrWrongKey) {
		t.Errorf("wrong key: %v, want ErrWrongKey", err)
	}
	if _, err := Open(path, Options{Key: []byte("short")}); !errors.Is(err, ErrWrongKey) {
		t.Errorf("short key: %v", err)
	}
	if _, err := Open(path, Options{}); !errors.Is(err, ErrNotDatabase) {
		t.Errorf("no key and no keys file: %v, want ErrNotDatabase", err)
	}
	os.WriteFile(KeysPath(path), []byte("{}"), 0o600)
	if _, err := Open(path, Options{}); !errors.Is(err, ErrEncrypted) {
		t.Errorf("no key beside a keys file: %v, want ErrEncrypted", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("a refused open changed the journal")
	}
	for _, p := range []string{path + "-wal", path + "-shm"} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("a refused open left %s", filepath.Base(p))
		}
	}
	plain := filepath.Join(t.TempDir(), "plain.db")
	os.WriteFile(plain, nil, 0o600)
	os.Remove(plain)
	p, _ := Open(plain, Options{})
	p.Close()
	if _, err := Open(plain, Options{Key: crashKey}); !errors.Is(err, ErrWrongKey) {
		t.Errorf("a key for a plain journal: %v", err)
	}
}

func TestConvertBothWaysKeepsEverything(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "journal.db")
	s, _ := Open(path, Options{})
	for i := range 30 {
		if _, err := s.SaveEntry(Entry{Trigger: "entry", Intensity: i % 11}, 0); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	if err := Convert(context.Background(), path, nil, crashKey, Options{}); err != nil {
		t.Fatal(err)
	}
	if enc, _ := FileEncrypted(path); !enc {
		t.Fatal("not encrypted after Convert")
	}
	s, err := Open(path, Options{Key: crashKey})
	if err != nil {
		t.Fatal(err)
	}
	n, _ := s.CountEntries(EntryFilter{})
	backup, err := s.Backup(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if n != 30 {
		t.Errorf("%d entries after encrypting, want 30", n)
	}
	if enc, _ := FileEncrypted(backup); !enc {
		t.Error("the backup of an encrypted journal is plain")
	}
	// A plain copy made on request, as turning encryption off does.
	if err := Convert(context.Background(), path, crashKey, nil, Options{}); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	n, _ = s.CountEntries(EntryFilter{})
	s.Close()
	if n != 30 {
		t.Errorf("%d entries after decrypting, want 30", n)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".journal-converting-*")); len(left) != 0 {
		t.Errorf("Convert left %v", left)
	}
}

func TestConvertRefusesWhileAnotherConnectionHoldsTheJournal(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "journal.db")
	s, _ := Open(path, Options{})
	s.SaveEntry(Entry{Trigger: "x"}, 0)
	defer s.Close()
	before, _ := os.ReadFile(path)
	err := Convert(context.Background(), path, nil, crashKey, Options{})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("Convert while the journal is open elsewhere: %v, want ErrLocked", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the refused Convert changed the journal")
	}
}

// Convert says how far it has come: the copy page by page, then the
// check, ending at all of it.
func TestConvertReportsItsProgress(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "journal.db")
	s, _ := Open(path, Options{})
	story := strings.Repeat("A long evening of work and worry. ", 400) // about 14 KB
	for range 400 {
		if _, err := s.SaveEntry(Entry{Trigger: "entry", Story: story, Intensity: 5}, 0); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	var seen [][2]int64
	progress := func(done, total int64) { seen = append(seen, [2]int64{done, total}) }
	if err := Convert(context.Background(), path, nil, crashKey, Options{Progress: progress}); err != nil {
		t.Fatal(err)
	}
	if len(seen) < 3 {
		t.Fatalf("only %d reports: %v", len(seen), seen)
	}
	for i, r := range seen {
		if r[1] != seen[0][1] || r[0] > r[1] || (i > 0 && r[0] < seen[i-1][0]) {
			t.Fatalf("report %d of %v goes back or past the total", i, seen)
		}
	}
	if last, before := seen[len(seen)-1], seen[len(seen)-2]; last[0] != last[1] || before[0] == before[1] {
		t.Errorf("the last reports are %v and %v: the check should end it, not the copy", before, last)
	}
}
