package data

import (
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// MarkSlipRead records that the pinned slip was read on now's local day.
// Reading twice the same day keeps the first record.
func (s *Store) MarkSlipRead() error {
	now := s.Now()
	return s.write(func(tx *gorm.DB) error {
		var slipID *int64
		var pinned Slip
		if err := tx.Where("pinned = 1").Limit(1).Find(&pinned).Error; err != nil {
			return err
		}
		if pinned.ID != 0 {
			slipID = &pinned.ID
		}
		r := SlipReading{SlipID: slipID, Day: Day(now), ReadAt: now}
		r.Stamp(now)
		return tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "day"}}, DoNothing: true}).Create(&r).Error
	})
}

// ReadingRecord is how often the slip was read over recent mornings.
type ReadingRecord struct {
	Read      int       // mornings read among the last Of
	Of        int       // mornings counted, today included
	ReadToday bool      // today's reading is recorded
	TodayAt   time.Time // when today's reading was recorded, local time
}

// String says it kindly: a count, never a streak to break. A first
// reading today is said by the time of day it was recorded.
func (r ReadingRecord) String() string {
	switch {
	case r.Read == 0:
		return ""
	case r.Read == 1 && r.ReadToday:
		return "Read " + partOfDay(r.TodayAt)
	default:
		return fmt.Sprintf("Read on %d of the last %d mornings", r.Read, r.Of)
	}
}

// Readings returns the record over the last days mornings, today included.
func (s *Store) Readings(days int) (ReadingRecord, error) {
	now := s.Now().Local()
	from := Day(now.AddDate(0, 0, -(days - 1)))
	today := Day(now)
	var list []string
	err := s.db.Model(&SlipReading{}).Where("day BETWEEN ? AND ?", from, today).Pluck("day", &list).Error
	if err != nil {
		return ReadingRecord{}, classify(err)
	}
	rec := ReadingRecord{Read: len(list), Of: days}
	for _, d := range list {
		if d == today {
			rec.ReadToday = true
		}
	}
	if rec.ReadToday {
		var r SlipReading
		if err := s.db.Where("day = ?", today).Take(&r).Error; err != nil {
			return rec, classify(err)
		}
		rec.TodayAt = r.ReadAt.Local()
	}
	return rec, nil
}

// partOfDay says when today t was: "this morning" before noon, "this
// afternoon" before five, "this evening" after.
func partOfDay(t time.Time) string {
	switch h := t.Local().Hour(); {
	case h < 12:
		return "this morning"
	case h < 17:
		return "this afternoon"
	}
	return "this evening"
}

// ReadingDays returns the local days with a reading in [from, to], for
// insights.
func (s *Store) ReadingDays(from, to time.Time) ([]string, error) {
	var list []string
	err := s.db.Model(&SlipReading{}).Where("day BETWEEN ? AND ?", Day(from), Day(to)).Order("day").Pluck("day", &list).Error
	return list, classify(err)
}

// RecordReadings records the pinned slip as read at each of the given
// times, one reading per local day (a day already recorded is left as it
// is), in one transaction. It is how a history of mornings is brought in at
// once, as the demo journal does.
func (s *Store) RecordReadings(times []time.Time) error {
	now := s.Now()
	return s.write(func(tx *gorm.DB) error {
		var pinned Slip
		if err := tx.Where("pinned = 1").Limit(1).Find(&pinned).Error; err != nil {
			return err
		}
		var slipID *int64
		if pinned.ID != 0 {
			slipID = &pinned.ID
		}
		rows := make([]SlipReading, 0, len(times))
		for _, t := range times {
			r := SlipReading{SlipID: slipID, Day: Day(t), ReadAt: t}
			r.Stamp(now)
			rows = append(rows, r)
		}
		if len(rows) == 0 {
			return nil
		}
		return tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "day"}}, DoNothing: true}).CreateInBatches(&rows, 100).Error
	})
}
