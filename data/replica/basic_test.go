package replica

import (
	"testing"

	"github.com/bothand/bothand/data"
)

// Two journals kept in step: one set up, the other joined, each writing
// entries the other then holds.
func TestSetupJoinAndRoundsKeepTwoJournalsInStep(t *testing.T) {
	t.Parallel()
	a, b := newDevice(t, "desktop"), newDevice(t, "laptop")
	a.save(t, data.Entry{
		Trigger: "Missed the assembly", Story: "I always let them down", Intensity: 7,
		Tags: []data.Tag{{Name: "school"}, {Name: "Visibility trap"}},
	})
	a.setup(t)
	a.save(t, data.Entry{Story: "Worked through bedtime", Intensity: 5})
	tool := newSyncTool(t, 1, a.folder, b.folder)
	a.round(t)
	tool.settle()
	b.join(t)
	sameJournals(t, a, b)

	b.save(t, data.Entry{Story: "Late for pickup", Intensity: 6, Tags: []data.Tag{{Name: "school"}}})
	b.round(t)
	tool.settle()
	res := a.round(t)
	if res.Received == 0 {
		t.Fatalf("a received nothing: %+v", res)
	}
	sameJournals(t, a, b)
	if got := entryTexts(t, a.store); len(got) != 3 {
		t.Fatalf("a has %q", got)
	}
}

func TestWatchPathsNameEveryDevicesFolder(t *testing.T) {
	t.Parallel()
	a, b, tool := pair(t)
	settleAll(t, tool, a, b)
	paths := a.rep.WatchPaths()
	if len(paths) != 4 || paths[0] != a.rep.Folder() {
		t.Errorf("watch paths: %q", paths)
	}
}
