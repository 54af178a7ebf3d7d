package data

import (
	"slices"
	"strings"
	"time"
)

// How a page of the list is found: which index drives the query, so that
// every page costs about the same whatever the filter and however deep.

// searchIDs finds the ids of the next page of entries matching the words.
func (s *Store) searchIDs(match string, f EntryFilter, after *Cursor, n int) ([]int64, error) {
	sparse, err := s.fewerThan(sparseLimit, "SELECT 1 FROM entries_fts WHERE entries_fts MATCH ?", match)
	if err != nil {
		return nil, err
	}
	if sparse {
		where, args := joinConds(filterConds(f, after, true))
		return s.ids(`SELECT e.id FROM (SELECT rowid AS id FROM entries_fts WHERE entries_fts MATCH ?) AS m
			CROSS JOIN entries AS e ON e.id = m.id WHERE `+where+`
			ORDER BY e.happened_at DESC, e.id DESC LIMIT ?`, append(append([]any{match}, args...), n)...)
	}
	keep := func(chunk []int64) ([]int64, error) { return s.matchingIn(match, chunk) }
	if f.TagID != 0 {
		// Many entries have the words; if few have the tag, walk the
		// tag's entries rather than the whole journal.
		few, err := s.fewerThan(tagWalkLimit, "SELECT 1 FROM entry_tags WHERE tag_id = ?", f.TagID)
		if err != nil {
			return nil, err
		}
		if few {
			return s.walk(tagged(f), after, n, keep)
		}
	}
	return s.walk(everything(f), after, n, keep)
}

// taggedIDs finds the ids of the next page of entries with f's tag.
func (s *Store) taggedIDs(f EntryFilter, after *Cursor, n int) ([]int64, error) {
	sparse, err := s.fewerThan(sparseLimit, "SELECT 1 FROM entry_tags WHERE tag_id = ?", f.TagID)
	if err != nil {
		return nil, err
	}
	if sparse {
		return s.walk(tagged(f), after, n, nil)
	}
	return s.walk(everything(f), after, n, nil)
}

// fewerThan reports whether query (a SELECT of matching rows) has fewer
// than limit rows, reading no more than limit of them.
func (s *Store) fewerThan(limit int, query string, args ...any) (bool, error) {
	var count int
	err := s.db.Raw("SELECT count(*) FROM ("+query+" LIMIT ?)", append(args, limit)...).Scan(&count).Error
	return count < limit, err
}

// source is where a walk takes its entries from, newest first, after a
// cursor: its FROM clause and conditions.
type source func(after *Cursor) (from string, where []cond)

// everything walks all live entries along entries_live_by_time.
func everything(f EntryFilter) source {
	return func(after *Cursor) (string, []cond) {
		return "entries AS e INDEXED BY entries_live_by_time", filterConds(f, after, true)
	}
}

// tagged walks the entries with f's tag, sorting them by time.
func tagged(f EntryFilter) source {
	return func(after *Cursor) (string, []cond) {
		return "entry_tags AS m CROSS JOIN entries AS e ON e.id = m.entry_id",
			append([]cond{{"m.tag_id = ?", []any{f.TagID}}}, filterConds(f, after, false)...)
	}
}

// walk takes entries from src newest first and keeps the first n that
// keep accepts (all of them when keep is nil), reading in chunks that grow
// from firstChunk to maxChunk.
func (s *Store) walk(src source, after *Cursor, n int, keep func([]int64) ([]int64, error)) ([]int64, error) {
	if keep == nil {
		from, cs := src(after)
		where, args := joinConds(cs)
		return s.ids("SELECT e.id FROM "+from+" WHERE "+where+
			" ORDER BY e.happened_at DESC, e.id DESC LIMIT ?", append(args, n)...)
	}
	var out []int64
	size := firstChunk
	for len(out) < n {
		var chunk []struct {
			ID         int64
			HappenedAt int64
		}
		from, cs := src(after)
		where, args := joinConds(cs)
		err := s.db.Raw("SELECT e.id, e.happened_at FROM "+from+" WHERE "+where+
			" ORDER BY e.happened_at DESC, e.id DESC LIMIT ?", append(args, size)...).Scan(&chunk).Error
		if err != nil {
			return nil, err
		}
		if len(chunk) == 0 {
			break
		}
		ids := make([]int64, len(chunk))
		for i, c := range chunk {
			ids[i] = c.ID
		}
		kept, err := keep(ids)
		if err != nil {
			return nil, err
		}
		out = append(out, kept...)
		if len(chunk) < size {
			break
		}
		last := chunk[len(chunk)-1]
		after = &Cursor{HappenedAt: time.UnixMilli(last.HappenedAt), ID: last.ID}
		size = min(size*4, maxChunk)
	}
	return out[:min(len(out), n)], nil
}

// matchingIn returns the ids of chunk (in chunk's order) whose answers
// match. The ids are grouped into ranges of nearby values, and each range is
// one scan of the index: entries are mostly written in time order, so a
// stretch of time is a handful of narrow id ranges, however large the
// journal.
func (s *Store) matchingIn(match string, chunk []int64) ([]int64, error) {
	sorted := slices.Clone(chunk)
	slices.Sort(sorted)
	var parts []string
	args := []any{}
	lo := sorted[0]
	for i := 1; i <= len(sorted); i++ {
		if i == len(sorted) || sorted[i]-sorted[i-1] > clusterGap {
			parts = append(parts, "SELECT rowid FROM entries_fts WHERE entries_fts MATCH ? AND rowid BETWEEN ? AND ?")
			args = append(args, match, lo, sorted[i-1])
			if i < len(sorted) {
				lo = sorted[i]
			}
		}
	}
	found, err := s.ids(strings.Join(parts, " UNION ALL "), args...)
	if err != nil {
		return nil, err
	}
	hit := make(map[int64]bool, len(found))
	for _, id := range found {
		hit[id] = true
	}
	kept := chunk[:0:0]
	for _, id := range chunk {
		if hit[id] {
			kept = append(kept, id)
		}
	}
	return kept, nil
}

func (s *Store) ids(query string, args ...any) ([]int64, error) {
	var ids []int64
	err := s.db.Raw(query, args...).Scan(&ids).Error
	return ids, err
}
