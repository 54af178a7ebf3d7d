package replica

import (
	"database/sql"
	"errors"
	"slices"
	"testing"
	"time"

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
	var id int64
	err := s.ReadSQL(ctx, func(tx *sql.Tx) error {
		return tx.QueryRow(`SELECT id FROM entries WHERE uuid = ?`, uuid).Scan(&id)
	})
	if err != nil {
		t.Fatalf("no entry %s: %v", uuid, err)
	}
	e, err := s.Entry(id)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// Both computers change one entry's text before either sees the other's:
// the later stays the entry, the earlier is a flagged conflicted copy, the
// same on both, and the other fields merge field by field.
func TestTextChangedOnBothKeepsBoth(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
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

// Three computers change one entry's text at once: all three texts are
// kept, the latest as the entry and two flagged copies, the same on all.
func TestThreeTextsAtOnceAreAllKept(t *testing.T) {
	t.Parallel()
	devs, tool := threeDevices(t, 21)
	e := devs[0].save(t, data.Entry{Story: "start", Intensity: 3})
	converge(t, tool, devs)
	for i, d := range devs {
		d.clock.skew(int64ms(i))
		x := entryByUUID(t, d.store, e.UUID)
		x.Story = d.name + " wrote this"
		d.save(t, x)
	}
	converge(t, tool, devs)
	texts := entryTexts(t, devs[0].store)
	for _, d := range devs {
		if !slices.Contains(texts, d.name+" wrote this") {
			t.Errorf("%s's text was lost: %q", d.name, texts)
		}
	}
	if list, _ := Conflicts(ctx, devs[1].store); len(list) != 2 {
		t.Errorf("%d conflicted copies, want 2", len(list))
	}
}

func int64ms(i int) time.Duration { return time.Duration(i) * 10 * time.Millisecond }

// One computer empties the trash of an entry the other was still editing:
// the edit comes back as an entry of its own, flagged, on both; nothing
// else of the deleted entry does.
func TestEditOfAnEntryDeletedForGoodElsewhereIsKept(t *testing.T) {
	t.Parallel()
	a, b, tool := pair(t)
	e := a.save(t, data.Entry{Story: "to be deleted", Intensity: 3})
	gone := a.save(t, data.Entry{Story: "deleted, not edited", Intensity: 3})
	settleAll(t, tool, a, b)
	if err := a.store.TrashEntry(e.ID); err != nil {
		t.Fatal(err)
	}
	if err := a.store.TrashEntry(gone.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := a.store.EmptyTrash(); err != nil {
		t.Fatal(err)
	}
	eb := entryByUUID(t, b.store, e.UUID)
	eb.Story = "edited on the laptop meanwhile"
	b.save(t, eb)
	settleAll(t, tool, a, b)
	sameJournals(t, a, b)
	if texts := entryTexts(t, a.store); !slices.Equal(texts, []string{"edited on the laptop meanwhile"}) {
		t.Errorf("entries: %q", texts)
	}
	list, err := Conflicts(ctx, b.store)
	if err != nil || len(list) != 1 || list[0].Entry != nil {
		t.Fatalf("conflicts: %+v %v", list, err)
	}
	if err := Resolve(ctx, b.store, list[0].Copy.ID, KeepCopy); err != nil {
		t.Fatal(err)
	}
	settleAll(t, tool, a, b)
	sameJournals(t, a, b)
	if list, _ := Conflicts(ctx, a.store); len(list) != 0 || len(entryTexts(t, a.store)) != 1 {
		t.Errorf("after keeping it: %+v %q", list, entryTexts(t, a.store))
	}
}

// Keeping the entry's text sends the copy to the trash, where it can
// still be restored; keeping both leaves two ordinary entries.
func TestResolveKeepEntryAndKeepBoth(t *testing.T) {
	t.Parallel()
	for _, keep := range []Keep{KeepEntry, KeepBoth} {
		a, b, tool := pair(t)
		e := a.save(t, data.Entry{Story: "start", Intensity: 3})
		settleAll(t, tool, a, b)
		e.Story = "desk"
		a.save(t, e)
		eb := entryByUUID(t, b.store, e.UUID)
		eb.Story = "lap"
		b.save(t, eb)
		settleAll(t, tool, a, b)
		id := copyID(t, a.store)
		if err := Resolve(ctx, a.store, id, keep); err != nil {
			t.Fatal(err)
		}
		if err := Resolve(ctx, a.store, id, keep); !errors.Is(err, ErrNoConflict) {
			t.Errorf("resolving twice: %v", err)
		}
		settleAll(t, tool, a, b)
		sameJournals(t, a, b)
		n, _ := b.store.TrashCount()
		live := entryTexts(t, b.store)
		switch keep {
		case KeepEntry:
			if len(live) != 1 || n != 1 {
				t.Errorf("keep the entry: live %q, %d in the trash", live, n)
			}
		case KeepBoth:
			if len(live) != 2 || n != 0 {
				t.Errorf("keep both: live %q, %d in the trash", live, n)
			}
		}
	}
}
