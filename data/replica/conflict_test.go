package replica

import (
	"slices"
	"testing"

	"github.com/bothand/bothand/data"
)

// pair sets up a and joins b through a well-behaved sync tool.
func pair(t *testing.T) (*computer, *computer, *syncTool) {
	t.Helper()
	a, b := newDevice(t, "desktop"), newDevice(t, "laptop")
	a.setup(t)
	tool := newSyncTool(t, 7, a.folder, b.folder)
	tool.settle()
	b.join(t)
	return a, b, tool
}

// everyone runs rounds with the tool settling between, until nothing moves.
func settleAll(t *testing.T, tool *syncTool, devs ...*computer) {
	t.Helper()
	for range 4 {
		for _, d := range devs {
			d.round(t)
			tool.settle()
		}
	}
}

func entryByUUID(t *testing.T, s *data.Store, uuid string) data.Entry {
	t.Helper()
	page, err := s.EntryPage(data.EntryFilter{}, nil, 10_000)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range page.Rows {
		e, err := s.Entry(r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if e.UUID == uuid {
			return e
		}
	}
	t.Fatalf("no entry %s", uuid)
	return data.Entry{}
}

// Both computers change one entry's text before either sees the other's:
// the later stays the entry, the earlier is a flagged conflicted copy, the
// same on both, and the other fields merge field by field.
func TestTextChangedOnBothKeepsBoth(t *testing.T) {
	a, b, tool := pair(t)
	e := a.save(t, data.Entry{Story: "first version", Intensity: 3})
	settleAll(t, tool, a, b)
	eb := entryByUUID(t, b.store, e.UUID)

	e.Story, e.Intensity = "desktop's version", 9
	a.save(t, e)
	b.clock.skew(2000) // b's edit is the later one
	eb.Story = "laptop's version"
	b.save(t, eb)
	settleAll(t, tool, a, b)
	sameJournals(t, a, b)

	got := entryByUUID(t, a.store, e.UUID)
	if got.Story != "laptop's version" || got.Intensity != 9 {
		t.Errorf("entry: story %q intensity %d; want the laptop's later text and the desktop's intensity", got.Story, got.Intensity)
	}
	list, err := Conflicts(ctx, a.store)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].Copy.Story != "desktop's version" || list[0].Entry == nil || list[0].Entry.UUID != e.UUID {
		t.Fatalf("conflicts: %+v", list)
	}
	if texts := entryTexts(t, b.store); !slices.Equal(texts, []string{"desktop's version", "laptop's version"}) {
		t.Errorf("laptop's entries: %q", texts)
	}

	// Keeping the copy's text on one computer settles it on both.
	if err := Resolve(ctx, b.store, copyID(t, b.store), KeepCopy); err != nil {
		t.Fatal(err)
	}
	settleAll(t, tool, a, b)
	sameJournals(t, a, b)
	if got := entryByUUID(t, a.store, e.UUID); got.Story != "desktop's version" {
		t.Errorf("after keeping the copy: %q", got.Story)
	}
	if list, _ := Conflicts(ctx, a.store); len(list) != 0 {
		t.Errorf("still listed: %+v", list)
	}
}

func copyID(t *testing.T, s *data.Store) int64 {
	t.Helper()
	list, err := Conflicts(ctx, s)
	if err != nil || len(list) != 1 {
		t.Fatalf("conflicts: %+v %v", list, err)
	}
	return list[0].Copy.ID
}

// An edit made after seeing the other's is no conflict: it simply wins.
func TestTextChangedAfterSeeingTheOtherIsNoConflict(t *testing.T) {
	a, b, tool := pair(t)
	e := a.save(t, data.Entry{Story: "one", Intensity: 3})
	settleAll(t, tool, a, b)
	e.Story = "two"
	a.save(t, e)
	settleAll(t, tool, a, b)
	eb := entryByUUID(t, b.store, e.UUID)
	eb.Story = "three"
	b.save(t, eb)
	settleAll(t, tool, a, b)
	sameJournals(t, a, b)
	if got := entryByUUID(t, a.store, e.UUID); got.Story != "three" {
		t.Errorf("story %q", got.Story)
	}
	if list, _ := Conflicts(ctx, a.store); len(list) != 0 {
		t.Errorf("conflicts: %+v", list)
	}
}
