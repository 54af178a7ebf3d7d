package vault

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bothand/bothand/data"
)

// A word typed into an entry of an encrypted journal, an entry added while
// it is locked, and the backups made of it, are nowhere in the clear: not
// in the journal's folder (journal, WAL, keys file, inbox), not in the
// backups folder, not in the temporary folder SQLite and the app use. Not
// parallel: it points TMPDIR at a folder of its own.
func TestNoWordLeaksFromAnEncryptedJournal(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	opts := testOpts()
	dir := filepath.Join(t.TempDir(), "journal folder")
	os.Mkdir(dir, 0o700)
	path := filepath.Join(dir, "journal.db")
	typed, locked := token(), token()

	s, err := data.Open(path, data.Options{})
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
	for i := range 50 { // enough pages for the WAL and a spill to disk
		if _, err := s.SaveEntry(data.Entry{
			Trigger: "School pickup " + typed, Story: strings.Repeat(typed+" I keep saying yes. ", 40),
			Friend: "You came. " + typed, Intensity: i % 11, Tags: []data.Tag{{Name: typed}},
		}, 0); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.SaveDraft(data.Draft{Trigger: "draft " + typed}); err != nil {
		t.Fatal(err)
	}
	page, err := s.EntryPage(data.EntryFilter{Text: typed}, nil, 50)
	if err != nil || len(page.Rows) == 0 {
		t.Fatalf("search: %d rows, %v", len(page.Rows), err)
	}
	if _, err := s.Backup(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DailyBackup(); err != nil {
		t.Fatal(err)
	}
	noWord(t, "while open", []string{dir, tmp}, typed, locked)
	s.Close()

	if _, toInbox, err := Add(path, data.Entry{Trigger: "Quick note " + locked, Tags: []data.Tag{{Name: locked}}}, opts); err != nil || !toInbox {
		t.Fatalf("add while locked: %v, %v", toInbox, err)
	}
	noWord(t, "locked", []string{dir, tmp}, typed, locked)

	s, rep, err := Open(path, Passphrase([]byte("pw")), opts)
	if err != nil || rep.Merged != 1 {
		t.Fatalf("unlock: merged %d, %v", rep.Merged, err)
	}
	if page, _ := s.EntryPage(data.EntryFilter{Text: locked}, nil, 5); len(page.Rows) != 1 {
		t.Errorf("the entry written while locked is not found by its word")
	}
	s.Close()
	noWord(t, "after the merge", []string{dir, tmp}, typed, locked)

	files := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() && strings.HasSuffix(p, ".db") {
			files++
			if head, _ := os.ReadFile(p); bytes.HasPrefix(head, []byte("SQLite format 3")) {
				t.Errorf("%s starts with SQLite's plain header", p)
			}
		}
		return nil
	})
	if files < 3 { // the journal and two backups
		t.Errorf("only %d database files checked", files)
	}
}

// noWord fails when any file under dirs holds one of words, as text or
// as the bytes of a hex or base64 encoding would not: only the plain bytes
// are looked for, which is what a reader with the file would see.
func noWord(t *testing.T, when string, dirs []string, words ...string) {
	t.Helper()
	checked := 0
	for _, dir := range dirs {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() {
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				t.Errorf("%s: %v", p, err)
				return nil
			}
			checked++
			for _, w := range words {
				if bytes.Contains(b, []byte(w)) {
					t.Errorf("%s: %s holds a word typed into the journal", when, p)
				}
			}
			return nil
		})
	}
	if checked == 0 {
		t.Errorf("%s: no file was checked", when)
	}
}
