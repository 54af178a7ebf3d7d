package logs

import (
	"log/slog"
	"os"
	"runtime"
	"runtime/pprof"
)

// heapProfileVar names the file WriteHeapProfile writes.
const heapProfileVar = "BOTHAND_HEAP_PROFILE"

// WriteHeapProfile writes the live heap, when the environment variable
// BOTHAND_HEAP_PROFILE names a file, for
// `go tool pprof -sample_index=inuse_space bin/bothand FILE`: the window
// calls it as it quits, which is how its memory was found out
// (docs/PERFORMANCE.md). A file that can't be written is logged, since
// the run itself went well.
func WriteHeapProfile() {
	path := os.Getenv(heapProfileVar)
	if path == "" {
		return
	}
	runtime.GC() // the live heap, not what awaits collection
	f, err := os.Create(path)
	if err == nil {
		err = pprof.Lookup("heap").WriteTo(f, 0)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		slog.Warn("the heap profile could not be written", "file", path, "err", err)
	}
}
