package data

import (
	"errors"
	"testing"
	"time"
)

func TestImportEntriesAllOrNothing(t *testing.T) {
	s := openTemp(t)
	at := time.Date(2020, 5, 4, 20, 0, 0, 0, time.UTC)
	deleted := at.Add(time.Hour)
	entries := []Entry{
		{HappenedAt: at, Trigger: "one", Tags: tagList("Myth of balance", "weekend work")},
		{HappenedAt: at.Add(time.Minute), Story: "two", Kind: KindShame, Tags: tagList("WEEKEND WORK")},
		{HappenedAt: at.Add(2 * time.Minute), Friend: "three", DeletedAt: &deleted},
	}
	if err := s.ImportEntries(entries); err != nil {
		t.Fatal(err)
	}
	if entries[0].ID == 0 || entries[2].UUID == "" {
		t.Errorf("ids not filled: %+v", entries[0].Record)
	}
	if ids := pageIDs(t, s, EntryFilter{}); len(ids) != 2 || ids[0] != entries[1].ID {
		t.Errorf("live entries = %v", ids)
	}
	if n, _ := s.TrashCount(); n != 1 {
		t.Errorf("trash = %d", n)
	}
	two, _ := s.Entry(entries[1].ID)
	if tagNamesOf(two.Tags) != "weekend work" || two.Kind != KindShame || !two.HappenedAt.Equal(at.Add(time.Minute)) {
		t.Errorf("second entry = %+v", two)
	}
	if ids := searchIDs(t, s, "one"); len(ids) != 1 {
		t.Errorf("the index missed the import: %v", ids)
	}

	bad := []Entry{{Trigger: "fine"}, {Trigger: " "}}
	err := s.ImportEntries(bad)
	var ve *ValidationError
	if !errors.As(err, &ve) || ve.Field != "trigger" {
		t.Fatalf("import with an empty entry: %v", err)
	}
	if n, _ := s.CountEntries(EntryFilter{}); n != 2 {
		t.Errorf("a refused import stored %d entries", n-2)
	}
}
