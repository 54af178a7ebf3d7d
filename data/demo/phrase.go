package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A phrase is one sentence of the bank with its variables and choices:
//
//	{child} asked if I could watch [the match|{his} match] on {day}.
//
// {name} is a variable bound once per scene, so a child or a client stays
// the same through an entry; {Name} is the same value with a capital
// letter. [a|b|c] chooses one of its parts, [a|] sometimes leaves it out.
// Phrases are parsed once into pieces, so writing one is a few appends.
type phrase struct {
	src    string
	pieces []piece
	vars   []int     // every variable used, in choices too: all must be bound
	follow []*phrase // sentences that only fit right after this one
}

type piece struct {
	lit  string
	v    int // variable id, or -1
	caps bool
	alts [][]piece
}

func parsePhrase(src string) (*phrase, error) {
	p := &phrase{src: src}
	pieces, rest, err := parsePieces(src, p, false)
	if err != nil {
		return nil, err
	}
	if rest != "" {
		return nil, fmt.Errorf("unbalanced ] in %q", src)
	}
	p.pieces = pieces
	return p, nil
}

// parsePieces reads until the end of s or, inside a choice, its closing |
// or ].
func parsePieces(s string, p *phrase, inChoice bool) ([]piece, string, error) {
	var out []piece
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			out = append(out, piece{lit: lit.String(), v: -1})
			lit.Reset()
		}
	}
	for s != "" {
		switch c := s[0]; {
		case c == '{':
			end := strings.IndexByte(s, '}')
			if end < 0 {
				return nil, "", fmt.Errorf("unclosed { in %q", p.src)
			}
			name := s[1:end]
			id, ok := varIDs[strings.ToLower(name)]
			if !ok {
				return nil, "", fmt.Errorf("unknown variable {%s} in %q", name, p.src)
			}
			flush()
			first, _ := utf8.DecodeRuneInString(name)
			out = append(out, piece{v: id, caps: unicode.IsUpper(first)})
			p.vars = appendOnce(p.vars, id)
			s = s[end+1:]
		case c == '[':
			flush()
			choice := piece{v: -1}
			s = s[1:]
			for {
				alt, rest, err := parsePieces(s, p, true)
				if err != nil {
					return nil, "", err
				}
				choice.alts = append(choice.alts, alt)
				if rest == "" {
					return nil, "", fmt.Errorf("unclosed [ in %q", p.src)
				}
				s = rest[1:]
				if rest[0] == ']' {
					break
				}
			}
			out = append(out, choice)
		case inChoice && (c == '|' || c == ']'):
			flush()
			return out, s, nil
		case c == ']' || c == '|' || c == '}':
			return nil, "", fmt.Errorf("stray %c in %q", c, p.src)
		default:
			lit.WriteByte(c)
			s = s[1:]
		}
	}
	flush()
	return out, "", nil
}

func appendOnce(ids []int, id int) []int {
	for _, x := range ids {
		if x == id {
			return ids
		}
	}
	return append(ids, id)
}

// write appends the phrase to b with the scene's values.
func (p *phrase) write(b *strings.Builder, sc *scene) {
	writePieces(b, p.pieces, sc, sc.r)
}

func writePieces(b *strings.Builder, pieces []piece, sc *scene, r *rand.Rand) {
	for _, pc := range pieces {
		switch {
		case pc.alts != nil:
			writePieces(b, pc.alts[r.IntN(len(pc.alts))], sc, r)
		case pc.v >= 0:
			val := sc.value(pc.v)
			if pc.caps {
				b.WriteString(capitalise(val))
			} else {
				b.WriteString(val)
			}
		default:
			b.WriteString(pc.lit)
		}
	}
}

// text is the phrase written on its own.
func (p *phrase) text(sc *scene) string {
	var b strings.Builder
	p.write(&b, sc)
	return b.String()
}

func capitalise(s string) string {
	if s == "" || s[0] >= 'A' && s[0] <= 'Z' {
		return s
	}
	if s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
