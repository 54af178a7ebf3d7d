package replica

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"time"

	"github.com/google/uuid"

	"github.com/bothand/bothand/data/internal/atomicfile"
	"github.com/bothand/bothand/data/replica/seal"
)

// The folder's layout (docs/SYNC.md):
//
//	bothand-sync.json                 which journal the folder is for (no secrets)
//	journal.keys                      the journal's keys file, so a new computer can join
//	devices/<device-uuid>/state       what that computer has written and seen
//	devices/<device-uuid>/<seq>.seg   its changes, numbered, each written once
//	devices/<device-uuid>/<seq>.snap  a snapshot of the whole journal as it saw it
//
// Each computer writes only beneath its own devices/<uuid>/, so the sync
// tool never sees two writers on one path. Every other name is ignored:
// half-copied and temporary files, a sync tool's conflict copies
// ("….sync-conflict-…", "… (conflicted copy)…"), Office's "~$…" files.
const (
	markerName = "bothand-sync.json"
	keysName   = "journal.keys"
	devicesDir = "devices"
	stateName  = "state"
)

var (
	segmentName  = regexp.MustCompile(`^([0-9]{16})\.seg$`)
	snapshotName = regexp.MustCompile(`^([0-9]{16})\.snap$`)
	// temporary files of our own writes, removed when a crash left them.
	tempName = regexp.MustCompile(`^` + regexp.QuoteMeta(atomicfile.TempPrefix) + `.*$`)
)

func segName(seq int64) string  { return fmt.Sprintf("%016d.seg", seq) }
func snapName(seq int64) string { return fmt.Sprintf("%016d.snap", seq) }

// folder is a sync folder opened with the journal's key.
type folder struct {
	root    string
	journal string
	key     *seal.Key
}

func (f *folder) deviceDir(dev string) string { return filepath.Join(f.root, devicesDir, dev) }

// ad binds a sealed file to what it is: the journal, the kind of file,
// the device that wrote it and its number. A file copied under another
// name does not open.
func (f *folder) ad(what, dev string, seq int64) []byte {
	return fmt.Appendf(nil, "bothand-sync v1|%s|%s|%s|%d", f.journal, what, dev, seq)
}

// devices lists the device folders, by their UUIDs; anything else in
// devices/ is ignored.
func (f *folder) devices() ([]string, error) {
	ents, err := os.ReadDir(filepath.Join(f.root, devicesDir))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		if u, err := uuid.Parse(e.Name()); err == nil && u.String() == e.Name() {
			out = append(out, e.Name())
		}
	}
	return out, nil
}

// numbered lists the sequence numbers of a device's files matching re, in
// order.
func (f *folder) numbered(dev string, re *regexp.Regexp) ([]int64, error) {
	ents, err := os.ReadDir(f.deviceDir(dev))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []int64
	for _, e := range ents {
		m := re.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		n, err := strconv.ParseInt(m[1], 10, 64)
		if err == nil && n > 0 {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out, nil
}

func (f *folder) segments(dev string) ([]int64, error)  { return f.numbered(dev, segmentName) }
func (f *folder) snapshots(dev string) ([]int64, error) { return f.numbered(dev, snapshotName) }

// writeOnce writes a new file at dir/name so that it appears whole or not
// at all: a temporary file beside it is written and synced, renamed into
// place, and the folder synced so the rename survives a power cut. It
// refuses to replace a file that exists (a segment is never modified)
// unless replace is set (the device's own state file).
func writeOnce(dir, name string, replace bool, write func(io.Writer) error) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	final := filepath.Join(dir, name)
	if !replace {
		if _, err := os.Lstat(final); err == nil {
			return fmt.Errorf("%s exists already", final)
		}
	}
	return atomicfile.Write(final, 0o600, write)
}

// removeStaleTemps deletes the temporary files a crash left in dir: an hour
// old, so that no write in progress loses its file.
func removeStaleTemps(dir string, now time.Time) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		if !tempName.MatchString(e.Name()) {
			continue
		}
		if fi, err := e.Info(); err == nil && now.Sub(fi.ModTime()) > time.Hour {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// sealedWrite writes a sealed file with writeOnce.
func (f *folder) sealedWrite(dev, name string, ad []byte, replace bool, write func(io.Writer) error) error {
	return writeOnce(f.deviceDir(dev), name, replace, func(w io.Writer) error {
		sw, err := f.key.NewWriter(w, ad)
		if err != nil {
			return err
		}
		if err := write(sw); err != nil {
			return err
		}
		return sw.Close()
	})
}

// sealedOpen opens a sealed file for reading; close it when done.
func (f *folder) sealedOpen(path string, ad []byte) (io.Reader, io.Closer, error) {
	in, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	r, err := f.key.NewReader(in, ad)
	if err != nil {
		in.Close()
		return nil, nil, err
	}
	return r, in, nil
}
