package replica

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/bothand/bothand/data"
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

// clocks is a record's row in sync_clocks.
type clocks struct {
	exists bool
	hlc    int64
	fields map[string]int64
	tdev   sql.NullInt64
	top    sql.NullInt64
	dead   sql.NullInt64
}

func (c *clocks) of(field string) int64 {
	if h, ok := c.fields[field]; ok {
		return h
	}
	return c.hlc
}

// row is the journal's copy of a record.
type row struct {
	id     int64 // 0: none (for settings, 1 when present)
	vals   map[string]any
	clocks clocks
}

func (a *applier) load(k *kind, rid string) (*row, error) {
	r := &row{}
	if a.fresh[k.Table] && !a.written[k.Table][rid] {
		return r, nil
	}
	st, err := a.stmt(`SELECT hlc, fields, tdev, top, dead FROM sync_clocks WHERE tbl = ? AND rid = ?`)
	if err != nil {
		return nil, err
	}
	var fields sql.NullString
	err = st.QueryRowContext(a.ctx, k.Table, rid).Scan(&r.clocks.hlc, &fields, &r.clocks.tdev, &r.clocks.top, &r.clocks.dead)
	switch {
	case err == nil:
		r.clocks.exists = true
		if fields.Valid {
			if err := json.Unmarshal([]byte(fields.String), &r.clocks.fields); err != nil {
				return nil, fmt.Errorf("clocks of %s %s: %w", k.Table, rid, err)
			}
		}
	case !errors.Is(err, sql.ErrNoRows):
		return nil, err
	}
	st, err = a.stmt(selectRow(k))
	if err != nil {
		return nil, err
	}
	n := len(k.cols) + 1
	if k.Tags {
		n++
	}
	scan := make([]any, n)
	vals := make([]any, n)
	for i := range scan {
		scan[i] = &vals[i]
	}
	err = st.QueryRowContext(a.ctx, rid).Scan(scan...)
	if errors.Is(err, sql.ErrNoRows) {
		return r, nil
	}
	if err != nil {
		return nil, err
	}
	r.id = 1
	if id, ok := vals[0].(int64); ok {
		r.id = id
	}
	r.vals = make(map[string]any, len(k.cols)+1)
	for i, c := range k.cols {
		r.vals[c] = normalize(vals[i+1])
	}
	if k.Tags {
		tags := []string{}
		raw, _ := normalize(vals[n-1]).(string)
		if err := json.Unmarshal([]byte(raw), &tags); err != nil {
			return nil, err
		}
		r.vals["tags"] = tags
	}
	if !k.Keyed {
		a.rememberID(k.Table, rid, r.id)
	}
	return r, nil
}

// normalize gives values as decoded from a change: SQLite's []byte text
// as a string.
func normalize(v any) any {
	if b, ok := v.([]byte); ok {
		return string(b)
	}
	return v
}

// selectRow reads a record's columns as they travel (references as UUIDs,
// an entry's tags as a JSON list), after its id.
func selectRow(k *kind) string {
	sel := []string{"t.rowid"}
	for _, c := range k.cols {
		if ref, ok := k.refs[c]; ok {
			sel = append(sel, fmt.Sprintf("(SELECT uuid FROM %s WHERE id = t.%s)", ref, c))
			continue
		}
		sel = append(sel, "t."+c)
	}
	if k.Tags {
		sel = append(sel, `(SELECT json_group_array(uuid) FROM (SELECT g.uuid FROM entry_tags et JOIN tags g ON g.id = et.tag_id WHERE et.entry_id = t.id ORDER BY g.uuid))`)
	}
	return fmt.Sprintf("SELECT %s FROM %s t WHERE t.%s = ?", strings.Join(sel, ", "), k.Table, k.idCol)
}

// apply writes one change. Fields are taken one by one: a field is
// written when the change's clock for it is later than the journal's (on
// a tie, the greater value wins, so every journal picks the same). An
// entry's text follows the rules of mergeText; a record deleted for good
// stays deleted, except that text written elsewhere meanwhile is kept as
// an entry of its own.
func (a *applier) apply(o *op) error {
	a.maxH = max(a.maxH, o.H)
	k, ok := byTable[o.T]
	if !ok {
		return fmt.Errorf("a change to %q, which this version of Both/And does not know", o.T)
	}
	for f := range o.F {
		if !slices.Contains(k.cols, f) && !(f == "tags" && k.Tags) {
			return fmt.Errorf("a change to %s.%s, which this version of Both/And does not know", o.T, f)
		}
	}
	o.I = a.resolveAlias(o.T, o.I)
	r, err := a.load(k, o.I)
	if err != nil {
		return err
	}
	switch {
	case r.clocks.dead.Valid:
		if o.K != "del" && o.hasText() {
			return a.keepDeletedText(k, o)
		}
		return nil
	case r.id == 0 && o.K == "del":
		return a.tombstone(k, o.I, o.H, sql.NullInt64{}, sql.NullInt64{})
	case r.id == 0 && o.K == "set":
		return a.park(o, o.T, o.I)
	case r.id == 0:
		return a.insert(k, o, r)
	case o.K == "del":
		return a.remove(k, o, r)
	}
	return a.update(k, o, r)
}

// insert adds a record new to the journal, or merges it into the
// journal's copy of the same thing made elsewhere (a natural key).
func (a *applier) insert(k *kind, o *op, r *row) error {
	vals, wait, err := a.values(k, o, o.F)
	if err != nil || wait != nil {
		if wait != nil {
			return a.park(o, wait[0], wait[1])
		}
		return err
	}
	if vals == nil {
		return nil // refers to a record deleted for good: it goes with it
	}
	merged, err := a.mergeNatural(k, o, vals)
	if err != nil || merged {
		return err
	}
	if k.Table == "slips" && vals["pinned"] == int64(1) {
		if keep, err := a.keepOnePinned(o, 0); err != nil {
			return err
		} else if !keep {
			vals["pinned"] = int64(0)
		}
	}
	cols := []string{k.idCol}
	args := []any{o.I}
	for _, c := range k.cols {
		v, ok := vals[c]
		if !ok {
			continue
		}
		cols = append(cols, c)
		args = append(args, v)
	}
	res, err := a.exec(fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s)", k.Table, strings.Join(cols, ", "),
		strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ")), args...)
	if err != nil {
		return a.refused(o, err)
	}
	a.wrote(k.Table, o.I)
	var id int64 = 1
	if !k.Keyed {
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		a.rememberID(k.Table, o.I, id)
	}
	if tags, ok := vals["tags"].([]int64); ok {
		if err := a.setTags(id, tags, false); err != nil {
			return err
		}
	}
	var tdev, top sql.NullInt64
	if k.Table == "entries" {
		tdev = sql.NullInt64{Int64: a.num(o.textDev()), Valid: true}
		top = sql.NullInt64{Int64: o.textOp(), Valid: true}
	}
	if err := a.setClocks(k.Table, o.I, o.H, o.C, tdev, top, true); err != nil {
		return err
	}
	a.counts.Applied++
	return a.unpark(k.Table, o.I)
}

// update takes the fields of a change that are later than the journal's.
func (a *applier) update(k *kind, o *op, r *row) error {
	take := map[string]any{}
	clk := map[string]int64{}
	for f, v := range o.F {
		if k.isText(f) {
			continue
		}
		oc, lc := o.clock(f), r.clocks.of(f)
		if oc > lc || (oc == lc && greater(v, r.vals[f])) {
			take[f], clk[f] = v, oc
		}
	}
	var tdev, top sql.NullInt64
	if o.hasText() {
		won, err := a.mergeText(k, o, r)
		if err != nil {
			return err
		}
		if won {
			for _, f := range textFields {
				take[f], clk[f] = o.F[f], o.clock(f)
			}
			tdev = sql.NullInt64{Int64: a.num(o.textDev()), Valid: true}
			top = sql.NullInt64{Int64: o.textOp(), Valid: true}
		}
	}
	if len(take) == 0 {
		a.counts.Applied++
		return nil
	}
	vals, wait, err := a.values(k, o, take)
	if err != nil || wait != nil {
		if wait != nil {
			return a.park(o, wait[0], wait[1])
		}
		return err
	}
	if vals == nil {
		// A reference that can't be null points to a record deleted for
		// good: the record goes too, as the database's cascade would.
		return a.remove(k, &op{T: o.T, I: o.I, K: "del", H: o.H, dev: o.dev, seen: o.seen}, r)
	}
	if k.Table == "slips" && vals["pinned"] == int64(1) {
		if keep, err := a.keepOnePinned(o, r.id); err != nil {
			return err
		} else if !keep {
			delete(vals, "pinned")
			delete(clk, "pinned")
		}
	}
	var sets []string
	var args []any
	for _, c := range k.cols {
		if v, ok := vals[c]; ok {
			sets = append(sets, c+" = ?")
			args = append(args, v)
		}
	}
	if len(sets) > 0 {
		where := "id = ?"
		args = append(args, r.id)
		if k.Keyed {
			where = "key = ?"
			args[len(args)-1] = o.I
		}
		if _, err := a.exec(fmt.Sprintf("UPDATE %s SET %s WHERE %s", k.Table, strings.Join(sets, ", "), where), args...); err != nil {
			return a.refused(o, err)
		}
	}
	if tags, ok := vals["tags"].([]int64); ok {
		if err := a.setTags(r.id, tags, true); err != nil {
			return err
		}
	}
	a.wrote(k.Table, o.I)
	if err := a.setClocks(k.Table, o.I, 0, clk, tdev, top, false); err != nil {
		return err
	}
	a.counts.Applied++
	return nil
}

// remove deletes a record for good, as another device did. An entry whose
// text changed here unseen by that device keeps its text as an entry.
func (a *applier) remove(k *kind, o *op, r *row) error {
	if k.Table == "entries" && r.clocks.top.Valid && !a.seenByOrigin(o, r) {
		if err := a.copyLocal(k, o.I, r, false); err != nil {
			return err
		}
	}
	where := "id = ?"
	var arg any = r.id
	if k.Keyed {
		where, arg = "key = ?", o.I
	}
	if _, err := a.exec("DELETE FROM "+k.Table+" WHERE "+where, arg); err != nil {
		return a.refused(o, err)
	}
	if m := a.ids[k.Table]; m != nil {
		delete(m, o.I)
	}
	a.counts.Applied++
	return a.tombstone(k, o.I, o.H, r.clocks.tdev, r.clocks.top)
}

func (a *applier) tombstone(k *kind, rid string, h int64, tdev, top sql.NullInt64) error {
	a.wrote(k.Table, rid)
	_, err := a.exec(`INSERT INTO sync_clocks (tbl, rid, hlc, dead, tdev, top) VALUES (?, ?, 0, ?, ?, ?)
		ON CONFLICT (tbl, rid) DO UPDATE SET fields = NULL, dead = excluded.dead,
			tdev = coalesce(excluded.tdev, tdev), top = coalesce(excluded.top, top)`, k.Table, rid, h, tdev, top)
	if err != nil {
		return err
	}
	return a.unpark(k.Table, rid)
}

// setClocks records the clocks of the fields written: a whole record at
// base (with its own clocks where given), or some fields.
func (a *applier) setClocks(table, rid string, base int64, fields map[string]int64, tdev, top sql.NullInt64, whole bool) error {
	a.wrote(table, rid)
	var js any
	if len(fields) > 0 {
		b, err := json.Marshal(fields)
		if err != nil {
			return err
		}
		js = string(b)
	}
	if whole {
		_, err := a.exec(`INSERT INTO sync_clocks (tbl, rid, hlc, fields, tdev, top) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (tbl, rid) DO UPDATE SET hlc = excluded.hlc, fields = excluded.fields, tdev = excluded.tdev,
				top = excluded.top, dead = NULL`, table, rid, base, js, tdev, top)
		return err
	}
	if js == nil {
		js = "{}"
	}
	_, err := a.exec(`INSERT INTO sync_clocks (tbl, rid, hlc, fields, tdev, top) VALUES (?, ?, 0, ?, ?, ?)
		ON CONFLICT (tbl, rid) DO UPDATE SET fields = json_patch(coalesce(fields, '{}'), excluded.fields),
			tdev = coalesce(excluded.tdev, tdev), top = coalesce(excluded.top, top)`, table, rid, js, tdev, top)
	return err
}

// values turns a change's fields into what the journal stores: references
// resolved to ids, tags to tag ids. wait names a record referred to that
// is not here yet; nil values mean a reference that may not be null
// points to a record deleted for good.
func (a *applier) values(k *kind, o *op, fields map[string]any) (map[string]any, *[2]string, error) {
	out := make(map[string]any, len(fields))
	for f, v := range fields {
		if f == "tags" {
			list, _ := v.([]string)
			ids := make([]int64, 0, len(list))
			for _, u := range list {
				id, state, err := a.resolve("tags", u)
				if err != nil {
					return nil, nil, err
				}
				switch state {
				case refMissing:
					return nil, &[2]string{"tags", a.resolveAlias("tags", u)}, nil
				case refFound:
					ids = append(ids, id)
				}
			}
			out[f] = ids
			continue
		}
		ref, isRef := k.refs[f]
		if !isRef || v == nil {
			out[f] = v
			continue
		}
		u, _ := v.(string)
		id, state, err := a.resolve(ref, u)
		if err != nil {
			return nil, nil, err
		}
		switch state {
		case refFound:
			out[f] = id
		case refMissing:
			return nil, &[2]string{ref, a.resolveAlias(ref, u)}, nil
		case refDead:
			if k.notNull[f] {
				return nil, nil, nil
			}
			out[f] = nil
		}
	}
	return out, nil, nil
}

func (a *applier) setTags(entryID int64, tags []int64, replace bool) error {
	if replace {
		if _, err := a.exec(`DELETE FROM entry_tags WHERE entry_id = ?`, entryID); err != nil {
			return err
		}
	}
	for _, t := range tags {
		if _, err := a.exec(`INSERT OR IGNORE INTO entry_tags (entry_id, tag_id) VALUES (?, ?)`, entryID, t); err != nil {
			return err
		}
	}
	return nil
}

// refused notes a change the journal's rules refused (a value a check
// does not allow, a second record with a unique name) and goes on: one
// bad change must not stop every later one.
func (a *applier) refused(o *op, err error) error {
	if !data.IsConstraint(err) {
		return err
	}
	a.counts.Skipped++
	a.counts.problems = append(a.counts.problems, fmt.Sprintf("a change to a %s from another computer was refused: %v", byTable[o.T].One, err))
	return nil
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
