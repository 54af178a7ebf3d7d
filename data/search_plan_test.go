package data

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
)

// fakeJournal fills s with n entries whose dates are shuffled against their
// ids (as after an import of an old journal), with words common and rare,
// and returns what was stored for a reference to check against.
func fakeJournal(t testing.TB, s *Store, n int, seed uint64) []Entry {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 7))
	words := []string{"school", "client", "dinner", "late", "call", "park", "zephyr"}
	weights := []float64{0.8, 0.55, 0.3, 0.3, 0.2, 0.1, 0.006}
	tags, _ := s.Tags()
	start := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	entries := make([]Entry, n)
	for i := range entries {
		var fields [3][]string
		for w, word := range words {
			if r.Float64() < weights[w] {
				f := r.IntN(3)
				fields[f] = append(fields[f], word)
			}
		}
		for f := range fields {
			fields[f] = append(fields[f], "filler")
		}
		at := start.Add(time.Duration(r.IntN(3*365*24*60)) * time.Minute)
		if i%10 == 0 && i > 0 {
			at = entries[i-1].HappenedAt // equal times: the id breaks the tie
		}
		e := Entry{
			HappenedAt: at,
			Trigger:    strings.Join(fields[0], " "),
			Story:      strings.Join(fields[1], " "),
			Friend:     strings.Join(fields[2], " "),
			Intensity:  r.IntN(11),
			Kind:       []Kind{KindGuilt, KindGuilt, KindShame, KindUnsure}[r.IntN(4)],
		}
		if r.Float64() < 0.45 {
			e.Tags = []Tag{{Name: tags[0].Name}}
		}
		if r.Float64() < 0.2 {
			e.Tags = append(e.Tags, Tag{Name: tags[1+r.IntN(2)].Name})
		}
		if r.Float64() < 0.02 {
			e.Tags = append(e.Tags, Tag{Name: "rare tag"})
		}
		if r.Float64() < 0.01 {
			d := at.Add(time.Hour)
			e.DeletedAt = &d
		}
		entries[i] = e
	}
	addEntries(t, s, entries)
	return entries
}

// reference answers a filter the slow, obvious way.
func reference(entries []Entry, tagNames map[int64]string, f EntryFilter) []int64 {
	phrases := queryPhrases(f.Text)
	var hits []Entry
	for _, e := range entries {
		if e.DeletedAt != nil || (f.Kind != "" && e.Kind != f.Kind) ||
			(!f.From.IsZero() && e.HappenedAt.Before(f.From)) || (!f.To.IsZero() && !e.HappenedAt.Before(f.To)) {
			continue
		}
		if f.TagID != 0 && !slices.ContainsFunc(e.Tags, func(t Tag) bool { return t.Name == tagNames[f.TagID] }) {
			continue
		}
		words := strings.Fields(e.Trigger + " " + e.Story + " " + e.Friend)
		all := true
		for _, p := range phrases {
			all = all && slices.Contains(words, p[0])
		}
		if all {
			hits = append(hits, e)
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		if !hits[i].HappenedAt.Equal(hits[j].HappenedAt) {
			return hits[i].HappenedAt.After(hits[j].HappenedAt)
		}
		return hits[i].ID > hits[j].ID
	})
	ids := []int64{}
	for _, e := range hits {
		ids = append(ids, e.ID)
	}
	return ids
}

func TestListAndSearchMatchAReferenceAtEveryDepth(t *testing.T) {
	t.Parallel()
	s := openTemp(t, Options{Now: func() time.Time { return time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC) }})
	entries := fakeJournal(t, s, 4000, 1)
	tags, _ := s.Tags()
	tagNames := map[int64]string{}
	var rare int64
	for _, tag := range tags {
		tagNames[tag.ID] = tag.Name
		if tag.Name == "rare tag" {
			rare = tag.ID
		}
	}
	from := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	filters := []EntryFilter{
		{},
		{Text: "school"},        // most entries: the walk
		{Text: "client school"}, // both words
		{Text: "zephyr"},        // rare: sorted candidates
		{Text: "zephyr dinner"}, // rare and common
		{Text: "school dinner", Kind: KindShame, TagID: tags[1].ID},
		{Kind: KindUnsure},
		{TagID: tags[0].ID},         // common tag: the walk
		{TagID: rare},               // rare tag: sorted candidates
		{TagID: rare, Text: "late"}, // rare tag with words
		{From: from, To: to},
		{Text: "park", From: from, To: to, Kind: KindGuilt},
		{Text: "nothing-matches"},
	}
	for _, f := range filters {
		t.Run(fmt.Sprintf("%+v", f), func(t *testing.T) {
			want := reference(entries, tagNames, f)
			got := pageIDs(t, s, f)
			if !slices.Equal(got, want) {
				t.Fatalf("got %d ids, want %d\n got  %v\n want %v", len(got), len(want), head(got), head(want))
			}
			// Big pages agree with small ones, and a page starting deep in
			// the list starts right after its cursor.
			page, err := s.EntryPage(f, nil, MaxPage)
			if err != nil {
				t.Fatal(err)
			}
			if n := min(len(want), MaxPage); len(page.Rows) != n || (n > 0 && page.Rows[n-1].ID != want[n-1]) {
				t.Errorf("first big page has %d rows", len(page.Rows))
			}
			if len(want) > 300 {
				mid := want[len(want)/2-1]
				e, _ := s.Entry(mid)
				deep, err := s.EntryPage(f, &Cursor{HappenedAt: e.HappenedAt, ID: e.ID}, 50)
				if err != nil || len(deep.Rows) == 0 || deep.Rows[0].ID != want[len(want)/2] {
					t.Errorf("deep page starts at %v, want %d (%v)", deep.Rows, want[len(want)/2], err)
				}
			}
			// Each entry is said to match exactly when the list holds it.
			listed := map[int64]bool{}
			for _, id := range want {
				listed[id] = true
			}
			for _, e := range entries[:200] {
				if ok, err := s.EntryMatches(f, e.ID); err != nil || ok != listed[e.ID] {
					t.Fatalf("EntryMatches(%d) = %v (%v), listed %v", e.ID, ok, err, listed[e.ID])
				}
			}
			// The count agrees with the list, words included (up to its cap).
			if n, _ := s.CountEntries(f); n != min(len(want), CountCap) {
				t.Errorf("CountEntries = %d, want %d", n, min(len(want), CountCap))
			}
		})
	}
}

func head(ids []int64) []int64 { return ids[:min(len(ids), 12)] }
