package replica

import (
	"database/sql"
	"errors"
	"strings"
)

// Two devices can make the same thing each under its own UUID: a tag of
// the same name, the same morning's slip reading, the same school event
// imported from one calendar, a built-in added by an update. The journal's
// unique keys allow one. When a new record matches one here by a natural
// key (the export's, data/transfer), the two become one under the smaller
// UUID, on every device alike, and changes naming the other UUID are read
// as naming it (sync_alias). Their fields merge as any two copies do.

// mergeNatural merges the new record o into the journal's copy of the same
// thing, when there is one; merged reports whether it did.
func (a *applier) mergeNatural(k *kind, o *op, vals map[string]any) (merged bool, err error) {
	for _, nk := range k.natural {
		args := make([]any, len(nk.Columns))
		usable := true
		for i, c := range nk.Columns {
			v, ok := vals[c]
			if !ok || v == nil {
				usable = false
				break
			}
			args[i] = v
		}
		if !usable {
			continue
		}
		var id int64
		var local string
		err := a.tx.QueryRowContext(a.ctx, "SELECT id, uuid FROM "+k.Table+" WHERE "+nk.Where+" LIMIT 1", args...).Scan(&id, &local)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return false, err
		}
		incoming := o.I
		if o.I < local {
			if err := a.renameLocal(k, id, local, o.I); err != nil {
				return false, err
			}
		} else {
			if err := a.addAlias(k.Table, o.I, local); err != nil {
				return false, err
			}
			o.I = local
		}
		r, err := a.load(k, o.I)
		if err != nil {
			return false, err
		}
		if err := a.update(k, o, r); err != nil {
			return false, err
		}
		// Changes waiting for either UUID can go on now.
		if err := a.unpark(k.Table, incoming); err != nil {
			return false, err
		}
		return true, a.unpark(k.Table, local)
	}
	return false, nil
}

// renameLocal gives the journal's record the other device's (smaller)
// UUID. Its integer id, and so every reference to it, stays.
func (a *applier) renameLocal(k *kind, id int64, from, to string) error {
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{"UPDATE " + k.Table + " SET uuid = ? WHERE id = ?", []any{to, id}},
		{"DELETE FROM sync_clocks WHERE tbl = ? AND rid = ?", []any{k.Table, to}},
		{"UPDATE sync_clocks SET rid = ? WHERE tbl = ? AND rid = ?", []any{to, k.Table, from}},
	} {
		if _, err := a.exec(q.sql, q.args...); err != nil {
			return err
		}
	}
	if m := a.ids[k.Table]; m != nil {
		delete(m, from)
	}
	a.rememberID(k.Table, to, id)
	a.wrote(k.Table, to)
	return a.addAlias(k.Table, from, to)
}

func (a *applier) addAlias(table, from, to string) error {
	if _, err := a.exec(`INSERT OR REPLACE INTO sync_alias (tbl, rid, to_rid) VALUES (?, ?, ?)`, table, from, to); err != nil {
		return err
	}
	if _, err := a.exec(`UPDATE sync_alias SET to_rid = ? WHERE tbl = ? AND to_rid = ?`, to, table, from); err != nil {
		return err
	}
	for f, t := range a.aliases[table] {
		if t == from {
			a.aliases[table][f] = to
		}
	}
	a.alias(table, from, to)
	return nil
}

// keepOnePinned keeps the journal's rule of one pinned slip when o pins
// slip self: of the two pins, the later stays. It reports whether o's pin
// is kept; if so the other slip is unpinned.
func (a *applier) keepOnePinned(o *op, self int64) (bool, error) {
	var other int64
	var otherUUID string
	err := a.tx.QueryRowContext(a.ctx, `SELECT id, uuid FROM slips WHERE pinned = 1 AND id != ?`, self).Scan(&other, &otherUUID)
	if errors.Is(err, sql.ErrNoRows) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	r, err := a.load(byTable["slips"], otherUUID)
	if err != nil {
		return false, err
	}
	oc, lc := o.clock("pinned"), r.clocks.of("pinned")
	if oc < lc || (oc == lc && strings.Compare(o.I, otherUUID) < 0) {
		return false, nil
	}
	// Every device unpins the other slip the same way; as an edit of its
	// own, so that a device that never sees this pin (it arrived there in a
	// snapshot, the slip since deleted) unpins it too.
	return true, a.captured(func() error {
		_, err := a.exec(`UPDATE slips SET pinned = 0 WHERE id = ?`, other)
		return err
	})
}
