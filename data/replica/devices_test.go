package replica

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
)

// A computer whose clock runs two hours fast neither wins every later
// edit nor loses any: an edit made after seeing its change wins, though
// the fast clock says it is older, and its own edits in the meantime are
// kept as usual.
func TestClockTwoHoursFast(t *testing.T) {
	t.Parallel()
	a, b, tool := pair(t)
	a.clock.skew(2 * time.Hour)
	e := a.save(t, data.Entry{Story: "from the fast clock", Intensity: 4})
	settleAll(t, tool, a, b)
	eb := entryByUUID(t, b.store, e.UUID)
	if eb.UpdatedAt.Before(time.Now().Add(time.Hour)) {
		t.Fatalf("the entry came with updated_at %v; the fast clock's", eb.UpdatedAt)
	}
	eb.Story, eb.Intensity = "edited on the right clock, after", 5
	b.save(t, eb)
	settleAll(t, tool, a, b)
	sameJournals(t, a, b)
	if got := entryByUUID(t, a.store, e.UUID); got.Story != "edited on the right clock, after" || got.Intensity != 5 {
		t.Errorf("the later edit lost to the fast clock: %q %d", got.Story, got.Intensity)
	}
	if list, _ := Conflicts(ctx, a.store); len(list) != 0 {
		t.Errorf("conflicts: %+v", list)
	}

	// Both edit at once: both texts are kept, whichever clock is right.
	e = entryByUUID(t, a.store, e.UUID)
	e.Story = "fast, at the same time"
	a.save(t, e)
	eb = entryByUUID(t, b.store, e.UUID)
	eb.Story = "slow, at the same time"
	b.save(t, eb)
	settleAll(t, tool, a, b)
	sameJournals(t, a, b)
	texts := entryTexts(t, a.store)
	if !slices.Contains(texts, "fast, at the same time") || !slices.Contains(texts, "slow, at the same time") {
		t.Errorf("texts: %q", texts)
	}
}

// A computer removed from the sync stops at its next round, with its
// unsent changes kept; the others stop keeping changes for it and tidy its
// files away; set up again it comes back as a new device and its changes
// go out.
func TestRemovedAndAddedAgain(t *testing.T) {
	t.Parallel()
	devs, tool := threeDevices(t, 11)
	a, b, c := devs[0], devs[1], devs[2]
	c.save(t, data.Entry{Story: "written on the old laptop", Intensity: 3})
	converge(t, tool, devs)
	oldID := c.rep.mustDevice(t)
	if err := a.rep.RemoveDevice(ctx, oldID); err != nil {
		t.Fatal(err)
	}
	tool.settle()
	b.round(t)
	tool.settle()
	c.save(t, data.Entry{Story: "written while removed", Intensity: 3})
	if _, err := c.rep.Round(ctx); !errors.Is(err, ErrRemoved) {
		t.Fatalf("the removed computer's round: %v", err)
	}
	st, err := StatusOf(ctx, c.store)
	if err != nil || !st.Removed || st.RemovedBy != "desktop" || st.Pending == 0 {
		t.Fatalf("removed computer's status: %+v %v", st, err)
	}
	for _, d := range []*computer{a, b} {
		st, err := StatusOf(ctx, d.store)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range st.Others {
			if o.ID == oldID && !o.Removed {
				t.Errorf("%s does not know the old laptop was removed", d.name)
			}
		}
	}
	for range 3 {
		for _, d := range []*computer{a, b} {
			d.round(t)
			tool.settle()
		}
	}
	if _, err := os.Stat(filepath.Join(a.folder, devicesDir, oldID)); !os.IsNotExist(err) {
		t.Errorf("the removed computer's files are still there: %v", err)
	}

	r, err := Setup(ctx, c.store, testKey, c.folder, "old laptop", testOpts("old laptop"))
	if err != nil {
		t.Fatal(err)
	}
	c.rep = r
	if c.rep.mustDevice(t) == oldID {
		t.Fatal("added again under the removed identity")
	}
	converge(t, tool, devs)
	if texts := entryTexts(t, a.store); !slices.Contains(texts, "written while removed") {
		t.Errorf("the change made while removed did not arrive: %q", texts)
	}
}

// A segment of a removed computer that arrives late is still applied.
func TestLateSegmentOfARemovedDevice(t *testing.T) {
	t.Parallel()
	a, b, tool := pair(t)
	settleAll(t, tool, a, b)
	b.save(t, data.Entry{Story: "last words", Intensity: 1})
	b.round(t) // written to b's folder, not yet copied
	if err := a.rep.RemoveDevice(ctx, b.rep.mustDevice(t)); err != nil {
		t.Fatal(err)
	}
	tool.settle()
	a.round(t)
	if texts := entryTexts(t, a.store); !slices.Contains(texts, "last words") {
		t.Errorf("the removed computer's last segment was not applied: %q", texts)
	}
}

// A journal copied to another computer (or moved) syncs there as a new
// device; one restored from an older backup too, and what it lost comes
// back from the folder.
func TestCopiedAndRestoredJournalsTakeNewIdentities(t *testing.T) {
	t.Parallel()
	a, b, tool := pair(t)
	a.save(t, data.Entry{Story: "one", Intensity: 1})
	settleAll(t, tool, a, b)
	before := b.rep.mustDevice(t)
	backup, err := b.store.Backup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b.save(t, data.Entry{Story: "written after the backup", Intensity: 1})
	settleAll(t, tool, a, b)
	if _, err := b.store.Restore(ctx, backup); err != nil {
		t.Fatal(err)
	}
	b.reopen(t)
	b.save(t, data.Entry{Story: "written after the restore", Intensity: 1})
	settleAll(t, tool, a, b)
	if b.rep.mustDevice(t) == before {
		t.Error("the restored journal kept its identity")
	}
	sameJournals(t, a, b)
	texts := entryTexts(t, a.store)
	for _, want := range []string{"one", "written after the backup", "written after the restore"} {
		if !slices.Contains(texts, want) {
			t.Errorf("missing %q: %q", want, texts)
		}
	}

	// The journal file copied to a third computer.
	c := newDevice(t, "copy")
	b.store.Close()
	c.store.Close()
	copyFile(t, b.store.Path(), c.store.Path())
	b.reopen(t)
	c.reopen(t)
	// The copy's sync tool keeps the folder where b's did, on its own disk.
	c.rep.folder.root = c.folder
	tool.folders = append(tool.folders, &toolFolder{root: c.folder, index: map[string][32]byte{}})
	c.save(t, data.Entry{Story: "written on the copy", Intensity: 1})
	b.save(t, data.Entry{Story: "written on the original", Intensity: 1})
	settleAll(t, tool, a, b, c)
	if c.rep.mustDevice(t) == b.rep.mustDevice(t) {
		t.Fatal("the copy kept the original's identity")
	}
	sameJournals(t, a, b, c)
	texts = entryTexts(t, a.store)
	for _, want := range []string{"written on the copy", "written on the original"} {
		if !slices.Contains(texts, want) {
			t.Errorf("missing %q", want)
		}
	}
}

func copyFile(t testing.TB, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// A computer away for longer than StaleAfter no longer holds back the
// deletion of old segments; when it comes back it finds them gone, catches
// up from the snapshots, and what it changed while away (an entry's text
// the others changed too) merges with the rules of any round.
func TestAwayForMonthsCatchesUpFromSnapshots(t *testing.T) {
	t.Parallel()
	devs, tool := threeDevices(t, 31)
	a, b, c := devs[0], devs[1], devs[2]
	for _, d := range devs {
		d.rep.opts.StaleAfter = time.Minute
	}
	e := a.save(t, data.Entry{Story: "before the trip", Intensity: 3})
	converge(t, tool, devs)

	ec := entryByUUID(t, c.store, e.UUID)
	ec.Story = "written on the trip, never synced"
	c.save(t, ec)
	a.clock.skew(2 * time.Minute)
	b.clock.skew(2 * time.Minute)
	e.Story = "changed at home meanwhile"
	a.save(t, e)
	for i := range 60 {
		d := []*computer{a, b}[i%2]
		d.save(t, data.Entry{Story: fmt.Sprint("while away ", i), Intensity: i % 11})
		d.round(t)
		tool.settle()
	}
	for range 3 {
		for _, d := range []*computer{a, b} {
			d.round(t)
			tool.settle()
		}
	}
	aSegs, _ := a.rep.folder.segments(a.rep.mustDevice(t))
	if len(aSegs) > 0 && aSegs[0] <= 2 {
		t.Fatalf("the desktop kept its first segments for the computer away: %v", aSegs)
	}
	tool.settle()
	if res := c.round(t); res.CaughtUp == 0 {
		t.Errorf("coming back did not catch up from a snapshot: %+v", res)
	}
	converge(t, tool, devs)
	if list, _ := Conflicts(ctx, c.store); len(list) != 1 {
		t.Errorf("conflicted copies: %+v", list)
	}
	texts := entryTexts(t, c.store)
	for _, want := range []string{"written on the trip, never synced", "changed at home meanwhile", "while away 59"} {
		if !slices.Contains(texts, want) {
			t.Errorf("after coming back, missing %q", want)
		}
	}
}

// Renaming this computer reaches the others; stopping leaves the journal
// as it was, captures nothing more, and the journal can be set up afresh
// in another folder.
func TestRenameAndStop(t *testing.T) {
	t.Parallel()
	a, b, tool := pair(t)
	settleAll(t, tool, a, b)
	if err := b.rep.Rename(ctx, "  Sam's laptop "); err != nil {
		t.Fatal(err)
	}
	settleAll(t, tool, a, b)
	st, _ := StatusOf(ctx, a.store)
	if len(st.Others) != 1 || st.Others[0].Name != "Sam's laptop" {
		t.Errorf("the desktop sees %+v", st.Others)
	}
	if err := b.rep.Rename(ctx, " "); err == nil {
		t.Error("an empty name was taken")
	}
	a.save(t, data.Entry{Story: "kept", Intensity: 1})
	if err := Stop(ctx, a.store); err != nil {
		t.Fatal(err)
	}
	a.save(t, data.Entry{Story: "after stopping", Intensity: 1})
	if ok, _ := IsSetUp(ctx, a.store); ok {
		t.Error("still set up")
	}
	if got := outboxOps(t, a.store); len(got) != 0 {
		t.Errorf("captured after stopping: %+v", got)
	}
	if texts := entryTexts(t, a.store); len(texts) != 2 {
		t.Errorf("entries: %q", texts)
	}
	a.folder = filepath.Join(t.TempDir(), "elsewhere")
	a.setup(t)
}

// A journal just joined lists the computer it joined from, by name,
// before its first round.
func TestJoinedJournalKnowsTheOthers(t *testing.T) {
	t.Parallel()
	_, b, _ := pair(t)
	st, err := StatusOf(ctx, b.store)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Others) != 1 || st.Others[0].Name != "desktop" || st.Others[0].LastSeen.IsZero() {
		t.Errorf("the others after joining: %+v", st.Others)
	}
}
