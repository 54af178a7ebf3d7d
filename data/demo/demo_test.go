package demo

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
)

func TestVocabularyIsLargeAndZipfLike(t *testing.T) {
	if n := VocabularySize(); n < 5000 {
		t.Fatalf("vocabulary has %d words, want at least 5,000", n)
	}
	g := &Gen{R: newRand(1), vocab: newVocabulary()}
	counts := map[string]int{}
	for _, w := range splitWords(g.Words(200000)) {
		counts[w]++
	}
	top := counts[g.vocab.words[0]]
	tenth := counts[g.vocab.words[9]]
	hundredth := counts[g.vocab.words[99]]
	if top <= 3*tenth || tenth <= 3*hundredth {
		t.Errorf("not Zipf-like: rank 1 %d, rank 10 %d, rank 100 %d", top, tenth, hundredth)
	}
	if len(counts) < 2000 {
		t.Errorf("only %d distinct words in 200,000: the tail is missing", len(counts))
	}
}

func TestFillIsDeterministic(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	fill := func() []data.Slip {
		s, err := data.Open(filepath.Join(t.TempDir(), "demo.db"), data.Options{Now: func() time.Time { return now }})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if err := Fill(s, Options{Entries: 50, Seed: 7, Now: now}); err != nil {
			t.Fatal(err)
		}
		list, err := s.Slips()
		if err != nil {
			t.Fatal(err)
		}
		return list
	}
	a, b := fill(), fill()
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("%d vs %d slips", len(a), len(b))
	}
	for i := range a {
		if a[i].Text != b[i].Text || a[i].Pinned != b[i].Pinned {
			t.Errorf("slip %d differs: %q vs %q", i, a[i].Text, b[i].Text)
		}
	}
}
