package replica

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/bothand/bothand/data"
)

// drain writes the changes captured since the last round into new
// segments, each written whole before the outbox lets go of its changes:
// a crash between the two leaves the segment and the changes, and the next
// round finds its own segment already there and takes it as written.
func (r *Replica) drain(ctx context.Context) (int, error) {
	sent := 0
	for {
		var st *syncState
		var seen vector
		var ops []op
		err := r.store.ReadSQL(ctx, func(tx *sql.Tx) error {
			var err error
			if st, err = loadState(ctx, tx); err != nil {
				return err
			}
			if seen, err = appliedVector(ctx, tx, st); err != nil {
				return err
			}
			ops, err = readOutbox(ctx, tx, st.WroteOp, r.opts.SegmentChanges)
			return err
		})
		if err != nil || len(ops) == 0 {
			return sent, err
		}
		last := ops[len(ops)-1].N
		seg := &segment{Version: segmentVersion, Schema: data.SchemaVersion(), Device: st.Device, Seq: st.WroteSeg + 1, Seen: seen, Ops: coalesce(ops)}
		if err := r.folder.writeSegment(seg); err != nil {
			if _, serr := os.Lstat(filepath.Join(r.folder.deviceDir(st.Device), segName(seg.Seq))); serr != nil {
				return sent, err
			}
			if last, err = r.adoptSegment(st, seg.Seq); err != nil {
				return sent, err
			}
		}
		err = r.store.WriteSmallSQL(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, `DELETE FROM sync_outbox WHERE op <= ?`, last); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `UPDATE sync_state SET wrote_seg = ?, wrote_op = ? WHERE id = 1`, seg.Seq, last)
			return err
		})
		if err != nil {
			return sent, err
		}
		sent += len(ops)
	}
}

// adoptSegment takes a segment of ours found where the next one was to be
// written (a crash came between writing it and letting go of its changes)
// as written, and returns its last change.
func (r *Replica) adoptSegment(st *syncState, seq int64) (int64, error) {
	seg, err := r.folder.readSegment(st.Device, seq)
	if err != nil {
		return 0, fmt.Errorf("segment %d of this computer is in the way: %w", seq, err)
	}
	ours, err := r.inOutbox(context.Background(), seg)
	if err != nil {
		return 0, err
	}
	if !ours {
		return 0, errors.New("the sync folder holds changes of this computer that its journal does not know; it will sync as a new computer at the next round")
	}
	return seg.Ops[len(seg.Ops)-1].N, nil
}

func readOutbox(ctx context.Context, tx *sql.Tx, after int64, limit int) ([]op, error) {
	rows, err := tx.QueryContext(ctx, `SELECT op, hlc, tbl, rid, kind, fields, ctx FROM sync_outbox WHERE op > ? ORDER BY op LIMIT ?`, after, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ops []op
	for rows.Next() {
		var o op
		var fields, ctxRow sql.NullString
		if err := rows.Scan(&o.N, &o.H, &o.T, &o.I, &o.K, &fields, &ctxRow); err != nil {
			return nil, err
		}
		if o.F, err = decodeFields([]byte(fields.String)); err != nil {
			return nil, fmt.Errorf("change %d: %w", o.N, err)
		}
		if o.X, err = decodeFields([]byte(ctxRow.String)); err != nil {
			return nil, fmt.Errorf("change %d: %w", o.N, err)
		}
		ops = append(ops, o)
	}
	return ops, rows.Err()
}
