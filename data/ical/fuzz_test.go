package ical

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bothand/bothand/data"
)

// FuzzImportICS feeds arbitrary calendar files to the import: never a panic
// or a hang, and a refusal is an *ICSError (with the line, for the person)
// that leaves the journal without a single imported commitment.
func FuzzImportICS(f *testing.F) {
	files, _ := filepath.Glob("testdata/ics/*.ics")
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20260101T100000Z\r\nRRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
	f.Add("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;TZID=Nowhere/Else:20260101T100000\n END:VEVENT\n")
	s := openTemp(f)
	f.Fuzz(func(t *testing.T, ics string) {
		before := countCommitments(t, s)
		_, err := Import(s, strings.NewReader(ics), "fuzz.ics", data.TierNonNegotiable)
		if err == nil {
			return
		}
		var ie *Error
		var ve *data.ValidationError
		if !errors.As(err, &ie) && !errors.As(err, &ve) {
			t.Fatalf("import failed without a message for the person: %v", err)
		}
		after := countCommitments(t, s)
		if after != before {
			t.Fatalf("a refused file imported %d commitments", after-before)
		}
	})
}
