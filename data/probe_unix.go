//go:build unix

package data

import (
	"math"

	"golang.org/x/sys/unix"
)

// writable asks the kernel whether this process may write path.
func writable(path string) bool {
	return unix.Access(path, unix.W_OK) == nil
}

// freeSpace is how many bytes an unprivileged write may still use in dir,
// or the largest int64 when the file system won't say.
func freeSpace(dir string) int64 {
	var st unix.Statfs_t
	if unix.Statfs(dir, &st) != nil {
		return math.MaxInt64
	}
	return int64(st.Bavail) * int64(st.Bsize) //nolint:unconvert // field types differ between systems
}
