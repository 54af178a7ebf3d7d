package data

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gofrs/flock"
	_ "github.com/ncruces/go-sqlite3/driver"
	"gorm.io/gorm/schema"
)

// openTemp opens a fresh journal in a temp folder.
func openTemp(t testing.TB, opts ...Options) *Store {
	t.Helper()
	var o Options
	if len(opts) > 0 {
		o = opts[0]
	}
	s, err := Open(filepath.Join(t.TempDir(), "journal.db"), o)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestOpenCreatesPrivateFileAndFolder(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "nested", "bothand")
	path := filepath.Join(dir, "journal.db")
	s, err := Open(path, Options{CreateFolder: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("folder mode = %v, %v; want 0700", fi.Mode().Perm(), err)
	}
	for _, p := range []string{path, path + "-wal"} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s mode = %v, want 0600", filepath.Base(p), fi.Mode().Perm())
		}
	}
	var mode string
	s.db.Raw("PRAGMA journal_mode").Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal_mode = %q, want wal", mode)
	}
	var fk, syncMode int
	s.db.Raw("PRAGMA foreign_keys").Scan(&fk)
	s.db.Raw("PRAGMA synchronous").Scan(&syncMode)
	if fk != 1 || syncMode != 2 {
		t.Errorf("foreign_keys=%d synchronous=%d, want 1 and 2 (FULL)", fk, syncMode)
	}
}

func TestOpenTightensAnExistingFile(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "journal.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	os.Chmod(path, 0o644)
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode after reopen = %v, want 0600", fi.Mode().Perm())
	}
}

func TestMigrateIsRecordedAndIdempotent(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "journal.db")
	clock := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	s, err := Open(path, Options{Now: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	v, _ := s.schemaVersion(s.db)
	if v != SchemaVersion() || v < 1 {
		t.Fatalf("user_version = %d, want %d", v, SchemaVersion())
	}
	type row struct {
		Version   int
		Name      string
		AppliedAt int64
	}
	var first []row
	s.db.Raw("SELECT version, name, applied_at FROM schema_migrations ORDER BY version").Scan(&first)
	if len(first) != SchemaVersion() || first[0].Name != "initial" {
		t.Fatalf("schema_migrations = %+v", first)
	}
	// Migrating again, and reopening later, applies nothing and seeds nothing new.
	if err := s.migrate(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	clock = clock.Add(48 * time.Hour)
	s, err = Open(path, Options{Now: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var again []row
	s.db.Raw("SELECT version, name, applied_at FROM schema_migrations ORDER BY version").Scan(&again)
	if fmt.Sprint(again) != fmt.Sprint(first) {
		t.Errorf("reopen changed schema_migrations: %v -> %v", first, again)
	}
	var tags, reframes int
	s.db.Raw("SELECT count(*) FROM tags WHERE builtin_key IS NOT NULL").Scan(&tags)
	s.db.Raw("SELECT count(*) FROM reframes WHERE builtin_key IS NOT NULL").Scan(&reframes)
	if tags != 6 || reframes != 4 {
		t.Errorf("built-ins: %d tags, %d reframes; want 6 and 4", tags, reframes)
	}
}

func TestMigrationsAreNumberedWithoutGaps(t *testing.T) {
	t.Parallel()
	for i, m := range migrations {
		if m.version != i+1 {
			t.Fatalf("migration %d is numbered %d", i+1, m.version)
		}
		if m.name == "" {
			t.Errorf("migration %d has no name", m.version)
		}
	}
}

// TestModelsMatchTables catches a struct field without a column (or the
// reverse) before it becomes a runtime error in some rarely used screen.
func TestModelsMatchTables(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	models := []any{
		&Entry{}, &Tag{}, &Draft{}, &Commitment{}, &OccurrenceOutcome{}, &WorkBlock{},
		&MakeUp{}, &Protocol{}, &ProtocolStep{}, &Slip{}, &SlipReading{}, &Reframe{},
		&CompassionSession{}, &UrgencyCriterion{}, &Triage{}, &TriageAnswer{}, &Notice{}, &Setting{},
	}
	for _, m := range models {
		sch, err := schema.Parse(m, &sync.Map{}, s.db.NamingStrategy)
		if err != nil {
			t.Fatal(err)
		}
		var fields []string
		for _, f := range sch.Fields {
			if f.DBName != "" {
				fields = append(fields, f.DBName)
			}
		}
		var cols []string
		s.db.Raw("SELECT name FROM pragma_table_info(?)", sch.Table).Scan(&cols)
		sort.Strings(fields)
		sort.Strings(cols)
		if strings.Join(fields, ",") != strings.Join(cols, ",") {
			t.Errorf("%s:\n model  %v\n table  %v", sch.Table, fields, cols)
		}
	}
}

func TestErrorsLeaveTheFileUntouched(t *testing.T) {
	t.Parallel()
	// A real journal to damage in various ways.
	goodDir := t.TempDir()
	good := filepath.Join(goodDir, "journal.db")
	s, err := Open(good, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddSlip("I can rest too.", true); err != nil {
		t.Fatal(err)
	}
	s.Close()
	goodBytes, _ := os.ReadFile(good)

	foreign := filepath.Join(t.TempDir(), "other.db")
	db, err := sql.Open("sqlite3", foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	newer := append([]byte(nil), goodBytes...)
	newer[63] = byte(SchemaVersion() + 1) // user_version, big-endian at offset 60

	cases := []struct {
		name    string
		content []byte // nil: use the file at path as is
		path    string
		want    error
	}{
		{name: "random bytes", content: bytes.Repeat([]byte{0x9e, 0x37, 0x79, 0xb9}, 1024), want: ErrNotDatabase},
		{name: "empty file", content: []byte{}, want: ErrNotDatabase},
		{name: "text file", content: []byte("Dear diary,\nthis is not a database.\n"), want: ErrNotDatabase},
		{name: "truncated", content: goodBytes[:len(goodBytes)/2+7], want: ErrDamaged},
		{name: "truncated to whole pages", content: goodBytes[:4096], want: ErrDamaged},
		{name: "header only", content: goodBytes[:60], want: ErrDamaged},
		{name: "newer version", content: newer, want: ErrNewerVersion},
		{name: "another program's database", path: foreign, want: ErrNotJournal},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := tc.path
			if path == "" {
				path = filepath.Join(t.TempDir(), "journal.db")
				if err := os.WriteFile(path, tc.content, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			before := fileHash(t, path)
			st, err := Open(path, Options{BusyTimeout: 200 * time.Millisecond})
			if err == nil {
				st.Close()
				t.Fatal("Open succeeded")
			}
			var oe *OpenError
			if !errors.As(err, &oe) || !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want an OpenError of kind %v", err, tc.want)
			}
			if oe.Path != path || oe.Advice() == "" || !strings.Contains(err.Error(), path) {
				t.Errorf("error lacks path or advice: %q / %q", err, oe.Advice())
			}
			if fileHash(t, path) != before {
				t.Error("the file changed")
			}
			for _, side := range []string{"-wal", "-shm", "-journal"} {
				if _, err := os.Stat(path + side); err == nil && tc.path == "" {
					t.Errorf("left a %s file behind", side)
				}
			}
		})
	}
}

func TestReadOnlyFileAndFolder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "journal.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := fileHash(t, path)

	os.Chmod(path, 0o400)
	_, err = Open(path, Options{})
	if !errors.Is(err, ErrReadOnly) {
		t.Errorf("read-only file: err = %v, want ErrReadOnly", err)
	}
	os.Chmod(path, 0o600)

	os.Chmod(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	_, err = Open(path, Options{})
	if !errors.Is(err, ErrFolderLocked) {
		t.Errorf("read-only folder: err = %v, want ErrFolderLocked", err)
	}
	_, err = Open(filepath.Join(dir, "new.db"), Options{})
	if !errors.Is(err, ErrFolderLocked) {
		t.Errorf("new file in read-only folder: err = %v, want ErrFolderLocked", err)
	}
	if fileHash(t, path) != before {
		t.Error("the file changed")
	}
}

func TestMissingFolderIsReportedNotCreated(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "no-such-folder")
	_, err := Open(filepath.Join(dir, "journal.db"), Options{})
	if !errors.Is(err, ErrFolderMissing) {
		t.Fatalf("err = %v, want ErrFolderMissing", err)
	}
	if _, err := os.Stat(dir); err == nil {
		t.Error("the folder was created")
	}
}

// holdLock keeps the journal write-locked from another connection, as another
// process would, until the returned func is called.
func holdLock(t *testing.T, path string, exclusive bool) func() {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?_pragma=busy_timeout(100)")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	if exclusive {
		if _, err := db.Exec("PRAGMA locking_mode = EXCLUSIVE"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec("BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("UPDATE settings SET value = value"); err != nil {
		t.Fatal(err)
	}
	return func() {
		db.Exec("ROLLBACK")
		db.Close()
	}
}

func TestLockedPastTheTimeout(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "journal.db")
	s, err := Open(path, Options{BusyTimeout: 150 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	release := holdLock(t, path, false)
	start := time.Now()
	_, err = s.AddSlip("Waiting is fine.", false)
	release()
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("write under another's lock: err = %v, want ErrLocked", err)
	}
	if waited := time.Since(start); waited < 100*time.Millisecond {
		t.Errorf("gave up after %v, before the busy timeout", waited)
	}
	if Advice(err) == "" {
		t.Error("no advice for a locked journal")
	}
	// Once the other side lets go, writing works again.
	if _, err := s.AddSlip("Waiting is fine.", false); err != nil {
		t.Fatalf("after release: %v", err)
	}
}

func TestOpenRefusesAnExclusivelyLockedJournal(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "journal.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	release := holdLock(t, path, true)
	defer release()
	before := fileHash(t, path)
	_, err = Open(path, Options{BusyTimeout: 150 * time.Millisecond})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("err = %v, want ErrLocked", err)
	}
	if fileHash(t, path) != before {
		t.Error("the file changed")
	}
}

func TestConcurrentWritersAllSucceed(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "journal.db")
	a, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(path, Options{}) // a second handle, as a second process would have
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var wg sync.WaitGroup
	errs := make(chan error, 200)
	for i := range 200 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st := a
			if i%2 == 1 {
				st = b
			}
			if _, err := st.AddSlip(fmt.Sprintf("slip %d", i), false); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	list, err := a.Slips()
	if err != nil || len(list) != 200 {
		t.Fatalf("%d slips, %v; want 200", len(list), err)
	}
}

func TestTimesAreStoredAsIntegers(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	if _, err := s.AddSlip("Rest counts.", false); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting("morning", "08:00"); err != nil {
		t.Fatal(err)
	}
	var types []string
	s.db.Raw(`SELECT typeof(created_at) FROM slips UNION ALL SELECT typeof(updated_at) FROM slips
		UNION ALL SELECT typeof(updated_at) FROM settings UNION ALL SELECT typeof(created_at) FROM tags`).Scan(&types)
	for _, ty := range types {
		if ty != "integer" {
			t.Fatalf("a timestamp is stored as %s", ty)
		}
	}
}

// A start killed while it made the journal leaves an empty file and the
// marker beside it: the next start makes the journal there again. An empty
// file without the marker is still refused (TestErrorsLeaveTheFileUntouched),
// and a marker left beside a whole journal goes.
func TestACreationCutShortIsMadeAgain(t *testing.T) {
	t.Parallel()
	for _, key := range [][]byte{nil, crashKey} {
		dir := t.TempDir()
		path := filepath.Join(dir, "journal.db")
		if err := os.WriteFile(path, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(creationMarker(path), nil, 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := Open(path, Options{Key: key})
		if err != nil {
			t.Fatalf("encrypted %v: %v", key != nil, err)
		}
		if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
			t.Errorf("encrypted %v: the journal was not written before Open returned: %v", key != nil, err)
		}
		if _, err := s.SaveEntry(Entry{Trigger: "First words"}, 0); err != nil {
			t.Fatal(err)
		}
		s.Close()
		if _, err := os.Lstat(creationMarker(path)); err == nil {
			t.Errorf("encrypted %v: the marker stayed", key != nil)
		}
		// A stale marker beside a whole journal is removed, the journal kept.
		os.WriteFile(creationMarker(path), nil, 0o600)
		s, err = Open(path, Options{Key: key})
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := s.CountEntries(EntryFilter{}); n != 1 {
			t.Errorf("encrypted %v: %d entries after a stale marker", key != nil, n)
		}
		s.Close()
		if _, err := os.Lstat(creationMarker(path)); err == nil {
			t.Errorf("encrypted %v: the stale marker stayed", key != nil)
		}
	}
}

// While another start holds the marker it is still making the journal:
// this one waits for it rather than take the empty file for a creation
// cut short.
func TestAJournalBeingMadeIsWaitedFor(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "journal.db")
	lock := flock.New(creationMarker(path), flock.SetPermissions(0o600))
	if err := lock.Lock(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	released := make(chan time.Time, 1)
	go func() {
		time.Sleep(300 * time.Millisecond)
		released <- time.Now()
		lock.Unlock()
	}()
	s, err := Open(path, Options{})
	done := time.Now()
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if at := <-released; done.Before(at) {
		t.Error("Open did not wait for the start holding the marker")
	}
}
