package data

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"

	"github.com/ncruces/go-sqlite3"

	"github.com/bothand/bothand/data/internal/disk"
)

// The kinds of trouble a journal file can be in. Each reaches the person as a
// plain sentence (Error) and what to do about it (Advice); callers tell them
// apart with errors.Is.
var (
	ErrNotDatabase   = errors.New("the file is not a Both/And journal or any SQLite database")
	ErrNotJournal    = errors.New("the file is an SQLite database of another program, not a Both/And journal")
	ErrDamaged       = errors.New("the journal file is damaged (it looks truncated or corrupted)")
	ErrNewerVersion  = errors.New("the journal was written by a newer version of Both/And")
	ErrReadOnly      = errors.New("the journal file is read-only")
	ErrFolderMissing = errors.New("the folder for the journal does not exist")
	ErrBadPath       = errors.New("the journal's path can't be used")
	ErrFolderLocked  = errors.New("the folder holding the journal is not writable")
	ErrLocked        = errors.New("the journal is busy: another program has held it locked for too long")
	ErrDiskFull      = errors.New("the disk is full")
	ErrNotFound      = errors.New("no such record")
	// ErrEncrypted: the journal is encrypted and was opened without its key.
	ErrEncrypted = errors.New("the journal is encrypted and needs its passphrase")
	// ErrWrongKey: the key given does not open the journal.
	ErrWrongKey = errors.New("the key does not open this journal")
)

var advice = map[error]string{
	ErrNotDatabase:   "Check the path, or start without --db to use your usual journal.",
	ErrNotJournal:    "Both/And leaves other programs' databases alone. Choose another file name.",
	ErrDamaged:       "Nothing was changed. Restore a backup from the backups folder beside the journal, or open another file.",
	ErrNewerVersion:  "Nothing was changed. Update Both/And to the newest version to open it.",
	ErrReadOnly:      "Make the file writable (for example: chmod u+w FILE), or copy it somewhere writable.",
	ErrFolderMissing: "Create the folder first, or choose a path in an existing folder.",
	ErrBadPath:       "Nothing was changed. Check the path for a mistyped character, or start without --db to use your usual journal.",
	ErrFolderLocked:  "Make the folder writable (SQLite keeps two small files beside the journal), or move the journal.",
	ErrLocked:        "Close the other copy of Both/And or the program using the file, then try again.",
	ErrDiskFull:      "Free some disk space, then try again. What you typed is still in the window.",
	ErrEncrypted:     "Its passphrase opens it on the command line (bothand help lists the verbs); bothand decrypt turns encryption off.",
	ErrWrongKey:      "Nothing was changed. The keys file beside the journal may belong to another journal; restore the right one.",
}

// OpenError says why a journal could not be opened: the path, the kind of
// trouble (one of the Err values above) and the underlying cause.
type OpenError struct {
	Path  string
	Kind  error
	Cause error
}

func (e *OpenError) Error() string {
	msg := fmt.Sprintf("cannot open %s: %v", e.Path, e.Kind)
	if e.Cause != nil && e.Kind != ErrNewerVersion {
		msg += " (" + e.Cause.Error() + ")"
	}
	return msg
}

// Advice is one sentence telling the person what to do next.
func (e *OpenError) Advice() string { return Advice(e.Kind) }

func (e *OpenError) Unwrap() []error { return []error{e.Kind, e.Cause} }

// Advice returns what to do about err, or "" when there is nothing specific.
// An error of another package gives its own advice with an Advice method
// (transfer's ImportError does).
func Advice(err error) string {
	var adviser interface{ Advice() string }
	if errors.As(err, &adviser) {
		if text := adviser.Advice(); text != "" {
			return text
		}
	}
	for kind, text := range advice {
		if errors.Is(err, kind) {
			return text
		}
	}
	return ""
}

// ValidationError is input the store refuses, with a message meant for the
// person who typed it. Field says which part of the record it is about, so
// a form can show the message under that box.
type ValidationError struct {
	Field   Field
	Message string
	// reason, when set, is a sentinel the error matches with errors.Is
	// (ErrNeverHappens), for callers that act on one refusal in particular.
	reason error
}

func (e *ValidationError) Error() string { return e.Message }

func (e *ValidationError) Unwrap() error { return e.reason }

// Invalid returns a *ValidationError about field, its message formatted as
// with fmt.Sprintf. The packages beside data (transfer, ical) refuse input
// with it, as the store does.
func Invalid(field Field, format string, args ...any) error {
	return &ValidationError{Field: field, Message: fmt.Sprintf(format, args...)}
}

func invalid(field Field, format string, args ...any) error { return Invalid(field, format, args...) }

// Field names what a ValidationError is about: a column of the record
// refused (starts_at), or a part of a form (window, answers). Forms key
// their messages by these constants, so a message can't be lost to a
// misspelt name.
type Field string

// The fields validation errors name.
const (
	FieldAcknowledge      Field = "acknowledge"
	FieldAnswers          Field = "answers"
	FieldBufferMinutes    Field = "buffer_minutes"
	FieldClient           Field = "client"
	FieldCommitment       Field = "commitment"
	FieldCriteria         Field = "criteria"
	FieldDays             Field = "days"
	FieldDeadlineAt       Field = "deadline_at"
	FieldEmergencyReason  Field = "emergency_reason"
	FieldEndsAt           Field = "ends_at"
	FieldEntry            Field = "entry"
	FieldFormat           Field = "format"
	FieldFriend           Field = "friend"
	FieldHappenedAt       Field = "happened_at"
	FieldIntensity        Field = "intensity"
	FieldKeep             Field = "keep"
	FieldKind             Field = "kind"
	FieldKindness         Field = "kindness"
	FieldLead             Field = "lead"
	FieldLength           Field = "length"
	FieldLocation         Field = "location"
	FieldMorning          Field = "morning"
	FieldNewStory         Field = "new_story"
	FieldNormalise        Field = "normalise"
	FieldNote             Field = "note"
	FieldNotes            Field = "notes"
	FieldOccursAt         Field = "occurs_at"
	FieldOldStory         Field = "old_story"
	FieldPath             Field = "path"
	FieldQuestion         Field = "question"
	FieldRRule            Field = "rrule"
	FieldReframe          Field = "reframe"
	FieldRemindDaysBefore Field = "remind_days_before"
	FieldRequest          Field = "request"
	FieldRule             Field = "rule"
	FieldStartsAt         Field = "starts_at"
	FieldStatus           Field = "status"
	FieldStep             Field = "step"
	FieldSteps            Field = "steps"
	FieldStory            Field = "story"
	FieldTags             Field = "tags"
	FieldText             Field = "text"
	FieldTier             Field = "tier"
	FieldTiers            Field = "tiers"
	FieldTimeZone         Field = "time_zone"
	FieldTitle            Field = "title"
	FieldTrigger          Field = "trigger"
	FieldWindow           Field = "window"
	FieldWorkHours        Field = "work_hours"
)

// classify maps SQLite result codes onto the errors above, keeping the
// original so logs still show SQLite's own words. This file is the only
// one that knows the driver's error type.
func classify(err error) error {
	if err == nil {
		return nil
	}
	// The driver reports a result code as *sqlite3.Error or as the bare
	// code; errors.As finds the code in both.
	var code sqlite3.ErrorCode
	if !errors.As(err, &code) {
		return err
	}
	var ext sqlite3.ExtendedErrorCode
	errors.As(err, &ext)
	switch {
	case code == sqlite3.BUSY, code == sqlite3.LOCKED:
		return &wrapped{kind: ErrLocked, cause: err}
	case code == sqlite3.READONLY:
		return &wrapped{kind: ErrReadOnly, cause: err}
	case code == sqlite3.FULL, errors.Is(err, syscall.ENOSPC):
		return &wrapped{kind: ErrDiskFull, cause: err}
	case code == sqlite3.CORRUPT:
		return &wrapped{kind: ErrDamaged, cause: err}
	case code == sqlite3.NOTADB:
		return &wrapped{kind: ErrNotDatabase, cause: err}
	case code == sqlite3.CANTOPEN && errors.Is(err, fs.ErrNotExist):
		return &wrapped{kind: ErrFolderMissing, cause: err}
	case ext == sqlite3.IOERR_BADKEY:
		return &wrapped{kind: ErrWrongKey, cause: err}
	}
	return err
}

// diskRefused reclassifies a write that failed at the disk as ErrDiskFull
// when the journal's folder has (nearly) no space left. The driver reports
// a full disk on Linux as a plain write error: it looks for ENOSPC where Go
// wraps it in an *fs.PathError, and so never finds it.
func diskRefused(err error, dir string) error {
	var ext sqlite3.ExtendedErrorCode
	if errors.As(err, &ext) && (ext == sqlite3.IOERR_WRITE || ext == sqlite3.IOERR_FSYNC || ext == sqlite3.IOERR_TRUNCATE) &&
		!errors.Is(err, ErrDiskFull) && disk.FreeSpace(dir) < 1<<20 {
		return &wrapped{kind: ErrDiskFull, cause: err}
	}
	return err
}

// knownKind is the kind of trouble a classified error names, or nil.
func knownKind(err error) error {
	for _, kind := range []error{ErrNotDatabase, ErrDamaged, ErrLocked, ErrReadOnly, ErrFolderMissing, ErrDiskFull, ErrBadPath} {
		if errors.Is(err, kind) {
			return kind
		}
	}
	return nil
}

// connectErr is openErr for the first statements on a new connection,
// before any schema change. inspect has read the file's header by then, so
// damage shows as SQLITE_CORRUPT or SQLITE_NOTADB (classified above); an
// error SQLite gives while it opens the file, or one the driver gives
// before it (a URI it can't parse), is about the path, not the journal.
func connectErr(path string, err error) error {
	var code sqlite3.ErrorCode
	isCode := errors.As(err, &code)
	// inspect has found the folder and the file's header: SQLite failing
	// to open the file means the URI named another place.
	if isCode && code == sqlite3.CANTOPEN || knownKind(classify(err)) == nil && (!isCode || code == sqlite3.ERROR) {
		return &OpenError{Path: path, Kind: ErrBadPath, Cause: err}
	}
	return openErr(path, err)
}

// IsConstraint reports whether err is SQLite refusing a write that breaks
// one of the schema's rules (NOT NULL, CHECK, UNIQUE, FOREIGN KEY).
func IsConstraint(err error) bool {
	var code sqlite3.ErrorCode
	return errors.As(err, &code) && code == sqlite3.CONSTRAINT
}

type wrapped struct {
	kind  error
	cause error
}

func (w *wrapped) Error() string   { return w.kind.Error() + " (" + w.cause.Error() + ")" }
func (w *wrapped) Unwrap() []error { return []error{w.kind, w.cause} }
