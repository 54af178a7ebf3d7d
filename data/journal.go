package data

import (
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/bothand/bothand/data/prose"
)

// MaxTagLen is the longest tag name, in characters (the tags table's limit).
const MaxTagLen = 60

// entryFields names the three answers in the technique's order, with the
// words used in messages about them.
var entryFields = []struct {
	field Field
	name  string
	get   func(*Entry) string
}{
	{FieldTrigger, "What triggered it", func(e *Entry) string { return e.Trigger }},
	{FieldStory, "What you're telling yourself", func(e *Entry) string { return e.Story }},
	{FieldFriend, "What you'd tell a friend", func(e *Entry) string { return e.Friend }},
}

// CheckEntry refuses what the journal cannot keep faithfully and fills the
// defaults (now, "not sure yet"). The answers themselves are never trimmed or
// otherwise changed: what was typed is what is stored.
func (s *Store) CheckEntry(e *Entry) error { return checkEntry(e, s.Now(), s.keepsHappenedAt) }

// CheckEntry is Store.CheckEntry against the clock's now, for entries
// checked while the journal is locked (written to its inbox): those are
// always new, so a time in the future is always refused.
func CheckEntry(e *Entry, now time.Time) error { return checkEntry(e, now, nil) }

// checkEntry is CheckEntry; keeps, when given, says whether e is an edit
// that keeps the time stored (see Store.keepsHappenedAt).
func checkEntry(e *Entry, now time.Time, keeps func(*Entry) bool) error {
	empty := true
	for _, f := range entryFields {
		text := f.get(e)
		if !utf8.ValidString(text) {
			return invalid(f.field, "%s: this answer holds bytes that are not text. Paste it again as plain text.", f.name)
		}
		if n := utf8.RuneCountInString(text); n > MaxFieldLen {
			return invalid(f.field, "%s: this answer is %s characters long; one answer holds up to %s. Nothing was cut: shorten it, or carry on in a second entry.",
				f.name, prose.Thousands(n), prose.Thousands(MaxFieldLen))
		}
		if strings.TrimSpace(text) != "" {
			empty = false
		}
	}
	if empty {
		return invalid(FieldTrigger, "Write at least one of the three answers before saving, even a few words about what happened.")
	}
	if e.Intensity < 0 || e.Intensity > 10 {
		return invalid(FieldIntensity, "Intensity goes from 0 (none) to 10 (overwhelming); %d is outside that.", e.Intensity)
	}
	switch e.Kind {
	case "":
		e.Kind = KindUnsure
	case KindGuilt, KindShame, KindUnsure:
	default:
		return invalid(FieldKind, "Choose guilt, shame or not sure yet.")
	}
	switch {
	case e.HappenedAt.IsZero():
		e.HappenedAt = now
	case e.HappenedAt.After(now.Add(time.Hour)) && (keeps == nil || !keeps(e)):
		return invalid(FieldHappenedAt, "That moment is still in the future. Set when it happened.")
	case e.HappenedAt.Year() < 1900:
		return invalid(FieldHappenedAt, "That date is too far back. Set when it happened.")
	}
	e.HappenedAt = e.HappenedAt.UTC().Truncate(time.Millisecond)
	for _, t := range e.Tags {
		if n := utf8.RuneCountInString(strings.TrimSpace(t.Name)); n > MaxTagLen {
			return invalid(FieldTags, "A tag holds up to %d characters; %q has %d.", MaxTagLen, t.Name, n)
		}
	}
	return nil
}

// keepsHappenedAt reports whether e is an edit that keeps the time stored:
// an entry synced from a computer whose clock runs fast may say it happened
// in this computer's future, and editing its text must not be refused for
// a time the person did not set.
func (s *Store) keepsHappenedAt(e *Entry) bool {
	if e.ID == 0 {
		return false
	}
	var stored int64
	err := s.db.Raw("SELECT happened_at FROM entries WHERE id = ?", e.ID).Row().Scan(&stored)
	return err == nil && stored == e.HappenedAt.UnixMilli()
}

// SaveEntry stores a new entry (ID 0) or the edit of an existing one, with
// its tags: existing tags are matched by name, ignoring case, and new names
// become the person's own tags. draftID names the draft this save replaces
// (0 for none); it is removed in the same transaction, as is any draft of
// the edited entry. It returns the entry as stored.
func (s *Store) SaveEntry(e Entry, draftID int64) (Entry, error) {
	if err := s.CheckEntry(&e); err != nil {
		return e, err
	}
	names := TagNames(e.Tags)
	err := s.write(func(tx *gorm.DB) error {
		now := s.Now()
		if e.ID == 0 {
			e.DeletedAt = nil
			e.Stamp(now)
			if err := tx.Omit("Tags").Create(&e).Error; err != nil {
				return err
			}
		} else {
			var old Entry
			if err := tx.Take(&old, e.ID).Error; err != nil {
				return notFound(err)
			}
			if old.DeletedAt != nil {
				return invalid(FieldEntry, "This entry is in the trash. Restore it first, then edit it.")
			}
			e.UUID, e.CreatedAt, e.DeletedAt = old.UUID, old.CreatedAt, nil
			e.Stamp(now)
			if err := tx.Omit("Tags").Save(&e).Error; err != nil {
				return err
			}
			if err := tx.Exec("DELETE FROM entry_tags WHERE entry_id = ?", e.ID).Error; err != nil {
				return err
			}
			if err := tx.Exec("DELETE FROM drafts WHERE entry_id = ?", e.ID).Error; err != nil {
				return err
			}
		}
		tags, err := ensureTags(tx, names, now)
		if err != nil {
			return err
		}
		for _, t := range tags {
			if err := tx.Exec("INSERT INTO entry_tags (entry_id, tag_id) VALUES (?, ?)", e.ID, t.ID).Error; err != nil {
				return err
			}
		}
		e.Tags = tags
		if draftID != 0 {
			return tx.Exec("DELETE FROM drafts WHERE id = ?", draftID).Error
		}
		return nil
	})
	return e, err
}

// AddEntryOnce saves e as a new entry under the UUID it carries, unless an
// entry with that UUID is stored already: then it stores nothing and added
// is false. Entries written while the journal was locked are merged with
// it, so that a merge interrupted after a save and before its inbox file
// was removed does not add the entry twice.
func (s *Store) AddEntryOnce(e Entry) (saved Entry, added bool, err error) {
	if e.UUID == "" || e.ID != 0 {
		return e, false, invalid(FieldEntry, "Only a new entry with its own UUID can be added once.")
	}
	saved, err = s.SaveEntry(e, 0)
	if err != nil && IsConstraint(err) {
		var n int64
		if cerr := s.db.Model(&Entry{}).Where("uuid = ?", e.UUID).Count(&n).Error; cerr == nil && n > 0 {
			return e, false, nil
		}
	}
	return saved, err == nil, err
}

// Entry returns one entry with its tags, live or in the trash.
func (s *Store) Entry(id int64) (Entry, error) {
	var e Entry
	if err := s.db.Take(&e, id).Error; err != nil {
		return Entry{}, notFound(err)
	}
	tags, err := s.entryTags(s.db, id)
	e.Tags = tags
	return e, err
}

func (s *Store) entryTags(db *gorm.DB, id int64) ([]Tag, error) {
	var tags []Tag
	err := db.Raw(`SELECT t.* FROM tags t JOIN entry_tags et ON et.tag_id = t.id
		WHERE et.entry_id = ? ORDER BY t.builtin_key IS NULL, t.id`, id).Scan(&tags).Error
	return tags, classify(err)
}

// TrashEntry moves an entry to the trash, from where RestoreEntry brings it
// back until the trash is emptied.
func (s *Store) TrashEntry(id int64) error {
	return s.setDeleted(id, true)
}

// RestoreEntry brings an entry back from the trash.
func (s *Store) RestoreEntry(id int64) error {
	return s.setDeleted(id, false)
}

func (s *Store) setDeleted(id int64, trash bool) error {
	return s.write(func(tx *gorm.DB) error {
		now := ms(s.Now())
		var res *gorm.DB
		if trash {
			res = tx.Exec("UPDATE entries SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL", now, now, id)
		} else {
			res = tx.Exec("UPDATE entries SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL", now, id)
		}
		if res.Error != nil || res.RowsAffected > 0 {
			return res.Error
		}
		var n int
		if err := tx.Raw("SELECT count(*) FROM entries WHERE id = ?", id).Scan(&n).Error; err != nil {
			return err
		}
		if n == 0 {
			return ErrNotFound
		}
		return nil // already where it was asked to be
	})
}

// Trash lists the entries in the trash, the most recently deleted first.
func (s *Store) Trash(limit int) ([]EntryRow, error) {
	if limit <= 0 {
		limit = 200
	}
	var rows []entryRowScan
	err := s.db.Raw(`SELECT `+rowColumns+` FROM entries INDEXED BY entries_trashed
		WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id DESC LIMIT ?`, limit).Scan(&rows).Error
	if err != nil {
		return nil, classify(err)
	}
	out := make([]EntryRow, len(rows))
	for i, r := range rows {
		out[i] = r.row()
	}
	return out, nil
}

// TrashCount is the number of entries in the trash.
func (s *Store) TrashCount() (int, error) {
	var n int
	err := s.db.Raw("SELECT count(*) FROM entries WHERE deleted_at IS NOT NULL").Scan(&n).Error
	return n, classify(err)
}

// EmptyTrash deletes the entries in the trash for good, with their tags
// and drafts, and returns how many there were. Protocols and practice
// records that came from them stay, no longer linked.
func (s *Store) EmptyTrash() (int, error) {
	var n int64
	err := s.write(func(tx *gorm.DB) error {
		res := tx.Exec("DELETE FROM entries WHERE deleted_at IS NOT NULL")
		n = res.RowsAffected
		return res.Error
	})
	return int(n), err
}

// LinkReframe records the reframe that helps with an entry, or clears the
// link when reframeID is nil.
func (s *Store) LinkReframe(entryID int64, reframeID *int64) error {
	return s.write(func(tx *gorm.DB) error {
		if reframeID != nil {
			var n int
			if err := tx.Raw("SELECT count(*) FROM reframes WHERE id = ? AND deleted_at IS NULL", *reframeID).Scan(&n).Error; err != nil {
				return err
			}
			if n == 0 {
				return ErrNotFound
			}
		}
		res := tx.Exec("UPDATE entries SET reframe_id = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
			reframeID, ms(s.Now()), entryID)
		if res.Error == nil && res.RowsAffected == 0 {
			return ErrNotFound
		}
		return res.Error
	})
}

// Tags returns every tag: the built-in ones in their order, then the
// person's own alphabetically.
func (s *Store) Tags() ([]Tag, error) {
	var tags []Tag
	err := s.db.Raw("SELECT * FROM tags ORDER BY builtin_key IS NULL, CASE WHEN builtin_key IS NULL THEN name COLLATE NOCASE END, id").Scan(&tags).Error
	return tags, classify(err)
}

// TagNames returns the distinct, trimmed, non-empty tag names, first
// spelling wins.
func TagNames(tags []Tag) []string {
	seen := map[string]bool{}
	var names []string
	for _, t := range tags {
		name := strings.TrimSpace(t.Name)
		key := strings.ToLower(name)
		if name == "" || seen[key] {
			continue
		}
		seen[key] = true
		names = append(names, name)
	}
	return names
}

// ensureTags returns the tags with the given names, creating the missing
// ones as the person's own.
func ensureTags(tx *gorm.DB, names []string, now time.Time) ([]Tag, error) {
	tags := make([]Tag, 0, len(names))
	for _, name := range names {
		var found []Tag
		if err := tx.Raw("SELECT * FROM tags WHERE name = ? COLLATE NOCASE", name).Scan(&found).Error; err != nil {
			return nil, err
		}
		if len(found) > 0 {
			tags = append(tags, found[0])
			continue
		}
		t := Tag{Name: name}
		t.Stamp(now)
		if err := tx.Create(&t).Error; err != nil {
			return nil, err
		}
		tags = append(tags, t)
	}
	return tags, nil
}
