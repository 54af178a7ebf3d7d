package replica

import (
	"context"
	"errors"
	"os"
	"time"
)

// Rounds run one at a time: the window and `bothand sync` may share a
// journal, and two rounds would number their segments alike. A lock file
// beside the journal is held for the round; the system lets go of it when
// the process ends, however it ends.

var errLockBusy = errors.New("the lock is held")

// lockPath is the lock file of the journal at path.
func lockPath(journal string) string { return journal + ".sync-lock" }

// lockRounds waits for the journal's round lock and returns its release.
func lockRounds(ctx context.Context, journal string) (func(), error) {
	f, err := os.OpenFile(lockPath(journal), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	for {
		err := tryLock(f)
		if err == nil {
			return func() {
				unlock(f)
				f.Close()
			}, nil
		}
		if !errors.Is(err, errLockBusy) {
			f.Close()
			return nil, err
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}
