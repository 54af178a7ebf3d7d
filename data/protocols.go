package data

import (
	"strings"

	"gorm.io/gorm"

	"github.com/bothand/bothand/data/prose"
)

// maxStepText is the protocol_steps table's limit on a step.
const maxStepText = 2000

// StartProtocol answers "What's my next-time protocol?" for a guilt entry:
// it creates a protocol linked to the entry, titled after the trigger, with
// its first step drafted from what the person would tell a friend. An entry
// that already has a protocol gets that one back rather than a second.
func (s *Store) StartProtocol(entryID int64) (Protocol, error) {
	var p Protocol
	err := s.write(func(tx *gorm.DB) error {
		var e Entry
		if err := tx.Where("deleted_at IS NULL").Take(&e, entryID).Error; err != nil {
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
		step := strings.TrimSpace(e.Friend)
		if step == "" {
			return invalid(FieldFriend, "Answer the friend question first: what you would tell a friend becomes the plan's first step.")
		}
		now := s.Now()
		p = Protocol{
			Title:            protocolTitle(e.Trigger),
			EntryID:          &e.ID,
			CommitmentID:     e.CommitmentID,
			RemindDaysBefore: 2,
			Status:           ProtocolActive,
		}
		p.Stamp(now)
		if err := tx.Omit("Steps").Create(&p).Error; err != nil {
			return err
		}
		first := ProtocolStep{ProtocolID: p.ID, Position: 1, Text: prose.Clip(step, maxStepText)}
		first.Stamp(now)
		if err := tx.Create(&first).Error; err != nil {
			return err
		}
		p.Steps = []ProtocolStep{first}
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

// protocolTitle names a protocol after the first line of the trigger.
func protocolTitle(trigger string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(trigger), "\n")
	line = strings.TrimSpace(line)
	if line == "" {
		return "My next-time plan"
	}
	return "Next time: " + prose.Clip(line, 120)
}
