package transfer

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/bothand/bothand/data/prose"
)

// ErrBadImport marks a file that could not be imported: the journal is
// unchanged. The *ImportError says what and where.
var ErrBadImport = errors.New("the file can't be imported")

// ImportError says what is wrong with an import file and where.
type ImportError struct {
	Offset       int64  // byte offset in the file; -1 when not known
	Line, Column int    // 1-based position, when the file could be re-read to find it
	Record       string // which record, e.g. `entries[3] (uuid 0193…)`; "" for the file as a whole
	Problem      string // what is wrong, for the person

	within bool // a syntax error somewhere inside the value at Offset
	atEnd  bool // the file ended early
}

func (e *ImportError) Error() string {
	var b strings.Builder
	switch {
	case e.Line > 0 && e.Column > 0:
		fmt.Fprintf(&b, "line %d, column %d: ", e.Line, e.Column)
	case e.Line > 0:
		fmt.Fprintf(&b, "line %d: ", e.Line)
	case e.Offset >= 0:
		fmt.Fprintf(&b, "at byte %d: ", e.Offset)
	}
	if e.Record != "" {
		b.WriteString(e.Record + ": ")
	}
	// Like any Go error the message has no final full stop: callers add
	// their own punctuation (and the advice) after it.
	b.WriteString(strings.TrimSuffix(e.Problem, "."))
	return b.String()
}

func (e *ImportError) Unwrap() error { return ErrBadImport }

// Advice says what to do about a refused file (data.Advice finds it).
func (e *ImportError) Advice() string {
	return "Nothing was imported; your journal is unchanged. Fix the file or export it again from Both/And."
}

// locate makes the error's position exact when the file can be read again:
// the exact place of a syntax error inside a value, the end of a cut-off
// file, and the line and column.
func (e *ImportError) locate(rs io.ReadSeeker, canSeek bool, start, size int64) {
	if e.Offset < 0 {
		return
	}
	if e.atEnd {
		switch {
		case canSeek:
			if end, err := rs.Seek(0, io.SeekEnd); err == nil {
				e.Offset = end - start
			}
		case size > 0:
			e.Offset = size
		}
		e.Problem = fmt.Sprintf("the file ends too early, after %s bytes: it looks cut off (was a copy or download interrupted?)", prose.Thousands(e.Offset))
	}
	if !canSeek {
		return
	}
	if e.within {
		if _, err := rs.Seek(start+e.Offset, io.SeekStart); err == nil {
			var raw json.RawMessage
			var se *json.SyntaxError
			// A fresh decoder counts from the value's start.
			if err := json.NewDecoder(rs).Decode(&raw); errors.As(err, &se) {
				e.Offset += max(se.Offset-1, 0)
			}
		}
	}
	e.Line, e.Column = lineColumn(rs, start, e.Offset)
}

// lineColumn finds the 1-based line and column of offset by reading the
// file again from start. Whitespace at offset is skipped, since the
// decoder's position may sit just before the next value.
func lineColumn(rs io.ReadSeeker, start, offset int64) (line, col int) {
	if _, err := rs.Seek(start, io.SeekStart); err != nil {
		return 0, 0
	}
	br := bufio.NewReader(rs)
	line, col = 1, 1
	var pos int64
	for {
		b, err := br.ReadByte()
		if err != nil {
			return line, col
		}
		if pos >= offset && b != ' ' && b != '\n' && b != '\r' && b != '\t' {
			return line, col
		}
		pos++
		if b == '\n' {
			line++
			col = 1
		} else if b < 0x80 || b >= 0xc0 { // count characters, not UTF-8 continuation bytes
			col++
		}
	}
}
