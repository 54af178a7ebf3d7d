package transfer

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/bothand/bothand/data"
)

// importer merges parsed records into the journal inside the import's
// transaction.
//
// A record whose references can't be resolved yet (it refers to something
// later in the file) is set aside in a temporary table, on disk rather than
// in memory, and merged after the whole file has been read, kind by kind in
// export order, when everything it may refer to is in place. Files written
// by Both/And list sections in that order already and set nothing aside.
type importer struct {
	ctx    context.Context
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

	// written holds the built-in sections' rows this import wrote or matched
	// with a copy in the file: they are no longer the untouched built-ins
	// that yield to any imported copy.
	written map[string]map[int64]bool

	indexTrigger string // the index trigger set aside; see pauseIndexing
}

// idCacheLimit bounds the UUID -> id cache per table; past it the cache
// starts over, and lookups fall back to the uuid index.
const idCacheLimit = 50_000

func newImporter(ctx context.Context, tx *sql.Tx) (*importer, error) {
	im := &importer{
		ctx: ctx, tx: tx, stmts: map[string]*sql.Stmt{}, ids: map[string]map[string]int64{},
		counts: make([]ImportCount, len(sections)), seen: make([]bool, len(sections)), empty: make([]int8, len(sections)),
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
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return nil, fmt.Errorf("preparing the import: %w", err)
		}
	}
	for i, sec := range sections {
		im.counts[i] = ImportCount{Kind: sec.table, Label: sec.label, One: sec.one}
	}
	return im, nil
}

func (im *importer) stmt(query string) (*sql.Stmt, error) {
	if st, ok := im.stmts[query]; ok {
		return st, nil
	}
	st, err := im.tx.PrepareContext(im.ctx, query)
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
	return st.ExecContext(im.ctx, args...)
}

// queryRow runs a one-row query; found is false when there is no row.
func (im *importer) queryRow(query string, args []any, dest ...any) (found bool, err error) {
	st, err := im.stmt(query)
	if err != nil {
		return false, err
	}
	err = st.QueryRowContext(im.ctx, args...).Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return err == nil, err
}

// take merges one record read from the file, or sets it aside when it
// refers to something not imported yet.
func (im *importer) take(sec *section, index int, offset int64, fields map[string]json.RawMessage) error {
	p, err := parseRecord(sec, index, offset, fields)
	if err != nil {
		return err
	}
	im.seen[sec.pos] = true
	// References only point to earlier sections, which may sit in the batch.
	if len(im.batch) > 0 && im.batch[0].sec != sec {
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
		_, err = im.exec(`INSERT INTO import_later (kind, idx, at, body) VALUES (?, ?, ?, ?)`, sec.pos, index, offset, string(body))
		return err
	}
	return im.add(p)
}

// add merges p, in a batch when its kind's table started empty: then a
// record is almost always new, and the rare one that is not (a UUID twice
// in the file) makes its batch fail on a UNIQUE index and be merged record
// by record instead.
func (im *importer) add(p *parsed) error {
	sec := p.sec
	if sec.keyed || sec.beforeWrite != nil {
		return im.apply(p)
	}
	if im.empty[sec.pos] == 0 {
		var any int
		if err := im.tx.QueryRowContext(im.ctx, "SELECT EXISTS (SELECT 1 FROM "+sec.table+")").Scan(&any); err != nil {
			return err
		}
		im.empty[sec.pos] = int8(1 - 2*any)
	}
	if im.empty[sec.pos] < 0 {
		return im.apply(p)
	}
	mask := p.mask()
	if len(im.batch) > 0 && (im.batchMask != mask || len(im.batch) >= batchSize(sec)) {
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
func batchSize(sec *section) int { return max(1, 800/len(sec.cols)) }

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
	sec := batch[0].sec
	if sec.table == "entries" {
		if err := im.pauseIndexing(); err != nil {
			return err
		}
	}
	var names []string
	for i, c := range sec.cols {
		if batch[0].present[i] {
			names = append(names, c.name)
		}
	}
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(names)), ", ") + ")"
	rows := strings.TrimSuffix(strings.Repeat(row+", ", len(batch)), ", ")
	args := make([]any, 0, len(names)*len(batch))
	for _, p := range batch {
		for i := range sec.cols {
			if p.present[i] {
				args = append(args, p.vals[i])
			}
		}
	}
	res, err := im.exec(fmt.Sprintf("INSERT INTO %s (%s) VALUES %s", sec.table, strings.Join(names, ", "), rows), args...)
	if err != nil {
		if !data.IsConstraint(err) {
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
	if err := im.tx.QueryRowContext(im.ctx, "SELECT (SELECT uuid FROM "+sec.table+" WHERE id = ?), (SELECT uuid FROM "+sec.table+" WHERE id = ?)", first, last).
		Scan(&firstUUID, &lastUUID); err != nil || firstUUID != batch[0].id || lastUUID != batch[len(batch)-1].id {
		return fmt.Errorf("importing %s: the new rows did not get consecutive ids (%v)", sec.label, err)
	}
	im.counts[sec.pos].Added += len(batch)
	var pairs []int64
	for i, p := range batch {
		id := first + int64(i)
		im.remember(sec.table, p.id, id)
		im.wrote(sec, id)
		if sec.tags && p.hasTags {
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
	for i, c := range p.sec.cols {
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
	target := sectionByTable(m.table)
	msg := fmt.Sprintf("%q refers to %s, which is not a %s in this file or in your journal.", m.field, m.uuid, target.one)
	if other := im.tableOf(m.uuid); other != nil {
		msg = fmt.Sprintf("%q refers to %s, which is a %s, not a %s.", m.field, m.uuid, other.one, target.one)
	}
	return p.fail("%s", msg)
}

// tableOf finds which kind of record, if any, has the UUID.
func (im *importer) tableOf(uuid string) *section {
	for _, sec := range sections {
		if sec.keyed {
			continue
		}
		var id int64
		if found, _ := im.queryRow("SELECT id FROM "+sec.table+" WHERE uuid = ?", []any{uuid}, &id); found {
			return sec
		}
	}
	var table string
	if found, _ := im.queryRow("SELECT tbl FROM import_alias WHERE uuid = ?", []any{uuid}, &table); found {
		return sectionByTable(table)
	}
	return nil
}
