package replica

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"
)

// syncState is the journal's row in sync_state.
type syncState struct {
	Journal, Device, Name, Folder, Home string
	DeviceNum                           int64
	HLC, Op                             int64
	WroteSeg, WroteOp                   int64
	SnapSeq, SnapOp                     int64
	SnapAt                              sql.NullInt64
	SnapVector                          vector
	StateAt                             sql.NullInt64
	RemovedAt                           sql.NullInt64
	RemovedBy                           string
	RoundAt                             sql.NullInt64
	RoundResult, RoundError             string
}

// querier is what both *sql.Tx and *sql.DB offer.
type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func loadState(ctx context.Context, q querier) (*syncState, error) {
	var st syncState
	var snapVector string
	err := q.QueryRowContext(ctx, `SELECT journal, device, device_num, name, folder, home, hlc, op, wrote_seg, wrote_op,
		snap_seq, snap_op, snap_at, snap_vector, state_at, removed_at, removed_by, round_at, round_result, round_error
		FROM sync_state WHERE id = 1`).Scan(&st.Journal, &st.Device, &st.DeviceNum, &st.Name, &st.Folder, &st.Home,
		&st.HLC, &st.Op, &st.WroteSeg, &st.WroteOp, &st.SnapSeq, &st.SnapOp, &st.SnapAt, &snapVector, &st.StateAt,
		&st.RemovedAt, &st.RemovedBy, &st.RoundAt, &st.RoundResult, &st.RoundError)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotSetUp
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(snapVector), &st.SnapVector); err != nil {
		st.SnapVector = vector{}
	}
	return &st, nil
}

// mark is how far one device's changes have reached somewhere: its
// segments and its changes, without gaps.
type mark struct {
	Seg int64 `json:"seg"`
	Op  int64 `json:"op"`
}

// vector maps a device's UUID to how far its changes have been applied.
type vector map[string]mark

// device is a row of sync_devices.
type device struct {
	Num        int64
	UUID, Name string
	Applied    mark
	SeenAt     sql.NullInt64
	RemovedAt  sql.NullInt64
	RemovedBy  string
	Problem    string
}

func loadDevices(ctx context.Context, q querier) ([]device, error) {
	rows, err := q.QueryContext(ctx, `SELECT num, uuid, name, applied_seg, applied_op, seen_at, removed_at, removed_by, problem
		FROM sync_devices ORDER BY num`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []device
	for rows.Next() {
		var d device
		if err := rows.Scan(&d.Num, &d.UUID, &d.Name, &d.Applied.Seg, &d.Applied.Op, &d.SeenAt, &d.RemovedAt, &d.RemovedBy, &d.Problem); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// deviceNum finds a device's number, adding the device when it is new.
func deviceNum(ctx context.Context, q querier, id string) (int64, error) {
	var n int64
	err := q.QueryRowContext(ctx, `SELECT num FROM sync_devices WHERE uuid = ?`, id).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		res, err := q.ExecContext(ctx, `INSERT INTO sync_devices (uuid) VALUES (?)`, id)
		if err != nil {
			return 0, err
		}
		return res.LastInsertId()
	}
	return n, err
}

// appliedVector is how far this journal has applied each device's
// changes; its own are all "applied".
func appliedVector(ctx context.Context, q querier, st *syncState) (vector, error) {
	devs, err := loadDevices(ctx, q)
	if err != nil {
		return nil, err
	}
	v := vector{}
	for _, d := range devs {
		if d.UUID == st.Device {
			v[d.UUID] = mark{Seg: st.WroteSeg, Op: st.Op}
			continue
		}
		v[d.UUID] = d.Applied
	}
	return v, nil
}

func ms(t time.Time) int64 { return t.UnixMilli() }

func fromMS(n sql.NullInt64) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return time.UnixMilli(n.Int64).UTC()
}
