package data_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/transfer"
)

// Import, bulk insert, export and backup reach the database through
// WriteSQL and ReadSQL, never by unwrapping gorm's transaction, so they
// keep working with gorm's PrepareStmt on (which wraps that transaction).
func TestBulkJobsWorkWithPreparedStatements(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	src, err := data.Open(filepath.Join(dir, "src.db"), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	if _, err := src.AddSlip("Both can be true.", true); err != nil {
		t.Fatal(err)
	}
	if _, err := src.SaveEntry(data.Entry{Trigger: "Late pickup after the call", Kind: data.KindGuilt}, 0); err != nil {
		t.Fatal(err)
	}
	var doc bytes.Buffer
	if err := transfer.ExportJSON(ctx, src, &doc, transfer.ExportOptions{}); err != nil {
		t.Fatal(err)
	}

	s, err := data.Open(filepath.Join(dir, "journal.db"), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	data.UsePreparedStatements(s)
	if _, err := s.SaveEntry(data.Entry{Trigger: "Written by hand"}, 0); err != nil {
		t.Fatalf("gorm's own write: %v", err)
	}
	sum, err := transfer.Import(ctx, s, bytes.NewReader(doc.Bytes()), transfer.ImportOptions{})
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	if sum.AddedOf("entries") != 1 || sum.AddedOf("slips") != 1 {
		t.Errorf("import: %s", sum)
	}
	if err := transfer.ImportEntries(ctx, s, []data.Entry{{Trigger: "Bulk", Tags: []data.Tag{{Name: "Evenings"}}}}); err != nil {
		t.Fatalf("bulk insert: %v", err)
	}
	if n, err := s.CountEntries(data.EntryFilter{}); err != nil || n != 3 {
		t.Errorf("entries after the import: %d, %v", n, err)
	}
	var out bytes.Buffer
	if err := transfer.ExportJSON(ctx, s, &out, transfer.ExportOptions{}); err != nil || !strings.Contains(out.String(), "Written by hand") {
		t.Errorf("export: %v", err)
	}
	if _, err := s.Backup(ctx); err != nil {
		t.Errorf("backup: %v", err)
	}
}

// A job cancelled inside WriteSQL (or WriteSmallSQL) leaves nothing of
// what it wrote, and comes back as the context's error whatever SQLite
// said on the way.
func TestWriteSQLCancelledRollsBack(t *testing.T) {
	t.Parallel()
	for name, write := range map[string]func(*data.Store, context.Context, func(*sql.Tx) error) error{
		"WriteSQL":      (*data.Store).WriteSQL,
		"WriteSmallSQL": (*data.Store).WriteSmallSQL,
	} {
		t.Run(name, func(t *testing.T) {
			s, err := data.Open(filepath.Join(t.TempDir(), "journal.db"), data.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			ctx, cancel := context.WithCancel(context.Background())
			err = write(s, ctx, func(tx *sql.Tx) error {
				if _, err := tx.ExecContext(ctx, `INSERT INTO slips (uuid, text, position, pinned, created_at, updated_at)
					VALUES ('0193a4f0-7c1e-7d3a-9b2f-1c2d3e4f5a6b', 'half-way', 1, 0, 0, 0)`); err != nil {
					return err
				}
				cancel()
				_, err := tx.ExecContext(ctx, "SELECT 1")
				return err
			})
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want context.Canceled", err)
			}
			if slips, err := s.Slips(); err != nil || len(slips) != 0 {
				t.Errorf("after a cancelled write: %v, %v", slips, err)
			}
			// The store takes writes as before, and a write that
			// returns nil is kept.
			if _, err := s.AddSlip("After.", true); err != nil {
				t.Fatal(err)
			}
			err = write(s, context.Background(), func(tx *sql.Tx) error {
				_, err := tx.Exec(`UPDATE slips SET text = 'Kept.'`)
				return err
			})
			if slips, _ := s.Slips(); err != nil || len(slips) != 1 || slips[0].Text != "Kept." {
				t.Errorf("after a write: %+v, %v", slips, err)
			}
		})
	}
}
