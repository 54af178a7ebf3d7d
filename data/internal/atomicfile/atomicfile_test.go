package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

func TestWriteReplacesWhole(t *testing.T) {
	path := filepath.Join(t.TempDir(), "keys")
	if err := WriteBytes(path, 0o600, []byte("old")); err != nil {
		t.Fatal(err)
	}
	if err := WriteBytes(path, 0o600, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "new" {
		t.Fatalf("read %q, %v", b, err)
	}
	if fi, _ := os.Stat(path); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), TempPrefix+"*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// A write that fails half way leaves the old content and no temporary file.
func TestAFailedWriteLeavesTheOld(t *testing.T) {
	path := filepath.Join(t.TempDir(), "segment")
	if err := WriteBytes(path, 0o600, []byte("old")); err != nil {
		t.Fatal(err)
	}
	broken := errors.New("the disk went away")
	err := Write(path, 0o600, func(w io.Writer) error {
		_, _ = w.Write([]byte("ne"))
		return broken
	})
	if !errors.Is(err, broken) {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("the file now holds %q", b)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), TempPrefix+"*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestRemoveStaleKeepsRecentOnes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "keys")
	old := filepath.Join(dir, TempPrefix+"keys-1")
	recent := filepath.Join(dir, TempPrefix+"keys-2")
	other := filepath.Join(dir, TempPrefix+"slip-3")
	for _, p := range []string{old, recent, other} {
		if err := os.WriteFile(p, nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	hours := time.Now().Add(-2 * time.Hour)
	_ = os.Chtimes(old, hours, hours)
	_ = os.Chtimes(other, hours, hours)
	RemoveStale(path)
	for p, want := range map[string]bool{old: false, recent: true, other: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s there: %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}
