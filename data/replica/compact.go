package replica

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// Compaction deletes what no device needs any more. Each device deletes
// only its own files, so the folder keeps one writer per path:
//
//   - its segments that every live device has applied and that its latest
//     snapshot covers (a device joining later starts from that snapshot);
//   - its snapshots older than the latest.
//
// A device is live unless it was removed, or has not written its state for
// StaleAfter: a device away for months does not keep every change since;
// it catches up from the snapshots when it comes back.
//
// A removed device writes no more, so the live device with the smallest
// UUID deletes its folder once every live device has applied all of it and
// that device's own snapshot covers it.

// live lists the other devices that hold back compaction. unsure reports
// that a device the journal heard from within StaleAfter has no readable
// state file this round (half-copied, say): what it has seen is not known,
// so nothing more is deleted until it is.
func (r *Replica) live(ctx context.Context, self string, states map[string]*devState, removed map[string]bool) (live []string, unsure bool, err error) {
	for dev, st := range states {
		if dev == self || st == nil || removed[dev] {
			continue
		}
		if r.now().Sub(time.UnixMilli(st.At)) > r.opts.StaleAfter {
			continue
		}
		live = append(live, dev)
	}
	slices.Sort(live)
	var known []device
	err = r.store.ReadSQL(ctx, func(tx *sql.Tx) error {
		var err error
		known, err = loadDevices(ctx, tx)
		return err
	})
	for _, d := range known {
		if d.UUID == self || d.RemovedAt.Valid || !d.SeenAt.Valid || states[d.UUID] != nil {
			continue
		}
		if r.now().Sub(time.UnixMilli(d.SeenAt.Int64)) <= r.opts.StaleAfter {
			unsure = true
		}
	}
	return live, unsure, err
}

// keptFrom is the first of this device's segments to keep: none that a
// live device has not applied, or that its latest snapshot does not cover.
// It never goes back below the first segment still there, whatever a
// device's state file, late to arrive, says.
func (r *Replica) keptFrom(st *syncState, states map[string]*devState, live []string, unsure bool) int64 {
	first := st.WroteSeg + 1
	if segs, err := r.folder.segments(st.Device); err == nil && len(segs) > 0 {
		first = segs[0]
	}
	if unsure {
		return first
	}
	bound := st.SnapVector[st.Device].Seg
	for _, dev := range live {
		bound = min(bound, states[dev].Seen[st.Device].Seg)
	}
	return max(bound+1, first)
}

// compact deletes this device's segments before kept and its older
// snapshots, and the folders of removed devices it is in charge of. It
// returns how many files it deleted.
func (r *Replica) compact(st *syncState, states map[string]*devState, live []string, unsure bool, removed map[string]bool, kept int64) int {
	deleted := 0
	dir := r.folder.deviceDir(st.Device)
	if segs, err := r.folder.segments(st.Device); err == nil {
		for _, seq := range segs {
			if seq < kept && os.Remove(filepath.Join(dir, segName(seq))) == nil {
				deleted++
			}
		}
	}
	if snaps, err := r.folder.snapshots(st.Device); err == nil {
		for _, seq := range snaps {
			if seq < st.SnapSeq && os.Remove(filepath.Join(dir, snapName(seq))) == nil {
				deleted++
			}
		}
	}
	removeStaleTemps(dir, r.now())
	if unsure || len(live) > 0 && live[0] < st.Device {
		return deleted // another device tidies up after removed ones
	}
	devs, err := r.folder.devices()
	if err != nil {
		return deleted
	}
	for _, dev := range devs {
		if !removed[dev] || dev == st.Device {
			continue
		}
		segs, err := r.folder.segments(dev)
		if err != nil {
			continue
		}
		last := int64(0)
		if len(segs) > 0 {
			last = segs[len(segs)-1]
		}
		done := st.SnapVector[dev].Seg >= last
		for _, other := range live {
			done = done && states[other].Seen[dev].Seg >= last
		}
		if done && os.RemoveAll(r.folder.deviceDir(dev)) == nil {
			deleted++
		}
	}
	return deleted
}
