package data

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

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
// returns its path.
func (s *Store) Backup() (string, error) {
	if err := os.MkdirAll(s.BackupDir(), 0o700); err != nil {
		return "", fmt.Errorf("%w: %v", ErrFolderLocked, err)
	}
	path := s.DefaultBackupPath()
	return path, s.BackupTo(path)
}

// BackupTo writes a consistent copy of the journal to path with VACUUM INTO,
// which reads one snapshot and so is safe while the window (or another
// process) keeps writing. The copy is private (0600) from its first byte,
// and an existing file is never overwritten.
func (s *Store) BackupTo(path string) error {
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
	// VACUUM INTO refuses an existing non-empty target but accepts the empty
	// file reserved above.
	if err := classify(s.db.Exec("VACUUM INTO ?", abs).Error); err != nil {
		os.Remove(abs)
		return fmt.Errorf("backup to %s: %w", abs, err)
	}
	return os.Chmod(abs, 0o600)
}
