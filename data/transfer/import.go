package transfer

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/bothand/bothand/data"
)

// ImportOptions tune an import. The zero value is fine.
type ImportOptions struct {
	// Size is the file's length in bytes, so Progress can say how far the
	// import has come (0: not known).
	Size int64
	// Progress, when set, is called now and then from the importing
	// goroutine with the bytes read so far.
	Progress Progress
}

// ImportFile imports the JSON export at path; see Import.
func ImportFile(ctx context.Context, s *data.Store, path string, progress Progress) (ImportSummary, error) {
	f, err := os.Open(path)
	if err != nil {
		return ImportSummary{}, err
	}
	defer f.Close()
	opt := ImportOptions{Progress: progress}
	if fi, err := f.Stat(); err == nil {
		if fi.IsDir() {
			return ImportSummary{}, &ImportError{Offset: -1, Problem: path + " is a folder, not an export file."}
		}
		opt.Size = fi.Size()
	}
	return Import(ctx, s, f, opt)
}

// Import merges a JSON export (docs/EXPORT.md) into the journal. Records
// are matched by UUID (and by a few natural keys, such as a built-in tag's
// key); a record new to the journal is added, and of two copies of the same
// record the one with the later updated_at wins, so importing the same file
// twice changes nothing. References between records are resolved by UUID,
// to records in the file or already in the journal.
//
// It is all one transaction: when anything in the file is wrong, nothing
// is imported and the error is an *ImportError saying what and where. The
// file is read as a stream, one record at a time, so memory use does not
// grow with its size. When r can seek, errors carry a line and column.
//
// Cancelling ctx stops the import within a few hundred records (or the
// statement running) with ctx's error, and the journal is as it was.
func Import(ctx context.Context, s *data.Store, r io.Reader, opt ImportOptions) (ImportSummary, error) {
	var start int64
	seeker, canSeek := r.(io.ReadSeeker)
	if canSeek {
		if pos, err := seeker.Seek(0, io.SeekCurrent); err == nil {
			start = pos
		} else {
			canSeek = false
		}
	}
	var summary ImportSummary
	err := s.WriteSQL(ctx, func(tx *sql.Tx) error {
		im, err := newImporter(ctx, tx)
		if err != nil {
			return err
		}
		rd := &reader{dec: json.NewDecoder(bufio.NewReaderSize(r, 64<<10)), im: im, opt: opt}
		if err := rd.document(); err != nil {
			return err
		}
		if err := im.finish(); err != nil {
			return err
		}
		if err := im.resumeIndexing(); err != nil {
			return err
		}
		summary = im.summary()
		if opt.Progress != nil {
			opt.Progress(max(opt.Size, rd.dec.InputOffset()), max(opt.Size, rd.dec.InputOffset()))
		}
		return nil
	})
	var ie *ImportError
	if errors.As(err, &ie) {
		ie.locate(seeker, canSeek, start, opt.Size)
	}
	if err != nil {
		return ImportSummary{}, err
	}
	return summary, nil
}

// reader walks the JSON document with the decoder's tokens, decoding one
// record at a time.
type reader struct {
	dec *json.Decoder
	im  *importer
	opt ImportOptions

	sawFormat, sawVersion, sawRecords bool
	records                           int64
}

// fail is an error about the file at the decoder's current position.
func (rd *reader) fail(format string, args ...any) error {
	return &ImportError{Offset: rd.dec.InputOffset(), Problem: fmt.Sprintf(format, args...)}
}

// syntax turns a decoder error into an ImportError that says where.
func (rd *reader) syntax(err error) error {
	var se *json.SyntaxError
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return &ImportError{
			Offset: rd.dec.InputOffset(), atEnd: true,
			Problem: "the file ends too early: it looks cut off (was a copy or download interrupted?)",
		}
	case errors.As(err, &se):
		// Between tokens the decoder reports its own position; inside a
		// value its offsets are not positions in the file, but its
		// position stays at the value's start, from where Import can find
		// the exact place.
		at := rd.dec.InputOffset()
		return &ImportError{Offset: at, within: se.Offset != at, Problem: "this is not valid JSON: " + se.Error()}
	}
	return err // a read error: not about the file's content
}

func (rd *reader) token() (json.Token, error) {
	tok, err := rd.dec.Token()
	if err != nil {
		return nil, rd.syntax(err)
	}
	return tok, nil
}

func (rd *reader) expectDelim(want json.Delim, what string) error {
	tok, err := rd.token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return rd.fail("%s, but found %s", what, describeToken(tok))
	}
	return nil
}

// document reads the top-level object: the header fields, then "records".
func (rd *reader) document() error {
	tok, err := rd.dec.Token()
	if errors.Is(err, io.EOF) {
		return &ImportError{Offset: 0, Problem: "the file is empty."}
	}
	if err != nil {
		return rd.syntax(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return &ImportError{Offset: 0, Problem: fmt.Sprintf("this is not a Both/And export: it should be a JSON object starting with {, but it starts with %s.", describeToken(tok))}
	}
	for rd.dec.More() {
		tok, err := rd.token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		switch key {
		case "format":
			var v any
			if err := rd.dec.Decode(&v); err != nil {
				return rd.syntax(err)
			}
			if v != exportFormatName {
				return &ImportError{Offset: -1, Problem: fmt.Sprintf("this is not a Both/And export: its \"format\" is %s, not %q.", describeValue(v), exportFormatName)}
			}
			rd.sawFormat = true
		case "format_version":
			if err := rd.version(); err != nil {
				return err
			}
		case "schema_version", "exported_at":
			var v any // informational: the format version governs
			if err := rd.dec.Decode(&v); err != nil {
				return rd.syntax(err)
			}
		case "records":
			if !rd.sawFormat || !rd.sawVersion {
				return rd.fail("\"format\" and \"format_version\" must come before \"records\", as Both/And writes them, so the file can be checked before anything is imported.")
			}
			if err := rd.readRecords(); err != nil {
				return err
			}
			rd.sawRecords = true
		default:
			return rd.fail("unexpected field %q at the top of the file; a Both/And export has format, format_version, schema_version, exported_at and records.", key)
		}
	}
	if err := rd.expectDelim('}', "the file should end here"); err != nil {
		return err
	}
	if _, err := rd.dec.Token(); !errors.Is(err, io.EOF) {
		return rd.fail("there is more after the end of the export; the file should hold one JSON object.")
	}
	if !rd.sawFormat {
		return &ImportError{Offset: -1, Problem: "this is not a Both/And export: it has no \"format\" field."}
	}
	if !rd.sawRecords {
		return &ImportError{Offset: -1, Problem: "the file has no \"records\": there is nothing to import."}
	}
	return nil
}

func (rd *reader) version() error {
	rd.dec.UseNumber()
	var v any
	err := rd.dec.Decode(&v)
	if err != nil {
		return rd.syntax(err)
	}
	n, ok := v.(json.Number)
	version, convErr := strconv.Atoi(n.String())
	if !ok || convErr != nil || version < 1 {
		return rd.fail("\"format_version\" should be a whole number from 1 up, not %s.", describeValue(v))
	}
	if version > ExportFormatVersion {
		return &ImportError{Offset: -1, Problem: fmt.Sprintf(
			"the file was exported by a newer version of Both/And (export format %d; this version reads format %d). Update Both/And, then import it again.",
			version, ExportFormatVersion)}
	}
	rd.sawVersion = true
	return nil
}

// sections reads "records": an object with one list of records per kind.
func (rd *reader) readRecords() error {
	if err := rd.expectDelim('{', "\"records\" should be an object with one list per kind of record"); err != nil {
		return err
	}
	for rd.dec.More() {
		tok, err := rd.token()
		if err != nil {
			return err
		}
		name, _ := tok.(string)
		sec := sectionByTable(name)
		if sec == nil {
			return rd.fail("unknown kind of record %q in \"records\"; this version of Both/And knows %s.", name, sectionNames())
		}
		if err := rd.expectDelim('[', fmt.Sprintf("%q should be a list of records", name)); err != nil {
			return err
		}
		for i := 0; rd.dec.More(); i++ {
			offset := rd.dec.InputOffset()
			var fields map[string]json.RawMessage
			if err := rd.dec.Decode(&fields); err != nil {
				var te *json.UnmarshalTypeError
				if errors.As(err, &te) {
					what := map[string]string{"array": "a list", "string": "text", "number": "a number", "bool": "true or false"}[te.Value]
					if what == "" {
						what = te.Value
					}
					return &ImportError{Offset: offset, Record: fmt.Sprintf("%s[%d]", name, i), Problem: fmt.Sprintf("each record should be a JSON object, not %s.", what)}
				}
				return rd.syntax(err)
			}
			if fields == nil {
				return &ImportError{Offset: offset, Record: fmt.Sprintf("%s[%d]", name, i), Problem: "each record should be a JSON object, not null."}
			}
			if err := rd.im.take(sec, i, offset, fields); err != nil {
				return err
			}
			rd.records++
			if rd.records%progressEvery == 0 {
				if rd.opt.Progress != nil {
					rd.opt.Progress(rd.dec.InputOffset(), max(rd.opt.Size, rd.dec.InputOffset()))
				}
				if err := rd.im.ctx.Err(); err != nil {
					return err
				}
			}
		}
		if err := rd.expectDelim(']', fmt.Sprintf("the list %q should end here", name)); err != nil {
			return err
		}
	}
	return rd.expectDelim('}', "\"records\" should end here")
}

func sectionNames() string {
	names := make([]string, len(sections))
	for i, sec := range sections {
		names[i] = sec.table
	}
	return strings.Join(names, ", ")
}
