package demo

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/bothand/bothand/data"
)

// GeneratorVersion names what Fill generates. Bump it whenever a step is
// added or changed, so cached benchmark journals are made anew.
const GeneratorVersion = 7

// BenchNow is the fixed "now" of cached journals, so cached files and the
// benchmarks that query them agree on dates.
var BenchNow = time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)

// Copy returns a private copy of a cached demo journal with the given number
// of entries (seed 1, ending at BenchNow), generating the cached original
// the first time. Generating 100,000 entries takes most of a minute, so
// benchmarks share one original per generator and schema version, kept in
// the user's cache folder; each caller gets its own copy to write into.
func Copy(dir string, entries int) (string, error) {
	orig, err := cached(entries)
	if err != nil {
		return "", err
	}
	dst := filepath.Join(dir, fmt.Sprintf("demo-%d.db", entries))
	if err := copyFile(orig, dst); err != nil {
		return "", err
	}
	return dst, nil
}

func cached(entries int) (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	dir := filepath.Join(base, "bothand-bench")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	var names []string
	for _, st := range steps {
		names = append(names, st.name)
	}
	// The bank's text is part of the key, so editing a phrase makes the
	// journal anew even when nobody bumps the version.
	key := fmt.Sprintf("g%d-s%d-%d-%x-%x", GeneratorVersion, data.SchemaVersion(), entries, hash(strings.Join(names, ",")), bankHash(bankFiles))
	path := filepath.Join(dir, "demo-"+key+".db")
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	tmp, err := os.MkdirTemp(dir, "gen-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	gen := filepath.Join(tmp, "demo.db")
	s, err := data.Open(gen, data.Options{Now: func() time.Time { return BenchNow }})
	if err != nil {
		return "", err
	}
	if err := Fill(s, Options{Entries: entries, Seed: 1, Now: BenchNow}); err != nil {
		s.Close()
		return "", err
	}
	if err := s.Close(); err != nil { // checkpoints the WAL into the file
		return "", err
	}
	return path, os.Rename(gen, path)
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// bankHash is a hash of every file of the phrase bank.
func bankHash(fsys fs.FS) uint32 {
	names, _ := fs.Glob(fsys, "bank/*.txt")
	var all strings.Builder
	for _, n := range names {
		b, _ := fs.ReadFile(fsys, n)
		all.WriteString(n)
		all.Write(b)
	}
	return hash(all.String())
}

func hash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}
