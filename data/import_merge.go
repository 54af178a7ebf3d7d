package data

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	sqlite "github.com/glebarez/go-sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// importer merges parsed records into the journal inside the import's
// transaction.
//
// A record whose references can't be resolved yet (it refers to something
// later in the file) is set aside in a temporary table, on disk rather than
// in memory, and merged after the whole file has been read, kind by kind in
// export order, when everything it may refer to is in place. Files written
// by Both/And list kinds in that order already and set nothing aside.
type importer struct {
	s      *Store
	tx     *sql.Tx
	stmts  map[string]*sql.Stmt
	ids    map[string]map[string]int64 // table -> uuid -> id, a bounded cache
	counts []ImportCount
	seen   []bool
	final  bool // merging what was set aside: a missing reference is an error

	// New records of a kind whose table was empty when the import began
	// (a restore into a new journal) are written in batches: the driver
	// parses every statement anew and FTS5 flushes its index after each
	// one, so one INSERT of many rows is several times faster than many
	// INSERTs of one row. See add and flush.
	batch     []*parsed
	batchMask string
	empty     []int8 // by kind: 0 not yet known, 1 empty at the start, -1 not

	// written holds the built-in kinds' rows this import wrote or matched
	// with a copy in the file: they are no longer the untouched built-ins
	// that yield to any imported copy.
	written map[string]map[int64]bool

	indexTrigger string // the index trigger set aside; see pauseIndexing
}

// idCacheLimit bounds the UUID -> id cache per table; past it the cache
// starts over, and lookups fall back to the uuid index.
const idCacheLimit = 50_000

func newImporter(s *Store, tx *sql.Tx) (*importer, error) {
	im := &importer{
		s: s, tx: tx, stmts: map[string]*sql.Stmt{}, ids: map[string]map[string]int64{},
		counts: make([]ImportCount, len(kinds)), seen: make([]bool, len(kinds)), empty: make([]int8, len(kinds)),
		written: map[string]map[int64]bool{},
	}
	for _, q := range []string{
		// aliases: a file's UUID for a record the journal already holds under
		// another UUID (matched by a natural key), so references to it resolve.
		`CREATE TEMP TABLE IF NOT EXISTS import_alias (tbl TEXT NOT NULL, uuid TEXT NOT NULL, id INTEGER NOT NULL, kind INTEGER NOT NULL, PRIMARY KEY (tbl, uuid)) WITHOUT ROWID`,
		`CREATE TEMP TABLE IF NOT EXISTS import_later (seq INTEGER PRIMARY KEY, kind INTEGER NOT NULL, idx INTEGER NOT NULL, at INTEGER NOT NULL, body TEXT NOT NULL)`,
		`DELETE FROM import_alias`,
		`DELETE FROM import_later`,
	} {
		if _, err := tx.Exec(q); err != nil {
			return nil, fmt.Errorf("preparing the import: %w", err)
		}
	}
	for i, k := range kinds {
		im.counts[i] = ImportCount{Kind: k.table, Label: k.label, One: k.one}
	}
	return im, nil
}

func (im *importer) stmt(query string) (*sql.Stmt, error) {
	if st, ok := im.stmts[query]; ok {
		return st, nil
	}
	st, err := im.tx.Prepare(query)
	if err != nil {
		return nil, err
	}
	im.stmts[query] = st
	return st, nil
}

func (im *importer) exec(query string, args ...any) (sql.Result, error) {
	st, err := im.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.Exec(args...)
}

// queryRow runs a one-row query; found is false when there is no row.
func (im *importer) queryRow(query string, args []any, dest ...any) (found bool, err error) {
	st, err := im.stmt(query)
	if err != nil {
		return false, err
	}
	err = st.QueryRow(args...).Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// take merges one record read from the file, or sets it aside when it
// refers to something not imported yet.
func (im *importer) take(k *kind, index int, offset int64, fields map[string]json.RawMessage) error {
	p, err := parseRecord(k, index, offset, fields)
	if err != nil {
		return err
	}
	im.seen[k.pos] = true
	// References only point to earlier kinds, which may sit in the batch.
	if len(im.batch) > 0 && im.batch[0].k != k {
		if err := im.flush(); err != nil {
			return err
		}
	}
	missing, err := im.resolveRefs(p)
	if err != nil {
		return err
	}
	if missing != nil {
		if im.final {
			return im.missingRef(p, missing)
		}
		body, err := json.Marshal(fields)
		if err != nil {
			return p.fail("can't be set aside: %v", err)
		}
		_, err = im.exec(`INSERT INTO import_later (kind, idx, at, body) VALUES (?, ?, ?, ?)`, k.pos, index, offset, string(body))
		return err
	}
	return im.add(p)
}

// add merges p, in a batch when its kind's table started empty: then a
// record is almost always new, and the rare one that is not (a UUID twice
// in the file) makes its batch fail on a UNIQUE index and be merged record
// by record instead.
func (im *importer) add(p *parsed) error {
	k := p.k
	if k.keyed || k.beforeWrite != nil {
		return im.apply(p)
	}
	if im.empty[k.pos] == 0 {
		var any int
		if err := im.tx.QueryRow("SELECT EXISTS (SELECT 1 FROM " + k.table + ")").Scan(&any); err != nil {
			return err
		}
		im.empty[k.pos] = int8(1 - 2*any)
	}
	if im.empty[k.pos] < 0 {
		return im.apply(p)
	}
	mask := p.mask()
	if len(im.batch) > 0 && (im.batchMask != mask || len(im.batch) >= batchSize(k)) {
		if err := im.flush(); err != nil {
			return err
		}
	}
	im.batch = append(im.batch, p)
	im.batchMask = mask
	return nil
}

// batchSize keeps a statement to about 800 parameters: the driver matches
// parameters to arguments in quadratic time, which outweighs the per
// statement costs beyond that.
func batchSize(k *kind) int { return max(1, 800/len(k.cols)) }

// mask names the fields p gives, so one statement fits a whole batch.
func (p *parsed) mask() string {
	b := make([]byte, len(p.present))
	for i, ok := range p.present {
		b[i] = '0'
		if ok {
			b[i] = '1'
		}
	}
	return string(b)
}

// flush writes the batch with one INSERT.
func (im *importer) flush() error {
	batch := im.batch
	if len(batch) == 0 {
		return nil
	}
	im.batch = im.batch[:0:0]
	k := batch[0].k
	if k.table == "entries" {
		if err := im.pauseIndexing(); err != nil {
			return err
		}
	}
	var names []string
	for i, c := range k.cols {
		if batch[0].present[i] {
			names = append(names, c.name)
		}
	}
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(names)), ", ") + ")"
	rows := strings.TrimSuffix(strings.Repeat(row+", ", len(batch)), ", ")
	args := make([]any, 0, len(names)*len(batch))
	for _, p := range batch {
		for i := range k.cols {
			if p.present[i] {
				args = append(args, p.vals[i])
			}
		}
	}
	res, err := im.exec(fmt.Sprintf("INSERT INTO %s (%s) VALUES %s", k.table, strings.Join(names, ", "), rows), args...)
	if err != nil {
		var se *sqlite.Error
		if !errors.As(err, &se) || se.Code()&0xff != sqlite3.SQLITE_CONSTRAINT {
			return err
		}
		// The statement was undone as a whole; merging one by one finds
		// the duplicate (and merges it) or names the record at fault.
		for _, p := range batch {
			if err := im.apply(p); err != nil {
				return err
			}
		}
		return nil
	}
	// New rows of an INTEGER PRIMARY KEY table get consecutive ids; check
	// the ends rather than trust it.
	last, err := res.LastInsertId()
	if err != nil {
		return err
	}
	first := last - int64(len(batch)) + 1
	var firstUUID, lastUUID string
	if err := im.tx.QueryRow("SELECT (SELECT uuid FROM "+k.table+" WHERE id = ?), (SELECT uuid FROM "+k.table+" WHERE id = ?)", first, last).
		Scan(&firstUUID, &lastUUID); err != nil || firstUUID != batch[0].id || lastUUID != batch[len(batch)-1].id {
		return fmt.Errorf("importing %s: the new rows did not get consecutive ids (%v)", k.label, err)
	}
	im.counts[k.pos].Added += len(batch)
	var pairs []int64
	for i, p := range batch {
		id := first + int64(i)
		im.remember(k.table, p.id, id)
		im.wrote(k, id)
		if k.tags && p.hasTags {
			for _, tagID := range p.tagIDs {
				pairs = append(pairs, id, tagID)
			}
		}
	}
	return im.insertTags(pairs)
}

// insertTags adds (entry id, tag id) pairs, many to a statement.
func (im *importer) insertTags(pairs []int64) error {
	const perStatement = 200 // pairs: 400 parameters, see batchSize
	for len(pairs) > 0 {
		n := min(len(pairs)/2, perStatement)
		args := make([]any, 2*n)
		for i := range args {
			args[i] = pairs[i]
		}
		values := strings.TrimSuffix(strings.Repeat("(?, ?), ", n), ", ")
		if _, err := im.exec("INSERT OR IGNORE INTO entry_tags (entry_id, tag_id) VALUES "+values, args...); err != nil {
			return err
		}
		pairs = pairs[2*n:]
	}
	return nil
}

// unresolved is a reference whose record isn't in the journal (yet).
type unresolved struct {
	field, uuid, table string
}

// resolveRefs turns the UUIDs p refers to into ids. It returns the first
// reference that can't be resolved yet, if any.
func (im *importer) resolveRefs(p *parsed) (*unresolved, error) {
	for i, c := range p.k.cols {
		if c.typ != colRef || !p.present[i] {
			continue
		}
		if p.refs[i] == "" {
			p.vals[i] = nil
			continue
		}
		id, ok, err := im.resolve(c.ref, p.refs[i])
		if err != nil {
			return nil, err
		}
		if !ok {
			return &unresolved{field: c.field, uuid: p.refs[i], table: c.ref}, nil
		}
		p.vals[i] = id
	}
	if p.hasTags {
		p.tagIDs = p.tagIDs[:0]
		for _, u := range p.tags {
			id, ok, err := im.resolve("tags", u)
			if err != nil {
				return nil, err
			}
			if !ok {
				return &unresolved{field: "tags", uuid: u, table: "tags"}, nil
			}
			p.tagIDs = append(p.tagIDs, id)
		}
	}
	return nil, nil
}

// resolve finds the id of the record of table with the given UUID, or of
// the journal's record an earlier one in the file was merged into.
func (im *importer) resolve(table, uuid string) (int64, bool, error) {
	if id, ok := im.ids[table][uuid]; ok {
		return id, true, nil
	}
	var id int64
	found, err := im.queryRow("SELECT id FROM "+table+" WHERE uuid = ?", []any{uuid}, &id)
	if err == nil && !found {
		found, err = im.queryRow("SELECT id FROM import_alias WHERE tbl = ? AND uuid = ?", []any{table, uuid}, &id)
	}
	if err != nil || !found {
		return 0, false, err
	}
	im.remember(table, uuid, id)
	return id, true, nil
}

func (im *importer) remember(table, uuid string, id int64) {
	m := im.ids[table]
	if m == nil || len(m) >= idCacheLimit {
		m = make(map[string]int64)
		im.ids[table] = m
	}
	m[uuid] = id
}

func (im *importer) missingRef(p *parsed, m *unresolved) error {
	target := kindByTable(m.table)
	msg := fmt.Sprintf("%q refers to %s, which is not a %s in this file or in your journal.", m.field, m.uuid, target.one)
	if other := im.tableOf(m.uuid); other != nil {
		msg = fmt.Sprintf("%q refers to %s, which is a %s, not a %s.", m.field, m.uuid, other.one, target.one)
	}
	return p.fail("%s", msg)
}

// tableOf finds which kind of record, if any, has the UUID.
func (im *importer) tableOf(uuid string) *kind {
	for _, k := range kinds {
		if k.keyed {
			continue
		}
		var id int64
		if found, _ := im.queryRow("SELECT id FROM "+k.table+" WHERE uuid = ?", []any{uuid}, &id); found {
			return k
		}
	}
	var table string
	if found, _ := im.queryRow("SELECT tbl FROM import_alias WHERE uuid = ?", []any{uuid}, &table); found {
		return kindByTable(table)
	}
	return nil
}

// localRow is the journal's copy of an incoming record.
type localRow struct {
	id, created, updated int64
	builtin              bool
}

// findLocal finds the journal's copy of p: by UUID (key for settings), else
// by one of the kind's natural keys.
func (im *importer) findLocal(p *parsed) (row localRow, found, natural bool, err error) {
	k := p.k
	if k.keyed {
		found, err = im.queryRow("SELECT updated_at FROM "+k.table+" WHERE key = ?", []any{p.id}, &row.updated)
		return row, found, false, err
	}
	found, err = im.queryRow("SELECT id, created_at, updated_at FROM "+k.table+" WHERE uuid = ?", []any{p.id},
		&row.id, &row.created, &row.updated)
	if err != nil || found {
		return row, found, false, err
	}
	builtin := "0"
	if k.builtin {
		builtin = "builtin_key IS NOT NULL"
	}
next:
	for _, nk := range k.natural {
		args := make([]any, len(nk.cols))
		for i, name := range nk.cols {
			ci := k.colIndex(name)
			if !p.present[ci] || p.vals[ci] == nil {
				continue next
			}
			args[i] = p.vals[ci]
		}
		found, err = im.queryRow("SELECT id, created_at, updated_at, "+builtin+" FROM "+k.table+" WHERE "+nk.where+" LIMIT 1",
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
	k := p.k
	count := &im.counts[k.pos]
	local, found, natural, err := im.findLocal(p)
	if err != nil {
		return err
	}
	if !found {
		if k.beforeWrite != nil {
			if err := k.beforeWrite(im, p, 0); err != nil {
				return err
			}
		}
		id, err := im.insert(p)
		if err != nil {
			return err
		}
		count.Added++
		if !k.keyed {
			im.remember(k.table, p.id, id)
			im.wrote(k, id)
		}
		return im.setTags(p, id, false)
	}
	pristine := k.builtin && local.builtin && local.created == local.updated && !im.written[k.table][local.id]
	if p.updated > local.updated || (natural && pristine) {
		if k.beforeWrite != nil {
			if err := k.beforeWrite(im, p, local.id); err != nil {
				return err
			}
		}
		if err := im.update(p, local.id); err != nil {
			return err
		}
		count.Updated++
		if !k.keyed {
			im.remember(k.table, p.id, local.id)
			im.wrote(k, local.id)
		}
		return im.setTags(p, local.id, true)
	}
	count.Unchanged++
	if !k.keyed {
		// The file's copy of this built-in is settled, even though the
		// journal's was as new: a second copy of it later in the same file
		// (matched by its built-in key) must be weighed by date, not taken
		// as if the built-in were untouched.
		im.wrote(k, local.id)
	}
	if natural {
		im.remember(k.table, p.id, local.id)
		_, err := im.exec("INSERT OR REPLACE INTO import_alias (tbl, uuid, id, kind) VALUES (?, ?, ?, ?)", k.table, p.id, local.id, k.pos)
		return err
	}
	return nil
}

func (im *importer) wrote(k *kind, id int64) {
	if !k.builtin {
		return
	}
	if im.written[k.table] == nil {
		im.written[k.table] = map[int64]bool{}
	}
	im.written[k.table][id] = true
}

func (im *importer) insert(p *parsed) (int64, error) {
	k := p.k
	var names, marks []string
	var args []any
	for i, c := range k.cols {
		if p.present[i] {
			names = append(names, c.name)
			marks = append(marks, "?")
			args = append(args, p.vals[i])
		}
	}
	res, err := im.exec(fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s)", k.table, strings.Join(names, ", "), strings.Join(marks, ", ")), args...)
	if err != nil {
		return 0, im.writeError(p, err)
	}
	if k.keyed {
		return 0, nil
	}
	return res.LastInsertId()
}

// update writes the fields p has over the journal's copy; fields the file
// leaves out keep their value.
func (im *importer) update(p *parsed, id int64) error {
	k := p.k
	var sets []string
	var args []any
	for i, c := range k.cols {
		if p.present[i] {
			sets = append(sets, c.name+" = ?")
			args = append(args, p.vals[i])
		}
	}
	where := "id = ?"
	args = append(args, id)
	if k.keyed {
		where = "key = ?"
		args[len(args)-1] = p.id
	}
	_, err := im.exec(fmt.Sprintf("UPDATE %s SET %s WHERE %s", k.table, strings.Join(sets, ", "), where), args...)
	return im.writeError(p, err)
}

// setTags gives an added or updated entry the file's tags.
func (im *importer) setTags(p *parsed, entryID int64, replace bool) error {
	if !p.k.tags || !p.hasTags {
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
	var se *sqlite.Error
	if !errors.As(err, &se) || se.Code()&0xff != sqlite3.SQLITE_CONSTRAINT {
		return err
	}
	return p.fail("%s", describeConstraint(p.k, err.Error()))
}

// describeConstraint rewrites SQLite's constraint message for the person.
func describeConstraint(k *kind, msg string) string {
	field := func(name string) string {
		name = strings.TrimPrefix(strings.TrimSpace(name), k.table+".")
		if i := k.colIndex(name); i >= 0 {
			return k.cols[i].field
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
		return fmt.Sprintf("%q is missing or null, and a %s needs it.", field(after("NOT NULL constraint failed:")), k.one)
	case strings.Contains(msg, "CHECK constraint failed:"):
		rule := after("CHECK constraint failed:")
		for _, c := range k.cols {
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
		return fmt.Sprintf("another %s in your journal already has the same %s.", k.one, strings.Join(fields, " and "))
	case strings.Contains(msg, "FOREIGN KEY constraint failed"):
		return "it refers to a record that does not exist."
	}
	return "the journal refused it: " + msg
}

// finish merges what was set aside, then checks that no UUID names two
// kinds of record.
func (im *importer) finish() error {
	if err := im.flush(); err != nil {
		return err
	}
	im.final = true
	for _, k := range kinds {
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
			rows, err := st.Query(k.pos, after)
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
				if err := im.take(k, h.idx, h.offset, fields); err != nil {
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
		if _, err := im.tx.Exec(q); err != nil {
			return err
		}
	}
	return nil
}

// checkUUIDsUnique refuses an import after which one UUID would name two
// records of different kinds: in the file, or one in the file and one
// already in the journal.
func (im *importer) checkUUIDsUnique() error {
	var parts []string
	for _, k := range kinds {
		if !k.keyed {
			parts = append(parts, fmt.Sprintf("SELECT uuid, %d AS kind FROM %s", k.pos, k.table))
		}
	}
	// A file UUID merged into a journal record of the same kind counts too.
	parts = append(parts, "SELECT uuid, kind FROM import_alias")
	var dup string
	var first, second int
	err := im.tx.QueryRow(`SELECT uuid, min(kind), max(kind) FROM (`+strings.Join(parts, " UNION ALL ")+
		`) GROUP BY uuid HAVING count(DISTINCT kind) > 1 LIMIT 1`).Scan(&dup, &first, &second)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	return &ImportError{Offset: -1, Problem: fmt.Sprintf(
		"the UUID %s would name both a %s and a %s; a UUID must name one record. Check the file for a copied or mistyped uuid.",
		dup, kinds[first].one, kinds[second].one)}
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
	kindByTable("slips").beforeWrite = keepOnePinned
}

// keepOnePinned keeps the journal's rule of a single pinned slip when a
// pinned slip comes in: of the two, the more recently changed stays pinned.
// Unpinning is a consequence of the merge, not an edit, so it leaves the
// other slip's updated_at alone.
func keepOnePinned(im *importer, p *parsed, id int64) error {
	i := p.k.colIndex("pinned")
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
