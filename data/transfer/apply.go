package transfer

import (
	"fmt"
	"strings"

	"github.com/bothand/bothand/data"
)

// localRow is the journal's copy of an incoming record.
type localRow struct {
	id, created, updated int64
	builtin              bool
}

// findLocal finds the journal's copy of p: by UUID (key for settings), else
// by one of the kind's natural keys.
func (im *importer) findLocal(p *parsed) (row localRow, found, natural bool, err error) {
	sec := p.sec
	if sec.keyed {
		found, err = im.queryRow("SELECT updated_at FROM "+sec.table+" WHERE key = ?", []any{p.id}, &row.updated)
		return row, found, false, err
	}
	found, err = im.queryRow("SELECT id, created_at, updated_at FROM "+sec.table+" WHERE uuid = ?", []any{p.id},
		&row.id, &row.created, &row.updated)
	if err != nil || found {
		return row, found, false, err
	}
	builtin := "0"
	if sec.builtin {
		builtin = "builtin_key IS NOT NULL"
	}
next:
	for _, nk := range sec.natural {
		args := make([]any, len(nk.cols))
		for i, name := range nk.cols {
			ci := sec.colIndex(name)
			if !p.present[ci] || p.vals[ci] == nil {
				continue next
			}
			args[i] = p.vals[ci]
		}
		found, err = im.queryRow("SELECT id, created_at, updated_at, "+builtin+" FROM "+sec.table+" WHERE "+nk.where+" LIMIT 1",
			args, &row.id, &row.created, &row.updated, &row.builtin)
		if err != nil || found {
			return row, found, found, err
		}
	}
	return row, false, false, nil
}

// apply merges p, whose references are resolved: a new record is added;
// of two copies of one record the later updated_at wins. A built-in the
// person never edited yields to any imported copy, so a new journal takes a
// restored export's built-ins whole.
func (im *importer) apply(p *parsed) error {
	sec := p.sec
	count := &im.counts[sec.pos]
	local, found, natural, err := im.findLocal(p)
	if err != nil {
		return err
	}
	if !found {
		if sec.beforeWrite != nil {
			if err := sec.beforeWrite(im, p, 0); err != nil {
				return err
			}
		}
		id, err := im.insert(p)
		if err != nil {
			return err
		}
		count.Added++
		if !sec.keyed {
			im.remember(sec.table, p.id, id)
			im.wrote(sec, id)
		}
		return im.setTags(p, id, false)
	}
	pristine := sec.builtin && local.builtin && local.created == local.updated && !im.written[sec.table][local.id]
	if p.updated > local.updated || (natural && pristine) {
		if sec.beforeWrite != nil {
			if err := sec.beforeWrite(im, p, local.id); err != nil {
				return err
			}
		}
		if err := im.update(p, local.id); err != nil {
			return err
		}
		count.Updated++
		if !sec.keyed {
			im.remember(sec.table, p.id, local.id)
			im.wrote(sec, local.id)
		}
		return im.setTags(p, local.id, true)
	}
	count.Unchanged++
	if !sec.keyed {
		// The file's copy of this built-in is settled, even though the
		// journal's was as new: a second copy of it later in the same file
		// (matched by its built-in key) must be weighed by date, not taken
		// as if the built-in were untouched.
		im.wrote(sec, local.id)
	}
	if natural {
		im.remember(sec.table, p.id, local.id)
		_, err := im.exec("INSERT OR REPLACE INTO import_alias (tbl, uuid, id, kind) VALUES (?, ?, ?, ?)", sec.table, p.id, local.id, sec.pos)
		return err
	}
	return nil
}

func (im *importer) wrote(sec *section, id int64) {
	if !sec.builtin {
		return
	}
	if im.written[sec.table] == nil {
		im.written[sec.table] = map[int64]bool{}
	}
	im.written[sec.table][id] = true
}

func (im *importer) insert(p *parsed) (int64, error) {
	sec := p.sec
	var names, marks []string
	var args []any
	for i, c := range sec.cols {
		if p.present[i] {
			names = append(names, c.name)
			marks = append(marks, "?")
			args = append(args, p.vals[i])
		}
	}
	res, err := im.exec(fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s)", sec.table, strings.Join(names, ", "), strings.Join(marks, ", ")), args...)
	if err != nil {
		return 0, im.writeError(p, err)
	}
	if sec.keyed {
		return 0, nil
	}
	return res.LastInsertId()
}

// update writes the fields p has over the journal's copy; fields the file
// leaves out keep their value.
func (im *importer) update(p *parsed, id int64) error {
	sec := p.sec
	var sets []string
	var args []any
	for i, c := range sec.cols {
		if p.present[i] {
			sets = append(sets, c.name+" = ?")
			args = append(args, p.vals[i])
		}
	}
	where := "id = ?"
	args = append(args, id)
	if sec.keyed {
		where = "key = ?"
		args[len(args)-1] = p.id
	}
	_, err := im.exec(fmt.Sprintf("UPDATE %s SET %s WHERE %s", sec.table, strings.Join(sets, ", "), where), args...)
	return im.writeError(p, err)
}

// setTags gives an added or updated entry the file's tags.
func (im *importer) setTags(p *parsed, entryID int64, replace bool) error {
	if !p.sec.tags || !p.hasTags {
		return nil
	}
	if replace {
		if _, err := im.exec("DELETE FROM entry_tags WHERE entry_id = ?", entryID); err != nil {
			return err
		}
	}
	pairs := make([]int64, 0, 2*len(p.tagIDs))
	for _, tagID := range p.tagIDs {
		pairs = append(pairs, entryID, tagID)
	}
	return im.insertTags(pairs)
}

// writeError explains a value the journal's rules refused; other errors
// (a full disk, a lock) pass through as they are.
func (im *importer) writeError(p *parsed, err error) error {
	if err == nil {
		return nil
	}
	if !data.IsConstraint(err) {
		return err
	}
	return p.fail("%s", describeConstraint(p.sec, err.Error()))
}

// describeConstraint rewrites SQLite's constraint message for the person.
func describeConstraint(sec *section, msg string) string {
	field := func(name string) string {
		name = strings.TrimPrefix(strings.TrimSpace(name), sec.table+".")
		if i := sec.colIndex(name); i >= 0 {
			return sec.cols[i].field
		}
		return name
	}
	after := func(marker string) string {
		_, rest, _ := strings.Cut(msg, marker)
		if i := strings.LastIndex(rest, " ("); i >= 0 {
			rest = rest[:i]
		}
		return strings.TrimSpace(rest)
	}
	switch {
	case strings.Contains(msg, "NOT NULL constraint failed:"):
		return fmt.Sprintf("%q is missing or null, and a %s needs it.", field(after("NOT NULL constraint failed:")), sec.one)
	case strings.Contains(msg, "CHECK constraint failed:"):
		rule := after("CHECK constraint failed:")
		for _, c := range sec.cols {
			if strings.Contains(rule, c.name) {
				return fmt.Sprintf("%q has a value the journal doesn't allow (the rule is: %s).", c.field, rule)
			}
		}
		return fmt.Sprintf("a value breaks the journal's rule: %s.", rule)
	case strings.Contains(msg, "UNIQUE constraint failed:"):
		var fields []string
		for _, name := range strings.Split(after("UNIQUE constraint failed:"), ",") {
			fields = append(fields, fmt.Sprintf("%q", field(name)))
		}
		return fmt.Sprintf("another %s in your journal already has the same %s.", sec.one, strings.Join(fields, " and "))
	case strings.Contains(msg, "FOREIGN KEY constraint failed"):
		return "it refers to a record that does not exist."
	}
	return "the journal refused it: " + msg
}
