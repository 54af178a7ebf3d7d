package replica

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"slices"

	"github.com/bothand/bothand/data/replica/seal"
)

// collected is what a round found to apply: each device's next segments,
// in order, without gaps.
type collected struct {
	segs []*segment
	ops  int
	// needSnapshot lists devices whose next segment was deleted after
	// every other device had it: only a snapshot covers it now.
	needSnapshot []string
	// problems says, by device, why its next segment could not be read
	// (half-copied by the sync tool, usually: tried again next round).
	problems map[string]string
}

// collect reads the segments after what the journal has applied, up to
// limit changes in all (whole segments). Segments that arrive late wait
// for the ones before them; segments already applied are skipped.
func (r *Replica) collect(ctx context.Context, self string, applied vector, states map[string]*devState, limit int) (*collected, error) {
	devs, err := r.folder.devices()
	if err != nil {
		return nil, err
	}
	c := &collected{problems: map[string]string{}}
	for _, dev := range devs {
		if dev == self {
			continue
		}
		list, err := r.folder.segments(dev)
		if err != nil {
			c.problems[dev] = err.Error()
			continue
		}
		next := applied[dev].Seg + 1
		i, _ := slices.BinarySearch(list, next)
		if i == len(list) || list[i] != next {
			if st := states[dev]; st != nil && st.Kept > next && st.Wrote.Seg >= next {
				c.needSnapshot = append(c.needSnapshot, dev)
			}
			continue
		}
		for ; i < len(list) && list[i] == next && c.ops < limit; i, next = i+1, next+1 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			seg, err := r.folder.readSegment(dev, next)
			if err != nil {
				c.problems[dev] = segmentProblem(err)
				break
			}
			c.segs = append(c.segs, seg)
			c.ops += len(seg.Ops)
		}
	}
	return c, nil
}

func segmentProblem(err error) string {
	switch {
	case errors.Is(err, seal.ErrRefused):
		return "a file of its changes could not be read yet (still being copied, or damaged)"
	case errors.Is(err, ErrNewerSegment):
		return "it runs a newer version of Both/And: update Both/And here to sync with it"
	case errors.Is(err, fs.ErrNotExist):
		return "a file of its changes went away while being read"
	}
	return err.Error()
}

// applySegments applies the changes of segs in clock order, skipping those
// applied before, and moves each device's mark past its segments.
func (a *applier) applySegments(segs []*segment) error {
	var ops []*op
	reached := vector{}
	for _, seg := range segs {
		m := reached[seg.Device]
		m.Seg = max(m.Seg, seg.Seq)
		for i := range seg.Ops {
			o := &seg.Ops[i]
			m.Op = max(m.Op, o.N)
			if o.N > a.local[seg.Device].Op {
				ops = append(ops, o)
			}
		}
		reached[seg.Device] = m
	}
	slices.SortStableFunc(ops, cmpOps)
	if err := a.applyAll(ops); err != nil {
		return err
	}
	return a.advance(reached)
}

// advance records how far each device's changes are applied now.
func (a *applier) advance(v vector) error {
	for dev, m := range v {
		if dev == a.st.Device {
			continue
		}
		n := a.num(dev)
		if _, err := a.exec(`UPDATE sync_devices SET applied_seg = max(applied_seg, ?), applied_op = max(applied_op, ?) WHERE num = ?`,
			m.Seg, m.Op, n); err != nil {
			return err
		}
		l := a.local[dev]
		a.local[dev] = mark{Seg: max(l.Seg, m.Seg), Op: max(l.Op, m.Op)}
	}
	return nil
}

// pull applies what other devices wrote, a transaction per ApplyChanges
// changes, catching up from snapshots where segments were deleted.
func (r *Replica) pull(ctx context.Context, states map[string]*devState) (counts, error) {
	var total counts
	snapshotsTried := false
	for {
		var st *syncState
		var applied vector
		err := r.store.ReadSQL(ctx, func(tx *sql.Tx) error {
			var err error
			if st, err = loadState(ctx, tx); err != nil {
				return err
			}
			applied, err = appliedVector(ctx, tx, st)
			return err
		})
		if err != nil {
			return total, err
		}
		c, err := r.collect(ctx, st.Device, applied, states, r.opts.ApplyChanges)
		if err != nil {
			return total, err
		}
		if err := r.noteProblems(ctx, c.problems); err != nil {
			return total, err
		}
		if len(c.needSnapshot) > 0 && !snapshotsTried {
			snapshotsTried = true
			n, err := r.catchUp(ctx, c.needSnapshot, states)
			addCounts(&total, n)
			if err != nil {
				return total, err
			}
			continue
		}
		for _, dev := range c.needSnapshot {
			total.problems = append(total.problems, "changes of "+deviceName(states, dev)+" were tidied away before this computer had them, and no snapshot covers them yet")
		}
		if len(c.segs) == 0 {
			return total, nil
		}
		err = r.store.WriteSmallSQL(ctx, func(tx *sql.Tx) error {
			a, err := newApplier(ctx, tx, st, ms(r.now()))
			if err != nil {
				return err
			}
			if err := a.applySegments(c.segs); err != nil {
				return err
			}
			addCounts(&total, a.counts)
			return a.finish()
		})
		if err != nil {
			return total, err
		}
	}
}

func addCounts(total *counts, c counts) {
	total.Applied += c.Applied
	total.Conflicts += c.Conflicts
	total.Skipped += c.Skipped
	total.snapshots += c.snapshots
	total.problems = append(total.problems, c.problems...)
}

func deviceName(states map[string]*devState, dev string) string {
	if st := states[dev]; st != nil && st.Name != "" {
		return "“" + st.Name + "”"
	}
	return "another computer"
}

// noteProblems records, by device, why its files could not be read, and
// clears what was solved.
func (r *Replica) noteProblems(ctx context.Context, problems map[string]string) error {
	var devs []device
	err := r.store.ReadSQL(ctx, func(tx *sql.Tx) error {
		var err error
		devs, err = loadDevices(ctx, tx)
		return err
	})
	if err != nil {
		return err
	}
	var changed []device
	for _, d := range devs {
		if p := problems[d.UUID]; p != d.Problem {
			d.Problem = p
			changed = append(changed, d)
		}
	}
	if len(changed) == 0 {
		return nil
	}
	return r.store.WriteSmallSQL(ctx, func(tx *sql.Tx) error {
		for _, d := range changed {
			if _, err := tx.ExecContext(ctx, `UPDATE sync_devices SET problem = ? WHERE num = ?`, d.Problem, d.Num); err != nil {
				return err
			}
		}
		return nil
	})
}

// catchUp merges the latest snapshot of every device that covers what the
// needy devices' deleted segments held, in one transaction.
func (r *Replica) catchUp(ctx context.Context, needy []string, states map[string]*devState) (counts, error) {
	var out counts
	err := r.store.WriteSQL(ctx, func(tx *sql.Tx) error {
		st, err := loadState(ctx, tx)
		if err != nil {
			return err
		}
		a, err := newApplier(ctx, tx, st, ms(r.now()))
		if err != nil {
			return err
		}
		devs, err := r.folder.devices()
		if err != nil {
			return err
		}
		for _, dev := range devs {
			if dev == st.Device {
				continue
			}
			seq, err := r.folder.latestSnapshot(dev)
			if err != nil || seq == 0 {
				continue
			}
			sr, err := r.folder.openSnapshot(dev, seq)
			if err != nil {
				continue
			}
			useful := false
			for _, n := range needy {
				if sr.head.Vector[n].Seg > a.local[n].Seg {
					useful = true
				}
			}
			if useful {
				err = a.mergeSnapshot(sr, nil)
				a.counts.snapshots++
			}
			sr.Close()
			if err != nil {
				return err
			}
		}
		out = a.counts
		return a.finish()
	})
	return out, err
}
