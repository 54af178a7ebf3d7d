package data

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/bothand/bothand/data/internal/atomicfile"
)

// ErrBadBackup marks a file that can't be restored; the journal is unchanged.
var ErrBadBackup = errors.New("this backup can't be restored")

func init() {
	advice[ErrBadBackup] = "Your journal was not changed. Choose another backup."
}

// uniqueBackupPath names a new backup of kind label at t, adding -2, -3 …
// when one was already made in the same second.
func uniqueBackupPath(journal, label string, t time.Time) string {
	name := journalBase(journal) + "-" + label + t.Local().Format(stampLayout)
	path := filepath.Join(backupsDir(journal), name+".db")
	for i := 2; ; i++ {
		if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
			return path
		}
		path = filepath.Join(backupsDir(journal), fmt.Sprintf("%s-%d.db", name, i))
	}
}

// Restore replaces the journal with the backup at path: it checks that the
// backup is a sound Both/And journal (bringing an older one up to date, on
// a copy), saves the journal as it is now into the backups folder (the
// returned path, so a restore can itself be undone), then puts the backup
// in the journal's place.
//
// Restore closes the store whatever happens, since the file under it
// changes: open the journal again with Open(s.Path(), …) afterwards. When
// the backup is refused the journal itself is left as it was.
//
// Cancelling ctx stops the restore at any point before the backup takes
// the journal's place, with ctx's error: the journal is left as it was,
// byte for byte, and nothing the restore made (the checked copy, the
// saved journal) is left behind. The swap itself is a rename: once it is
// reached, the restore completes.
func (s *Store) Restore(ctx context.Context, backup string) (saved string, err error) {
	defer s.Close()
	key := bytes.Clone(s.key) // Close wipes the store's own
	defer clear(key)
	prepared, err := prepareRestore(ctx, s.path, backup, s.now, key)
	if err != nil {
		return "", err
	}
	defer removeJournalFiles(prepared) // gone already after a successful swap
	if err := os.MkdirAll(s.BackupDir(), 0o700); err != nil {
		return "", fmt.Errorf("%w: %v", ErrFolderLocked, err)
	}
	saved = uniqueBackupPath(s.path, "before-restore-", s.Now())
	if err := s.BackupTo(ctx, saved); err != nil {
		return "", savingFailed(ctx, err)
	}
	if err := s.Close(); err != nil {
		return saved, err
	}
	if err := ctx.Err(); err != nil {
		removeJournalFiles(saved)
		return "", err
	}
	return saved, replaceJournal(s.path, prepared, s.now, key)
}

// savingFailed is the error of a restore that could not keep the journal
// as it was before replacing it.
func savingFailed(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return fmt.Errorf("saving the journal before the restore: %w", err)
}

// RestoreBackup is Restore for a journal that is not open, or that can't be
// opened because it is damaged: its file (and any write-ahead log) is then
// kept as it is, byte for byte, in the backups folder. Cancelling ctx
// works as for Restore.
func RestoreBackup(ctx context.Context, journal, backup string, opts Options) (saved string, err error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	journal, err = filepath.Abs(journal)
	if err != nil {
		return "", err
	}
	prepared, err := prepareRestore(ctx, journal, backup, opts.Now, opts.Key)
	if err != nil {
		return "", err
	}
	defer removeJournalFiles(prepared)
	if _, err := os.Stat(journal); err == nil {
		if err := os.MkdirAll(backupsDir(journal), 0o700); err != nil {
			return "", fmt.Errorf("%w: %v", ErrFolderLocked, err)
		}
		saved = uniqueBackupPath(journal, "before-restore-", opts.Now())
		if s, openErr := Open(journal, opts); openErr == nil {
			err = s.BackupTo(ctx, saved)
			s.Close()
		} else {
			err = copyJournalFiles(ctx, journal, saved)
		}
		if err != nil {
			return "", savingFailed(ctx, err)
		}
	}
	if err := ctx.Err(); err != nil {
		if saved != "" {
			removeJournalFiles(saved)
		}
		return "", err
	}
	return saved, replaceJournal(journal, prepared, opts.Now, opts.Key)
}

// prepareRestore copies the backup beside the journal (so it can be moved
// into place), opens the copy as a journal — which refuses anything that is
// not a sound Both/And journal and brings an older one up to date —,
// checks its pages, and returns the copy's path.
//
// key is the journal's data key (nil when it is plain). A backup encrypted
// with it is opened with it; a plain backup restored into an encrypted
// journal is encrypted on the way, and the plain copy removed.
func prepareRestore(ctx context.Context, journal, backup string, now func() time.Time, key []byte) (string, error) {
	abs, err := filepath.Abs(backup)
	if err != nil {
		return "", err
	}
	if abs == journal {
		return "", fmt.Errorf("%w: that is the journal itself", ErrBadBackup)
	}
	in, err := os.Open(abs)
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrBadBackup, err)
	}
	defer in.Close()
	if fi, err := in.Stat(); err != nil || !fi.Mode().IsRegular() {
		return "", fmt.Errorf("%w: %s is not a file", ErrBadBackup, abs)
	}
	out, err := os.CreateTemp(filepath.Dir(journal), "."+journalBase(journal)+"-restoring-*.db")
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrFolderLocked, err)
	}
	tmp := out.Name()
	fail := func(err error) (string, error) {
		removeJournalFiles(tmp)
		return "", err
	}
	if _, err := io.Copy(out, readerWithContext{ctx, in}); err != nil {
		out.Close()
		return fail(err)
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return fail(err)
	}
	if err := out.Close(); err != nil {
		return fail(err)
	}
	plain, err := hasSQLiteHeader(tmp)
	if err != nil {
		return fail(fmt.Errorf("%w: %v", ErrBadBackup, err))
	}
	if !plain && key == nil {
		return fail(fmt.Errorf("%w: %s is encrypted, and this journal is not: turn encryption on first, or restore a backup made without it", ErrBadBackup, abs))
	}
	openKey := key
	if plain {
		openKey = nil
	}
	st, err := Open(tmp, Options{Now: now, BusyTimeout: time.Second, Key: openKey})
	if err != nil {
		var oe *OpenError
		if errors.As(err, &oe) && oe.Kind == ErrWrongKey {
			return fail(fmt.Errorf("%w: %s was encrypted with another key (an earlier time encryption was turned on)", ErrBadBackup, abs))
		}
		if errors.As(err, &oe) {
			return fail(fmt.Errorf("%w: %s: %v", ErrBadBackup, abs, oe.Kind))
		}
		return fail(fmt.Errorf("%w: %s: %v", ErrBadBackup, abs, err))
	}
	var check string
	err = st.db.WithContext(ctx).Raw("PRAGMA quick_check").Row().Scan(&check)
	if err == nil && check == "ok" && plain && key != nil {
		// The journal is encrypted: so is what takes its place.
		var enc string
		enc, err = encryptedSibling(ctx, st, key)
		if err == nil {
			st.Close()
			removeJournalFiles(tmp)
			tmp = enc
		}
	}
	if closeErr := st.Close(); err == nil {
		err = closeErr
	}
	if ctx.Err() != nil {
		return fail(ctx.Err())
	}
	if err != nil {
		return fail(fmt.Errorf("%w: %s: %v", ErrBadBackup, abs, classify(err)))
	}
	if check != "ok" {
		return fail(fmt.Errorf("%w: %s: %v (%s)", ErrBadBackup, abs, ErrDamaged, check))
	}
	return tmp, nil
}

// encryptedSibling writes an encrypted copy of the open journal st beside
// it, under a new temporary name, and returns that name.
func encryptedSibling(ctx context.Context, st *Store, key []byte) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(st.path), "."+journalBase(st.path)+"-encrypting-*.db")
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrFolderLocked, err)
	}
	name := f.Name()
	f.Close()
	os.Remove(name) // CopyTo reserves the name again, privately
	if err := st.CopyTo(ctx, name, key); err != nil {
		return "", err
	}
	return name, nil
}

// hasSQLiteHeader reports whether the file at path begins as a plain SQLite
// database does; an encrypted one begins with random-looking bytes.
func hasSQLiteHeader(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	if _, err := io.ReadFull(f, head); err != nil {
		return false, nil // too short for either: Open will say what it is
	}
	return string(head) == sqliteMagic, nil
}

// replaceJournal moves the prepared copy into the journal's place. A
// write-ahead log left beside the journal would be replayed into the new
// file and corrupt it, so any is cleared first; when the log is still there
// after a clean open and close, another program has the journal open, and
// the restore waits for it to close.
func replaceJournal(journal, prepared string, now func() time.Time, key []byte) error {
	if sidecars(journal) {
		if s, err := Open(journal, Options{Now: now, BusyTimeout: time.Second, Key: key}); err == nil {
			s.Close() // recovers and removes a log a crash left behind
		}
		// The tray and the command line hold the journal only for a
		// moment: wait for them before saying it is in use.
		for deadline := time.Now().Add(sidecarWait); sidecars(journal) && time.Now().Before(deadline); {
			time.Sleep(50 * time.Millisecond)
		}
		if sidecars(journal) {
			return fmt.Errorf("%w: another program, perhaps another Both/And window or command, has %s open", ErrLocked, journal)
		}
	}
	if err := os.Rename(prepared, journal); err != nil {
		return err
	}
	tightenMode(journal)
	return atomicfile.SyncDir(filepath.Dir(journal)) // makes the rename durable
}

// sidecarWait is how long a restore or a conversion waits for another
// program's brief use of the journal to end.
const sidecarWait = 3 * time.Second

func sidecars(journal string) bool {
	for _, p := range []string{journal + "-wal", journal + "-shm"} {
		if _, err := os.Lstat(p); err == nil {
			return true
		}
	}
	return false
}

// copyJournalFiles keeps a journal that can't be opened, and its log,
// byte for byte.
func copyJournalFiles(ctx context.Context, journal, dst string) error {
	if err := copyPrivate(ctx, journal, dst); err != nil {
		return err
	}
	if _, err := os.Stat(journal + "-wal"); err == nil {
		if err := copyPrivate(ctx, journal+"-wal", dst+"-wal"); err != nil {
			os.Remove(dst)
			return err
		}
	}
	return nil
}

// readerWithContext stops a copy once its context is cancelled.
type readerWithContext struct {
	ctx context.Context
	r   io.Reader
}

func (r readerWithContext) Read(p []byte) (int, error) {
	if err := r.ctx.Err(); err != nil {
		return 0, err
	}
	return r.r.Read(p)
}

// copyPrivate copies src to the new file dst (mode 0600); a copy that
// fails or is cancelled is removed.
func copyPrivate(ctx context.Context, src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, readerWithContext{ctx, in})
	if err == nil {
		err = out.Sync()
	}
	if closeErr := out.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		os.Remove(dst)
	}
	return err
}

// FileEncrypted reports whether the file at path is encrypted: a journal
// or backup whose first bytes are not SQLite's plain header. An empty file
// is neither: it reports false.
func FileEncrypted(path string) (bool, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return false, err
	}
	if fi.Size() == 0 {
		return false, nil
	}
	plain, err := hasSQLiteHeader(path)
	return !plain && err == nil, err
}
