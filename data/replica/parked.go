package replica

import (
	"cmp"
	"encoding/json"
	"slices"
)

// A change can arrive before the record it refers to: the entry a device
// tagged before this one has the tag, when the tag came from a third
// device whose files have not arrived yet. It waits in sync_parked, and
// is applied as soon as that record is written (or deleted for good).

type parkedOp struct {
	Op   op     `json:"op"`
	Dev  string `json:"dev"`
	Seen vector `json:"seen"`
	TDev string `json:"tdev,omitempty"`
}

func (a *applier) park(o *op, table, rid string) error {
	body, err := json.Marshal(parkedOp{Op: *o, Dev: o.dev, Seen: o.seen, TDev: o.tdev})
	if err != nil {
		return err
	}
	if _, err := a.exec(`INSERT INTO sync_parked (wait_tbl, wait_rid, body) VALUES (?, ?, ?)`, table, rid, string(body)); err != nil {
		return err
	}
	a.parked++
	return nil
}

// unpark applies the changes that waited for the record table/rid.
func (a *applier) unpark(table, rid string) error {
	if a.parked == 0 {
		return nil
	}
	st, err := a.stmt(`SELECT seq, body FROM sync_parked WHERE wait_tbl = ? AND wait_rid = ? ORDER BY seq`)
	if err != nil {
		return err
	}
	rows, err := st.QueryContext(a.ctx, table, rid)
	if err != nil {
		return err
	}
	var waiting []parkedOp
	var seqs []int64
	for rows.Next() {
		var seq int64
		var body string
		if err := rows.Scan(&seq, &body); err != nil {
			rows.Close()
			return err
		}
		var p parkedOp
		if err := json.Unmarshal([]byte(body), &p); err != nil {
			rows.Close()
			return err
		}
		waiting = append(waiting, p)
		seqs = append(seqs, seq)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(waiting) == 0 {
		return err
	}
	for _, seq := range seqs {
		if _, err := a.exec(`DELETE FROM sync_parked WHERE seq = ?`, seq); err != nil {
			return err
		}
	}
	a.parked -= len(waiting)
	slices.SortStableFunc(waiting, func(x, y parkedOp) int { return cmpOps(&x.Op, &y.Op) })
	for _, p := range waiting {
		o := p.Op
		o.dev, o.seen, o.tdev = p.Dev, p.Seen, p.TDev
		if err := a.apply(&o); err != nil {
			return err
		}
	}
	return nil
}

// cmpOps orders changes by clock, then device and number: the order in
// which they are applied.
func cmpOps(x, y *op) int {
	return cmp.Or(cmp.Compare(x.H, y.H), cmp.Compare(x.dev, y.dev), cmp.Compare(x.N, y.N))
}
