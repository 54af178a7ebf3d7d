package transfer

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bothand/bothand/data"
)

// ExportFormatVersion is the version of the JSON export format this build
// writes, and the newest it imports. Raise it whenever a kind or field is
// added, removed or changes meaning, and say what changed in
// docs/EXPORT.md: an older Both/And then refuses the newer file with a
// message rather than importing part of it. Files of older versions must
// keep importing (a field they lack takes its default).
const ExportFormatVersion = 2

// exportFormatName is the "format" field every JSON export starts with.
const exportFormatName = "bothand-journal"

// timeLayout is how instants appear in the JSON: UTC, milliseconds, fixed
// width, so equal instants are equal strings.
const timeLayout = "2006-01-02T15:04:05.000Z07:00"

// ExportJSON writes every record of every kind to w as one JSON document
// (docs/EXPORT.md). Records are written as they are read, one line each,
// so memory use does not grow with the journal.
func ExportJSON(ctx context.Context, s *data.Store, w io.Writer, opt ExportOptions) error {
	return s.ReadSQL(ctx, func(tx *sql.Tx) error {
		counts := make([]string, len(sections))
		for i, sec := range sections {
			counts[i] = "SELECT count(*) FROM " + sec.table
		}
		total, err := countRows(ctx, tx, counts...)
		if err != nil {
			return err
		}
		progress := newProgressTicker(ctx, opt.Progress, total)
		bw := bufio.NewWriterSize(w, 64<<10)
		fmt.Fprintf(bw, "{\n  \"format\": %q,\n  \"format_version\": %d,\n  \"schema_version\": %d,\n  \"exported_at\": %q,\n  \"records\": {",
			exportFormatName, ExportFormatVersion, data.SchemaVersion(), s.Now().Format(timeLayout))
		for i, sec := range sections {
			if i > 0 {
				bw.WriteByte(',')
			}
			fmt.Fprintf(bw, "\n    %q: [", sec.table)
			if err := writeSection(ctx, tx, bw, sec, progress); err != nil {
				return err
			}
		}
		bw.WriteString("\n  }\n}\n")
		if err := bw.Flush(); err != nil {
			return fmt.Errorf("writing the export: %w", err)
		}
		progress.finish()
		return nil
	})
}

// exportQuery selects sec's columns in sec.cols order, with references turned
// into the UUIDs they point at and, for entries, the tags as a JSON array of
// UUIDs. Rows come in UUID order (key order for settings): the same records
// give the same file whichever journal, and whichever integer ids, hold
// them.
func (sec *section) exportQuery() string {
	sel := make([]string, 0, len(sec.cols)+1)
	var joins []string
	for i, c := range sec.cols {
		if c.typ == colRef {
			alias := fmt.Sprintf("r%d", i)
			sel = append(sel, alias+".uuid")
			joins = append(joins, fmt.Sprintf("LEFT JOIN %s %s ON %s.id = t.%s", c.ref, alias, alias, c.name))
			continue
		}
		sel = append(sel, "t."+c.name)
	}
	if sec.tags {
		sel = append(sel, `(SELECT json_group_array(uuid) FROM
			(SELECT g.uuid FROM entry_tags et JOIN tags g ON g.id = et.tag_id WHERE et.entry_id = t.id ORDER BY g.uuid))`)
	}
	order := "t.uuid"
	if sec.keyed {
		order = "t.key"
	}
	return fmt.Sprintf("SELECT %s FROM %s t %s ORDER BY %s", strings.Join(sel, ", "), sec.table, strings.Join(joins, " "), order)
}

func writeSection(ctx context.Context, tx *sql.Tx, w *bufio.Writer, sec *section, progress *progressTicker) error {
	rows, err := tx.QueryContext(ctx, sec.exportQuery())
	if err != nil {
		return fmt.Errorf("reading %s: %w", sec.label, err)
	}
	defer rows.Close()
	n := len(sec.cols)
	if sec.tags {
		n++
	}
	vals := make([]any, n)
	ptrs := make([]any, n)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	buf := make([]byte, 0, 4096)
	first := true
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return fmt.Errorf("reading %s: %w", sec.label, err)
		}
		buf = buf[:0]
		if !first {
			buf = append(buf, ',')
		}
		first = false
		buf = append(buf, "\n      {"...)
		for i, c := range sec.cols {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = appendJSONString(buf, c.field)
			buf = append(buf, ':')
			buf, err = appendValue(buf, c, vals[i])
			if err != nil {
				return fmt.Errorf("%s %v: %w", sec.one, vals[0], err)
			}
		}
		if sec.tags {
			buf = append(buf, `,"tags":`...)
			buf = append(buf, asString(vals[len(sec.cols)])...)
		}
		buf = append(buf, '}')
		if _, err := w.Write(buf); err != nil {
			return fmt.Errorf("writing the export: %w", err)
		}
		if err := progress.add(1); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading %s: %w", sec.label, err)
	}
	if !first {
		w.WriteString("\n    ")
	}
	w.WriteByte(']')
	return nil
}

// appendValue writes one column's value as the column's JSON type.
func appendValue(buf []byte, c column, v any) ([]byte, error) {
	if v == nil {
		return append(buf, "null"...), nil
	}
	switch c.typ {
	case colText, colRef:
		return appendJSONString(buf, asString(v)), nil
	case colJSON:
		s := asString(v)
		if !json.Valid([]byte(s)) {
			// Damaged text in a JSON column still leaves the journal, as a
			// string, rather than stopping the export of everything else.
			return appendJSONString(buf, s), nil
		}
		var compact bytes.Buffer
		_ = json.Compact(&compact, []byte(s))
		return append(buf, compact.Bytes()...), nil
	}
	n, ok := v.(int64)
	if !ok {
		return buf, fmt.Errorf("column %s holds %T, want an integer", c.name, v)
	}
	switch c.typ {
	case colBool:
		return strconv.AppendBool(buf, n != 0), nil
	case colTime:
		buf = append(buf, '"')
		buf = time.UnixMilli(n).UTC().AppendFormat(buf, timeLayout)
		return append(buf, '"'), nil
	}
	return strconv.AppendInt(buf, n, 10), nil
}

func asString(v any) string {
	switch s := v.(type) {
	case string:
		return s
	case []byte:
		return string(s)
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

// appendJSONString appends s as a JSON string. It escapes what JSON requires
// plus U+2028 and U+2029, and turns invalid UTF-8 into U+FFFD, as
// encoding/json does, but leaves <, > and & readable.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '"', '\\':
				dst = append(dst, '\\', b)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
