package data_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// A newcomer finds their way by folders and files: no package folder holds
// more than maxFiles Go files (tests aside) and no such file is longer
// than maxLines. A folder that grows past it splits by what its parts are
// about (docs/ARCHITECTURE.md), a file by concern.
const (
	maxFiles = 50
	maxLines = 450
)

// goFile is one non-test Go file of the module: its folder, name and length.
type goFile struct {
	dir, name string
	lines     int
}

// sizeViolations lists every folder with too many files and every file
// too long, one line each.
func sizeViolations(files []goFile) []string {
	var bad []string
	perDir := map[string]int{}
	for _, f := range files {
		perDir[f.dir]++
		if f.lines > maxLines {
			bad = append(bad, fmt.Sprintf("%s: %d lines (at most %d)", filepath.Join(f.dir, f.name), f.lines, maxLines))
		}
	}
	for dir, n := range perDir {
		if n > maxFiles {
			bad = append(bad, fmt.Sprintf("%s/: %d Go files besides tests (at most %d)", dir, n, maxFiles))
		}
	}
	sort.Strings(bad)
	return bad
}

// moduleFiles reads every non-test Go file under the module's root.
func moduleFiles(t *testing.T) []goFile {
	t.Helper()
	root := ".." // the module's root
	var files []goFile
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		files = append(files, goFile{dir: filepath.ToSlash(rel), name: d.Name(), lines: bytes.Count(b, []byte("\n"))})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 100 {
		t.Fatalf("found only %d Go files", len(files))
	}
	return files
}

func TestPackagesStaySmall(t *testing.T) {
	t.Parallel()
	for _, v := range sizeViolations(moduleFiles(t)) {
		t.Error(v)
	}
}

// The check itself, on a made-up module that breaks both rules.
func TestPackagesStaySmallCatchesEachViolation(t *testing.T) {
	t.Parallel()
	var files []goFile
	for i := range maxFiles + 1 {
		files = append(files, goFile{dir: "app", name: fmt.Sprintf("f%d.go", i), lines: 10})
	}
	files = append(files, goFile{dir: "data", name: "long.go", lines: maxLines + 1}, goFile{dir: "data", name: "fine.go", lines: maxLines})
	got := sizeViolations(files)
	want := []string{
		"app/: 51 Go files besides tests (at most 50)",
		filepath.Join("data", "long.go") + ": 451 lines (at most 450)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
