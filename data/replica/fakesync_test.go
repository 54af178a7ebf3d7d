package replica

import (
	"crypto/sha256"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// syncTool stands in for Syncthing or Dropbox between the devices' copies
// of the sync folder: it keeps a copy of its own (the "cloud"), and each
// pass takes every folder's local changes (new, changed, deleted files) up
// and brings the others' down. Unless told to behave, it is unreliable the
// ways real ones are: files arrive late, in random order, twice, first cut
// short (as a half-finished download under the final name), and beside
// them it leaves conflict copies and temporary files of its own.
type syncTool struct {
	t       testing.TB
	rng     *rand.Rand
	cloud   map[string][]byte
	folders []*toolFolder
	// chances, 0 to 1, of each misbehaviour per file per pass
	late, partial, twice, litter float64
}

type toolFolder struct {
	root  string
	index map[string][32]byte // what the folder held after the last pass
}

func newSyncTool(t testing.TB, seed uint64, roots ...string) *syncTool {
	st := &syncTool{t: t, rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), cloud: map[string][]byte{}}
	for _, r := range roots {
		st.folders = append(st.folders, &toolFolder{root: r, index: map[string][32]byte{}})
	}
	return st
}

// unreliable sets every misbehaviour's chance.
func (st *syncTool) unreliable() *syncTool {
	st.late, st.partial, st.twice, st.litter = 0.3, 0.1, 0.1, 0.05
	return st
}

func (tf *toolFolder) scan(t testing.TB) map[string][]byte {
	files := map[string][]byte{}
	err := filepath.WalkDir(tf.root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) {
				return nil
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(tf.root, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return files
}

// pass syncs every folder with the cloud once, in random order.
func (st *syncTool) pass() {
	for _, i := range st.rng.Perm(len(st.folders)) {
		st.up(st.folders[i])
	}
	for _, i := range st.rng.Perm(len(st.folders)) {
		st.down(st.folders[i], true)
	}
}

// settle brings every folder level with the cloud, without mischief, as
// a sync tool does once it has caught up.
func (st *syncTool) settle() {
	for _, f := range st.folders {
		st.up(f)
	}
	for _, f := range st.folders {
		st.down(f, false)
	}
}

func (st *syncTool) up(f *toolFolder) {
	files := f.scan(st.t)
	for p, b := range files {
		if h := sha256.Sum256(b); f.index[p] != h {
			st.cloud[p] = b
			f.index[p] = h
		}
	}
	for p := range f.index {
		if _, ok := files[p]; !ok {
			if _, inCloud := st.cloud[p]; inCloud && sha256.Sum256(st.cloud[p]) == f.index[p] {
				delete(st.cloud, p)
			}
			delete(f.index, p)
		}
	}
}

func (st *syncTool) down(f *toolFolder, mischief bool) {
	paths := make([]string, 0, len(st.cloud))
	for p := range st.cloud {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	st.rng.Shuffle(len(paths), func(i, j int) { paths[i], paths[j] = paths[j], paths[i] })
	for _, p := range paths {
		b := st.cloud[p]
		h := sha256.Sum256(b)
		if f.index[p] == h {
			if mischief && st.rng.Float64() < st.twice {
				st.write(f, p, b)
			}
			continue
		}
		if mischief && st.rng.Float64() < st.late {
			continue
		}
		if mischief && len(b) > 1 && st.rng.Float64() < st.partial {
			cut := b[:st.rng.IntN(len(b))]
			st.write(f, p, cut)
			f.index[p] = sha256.Sum256(cut)
			continue
		}
		st.write(f, p, b)
		f.index[p] = h
		if mischief && st.rng.Float64() < st.litter {
			st.leaveLitter(f, p, b)
		}
	}
	for p := range f.index {
		if _, ok := st.cloud[p]; !ok {
			os.Remove(filepath.Join(f.root, filepath.FromSlash(p)))
			delete(f.index, p)
		}
	}
}

func (st *syncTool) write(f *toolFolder, p string, b []byte) {
	full := filepath.Join(f.root, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(full), 0o700); err != nil {
		st.t.Fatal(err)
	}
	if err := os.WriteFile(full, b, 0o600); err != nil {
		st.t.Fatal(err)
	}
}

// leaveLitter leaves what sync tools leave beside a file: a conflict copy
// (of this file or a cut-off one), a temporary download, an Office lock.
func (st *syncTool) leaveLitter(f *toolFolder, p string, b []byte) {
	dir, name := filepath.Split(p)
	ext := filepath.Ext(name)
	base := strings.TrimSuffix(name, ext)
	names := []string{
		base + ".sync-conflict-20261207-101112-ABCDEFG" + ext,
		base + " (conflicted copy 2026-12-07)" + ext,
		base + " (Sam's conflicted copy)" + ext,
		"~$" + name,
		".syncthing." + name + ".tmp",
		name + ".partial",
		".~" + name,
	}
	litter := names[st.rng.IntN(len(names))]
	content := b
	if st.rng.IntN(2) == 0 {
		content = b[:len(b)/2]
	}
	st.write(f, dir+litter, content)
}
