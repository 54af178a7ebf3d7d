package replica

import (
	"errors"
	"io"
	"io/fs"
	"path/filepath"
)

// devState is a device's "state" file, the one file it rewrites: what it
// has written, what it has seen of every other device, its snapshot, and
// the devices it removed. Other devices read it to know what they may
// delete and whether they were removed.
type devState struct {
	Version int    `json:"version"`
	Device  string `json:"device"`
	Name    string `json:"name"`
	At      int64  `json:"at"` // when it was written, ms
	// Wrote is the device's last segment and change.
	Wrote mark `json:"wrote"`
	// Kept is the first of its segments it has not deleted: a device that
	// has not applied the one before it catches up from a snapshot.
	Kept int64 `json:"kept"`
	// Snapshot is its latest snapshot's number, and what that covers.
	Snapshot       int64  `json:"snapshot"`
	SnapshotVector vector `json:"snapshot_vector"`
	// Seen is how far it has applied every other device's changes.
	Seen vector `json:"seen"`
	// Removed lists the devices it removed from the sync, with when.
	Removed map[string]int64 `json:"removed,omitempty"`
}

func (f *folder) writeState(st *devState) error {
	return f.sealedWrite(st.Device, stateName, f.ad("state", st.Device, 0), true, func(w io.Writer) error {
		return writeCompressedJSON(w, st)
	})
}

// readState reads a device's state file; a missing one gives nil, nil.
func (f *folder) readState(dev string) (*devState, error) {
	r, c, err := f.sealedOpen(filepath.Join(f.deviceDir(dev), stateName), f.ad("state", dev, 0))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer c.Close()
	var st devState
	if err := readCompressedJSON(r, &st); err != nil {
		return nil, err
	}
	if st.Device != dev {
		return nil, errors.New("a state file names another device")
	}
	return &st, nil
}
