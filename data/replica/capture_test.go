package replica

import (
	"bytes"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/demo"
	"github.com/bothand/bothand/data/transfer"
)

// outboxByTable counts the captured changes by table and kind.
func outboxByTable(t testing.TB, s *data.Store) map[string]int {
	t.Helper()
	out := map[string]int{}
	err := s.ReadSQL(ctx, func(tx *sql.Tx) error {
		return eachRow(ctx, tx, `SELECT tbl || '/' || kind, count(*) FROM sync_outbox GROUP BY 1`, func(scan func(...any) error) error {
			var k string
			var n int
			if err := scan(&k, &n); err != nil {
				return err
			}
			out[k] = n
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// uncaptured lists the records of synced tables that no captured change
// names, leaving out those the journal had when it was set up (they
// travel in its first snapshot).
func uncaptured(t testing.TB, s *data.Store) []string {
	t.Helper()
	var missing []string
	err := s.ReadSQL(ctx, func(tx *sql.Tx) error {
		var setUp int64
		if err := tx.QueryRow(`SELECT created_at FROM sync_state`).Scan(&setUp); err != nil {
			return err
		}
		for _, k := range kinds {
			q := fmt.Sprintf(`SELECT %s FROM %s t WHERE updated_at > %d AND NOT EXISTS (SELECT 1 FROM sync_outbox o WHERE o.tbl = '%s' AND o.rid = t.%s)`,
				k.idCol, k.Table, setUp, k.Table, k.idCol)
			if err := eachRow(ctx, tx, q, func(scan func(...any) error) error {
				var id string
				if err := scan(&id); err != nil {
					return err
				}
				missing = append(missing, k.Table+" "+id)
				return nil
			}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return missing
}

// Everything a journal is filled with once it syncs is captured, every
// kind of record: the demo journal writes them all through the store.
func TestEveryEditIsCaptured(t *testing.T) {
	t.Parallel()
	a := newDevice(t, "desktop")
	a.setup(t)
	if got := outboxByTable(t, a.store); len(got) != 0 {
		t.Fatalf("setting up captured %v: the journal before it travels in the first snapshot", got)
	}
	if err := demo.Fill(a.store, demo.Options{Entries: 60, Seed: 3, Now: time.Now(), Years: 1}); err != nil {
		t.Fatal(err)
	}
	if err := a.store.SetSetting("triage.rule", "two of three"); err != nil {
		t.Fatal(err)
	}
	if missing := uncaptured(t, a.store); len(missing) > 0 {
		t.Fatalf("%d records never captured, such as %v", len(missing), missing[:min(5, len(missing))])
	}
	got := outboxByTable(t, a.store)
	for _, k := range kinds {
		var n int
		a.store.ReadSQL(ctx, func(tx *sql.Tx) error {
			return tx.QueryRow("SELECT count(*) FROM " + k.Table).Scan(&n)
		})
		if n > 0 && got[k.Table+"/new"] == 0 {
			t.Errorf("%s: %d records, no new-record change captured", k.Table, n)
		}
	}
	if got["drafts/new"] != 0 {
		t.Error("a draft was captured: drafts stay on their computer")
	}
}

// A journal restored from an export while it syncs goes through the
// import's fast path (many records to a statement, the full-text index's
// insert trigger set aside): every record is still captured, and the
// other computer gets a searchable journal.
func TestImportFastPathIsCaptured(t *testing.T) {
	t.Parallel()
	src := newDevice(t, "source")
	if err := demo.Fill(src.store, demo.Options{Entries: 120, Seed: 5, Now: time.Now(), Years: 2}); err != nil {
		t.Fatal(err)
	}
	var export bytes.Buffer
	if err := transfer.ExportJSON(ctx, src.store, &export, transfer.ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	a, b, tool := pair(t)
	if _, err := transfer.Import(ctx, a.store, bytes.NewReader(export.Bytes()), transfer.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if missing := uncaptured(t, a.store); len(missing) > 0 {
		t.Fatalf("%d imported records never captured, such as %v", len(missing), missing[:min(5, len(missing))])
	}
	settleAll(t, tool, a, b)
	sameJournals(t, a, b)
	page, err := b.store.EntryPage(data.EntryFilter{Text: "the"}, nil, 5)
	if err != nil || len(page.Rows) == 0 {
		t.Fatalf("searching the joined journal: %d rows, %v", len(page.Rows), err)
	}
}

// A change made with plain SQL inside a transaction (as a migration, a
// restore's merge or the bulk importer make them) is captured like a save.
func TestPlainSQLChangesAreCaptured(t *testing.T) {
	t.Parallel()
	a := newDevice(t, "desktop")
	e := a.save(t, data.Entry{Story: "before", Intensity: 2})
	a.setup(t)
	err := a.store.WriteSQL(ctx, func(tx *sql.Tx) error {
		_, err := tx.Exec(`UPDATE entries SET intensity = intensity + 1, updated_at = updated_at + 1`)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	ops := outboxOps(t, a.store)
	if len(ops) != 1 || ops[0].I != e.UUID || ops[0].K != "set" || ops[0].F["intensity"] != int64(3) || ops[0].F["story"] != nil {
		t.Fatalf("captured %+v", ops)
	}
}

func outboxOps(t testing.TB, s *data.Store) []op {
	t.Helper()
	var ops []op
	err := s.ReadSQL(ctx, func(tx *sql.Tx) error {
		var err error
		ops, err = readOutbox(ctx, tx, 0, 1_000_000)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return ops
}

// Saving an entry replaces its tags one by one: the changes merge into one
// on the way out. Emptying the trash sends the deletion alone, without the
// tags' removal riding on it.
func TestEntrySaveAndPurgeAreCapturedWhole(t *testing.T) {
	t.Parallel()
	a := newDevice(t, "desktop")
	a.setup(t)
	e := a.save(t, data.Entry{Story: "s", Intensity: 1, Tags: []data.Tag{{Name: "school"}, {Name: "sleep"}}})
	a.round(t)
	e.Story, e.Tags = "t", []data.Tag{{Name: "sleep"}}
	a.save(t, e)
	raw := outboxOps(t, a.store)
	ops := coalesce(raw)
	if len(raw) < 4 || len(ops) != 1 || ops[0].K != "set" || ops[0].F["story"] != "t" || len(ops[0].F["tags"].([]string)) != 1 {
		t.Fatalf("%d changes captured, after merging: %+v", len(raw), ops)
	}
	if err := a.store.TrashEntry(e.ID); err != nil {
		t.Fatal(err)
	}
	a.round(t)
	if _, err := a.store.EmptyTrash(); err != nil {
		t.Fatal(err)
	}
	ops = outboxOps(t, a.store)
	if len(ops) != 1 || ops[0].K != "del" || ops[0].I != e.UUID {
		t.Fatalf("emptying the trash captured %+v", ops)
	}
}

// Changes applied from another computer do not come back as this one's.
func TestAppliedChangesDoNotEcho(t *testing.T) {
	t.Parallel()
	a, b, tool := pair(t)
	for i := range 20 {
		a.save(t, data.Entry{Story: fmt.Sprint("entry ", i), Intensity: i % 11, Tags: []data.Tag{{Name: "school"}}})
	}
	a.round(t)
	tool.settle()
	if res := b.round(t); res.Received == 0 {
		t.Fatal("b received nothing")
	}
	if ops := outboxOps(t, b.store); len(ops) != 0 {
		t.Fatalf("b captured %d changes it only applied: %+v", len(ops), ops[0])
	}
	if res := b.round(t); res.Sent != 0 {
		t.Fatalf("b sent %d changes back", res.Sent)
	}
}

// A journal that does not sync captures nothing.
func TestNothingCapturedWithoutSync(t *testing.T) {
	t.Parallel()
	a := newDevice(t, "desktop")
	a.save(t, data.Entry{Story: "private", Intensity: 1, Tags: []data.Tag{{Name: "school"}}})
	err := a.store.ReadSQL(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRow(`SELECT (SELECT count(*) FROM sync_outbox) + (SELECT count(*) FROM sync_clocks)`).Scan(&n); err != nil {
			return err
		}
		if n != 0 {
			t.Errorf("%d rows in the sync tables of a journal that does not sync", n)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
