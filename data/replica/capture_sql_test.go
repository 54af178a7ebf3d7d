package replica

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The capture triggers live in a numbered migration (data/migrations), like
// every other part of the schema, but they are written from the export's
// kinds: one trigger per table and per insert, update and delete, naming
// every column. captureTriggersSQL writes them; the test below keeps the
// migration in step with it, so a migration that adds a column or rebuilds
// a table fails here until its triggers are made again.

var update = flag.Bool("update", false, "rewrite the generated capture triggers in data/migrations/0003_sync.sql")

const (
	generatedBegin = "-- BEGIN GENERATED CAPTURE TRIGGERS\n"
	generatedEnd   = "-- END GENERATED CAPTURE TRIGGERS\n"
	migrationFile  = "0003_sync.sql"
	// nowBound keeps a record's updated_at from dragging the clock more
	// than a day past this computer's clock (a record imported from a file
	// written by a computer whose clock was years ahead).
	nowBound  = "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) + 86400000"
	captureOn = "(SELECT capture FROM sync_state WHERE id = 1) = 1"
)

func captureTriggersSQL() string {
	var b strings.Builder
	for _, k := range kinds {
		writeInsertTrigger(&b, k)
		writeUpdateTrigger(&b, k)
		writeDeleteTrigger(&b, k)
	}
	writeTagTriggers(&b)
	return b.String()
}

// value is the SQL for a column's value as it travels: a reference as the
// UUID of the record it points to.
func value(k *kind, row, col string) string {
	if ref, ok := k.refs[col]; ok {
		return fmt.Sprintf("(SELECT uuid FROM %s WHERE id = %s.%s)", ref, row, col)
	}
	return row + "." + col
}

func jsonRow(k *kind, row string) string {
	parts := make([]string, 0, 2*len(k.cols))
	for _, c := range k.cols {
		parts = append(parts, "'"+c+"'", value(k, row, c))
	}
	return "json_object(" + strings.Join(parts, ", ") + ")"
}

// newRow is a new record's fields: every column, and a new entry's tags,
// which are none until its tags are added (each a change of its own, which
// the outbox merges into this one). A new record says so: "no tags" must
// win or lose against another computer's tags like any value.
func newRow(k *kind, row string) string {
	obj := jsonRow(k, row)
	if k.Tags {
		obj = strings.TrimSuffix(obj, ")") + ", 'tags', json('[]'))"
	}
	return obj
}

func tick(row string) string {
	return fmt.Sprintf("UPDATE sync_state SET hlc = max(hlc + 1, min(%s.updated_at, %s) << 16), op = op + 1 WHERE id = 1;\n", row, nowBound)
}

func writeInsertTrigger(b *strings.Builder, k *kind) {
	tdev, top := "NULL", "NULL"
	if k.Table == "entries" {
		tdev, top = "device_num", "op"
	}
	fmt.Fprintf(b, "CREATE TRIGGER sync_capture_%s_insert AFTER INSERT ON %s\nWHEN %s\nBEGIN\n", k.Table, k.Table, captureOn)
	b.WriteString("    " + tick("new"))
	fmt.Fprintf(b, "    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields)\n        SELECT op, hlc, '%s', new.%s, 'new', %s FROM sync_state WHERE id = 1;\n",
		k.Table, k.idCol, newRow(k, "new"))
	fmt.Fprintf(b, "    INSERT INTO sync_clocks (tbl, rid, hlc, tdev, top)\n        SELECT '%s', new.%s, hlc, %s, %s FROM sync_state WHERE id = 1\n"+
		"        ON CONFLICT (tbl, rid) DO UPDATE SET hlc = excluded.hlc, fields = NULL, tdev = excluded.tdev, top = excluded.top, dead = NULL;\n",
		k.Table, k.idCol, tdev, top)
	b.WriteString("END;\n")
}

func writeUpdateTrigger(b *strings.Builder, k *kind) {
	textChanged := ""
	if k.Table == "entries" {
		var or []string
		for _, c := range textFields {
			or = append(or, fmt.Sprintf("old.%s IS NOT new.%s", c, c))
		}
		textChanged = "(" + strings.Join(or, " OR ") + ")"
	}
	changed := func(c string) string {
		if k.isText(c) {
			return textChanged
		}
		return fmt.Sprintf("old.%s IS NOT new.%s", c, c)
	}
	var any, vals, names []string
	for _, c := range k.cols {
		any = append(any, fmt.Sprintf("old.%s IS NOT new.%s", c, c))
		vals = append(vals, fmt.Sprintf("SELECT '%s' AS k, %s AS v WHERE %s", c, value(k, "new", c), changed(c)))
		names = append(names, fmt.Sprintf("SELECT '%s' AS k WHERE %s", c, changed(c)))
	}
	ctx, tdev, top := "NULL", "NULL", "NULL"
	if k.Table == "entries" {
		ctx = fmt.Sprintf("CASE WHEN %s THEN %s END", textChanged, jsonRow(k, "new"))
		tdev = fmt.Sprintf("CASE WHEN %s THEN s.device_num END", textChanged)
		top = fmt.Sprintf("CASE WHEN %s THEN s.op END", textChanged)
	}
	fmt.Fprintf(b, "CREATE TRIGGER sync_capture_%s_update AFTER UPDATE ON %s\nWHEN %s\n    AND (%s)\nBEGIN\n",
		k.Table, k.Table, captureOn, strings.Join(any, "\n        OR "))
	b.WriteString("    " + tick("new"))
	fmt.Fprintf(b, "    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields, ctx)\n        SELECT op, hlc, '%s', new.%s, 'set', (SELECT json_group_object(k, v) FROM (\n            %s)),\n        %s FROM sync_state WHERE id = 1;\n",
		k.Table, k.idCol, strings.Join(vals, "\n            UNION ALL "), ctx)
	fmt.Fprintf(b, "    INSERT INTO sync_clocks (tbl, rid, hlc, fields, tdev, top)\n        SELECT '%s', new.%s, 0, (SELECT json_group_object(k, s.hlc) FROM (\n            %s)),\n        %s, %s FROM sync_state s WHERE s.id = 1\n"+
		"        ON CONFLICT (tbl, rid) DO UPDATE SET fields = json_patch(coalesce(fields, '{}'), excluded.fields),\n            tdev = coalesce(excluded.tdev, tdev), top = coalesce(excluded.top, top);\n",
		k.Table, k.idCol, strings.Join(names, "\n            UNION ALL "), tdev, top)
	b.WriteString("END;\n")
}

// The delete trigger keeps the tombstone even while changes from other
// computers are applied (capture = 0): a record deleted there by a cascade
// stays deleted here.
func writeDeleteTrigger(b *strings.Builder, k *kind) {
	fmt.Fprintf(b, "CREATE TRIGGER sync_capture_%s_delete AFTER DELETE ON %s\nWHEN (SELECT capture FROM sync_state WHERE id = 1) IS NOT NULL\nBEGIN\n", k.Table, k.Table)
	b.WriteString("    UPDATE sync_state SET hlc = hlc + 1, op = op + 1 WHERE id = 1 AND capture = 1;\n")
	fmt.Fprintf(b, "    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind)\n        SELECT op, hlc, '%s', old.%s, 'del' FROM sync_state WHERE id = 1 AND capture = 1;\n", k.Table, k.idCol)
	fmt.Fprintf(b, "    INSERT INTO sync_clocks (tbl, rid, hlc, dead)\n        SELECT '%s', old.%s, 0, hlc FROM sync_state WHERE id = 1\n"+
		"        ON CONFLICT (tbl, rid) DO UPDATE SET fields = NULL, dead = excluded.dead;\n", k.Table, k.idCol)
	b.WriteString("END;\n")
}

// An entry's tags travel as its "tags" field: adding or removing one is a
// change of the entry. Removals cascading from the entry's own deletion
// are not: the entry is gone.
func writeTagTriggers(b *strings.Builder) {
	for _, ev := range []struct{ name, row, when string }{
		{"insert", "new", captureOn},
		{"delete", "old", captureOn + "\n    AND EXISTS (SELECT 1 FROM entries WHERE id = old.entry_id)"},
	} {
		row := ev.row
		tags := fmt.Sprintf("json((SELECT json_group_array(uuid) FROM (SELECT g.uuid FROM entry_tags et JOIN tags g ON g.id = et.tag_id WHERE et.entry_id = %s.entry_id ORDER BY g.uuid)))", row)
		fmt.Fprintf(b, "CREATE TRIGGER sync_capture_entry_tags_%s AFTER %s ON entry_tags\nWHEN %s\nBEGIN\n", ev.name, strings.ToUpper(ev.name), ev.when)
		fmt.Fprintf(b, "    UPDATE sync_state SET hlc = max(hlc + 1, min((SELECT updated_at FROM entries WHERE id = %s.entry_id), %s) << 16), op = op + 1 WHERE id = 1;\n", row, nowBound)
		fmt.Fprintf(b, "    INSERT INTO sync_outbox (op, hlc, tbl, rid, kind, fields)\n        SELECT s.op, s.hlc, 'entries', e.uuid, 'set', json_object('tags', %s)\n        FROM sync_state s JOIN entries e ON e.id = %s.entry_id WHERE s.id = 1;\n", tags, row)
		fmt.Fprintf(b, "    INSERT INTO sync_clocks (tbl, rid, hlc, fields)\n        SELECT 'entries', e.uuid, 0, json_object('tags', s.hlc) FROM sync_state s JOIN entries e ON e.id = %s.entry_id WHERE s.id = 1\n"+
			"        ON CONFLICT (tbl, rid) DO UPDATE SET fields = json_patch(coalesce(fields, '{}'), excluded.fields);\n", row)
		b.WriteString("END;\n")
	}
}

// TestCaptureTriggersAreCurrent fails when the migration's triggers are not
// the ones the kinds give (a column added, a kind added): run it with
// -update to write them again, then read the difference.
func TestCaptureTriggersAreCurrent(t *testing.T) {
	t.Parallel()
	path := filepath.Join("..", "migrations", migrationFile)
	body, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(body)
	before, rest, ok1 := strings.Cut(text, generatedBegin)
	_, after, ok2 := strings.Cut(rest, generatedEnd)
	if !ok1 || !ok2 {
		t.Fatalf("%s has lost its generated-triggers markers", path)
	}
	want := before + generatedBegin + captureTriggersSQL() + generatedEnd + after
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if text != want {
		t.Errorf("%s's capture triggers are not the ones the export's kinds give; run go test ./data/replica -run TestCaptureTriggersAreCurrent -update", path)
	}
}
