package data

import (
	"bufio"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
	"gorm.io/gorm"
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
func (s *Store) ImportFile(path string, progress Progress) (ImportSummary, error) {
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
	return s.Import(f, opt)
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
func (s *Store) Import(r io.Reader, opt ImportOptions) (ImportSummary, error) {
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
	err := s.write(func(tx *gorm.DB) error {
		sqlTx, ok := tx.Statement.ConnPool.(*sql.Tx)
		if !ok {
			return fmt.Errorf("import needs a plain SQL transaction, got %T", tx.Statement.ConnPool)
		}
		im, err := newImporter(s, sqlTx)
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
			if err := rd.sections(); err != nil {
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
func (rd *reader) sections() error {
	if err := rd.expectDelim('{', "\"records\" should be an object with one list per kind of record"); err != nil {
		return err
	}
	for rd.dec.More() {
		tok, err := rd.token()
		if err != nil {
			return err
		}
		name, _ := tok.(string)
		k := kindByTable(name)
		if k == nil {
			return rd.fail("unknown kind of record %q in \"records\"; this version of Both/And knows %s.", name, knownKinds())
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
			if err := rd.im.take(k, i, offset, fields); err != nil {
				return err
			}
			rd.records++
			if rd.opt.Progress != nil && rd.records%progressEvery == 0 {
				rd.opt.Progress(rd.dec.InputOffset(), max(rd.opt.Size, rd.dec.InputOffset()))
			}
		}
		if err := rd.expectDelim(']', fmt.Sprintf("the list %q should end here", name)); err != nil {
			return err
		}
	}
	return rd.expectDelim('}', "\"records\" should end here")
}

func knownKinds() string {
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = k.table
	}
	return strings.Join(names, ", ")
}

// parsed is one record of the file, checked and converted to what SQLite
// stores, before its references are resolved.
type parsed struct {
	k       *kind
	index   int
	offset  int64
	id      string   // uuid, or key for settings
	vals    []any    // by k.cols; nil means NULL
	present []bool   // by k.cols: the file gave the field
	refs    []string // by k.cols: the UUID a colRef names ("" for none)
	tags    []string // entries: tag UUIDs
	tagIDs  []int64  // entries: the tags' ids, once resolved
	hasTags bool
	updated int64
	fields  map[string]json.RawMessage
}

func (p *parsed) where() string {
	if p.id != "" {
		label := "uuid"
		if p.k.keyed {
			label = "key"
		}
		return fmt.Sprintf("%s[%d] (%s %s)", p.k.table, p.index, label, p.id)
	}
	return fmt.Sprintf("%s[%d]", p.k.table, p.index)
}

func (p *parsed) fail(format string, args ...any) error {
	return &ImportError{Offset: p.offset, Record: p.where(), Problem: fmt.Sprintf(format, args...)}
}

// parseRecord checks one record's fields against its kind.
func parseRecord(k *kind, index int, offset int64, fields map[string]json.RawMessage) (*parsed, error) {
	p := &parsed{
		k: k, index: index, offset: offset, fields: fields,
		vals: make([]any, len(k.cols)), present: make([]bool, len(k.cols)), refs: make([]string, len(k.cols)),
	}
	idField := "uuid"
	if k.keyed {
		idField = "key"
	}
	if raw, ok := fields[idField]; ok {
		if s, ok := rawString(raw); ok {
			p.id = s
		}
	}
	for name, raw := range fields {
		if name == "tags" && k.tags {
			if err := p.parseTags(raw); err != nil {
				return nil, err
			}
			continue
		}
		i := k.fieldIndex(name)
		if i < 0 {
			return nil, p.fail("unknown field %q; %s have %s.", name, k.label, k.fieldList())
		}
		c := &k.cols[i]
		v, problem := parseValue(c, raw)
		if problem != "" {
			return nil, p.fail("%s", problem)
		}
		p.present[i] = true
		if c.typ == colRef {
			if v != nil {
				p.refs[i] = v.(string)
			}
			continue
		}
		p.vals[i] = v
	}
	if i := k.fieldIndex(idField); !p.present[i] || p.vals[i] == nil {
		return nil, p.fail("%q is missing: every record needs one.", idField)
	}
	p.id = p.vals[k.fieldIndex(idField)].(string)
	if !k.keyed {
		id, err := parseUUID(p.id)
		if err != nil {
			return nil, p.fail("%q should be a UUID like 0193a4f0-7c1e-7d3a-9b2f-1c2d3e4f5a6b, not %q.", "uuid", clipQuoted(p.id))
		}
		p.id = id
		p.vals[k.fieldIndex(idField)] = id
	}
	ui := k.fieldIndex("updated_at")
	if !p.present[ui] || p.vals[ui] == nil {
		return nil, p.fail("\"updated_at\" is missing: it decides which copy of a record is newer.")
	}
	p.updated = p.vals[ui].(int64)
	return p, nil
}

func (p *parsed) parseTags(raw json.RawMessage) error {
	var list []json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil || (len(raw) > 0 && raw[0] != '[') {
		return p.fail("\"tags\" should be a list of tag UUIDs, not %s.", describeRaw(raw))
	}
	p.hasTags = true
	p.tags = make([]string, 0, len(list))
	for _, item := range list {
		s, ok := rawString(item)
		if !ok {
			return p.fail("\"tags\" should hold tag UUIDs, not %s.", describeRaw(item))
		}
		id, err := parseUUID(s)
		if err != nil {
			return p.fail("\"tags\" should hold tag UUIDs; %q is not one.", s)
		}
		p.tags = append(p.tags, id)
	}
	return nil
}

// parseValue converts one field to what its column stores: nil, int64 or
// string (a reference's UUID, resolved later). It returns a problem for the
// person when the value doesn't fit.
func parseValue(c *column, raw json.RawMessage) (any, string) {
	if string(raw) == "null" {
		if !c.null {
			return nil, fmt.Sprintf("%q can't be null.", c.field)
		}
		return nil, ""
	}
	switch c.typ {
	case colText, colRef, colTime:
		s, ok := rawString(raw)
		if !ok {
			return nil, fmt.Sprintf("%q should be a string, not %s.", c.field, describeRaw(raw))
		}
		switch c.typ {
		case colRef:
			id, err := parseUUID(s)
			if err != nil {
				return nil, fmt.Sprintf("%q should be the UUID of a record, not %q.", c.field, clipQuoted(s))
			}
			return id, ""
		case colTime:
			t, err := time.Parse(time.RFC3339Nano, s)
			if err != nil {
				return nil, fmt.Sprintf("%q should be a time like 2026-11-25T09:00:00.000Z, not %q.", c.field, clipQuoted(s))
			}
			return t.UnixMilli(), ""
		}
		return s, ""
	case colInt:
		n, err := strconv.ParseInt(string(raw), 10, 64)
		if err != nil {
			return nil, fmt.Sprintf("%q should be a whole number, not %s.", c.field, describeRaw(raw))
		}
		return n, ""
	case colBool:
		switch string(raw) {
		case "true":
			return int64(1), ""
		case "false":
			return int64(0), ""
		}
		return nil, fmt.Sprintf("%q should be true or false, not %s.", c.field, describeRaw(raw))
	case colJSON:
		if s, ok := rawString(raw); ok {
			return s, "" // text that was not valid JSON when exported
		}
		var b strings.Builder
		if err := compactJSON(&b, raw); err != nil {
			return nil, fmt.Sprintf("%q holds invalid JSON.", c.field)
		}
		return b.String(), ""
	}
	return nil, fmt.Sprintf("%q has a type this version can't read.", c.field)
}

// parseUUID accepts only the canonical 36-character form and returns it in
// lower case, so one record can't hide behind two spellings.
func parseUUID(s string) (string, error) {
	if len(s) != 36 {
		return "", errors.New("not a UUID")
	}
	u, err := uuid.Parse(s)
	if err != nil {
		return "", err
	}
	return u.String(), nil
}

// rawString decodes a JSON string value; ok is false for anything else.
func rawString(raw json.RawMessage) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' {
		return "", false
	}
	inner := raw[1 : len(raw)-1]
	simple := utf8.Valid(inner)
	for _, b := range inner {
		if b == '\\' {
			simple = false
			break
		}
	}
	if simple {
		return string(inner), true
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", false
	}
	return s, true
}

func compactJSON(b *strings.Builder, raw json.RawMessage) error {
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return err
	}
	out, err := json.Marshal(v)
	if err != nil {
		return err
	}
	b.Write(out)
	return nil
}

// describeRaw names a JSON value for a message: `a list`, `the number 7`.
func describeRaw(raw json.RawMessage) string {
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '"':
		s, _ := rawString(raw)
		return fmt.Sprintf("the text %q", clipQuoted(s))
	case '{':
		return "an object"
	case '[':
		return "a list"
	case 't', 'f':
		return string(raw)
	case 'n':
		return "null"
	}
	return "the number " + clipQuoted(string(raw))
}

func describeValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return fmt.Sprintf("%q", clipQuoted(x))
	case json.Number:
		return "the number " + x.String()
	case float64:
		return "the number " + strconv.FormatFloat(x, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%v", v)
}

func describeToken(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			return "an object"
		case '[':
			return "a list"
		}
		return fmt.Sprintf("%q", string(t))
	}
	return describeValue(tok)
}

func clipQuoted(s string) string {
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	r := []rune(s)
	return string(r[:40]) + "…"
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
		e.Problem = fmt.Sprintf("the file ends too early, after %s bytes: it looks cut off (was a copy or download interrupted?)", groupThousands(e.Offset))
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
