// Package replica keeps the journals of one person's computers in step
// through a folder their own sync tool (Syncthing, Nextcloud, Dropbox, …)
// already keeps in step, never through the network itself. docs/SYNC.md
// describes the design: the folder's files, the clock, and what happens
// when two computers changed the same thing.
package replica
