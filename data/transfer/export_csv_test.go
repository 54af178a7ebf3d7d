package transfer

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

func TestExportCSVGolden(t *testing.T) {
	t.Parallel()
	s := openTemp(t, transferClock())
	ids := fillEveryKind(t, s)
	var b bytes.Buffer
	var last [2]int64
	if err := ExportCSV(ctx, s, &b, ExportOptions{Location: goldenZone, Progress: func(d, n int64) { last = [2]int64{d, n} }}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "entries.csv", b.Bytes())
	if last != [2]int64{2, 2} {
		t.Errorf("progress ended at %v, want 2 of 2", last)
	}

	// RFC 4180: CRLF line ends, and what the standard reader reads back is
	// exactly what was written.
	if !strings.HasPrefix(b.String(), "date,time,trigger,story,friend,intensity,kind,tags,happened_at,uuid\r\n") {
		t.Errorf("header line: %q", strings.SplitN(b.String(), "\n", 2)[0])
	}
	rows, err := csv.NewReader(bytes.NewReader(b.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 {
		t.Fatalf("%d rows, want a header and the 2 entries not in the trash", len(rows))
	}
	first := rows[1]
	if first[0] != "2026-11-16" || first[1] != "05:00" || first[5] != "8" || first[6] != "guilt" ||
		first[7] != "School runs; Visibility trap" || first[8] != "2026-11-16T04:00:00.000Z" || first[9] != ids.entry {
		t.Errorf("first entry: %q", first)
	}
	// encoding/csv writes CRLF inside quoted fields too; the text reads back
	// with it, and is otherwise unchanged.
	if story := strings.ReplaceAll(first[3], "\r\n", "\n"); story != "A good parent would have been there.\n\nI always choose work." {
		t.Errorf("multi-line story: %q", first[3])
	}
	if rows[2][2] != `Quotes " and \ backslash, tab	and ünïcödé ✓ and <html> & "csv", commas` {
		t.Errorf("text with quotes and commas: %q", rows[2][2])
	}
}
