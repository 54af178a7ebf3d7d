package data

import (
	"errors"

	"gorm.io/gorm"
)

// SaveDraft keeps what the editor holds but has not saved. A draft with an
// ID is updated (or made anew when it is gone); a draft for an existing
// entry replaces that entry's earlier draft. Drafts are not checked against
// the entry rules: an over-long or empty draft is kept as typed, so nothing
// is lost while the person fixes it.
func (s *Store) SaveDraft(d Draft) (Draft, error) {
	if d.Tags == nil {
		d.Tags = []string{}
	}
	if d.HappenedAt != nil {
		t := d.HappenedAt.UTC()
		d.HappenedAt = &t
	}
	err := s.write(func(tx *gorm.DB) error {
		var existing Draft
		var err error
		switch {
		case d.ID != 0:
			err = tx.Take(&existing, d.ID).Error
		case d.EntryID != nil:
			err = tx.Where("entry_id = ?", *d.EntryID).Take(&existing).Error
		default:
			err = gorm.ErrRecordNotFound
		}
		switch {
		case errors.Is(err, gorm.ErrRecordNotFound):
			d.Record = Record{}
		case err != nil:
			return err
		default:
			d.Record = existing.Record
		}
		d.Stamp(s.Now())
		return tx.Save(&d).Error
	})
	return d, err
}

// Drafts returns the unsaved drafts, the most recent first: new entries and
// edits of entries that are not in the trash.
func (s *Store) Drafts() ([]Draft, error) {
	var list []Draft
	err := s.db.Where("entry_id IS NULL OR entry_id IN (SELECT id FROM entries WHERE deleted_at IS NULL)").
		Order("updated_at DESC, id DESC").Find(&list).Error
	return list, classify(err)
}

// DiscardDraft removes a draft. A draft that is already gone is no error.
func (s *Store) DiscardDraft(id int64) error {
	return s.write(func(tx *gorm.DB) error {
		return tx.Exec("DELETE FROM drafts WHERE id = ?", id).Error
	})
}
