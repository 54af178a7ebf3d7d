package data

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// The tests in this file run on Windows, and under Wine by `make
// test-windows`, where the rest of the package's tests don't: Go 1.26's
// os.RemoveAll (t.TempDir's cleanup) fails on Wine 8 with "Invalid
// function", while the os.Remove the app itself uses works.

// tempDir is t.TempDir cleaned up with os.Remove, file by file.
func tempDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "bothand-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		var paths []string
		_ = filepath.WalkDir(dir, func(p string, _ os.DirEntry, _ error) error {
			paths = append(paths, p)
			return nil
		})
		sort.Sort(sort.Reverse(sort.StringSlice(paths))) // children before their folder
		for _, p := range paths {
			_ = os.Remove(p)
		}
	})
	return dir
}

// A journal opens, is backed up and restored at drive-letter paths written
// the ways Windows programs hand them over (backslashes, a file dialog's
// forward slashes, the \\?\ long-path form), in folders whose names a URI
// treats specially.
func TestWindowsJournalPaths(t *testing.T) {
	root := tempDir(t)
	if !isDrive(root) {
		t.Fatalf("temp folder %q has no drive letter", root)
	}
	clock := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)
	for _, name := range []string{"My Journal", "notes #3", "100% me", "Zoë's Документы"} {
		dir := filepath.Join(root, name)
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		native := filepath.Join(dir, "journal.db")
		for _, path := range []string{native, filepath.ToSlash(native), `\\?\` + native} {
			clock = clock.Add(time.Minute)
			now := clock
			s, err := Open(path, Options{Now: func() time.Time { return now }})
			if err != nil {
				t.Errorf("Open(%q): %v", path, err)
				continue
			}
			if strings.TrimPrefix(s.Path(), `\\?\`) != native {
				t.Errorf("Open(%q).Path() = %q", path, s.Path())
			}
			if _, err := s.SaveEntry(Entry{HappenedAt: now, Trigger: "Late to pick-up", Intensity: 5}, 0); err != nil {
				t.Errorf("%s: save: %v", path, err)
			}
			backup, err := s.Backup(context.Background())
			if err != nil {
				t.Errorf("%s: backup: %v", path, err)
				s.Close()
				continue
			}
			if want := filepath.Join(dir, "backups"); filepath.Dir(strings.TrimPrefix(backup, `\\?\`)) != want {
				t.Errorf("%s: backup at %s, want it in %s", path, backup, want)
			}
			if _, err := s.Restore(context.Background(), backup); err != nil {
				t.Errorf("%s: restore: %v", path, err)
			}
		}
		list, err := ListBackups(native)
		if err != nil || len(list) != 6 {
			t.Errorf("%s: %d backups listed (want 3 made and 3 saved before restoring), %v", name, len(list), err)
		}
		s, err := Open(native, Options{})
		if err != nil {
			t.Fatalf("reopening %s: %v", native, err)
		}
		if n, err := s.CountEntries(EntryFilter{}); err != nil || n != 3 {
			t.Errorf("%s: %d entries after the restores, %v", name, n, err)
		}
		s.Close()
	}
}

// A path Windows can't hold says so, and no file appears.
func TestWindowsBrokenPaths(t *testing.T) {
	root := tempDir(t)
	for _, path := range []string{
		filepath.Join(root, "what?", "journal.db"),
		filepath.Join(root, "a|b.db"),
		`\\.\pipe\bothand`,
	} {
		s, err := Open(path, Options{})
		if err == nil {
			s.Close()
		}
		if oe, ok := err.(*OpenError); !ok || oe.Kind != ErrBadPath {
			t.Errorf("Open(%q) = %v, want ErrBadPath", path, err)
		}
	}
	if items, _ := os.ReadDir(root); len(items) != 0 {
		t.Errorf("files appeared: %v", items)
	}
}

func TestWindowsDefaultPath(t *testing.T) {
	local := os.Getenv("LOCALAPPDATA")
	if local == "" {
		t.Skip("no LOCALAPPDATA")
	}
	if got, want := DefaultPath(), filepath.Join(local, "bothand", "journal.db"); got != want {
		t.Errorf("DefaultPath() = %q, want %q", got, want)
	}
	fmt.Println("default journal:", DefaultPath())
}
