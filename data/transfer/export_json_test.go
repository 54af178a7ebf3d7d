package transfer

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
)

// TestTransferKindsCoverTheSchema fails when a migration adds a table or a
// column that the export does not describe: add it to sections in
// data/transfer/kinds.go (or, for a table, to notExported with the reason).
func TestTransferKindsCoverTheSchema(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	var tables []string
	// Virtual tables (the full-text index) and their shadow tables are
	// derived from the others and rebuilt by triggers.
	err := direct(t, s).Raw(`SELECT name FROM sqlite_master m WHERE type = 'table' AND name NOT GLOB 'sqlite_*'
		AND sql NOT LIKE 'CREATE VIRTUAL%'
		AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.sql LIKE 'CREATE VIRTUAL%' AND m.name GLOB v.name || '_*')
		ORDER BY name`).Scan(&tables).Error
	if err != nil {
		t.Fatal(err)
	}
	var described []string
	for _, sec := range sections {
		described = append(described, sec.table)
	}
	for table := range notExported {
		described = append(described, table)
	}
	sort.Strings(described)
	if !slices.Equal(tables, described) {
		t.Fatalf("tables in the schema and kinds in the export differ:\n schema %v\n export %v\nDescribe new tables in data/transfer/kinds.go", tables, described)
	}

	for _, sec := range sections {
		type info struct {
			Name    string
			Type    string
			NotNull bool
			Pk      int
		}
		var cols []info
		direct(t, s).Raw(`SELECT name, type, "notnull" AS not_null, pk FROM pragma_table_info(?)`, sec.table).Scan(&cols)
		var inSchema, inExport []string
		byName := map[string]info{}
		for _, c := range cols {
			if c.Name == "id" && c.Pk == 1 {
				continue // integer keys never leave the journal
			}
			inSchema = append(inSchema, c.Name)
			byName[c.Name] = c
		}
		fields := map[string]bool{}
		for _, c := range sec.cols {
			inExport = append(inExport, c.name)
			if fields[c.field] {
				t.Errorf("%s: JSON field %q used twice", sec.table, c.field)
			}
			fields[c.field] = true
			sc := byName[c.name]
			wantType := map[colType]string{colText: "TEXT", colJSON: "TEXT", colInt: "INTEGER", colBool: "INTEGER", colTime: "INTEGER", colRef: "INTEGER"}[c.typ]
			if sc.Type != wantType {
				t.Errorf("%s.%s is %s in the schema, but exported as a %s column", sec.table, c.name, sc.Type, wantType)
			}
			// A NOT NULL column with a default may be exported as nullable
			// only if the schema allows null; the reverse loses nothing.
			if c.null && sc.NotNull {
				t.Errorf("%s.%s is NOT NULL but described as nullable", sec.table, c.name)
			}
			if !c.null && !sc.NotNull && sc.Name != "" {
				t.Errorf("%s.%s may be null but is described as NOT NULL: its nulls would be refused on import", sec.table, c.name)
			}
		}
		sort.Strings(inSchema)
		sort.Strings(inExport)
		if !slices.Equal(inSchema, inExport) {
			t.Errorf("%s: columns differ:\n schema %v\n export %v\nAdd new columns to sections in data/transfer/kinds.go", sec.table, inSchema, inExport)
		}

		// Every foreign key is exported as a reference to an earlier kind.
		var fks []struct {
			Table string
			From  string
		}
		direct(t, s).Raw(`SELECT "table", "from" FROM pragma_foreign_key_list(?)`, sec.table).Scan(&fks)
		for _, fk := range fks {
			i := sec.colIndex(fk.From)
			if i < 0 || sec.cols[i].typ != colRef || sec.cols[i].ref != fk.Table {
				t.Errorf("%s.%s refers to %s but is not exported as a reference to it", sec.table, fk.From, fk.Table)
				continue
			}
			// A kind may refer to its own records (a conflicted copy to its
			// entry): one referring to a later one waits until the end.
			if target := sectionByTable(fk.Table); target == nil || target.pos > sec.pos {
				t.Errorf("%s refers to %s, which must come earlier in kinds", sec.table, fk.Table)
			}
		}
		for _, c := range sec.cols {
			if c.typ == colRef && !slices.ContainsFunc(fks, func(fk struct{ Table, From string }) bool { return fk.From == c.name }) {
				t.Errorf("%s.%s is exported as a reference but has no foreign key", sec.table, c.name)
			}
		}
	}
}

// TestExportImportRoundTrip: a journal with every kind of record, exported,
// imported into a new journal and exported again, gives the same file.
func TestExportImportRoundTrip(t *testing.T) {
	t.Parallel()
	src := openTemp(t, transferClock())
	fillEveryKind(t, src)
	first := exportJSON(t, src)

	dst := openTemp(t, transferClock())
	sum, err := importString(dst, first)
	if err != nil {
		t.Fatal(err)
	}
	second := exportJSON(t, dst)
	if first != second {
		t.Fatalf("the second export differs from the first:\n%s", firstDifference(first, second))
	}
	if sum.Updated() != 10 { // the new journal's own built-in tags and reframes take the file's copies
		t.Errorf("updated %d, want the 10 built-ins: %s", sum.Updated(), sum)
	}
	var doc exportDoc
	if err := json.Unmarshal([]byte(first), &doc); err != nil {
		t.Fatal(err)
	}
	if sum.Added()+sum.Updated() != doc.total() {
		t.Errorf("summary %q accounts for %d records, the file holds %d", sum, sum.Added()+sum.Updated(), doc.total())
	}

	// The restored journal works: search finds the entry, the pinned slip is pinned.
	var hits int
	direct(t, dst).Raw(`SELECT count(*) FROM entries_fts WHERE entries_fts MATCH '"client"'`).Scan(&hits)
	if hits != 1 {
		t.Errorf("full-text search finds %d entries for \"client\", want 1", hits)
	}
	if slip, ok, err := dst.PinnedSlip(); !ok || err != nil || !strings.HasPrefix(slip.Text, "I'm allowed") {
		t.Errorf("pinned slip after import: %+v %v %v", slip, ok, err)
	}
	var check string
	direct(t, dst).Raw("PRAGMA foreign_key_check").Scan(&check)
	if check != "" {
		t.Errorf("foreign_key_check: %s", check)
	}
}

// exportDoc is the JSON export as a test reads it.
type exportDoc struct {
	Format        string                      `json:"format"`
	FormatVersion int                         `json:"format_version"`
	SchemaVersion int                         `json:"schema_version"`
	ExportedAt    string                      `json:"exported_at"`
	Records       map[string][]map[string]any `json:"records"`
}

func (d exportDoc) total() int {
	n := 0
	for _, list := range d.Records {
		n += len(list)
	}
	return n
}

func firstDifference(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(la), len(lb))
}

func TestExportJSONContent(t *testing.T) {
	t.Parallel()
	s := openTemp(t, transferClock())
	ids := fillEveryKind(t, s)
	var progress [][2]int64
	var b strings.Builder
	err := ExportJSON(ctx, s, &b, ExportOptions{Progress: func(done, total int64) { progress = append(progress, [2]int64{done, total}) }})
	if err != nil {
		t.Fatal(err)
	}
	var doc exportDoc
	if err := json.Unmarshal([]byte(b.String()), &doc); err != nil {
		t.Fatalf("the export is not valid JSON: %v", err)
	}
	if doc.Format != "bothand-journal" || doc.FormatVersion != ExportFormatVersion || doc.SchemaVersion != data.SchemaVersion() ||
		doc.ExportedAt != "2026-11-25T09:00:00.000Z" {
		t.Errorf("header: %+v", doc)
	}
	if !strings.HasPrefix(b.String(), fmt.Sprintf("{\n  \"format\": \"bothand-journal\",\n  \"format_version\": %d,", ExportFormatVersion)) {
		t.Errorf("format and format_version must come first, for streaming readers:\n%.120s", b.String())
	}
	for _, sec := range sections {
		if len(doc.Records[sec.table]) == 0 {
			t.Errorf("no %s in the export", sec.label)
		}
	}
	find := func(table, id string) map[string]any {
		for _, r := range doc.Records[table] {
			if r["uuid"] == id {
				return r
			}
		}
		t.Fatalf("%s %s not exported", table, id)
		return nil
	}
	e := find("entries", ids.entry)
	if e["commitment"] != ids.commitment || e["reframe"] != ids.reframe || e["happened_at"] != "2026-11-16T04:00:00.000Z" ||
		e["intensity"] != 8.0 || e["kind"] != "guilt" || e["deleted_at"] != nil || e["created_at"] != "2026-11-15T09:00:00.000Z" {
		t.Errorf("entry: %v", e)
	}
	if tags, _ := e["tags"].([]any); len(tags) != 2 || !slices.Contains(tags, any(ids.tag)) {
		t.Errorf("entry tags: %v", e["tags"])
	}
	if d := find("entries", ids.deletedEntry); d["deleted_at"] != "2026-11-24T09:00:00.000Z" {
		t.Errorf("a soft-deleted entry should keep its deleted_at: %v", d)
	}
	if c := find("commitments", ids.commitment); c["all_day"] != false || c["remind_before_minutes"] != 90.0 ||
		fmt.Sprint(c["exdates"]) != "[2026-11-22T09:00:00Z]" || c["ical_uid"] != "play-2026@school.example" {
		t.Errorf("commitment: %v", c)
	}
	if tr := find("triages", ids.triage); tr["truly_urgent"] != false || tr["verdict"] != "urgent_clash" {
		t.Errorf("triage: %v", tr)
	}
	for _, a := range doc.Records["triage_answers"] {
		if a["triage"] != ids.triage {
			t.Errorf("answer refers to %v", a["triage"])
		}
	}
	// No integer ids anywhere: every reference is a UUID or null.
	for table, list := range doc.Records {
		for _, r := range list {
			for field, v := range r {
				if field == "id" || strings.HasSuffix(field, "_id") {
					t.Errorf("%s has an integer key field %q", table, field)
				}
				_ = v
			}
		}
	}
	if len(progress) < 2 || progress[len(progress)-1][0] != int64(doc.total()) || progress[len(progress)-1][1] != int64(doc.total()) {
		t.Errorf("progress %v, want to end at %d of %d", progress, doc.total(), doc.total())
	}
	for i := 1; i < len(progress); i++ {
		if progress[i][0] < progress[i-1][0] {
			t.Errorf("progress went backwards: %v", progress)
		}
	}
}

func TestAppendJSONStringDecodesBack(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"", "plain", `quote " and \ backslash`, "new\nline\r\ttab", "\x00\x01\x1f control", "ünïcödé ✓ 🙂",
		"<html> & 'single'", "line\u2028sep\u2029", "bad utf8 \xff\xfe end", "/slash",
	} {
		encoded := appendJSONString(nil, s)
		var got string
		if err := json.Unmarshal(encoded, &got); err != nil {
			t.Errorf("%q encodes to invalid JSON %s: %v", s, encoded, err)
			continue
		}
		plain, _ := json.Marshal(s)
		var want string
		json.Unmarshal(plain, &want)
		if got != want {
			t.Errorf("%q -> %s -> %q", s, encoded, got)
		}
	}
}

// TestExportIsOneSnapshot writes from another connection during an export:
// the export is consistent (every reference resolves inside the file) and
// the writer is never blocked for long.
func TestExportIsOneSnapshot(t *testing.T) {
	t.Parallel()
	s := openTemp(t, transferClock())
	fillEveryKind(t, s)
	other, err := data.Open(s.Path(), data.Options{BusyTimeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	var out strings.Builder
	slow := ExportOptions{Progress: func(done, total int64) {
		// Write in the middle of the export, while its read transaction is open.
		if done == 0 {
			if _, err := other.AddSlip("written during the export", false); err != nil {
				t.Errorf("a write during the export failed: %v", err)
			}
		}
	}}
	if err := ExportJSON(ctx, s, &out, slow); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "written during the export") {
		t.Error("the export saw a write made after it started")
	}
	fresh := openTemp(t)
	if _, err := importString(fresh, out.String()); err != nil {
		t.Fatalf("the export does not import: %v", err)
	}
}

// TestExportDocDescribesEveryField keeps docs/EXPORT.md in step with the
// export: every kind has a section, and every field is named in it.
func TestExportDocDescribesEveryField(t *testing.T) {
	t.Parallel()
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "EXPORT.md"))
	if err != nil {
		t.Fatal(err)
	}
	documented := map[string]string{}
	for _, part := range strings.Split(string(doc), "\n### ")[1:] {
		heading, body, _ := strings.Cut(part, "\n")
		documented[strings.Trim(heading, "` ")] = body
	}
	for _, sec := range sections {
		body, ok := documented[sec.table]
		if !ok {
			t.Errorf("docs/EXPORT.md has no section \"### `%s`\"", sec.table)
			continue
		}
		fields := strings.Split(sec.fieldList(), ", ")
		for _, f := range fields {
			if f == "uuid" || f == "created_at" || f == "updated_at" {
				continue // described once for all sections
			}
			if !strings.Contains(body, "`"+f+"`") {
				t.Errorf("docs/EXPORT.md, section %s, does not describe %q", sec.table, f)
			}
		}
	}
	if !strings.Contains(string(doc), fmt.Sprintf("| %d |", ExportFormatVersion)) {
		t.Errorf("docs/EXPORT.md does not say what format version %d is", ExportFormatVersion)
	}
}

// A conflicted copy refers to its entry, which may come later in the
// file (entries are in UUID order): it is set aside and merged once the
// entry is in, and the copy's flag survives the round trip, into an empty
// journal (the fast path) and into one that has entries.
func TestConflictedCopyRoundTrip(t *testing.T) {
	t.Parallel()
	s := openTemp(t, transferClock())
	entry, err := s.SaveEntry(data.Entry{Story: "the entry", Intensity: 2}, 0)
	if err != nil {
		t.Fatal(err)
	}
	cp, err := s.SaveEntry(data.Entry{Story: "the other version", Intensity: 2}, 0)
	if err != nil {
		t.Fatal(err)
	}
	// The copy's UUID sorts before the entry's, so the file names the
	// entry after the copy that refers to it.
	db := direct(t, s)
	if err := db.Exec(`UPDATE entries SET uuid = '00000000-0000-7000-8000-000000000001', conflict_of_id = ?, conflict_at = 1764061200000 WHERE id = ?`,
		entry.ID, cp.ID).Error; err != nil {
		t.Fatal(err)
	}
	doc := exportJSON(t, s)
	if !strings.Contains(doc, `"conflict_of":"`+entry.UUID+`"`) {
		t.Fatalf("the export does not carry the copy's link:\n%s", doc)
	}
	empty, withEntries := openTemp(t, transferClock()), openTemp(t, transferClock())
	if _, err := withEntries.SaveEntry(data.Entry{Story: "already here", Intensity: 1}, 0); err != nil {
		t.Fatal(err)
	}
	for _, target := range []*data.Store{empty, withEntries} {
		if _, err := importString(target, doc); err != nil {
			t.Fatalf("import: %v", err)
		}
		var linked int
		direct(t, target).Raw(`SELECT count(*) FROM entries c JOIN entries e ON e.id = c.conflict_of_id
			WHERE c.conflict_at IS NOT NULL AND e.uuid = ?`, entry.UUID).Scan(&linked)
		if linked != 1 {
			t.Errorf("the copy's link was lost on import")
		}
	}
	fresh := openTemp(t, transferClock())
	if _, err := importString(fresh, doc); err != nil {
		t.Fatal(err)
	}
	if again := exportJSON(t, fresh); again != doc {
		t.Errorf("the round trip changed the export")
	}
}
