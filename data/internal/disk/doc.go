// Package disk asks the operating system about the journal's folder before
// SQLite does: whether this process may write a path, and how much room is
// left, so the store can say "read-only" or "the disk is full" plainly.
package disk
