package transfer

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
)

func TestImportEntriesAllOrNothing(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	at := time.Date(2020, 5, 4, 20, 0, 0, 0, time.UTC)
	deleted := at.Add(time.Hour)
	entries := []data.Entry{
		{HappenedAt: at, Trigger: "one", Tags: tagList("Myth of balance", "weekend work")},
		{HappenedAt: at.Add(time.Minute), Story: "two", Kind: data.KindShame, Tags: tagList("WEEKEND WORK")},
		{HappenedAt: at.Add(2 * time.Minute), Friend: "three", DeletedAt: &deleted},
	}
	if err := ImportEntries(ctx, s, entries); err != nil {
		t.Fatal(err)
	}
	if entries[0].ID == 0 || entries[2].UUID == "" {
		t.Errorf("ids not filled: %+v", entries[0].Record)
	}
	if ids := pageIDs(t, s, data.EntryFilter{}); len(ids) != 2 || ids[0] != entries[1].ID {
		t.Errorf("live entries = %v", ids)
	}
	if n, _ := s.TrashCount(); n != 1 {
		t.Errorf("trash = %d", n)
	}
	two, _ := s.Entry(entries[1].ID)
	if tagNamesOf(two.Tags) != "weekend work" || two.Kind != data.KindShame || !two.HappenedAt.Equal(at.Add(time.Minute)) {
		t.Errorf("second entry = %+v", two)
	}
	if ids := searchIDs(t, s, "one"); len(ids) != 1 {
		t.Errorf("the index missed the import: %v", ids)
	}

	bad := []data.Entry{{Trigger: "fine"}, {Trigger: " "}}
	err := ImportEntries(ctx, s, bad)
	var ve *data.ValidationError
	if !errors.As(err, &ve) || ve.Field != "trigger" {
		t.Fatalf("import with an empty entry: %v", err)
	}
	if n, _ := s.CountEntries(data.EntryFilter{}); n != 2 {
		t.Errorf("a refused import stored %d entries", n-2)
	}
}

func tagList(names ...string) []data.Tag {
	tags := make([]data.Tag, len(names))
	for i, n := range names {
		tags[i] = data.Tag{Name: n}
	}
	return tags
}

func tagNamesOf(tags []data.Tag) string {
	var names []string
	for _, t := range tags {
		names = append(names, t.Name)
	}
	return strings.Join(names, ", ")
}

// pageIDs lists every entry matching f, paging through with a small page.
func pageIDs(t testing.TB, s *data.Store, f data.EntryFilter) []int64 {
	t.Helper()
	var ids []int64
	var after *data.Cursor
	for {
		page, err := s.EntryPage(f, after, 7)
		if err != nil {
			t.Fatalf("EntryPage(%+v): %v", f, err)
		}
		for _, r := range page.Rows {
			ids = append(ids, r.ID)
		}
		if page.Next == nil {
			return ids
		}
		after = page.Next
	}
}

func searchIDs(t testing.TB, s *data.Store, text string) []int64 {
	t.Helper()
	return pageIDs(t, s, data.EntryFilter{Text: text})
}
