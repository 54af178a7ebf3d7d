// Package atomicfile writes a file so that, whatever moment a crash, a
// kill or a power cut strikes, its path holds either what was there
// before or the new content, whole: the keys file, the inbox's entries,
// the sync folder's segments and the tray's copy of the slip are all
// written this way.
package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// TempPrefix begins the name of every temporary file Write leaves while
// it works (and, after a crash, behind): readers of a folder skip these.
const TempPrefix = ".tmp-"

// Write puts what write writes at path, readable and writable by perm: a
// temporary file beside it is written and synced, renamed over path, and
// the folder synced so the rename itself survives a power cut. On an error
// path is as it was and the temporary file is gone.
func Write(path string, perm fs.FileMode, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, TempPrefix+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := tmp.Chmod(perm); err != nil {
		return err
	}
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	done = true
	return SyncDir(dir)
}

// WriteBytes is Write for content already in memory.
func WriteBytes(path string, perm fs.FileMode, b []byte) error {
	return Write(path, perm, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// SyncDir makes a rename in dir durable. Windows has no such call (NTFS
// journals its renames) and refuses to open a folder for it.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return nil
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, fs.ErrInvalid) && !errors.Is(err, fs.ErrPermission) {
		return err
	}
	return nil
}

// RemoveStale deletes the temporary files of earlier writes of path that
// a crash left behind, an hour old or more: a write takes milliseconds,
// so none of them is under way.
func RemoveStale(path string) {
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), TempPrefix+filepath.Base(path)+"-*"))
	for _, m := range matches {
		if fi, err := os.Stat(m); err == nil && time.Since(fi.ModTime()) > time.Hour {
			os.Remove(m)
		}
	}
}
