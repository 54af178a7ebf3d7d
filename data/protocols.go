package data

import (
	"strings"

	"gorm.io/gorm"

	"github.com/bothand/bothand/data/prose"
)

// maxStepText is the protocol_steps table's limit on a step.
const maxStepText = 2000

// StartProtocol answers "What's my next-time protocol?" for a guilt entry:
// it drafts a protocol linked to the entry (and to the commitment it is
// about) from the template that fits it best (BestTemplate), with what the
// person would tell a friend as its first step when they wrote it. Its
// title is the template's, told apart from other plans by the commitment
// or the day. An entry that already has a protocol gets that one back
// rather than a second.
func (s *Store) StartProtocol(entryID int64) (Protocol, error) {
	var p Protocol
	err := s.write(func(tx *gorm.DB) error {
		var e Entry
		if err := tx.Where("deleted_at IS NULL").Preload("Tags").Take(&e, entryID).Error; err != nil {
			return notFound(err)
		}
		var existing []Protocol
		if err := tx.Where("entry_id = ? AND deleted_at IS NULL", entryID).Order("id").Limit(1).Find(&existing).Error; err != nil {
			return err
		}
		if len(existing) > 0 {
			p = existing[0]
			return tx.Where("protocol_id = ? AND deleted_at IS NULL", p.ID).Order("position, id").Find(&p.Steps).Error
		}
		var about *Commitment
		if e.CommitmentID != nil {
			var c Commitment
			if err := tx.Where("deleted_at IS NULL").Limit(1).Find(&c, *e.CommitmentID).Error; err != nil {
				return err
			}
			if c.ID != 0 {
				about = &c
			}
		}
		tpl := BestTemplate(e, about)
		aboutName := e.HappenedAt.Local().Format("2 Jan")
		if about != nil {
			aboutName = about.Title
		}
		title, err := uniqueTitle(tx, tpl.Title, aboutName)
		if err != nil {
			return err
		}
		var steps []NewStep
		if friend := strings.TrimSpace(e.Friend); friend != "" {
			steps = append(steps, NewStep{Text: prose.Clip(friend, maxStepText)})
		}
		steps = append(steps, tpl.Steps...)
		now := s.Now()
		p = Protocol{
			Title:            title,
			EntryID:          &e.ID,
			CommitmentID:     e.CommitmentID,
			RemindDaysBefore: 2,
			Status:           ProtocolActive,
			TemplateKey:      tpl.Key,
		}
		if about == nil {
			p.CommitmentID = nil
		}
		p.Stamp(now)
		if err := tx.Omit("Steps").Create(&p).Error; err != nil {
			return err
		}
		for i, st := range steps {
			row := ProtocolStep{ProtocolID: p.ID, Position: i + 1, Text: st.Text, Action: st.Action}
			row.Stamp(now)
			if err := tx.Create(&row).Error; err != nil {
				return err
			}
			p.Steps = append(p.Steps, row)
		}
		return nil
	})
	return p, err
}

// EntryProtocols returns the protocols born from an entry, with their
// steps in order.
func (s *Store) EntryProtocols(entryID int64) ([]Protocol, error) {
	var list []Protocol
	err := s.db.Where("entry_id = ? AND deleted_at IS NULL", entryID).Order("id").Find(&list).Error
	if err != nil {
		return nil, classify(err)
	}
	for i := range list {
		err := s.db.Where("protocol_id = ? AND deleted_at IS NULL", list[i].ID).Order("position, id").Find(&list[i].Steps).Error
		if err != nil {
			return nil, classify(err)
		}
	}
	return list, nil
}
