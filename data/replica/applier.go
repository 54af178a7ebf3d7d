package replica

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
)

// applier writes other devices' changes into the journal inside one
// transaction, with capture off, so they are not sent out again as this
// journal's own. Each field keeps the value of the change with the later
// clock; see apply.
type applier struct {
	ctx   context.Context
	tx    *sql.Tx
	st    *syncState
	now   int64
	nums  map[string]int64
	uuids map[int64]string
	// local is what this journal has applied of each device: a change it
	// covers was seen here.
	local   vector
	stmts   map[string]*sql.Stmt
	ids     map[string]map[string]int64
	aliases map[string]map[string]string
	// fresh tables had no rows and no clocks when the transaction began
	// (a journal joining): a record not written since is not there.
	fresh   map[string]bool
	written map[string]map[string]bool
	parked  int // changes waiting in sync_parked
	maxH    int64
	counts  counts
}

// counts tell what a round or a join did.
type counts struct {
	Applied   int // changes applied
	Conflicts int // conflicted copies made
	Skipped   int // changes the journal's rules refused (see problems)
	snapshots int // snapshots merged
	problems  []string
}

func newApplier(ctx context.Context, tx *sql.Tx, st *syncState, now int64) (*applier, error) {
	a := &applier{
		ctx: ctx, tx: tx, st: st, now: now,
		nums: map[string]int64{}, uuids: map[int64]string{},
		stmts: map[string]*sql.Stmt{}, ids: map[string]map[string]int64{},
		aliases: map[string]map[string]string{}, fresh: map[string]bool{}, written: map[string]map[string]bool{},
	}
	devs, err := loadDevices(ctx, tx)
	if err != nil {
		return nil, err
	}
	for _, d := range devs {
		a.nums[d.UUID], a.uuids[d.Num] = d.Num, d.UUID
	}
	if a.local, err = appliedVector(ctx, tx, st); err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT tbl, rid, to_rid FROM sync_alias`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var t, from, to string
		if err := rows.Scan(&t, &from, &to); err != nil {
			return nil, err
		}
		a.alias(t, from, to)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sync_parked`).Scan(&a.parked); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE sync_state SET capture = 0 WHERE id = 1`); err != nil {
		return nil, err
	}
	return a, nil
}

// markFresh notes the tables that are empty, rows and clocks: a journal
// being built from the folder.
func (a *applier) markFresh() error {
	for _, k := range kinds {
		var any int
		err := a.tx.QueryRowContext(a.ctx, `SELECT EXISTS (SELECT 1 FROM `+k.Table+`) OR EXISTS (SELECT 1 FROM sync_clocks WHERE tbl = ?)`, k.Table).Scan(&any)
		if err != nil {
			return err
		}
		a.fresh[k.Table] = any == 0
	}
	return nil
}

// finish turns capture back on and moves the clock past every change
// applied, so this journal's next edit is later than all it has seen. A
// clock more than a day ahead of this computer's is not followed.
func (a *applier) finish() error {
	limit := (a.now + 86_400_000) << 16
	h := min(a.maxH, limit)
	_, err := a.tx.ExecContext(a.ctx, `UPDATE sync_state SET capture = 1, hlc = max(hlc, ?) WHERE id = 1`, h)
	for _, st := range a.stmts {
		st.Close()
	}
	return err
}

func (a *applier) stmt(q string) (*sql.Stmt, error) {
	if st, ok := a.stmts[q]; ok {
		return st, nil
	}
	st, err := a.tx.PrepareContext(a.ctx, q)
	if err != nil {
		return nil, err
	}
	a.stmts[q] = st
	return st, nil
}

func (a *applier) exec(q string, args ...any) (sql.Result, error) {
	st, err := a.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(a.ctx, args...)
}

func (a *applier) alias(table, from, to string) {
	if a.aliases[table] == nil {
		a.aliases[table] = map[string]string{}
	}
	a.aliases[table][from] = to
}

func (a *applier) resolveAlias(table, rid string) string {
	for range 8 { // aliases chain when a merged record merges again
		to, ok := a.aliases[table][rid]
		if !ok {
			break
		}
		rid = to
	}
	return rid
}

func (a *applier) wrote(table, rid string) {
	if a.written[table] == nil {
		a.written[table] = map[string]bool{}
	}
	a.written[table][rid] = true
}

func (a *applier) rememberID(table, rid string, id int64) {
	m := a.ids[table]
	if m == nil || len(m) > 200_000 {
		m = map[string]int64{}
		a.ids[table] = m
	}
	m[rid] = id
}

// refState says what a reference found.
type refState int

const (
	refFound refState = iota
	refMissing
	refDead
)

// resolve finds the id of the record of table with the UUID rid.
func (a *applier) resolve(table, rid string) (int64, refState, error) {
	rid = a.resolveAlias(table, rid)
	if id, ok := a.ids[table][rid]; ok {
		return id, refFound, nil
	}
	if a.fresh[table] && !a.written[table][rid] {
		return 0, refMissing, nil
	}
	st, err := a.stmt(`SELECT id FROM ` + table + ` WHERE uuid = ?`)
	if err != nil {
		return 0, 0, err
	}
	var id int64
	err = st.QueryRowContext(a.ctx, rid).Scan(&id)
	if err == nil {
		a.rememberID(table, rid, id)
		return id, refFound, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, 0, err
	}
	var dead sql.NullInt64
	st, err = a.stmt(`SELECT dead FROM sync_clocks WHERE tbl = ? AND rid = ?`)
	if err != nil {
		return 0, 0, err
	}
	err = st.QueryRowContext(a.ctx, table, rid).Scan(&dead)
	if err == nil && dead.Valid {
		return 0, refDead, nil
	}
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, 0, err
	}
	return 0, refMissing, nil
}

// captured runs fn as this journal's own edit, sent out like one: the
// conflicted copies, and the pins a merge takes away. The clock first
// moves past every change applied so far, so the edit is later than what
// caused it.
func (a *applier) captured(fn func() error) error {
	h := min(a.maxH, (a.now+86_400_000)<<16)
	if _, err := a.exec(`UPDATE sync_state SET capture = 1, hlc = max(hlc, ?) WHERE id = 1`, h); err != nil {
		return err
	}
	err := fn()
	if _, cerr := a.exec(`UPDATE sync_state SET capture = 0 WHERE id = 1`); err == nil {
		err = cerr
	}
	return err
}

// emit sends a change of rid's fields as this journal's own, later than
// every change applied so far, without writing the record: its value here
// is already what the change says. A slip whose pin lost here is sent
// unpinned, so that every computer that took the pin drops it too, even
// where the pin that won never arrives (its slip deleted meanwhile).
func (a *applier) emit(table, rid string, fields map[string]any) error {
	floor := min(a.maxH, (a.now+86_400_000)<<16)
	if _, err := a.exec(`UPDATE sync_state SET hlc = max(hlc, ?) + 1, op = op + 1 WHERE id = 1`, floor); err != nil {
		return err
	}
	var n, h int64
	if err := a.tx.QueryRowContext(a.ctx, `SELECT op, hlc FROM sync_state WHERE id = 1`).Scan(&n, &h); err != nil {
		return err
	}
	body, err := json.Marshal(fields)
	if err != nil {
		return err
	}
	if _, err := a.exec(`INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields) VALUES (?, ?, ?, ?, 'set', ?)`, n, h, table, rid, string(body)); err != nil {
		return err
	}
	clk := make(map[string]int64, len(fields))
	for f := range fields {
		clk[f] = h
	}
	return a.setClocks(table, rid, 0, clk, sql.NullInt64{}, sql.NullInt64{}, false)
}

// num is a device's local number, added when new.
func (a *applier) num(dev string) int64 {
	if n, ok := a.nums[dev]; ok {
		return n
	}
	n, err := deviceNum(a.ctx, a.tx, dev)
	if err != nil {
		return 0
	}
	a.nums[dev], a.uuids[n] = n, dev
	return n
}

// greater orders two values of one field the same way on every device.
func greater(x, y any) bool {
	bx, _ := json.Marshal(x)
	by, _ := json.Marshal(y)
	return string(bx) > string(by)
}
