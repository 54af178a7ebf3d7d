package demo

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The phrase bank: every sentence the demo writes, in the text files under
// bank/. A file holds sections:
//
//	== list NAME        one value a line (names, places, dishes)
//	== pool NAME        one phrase a line
//	== situation NAME   what an entry can be about: attributes, then parts
//	weight: 6           how often, against the other situations
//	age: 4-17           the age of the child it is about
//	-- trigger          phrases of that part, one a line
//	+ a follow-up       a sentence that only fits after the phrase above it
//
// Lines starting with # are comments. The sentences are written for the
// demo, in a parent's plain words; nothing is drawn word by word.
//
//go:embed bank/*.txt
var bankFiles embed.FS

type bank struct {
	lists      map[string][]string
	pools      map[string][]*phrase
	situations []*situation
	byName     map[string]*situation
	events     map[string][]*event // by phase: the lists events.PHASE
}

// event is a school or nursery event: what it is called, the months it
// happens in, and notes a parent might put on it.
type event struct {
	phrase string
	months uint16
	notes  []*phrase
}

// in says whether the event happens in month m.
func (e *event) in(m time.Month) bool { return e.months&(1<<m) != 0 }

// situation is one kind of moment a journal entry is about, with the
// phrases for each of its answers.
type situation struct {
	name           string
	weight         float64
	ageMin, ageMax int    // of the child it is about; -1 when no child
	months         uint16 // bit m set: can happen in month m; 0 is any
	link           string // the kind of commitment it can be about
	severity       float64
	tags           []tagChance
	parts          map[string][]*phrase
	// plain leaves out the general sentences about missed time and
	// deadlines, which don't fit good days and the person's own time.
	plain bool
	// adults: the entry is about the grown-ups (money, the partner, a
	// grandparent), so the general sentences about a child are left out.
	adults bool
	days   uint8 // bit d set: can be written on weekday d (Sunday 0); 0 is any
}

type tagChance struct {
	name   string
	chance float64
}

var loadBank = sync.OnceValue(func() *bank {
	b, err := parseBank(bankFiles)
	if err != nil {
		panic("demo phrase bank: " + err.Error())
	}
	return b
})

func parseBank(fsys fs.FS) (*bank, error) {
	names, err := fs.Glob(fsys, "bank/*.txt")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	b := &bank{lists: map[string][]string{}, pools: map[string][]*phrase{}, byName: map[string]*situation{}}
	for _, name := range names {
		text, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		if err := b.parseFile(name, string(text)); err != nil {
			return nil, err
		}
	}
	return b, b.parseEvents()
}

// parseEvents reads the lists events.PHASE, whose lines are
// "phrase | months | note; note", and leaves the phrases alone in the list
// for the {event} variable.
func (b *bank) parseEvents() error {
	b.events = map[string][]*event{}
	notes := map[string]*phrase{}
	for name, lines := range b.lists {
		phase, ok := strings.CutPrefix(name, "events.")
		if !ok {
			continue
		}
		var phrases []string
		for _, line := range lines {
			f := strings.Split(line, "|")
			if len(f) != 3 {
				return fmt.Errorf("list %s: want “phrase | months | notes” in %q", name, line)
			}
			e := &event{phrase: strings.TrimSpace(f[0])}
			m, err := parseMonths(strings.TrimSpace(f[1]))
			if err != nil {
				return fmt.Errorf("list %s: %w", name, err)
			}
			e.months = m
			for _, n := range strings.Split(f[2], ";") {
				n = strings.TrimSpace(n)
				if notes[n] == nil {
					p, err := parsePhrase(n)
					if err != nil {
						return fmt.Errorf("list %s: %w", name, err)
					}
					notes[n] = p
				}
				e.notes = append(e.notes, notes[n])
			}
			b.events[phase] = append(b.events[phase], e)
			phrases = append(phrases, e.phrase)
		}
		b.lists[name] = phrases
	}
	return nil
}

func (b *bank) parseFile(file, text string) error {
	var kind, name, part string
	var sit *situation
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		where := fmt.Sprintf("%s:%d", file, i+1)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "== "):
			f := strings.Fields(line[3:])
			if len(f) != 2 {
				return fmt.Errorf("%s: want “== kind name”", where)
			}
			kind, name, part, sit = f[0], f[1], "", nil
			switch kind {
			case "list", "pool":
				if _, dup := b.lists[name]; dup {
					return fmt.Errorf("%s: %s defined twice", where, name)
				}
				if _, dup := b.pools[name]; dup {
					return fmt.Errorf("%s: %s defined twice", where, name)
				}
			case "situation":
				if b.byName[name] != nil {
					return fmt.Errorf("%s: situation %s defined twice", where, name)
				}
				sit = &situation{name: name, weight: 1, ageMin: 0, ageMax: 99, parts: map[string][]*phrase{}}
				b.situations = append(b.situations, sit)
				b.byName[name] = sit
			default:
				return fmt.Errorf("%s: unknown section kind %q", where, kind)
			}
		case kind == "":
			return fmt.Errorf("%s: text before the first section", where)
		case kind == "list":
			b.lists[name] = append(b.lists[name], line)
		case kind == "pool":
			p, err := parsePhrase(line)
			if err != nil {
				return fmt.Errorf("%s: %w", where, err)
			}
			b.pools[name] = append(b.pools[name], p)
		case strings.HasPrefix(line, "-- "):
			part = strings.TrimSpace(line[3:])
		case part == "":
			key, val, ok := strings.Cut(line, ":")
			if !ok {
				return fmt.Errorf("%s: want “key: value” before the first part", where)
			}
			if err := sit.set(strings.TrimSpace(key), strings.TrimSpace(val)); err != nil {
				return fmt.Errorf("%s: %w", where, err)
			}
		case strings.HasPrefix(line, "+ "):
			list := sit.parts[part]
			if len(list) == 0 {
				return fmt.Errorf("%s: a follow-up needs a phrase before it", where)
			}
			p, err := parsePhrase(strings.TrimSpace(line[2:]))
			if err != nil {
				return fmt.Errorf("%s: %w", where, err)
			}
			last := list[len(list)-1]
			last.follow = append(last.follow, p)
		default:
			p, err := parsePhrase(line)
			if err != nil {
				return fmt.Errorf("%s: %w", where, err)
			}
			sit.parts[part] = append(sit.parts[part], p)
		}
	}
	return nil
}

func (s *situation) set(key, val string) error {
	var err error
	switch key {
	case "weight":
		s.weight, err = strconv.ParseFloat(val, 64)
	case "severity":
		s.severity, err = strconv.ParseFloat(val, 64)
	case "age":
		if val == "none" {
			s.ageMin, s.ageMax = -1, -1
			return nil
		}
		lo, hi, _ := strings.Cut(val, "-")
		if s.ageMin, err = strconv.Atoi(lo); err == nil {
			s.ageMax, err = strconv.Atoi(hi)
		}
	case "months":
		s.months, err = parseMonths(val)
	case "link":
		s.link = val
	case "plain":
		s.plain = val == "yes"
	case "focus":
		s.adults = val == "adults"
	case "days":
		for _, d := range strings.Split(val, ",") {
			i := slices.Index([]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}, strings.TrimSpace(d))
			if i < 0 {
				return fmt.Errorf("bad day %q", d)
			}
			s.days |= 1 << i
		}
	case "tags":
		for _, t := range strings.Split(val, ",") {
			t = strings.TrimSpace(t)
			cut := strings.LastIndexByte(t, ' ')
			if cut < 0 {
				return fmt.Errorf("tag %q needs a chance in percent", t)
			}
			pc, err := strconv.ParseFloat(t[cut+1:], 64)
			if err != nil {
				return fmt.Errorf("tag %q: %w", t, err)
			}
			s.tags = append(s.tags, tagChance{t[:cut], pc / 100})
		}
	default:
		return fmt.Errorf("unknown attribute %q", key)
	}
	return err
}

// parseMonths reads "1-7,9-12" into a set of months, bit m for month m.
func parseMonths(val string) (uint16, error) {
	var set uint16
	for _, r := range strings.Split(val, ",") {
		lo, hi, found := strings.Cut(strings.TrimSpace(r), "-")
		if !found {
			hi = lo
		}
		a, err1 := strconv.Atoi(lo)
		z, err2 := strconv.Atoi(hi)
		if err1 != nil || err2 != nil || a < 1 || z > 12 || a > z {
			return 0, fmt.Errorf("bad months %q", val)
		}
		for m := a; m <= z; m++ {
			set |= 1 << m
		}
	}
	return set, nil
}

// list returns a named list; a missing one is a mistake in the bank.
func (b *bank) list(name string) []string {
	l, ok := b.lists[name]
	if !ok {
		panic("demo phrase bank: no list " + name)
	}
	return l
}

func (b *bank) pool(name string) []*phrase {
	p, ok := b.pools[name]
	if !ok {
		panic("demo phrase bank: no pool " + name)
	}
	return p
}
