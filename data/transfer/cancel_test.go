package transfer

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/internal/synthetic"
)

// noticesExport is an export holding n delivered reminders: a large file
// of small records, quick to make.
func noticesExport(n int) []byte {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	fmt.Fprint(w, `{"format":"bothand-journal","format_version":1,"records":{"notices":[`)
	for i := range n {
		if i > 0 {
			w.WriteString(",\n")
		}
		fmt.Fprintf(w, `{"uuid":"0193ffff-0000-7000-8000-%012x","kind":"reminder","ref":"commitment-%d","due_at":"2026-11-25T08:00:00.000Z","sent_at":"2026-11-25T08:00:01.000Z","created_at":"2026-11-25T08:00:01.000Z","updated_at":"2026-11-25T08:00:01.000Z"}`, i, i)
	}
	w.WriteString("]}}\n")
	w.Flush()
	return b.Bytes()
}

// importCancelledHalfWay imports doc into the journal at path, cancelling
// once half the file is read, and checks that the journal is exactly as it
// was: the same file, byte for byte, and the same rows.
func importCancelledHalfWay(t *testing.T, path string, doc []byte) {
	t.Helper()
	s, err := data.Open(path, transferClock())
	if err != nil {
		t.Fatal(err)
	}
	rows := dumpTables(t, s)
	s.Close()
	before := sha256.Sum256(mustRead(t, path))

	s, err = data.Open(path, transferClock())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var at int64
	var cancelledAt time.Time
	_, err = Import(ctx, s, bytes.NewReader(doc), ImportOptions{Size: int64(len(doc)), Progress: func(done, total int64) {
		if at == 0 && done >= total/2 {
			at, cancelledAt = done, time.Now()
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("import cancelled half-way: %v, want context.Canceled", err)
	}
	// Prompt: the import looks every few hundred records (milliseconds),
	// and a statement running is interrupted.
	if took := time.Since(cancelledAt); took > 3*time.Second {
		t.Errorf("the import took %v to stop", took)
	}
	if at == 0 || at >= int64(len(doc)) {
		t.Fatalf("cancelled at byte %d of %d, not part-way", at, len(doc))
	}
	if got := dumpTables(t, s); got != rows {
		t.Errorf("the cancelled import changed the journal's rows:\n%s", firstDifference(rows, got))
	}
	s.Close()
	if sha256.Sum256(mustRead(t, path)) != before {
		t.Error("the cancelled import changed the journal file")
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Cancelling a 100,000-record import into a journal that holds records of
// every kind stops it part-way and leaves the journal exactly as it was,
// ready for the next import.
func TestImportCancelledPartWayLeavesTheJournalAsItWas(t *testing.T) {
	t.Parallel()
	s := openTemp(t, transferClock())
	fillEveryKind(t, s)
	path := s.Path()
	s.Close()
	doc := noticesExport(100_000)
	importCancelledHalfWay(t, path, doc)

	s, err := data.Open(path, transferClock())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sum, err := Import(ctx, s, bytes.NewReader(noticesExport(1000)), ImportOptions{})
	if err != nil || sum.AddedOf("notices") != 1000 {
		t.Fatalf("the import after the cancelled one: %v, %s", err, sum)
	}
}

// The restore of a whole journal into a new one sets the index trigger
// aside while it writes entries: cancelled then, the trigger is back and
// the new journal as empty as it was.
func TestRestoreIntoANewJournalCancelledLeavesItEmpty(t *testing.T) {
	t.Parallel()
	from, err := data.Open(synthetic.Journal(t, 5_000), transferClock())
	if err != nil {
		t.Fatal(err)
	}
	doc := exportJSON(t, from)
	from.Close()
	dst := openTemp(t, transferClock())
	trigger := triggerSQL(t, dst)
	path := dst.Path()
	dst.Close()
	importCancelledHalfWay(t, path, []byte(doc))

	s, err := data.Open(path, transferClock())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := triggerSQL(t, s); got != trigger {
		t.Errorf("after the cancelled restore the index trigger is %q", got)
	}
	if empty, err := s.IsEmpty(); err != nil || !empty {
		t.Errorf("after the cancelled restore the journal is not empty (%v)", err)
	}
}

// An export cancelled part-way leaves no file, and a cancelled export over
// an existing file leaves that file as it was.
func TestExportFileCancelledLeavesNoFile(t *testing.T) {
	t.Parallel()
	s := openTemp(t, transferClock())
	if err := ImportEntries(ctx, s, manyEntries(3000)); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range Formats {
		// exportHalf exports, cancelling once some records are written.
		exportHalf := func(path string, replace bool) error {
			cancelling, cancel := context.WithCancel(context.Background())
			defer cancel()
			return ExportFile(cancelling, s, path, f, ExportOptions{Replace: replace, Progress: func(done, total int64) {
				if done > 0 && done < total {
					cancel()
				}
			}})
		}
		path := filepath.Join(dir, "new"+f.Ext())
		if err := exportHalf(path, false); !errors.Is(err, context.Canceled) {
			t.Errorf("%s: %v, want context.Canceled", f, err)
		}
		if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s: a cancelled export left %s", f, path)
		}
		old := filepath.Join(dir, "old"+f.Ext())
		os.WriteFile(old, []byte("the earlier export"), 0o600)
		if err := exportHalf(old, true); !errors.Is(err, context.Canceled) {
			t.Errorf("%s over a file: %v, want context.Canceled", f, err)
		}
		if b, _ := os.ReadFile(old); string(b) != "the earlier export" {
			t.Errorf("%s: a cancelled export changed the file it was to replace", f)
		}
		if names, _ := filepath.Glob(filepath.Join(dir, ".*")); len(names) > 0 {
			t.Errorf("%s: a cancelled export left %v", f, names)
		}
	}
}

func manyEntries(n int) []data.Entry {
	list := make([]data.Entry, n)
	for i := range list {
		list[i] = data.Entry{
			HappenedAt: transferEpoch.Add(-time.Duration(i) * time.Minute),
			Trigger:    strings.Repeat("Another late call at bedtime. ", 1+i%5),
		}
	}
	return list
}
