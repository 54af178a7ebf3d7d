package replica

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/demo"
	"github.com/bothand/bothand/data/transfer"
)

// Budgets (issue 19): a round with nothing new ≤ 50 ms; applying 10,000
// changes ≤ 5 s; joining from a 100,000-entry journal's folder ≤ 60 s.
// Figures and commands in docs/PERFORMANCE.md.

// benchEntries makes n entries as a person would have written them, with
// tags, in one bulk write (captured like any other).
func benchEntries(n int, offset int) []data.Entry {
	list := make([]data.Entry, n)
	base := time.Now().Add(-time.Duration(n) * time.Minute)
	for i := range list {
		list[i] = data.Entry{
			HappenedAt: base.Add(time.Duration(i) * time.Minute),
			Trigger:    fmt.Sprintf("The school called during the %d o'clock meeting", i%12+1),
			Story:      fmt.Sprintf("I told myself I was failing them again, entry %d of a long week", i+offset),
			Friend:     "You were there for the parts that mattered, and you are trying.",
			Intensity:  i % 11,
			Tags:       []data.Tag{{Name: []string{"school", "work", "bedtime"}[i%3]}},
		}
	}
	return list
}

// BenchmarkSyncRoundNothingNew: a round on a 2,000-entry journal synced
// with two others, when no computer changed anything.
func BenchmarkSyncRoundNothingNew(b *testing.B) {
	devs, tool := threeDevices(b, 1)
	if err := transfer.ImportEntries(ctx, devs[0].store, benchEntries(2000, 0)); err != nil {
		b.Fatal(err)
	}
	converge(b, tool, devs)
	d := devs[1]
	b.ResetTimer()
	for b.Loop() {
		if res := d.round(b); res.Sent+res.Received != 0 {
			b.Fatalf("a round had work: %+v", res)
		}
	}
}

// BenchmarkSyncApply10000: another computer's 10,000 new entries (each
// one change, tags merged in) applied in one round.
func BenchmarkSyncApply10000(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		src, dst := newDevice(b, "desktop"), newDevice(b, "laptop")
		src.setup(b)
		tool := newSyncTool(b, 1, src.folder, dst.folder)
		tool.settle()
		dst.join(b)
		src.rep.opts = Options{Host: "desktop"}.withDefaults()
		dst.rep.opts = Options{Host: "laptop"}.withDefaults()
		if err := transfer.ImportEntries(ctx, src.store, benchEntries(10_000, 0)); err != nil {
			b.Fatal(err)
		}
		src.round(b)
		tool.settle()
		b.StartTimer()
		res := dst.round(b)
		b.StopTimer()
		if res.Received < 10_000 {
			b.Fatalf("applied %d changes", res.Received)
		}
		b.StartTimer()
	}
}

// BenchmarkSyncJoin100k: a new computer joins from the folder of the
// 100,000-entry demo journal (its first snapshot, every kind of record).
func BenchmarkSyncJoin100k(b *testing.B) {
	entries := 100_000
	if testing.Short() {
		entries = 5_000
	}
	path, err := demo.Copy(b.TempDir(), entries)
	if err != nil {
		b.Fatal(err)
	}
	src, err := data.Open(path, data.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	folder := filepath.Join(b.TempDir(), "sync")
	start := time.Now()
	if _, err := Setup(ctx, src, testKey, folder, "desktop", Options{Host: "desktop"}); err != nil {
		b.Fatal(err)
	}
	b.Logf("setting up (the first snapshot of %d entries) took %v", entries, time.Since(start).Round(time.Millisecond))
	for b.Loop() {
		b.StopTimer()
		d := newDevice(b, "laptop")
		var told []Progress
		opts := Options{Host: "laptop", Progress: func(p Progress) { told = append(told, p) }}
		start := time.Now()
		b.StartTimer()
		if _, err := Join(ctx, d.store, testKey, folder, "laptop", opts); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		b.Logf("joined in %v, progress told %d times", time.Since(start).Round(time.Millisecond), len(told))
		if n, err := d.store.CountEntries(data.EntryFilter{}); err != nil || n < entries*9/10 {
			b.Fatalf("joined with %d entries: %v", n, err)
		}
		if len(told) < 10 || told[len(told)-1].Done != told[len(told)-1].Total {
			b.Fatalf("progress: %d times, last %+v", len(told), told[len(told)-1])
		}
		b.StartTimer()
	}
}

// A join told to stop part-way (the window's Cancel) leaves the new
// journal as empty as it was, not syncing, ready to join again.
func TestJoinCancelledLeavesTheJournalEmpty(t *testing.T) {
	t.Parallel()
	a := newDevice(t, "desktop")
	if err := transfer.ImportEntries(ctx, a.store, benchEntries(1500, 0)); err != nil {
		t.Fatal(err)
	}
	a.setup(t)
	b := newDevice(t, "laptop")
	tool := newSyncTool(t, 1, a.folder, b.folder)
	tool.settle()
	c, cancel := context.WithCancel(ctx)
	var seen []Progress
	opts := testOpts("laptop")
	opts.Progress = func(p Progress) {
		seen = append(seen, p)
		if p.Done >= 600 {
			cancel()
		}
	}
	if _, err := Join(c, b.store, testKey, b.folder, "laptop", opts); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled join: %v", err)
	}
	if len(seen) < 2 || seen[0].Total < 1500 {
		t.Errorf("progress: %+v", seen)
	}
	if n, _ := b.store.CountEntries(data.EntryFilter{}); n != 0 {
		t.Errorf("%d entries after the cancelled join", n)
	}
	if ok, err := IsSetUp(ctx, b.store); ok || err != nil {
		t.Errorf("set up after the cancelled join: %v %v", ok, err)
	}
	b.join(t)
	sameJournals(t, a, b)
}

// BenchmarkSyncedSave: saving one entry with two tags in a journal that
// syncs (captured with its clocks), against the journal budget of 5 ms.
func BenchmarkSyncedSave(b *testing.B) {
	d := newDevice(b, "desktop")
	if err := transfer.ImportEntries(ctx, d.store, benchEntries(2000, 0)); err != nil {
		b.Fatal(err)
	}
	d.setup(b)
	i := 0
	for b.Loop() {
		i++
		d.save(b, data.Entry{Story: fmt.Sprint("saved while syncing ", i), Intensity: i % 11, Tags: []data.Tag{{Name: "school"}, {Name: "work"}}})
	}
}
