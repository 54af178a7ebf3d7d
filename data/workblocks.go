package data

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/bothand/bothand/data/dates"
)

// Limits on a work block.
const (
	MaxWorkBlockLength = 24 * time.Hour
	MaxBufferMinutes   = 7 * 24 * 60
	maxClient          = 200
)

// normalise checks a work block and puts it in its stored form.
func (wb *WorkBlock) normalise() error {
	wb.Title = strings.TrimSpace(wb.Title)
	wb.Client = strings.TrimSpace(wb.Client)
	if wb.Title == "" {
		return invalid(FieldTitle, "Give the work a title, for example “Draft the quarterly report”.")
	}
	if n := utf8.RuneCountInString(wb.Title); n > 500 {
		return invalid(FieldTitle, "A title holds up to 500 characters; this one has %d.", n)
	}
	if utf8.RuneCountInString(wb.Client) > maxClient {
		return invalid(FieldClient, "A client's name holds up to %d characters.", maxClient)
	}
	if wb.StartsAt.IsZero() {
		return invalid(FieldStartsAt, "Choose when the work starts.")
	}
	if wb.EndsAt.IsZero() {
		return invalid(FieldEndsAt, "Choose when the work ends.")
	}
	wb.StartsAt = wb.StartsAt.UTC().Truncate(time.Second)
	wb.EndsAt = wb.EndsAt.UTC().Truncate(time.Second)
	switch {
	case wb.EndsAt.Equal(wb.StartsAt):
		return invalid(FieldEndsAt, "A work block needs some length: it ends at the moment it starts.")
	case wb.EndsAt.Before(wb.StartsAt):
		return invalid(FieldEndsAt, "It ends before it starts: the end (%s) is before the start (%s). Check the times.",
			wb.EndsAt.Local().Format("Mon 2 Jan 15:04"), wb.StartsAt.Local().Format("Mon 2 Jan 15:04"))
	case wb.EndsAt.Sub(wb.StartsAt) > MaxWorkBlockLength:
		return invalid(FieldEndsAt, "A work block lasts at most 24 hours; split longer work into several blocks.")
	}
	if wb.BufferMinutes < 0 || wb.BufferMinutes > MaxBufferMinutes {
		return invalid(FieldBufferMinutes, "A buffer is between none and 7 days.")
	}
	if wb.DeadlineAt != nil {
		d := wb.DeadlineAt.UTC().Truncate(time.Second)
		wb.DeadlineAt = &d
		planned, _ := wb.PlannedFinish()
		if wb.EndsAt.After(planned) {
			buffer := "no buffer"
			if wb.BufferMinutes > 0 {
				buffer = FormatDuration(wb.Buffer()) + " of buffer"
			}
			return invalid(FieldEndsAt, "This work ends %s, after its planned finish %s (the deadline %s minus %s). End it by then, or plan it earlier.",
				formatWhen(wb.EndsAt), formatWhen(planned), formatWhen(d), buffer)
		}
	}
	return nil
}

// CheckWorkBlock says which commitments a new or moved work block would
// overlap, buffer included, and, when a non-negotiable one is in the way,
// the next free slot after it. It changes nothing; bad input comes back as
// a *ValidationError.
func (s *Store) CheckWorkBlock(wb WorkBlock) (Conflicts, error) {
	if err := wb.normalise(); err != nil {
		return Conflicts{}, err
	}
	return s.conflicts(s.db, wb)
}

func (s *Store) conflicts(db *gorm.DB, wb WorkBlock) (Conflicts, error) {
	from, to := wb.Guarded()
	occs, err := s.occurrences(db, from, to)
	if err != nil {
		return Conflicts{}, err
	}
	sortOccurrences(occs)
	c := ClassifyConflicts(from, to, occs)
	if c.Refused() {
		next, err := s.nextFreeSlot(db, c.LastRefusal(), c.Length, wb.ID)
		if err != nil && err != ErrNoFreeSlot {
			return c, err
		}
		c.NextFree = next
	}
	return c, nil
}

// SaveWorkBlock stores a new work block (wb.ID 0) or moves an existing one,
// under the tier rules, buffer included:
//   - over a tier-1 commitment it is refused with a *ConflictError naming
//     the commitment and the next free slot (errors.Is ErrNonNegotiable);
//   - over a tier-2 commitment it is stored only with emergencyReason, the
//     person's words on why this is a genuine emergency, which are kept
//     (errors.Is ErrNeedsEmergency without them);
//   - over tier-3 commitments it is stored and a make-up note is left for
//     each occurrence it takes.
//
// The check and the writes happen in one transaction.
func (s *Store) SaveWorkBlock(wb WorkBlock, emergencyReason string) (WorkBlock, Conflicts, error) {
	if err := wb.normalise(); err != nil {
		return wb, Conflicts{}, err
	}
	emergencyReason = strings.TrimSpace(emergencyReason)
	if utf8.RuneCountInString(emergencyReason) > MaxEmergencyReason {
		return wb, Conflicts{}, invalid(FieldEmergencyReason, "The reason holds up to %d characters.", MaxEmergencyReason)
	}
	var conf Conflicts
	err := s.write(func(tx *gorm.DB) error {
		if wb.ID != 0 {
			var old WorkBlock
			if err := tx.Where("id = ? AND deleted_at IS NULL", wb.ID).Take(&old).Error; err != nil {
				return notFound(err)
			}
			wb.UUID, wb.CreatedAt = old.UUID, old.CreatedAt
		}
		var err error
		if conf, err = s.conflicts(tx, wb); err != nil {
			return err
		}
		if err := conf.Decide(emergencyReason); err != nil {
			return err
		}
		wb.EmergencyReason = ""
		if len(conf.HighPriority) > 0 {
			wb.EmergencyReason = emergencyReason
		}
		wb.Stamp(s.Now())
		if err := tx.Save(&wb).Error; err != nil {
			return err
		}
		return s.leaveMakeUps(tx, wb, conf.Flexible)
	})
	return wb, conf, err
}

// leaveMakeUps replaces the block's open make-up notes with one for each
// flexible occurrence it now takes. Notes already marked done stay.
func (s *Store) leaveMakeUps(tx *gorm.DB, wb WorkBlock, taken []Occurrence) error {
	if err := tx.Exec("DELETE FROM make_ups WHERE work_block_id = ? AND done_at IS NULL", wb.ID).Error; err != nil {
		return err
	}
	for _, o := range taken {
		var done int64
		if err := tx.Raw("SELECT count(*) FROM make_ups WHERE work_block_id = ? AND commitment_id = ? AND occurs_at = ?",
			wb.ID, o.Commitment.ID, ms(o.OccursAt)).Scan(&done).Error; err != nil {
			return err
		}
		if done > 0 {
			continue
		}
		id := wb.ID
		m := MakeUp{
			WorkBlockID: &id, CommitmentID: o.Commitment.ID, OccursAt: o.OccursAt,
			Note: makeUpText(wb.Client, wb.Title, o.Commitment.Title, o.Start.Local()),
		}
		m.Stamp(s.Now())
		if err := tx.Create(&m).Error; err != nil {
			return err
		}
	}
	return nil
}

// MoveWorkBlock moves a work block to start at start, keeping its length,
// deadline and buffer, under the same rules as SaveWorkBlock.
func (s *Store) MoveWorkBlock(id int64, start time.Time, emergencyReason string) (WorkBlock, Conflicts, error) {
	wb, err := s.WorkBlock(id)
	if err != nil {
		return wb, Conflicts{}, err
	}
	length := wb.EndsAt.Sub(wb.StartsAt)
	wb.StartsAt, wb.EndsAt = start, start.Add(length)
	return s.SaveWorkBlock(wb, emergencyReason)
}

// WorkBlock returns the live work block with the given id.
func (s *Store) WorkBlock(id int64) (WorkBlock, error) {
	var wb WorkBlock
	err := s.db.Where("id = ? AND deleted_at IS NULL", id).Take(&wb).Error
	return wb, notFound(err)
}

// WorkBlocks returns the live work blocks whose time, buffer included,
// overlaps [from, to), in order of start.
func (s *Store) WorkBlocks(from, to time.Time) ([]WorkBlock, error) {
	return s.workBlocks(s.db, from, to, 0)
}

func (s *Store) workBlocks(db *gorm.DB, from, to time.Time, except int64) ([]WorkBlock, error) {
	var list []WorkBlock
	reach := MaxWorkBlockLength + MaxBufferMinutes*time.Minute
	err := db.Where(`deleted_at IS NULL AND starts_at < ? AND starts_at > ? AND id != ?
		AND ends_at + buffer_minutes * 60000 > ?`, ms(to), ms(from.Add(-reach)), except, ms(from)).
		Order("starts_at, id").Find(&list).Error
	return list, classify(err)
}

// DeleteWorkBlock removes a work block, and the make-up notes it left that
// aren't done yet: the time was never taken.
func (s *Store) DeleteWorkBlock(id int64) error {
	now := ms(s.Now())
	return s.write(func(tx *gorm.DB) error {
		res := tx.Exec("UPDATE work_blocks SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL", now, now, id)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return ErrNotFound
		}
		return tx.Exec("DELETE FROM make_ups WHERE work_block_id = ? AND done_at IS NULL", id).Error
	})
}

// MakeUpNote is a make-up with what it is about.
type MakeUpNote struct {
	MakeUp
	Commitment string // the flexible commitment's title
	Tier       Tier
	AllDay     bool   // the commitment is all-day: OccursAt is a date at 00:00 UTC
	Work       string // the work block's title, "" when it was deleted
	Client     string
}

// Text is the note in the way dates are written now. The stored Note keeps
// the words of the day it was made (in the date style of that day, or of
// the command line that made a demo journal); it is shown as it is only
// once its work block is gone.
func (n MakeUpNote) Text() string {
	if n.Work == "" {
		return n.Note
	}
	day := n.OccursAt.Local()
	if n.AllDay {
		y, m, d := n.OccursAt.UTC().Date()
		day = time.Date(y, m, d, 0, 0, 0, 0, time.Local)
	}
	return makeUpText(n.Client, n.Work, n.Commitment, day)
}

// makeUpText is a make-up note's sentence.
func makeUpText(client, work, commitment string, day time.Time) string {
	what := "Work"
	if client != "" {
		what = "Work for " + client
	}
	return fmt.Sprintf("%s (“%s”) took “%s” on %s. Give that time back another day.", what, work, commitment, dates.Short(day))
}

// OpenMakeUps returns the make-up notes not yet marked done, oldest first.
func (s *Store) OpenMakeUps() ([]MakeUpNote, error) {
	return s.makeUps(s.db, "m.done_at IS NULL")
}

func (s *Store) makeUps(db *gorm.DB, where string, args ...any) ([]MakeUpNote, error) {
	var rows []struct {
		MakeUp
		Commitment string
		Tier       Tier
		AllDay     bool
		Work       *string
		Client     *string
	}
	err := db.Raw(`SELECT m.*, c.title AS commitment, c.tier AS tier, c.all_day AS all_day, w.title AS work, w.client AS client
		FROM make_ups m JOIN commitments c ON c.id = m.commitment_id AND c.deleted_at IS NULL
		LEFT JOIN work_blocks w ON w.id = m.work_block_id
		WHERE `+where+` ORDER BY m.occurs_at, m.id`, args...).Scan(&rows).Error
	if err != nil {
		return nil, classify(err)
	}
	out := make([]MakeUpNote, len(rows))
	for i, r := range rows {
		out[i] = MakeUpNote{MakeUp: r.MakeUp, Commitment: r.Commitment, Tier: r.Tier, AllDay: r.AllDay}
		if r.Work != nil {
			out[i].Work = *r.Work
		}
		if r.Client != nil {
			out[i].Client = *r.Client
		}
	}
	return out, nil
}

// MarkMakeUpDone records that the time was given back (or, with done
// false, that it wasn't after all).
func (s *Store) MarkMakeUpDone(id int64, done bool) error {
	return s.write(func(tx *gorm.DB) error {
		var res *gorm.DB
		if done {
			res = tx.Exec("UPDATE make_ups SET done_at = ?, updated_at = ? WHERE id = ?", ms(s.Now()), ms(s.Now()), id)
		} else {
			res = tx.Exec("UPDATE make_ups SET done_at = NULL, updated_at = ? WHERE id = ?", ms(s.Now()), id)
		}
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return ErrNotFound
		}
		return nil
	})
}
