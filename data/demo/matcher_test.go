package demo

import (
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"
)

// A matcher tells whether a text could have been written from a set of
// phrases: each phrase becomes a regular expression in which a variable
// stands for any of its possible values, and each sentence of the text
// must match one of them whole. Word salad, a sentence cut short or a
// phrase from nowhere fails.
type matcher struct {
	byFirst map[string][]*phrase // phrases by their first literal word; "" when they start with a choice or a variable
	res     map[*phrase]*regexp.Regexp
	values  [numVars][]string
}

func newMatcher(b *bank, phrases []*phrase) *matcher {
	m := &matcher{byFirst: map[string][]*phrase{}, res: map[*phrase]*regexp.Regexp{}}
	for v := range numVars {
		m.values[v] = varValues(b, v)
	}
	for _, p := range phrases {
		key := ""
		if len(p.pieces) > 0 && p.pieces[0].v < 0 && p.pieces[0].alts == nil {
			key = firstWord(p.pieces[0].lit)
		}
		m.byFirst[key] = append(m.byFirst[key], p)
	}
	return m
}

// matches says whether s is one of the phrases, written out.
func (m *matcher) matches(s string) bool {
	for _, key := range []string{firstWord(s), ""} {
		for _, p := range m.byFirst[key] {
			if m.re(p).MatchString(s) {
				return true
			}
		}
	}
	return false
}

func (m *matcher) re(p *phrase) *regexp.Regexp {
	if re := m.res[p]; re != nil {
		return re
	}
	var b strings.Builder
	b.WriteString("^")
	m.writeRE(&b, p.pieces)
	b.WriteString("$")
	re := regexp.MustCompile(b.String())
	m.res[p] = re
	return re
}

func (m *matcher) writeRE(b *strings.Builder, pieces []piece) {
	for _, pc := range pieces {
		switch {
		case pc.alts != nil:
			b.WriteString("(?:")
			for i, alt := range pc.alts {
				if i > 0 {
					b.WriteString("|")
				}
				m.writeRE(b, alt)
			}
			b.WriteString(")")
		case pc.v >= 0:
			b.WriteString("(?:")
			for i, val := range m.values[pc.v] {
				if i > 0 {
					b.WriteString("|")
				}
				if pc.caps {
					val = capitalise(val)
				}
				b.WriteString(regexp.QuoteMeta(val))
			}
			b.WriteString(")")
		default:
			b.WriteString(regexp.QuoteMeta(pc.lit))
		}
	}
}

func firstWord(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	if i < 0 {
		return s
	}
	return s[:i]
}

// sentences splits a written answer where the generator joined phrases:
// after . ? or ! and a space or a paragraph break.
func sentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		if c := text[i]; (c == '.' || c == '?' || c == '!') && i+1 < len(text) && (text[i+1] == ' ' || text[i+1] == '\n') {
			out = append(out, text[start:i+1])
			j := i + 1
			for j < len(text) && (text[j] == ' ' || text[j] == '\n') {
				j++
			}
			start, i = j, j-1
		}
	}
	return append(out, text[start:])
}

// varValues is every value variable v can take, for any family.
func varValues(b *bank, v int) []string {
	lists := func(names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, b.list(n)...)
		}
		return out
	}
	var out []string
	switch v {
	case vChild, vSib:
		out = lists("girls", "boys")
	case vHe:
		out = []string{"he", "she"}
	case vHim:
		out = []string{"him", "her"}
	case vHis:
		out = []string{"his", "her"}
	case vAge:
		for y := range 40 {
			for mo := range 12 {
				out = append(out, ageWords(y, mo))
			}
		}
	case vSchool:
		out = []string{"nursery", "school"}
	case vTeacher:
		out = lists("teachers", "keyworkers")
	case vKids:
		out = lists("kids")
	case vPartner:
		out = lists("partners")
	case vGran:
		out = lists("grans")
	case vParent:
		out = []string{"Mum", "Dad"}
	case vFriend:
		out = lists("friends")
	case vClient, vContact, vProject:
		for _, c := range newRoster(newRand(1), b) {
			switch v {
			case vClient:
				out = append(out, c.name)
			case vContact:
				out = append(out, c.contact)
			default:
				out = append(out, c.projects...)
			}
		}
	case vTask:
		out = lists("tasks")
	case vEvent:
		out = lists("events.nursery", "events.primary", "events.secondary")
	case vActivity:
		out = lists("activities.nursery", "activities.primary", "activities.secondary")
	case vDay, vYesterday:
		for d := range 7 {
			out = append(out, time.Weekday(d).String())
		}
	case vMonth:
		for mo := 1; mo <= 12; mo++ {
			out = append(out, time.Month(mo).String())
		}
	case vClock:
		for h := range 24 {
			for mi := range 60 {
				out = append(out, clockWords(h, mi))
			}
		}
	case vEvTime:
		out = lists("event-times")
	case vCallTime:
		out = lists("call-times")
	case vDinner:
		out = lists("dinners")
	case vPlace:
		out = lists("places")
	case vDestination:
		out = lists("destinations")
	case vMins:
		out = lists("minutes")
	case vShow:
		out = lists("shows")
	case vMade:
		out = lists("makes")
	case vGame:
		out = lists("games")
	case vBook:
		out = lists("books")
	case vTreat:
		out = lists("treats")
	}
	// Longest first, so a regular expression tries "the kids" before "the".
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return dedupe(out)
}

func dedupe(l []string) []string {
	seen := map[string]bool{}
	out := l[:0]
	for _, s := range l {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// vocabulary is every word the bank can write: its phrases' own words and
// every value of every variable, in lower case.
func vocabulary(b *bank) map[string]bool {
	words := map[string]bool{}
	add := func(s string) {
		for _, w := range tokens(s) {
			words[w] = true
		}
	}
	var walk func(pieces []piece)
	walk = func(pieces []piece) {
		for _, pc := range pieces {
			add(pc.lit)
			for _, alt := range pc.alts {
				walk(alt)
			}
		}
	}
	for _, p := range allPhrases(b) {
		walk(p.pieces)
	}
	for v := range numVars {
		for _, val := range varValues(b, v) {
			add(val)
		}
	}
	for _, l := range b.lists {
		for _, val := range l {
			add(val)
		}
	}
	return words
}

// tokens are the words of s in lower case; an apostrophe splits them, so
// "Leo's" is "leo" and "s", as the bank writes {child}'s.
func tokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) })
}

// allPhrases is every phrase of the bank, follow-ups included.
func allPhrases(b *bank) []*phrase {
	var out []*phrase
	var add func(list []*phrase)
	add = func(list []*phrase) {
		for _, p := range list {
			out = append(out, p)
			add(p.follow)
		}
	}
	for _, s := range b.situations {
		for _, list := range s.parts {
			add(list)
		}
	}
	for _, list := range b.pools {
		add(list)
	}
	add(eventNotes(b))
	return out
}

// eventNotes are the notes of the school events, each once.
func eventNotes(b *bank) []*phrase {
	seen := map[*phrase]bool{}
	var out []*phrase
	for _, list := range b.events {
		for _, e := range list {
			for _, n := range e.notes {
				if !seen[n] {
					seen[n] = true
					out = append(out, n)
				}
			}
		}
	}
	return out
}

// entryPhrases are the phrases an entry's answers are written from.
func entryPhrases(b *bank) []*phrase {
	var out []*phrase
	var add func(list []*phrase)
	add = func(list []*phrase) {
		for _, p := range list {
			out = append(out, p)
			add(p.follow)
		}
	}
	for _, s := range b.situations {
		for part, list := range s.parts {
			if part != "title" && part != "step" {
				add(list)
			}
		}
	}
	for _, name := range []string{"context", "story-guilt", "story-guilt-child", "story-shame", "story-unsure", "friend", "friend-plan", "friend-kind", "afterword"} {
		add(b.pool(name))
	}
	return out
}
