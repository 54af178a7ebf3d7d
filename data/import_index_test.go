package data

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
)

// A bulk import pauses the full-text index's merging and must leave it as
// it found it: merging back on, the index whole and searchable; a failed
// import leaves no trace of the pause.
func TestBulkImportLeavesTheIndexWhole(t *testing.T) {
	src := filepath.Join(t.TempDir(), "src.db")
	if err := buildBenchJournal(src, bulkIndex+200); err != nil {
		t.Fatal(err)
	}
	from, err := Open(src, transferClock())
	if err != nil {
		t.Fatal(err)
	}
	doc := exportJSON(t, from)
	from.Close()

	dst := openTemp(t, transferClock())
	if _, err := importString(dst, `{"format":"bothand","version":1,"records":{"entries":[{"uuid":"nope"}]}}`); err == nil {
		t.Fatal("a bad file was imported")
	}
	if v := automerge(t, dst); v.Valid {
		t.Errorf("a failed import left automerge at %q", v.String)
	}
	sum, err := importString(dst, doc)
	if err != nil {
		t.Fatal(err)
	}
	if got := sum.AddedOf("entries"); got != bulkIndex+200 {
		t.Fatalf("added %d entries, summary %s", got, sum)
	}
	if v := automerge(t, dst); v.String != "4" {
		t.Errorf("automerge after the import = %q, want 4 (FTS5's default)", v.String)
	}
	if err := dst.db.Exec(`INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)`).Error; err != nil {
		t.Errorf("index after a bulk import: %v", err)
	}
	var word string
	if err := dst.db.Raw(`SELECT trigger_text FROM entries ORDER BY id LIMIT 1`).Scan(&word).Error; err != nil {
		t.Fatal(err)
	}
	word = strings.Fields(word)[0]
	var hits int
	if err := dst.db.Raw(`SELECT count(*) FROM entries_fts WHERE entries_fts MATCH ?`, `"`+word+`"`).Scan(&hits).Error; err != nil || hits == 0 {
		t.Errorf("searching %q after the import: %d hits, %v", word, hits, err)
	}
}

func automerge(t *testing.T, s *Store) sql.NullString {
	t.Helper()
	var v sql.NullString
	if err := s.db.Raw(`SELECT v FROM entries_fts_config WHERE k = 'automerge'`).Scan(&v).Error; err != nil {
		t.Fatal(err)
	}
	return v
}
