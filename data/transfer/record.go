package transfer

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/bothand/bothand/data/prose"
)

// parsed is one record of the file, checked and converted to what SQLite
// stores, before its references are resolved.
type parsed struct {
	sec     *section
	index   int
	offset  int64
	id      string   // uuid, or key for settings
	vals    []any    // by sec.cols; nil means NULL
	present []bool   // by sec.cols: the file gave the field
	refs    []string // by sec.cols: the UUID a colRef names ("" for none)
	tags    []string // entries: tag UUIDs
	tagIDs  []int64  // entries: the tags' ids, once resolved
	hasTags bool
	updated int64
	fields  map[string]json.RawMessage
}

func (p *parsed) where() string {
	if p.id != "" {
		label := "uuid"
		if p.sec.keyed {
			label = "key"
		}
		return fmt.Sprintf("%s[%d] (%s %s)", p.sec.table, p.index, label, p.id)
	}
	return fmt.Sprintf("%s[%d]", p.sec.table, p.index)
}

func (p *parsed) fail(format string, args ...any) error {
	return &ImportError{Offset: p.offset, Record: p.where(), Problem: fmt.Sprintf(format, args...)}
}

// parseRecord checks one record's fields against its kind.
func parseRecord(sec *section, index int, offset int64, fields map[string]json.RawMessage) (*parsed, error) {
	p := &parsed{
		sec: sec, index: index, offset: offset, fields: fields,
		vals: make([]any, len(sec.cols)), present: make([]bool, len(sec.cols)), refs: make([]string, len(sec.cols)),
	}
	idField := "uuid"
	if sec.keyed {
		idField = "key"
	}
	if raw, ok := fields[idField]; ok {
		if s, ok := rawString(raw); ok {
			p.id = s
		}
	}
	for name, raw := range fields {
		if name == "tags" && sec.tags {
			if err := p.parseTags(raw); err != nil {
				return nil, err
			}
			continue
		}
		i := sec.fieldIndex(name)
		if i < 0 {
			return nil, p.fail("unknown field %q; %s have %s.", name, sec.label, sec.fieldList())
		}
		c := &sec.cols[i]
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
	if i := sec.fieldIndex(idField); !p.present[i] || p.vals[i] == nil {
		return nil, p.fail("%q is missing: every record needs one.", idField)
	}
	p.id = p.vals[sec.fieldIndex(idField)].(string)
	if !sec.keyed {
		id, err := parseUUID(p.id)
		if err != nil {
			return nil, p.fail("%q should be a UUID like 0193a4f0-7c1e-7d3a-9b2f-1c2d3e4f5a6b, not %q.", "uuid", prose.Clip(p.id, quoteLen))
		}
		p.id = id
		p.vals[sec.fieldIndex(idField)] = id
	}
	ui := sec.fieldIndex("updated_at")
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
				return nil, fmt.Sprintf("%q should be the UUID of a record, not %q.", c.field, prose.Clip(s, quoteLen))
			}
			return id, ""
		case colTime:
			t, err := time.Parse(time.RFC3339Nano, s)
			if err != nil {
				return nil, fmt.Sprintf("%q should be a time like 2026-11-25T09:00:00.000Z, not %q.", c.field, prose.Clip(s, quoteLen))
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
		return fmt.Sprintf("the text %q", prose.Clip(s, quoteLen))
	case '{':
		return "an object"
	case '[':
		return "a list"
	case 't', 'f':
		return string(raw)
	case 'n':
		return "null"
	}
	return "the number " + prose.Clip(string(raw), quoteLen)
}

func describeValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return fmt.Sprintf("%q", prose.Clip(x, quoteLen))
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

// quoteLen is how much of a value a message quotes: 40 characters and an
// ellipsis.
const quoteLen = 41
