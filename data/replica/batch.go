package replica

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Most changes a round or a join applies are new records: a day's entries,
// a whole journal's snapshot. The driver parses every statement anew, with
// the triggers of the table written to (the index's and the capture's), so
// records new to the journal are written many to a statement, as the
// import writes them (data/transfer). Anything else — a record already
// here, one that refers to a record not yet here, one with a natural key —
// goes through apply, one by one, in order.

// applyAll applies ops in order, new records of one table in batches.
func (a *applier) applyAll(ops []*op) error {
	var run []*op
	flush := func() error {
		if len(run) == 0 {
			return nil
		}
		err := a.insertBatch(run)
		run = run[:0]
		return err
	}
	for _, o := range ops {
		if err := a.ctx.Err(); err != nil {
			return err
		}
		if a.batchable(o) {
			if len(run) > 0 && (run[0].T != o.T || len(run) >= batchRows(byTable[o.T])) {
				if err := flush(); err != nil {
					return err
				}
			}
			run = append(run, o)
			continue
		}
		if err := flush(); err != nil {
			return err
		}
		if err := a.apply(o); err != nil {
			return err
		}
	}
	return flush()
}

// batchRows keeps a statement to about 800 parameters: the driver matches
// parameters to arguments in quadratic time beyond that.
func batchRows(k *kind) int { return max(1, 800/(len(k.cols)+1)) }

// batchable: a new record of a kind without natural keys (whose rows can't
// collide with one made elsewhere) and with every field this build knows.
func (a *applier) batchable(o *op) bool {
	k, ok := byTable[o.T]
	if !ok || o.K != "new" || len(k.natural) > 0 || k.Table == "slips" || len(o.F) < len(k.cols) {
		return false
	}
	for f := range o.F {
		if !slices.Contains(k.cols, f) && !(f == "tags" && k.Tags) {
			return false
		}
	}
	return true
}

// insertBatch writes the records of ops (one table) that are new here, and
// hands the others to apply.
func (a *applier) insertBatch(ops []*op) error {
	k := byTable[ops[0].T]
	for _, o := range ops {
		o.I = a.resolveAlias(o.T, o.I)
		a.maxH = max(a.maxH, o.H)
	}
	known, err := a.present(k, ops)
	if err != nil {
		return err
	}
	var rows []*op
	var vals []map[string]any
	var later []*op
	seen := map[string]bool{}
	for _, o := range ops {
		if known[o.I] || seen[o.I] {
			later = append(later, o)
			continue
		}
		v, wait, err := a.values(k, o, o.F)
		if err != nil {
			return err
		}
		if wait != nil || v == nil {
			later = append(later, o)
			continue
		}
		seen[o.I] = true
		rows = append(rows, o)
		vals = append(vals, v)
	}
	if len(rows) > 0 {
		if err := a.writeRows(k, rows, vals); err != nil {
			return err
		}
	}
	for _, o := range later {
		if err := a.apply(o); err != nil {
			return err
		}
	}
	return nil
}

// present finds which of the ops' records the journal has, or had (a
// tombstone, a clock).
func (a *applier) present(k *kind, ops []*op) (map[string]bool, error) {
	known := map[string]bool{}
	var ask []any
	for _, o := range ops {
		if a.fresh[k.Table] && !a.written[k.Table][o.I] {
			continue
		}
		ask = append(ask, o.I)
	}
	if len(ask) == 0 {
		return known, nil
	}
	in := strings.TrimSuffix(strings.Repeat("?, ", len(ask)), ", ")
	for _, q := range []string{
		"SELECT " + k.idCol + " FROM " + k.Table + " WHERE " + k.idCol + " IN (" + in + ")",
		"SELECT rid FROM sync_clocks WHERE tbl = '" + k.Table + "' AND rid IN (" + in + ")",
	} {
		rows, err := a.tx.QueryContext(a.ctx, q, ask...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			known[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return known, nil
}

// writeRows inserts new records with one statement, then their tags and
// clocks likewise.
func (a *applier) writeRows(k *kind, ops []*op, vals []map[string]any) error {
	cols := append([]string{k.idCol}, k.cols...)
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	args := make([]any, 0, len(cols)*len(ops))
	for i, o := range ops {
		args = append(args, o.I)
		for _, c := range k.cols {
			args = append(args, vals[i][c])
		}
	}
	res, err := a.exec(fmt.Sprintf("INSERT INTO %s (%s) VALUES %s", k.Table, strings.Join(cols, ", "),
		strings.TrimSuffix(strings.Repeat(row+", ", len(ops)), ", ")), args...)
	if err != nil {
		// One of them breaks a rule: find it, one by one.
		for _, o := range ops {
			if err := a.apply(o); err != nil {
				return err
			}
		}
		return nil
	}
	var first int64 = 1
	if !k.Keyed {
		last, err := res.LastInsertId()
		if err != nil {
			return err
		}
		first = last - int64(len(ops)) + 1
		var firstID, lastID string
		if err := a.tx.QueryRowContext(a.ctx, "SELECT (SELECT uuid FROM "+k.Table+" WHERE id = ?), (SELECT uuid FROM "+k.Table+" WHERE id = ?)", first, last).
			Scan(&firstID, &lastID); err != nil || firstID != ops[0].I || lastID != ops[len(ops)-1].I {
			return fmt.Errorf("applying %s: the new rows did not get consecutive ids (%v)", k.Table, err)
		}
	}
	var tagPairs []any
	clockArgs := make([]any, 0, 6*len(ops))
	for i, o := range ops {
		id := first + int64(i)
		if !k.Keyed {
			a.rememberID(k.Table, o.I, id)
		}
		a.wrote(k.Table, o.I)
		tags, _ := vals[i]["tags"].([]int64)
		for _, t := range tags {
			tagPairs = append(tagPairs, id, t)
		}
		var fields, tdev, top any
		if len(o.C) > 0 {
			b, err := json.Marshal(o.C)
			if err != nil {
				return err
			}
			fields = string(b)
		}
		if k.Table == "entries" {
			tdev, top = a.num(o.textDev()), o.textOp()
		}
		clockArgs = append(clockArgs, k.Table, o.I, o.H, fields, tdev, top)
	}
	if err := a.insertMany("INSERT OR IGNORE INTO entry_tags (entry_id, tag_id) VALUES ", 2, tagPairs); err != nil {
		return err
	}
	if err := a.insertMany("INSERT INTO sync_clocks (tbl, rid, hlc, fields, tdev, top) VALUES ", 6, clockArgs); err != nil {
		return err
	}
	a.counts.Applied += len(ops)
	if a.parked > 0 {
		for _, o := range ops {
			if err := a.unpark(k.Table, o.I); err != nil {
				return err
			}
		}
	}
	return nil
}

// insertMany runs an INSERT of rows of width values, many to a statement.
func (a *applier) insertMany(head string, width int, args []any) error {
	per := 800 / width
	for len(args) > 0 {
		n := min(len(args)/width, per)
		row := "(" + strings.TrimSuffix(strings.Repeat("?, ", width), ", ") + ")"
		if _, err := a.exec(head+strings.TrimSuffix(strings.Repeat(row+", ", n), ", "), args[:n*width]...); err != nil {
			return err
		}
		args = args[n*width:]
	}
	return nil
}
