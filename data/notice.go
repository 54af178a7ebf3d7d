package data

import "time"

// Notice records a reminder that was delivered (the morning slip on a given
// day, a commitment's reminder), so it is never delivered twice.
type Notice struct {
	Record
	Kind   string    `json:"kind"`
	Ref    string    `json:"ref"`
	DueAt  time.Time `gorm:"serializer:unixms" json:"due_at"`
	SentAt time.Time `gorm:"serializer:unixms" json:"sent_at"`
}
