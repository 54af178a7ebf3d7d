package demo

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
)

// TestFillIsDeterministic: the same seed and "now" give the same journal,
// every text and time of it (only record IDs and write times differ); a
// different seed gives a different one.
func TestFillIsDeterministic(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	digest := func(seed uint64) string {
		recs := exportedDemo(t, now, Options{Entries: 300, Seed: seed, Now: now})
		uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-`)
		var plain func(v any) any
		plain = func(v any) any {
			switch v := v.(type) {
			case string:
				if uuid.MatchString(v) {
					return "ref"
				}
			case []any:
				for i := range v {
					v[i] = plain(v[i])
				}
			}
			return v
		}
		for _, list := range recs {
			for _, r := range list {
				delete(r, "created_at")
				delete(r, "updated_at")
				for k, v := range r {
					r[k] = plain(v)
				}
			}
		}
		b, err := json.Marshal(recs)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	a, b := digest(7), digest(7)
	if a != b {
		for i := range min(len(a), len(b)) {
			if a[i] != b[i] {
				t.Fatalf("same seed, different journals, from: %.200q", a[max(0, i-80):])
			}
		}
		t.Fatalf("same seed, journals of %d and %d bytes", len(a), len(b))
	}
	if len(a) < 100_000 {
		t.Errorf("the journal is only %d bytes of JSON", len(a))
	}
	if c := digest(8); c == a {
		t.Error("seeds 7 and 8 give the same journal")
	}
}

// BenchmarkFill generates a 10,000-entry journal (ten years) per run: the
// phrase bank's writing and the store's inserts and index together, as
// `bothand demo` and the cached benchmark journals pay them.
//
//	go test ./data/demo -run '^$' -bench Fill -benchtime 3x
func BenchmarkFill(b *testing.B) {
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	for b.Loop() {
		s, err := data.Open(filepath.Join(b.TempDir(), "demo.db"), data.Options{Now: func() time.Time { return now }})
		if err != nil {
			b.Fatal(err)
		}
		if err := Fill(s, Options{Entries: 10_000, Seed: 1, Now: now}); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
	b.ReportMetric(float64(b.N*10_000)/b.Elapsed().Seconds(), "entries/s")
}

// BenchmarkAnswers writes the three answers of one entry, without the
// store: the phrase bank's own cost.
func BenchmarkAnswers(b *testing.B) {
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	g := &Gen{Opt: Options{Now: now, Years: 10}, R: newRand(1), bank: loadBank()}
	g.fam = newFamily(newRand(2), g.bank, now, 10)
	sc := newScene(g.R, g.bank, g.fam)
	comp := newComposer(sc)
	at := now.AddDate(-3, 0, 0)
	for b.Loop() {
		sit, _ := g.setScene(sc, at)
		comp.answers(sit, data.KindGuilt, 6)
	}
}
