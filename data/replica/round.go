package replica

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/bothand/bothand/data/prose"
)

// Result is what one round did.
type Result struct {
	Sent      int      // this journal's changes written to the folder
	Received  int      // other devices' changes applied here
	Conflicts int      // conflicted copies made
	Skipped   int      // changes the journal's rules refused
	Snapshot  bool     // this round wrote a snapshot
	CaughtUp  int      // snapshots merged because segments needed were gone
	Deleted   int      // files tidied away
	Problems  []string // what could not be done this time, for the person
	Took      time.Duration
}

// String says what the round did, in a line.
func (res Result) String() string {
	var parts []string
	if res.Sent > 0 {
		parts = append(parts, "sent "+prose.Count(res.Sent, "change", "changes"))
	}
	if res.Received > 0 {
		parts = append(parts, "received "+prose.Count(res.Received, "change", "changes"))
	}
	if res.Conflicts > 0 {
		parts = append(parts, prose.Count(res.Conflicts, "entry was changed on two computers at once: both versions are kept",
			"entries were changed on two computers at once: both versions are kept"))
	}
	if len(parts) == 0 {
		return "Up to date"
	}
	return prose.Capitalise(strings.Join(parts, ", "))
}

// Round syncs once: this journal's new changes go to the folder, every
// other device's new changes are applied here, the state file says what
// this device has seen, and old files are tidied away. It is safe to call
// at any time and from several places: rounds take turns.
func (r *Replica) Round(ctx context.Context) (Result, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	release, err := lockRounds(ctx, r.store.Path())
	if err != nil {
		return Result{}, err
	}
	defer release()
	start := time.Now()
	res, err := r.round(ctx)
	res.Took = time.Since(start)
	if errors.Is(err, context.Canceled) {
		return res, err
	}
	msg := ""
	if err != nil {
		msg = err.Error()
	}
	rerr := r.store.WriteSmallSQL(context.WithoutCancel(ctx), func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE sync_state SET round_at = ?, round_result = ?, round_error = ? WHERE id = 1`,
			ms(r.now()), res.String(), msg)
		return err
	})
	if err == nil {
		err = rerr
	}
	return res, err
}

func (r *Replica) round(ctx context.Context) (Result, error) {
	var res Result
	st, err := readState(r.store)
	if err != nil {
		return res, err
	}
	if st.RemovedAt.Valid {
		return res, r.removedErr(ctx, st)
	}
	if _, err := os.Stat(r.folder.root); err != nil {
		return res, folderErr(r.folder.root, err)
	}
	states, err := r.readStates()
	if err != nil {
		return res, err
	}
	if by := removedBy(st.Device, states); by != "" {
		if err := r.markSelfRemoved(ctx, by); err != nil {
			return res, err
		}
		st, _ = readState(r.store)
		return res, r.removedErr(ctx, st)
	}
	renewed, err := r.checkIdentity(ctx, st, states[st.Device])
	if err != nil {
		return res, err
	}
	removed, ours, err := r.noteRemovals(ctx, st.Device, states)
	if err != nil {
		return res, err
	}
	if res.Sent, err = r.drain(ctx); err != nil {
		return res, err
	}
	got, err := r.pull(ctx, states)
	res.Received, res.Conflicts, res.Skipped, res.Problems, res.CaughtUp = got.Applied, got.Conflicts, got.Skipped, got.problems, got.snapshots
	if err != nil {
		return res, err
	}
	if res.Snapshot, err = r.writeSnapshot(ctx, false); err != nil {
		return res, err
	}
	if st, err = readState(r.store); err != nil {
		return res, err
	}
	live, unsure, err := r.live(ctx, st.Device, states, removed)
	if err != nil {
		return res, err
	}
	kept := r.keptFrom(st, states, live, unsure)
	own := states[st.Device]
	changed := renewed || res.Sent > 0 || res.Received > 0 || res.Snapshot || own == nil ||
		own.Kept != kept || len(own.Removed) != ours || r.now().Sub(fromMS(st.StateAt)) > time.Hour
	if changed {
		if err := r.writeOwnState(ctx, kept); err != nil {
			return res, err
		}
	}
	res.Deleted = r.compact(st, states, live, unsure, removed, kept)
	return res, nil
}

// removedErr says who removed this device, by the name it last had here.
func (r *Replica) removedErr(ctx context.Context, st *syncState) error {
	var name string
	_ = r.store.ReadSQL(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT name FROM sync_devices WHERE uuid = ?`, st.RemovedBy).Scan(&name)
	})
	if name != "" {
		return fmt.Errorf("%w by “%s”; set it up again to sync it", ErrRemoved, name)
	}
	return fmt.Errorf("%w; set it up again to sync it", ErrRemoved)
}

// readStates reads every device's state file; one that can't be read (a
// sync tool still copying it) counts as not there this round.
func (r *Replica) readStates() (map[string]*devState, error) {
	devs, err := r.folder.devices()
	if err != nil {
		return nil, err
	}
	out := map[string]*devState{}
	for _, dev := range devs {
		st, err := r.folder.readState(dev)
		if err == nil && st != nil {
			out[dev] = st
		}
	}
	return out, nil
}

// removedBy names a device (other than dev) whose state says it removed dev.
func removedBy(dev string, states map[string]*devState) string {
	for other, st := range states {
		if _, ok := st.Removed[dev]; ok && other != dev {
			if _, selfRemoved := states[dev]; selfRemoved && states[dev].Removed[other] != 0 {
				continue // each removed the other: the earlier removal stands, this one is moot
			}
			return other
		}
	}
	return ""
}

func (r *Replica) markSelfRemoved(ctx context.Context, by string) error {
	return r.store.WriteSmallSQL(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE sync_state SET removed_at = ?, removed_by = ? WHERE id = 1`, ms(r.now()), by)
		return err
	})
}

// noteRemovals records the removals other devices' states announce, and
// what each device is called and when it was last heard from. It returns
// every device removed, and how many of them this one (self) removed.
func (r *Replica) noteRemovals(ctx context.Context, self string, states map[string]*devState) (map[string]bool, int, error) {
	var devs []device
	err := r.store.ReadSQL(ctx, func(tx *sql.Tx) error {
		var err error
		devs, err = loadDevices(ctx, tx)
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	known := map[string]device{}
	for _, d := range devs {
		known[d.UUID] = d
	}
	stale := false
	for dev, st := range states {
		d, ok := known[dev]
		stale = stale || !ok || d.Name != st.Name || d.SeenAt.Int64 != st.At
		for gone := range st.Removed {
			g, ok := known[gone]
			stale = stale || !ok || !g.RemovedAt.Valid
		}
	}
	if stale {
		err := r.store.WriteSmallSQL(ctx, func(tx *sql.Tx) error {
			for dev, st := range states {
				if _, err := deviceNum(ctx, tx, dev); err != nil {
					return err
				}
				if _, err := tx.ExecContext(ctx, `UPDATE sync_devices SET name = ?, seen_at = ? WHERE uuid = ?`, st.Name, st.At, dev); err != nil {
					return err
				}
				for gone, at := range st.Removed {
					if _, err := deviceNum(ctx, tx, gone); err != nil {
						return err
					}
					if _, err := tx.ExecContext(ctx, `UPDATE sync_devices SET removed_at = ?, removed_by = ? WHERE uuid = ? AND removed_at IS NULL`,
						at, dev, gone); err != nil {
						return err
					}
				}
			}
			var err error
			devs, err = loadDevices(ctx, tx)
			return err
		})
		if err != nil {
			return nil, 0, err
		}
	}
	removed := map[string]bool{}
	ours := 0
	for _, d := range devs {
		if d.RemovedAt.Valid {
			removed[d.UUID] = true
			if d.RemovedBy == self {
				ours++
			}
		}
	}
	return removed, ours, nil
}

// writeOwnState writes this device's state file.
func (r *Replica) writeOwnState(ctx context.Context, kept int64) error {
	var ds devState
	err := r.store.ReadSQL(ctx, func(tx *sql.Tx) error {
		st, err := loadState(ctx, tx)
		if err != nil {
			return err
		}
		devs, err := loadDevices(ctx, tx)
		if err != nil {
			return err
		}
		ds = devState{
			Version: 1, Device: st.Device, Name: st.Name, At: ms(r.now()),
			Wrote: mark{Seg: st.WroteSeg, Op: st.WroteOp}, Kept: kept,
			Snapshot: st.SnapSeq, SnapshotVector: st.SnapVector, Seen: vector{}, Removed: map[string]int64{},
		}
		for _, d := range devs {
			if d.UUID == st.Device {
				continue
			}
			ds.Seen[d.UUID] = d.Applied
			if d.RemovedAt.Valid && d.RemovedBy == st.Device {
				ds.Removed[d.UUID] = d.RemovedAt.Int64
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := r.folder.writeState(&ds); err != nil {
		return err
	}
	return r.store.WriteSmallSQL(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE sync_state SET state_at = ? WHERE id = 1`, ds.At)
		return err
	})
}
