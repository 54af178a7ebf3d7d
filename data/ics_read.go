package data

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	ics "github.com/arran4/golang-ical"
)

// MaxICSSize is the largest .ics file read. A decade of a busy school's
// calendar is a few megabytes; reading takes about 15 times the file's size
// in memory at its peak (30 MB took 430 MB here), so the limit keeps an
// import within a couple of hundred megabytes.
const MaxICSSize = 16 << 20

// ICSError is a calendar file refused: the line (counted as a text editor
// counts them, folded lines included) and what is wrong there.
type ICSError struct {
	Line    int
	Problem string
}

func (e *ICSError) Error() string {
	if e.Line <= 0 {
		return "The calendar file can't be imported: " + e.Problem
	}
	return fmt.Sprintf("The calendar file can't be imported: line %d: %s", e.Line, e.Problem)
}

func icsErr(line int, format string, args ...any) error {
	return &ICSError{Line: line, Problem: fmt.Sprintf(format, args...)}
}

// icsProp is one property of a component, with the line it starts on.
type icsProp struct {
	line   int
	name   string // upper case
	params map[string][]string
	value  string // TEXT values unescaped
}

func (p *icsProp) param(name string) string {
	if v := p.params[name]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// icsComp is a BEGIN…END component with its properties and children.
type icsComp struct {
	name     string
	line     int
	props    []icsProp
	children []*icsComp
}

func (c *icsComp) prop(name string) *icsProp {
	for i := range c.props {
		if c.props[i].name == name {
			return &c.props[i]
		}
	}
	return nil
}

func (c *icsComp) value(name string) string {
	if p := c.prop(name); p != nil {
		return p.value
	}
	return ""
}

func (c *icsComp) all(name string) []*icsProp {
	var out []*icsProp
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
func readICS(r io.Reader) ([]*icsComp, error) {
	data, err := readAtMost(r, MaxICSSize+1)
	if err != nil {
		return nil, err
	}
	if len(data) > MaxICSSize {
		return nil, icsErr(0, "the file is larger than %d MB. Export just the calendar you need (a school's calendar is usually well under 1 MB) and import that.", MaxICSSize>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, icsErr(0, "the file is empty.")
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, icsErr(0, "the file holds binary data; an iCalendar file is text starting with BEGIN:VCALENDAR.")
	}
	raw := strings.Split(strings.ToValidUTF8(string(data), "\uFFFD"), "\n")

	var (
		calendars []*icsComp
		stack     []*icsComp
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
				return nil, icsErr(i+1, "this line is indented as the continuation of a folded line, but nothing comes before it.")
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
		return nil, icsErr(len(raw), "the file ends before END:%s closes the BEGIN:%s on line %d; it looks cut short.", open.name, open.name, open.line)
	}
	if len(calendars) == 0 {
		return nil, icsErr(1, "this isn't an iCalendar file: it has no BEGIN:VCALENDAR.")
	}
	return calendars, nil
}

func addContentLine(line int, text string, stack *[]*icsComp, calendars *[]*icsComp) error {
	bp, err := ics.ParseProperty(ics.ContentLine(text))
	if err != nil {
		return icsErr(line, "%v.", err)
	}
	if bp == nil || !startsWithName(text) {
		return icsErr(line, "“%s” isn't a calendar line (NAME:value).", shorten(text, 40))
	}
	name := strings.ToUpper(bp.IANAToken)
	value := strings.TrimSpace(bp.Value)
	switch name {
	case "BEGIN":
		comp := &icsComp{name: strings.ToUpper(value), line: line}
		if comp.name == "" {
			return icsErr(line, "BEGIN without a component name.")
		}
		if len(*stack) == 0 {
			if comp.name != "VCALENDAR" {
				return icsErr(line, "expected BEGIN:VCALENDAR, found BEGIN:%s.", comp.name)
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
			return icsErr(line, "END:%s without a matching BEGIN.", strings.ToUpper(value))
		}
		open := (*stack)[len(*stack)-1]
		if !strings.EqualFold(open.name, value) {
			return icsErr(line, "END:%s here, but the BEGIN:%s on line %d isn't closed yet.", strings.ToUpper(value), open.name, open.line)
		}
		*stack = (*stack)[:len(*stack)-1]
		return nil
	}
	if len(*stack) == 0 {
		if len(*calendars) == 0 {
			return icsErr(line, "this isn't an iCalendar file: it should start with BEGIN:VCALENDAR.")
		}
		return icsErr(line, "%s comes after END:VCALENDAR.", name)
	}
	params := make(map[string][]string, len(bp.ICalParameters))
	for k, v := range bp.ICalParameters {
		params[strings.ToUpper(k)] = v
	}
	top := (*stack)[len(*stack)-1]
	top.props = append(top.props, icsProp{line: line, name: name, params: params, value: value})
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

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
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
