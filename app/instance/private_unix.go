//go:build unix

package instance

import (
	"fmt"
	"os"
	"syscall"
)

// checkPrivate refuses a socket folder that someone else could read or
// plant: the socket carries requests to the person's journal.
func checkPrivate(dir string) error {
	fi, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("instance: %w", err)
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if ok && int(st.Uid) != os.Getuid() {
		return fmt.Errorf("instance: %s belongs to another user", dir)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		if err := os.Chmod(dir, 0o700); err != nil {
			return fmt.Errorf("instance: %s is open to other users: %w", dir, err)
		}
	}
	return nil
}
