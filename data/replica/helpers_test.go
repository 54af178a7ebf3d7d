package replica

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/transfer"
)

var ctx = context.Background()

// testKey is the data key of the tests' journals.
var testKey = bytes.Repeat([]byte{0x42}, 32)

// clock is a test's clock: real time plus an offset, moved on by hand.
type clock struct{ offset atomic.Int64 }

func (c *clock) now() time.Time { return time.Now().Add(time.Duration(c.offset.Load())) }

func (c *clock) skew(d time.Duration) { c.offset.Add(int64(d)) }

// computer is one computer of a test: its journal, its copy of the sync
// folder, its clock.
type computer struct {
	name   string
	store  *data.Store
	folder string
	clock  *clock
	rep    *Replica
}

// openStore opens a computer's journal, encrypted with the key its sync
// seals the folder with, as a journal must be to sync.
func openStore(t testing.TB, dir string, c *clock) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(dir, "journal.db"), data.Options{Now: c.now, Key: testKey})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func newDevice(t testing.TB, name string) *computer {
	t.Helper()
	dir := t.TempDir()
	c := &clock{}
	return &computer{name: name, store: openStore(t, dir, c), folder: filepath.Join(dir, "sync"), clock: c}
}

// testOpts: small segments and frequent snapshots, so that the tests'
// few hundred changes span many segments and compaction has work to do.
func testOpts(name string) Options {
	return Options{Host: name, SegmentChanges: 7, SnapshotChanges: 30, ApplyChanges: 40}
}

func (d *computer) setup(t testing.TB) {
	t.Helper()
	r, err := Setup(ctx, d.store, testKey, d.folder, d.name, testOpts(d.name))
	if err != nil {
		t.Fatalf("%s: setup: %v", d.name, err)
	}
	d.rep = r
}

func (d *computer) join(t testing.TB) {
	t.Helper()
	r, err := Join(ctx, d.store, testKey, d.folder, d.name, testOpts(d.name))
	if err != nil {
		t.Fatalf("%s: join: %v", d.name, err)
	}
	d.rep = r
}

// reopen opens the computer's journal and its sync again (after a restore
// closed it, or the file was replaced).
func (d *computer) reopen(t testing.TB) {
	t.Helper()
	d.store.Close()
	d.store = openStore(t, filepath.Dir(d.store.Path()), d.clock)
	r, err := Open(d.store, testKey, testOpts(d.name))
	if err != nil {
		t.Fatalf("%s: open: %v", d.name, err)
	}
	d.rep = r
}

func (d *computer) round(t testing.TB) Result {
	t.Helper()
	res, err := d.rep.Round(ctx)
	if err != nil {
		t.Fatalf("%s: round: %v", d.name, err)
	}
	return res
}

func (d *computer) save(t testing.TB, e data.Entry) data.Entry {
	t.Helper()
	e, err := d.store.SaveEntry(e, 0)
	if err != nil {
		t.Fatalf("%s: save: %v", d.name, err)
	}
	return e
}

// exported is the journal's JSON export as the tests compare it: the
// export's time and the drafts (which stay on their computer) left out.
func exported(t testing.TB, s *data.Store) string {
	t.Helper()
	var b bytes.Buffer
	if err := transfer.ExportJSON(ctx, s, &b, transfer.ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	delete(doc, "exported_at")
	delete(doc["records"].(map[string]any), "drafts")
	out, err := json.MarshalIndent(doc, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// sameJournals fails unless every computer's export is the same.
func sameJournals(t testing.TB, devs ...*computer) {
	t.Helper()
	want := exported(t, devs[0].store)
	for _, d := range devs[1:] {
		if got := exported(t, d.store); got != want {
			t.Fatalf("%s and %s differ:\n%s", devs[0].name, d.name, firstDiff(want, got))
		}
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			lo := max(0, i-6)
			return "line " + strconv.Itoa(i) + ":\n  " + strings.Join(al[lo:min(len(al), i+4)], "\n  ") + "\n---\n  " + strings.Join(bl[lo:min(len(bl), i+4)], "\n  ")
		}
	}
	return "lengths differ"
}

// entryTexts lists every live entry's story, sorted.
func entryTexts(t testing.TB, s *data.Store) []string {
	t.Helper()
	var out []string
	err := s.ReadSQL(ctx, func(tx *sql.Tx) error {
		return eachRow(ctx, tx, `SELECT story FROM entries WHERE deleted_at IS NULL ORDER BY story`, func(scan func(...any) error) error {
			var story string
			err := scan(&story)
			out = append(out, story)
			return err
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// mustDevice is the UUID the journal syncs under now.
func (r *Replica) mustDevice(t testing.TB) string {
	t.Helper()
	st, err := readState(r.store)
	if err != nil {
		t.Fatal(err)
	}
	return st.Device
}
