package transfer

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/internal/synthetic"
)

// A restore into an empty journal sets the index trigger aside and must
// leave both as it found them: the trigger back, word for word, and the
// index whole and searchable; a failed import leaves no trace.
func TestBulkImportLeavesTheIndexWhole(t *testing.T) {
	t.Parallel()
	src := filepath.Join(t.TempDir(), "src.db")
	if err := synthetic.Build(src, 1200); err != nil {
		t.Fatal(err)
	}
	from, err := data.Open(src, transferClock())
	if err != nil {
		t.Fatal(err)
	}
	doc := exportJSON(t, from)
	from.Close()

	dst := openTemp(t, transferClock())
	trigger := triggerSQL(t, dst)
	if trigger == "" {
		t.Fatal("no index trigger in a new journal")
	}
	if _, err := importString(dst, `{"format":"bothand","version":1,"records":{"entries":[{"uuid":"nope"}]}}`); err == nil {
		t.Fatal("a bad file was imported")
	}
	if got := triggerSQL(t, dst); got != trigger {
		t.Errorf("after a failed import the index trigger is %q", got)
	}
	sum, err := importString(dst, doc)
	if err != nil {
		t.Fatal(err)
	}
	if got := sum.AddedOf("entries"); got != 1200 {
		t.Fatalf("added %d entries, summary %s", got, sum)
	}
	if got := triggerSQL(t, dst); got != trigger {
		t.Errorf("after the import the index trigger is %q", got)
	}
	if err := direct(t, dst).Exec(`INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)`).Error; err != nil {
		t.Errorf("index after a bulk import: %v", err)
	}
	var word string
	if err := direct(t, dst).Raw(`SELECT trigger_text FROM entries ORDER BY id LIMIT 1`).Scan(&word).Error; err != nil {
		t.Fatal(err)
	}
	word = strings.Fields(word)[0]
	// And it keeps in step afterwards.
	if _, err := dst.SaveEntry(data.Entry{Trigger: "zyzzyva afterwards", Kind: data.KindGuilt}, 0); err != nil {
		t.Fatal(err)
	}
	var later int
	if err := direct(t, dst).Raw(`SELECT count(*) FROM entries_fts WHERE entries_fts MATCH 'zyzzyva'`).Scan(&later).Error; err != nil || later != 1 {
		t.Errorf("an entry saved after the import: %d hits, %v", later, err)
	}
	var hits int
	if err := direct(t, dst).Raw(`SELECT count(*) FROM entries_fts WHERE entries_fts MATCH ?`, `"`+word+`"`).Scan(&hits).Error; err != nil || hits == 0 {
		t.Errorf("searching %q after the import: %d hits, %v", word, hits, err)
	}
}

func triggerSQL(t *testing.T, s *data.Store) string {
	t.Helper()
	var def sql.NullString
	if err := direct(t, s).Raw(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?`, ftsInsertTrigger).Scan(&def).Error; err != nil {
		t.Fatal(err)
	}
	return def.String
}
