//go:build unix

package data

import "golang.org/x/sys/unix"

// writable asks the kernel whether this process may write path.
func writable(path string) bool {
	return unix.Access(path, unix.W_OK) == nil
}
