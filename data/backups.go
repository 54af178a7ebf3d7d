package data

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The backups folder beside the journal holds three kinds of copies, told
// apart by their names (for a journal called journal.db):
//
//	journal-2026-11-25-073000.db                 made on request (Back up now, bothand backup)
//	journal-daily-2026-11-25.db                  the automatic one of the day
//	journal-before-restore-2026-11-25-073000.db  the journal as it was before a restore
//
// Only daily backups are deleted, as newer ones replace them.

// BackupKind says why a backup was made.
type BackupKind string

// The kinds of backup.
const (
	BackupManual        BackupKind = "manual"
	BackupDaily         BackupKind = "daily"
	BackupBeforeRestore BackupKind = "before-restore"
)

// BackupFile is one backup in the backups folder.
type BackupFile struct {
	Path string
	Kind BackupKind
	Time time.Time // when it was made, in local time
	Size int64     // bytes
}

// Daily backups: how many to keep, as a setting that travels with the
// journal.
const (
	SettingDailyBackups = "backups.keep_daily"
	DefaultDailyBackups = 14
	MaxDailyBackups     = 365
)

const (
	stampLayout = "2006-01-02-150405"
	dayLayout   = "2006-01-02"
)

func backupsDir(journal string) string { return filepath.Join(filepath.Dir(journal), "backups") }

func journalBase(journal string) string {
	base := filepath.Base(journal)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// DailyBackupsKept is how many daily backups the journal keeps; 0 means
// none are made.
func (s *Store) DailyBackupsKept() (int, error) {
	v, ok, err := s.Setting(SettingDailyBackups)
	if err != nil || !ok {
		return DefaultDailyBackups, err
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 0 {
		return DefaultDailyBackups, nil // a damaged setting falls back rather than stopping backups
	}
	return min(n, MaxDailyBackups), nil
}

// SetDailyBackupsKept sets how many daily backups to keep (0 to make
// none). Older daily backups beyond the new number go at the next daily
// backup.
func (s *Store) SetDailyBackupsKept(n int) error {
	if n < 0 || n > MaxDailyBackups {
		return invalid(FieldKeep, "Keep between 0 and %d daily backups.", MaxDailyBackups)
	}
	return s.SetSetting(SettingDailyBackups, strconv.Itoa(n))
}

// Backups lists the journal's backups, newest first.
func (s *Store) Backups() ([]BackupFile, error) { return ListBackups(s.path) }

// ListBackups lists the backups of the journal at path, newest first. It
// works without opening the journal, which may be the one that is damaged.
func ListBackups(journal string) ([]BackupFile, error) {
	dir := backupsDir(journal)
	items, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	prefix := journalBase(journal) + "-"
	var list []BackupFile
	for _, item := range items {
		name := item.Name()
		if !item.Type().IsRegular() || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, ".db") {
			continue
		}
		info, err := item.Info()
		if err != nil {
			continue // removed meanwhile
		}
		b := BackupFile{Path: filepath.Join(dir, name), Kind: BackupManual, Time: info.ModTime().Local(), Size: info.Size()}
		rest := strings.TrimSuffix(strings.TrimPrefix(name, prefix), ".db")
		switch {
		case strings.HasPrefix(rest, "daily-"):
			day, err := time.ParseInLocation(dayLayout, strings.TrimPrefix(rest, "daily-"), time.Local)
			if err != nil {
				continue // not one of ours: the daily pruning must not touch it
			}
			b.Kind = BackupDaily
			if y, m, d := b.Time.Date(); time.Date(y, m, d, 0, 0, 0, 0, time.Local) != day {
				b.Time = day // copied since: the name is the better witness
			}
		case strings.HasPrefix(rest, "before-restore-"):
			b.Kind = BackupBeforeRestore
			b.Time = stampedTime(strings.TrimPrefix(rest, "before-restore-"), b.Time)
		default:
			b.Time = stampedTime(rest, b.Time)
		}
		list = append(list, b)
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].Time.After(list[j].Time) })
	return list, nil
}

// stampedTime is when a backup was made: the time in its name (with or
// without a "-2" suffix), which survives copying, or the modification time
// when that falls in the same second, being more precise.
func stampedTime(stamp string, modified time.Time) time.Time {
	if len(stamp) > len(stampLayout) {
		stamp = stamp[:len(stampLayout)]
	}
	t, err := time.ParseInLocation(stampLayout, stamp, time.Local)
	if err != nil || modified.Truncate(time.Second).Equal(t) {
		return modified
	}
	return t
}

// DailyBackup makes today's automatic backup unless there is one already,
// the journal is still empty, or daily backups are off; then it deletes
// daily backups beyond the number to keep. It returns the new backup's
// path, or "" when none was due. Safe to call often.
func (s *Store) DailyBackup() (string, error) {
	keep, err := s.DailyBackupsKept()
	if err != nil || keep == 0 {
		return "", err
	}
	if empty, err := s.IsEmpty(); err != nil || empty {
		return "", err
	}
	dir := s.BackupDir()
	path := filepath.Join(dir, fmt.Sprintf("%s-daily-%s.db", journalBase(s.path), s.now().Local().Format(dayLayout)))
	made := ""
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return "", fmt.Errorf("%w: %v", ErrFolderLocked, err)
		}
		if err := s.BackupTo(context.Background(), path); err != nil {
			if _, statErr := os.Stat(path); statErr != nil {
				return "", err
			}
			// Another copy of Both/And made today's backup meanwhile.
		} else {
			made = path
		}
	}
	return made, s.pruneDaily(keep)
}

func (s *Store) pruneDaily(keep int) error {
	list, err := s.Backups()
	if err != nil {
		return err
	}
	kept := 0
	for _, b := range list {
		if b.Kind != BackupDaily {
			continue
		}
		kept++
		if kept > keep {
			if err := os.Remove(b.Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
	}
	return nil
}

// BackupDir is the folder beside the journal where backups are kept.
func (s *Store) BackupDir() string {
	return filepath.Join(filepath.Dir(s.path), "backups")
}

// DefaultBackupPath names a new backup in BackupDir by the store's clock, in
// local time so the person recognises it.
func (s *Store) DefaultBackupPath() string {
	stamp := s.now().Local().Format("2006-01-02-150405")
	base := filepath.Base(s.path)
	base = base[:len(base)-len(filepath.Ext(base))]
	return filepath.Join(s.BackupDir(), fmt.Sprintf("%s-%s.db", base, stamp))
}

// Backup writes a new backup into BackupDir (created 0700 when missing) and
// returns its path. Cancelling ctx stops it and leaves no file behind.
func (s *Store) Backup(ctx context.Context) (string, error) {
	return s.BackupWithProgress(ctx, nil)
}

// BackupWithProgress is Backup telling progress (when not nil) how many
// of the journal's pages are copied, for a bar that fills as it goes; it
// is called on Backup's goroutine.
func (s *Store) BackupWithProgress(ctx context.Context, progress func(done, total int64)) (string, error) {
	if err := os.MkdirAll(s.BackupDir(), 0o700); err != nil {
		return "", fmt.Errorf("%w: %v", ErrFolderLocked, err)
	}
	path := s.DefaultBackupPath()
	return path, s.copyTo(ctx, path, s.key, progress)
}

// BackupTo writes a consistent copy of the journal to path with SQLite's
// online backup, which copies one snapshot page by page and so is safe
// while the window (or another process) keeps writing. The copy of an encrypted journal is encrypted
// with the journal's key. The copy is private (0600) from its first byte,
// and an existing file is never overwritten. Cancelling ctx interrupts the
// copy, removes the part written and returns ctx's error.
func (s *Store) BackupTo(ctx context.Context, path string) error {
	return s.CopyTo(ctx, path, s.key)
}

// CopyTo is BackupTo with the copy's own key: nil writes a plain copy,
// a key (KeySize bytes) an encrypted one, whatever the journal is. It is
// how encryption is turned on and off (see docs/ENCRYPTION.md).
func (s *Store) CopyTo(ctx context.Context, path string, key []byte) error {
	return s.copyTo(ctx, path, key, nil)
}

// copyTo is CopyTo telling progress (when not nil) how many pages of how
// many are copied.
func (s *Store) copyTo(ctx context.Context, path string, key []byte, progress func(done, total int64)) error {
	if key != nil && len(key) != KeySize {
		return fmt.Errorf("%w: a key of %d bytes, want %d", ErrWrongKey, len(key), KeySize)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	dir := filepath.Dir(abs)
	if abs == s.path {
		return invalid(FieldPath, "The backup can't replace the journal itself; choose another file name.")
	}
	if _, err := os.Stat(abs); err == nil {
		return invalid(FieldPath, "%s already exists; choose a new file name so no backup is overwritten.", abs)
	}
	if fi, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) || (err == nil && !fi.IsDir()) {
		return fmt.Errorf("%w: %s", ErrFolderMissing, dir)
	}
	// Reserve the name with private permissions; SQLite writes into it.
	f, err := os.OpenFile(abs, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return fmt.Errorf("%w: cannot write %s", ErrFolderLocked, dir)
		}
		return err
	}
	f.Close()
	// The copy is named by a URI that says which VFS writes it (and with
	// which key): the encrypted journal's VFS would otherwise be used for a
	// plain copy too, and refuse it for want of a key.
	target, err := copyURI(abs, key)
	if err != nil {
		os.Remove(abs)
		return &OpenError{Path: abs, Kind: ErrBadPath, Cause: err}
	}
	err = s.copyPages(ctx, bytesString(target), progress)
	clear(target)
	if err != nil {
		os.Remove(abs)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("backup to %s: %w", abs, diskRefused(classify(err), dir))
	}
	return os.Chmod(abs, 0o600)
}
