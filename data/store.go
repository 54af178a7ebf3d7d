// Package data holds Both/And's domain (the records a person keeps and the
// rules between them) and the store that keeps them in one SQLite file.
// It imports no UI code: everything here is tested with plain `go test`.
package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/glebarez/sqlite"
	"github.com/gofrs/flock"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/bothand/bothand/data/internal/atomicfile"
)

// Options tune Open. The zero value is what the app uses.
type Options struct {
	// BusyTimeout is how long a write waits for another process's lock
	// before giving up with ErrLocked. Default 5 s.
	BusyTimeout time.Duration
	// Now is the clock used for timestamps. Default time.Now.
	Now func() time.Time
	// CreateFolder makes a missing parent folder (mode 0700). The app sets
	// it for the default location only: a mistyped --db path should be
	// reported, not silently created.
	CreateFolder bool
	// Key is the data key of an encrypted journal (KeySize bytes), nil for
	// a plain one. Open keeps its own copy, which Close wipes; the caller
	// wipes theirs.
	Key []byte
	// Progress, when set, hears how far Convert has come: done of total,
	// the copy page by page, then the check. Open ignores it.
	Progress func(done, total int64)
}

// Store is an open journal. It is safe for concurrent use.
type Store struct {
	db   *gorm.DB
	pool *sql.DB
	path string
	uri  string // path as SQLite reads it (sqliteURI)
	now  func() time.Time
	// key is the store's own copy of the data key of an encrypted journal
	// (nil when plain): new connections read it, and backups are written
	// with it. Close wipes it.
	key []byte
	// busyTimeout is every connection's, bulk ones included.
	busyTimeout time.Duration

	// writeMu queues this process's writers in Go rather than in SQLite's
	// busy handler, which sleeps in steps and would add latency to saves.
	// Other processes still wait on the file lock via busy_timeout.
	writeMu sync.Mutex
}

// Open opens the journal at path, creating it when it does not exist, and
// brings its schema up to date. Problems come back as *OpenError; the file
// is left untouched whenever Open refuses it.
func Open(path string, opts Options) (*Store, error) {
	if opts.BusyTimeout <= 0 {
		opts.BusyTimeout = 5 * time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if strings.ContainsRune(path, 0) {
		// Checked first: Windows' filepath.Abs stops reading at a NUL.
		return nil, &OpenError{Path: path, Kind: ErrBadPath, Cause: errors.New("the path contains a NUL character")}
	}
	if opts.Key != nil && len(opts.Key) != KeySize {
		return nil, &OpenError{Path: path, Kind: ErrWrongKey, Cause: fmt.Errorf("a key of %d bytes, want %d", len(opts.Key), KeySize)}
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, &OpenError{Path: path, Kind: ErrBadPath, Cause: err}
	}
	path = abs
	uri, err := sqliteURI(path, hostPaths)
	if err != nil {
		return nil, &OpenError{Path: path, Kind: ErrBadPath, Cause: err}
	}
	if opts.CreateFolder {
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, &OpenError{Path: path, Kind: ErrFolderLocked, Cause: err}
		}
	}
	marker := creationMarker(path)
	if creationCutShort(path, marker) {
		removeJournalFiles(path) // an empty file this program made; made again below
	}
	state, err := inspect(path, opts.Key != nil)
	if err != nil {
		return nil, err
	}
	if state.userVersion > SchemaVersion() {
		return nil, &OpenError{
			Path: path, Kind: ErrNewerVersion,
			Cause: fmt.Errorf("schema %d, this app knows up to %d", state.userVersion, SchemaVersion()),
		}
	}
	if state.exists && state.userVersion == 0 && opts.Key == nil {
		if err := checkNotForeign(path, uri, opts.BusyTimeout); err != nil {
			return nil, err
		}
	}
	created := false
	if !state.exists {
		// A marker beside the journal, locked while it is made, says the
		// empty file about to appear is this program's: killed before
		// SQLite writes the file's first page, the next start finds both,
		// the marker no longer locked, and makes the journal again, where
		// an empty file alone is refused as not a journal.
		lock := flock.New(marker, flock.SetPermissions(0o600))
		if err := lock.Lock(); err != nil {
			return nil, &OpenError{Path: path, Kind: ErrFolderLocked, Cause: err}
		}
		defer lock.Unlock()
		_ = atomicfile.SyncDir(filepath.Dir(path))
		// Create the file ourselves so it is private from the first byte;
		// SQLite would follow the umask (usually 0644), and gives its -wal
		// and -shm files the journal's own mode.
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			lock.Unlock()
			return Open(path, opts) // another start made it meanwhile
		}
		if err != nil {
			os.Remove(marker)
			return nil, &OpenError{Path: path, Kind: ErrFolderLocked, Cause: err}
		}
		f.Close()
		created = true
	} else {
		tightenMode(path)
	}

	s, err := openStore(path, uri, opts)
	if err != nil && created {
		removeJournalFiles(path)
	}
	if created {
		// By now SQLite has written the first page: the switch to the
		// write-ahead log is recorded in the file's header.
		os.Remove(marker)
	}
	return s, err
}

// creationMarker is the file that stands beside a journal while Open
// makes it.
func creationMarker(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+"-creating")
}

// creationCutShort reports whether a start was killed while it made the
// journal at path: its marker is there and no longer locked, and the
// journal is still an empty file with nothing logged beside it. A start
// making the journal at this moment holds the marker's lock: this one waits
// for it, a few seconds at most. A marker left beside a journal that did
// get its first page is removed.
func creationCutShort(path, marker string) bool {
	if _, err := os.Lstat(marker); err != nil {
		return false
	}
	lock := flock.New(marker, flock.SetPermissions(0o600))
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if ok, err := lock.TryLockContext(ctx, 20*time.Millisecond); err != nil || !ok {
		return false // still being made: the maker will finish it
	}
	defer lock.Unlock()
	fi, err := os.Lstat(path)
	switch {
	case err == nil && fi.Mode().IsRegular() && fi.Size() == 0 && !hasWAL(path):
		return true
	case err == nil:
		os.Remove(marker)
	}
	return false
}

func openStore(path, uri string, opts Options) (*Store, error) {
	s := &Store{path: path, uri: uri, now: opts.Now, busyTimeout: opts.BusyTimeout}
	if opts.Key != nil {
		s.key = bytes.Clone(opts.Key)
	}
	pool, err := openPool(uri, path, s.key, opts.BusyTimeout, false)
	if err != nil {
		s.wipe()
		return nil, connectErr(path, err)
	}
	pool.SetMaxOpenConns(4)
	pool.SetMaxIdleConns(4)
	pool.SetConnMaxIdleTime(0)
	s.pool = pool
	s.db, err = gorm.Open(sqlite.Dialector{Conn: pool}, &gorm.Config{
		Logger:                 logger.Discard,
		SkipDefaultTransaction: true, // writes go through Store.write's explicit transactions
		NowFunc:                func() time.Time { return opts.Now().UTC() },
	})
	if err != nil {
		s.Close()
		return nil, s.keyedOpenErr(err)
	}

	// Reading the schema makes SQLite read and validate the header and the
	// first page now, so a bad file (or a wrong key) is reported at open
	// and not at the first save.
	var n int
	if err := s.db.Raw("SELECT count(*) FROM sqlite_master").Scan(&n).Error; err != nil {
		s.Close()
		return nil, s.keyedOpenErr(err)
	}
	if err := s.migrate(); err != nil {
		s.Close()
		var oe *OpenError
		if errors.As(err, &oe) {
			return nil, err
		}
		return nil, openErr(path, err)
	}
	return s, nil
}

// keyedOpenErr is connectErr, except that an encrypted journal that reads
// as "not a database" was given the wrong key.
func (s *Store) keyedOpenErr(err error) error {
	err = connectErr(s.path, err)
	if s.key != nil && errors.Is(err, ErrNotDatabase) {
		return &OpenError{Path: s.path, Kind: ErrWrongKey, Cause: err}
	}
	return err
}

// checkNotForeign opens a file whose header carries no schema version
// read-only and refuses it if it holds another program's tables.
func checkNotForeign(path, uri string, busy time.Duration) error {
	pool, err := openPool(uri, path, nil, busy, true)
	if err != nil {
		return connectErr(path, err)
	}
	defer pool.Close()
	db, err := gorm.Open(sqlite.Dialector{Conn: pool}, &gorm.Config{Logger: logger.Discard})
	if err != nil {
		return connectErr(path, err)
	}
	var probe struct {
		Version int
		Tables  int
		Ours    int
	}
	err = db.Raw(`SELECT (SELECT user_version FROM pragma_user_version) AS version,
		(SELECT count(*) FROM sqlite_master) AS tables,
		(SELECT count(*) FROM sqlite_master WHERE name = 'schema_migrations') AS ours`).Scan(&probe).Error
	if err != nil {
		return connectErr(path, err)
	}
	if probe.Version > SchemaVersion() {
		return &OpenError{
			Path: path, Kind: ErrNewerVersion,
			Cause: fmt.Errorf("schema %d, this app knows up to %d", probe.Version, SchemaVersion()),
		}
	}
	if probe.Tables > 0 && probe.Ours == 0 {
		return &OpenError{Path: path, Kind: ErrNotJournal}
	}
	return nil
}

func openErr(path string, err error) error {
	err = classify(err)
	if kind := knownKind(err); kind != nil {
		return &OpenError{Path: path, Kind: kind, Cause: err}
	}
	return &OpenError{Path: path, Kind: ErrDamaged, Cause: err}
}

// tightenMode drops group and other permissions from an existing journal:
// it holds the most private writing a person has.
func tightenMode(path string) {
	if fi, err := os.Stat(path); err == nil && fi.Mode().Perm()&0o077 != 0 {
		_ = os.Chmod(path, fi.Mode().Perm()&0o700)
	}
}

func removeJournalFiles(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		_ = os.Remove(p)
	}
}

// Path is the journal file's absolute path.
func (s *Store) Path() string { return s.path }

// Now is the store's clock, in UTC.
func (s *Store) Now() time.Time { return s.now().UTC() }

// Encrypted reports whether the journal is encrypted.
func (s *Store) Encrypted() bool { return s.key != nil }

// Close checkpoints the WAL, closes every connection and wipes the store's
// copy of the key. Closing twice is harmless.
func (s *Store) Close() error {
	var err error
	if s.pool != nil {
		err = s.pool.Close()
	}
	s.wipe()
	return err
}

// wipe zeroes the store's copy of the key. The connections are closed by
// then, so nothing reads it again; what SQLite and the cipher made of it
// inside their own memory is released with them, which is as far as Go
// lets a program reach.
func (s *Store) wipe() {
	clear(s.key)
}

// write runs fn in one IMMEDIATE transaction: all of it is stored, or none.
func (s *Store) write(fn func(tx *gorm.DB) error) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	return diskRefused(classify(s.db.Transaction(fn)), filepath.Dir(s.path))
}

// personTables hold what a person wrote or planned; built-in rows (tags,
// reframes) and bookkeeping (settings, notices) don't count.
var personTables = []string{
	"entries", "drafts", "slips", "commitments", "work_blocks", "protocols",
	"compassion_sessions", "urgency_criteria", "triages",
}

// IsEmpty reports whether the journal holds nothing the person made, so
// tools like `bothand demo` can refuse to mix invented data into a real one.
func (s *Store) IsEmpty() (bool, error) {
	parts := make([]string, len(personTables))
	for i, t := range personTables {
		parts[i] = "SELECT 1 FROM " + t
	}
	var found int
	err := s.db.Raw("SELECT EXISTS (" + strings.Join(parts, " UNION ALL ") + ")").Scan(&found).Error
	return found == 0, classify(err)
}
