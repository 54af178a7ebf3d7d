package replica

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/bothand/bothand/data"
)

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
	lostPin := false
	if k.Table == "slips" && vals["pinned"] == int64(1) {
		keep, err := a.keepOnePinned(o, 0)
		if err != nil {
			return err
		}
		if lostPin = !keep; lostPin {
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
	if lostPin {
		if err := a.emit(k.Table, o.I, map[string]any{"pinned": int64(0)}); err != nil {
			return err
		}
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
	lostPin := false
	if k.Table == "slips" && vals["pinned"] == int64(1) {
		keep, err := a.keepOnePinned(o, r.id)
		if err != nil {
			return err
		}
		if lostPin = !keep; lostPin {
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
	if lostPin {
		if err := a.emit(k.Table, o.I, map[string]any{"pinned": int64(0)}); err != nil {
			return err
		}
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
