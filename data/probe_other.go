//go:build !unix

package data

import "math"

// writable trusts the mode bits where there is no access(2); a refusal then
// surfaces on the first write as ErrReadOnly.
func writable(string) bool { return true }

// freeSpace is not asked of the system here: the driver reports a full
// disk on Windows itself.
func freeSpace(string) int64 { return math.MaxInt64 }
