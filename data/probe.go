package data

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/bothand/bothand/data/internal/disk"
)

// fileState is what inspect learned about a journal file before SQLite
// touched it.
type fileState struct {
	exists      bool
	userVersion int // schema version as recorded in the header (may lag a WAL); -1 when encrypted
}

const sqliteMagic = "SQLite format 3\x00"

// inspect looks at the folder and the first bytes of the file without opening
// it with SQLite. SQLite would happily treat an empty file as a new database,
// switch a foreign database into WAL mode, or only fail on the first write;
// every one of those changes or half-changes a file that is not ours to
// change, so the refusals happen here, byte-identically.
//
// An encrypted journal (encrypted true) looks like random bytes from the
// first one: only its size and permissions are checked here, and its key
// at the first read.
func inspect(path string, encrypted bool) (fileState, error) {
	dir := filepath.Dir(path)
	di, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && !di.IsDir()) {
		return fileState{}, &OpenError{Path: path, Kind: ErrFolderMissing, Cause: fmt.Errorf("no folder %s", dir)}
	}
	if err != nil {
		return fileState{}, &OpenError{Path: path, Kind: ErrFolderMissing, Cause: err}
	}
	// SQLite keeps -wal and -shm files beside the journal, so the folder
	// must be writable too. The mode bit is checked as well as access(2):
	// a person who removed write permission meant it, even when the app
	// happens to run as root, which ignores permissions.
	if di.Mode().Perm()&0o200 == 0 || !disk.Writable(dir) {
		return fileState{}, &OpenError{Path: path, Kind: ErrFolderLocked, Cause: fmt.Errorf("%s is not writable", dir)}
	}

	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return fileState{}, nil
	}
	if err != nil {
		return fileState{}, &OpenError{Path: path, Kind: ErrReadOnly, Cause: err}
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fileState{}, &OpenError{Path: path, Kind: ErrNotDatabase, Cause: err}
	}
	if fi.IsDir() {
		return fileState{}, &OpenError{Path: path, Kind: ErrBadPath, Cause: fmt.Errorf("%s is a folder; add the journal's file name, like %s", path, filepath.Join(path, "journal.db"))}
	}
	if !fi.Mode().IsRegular() {
		return fileState{}, &OpenError{Path: path, Kind: ErrNotDatabase, Cause: errors.New("not a regular file")}
	}
	if fi.Size() == 0 {
		return fileState{}, &OpenError{Path: path, Kind: ErrNotDatabase, Cause: errors.New("the file is empty")}
	}
	header := make([]byte, 100)
	n, err := io.ReadFull(f, header)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return fileState{}, &OpenError{Path: path, Kind: ErrNotDatabase, Cause: err}
	}
	plain := bytes.HasPrefix(header[:n], []byte(sqliteMagic))
	switch {
	case encrypted && plain:
		return fileState{}, &OpenError{Path: path, Kind: ErrWrongKey, Cause: errors.New("the journal is not encrypted")}
	case encrypted:
		if err := checkWritable(path, fi); err != nil {
			return fileState{}, err
		}
		return fileState{exists: true, userVersion: -1}, nil
	case !plain && fileExists(KeysPath(path)):
		return fileState{}, &OpenError{Path: path, Kind: ErrEncrypted}
	case !plain:
		return fileState{}, &OpenError{Path: path, Kind: ErrNotDatabase, Cause: errors.New("no SQLite header")}
	}
	if n < 100 {
		return fileState{}, &OpenError{Path: path, Kind: ErrDamaged, Cause: fmt.Errorf("only %d bytes", n)}
	}
	// With a WAL beside it, the main file can legitimately lag its header:
	// a checkpoint interrupted (by a full disk, say) leaves pages that
	// SQLite still reads from the WAL. Only a lone file must be whole.
	if !hasWAL(path) {
		if err := checkSize(header, fi.Size()); err != nil {
			return fileState{}, &OpenError{Path: path, Kind: ErrDamaged, Cause: err}
		}
	}
	if err := checkWritable(path, fi); err != nil {
		return fileState{}, err
	}
	return fileState{exists: true, userVersion: int(binary.BigEndian.Uint32(header[60:64]))}, nil
}

func checkWritable(path string, fi os.FileInfo) error {
	if fi.Mode().Perm()&0o200 == 0 || !disk.Writable(path) {
		return &OpenError{Path: path, Kind: ErrReadOnly, Cause: errors.New("no write permission")}
	}
	return nil
}

func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

func hasWAL(path string) bool {
	fi, err := os.Stat(path + "-wal")
	return err == nil && fi.Size() > 0
}

// checkSize compares the file's length with the page count its header
// claims (https://sqlite.org/fileformat2.html#database_header).
func checkSize(header []byte, size int64) error {
	pageSize := int64(binary.BigEndian.Uint16(header[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return fmt.Errorf("invalid page size %d", pageSize)
	}
	if size%pageSize != 0 {
		return fmt.Errorf("%d bytes is not a whole number of %d-byte pages", size, pageSize)
	}
	pages := int64(binary.BigEndian.Uint32(header[28:32]))
	changeCounter := binary.BigEndian.Uint32(header[24:28])
	validFor := binary.BigEndian.Uint32(header[92:96])
	if pages > 0 && changeCounter == validFor && pages*pageSize > size {
		return fmt.Errorf("the header counts %d pages but the file holds %d", pages, size/pageSize)
	}
	return nil
}
