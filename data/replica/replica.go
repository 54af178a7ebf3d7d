package replica

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/bothand/bothand/data"
)

// Options tune a replica. The zero value is what the app uses.
type Options struct {
	// Host names this computer; with the journal's path it tells a journal
	// copied to another computer (or moved) from the one that synced, so
	// the copy syncs as a new device instead of writing under another's
	// name. Default: os.Hostname.
	Host string
	// SegmentChanges is the most changes one segment holds. Default 2,000.
	SegmentChanges int
	// SnapshotChanges: a new snapshot is written once this many of this
	// computer's changes are not in its last one. Default 5,000.
	SnapshotChanges int64
	// SnapshotAge: a snapshot older than this is written anew once there
	// is anything new. Default 7 days.
	SnapshotAge time.Duration
	// StaleAfter: a device not heard from for this long no longer holds
	// back the deletion of old segments; when it comes back it catches up
	// from a snapshot. Default 30 days.
	StaleAfter time.Duration
	// ApplyChanges is the most changes applied in one transaction during a
	// round, so the journal's own saves never wait long. Default 2,000.
	ApplyChanges int
	// Progress, when set, is told how a join is going.
	Progress func(Progress)
}

// Progress says how far a join has come.
type Progress struct {
	Stage       string // "reading" the snapshots, "applying" changes
	Done, Total int64
}

func (o Options) withDefaults() Options {
	if o.Host == "" {
		o.Host, _ = os.Hostname()
	}
	if o.SegmentChanges <= 0 {
		o.SegmentChanges = 2000
	}
	if o.SnapshotChanges <= 0 {
		o.SnapshotChanges = 5000
	}
	if o.SnapshotAge <= 0 {
		o.SnapshotAge = 7 * 24 * time.Hour
	}
	if o.StaleAfter <= 0 {
		o.StaleAfter = 30 * 24 * time.Hour
	}
	if o.ApplyChanges <= 0 {
		o.ApplyChanges = 2000
	}
	return o
}

// Replica is a journal that syncs through a folder, opened with its key.
// It is safe for concurrent use; rounds run one at a time, also across
// processes sharing the journal.
type Replica struct {
	store  *data.Store
	folder *folder
	opts   Options
	mu     sync.Mutex
}

// Open opens the sync of a journal that was set up (Setup or Join), with
// the journal's data key. It fails with ErrNotSetUp when there is none,
// and with ErrWrongKey when the folder was sealed with another key.
func Open(s *data.Store, dataKey []byte, opts Options) (*Replica, error) {
	st, err := readState(s)
	if err != nil {
		return nil, err
	}
	f, err := openFolder(st.Folder, dataKey)
	if err != nil {
		return nil, folderErr(st.Folder, err)
	}
	if f.journal != st.Journal {
		return nil, fmt.Errorf("%w: %s", ErrOtherJournal, st.Folder)
	}
	return &Replica{store: s, folder: f, opts: opts.withDefaults()}, nil
}

// readState reads the journal's sync row.
func readState(s *data.Store) (*syncState, error) {
	var st *syncState
	err := s.ReadSQL(context.Background(), func(tx *sql.Tx) error {
		var err error
		st, err = loadState(context.Background(), tx)
		return err
	})
	return st, err
}

// folderErr says plainly that the folder is not there, which for a folder
// on a removable drive or a network share is the usual trouble.
func folderErr(root string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		if _, serr := os.Stat(root); serr != nil {
			return fmt.Errorf("the sync folder %s is not there (is its drive connected?)", root)
		}
	}
	return err
}

// Folder is the sync folder's path.
func (r *Replica) Folder() string { return r.folder.root }

func (r *Replica) now() time.Time { return r.store.Now() }

// WatchPaths lists the folders in which another computer's new files
// appear (the sync folder, its devices folder and each device's own), for
// a watcher that starts a round when the folder changes: fsnotify, for
// one, does not watch beneath a folder. List them again after a round;
// devices join.
func (r *Replica) WatchPaths() []string {
	paths := []string{r.folder.root, filepath.Join(r.folder.root, devicesDir)}
	devs, _ := r.folder.devices()
	for _, d := range devs {
		paths = append(paths, r.folder.deviceDir(d))
	}
	return paths
}
