package data

// bulkIndex is how many new entries make a restore "bulk": enough that the
// full-text index is better merged into one segment at the end than left to
// everyday writes to merge piece by piece.
const bulkIndex = 1000

// pauseIndexMerging switches off the full-text index's incremental merging
// while entries are restored into a journal that had none. With it on, a
// 100,000-entry restore spent 40% of its time merging segments that the
// next flush merged again (fts5IndexMergeLevel in the profile). The setting
// is stored in the index inside the import's transaction, so a failed
// import rolls it back with everything else. Merging into a journal that
// already holds entries is left as it is: it adds few entries at a time.
func (im *importer) pauseIndexMerging() error {
	if im.indexPaused {
		return nil
	}
	if _, err := im.tx.Exec(`INSERT INTO entries_fts (entries_fts, rank) VALUES ('automerge', 0)`); err != nil {
		return err
	}
	im.indexPaused = true
	return nil
}

// resumeIndexMerging restores FTS5's default merging and, after a bulk
// restore, merges the index into one segment, so the first searches are as
// fast as in a journal written entry by entry.
func (im *importer) resumeIndexMerging() error {
	if !im.indexPaused {
		return nil
	}
	if _, err := im.tx.Exec(`INSERT INTO entries_fts (entries_fts, rank) VALUES ('automerge', 4)`); err != nil {
		return err
	}
	if im.summary().AddedOf("entries") < bulkIndex {
		return nil
	}
	_, err := im.tx.Exec(`INSERT INTO entries_fts (entries_fts) VALUES ('optimize')`)
	return err
}
