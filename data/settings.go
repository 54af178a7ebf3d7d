package data

import (
	"errors"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Setting is a preference that belongs with the journal rather than with one
// computer (the urgency rule, the default deadline buffer, reminder times),
// so it travels with export and backups.
type Setting struct {
	Key       string    `gorm:"primaryKey" json:"key"`
	Value     string    `json:"value"`
	UpdatedAt time.Time `gorm:"serializer:unixms;autoUpdateTime:false" json:"updated_at"`
}

// Setting returns the value stored under key; ok is false when unset.
func (s *Store) Setting(key string) (value string, ok bool, err error) {
	var row Setting
	err = s.db.Where("key = ?", key).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return "", false, nil
	}
	if err != nil {
		return "", false, classify(err)
	}
	return row.Value, true, nil
}

// SetSetting stores value under key, replacing what was there.
func (s *Store) SetSetting(key, value string) error {
	return s.write(func(tx *gorm.DB) error {
		row := Setting{Key: key, Value: value, UpdatedAt: s.Now()}
		return tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(&row).Error
	})
}
