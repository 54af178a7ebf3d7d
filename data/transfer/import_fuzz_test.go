package transfer

import (
	"bytes"
	"errors"
	"testing"
)

// FuzzImport feeds the JSON import arbitrary bytes. Whatever comes in:
// no panic; a refusal is an *ImportError and leaves the journal exactly as
// it was; an accepted file, imported again, changes nothing; and the
// journal it leaves exports to a file a new journal imports.
//
// The seed corpus (testdata/fuzz/FuzzImport, plus the seeds added below)
// runs with every `go test`; explore with
//
//	go test ./data -run '^$' -fuzz FuzzImport -fuzztime 1m
func FuzzImport(f *testing.F) {
	src := openTemp(f, transferClock())
	fillEveryKind(f, src)
	good := exportJSON(f, src)
	f.Add([]byte(good))
	f.Add([]byte(good[:len(good)/2]))
	f.Add([]byte(`{"format":"bothand-journal","format_version":1,"records":{}}`))

	dst := openTemp(f, transferClock())
	fillEveryKindAs(f, dst, 3)
	f.Fuzz(func(t *testing.T, doc []byte) {
		before := dumpTables(t, dst)
		_, err := Import(ctx, dst, bytes.NewReader(doc), ImportOptions{})
		if err != nil {
			var ie *ImportError
			if !errors.As(err, &ie) {
				t.Fatalf("a refusal that is not an ImportError: %T %v", err, err)
			}
			if ie.Problem == "" {
				t.Fatal("a refusal without a problem")
			}
			if dumpTables(t, dst) != before {
				t.Fatalf("a refused import changed the journal: %v", err)
			}
			return
		}
		after := dumpTables(t, dst)
		again, err := Import(ctx, dst, bytes.NewReader(doc), ImportOptions{})
		if err != nil {
			t.Fatalf("the second import of an accepted file failed: %v", err)
		}
		if again.Added()+again.Updated() != 0 || dumpTables(t, dst) != after {
			t.Fatalf("the second import changed the journal: %s", again)
		}
		fresh := openTemp(t, transferClock())
		if _, err := importString(fresh, exportJSON(t, dst)); err != nil {
			t.Fatalf("the journal's own export does not import into a new journal: %v", err)
		}
	})
}
