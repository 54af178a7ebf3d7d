// Package ical reads and writes iCalendar (.ics) files: a school's or a
// family calendar imported as commitments of a tier, with its time zones
// (IANA, Windows and made-up TZIDs) resolved and each problem reported by
// line; and the commitments of chosen tiers exported as neutral busy
// blocks for a work calendar. golang-ical splits the content lines; this
// package keeps their line numbers, checks the structure and maps VEVENTs
// to commitments. It depends on data and stores through the store's
// MergeCalendarEvents.
package ical

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	ics "github.com/arran4/golang-ical"

	"github.com/bothand/bothand/data/prose"
)

// MaxSize is the largest .ics file read. A decade of a busy school's
// calendar is a few megabytes; reading takes about 15 times the file's size
// in memory at its peak (30 MB took 430 MB here), so the limit keeps an
// import within a couple of hundred megabytes.
const MaxSize = 16 << 20

// Error is a calendar file refused: the line (counted as a text editor
// counts them, folded lines included) and what is wrong there.
type Error struct {
	Line    int
	Problem string
}

func (e *Error) Error() string {
	if e.Line <= 0 {
		return "The calendar file can't be imported: " + e.Problem
	}
	return fmt.Sprintf("The calendar file can't be imported: line %d: %s", e.Line, e.Problem)
}

func errorAt(line int, format string, args ...any) error {
	return &Error{Line: line, Problem: fmt.Sprintf(format, args...)}
}

// property is one property of a component, with the line it starts on.
type property struct {
	line   int
	name   string // upper case
	params map[string][]string
	value  string // TEXT values unescaped
}

func (p *property) param(name string) string {
	if v := p.params[name]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// component is a BEGIN…END component with its properties and children.
type component struct {
	name     string
	line     int
	props    []property
	children []*component
}

func (c *component) prop(name string) *property {
	for i := range c.props {
		if c.props[i].name == name {
			return &c.props[i]
		}
	}
	return nil
}

func (c *component) value(name string) string {
	if p := c.prop(name); p != nil {
		return p.value
	}
	return ""
}

func (c *component) all(name string) []*property {
	var out []*property
	for i := range c.props {
		if c.props[i].name == name {
			out = append(out, &c.props[i])
		}
	}
	return out
}

// readICS reads the VCALENDARs in r. The content lines are unfolded and
// split by golang-ical's parser; this layer keeps each one's line number
// and checks the BEGIN/END structure, which the library reports without
// a place in the file.
func read(r io.Reader) ([]*component, error) {
	data, err := readAtMost(r, MaxSize+1)
	if err != nil {
		return nil, err
	}
	if len(data) > MaxSize {
		return nil, errorAt(0, "the file is larger than %d MB. Export just the calendar you need (a school's calendar is usually well under 1 MB) and import that.", MaxSize>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errorAt(0, "the file is empty.")
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, errorAt(0, "the file holds binary data; an iCalendar file is text starting with BEGIN:VCALENDAR.")
	}
	raw := strings.Split(strings.ToValidUTF8(string(data), "\uFFFD"), "\n")

	var (
		calendars []*component
		stack     []*component
		content   strings.Builder
		startLine int
	)
	flush := func() error {
		if startLine == 0 {
			return nil
		}
		line, text := startLine, content.String()
		startLine = 0
		content.Reset()
		return addContentLine(line, text, &stack, &calendars)
	}
	for i, l := range raw {
		l = strings.TrimSuffix(l, "\r")
		if l != "" && (l[0] == ' ' || l[0] == '\t') {
			if startLine == 0 {
				return nil, errorAt(i+1, "this line is indented as the continuation of a folded line, but nothing comes before it.")
			}
			content.WriteString(l[1:])
			continue
		}
		if err := flush(); err != nil {
			return nil, err
		}
		if strings.TrimSpace(l) == "" {
			continue
		}
		startLine = i + 1
		content.WriteString(l)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	if len(stack) > 0 {
		open := stack[len(stack)-1]
		return nil, errorAt(len(raw), "the file ends before END:%s closes the BEGIN:%s on line %d; it looks cut short.", open.name, open.name, open.line)
	}
	if len(calendars) == 0 {
		return nil, errorAt(1, "this isn't an iCalendar file: it has no BEGIN:VCALENDAR.")
	}
	return calendars, nil
}

func addContentLine(line int, text string, stack *[]*component, calendars *[]*component) error {
	bp, err := ics.ParseProperty(ics.ContentLine(text))
	if err != nil {
		return errorAt(line, "%v.", err)
	}
	if bp == nil || !startsWithName(text) {
		return errorAt(line, "“%s” isn't a calendar line (NAME:value).", prose.Clip(text, 41))
	}
	name := strings.ToUpper(bp.IANAToken)
	value := strings.TrimSpace(bp.Value)
	switch name {
	case "BEGIN":
		comp := &component{name: strings.ToUpper(value), line: line}
		if comp.name == "" {
			return errorAt(line, "BEGIN without a component name.")
		}
		if len(*stack) == 0 {
			if comp.name != "VCALENDAR" {
				return errorAt(line, "expected BEGIN:VCALENDAR, found BEGIN:%s.", comp.name)
			}
			*calendars = append(*calendars, comp)
		} else {
			parent := (*stack)[len(*stack)-1]
			parent.children = append(parent.children, comp)
		}
		*stack = append(*stack, comp)
		return nil
	case "END":
		if len(*stack) == 0 {
			return errorAt(line, "END:%s without a matching BEGIN.", strings.ToUpper(value))
		}
		open := (*stack)[len(*stack)-1]
		if !strings.EqualFold(open.name, value) {
			return errorAt(line, "END:%s here, but the BEGIN:%s on line %d isn't closed yet.", strings.ToUpper(value), open.name, open.line)
		}
		*stack = (*stack)[:len(*stack)-1]
		return nil
	}
	if len(*stack) == 0 {
		if len(*calendars) == 0 {
			return errorAt(line, "this isn't an iCalendar file: it should start with BEGIN:VCALENDAR.")
		}
		return errorAt(line, "%s comes after END:VCALENDAR.", name)
	}
	params := make(map[string][]string, len(bp.ICalParameters))
	for k, v := range bp.ICalParameters {
		params[strings.ToUpper(k)] = v
	}
	top := (*stack)[len(*stack)-1]
	top.props = append(top.props, property{line: line, name: name, params: params, value: value})
	return nil
}

// startsWithName guards against the library's property-name search, which
// is not anchored: "  : x" or "@@@:x" must not read as properties.
func startsWithName(text string) bool {
	if text == "" {
		return false
	}
	c := text[0]
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'
}

// readAtMost reads up to limit bytes in chunks and joins them once, so
// reading a file allocates about twice its size. io.ReadAll grows its
// buffer by a quarter at a time at these sizes: refusing a file at the
// limit allocated four to eight times the limit on the way.
func readAtMost(r io.Reader, limit int) ([]byte, error) {
	var chunks [][]byte
	total, size := 0, 64<<10
	for total < limit {
		c := make([]byte, min(size, limit-total))
		n, err := io.ReadFull(r, c)
		chunks = append(chunks, c[:n])
		total += n
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return nil, err
		}
		size = min(size*2, 1<<20)
	}
	out := make([]byte, 0, total)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return out, nil
}
