//go:build !unix

package disk

import "math"

// Writable trusts the mode bits where there is no access(2); a refusal then
// surfaces on the first write (data.ErrReadOnly).
func Writable(string) bool { return true }

// FreeSpace is not asked of the system here: the driver reports a full
// disk on Windows itself.
func FreeSpace(string) int64 { return math.MaxInt64 }
