package transfer

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// finish merges what was set aside, then checks that no UUID names two
// sections of record.
func (im *importer) finish() error {
	if err := im.flush(); err != nil {
		return err
	}
	im.final = true
	for _, sec := range sections {
		var after int64
		for {
			type held struct {
				seq, offset int64
				idx         int
				body        string
			}
			var batch []held
			st, err := im.stmt("SELECT seq, idx, at, body FROM import_later WHERE kind = ? AND seq > ? ORDER BY seq LIMIT 256")
			if err != nil {
				return err
			}
			rows, err := st.QueryContext(im.ctx, sec.pos, after)
			if err != nil {
				return err
			}
			for rows.Next() {
				var h held
				if err := rows.Scan(&h.seq, &h.idx, &h.offset, &h.body); err != nil {
					rows.Close()
					return err
				}
				batch = append(batch, h)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			if len(batch) == 0 {
				break
			}
			for _, h := range batch {
				var fields map[string]json.RawMessage
				if err := json.Unmarshal([]byte(h.body), &fields); err != nil {
					return err
				}
				if err := im.take(sec, h.idx, h.offset, fields); err != nil {
					return err
				}
			}
			after = batch[len(batch)-1].seq
		}
		if err := im.flush(); err != nil {
			return err
		}
	}
	if err := im.checkUUIDsUnique(); err != nil {
		return err
	}
	for _, q := range []string{"DROP TABLE temp.import_alias", "DROP TABLE temp.import_later"} {
		if _, err := im.tx.ExecContext(im.ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// checkUUIDsUnique refuses an import after which one UUID would name two
// records of different sections: in the file, or one in the file and one
// already in the journal.
func (im *importer) checkUUIDsUnique() error {
	var parts []string
	for _, sec := range sections {
		if !sec.keyed {
			parts = append(parts, fmt.Sprintf("SELECT uuid, %d AS kind FROM %s", sec.pos, sec.table))
		}
	}
	// A file UUID merged into a journal record of the same kind counts too.
	parts = append(parts, "SELECT uuid, kind FROM import_alias")
	var dup string
	var first, second int
	err := im.tx.QueryRowContext(im.ctx, `SELECT uuid, min(kind), max(kind) FROM (`+strings.Join(parts, " UNION ALL ")+
		`) GROUP BY uuid HAVING count(DISTINCT kind) > 1 LIMIT 1`).Scan(&dup, &first, &second)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	return &ImportError{Offset: -1, Problem: fmt.Sprintf(
		"the UUID %s would name both a %s and a %s; a UUID must name one record. Check the file for a copied or mistyped uuid.",
		dup, sections[first].one, sections[second].one)}
}

func (im *importer) summary() ImportSummary {
	var s ImportSummary
	for i, c := range im.counts {
		if im.seen[i] {
			s.Kinds = append(s.Kinds, c)
		}
	}
	return s
}

func init() {
	sectionByTable("slips").beforeWrite = keepOnePinned
}

// keepOnePinned keeps the journal's rule of a single pinned slip when a
// pinned slip comes in: of the two, the more recently changed stays pinned.
// Unpinning is a consequence of the merge, not an edit, so it leaves the
// other slip's updated_at alone.
func keepOnePinned(im *importer, p *parsed, id int64) error {
	i := p.sec.colIndex("pinned")
	if !p.present[i] || p.vals[i] != int64(1) {
		return nil
	}
	var other, otherUpdated int64
	found, err := im.queryRow("SELECT id, updated_at FROM slips WHERE pinned = 1 AND id != ?", []any{id}, &other, &otherUpdated)
	if err != nil || !found {
		return err
	}
	if otherUpdated > p.updated {
		p.vals[i] = int64(0)
		return nil
	}
	_, err = im.exec("UPDATE slips SET pinned = 0 WHERE id = ?", other)
	return err
}
