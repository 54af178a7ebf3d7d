package replica

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

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
