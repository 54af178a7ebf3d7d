package data

import (
	"time"

	"gorm.io/gorm"
)

// The step methods change one step of a stored protocol. None of them
// touches a step's done date except SetStepDone, so moving, deleting and
// restoring a step keep the day it was done.

// AddStep appends a step to a protocol.
func (s *Store) AddStep(protocolID int64, text, action string) (ProtocolStep, error) {
	text, err := checkStepText(text)
	if err != nil {
		return ProtocolStep{}, err
	}
	st := ProtocolStep{ProtocolID: protocolID, Text: text, Action: action}
	err = s.write(func(tx *gorm.DB) error {
		if err := liveProtocol(tx, protocolID); err != nil {
			return err
		}
		var last int
		if err := tx.Model(&ProtocolStep{}).Where("protocol_id = ?", protocolID).Select("coalesce(max(position), 0)").Scan(&last).Error; err != nil {
			return err
		}
		st.Position = last + 1
		st.Stamp(s.Now())
		return tx.Create(&st).Error
	})
	return st, err
}

// EditStep changes a step's words.
func (s *Store) EditStep(id int64, text string) (ProtocolStep, error) {
	text, err := checkStepText(text)
	if err != nil {
		return ProtocolStep{}, err
	}
	var st ProtocolStep
	err = s.write(func(tx *gorm.DB) error {
		if err := liveStep(tx, id, &st); err != nil {
			return err
		}
		st.Text = text
		st.Stamp(s.Now())
		return tx.Save(&st).Error
	})
	return st, err
}

// SetStepDone ticks a step off at `at`, or unticks it when at is nil, and
// returns the done date it had before: handing that back to SetStepDone
// undoes the change exactly.
func (s *Store) SetStepDone(id int64, at *time.Time) (previous *time.Time, err error) {
	err = s.write(func(tx *gorm.DB) error {
		var st ProtocolStep
		if err := liveStep(tx, id, &st); err != nil {
			return err
		}
		previous = st.DoneAt
		if at != nil {
			d := at.UTC()
			at = &d
		}
		st.DoneAt = at
		st.Stamp(s.Now())
		return tx.Save(&st).Error
	})
	return previous, err
}

// MoveStep moves a step up (delta < 0) or down (delta > 0) among its
// protocol's steps, by as many places as it can.
func (s *Store) MoveStep(id int64, delta int) error {
	return s.write(func(tx *gorm.DB) error {
		var st ProtocolStep
		if err := liveStep(tx, id, &st); err != nil {
			return err
		}
		var steps []ProtocolStep
		if err := tx.Where("protocol_id = ? AND deleted_at IS NULL", st.ProtocolID).Order("position, id").Find(&steps).Error; err != nil {
			return err
		}
		from := 0
		for i := range steps {
			if steps[i].ID == id {
				from = i
			}
		}
		to := max(0, min(len(steps)-1, from+delta))
		if to == from {
			return nil
		}
		moved := steps[from]
		steps = append(steps[:from], steps[from+1:]...)
		steps = append(steps[:to], append([]ProtocolStep{moved}, steps[to:]...)...)
		return renumber(tx, steps, s.Now())
	})
}

// renumber writes positions 1..n in the order given, touching only the
// position (and update time) of steps that moved.
func renumber(tx *gorm.DB, steps []ProtocolStep, now time.Time) error {
	for i, st := range steps {
		if st.Position == i+1 {
			continue
		}
		if err := tx.Model(&ProtocolStep{}).Where("id = ?", st.ID).
			Updates(map[string]any{"position": i + 1, "updated_at": now.UnixMilli()}).Error; err != nil {
			return err
		}
	}
	return nil
}

// DeleteStep removes a step; RestoreStep brings it back in its place with
// its done date. The last step can't go: a protocol needs one.
func (s *Store) DeleteStep(id int64) error {
	return s.write(func(tx *gorm.DB) error {
		var st ProtocolStep
		if err := liveStep(tx, id, &st); err != nil {
			return err
		}
		var n int64
		if err := tx.Model(&ProtocolStep{}).Where("protocol_id = ? AND deleted_at IS NULL", st.ProtocolID).Count(&n).Error; err != nil {
			return err
		}
		if n <= 1 {
			return invalid(FieldSteps, "A protocol needs at least one step: add the next one before removing this.")
		}
		now := s.Now()
		return tx.Model(&ProtocolStep{}).Where("id = ?", id).
			Updates(map[string]any{"deleted_at": now.UnixMilli(), "updated_at": now.UnixMilli()}).Error
	})
}

// RestoreStep undoes DeleteStep.
func (s *Store) RestoreStep(id int64) error {
	return s.write(func(tx *gorm.DB) error {
		res := tx.Model(&ProtocolStep{}).Where("id = ? AND deleted_at IS NOT NULL", id).
			Updates(map[string]any{"deleted_at": nil, "updated_at": s.Now().UnixMilli()})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return ErrNotFound
		}
		return nil
	})
}

func liveProtocol(tx *gorm.DB, id int64) error {
	var p Protocol
	return notFound(tx.Where("deleted_at IS NULL").Select("id").Take(&p, id).Error)
}

func liveStep(tx *gorm.DB, id int64, st *ProtocolStep) error {
	if err := tx.Where("deleted_at IS NULL").Take(st, id).Error; err != nil {
		return notFound(err)
	}
	return liveProtocol(tx, st.ProtocolID)
}
