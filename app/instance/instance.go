// Package instance keeps one Both/And per journal. The first process to
// start on a journal claims it: it holds a lock file for as long as it
// runs and listens on a unix socket named after the journal's path. A
// later start on the same journal finds the claim, hands its request to
// the running one ("show the window") and exits, and the window process
// of the tray talks to the tray over the same socket. A second journal
// has its own socket, so `--db other.db` runs beside the first.
//
// Unix sockets serve Windows 10 and later too, so one mechanism serves
// every platform; the lock (gofrs/flock: flock or LockFileEx) dies with
// its process, so a crash never leaves a stale claim behind.
package instance

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/gofrs/flock"
)

// ErrRunning is Claim's answer when another process has the journal.
var ErrRunning = errors.New("Both/And is already running on this journal")

// Socket is where the claim on journal listens. It lives in
// $XDG_RUNTIME_DIR (private to the person, emptied at logout) or else in a
// private folder in the temp folder, and is keyed by the journal's absolute
// path, so it is short enough for a socket name wherever the journal is.
func Socket(journal string) string {
	sum := sha256.Sum256([]byte(canonical(journal)))
	return filepath.Join(runDir(), hex.EncodeToString(sum[:8])+".sock")
}

// canonical is the journal's path as one string per file: absolute, with
// its folder's symbolic links resolved (the file itself may not exist
// yet), and in one case where the file system ignores case.
func canonical(journal string) string {
	abs, err := filepath.Abs(journal)
	if err != nil {
		abs = journal
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		abs = filepath.Join(dir, filepath.Base(abs))
	}
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		abs = strings.ToLower(abs)
	}
	return abs
}

func runDir() string {
	if dir := os.Getenv("XDG_RUNTIME_DIR"); dir != "" {
		return filepath.Join(dir, "bothand")
	}
	return filepath.Join(os.TempDir(), fmt.Sprintf("bothand-%d", os.Getuid()))
}

// lockFile takes the claim's lock without waiting: false when another
// process holds it.
func lockFile(socket string) (*flock.Flock, bool, error) {
	if err := os.MkdirAll(filepath.Dir(socket), 0o700); err != nil {
		return nil, false, fmt.Errorf("instance: %w", err)
	}
	if err := checkPrivate(filepath.Dir(socket)); err != nil {
		return nil, false, err
	}
	l := flock.New(strings.TrimSuffix(socket, ".sock")+".lock", flock.SetPermissions(0o600))
	ok, err := l.TryLock()
	if err != nil {
		return nil, false, fmt.Errorf("instance: %w", err)
	}
	return l, ok, nil
}
