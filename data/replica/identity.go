package replica

import (
	"context"
	"database/sql"
	"errors"

	"github.com/google/uuid"
)

// A device's identity (its UUID) must name one line of changes: two
// journals writing under one UUID would number different changes alike,
// and each device would take the other's as already applied. Two things
// break that line, and both make the journal sync on as a new device:
//
//   - the journal file was copied to another computer, or moved: the host
//     and path it recorded are not where it is now. The original keeps its
//     identity wherever it still is.
//   - the journal went back in time (a backup was restored): the folder
//     holds changes of its identity that the journal does not know. The
//     old identity is retired (removed), and its later changes, which the
//     restored journal lacks, come back to it like any other device's.

func (r *Replica) home() string { return r.opts.Host + "|" + r.store.Path() }

// checkIdentity starts a new identity when the journal's is no longer its
// own; it reports whether it did. The folder tells: this device's state
// file names a segment the journal does not know it wrote, or a segment
// after the last one it knows holds other changes than the journal's
// outbox (a crash between writing a segment and noting it leaves one
// that matches, which drain takes as written).
func (r *Replica) checkIdentity(ctx context.Context, st *syncState, own *devState) (bool, error) {
	if st.Home != r.home() {
		// A copy: the original may sync on elsewhere, under its identity.
		return true, r.store.WriteSmallSQL(ctx, func(tx *sql.Tx) error {
			return r.newIdentity(ctx, tx, st, false)
		})
	}
	rewound := own != nil && (own.Wrote.Seg > st.WroteSeg || own.Wrote.Op > st.Op)
	if !rewound {
		list, err := r.folder.segments(st.Device)
		if err != nil {
			return false, err
		}
		for _, seq := range list {
			if seq <= st.WroteSeg {
				continue
			}
			seg, err := r.folder.readSegment(st.Device, seq)
			if err != nil {
				continue // half-written by a crash: drain writes it anew
			}
			ours, err := r.inOutbox(ctx, seg)
			if err != nil {
				return false, err
			}
			rewound = !ours
			break
		}
	}
	if !rewound {
		return false, nil
	}
	return true, r.store.WriteSmallSQL(ctx, func(tx *sql.Tx) error {
		return r.newIdentity(ctx, tx, st, true)
	})
}

// inOutbox reports whether seg holds changes waiting in the outbox: the
// same numbers, for the same records.
func (r *Replica) inOutbox(ctx context.Context, seg *segment) (bool, error) {
	ours := len(seg.Ops) > 0
	err := r.store.ReadSQL(ctx, func(tx *sql.Tx) error {
		for _, o := range seg.Ops {
			var t, id string
			err := tx.QueryRowContext(ctx, `SELECT tbl, rid FROM sync_outbox WHERE op = ?`, o.N).Scan(&t, &id)
			if errors.Is(err, sql.ErrNoRows) || (err == nil && (t != o.T || id != o.I)) {
				ours = false
				return nil
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	return ours, err
}

// newIdentity gives the journal a new device UUID. What it wrote under the
// old one counts as applied; changes not yet written go out under the new.
func (r *Replica) newIdentity(ctx context.Context, tx *sql.Tx, st *syncState, retireOld bool) error {
	oldNum := st.DeviceNum
	if _, err := tx.ExecContext(ctx, `UPDATE sync_devices SET applied_seg = ?, applied_op = ? WHERE num = ?`,
		st.WroteSeg, st.WroteOp, oldNum); err != nil {
		return err
	}
	id := newID()
	num, err := deviceNum(ctx, tx, id)
	if err != nil {
		return err
	}
	if retireOld {
		// Announced in the new identity's state file, so the other devices
		// stop keeping changes for the old one.
		if _, err := tx.ExecContext(ctx, `UPDATE sync_devices SET removed_at = ?, removed_by = ? WHERE num = ?`,
			ms(r.now()), id, oldNum); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE sync_devices SET name = ? WHERE num = ?`, st.Name, num); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE sync_state SET device = ?, device_num = ?, home = ?, wrote_seg = 0,
		snap_seq = 0, snap_op = 0, snap_at = NULL, snap_vector = '{}', state_at = NULL, removed_at = NULL, removed_by = '',
		updated_at = ? WHERE id = 1`, id, num, r.home(), ms(r.now()))
	if err != nil {
		return err
	}
	st.Device, st.DeviceNum, st.WroteSeg, st.SnapSeq = id, num, 0, 0
	return nil
}

// newID makes a device's or a sync's UUID (time-ordered, version 7).
func newID() string {
	id, err := uuid.NewV7()
	if err != nil {
		return uuid.NewString()
	}
	return id.String()
}
