package replica

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/bothand/bothand/data/replica/seal"
)

// The marker names the journal a folder syncs, in the clear (a random id
// and nothing else), and carries a sealed check that tells a wrong key from
// a damaged file before anything else is read.
type marker struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	Journal string `json:"journal"`
	Check   []byte `json:"check"`
}

const (
	markerFormat  = "bothand-sync"
	markerVersion = 1
	checkText     = "bothand sync check"
)

// The errors callers tell apart with errors.Is.
var (
	ErrNotSetUp      = errors.New("this journal does not sync with a folder")
	ErrNotSyncFolder = errors.New("the folder is not a Both/And sync folder")
	ErrOtherJournal  = errors.New("the folder syncs another journal")
	ErrWrongKey      = errors.New("the folder's files were sealed with another key than this journal's")
	ErrNewerFolder   = errors.New("the folder was set up by a newer version of Both/And")
	ErrFolderInUse   = errors.New("the folder holds other files")
	ErrRemoved       = errors.New("this computer was removed from the sync")
	ErrNotEmpty      = errors.New("a journal joins a folder only while it is new and empty")
)

func readMarker(root string) (*marker, error) {
	if _, err := os.Stat(root); err != nil {
		return nil, err // the folder itself: a drive not connected, say
	}
	b, err := os.ReadFile(filepath.Join(root, markerName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s has no %s", ErrNotSyncFolder, root, markerName)
	}
	if err != nil {
		return nil, err
	}
	var m marker
	if err := json.Unmarshal(b, &m); err != nil || m.Format != markerFormat || m.Journal == "" {
		return nil, fmt.Errorf("%w: %s is damaged or not ours", ErrNotSyncFolder, markerName)
	}
	if m.Version > markerVersion {
		return nil, ErrNewerFolder
	}
	return &m, nil
}

// openFolder reads the marker and checks the key against it.
func openFolder(root string, dataKey []byte) (*folder, error) {
	m, err := readMarker(root)
	if err != nil {
		return nil, err
	}
	key, err := seal.NewKey(dataKey, m.Journal)
	if err != nil {
		return nil, err
	}
	f := &folder{root: root, journal: m.Journal, key: key}
	got, err := key.Open(m.Check, f.ad("check", "", 0))
	if errors.Is(err, seal.ErrRefused) || (err == nil && string(got) != checkText) {
		return nil, ErrWrongKey
	}
	if err != nil {
		return nil, err
	}
	return f, nil
}

// createFolder makes root a sync folder for journal. The folder must be
// empty, apart from what sync tools keep there (their own hidden files).
func createFolder(root, journal string, dataKey []byte) (*folder, error) {
	if err := os.MkdirAll(root, 0o700); err != nil {
		return nil, err
	}
	ents, err := os.ReadDir(root)
	if err != nil {
		return nil, err
	}
	for _, e := range ents {
		if !isToolFile(e.Name()) {
			return nil, fmt.Errorf("%w (%s): choose an empty folder", ErrFolderInUse, e.Name())
		}
	}
	key, err := seal.NewKey(dataKey, journal)
	if err != nil {
		return nil, err
	}
	f := &folder{root: root, journal: journal, key: key}
	check, err := key.Seal([]byte(checkText), f.ad("check", "", 0))
	if err != nil {
		return nil, err
	}
	b, err := json.MarshalIndent(marker{Format: markerFormat, Version: markerVersion, Journal: journal, Check: check}, "", "  ")
	if err != nil {
		return nil, err
	}
	err = writeOnce(root, markerName, false, func(w io.Writer) error {
		_, err := w.Write(append(b, '\n'))
		return err
	})
	if err != nil {
		return nil, err
	}
	return f, os.MkdirAll(filepath.Join(root, devicesDir), 0o700)
}

// isToolFile: the sync tools' own files, which an empty folder may hold
// (.stfolder, .stignore, .sync, .dropbox, desktop.ini, Icon\r).
func isToolFile(name string) bool {
	return len(name) > 0 && name[0] == '.' || name == "desktop.ini" || name == "Icon\r" || name == "Thumbs.db"
}
