package app

import (
	"log/slog"
	"os"
	"runtime"
	"runtime/pprof"
)

// writeHeapProfile writes the live heap as the window quits, when
// BOTHAND_HEAP_PROFILE names a file, for
// `go tool pprof -sample_index=inuse_space bin/bothand FILE`: how the
// window's memory was found out (docs/PERFORMANCE.md).
func writeHeapProfile() {
	path := os.Getenv("BOTHAND_HEAP_PROFILE")
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
