package data

import (
	"time"

	"github.com/google/uuid"
)

// Record is what every stored thing carries: an integer key for joins, a
// UUID that stays the same across export, import and machines, and the
// times it was created and last changed. The store sets the times itself
// from its clock (gorm's automatic timestamps would bypass the integer
// encoding on some update paths).
type Record struct {
	ID        int64     `gorm:"primaryKey" json:"-"`
	UUID      string    `gorm:"column:uuid" json:"uuid"`
	CreatedAt time.Time `gorm:"serializer:unixms;autoCreateTime:false" json:"created_at"`
	UpdatedAt time.Time `gorm:"serializer:unixms;autoUpdateTime:false" json:"updated_at"`
}

// Stamp readies a record for writing at now: a new UUID (time-ordered v7,
// so new rows land at the end of the uuid index) and creation time for new
// records, the update time always.
func (r *Record) Stamp(now time.Time) {
	now = now.UTC()
	if r.UUID == "" {
		r.UUID = newUUID()
	}
	if r.CreatedAt.IsZero() {
		r.CreatedAt = now
	}
	r.UpdatedAt = now
}

func newUUID() string {
	id, err := uuid.NewV7()
	if err != nil {
		return uuid.NewString()
	}
	return id.String()
}
