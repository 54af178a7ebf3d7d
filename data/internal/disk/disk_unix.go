//go:build unix

package disk

import (
	"math"

	"golang.org/x/sys/unix"
)

// Writable asks the kernel whether this process may write path.
func Writable(path string) bool {
	return unix.Access(path, unix.W_OK) == nil
}

// FreeSpace is how many bytes an unprivileged write may still use in dir,
// or the largest int64 when the file system won't say.
func FreeSpace(dir string) int64 {
	var st unix.Statfs_t
	if unix.Statfs(dir, &st) != nil {
		return math.MaxInt64
	}
	return int64(st.Bavail) * int64(st.Bsize) //nolint:unconvert // field types differ between systems
}
