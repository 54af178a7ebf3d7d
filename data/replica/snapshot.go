package replica

import (
	"bufio"
	"compress/flate"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/bothand/bothand/data"
)

// A snapshot is the whole journal as one device has it, with every
// field's clock, the records deleted for good, the merged UUIDs and the
// changes still waiting, and the vector of every device's changes it
// covers. A new device builds its journal from the latest snapshot of
// every device (merging them is merging field by field, so order does not
// matter) and then applies the segments after them; a device away for so
// long that the segments it needs were deleted catches up the same way.
// Old segments can be deleted once a snapshot covers them.

const snapshotVersion = 1

type snapHeader struct {
	Version int    `json:"version"`
	Schema  int    `json:"schema"`
	Device  string `json:"device"`
	Seq     int64  `json:"seq"`
	At      int64  `json:"at"`
	Vector  vector `json:"vector"`
	Rows    int64  `json:"rows"`
}

// snapLine is one line after the header: a record (T, I, F, H, C, TD, TO),
// a record deleted for good (T, I, D), an alias, or a waiting change.
type snapLine struct {
	T      string           `json:"t,omitempty"`
	I      string           `json:"i,omitempty"`
	F      map[string]any   `json:"f,omitempty"`
	H      int64            `json:"h,omitempty"`
	C      map[string]int64 `json:"c,omitempty"`
	TD     string           `json:"td,omitempty"`
	TO     int64            `json:"to,omitempty"`
	D      int64            `json:"d,omitempty"`
	Alias  []string         `json:"alias,omitempty"`
	Parked *parkedOp        `json:"parked,omitempty"`
}

// UnmarshalJSON keeps the fields' integers exact.
func (l *snapLine) UnmarshalJSON(b []byte) error {
	type plain snapLine
	var raw struct {
		plain
		F json.RawMessage `json:"f"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	*l = snapLine(raw.plain)
	var err error
	l.F, err = decodeFields(raw.F)
	return err
}

// writeSnapshot writes a snapshot when one is due and the outbox is empty
// (so the snapshot is exactly what this device's segments and applied
// changes add up to). It reports whether it wrote one.
func (r *Replica) writeSnapshot(ctx context.Context, force bool) (bool, error) {
	var wrote bool
	var st *syncState
	var head snapHeader
	err := r.store.ReadSQL(ctx, func(tx *sql.Tx) error {
		var err error
		if st, err = loadState(ctx, tx); err != nil {
			return err
		}
		var pending int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sync_outbox`).Scan(&pending); err != nil || pending > 0 {
			return err
		}
		if !force && !r.snapshotDue(st) {
			return nil
		}
		v, err := appliedVector(ctx, tx, st)
		if err != nil {
			return err
		}
		v[st.Device] = mark{Seg: st.WroteSeg, Op: st.WroteOp}
		head = snapHeader{Version: snapshotVersion, Schema: data.SchemaVersion(), Device: st.Device, Seq: st.WroteSeg + 1, At: ms(r.now()), Vector: v}
		if head.Seq == st.SnapSeq {
			return nil
		}
		if head.Rows, err = countSnapshotRows(ctx, tx); err != nil {
			return err
		}
		wrote = true
		return r.folder.sealedWrite(st.Device, snapName(head.Seq), r.folder.ad("snapshot", st.Device, head.Seq), true, func(w io.Writer) error {
			zw, err := flate.NewWriter(w, 4)
			if err != nil {
				return err
			}
			bw := bufio.NewWriterSize(zw, 64<<10)
			enc := json.NewEncoder(bw)
			if err := enc.Encode(head); err != nil {
				return err
			}
			if err := writeSnapshotRows(ctx, tx, enc); err != nil {
				return err
			}
			if err := bw.Flush(); err != nil {
				return err
			}
			return zw.Close()
		})
	})
	if err != nil || !wrote {
		return false, err
	}
	vec, err := json.Marshal(head.Vector)
	if err != nil {
		return false, err
	}
	err = r.store.WriteSmallSQL(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE sync_state SET snap_seq = ?, snap_op = ?, snap_at = ?, snap_vector = ? WHERE id = 1`,
			head.Seq, head.Vector[st.Device].Op, head.At, string(vec))
		return err
	})
	return err == nil, err
}

func (r *Replica) snapshotDue(st *syncState) bool {
	covered := st.SnapVector[st.Device]
	switch {
	case st.SnapSeq == 0:
		return true
	case st.WroteOp-covered.Op >= r.opts.SnapshotChanges:
		return true
	case st.WroteSeg > covered.Seg && r.now().Sub(fromMS(st.SnapAt)) >= r.opts.SnapshotAge:
		return true
	}
	return false
}

func countSnapshotRows(ctx context.Context, tx *sql.Tx) (int64, error) {
	parts := []string{"SELECT count(*) FROM sync_clocks WHERE dead IS NOT NULL"}
	for _, k := range kinds {
		parts = append(parts, "SELECT count(*) FROM "+k.Table)
	}
	var n int64
	err := tx.QueryRowContext(ctx, "SELECT "+strings.Join(wrapEach(parts), " + ")).Scan(&n)
	return n, err
}

func wrapEach(qs []string) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = "(" + q + ")"
	}
	return out
}

func writeSnapshotRows(ctx context.Context, tx *sql.Tx, enc *json.Encoder) error {
	devs, err := loadDevices(ctx, tx)
	if err != nil {
		return err
	}
	names := map[int64]string{}
	for _, d := range devs {
		names[d.Num] = d.UUID
	}
	for _, k := range kinds {
		if err := writeKindRows(ctx, tx, enc, k, names); err != nil {
			return fmt.Errorf("snapshot of %s: %w", k.Table, err)
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT tbl, rid, dead FROM sync_clocks WHERE dead IS NOT NULL ORDER BY tbl, rid`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var l snapLine
		if err := rows.Scan(&l.T, &l.I, &l.D); err != nil {
			rows.Close()
			return err
		}
		if err := enc.Encode(l); err != nil {
			rows.Close()
			return err
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if err := eachRow(ctx, tx, `SELECT tbl, rid, to_rid FROM sync_alias`, func(sc func(...any) error) error {
		var t, from, to string
		if err := sc(&t, &from, &to); err != nil {
			return err
		}
		return enc.Encode(snapLine{Alias: []string{t, from, to}})
	}); err != nil {
		return err
	}
	return eachRow(ctx, tx, `SELECT body FROM sync_parked ORDER BY seq`, func(sc func(...any) error) error {
		var body string
		if err := sc(&body); err != nil {
			return err
		}
		var p parkedOp
		if err := json.Unmarshal([]byte(body), &p); err != nil {
			return err
		}
		return enc.Encode(snapLine{Parked: &p})
	})
}

func eachRow(ctx context.Context, tx *sql.Tx, q string, fn func(scan func(...any) error) error) error {
	rows, err := tx.QueryContext(ctx, q)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}

func writeKindRows(ctx context.Context, tx *sql.Tx, enc *json.Encoder, k *kind, names map[int64]string) error {
	q := strings.Replace(selectRow(k), " WHERE t."+k.idCol+" = ?", "", 1)
	q = strings.Replace(q, "SELECT t.rowid,", "SELECT c.hlc, c.fields, c.tdev, c.top, t."+k.idCol+",", 1)
	q = strings.Replace(q, " FROM "+k.Table+" t", " FROM "+k.Table+" t LEFT JOIN sync_clocks c ON c.tbl = '"+k.Table+"' AND c.rid = t."+k.idCol, 1)
	rows, err := tx.QueryContext(ctx, q)
	if err != nil {
		return err
	}
	defer rows.Close()
	n := len(k.cols) + 5
	if k.Tags {
		n++
	}
	vals := make([]any, n)
	scan := make([]any, n)
	for i := range scan {
		scan[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(scan...); err != nil {
			return err
		}
		l := snapLine{T: k.Table, I: normalize(vals[4]).(string), F: make(map[string]any, len(k.cols)+1)}
		if h, ok := vals[0].(int64); ok {
			l.H = h
		}
		if f, ok := normalize(vals[1]).(string); ok && f != "" {
			if err := json.Unmarshal([]byte(f), &l.C); err != nil {
				return err
			}
		}
		if d, ok := vals[2].(int64); ok {
			l.TD = names[d]
		}
		if o, ok := vals[3].(int64); ok {
			l.TO = o
		}
		for i, c := range k.cols {
			l.F[c] = normalize(vals[5+i])
		}
		if k.Tags {
			var tags []string
			if err := json.Unmarshal([]byte(normalize(vals[n-1]).(string)), &tags); err != nil {
				return err
			}
			l.F["tags"] = tags
		}
		if err := enc.Encode(l); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	return rows.Err()
}

// latestSnapshot finds a device's newest snapshot; 0 when it has none.
func (f *folder) latestSnapshot(dev string) (int64, error) {
	list, err := f.snapshots(dev)
	if err != nil || len(list) == 0 {
		return 0, err
	}
	return list[len(list)-1], nil
}

// snapshotReader opens a snapshot and reads its header.
type snapshotReader struct {
	head   snapHeader
	dec    *json.Decoder
	closer io.Closer
	zr     io.ReadCloser
}

func (f *folder) openSnapshot(dev string, seq int64) (*snapshotReader, error) {
	r, c, err := f.sealedOpen(filepath.Join(f.deviceDir(dev), snapName(seq)), f.ad("snapshot", dev, seq))
	if err != nil {
		return nil, err
	}
	zr := flate.NewReader(bufio.NewReaderSize(r, 64<<10))
	sr := &snapshotReader{dec: json.NewDecoder(zr), closer: c, zr: zr}
	if err := sr.dec.Decode(&sr.head); err != nil {
		sr.Close()
		return nil, err
	}
	if sr.head.Version > snapshotVersion || sr.head.Schema > data.SchemaVersion() {
		sr.Close()
		return nil, ErrNewerSegment
	}
	if sr.head.Device != dev || sr.head.Seq != seq {
		sr.Close()
		return nil, errors.New("a snapshot names another device or number")
	}
	return sr, nil
}

func (sr *snapshotReader) Close() error {
	sr.zr.Close()
	return sr.closer.Close()
}

// next reads the next line; io.EOF at the end.
func (sr *snapshotReader) next() (*snapLine, error) {
	var l snapLine
	if err := sr.dec.Decode(&l); err != nil {
		return nil, err
	}
	return &l, nil
}

// mergeSnapshot merges a snapshot into the journal through the applier,
// and moves the devices' marks to what it covers. tick is told of every
// line.
func (a *applier) mergeSnapshot(sr *snapshotReader, tick func()) error {
	h := sr.head
	var run []*op
	flush := func() error {
		err := a.applyAll(run)
		run = run[:0]
		return err
	}
	for {
		l, err := sr.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		switch {
		case l.Alias != nil:
			if err := flush(); err != nil {
				return err
			}
			if len(l.Alias) == 3 {
				if err := a.addAlias(l.Alias[0], l.Alias[1], l.Alias[2]); err != nil {
					return err
				}
				if err := a.unpark(l.Alias[0], l.Alias[1]); err != nil {
					return err
				}
			}
		case l.Parked != nil:
			if err := flush(); err != nil {
				return err
			}
			o := l.Parked.Op
			o.dev, o.seen, o.tdev = l.Parked.Dev, l.Parked.Seen, l.Parked.TDev
			if err := a.apply(&o); err != nil {
				return err
			}
		case l.D != 0:
			run = append(run, &op{T: l.T, I: l.I, K: "del", H: l.D, dev: h.Device, seen: h.Vector})
		default:
			o := &op{T: l.T, I: l.I, K: "new", H: l.H, F: l.F, C: l.C, V: l.TO, dev: h.Device, seen: h.Vector, tdev: l.TD}
			if l.TD == "" {
				o.tdev = h.Device
			}
			run = append(run, o)
		}
		if len(run) >= 2000 {
			if err := flush(); err != nil {
				return err
			}
		}
		if tick != nil {
			tick()
		}
	}
	if err := flush(); err != nil {
		return err
	}
	return a.advance(h.Vector)
}
