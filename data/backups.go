package data

import (
	"errors"
	"fmt"
	"io"
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

// ErrBadBackup marks a file that can't be restored; the journal is unchanged.
var ErrBadBackup = errors.New("this backup can't be restored")

func init() {
	advice[ErrBadBackup] = "Your journal was not changed. Choose another backup."
}

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
		if err := s.BackupTo(path); err != nil {
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
func (s *Store) Restore(backup string) (saved string, err error) {
	defer s.Close()
	prepared, err := prepareRestore(s.path, backup, s.now)
	if err != nil {
		return "", err
	}
	defer os.Remove(prepared) // gone already after a successful swap
	if err := os.MkdirAll(s.BackupDir(), 0o700); err != nil {
		return "", fmt.Errorf("%w: %v", ErrFolderLocked, err)
	}
	saved = uniqueBackupPath(s.path, "before-restore-", s.Now())
	if err := s.BackupTo(saved); err != nil {
		return "", fmt.Errorf("saving the journal before the restore: %w", err)
	}
	if err := s.Close(); err != nil {
		return saved, err
	}
	return saved, replaceJournal(s.path, prepared, s.now)
}

// RestoreBackup is Restore for a journal that is not open, or that can't be
// opened because it is damaged: its file (and any write-ahead log) is then
// kept as it is, byte for byte, in the backups folder.
func RestoreBackup(journal, backup string, opts Options) (saved string, err error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	journal, err = filepath.Abs(journal)
	if err != nil {
		return "", err
	}
	prepared, err := prepareRestore(journal, backup, opts.Now)
	if err != nil {
		return "", err
	}
	defer os.Remove(prepared)
	if _, err := os.Stat(journal); err == nil {
		if err := os.MkdirAll(backupsDir(journal), 0o700); err != nil {
			return "", fmt.Errorf("%w: %v", ErrFolderLocked, err)
		}
		saved = uniqueBackupPath(journal, "before-restore-", opts.Now())
		if s, openErr := Open(journal, opts); openErr == nil {
			err = s.BackupTo(saved)
			s.Close()
		} else {
			err = copyJournalFiles(journal, saved)
		}
		if err != nil {
			return "", fmt.Errorf("saving the journal before the restore: %w", err)
		}
	}
	return saved, replaceJournal(journal, prepared, opts.Now)
}

// prepareRestore copies the backup beside the journal (so it can be moved
// into place), opens the copy as a journal — which refuses anything that is
// not a sound Both/And journal and brings an older one up to date —,
// checks its pages, and returns the copy's path.
func prepareRestore(journal, backup string, now func() time.Time) (string, error) {
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
	if _, err := io.Copy(out, in); err != nil {
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
	st, err := Open(tmp, Options{Now: now, BusyTimeout: time.Second})
	if err != nil {
		var oe *OpenError
		if errors.As(err, &oe) {
			return fail(fmt.Errorf("%w: %s: %v", ErrBadBackup, abs, oe.Kind))
		}
		return fail(fmt.Errorf("%w: %s: %v", ErrBadBackup, abs, err))
	}
	var check string
	err = st.db.Raw("PRAGMA quick_check").Row().Scan(&check)
	if closeErr := st.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		return fail(fmt.Errorf("%w: %s: %v", ErrBadBackup, abs, classify(err)))
	}
	if check != "ok" {
		return fail(fmt.Errorf("%w: %s: %v (%s)", ErrBadBackup, abs, ErrDamaged, check))
	}
	return tmp, nil
}

// replaceJournal moves the prepared copy into the journal's place. A
// write-ahead log left beside the journal would be replayed into the new
// file and corrupt it, so any is cleared first; when the log is still there
// after a clean open and close, another program has the journal open, and
// the restore waits for it to close.
func replaceJournal(journal, prepared string, now func() time.Time) error {
	if sidecars(journal) {
		if s, err := Open(journal, Options{Now: now, BusyTimeout: time.Second}); err == nil {
			s.Close() // recovers and removes a log a crash left behind
		}
		if sidecars(journal) {
			return fmt.Errorf("%w: another program, perhaps another Both/And window or command, has %s open", ErrLocked, journal)
		}
	}
	if err := os.Rename(prepared, journal); err != nil {
		return err
	}
	tightenMode(journal)
	if d, err := os.Open(filepath.Dir(journal)); err == nil {
		_ = d.Sync() // make the rename durable
		d.Close()
	}
	return nil
}

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
func copyJournalFiles(journal, dst string) error {
	if err := copyPrivate(journal, dst); err != nil {
		return err
	}
	if _, err := os.Stat(journal + "-wal"); err == nil {
		return copyPrivate(journal+"-wal", dst+"-wal")
	}
	return nil
}

func copyPrivate(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
