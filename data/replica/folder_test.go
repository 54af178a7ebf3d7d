package replica

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/replica/seal"
)

// What sync tools leave in the folder is never taken for a segment,
// snapshot or device.
func TestLeftoversAreIgnored(t *testing.T) {
	t.Parallel()
	f := &folder{root: t.TempDir()}
	dev := "01a24c4e-08a4-7527-9d2e-40ac3ade62f7"
	dir := f.deviceDir(dev)
	os.MkdirAll(dir, 0o700)
	for _, name := range []string{
		"0000000000000001.seg", "0000000000000003.snap", "state",
		"0000000000000002 (conflicted copy).seg", "0000000000000002 (Sam's conflicted copy 2026-12-07).seg",
		"0000000000000002.sync-conflict-20261207-101112-ABCDEFG.seg", "~$0000000000000002.seg",
		".syncthing.0000000000000002.seg.tmp", "0000000000000002.seg.partial", ".~lock.0000000000000002.seg#",
		".tmp-0000000000000002.seg-1a2b3c", "0000000000000002.seg~", "0000000000000000.seg", "000000000000002.seg",
		"desktop.ini", ".DS_Store",
	} {
		os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o600)
	}
	os.MkdirAll(filepath.Join(f.root, devicesDir, "not-a-device"), 0o700)
	os.MkdirAll(filepath.Join(f.root, devicesDir, strings.ToUpper(dev)), 0o700)
	os.MkdirAll(filepath.Join(f.root, devicesDir, dev+" (conflicted copy)"), 0o700)
	segs, _ := f.segments(dev)
	snaps, _ := f.snapshots(dev)
	devs, _ := f.devices()
	if !slices.Equal(segs, []int64{1}) || !slices.Equal(snaps, []int64{3}) || !slices.Equal(devs, []string{dev}) {
		t.Errorf("segments %v, snapshots %v, devices %v", segs, snaps, devs)
	}
}

// A segment copied under another number or into another device's folder
// (replayed, or renamed by a tool) is refused, not applied; one cut short
// waits until it arrives whole.
func TestRenamedReplayedAndPartialSegments(t *testing.T) {
	t.Parallel()
	a, b, tool := pair(t)
	settleAll(t, tool, a, b)
	aID := a.rep.mustDevice(t)
	for i := range 3 {
		a.save(t, data.Entry{Story: "entry " + string(rune('A'+i)), Intensity: 1})
		a.round(t)
	}
	segs, _ := a.rep.folder.segments(aID)
	if len(segs) < 3 {
		t.Fatalf("segments %v", segs)
	}
	first, last := segs[0], segs[len(segs)-1]
	body, _ := os.ReadFile(filepath.Join(a.rep.folder.deviceDir(aID), segName(first)))
	if err := os.WriteFile(filepath.Join(a.rep.folder.deviceDir(aID), segName(last+1)), body, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := a.rep.folder.readSegment(aID, last+1); !errors.Is(err, seal.ErrRefused) {
		t.Errorf("a segment copied as the next one: %v", err)
	}
	bID := b.rep.mustDevice(t)
	os.MkdirAll(a.rep.folder.deviceDir(bID), 0o700)
	os.WriteFile(filepath.Join(a.rep.folder.deviceDir(bID), segName(1)), body, 0o600)
	if _, err := a.rep.folder.readSegment(bID, 1); !errors.Is(err, seal.ErrRefused) {
		t.Errorf("a segment copied into another device's folder: %v", err)
	}
	os.Remove(filepath.Join(a.rep.folder.deviceDir(aID), segName(last+1)))
	os.RemoveAll(a.rep.folder.deviceDir(bID))

	// b gets the last segment cut short first.
	tool.settle()
	path := filepath.Join(b.rep.folder.deviceDir(aID), segName(last))
	whole, _ := os.ReadFile(path)
	os.WriteFile(path, whole[:len(whole)/2], 0o600)
	b.round(t)
	st, _ := StatusOf(ctx, b.store)
	if len(entryTexts(t, b.store)) != 2 || len(st.Others) != 1 || st.Others[0].Problem == "" {
		t.Fatalf("with the last segment cut short: %q, %+v", entryTexts(t, b.store), st.Others)
	}
	os.WriteFile(path, whole, 0o600)
	b.round(t)
	st, _ = StatusOf(ctx, b.store)
	if len(entryTexts(t, b.store)) != 3 || st.Others[0].Problem != "" {
		t.Fatalf("once whole: %q, %+v", entryTexts(t, b.store), st.Others)
	}
}

// A folder set up for one journal can't be set up for another, a journal
// that is not new can't join, and a wrong key is told apart.
func TestSetupAndJoinRefuseWhatTheyShould(t *testing.T) {
	t.Parallel()
	a := newDevice(t, "desktop")
	a.setup(t)
	other := newDevice(t, "other")
	if _, err := Setup(ctx, other.store, testKey, a.folder, "other", testOpts("other")); !errors.Is(err, ErrFolderInUse) {
		t.Errorf("setting up in a sync folder: %v", err)
	}
	os.MkdirAll(other.folder, 0o700)
	os.WriteFile(filepath.Join(other.folder, "holiday.jpg"), []byte("x"), 0o600)
	if _, err := Setup(ctx, other.store, testKey, other.folder, "other", testOpts("other")); !errors.Is(err, ErrFolderInUse) {
		t.Errorf("setting up in a folder with files: %v", err)
	}
	wrong := make([]byte, 32)
	if _, err := Join(ctx, other.store, wrong, a.folder, "other", testOpts("other")); !errors.Is(err, ErrWrongKey) {
		t.Errorf("joining with another key: %v", err)
	}
	other.save(t, data.Entry{Story: "mine", Intensity: 1})
	if _, err := Join(ctx, other.store, testKey, a.folder, "other", testOpts("other")); !errors.Is(err, ErrNotEmpty) {
		t.Errorf("joining with a journal that has entries: %v", err)
	}
	if _, err := Join(ctx, newDevice(t, "x").store, testKey, t.TempDir(), "x", testOpts("x")); !errors.Is(err, ErrNotSyncFolder) {
		t.Errorf("joining an empty folder: %v", err)
	}
	if _, err := Open(newDevice(t, "y").store, testKey, testOpts("y")); !errors.Is(err, ErrNotSetUp) {
		t.Errorf("opening the sync of a journal that has none: %v", err)
	}
}

// A segment written by a newer Both/And (a newer journal schema, whose
// records may have fields this one lacks) waits, with a problem that says
// to update, rather than being applied in part.
func TestSegmentOfANewerVersionWaits(t *testing.T) {
	t.Parallel()
	a, b, tool := pair(t)
	settleAll(t, tool, a, b)
	aID := a.rep.mustDevice(t)
	segs, _ := b.rep.folder.segments(aID)
	next := int64(1)
	if len(segs) > 0 {
		next = segs[len(segs)-1] + 1
	}
	seg := &segment{
		Version: segmentVersion, Schema: data.SchemaVersion() + 1, Device: aID, Seq: next,
		Ops: []op{{N: 1000, H: 1, T: "entries", I: "01a24c4e-08a4-7527-9d2e-40ac3ade62f7", K: "set", F: map[string]any{"mood": "calm"}}},
	}
	if err := b.rep.folder.writeSegment(seg); err != nil {
		t.Fatal(err)
	}
	if _, err := b.rep.folder.readSegment(aID, next); !errors.Is(err, ErrNewerSegment) {
		t.Fatalf("reading it: %v", err)
	}
	b.round(t)
	st, _ := StatusOf(ctx, b.store)
	if len(st.Others) != 1 || !strings.Contains(st.Others[0].Problem, "newer version") {
		t.Errorf("status: %+v", st.Others)
	}
}

// A sync folder that is not there (a drive not connected) is said plainly,
// at open and at a round, and the journal's status still reads.
func TestMissingFolderIsSaidPlainly(t *testing.T) {
	t.Parallel()
	a := newDevice(t, "desktop")
	a.setup(t)
	moved := a.folder + "-elsewhere"
	if err := os.Rename(a.folder, moved); err != nil {
		t.Fatal(err)
	}
	if _, err := a.rep.Round(ctx); err == nil || !strings.Contains(err.Error(), "is not there") {
		t.Errorf("round: %v", err)
	}
	if _, err := Open(a.store, testKey, testOpts("desktop")); err == nil || !strings.Contains(err.Error(), "is not there") {
		t.Errorf("open: %v", err)
	}
	if st, err := StatusOf(ctx, a.store); err != nil || !strings.Contains(st.LastError, "is not there") {
		t.Errorf("status: %+v %v", st, err)
	}
	os.Rename(moved, a.folder)
	a.round(t)
}
