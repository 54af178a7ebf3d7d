package logs

import (
	"compress/gzip"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The heap profile is a gzip-compressed pprof file, written only when the
// variable names one.
func TestHeapProfileIsWrittenOnlyWhenAsked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "heap.pprof")
	t.Setenv(heapProfileVar, "")
	WriteHeapProfile()
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("a profile was written unasked: %v", err)
	}

	t.Setenv(heapProfileVar, path)
	WriteHeapProfile()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("not a pprof file: %v", err)
	}
	raw, err := io.ReadAll(z)
	if err != nil || len(raw) < 100 {
		t.Fatalf("the profile holds %d bytes (%v)", len(raw), err)
	}
}

// A profile that can't be written is logged, and the quit goes on.
func TestHeapProfileToAMissingFolderIsLogged(t *testing.T) {
	restoreDefault(t)
	var got strings.Builder
	slog.SetDefault(slog.New(slog.NewTextHandler(&got, nil)))
	t.Setenv(heapProfileVar, filepath.Join(t.TempDir(), "no-such-folder", "heap.pprof"))
	WriteHeapProfile()
	if !strings.Contains(got.String(), "the heap profile could not be written") {
		t.Errorf("nothing logged: %q", got.String())
	}
}
