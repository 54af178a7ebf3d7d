package data

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Snippets are made here rather than with FTS5's snippet(): FTS5 would
// open the index once per row (tens of microseconds per row on a journal
// whose index has many segments), while the page's fifty answers are
// already in hand and a word scan over them takes microseconds. The
// tokenizer mirrors the index's (unicode61, remove_diacritics 2): words are
// runs of letters, digits, private-use characters and combining marks,
// compared lower-cased without diacritics.

// token is a word of an answer: where it is. Its folded form is made only
// when a comparison needs it.
type token struct {
	start, end int
	ascii      bool
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r) || unicode.Is(unicode.Mn, r)
}

// tokenize splits text into words.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/6)
	start, ascii := -1, true
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start, ascii = i, true
			}
			ascii = ascii && r < utf8.RuneSelf
			continue
		}
		if start >= 0 {
			toks = append(toks, token{start, i, ascii})
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, token{start, len(text), ascii})
	}
	return toks
}

// is reports whether the word at t in text folds to the folded word w.
func (t token) is(text, w string) bool {
	word := text[t.start:t.end]
	if !t.ascii {
		return fold(word) == w
	}
	if len(word) != len(w) {
		return false
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}

// fold lower-cases a word and removes its diacritics, as the index does.
func fold(word string) string {
	ascii := true
	for i := 0; i < len(word); i++ {
		if word[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(word)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(word) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// queryPhrases returns the folded words of each search term; a term like
// "café-morning" is a phrase of two words, as it is for the index.
func queryPhrases(text string) [][]string {
	var phrases [][]string
	for _, term := range strings.Fields(text) {
		var words []string
		for _, t := range tokenize(term) {
			words = append(words, fold(term[t.start:t.end]))
		}
		if len(words) > 0 {
			phrases = append(phrases, words)
		}
	}
	return phrases
}

// makeSnippet picks, from the answers, the stretch of about snippetWords
// words holding the most different search terms, and marks the matches.
func makeSnippet(answers []string, phrases [][]string) []TextRun {
	type window struct {
		field, from, to int
		score           int
	}
	best := window{field: -1}
	tokens := make([][]token, len(answers))
	var marks [][]int
	seen := make([]bool, len(phrases)+1)
	for f, text := range answers {
		if best.score/1000 == len(phrases) {
			break // a stretch with every term: no later one can beat it
		}
		toks := tokenize(text)
		tokens[f] = toks
		matched := make([]int, len(toks)) // which match a word belongs to, from 1
		which := make([]int, len(toks))   // phrase index + 1 starting here
		for i := range toks {
			for p, words := range phrases {
				if i+len(words) <= len(toks) && phraseAt(text, toks, i, words) {
					which[i] = p + 1
					for k := range words {
						matched[i+k] = i + 1
					}
					break
				}
			}
		}
		marks = append(marks, matched)
		for i := range toks {
			if which[i] == 0 {
				continue
			}
			from := max(0, i-4)
			to := min(len(toks), from+snippetWords)
			clear(seen)
			distinct, hits := 0, 0
			for k := from; k < to; k++ {
				if p := which[k]; p != 0 {
					if !seen[p] {
						seen[p] = true
						distinct++
					}
					hits++
				}
			}
			if score := distinct*1000 + hits; score > best.score {
				best = window{f, from, to, score}
			}
		}
	}
	if best.field < 0 {
		// No word matched here (the index folds a few characters
		// differently): show the start of the first answer instead.
		for f, toks := range tokens {
			if len(toks) > 0 {
				best = window{field: f, from: 0, to: min(len(toks), snippetWords)}
				break
			}
		}
		if best.field < 0 {
			return nil
		}
	}
	text, toks, matched := answers[best.field], tokens[best.field], marks[best.field]
	var runs []TextRun
	add := func(s string, match bool) {
		s = strings.Map(func(r rune) rune {
			if isLineBreak(r) || r == '\t' {
				return ' '
			}
			return r
		}, strings.ReplaceAll(s, "\r\n", "\n"))
		if s == "" {
			return
		}
		if n := len(runs); n > 0 && runs[n-1].Match == match {
			runs[n-1].Text += s
			return
		}
		runs = append(runs, TextRun{Text: s, Match: match})
	}
	pos := toks[best.from].start
	if best.from > 0 {
		add("…", false)
	} else {
		pos = 0
	}
	for k := best.from; k < best.to; k++ {
		// The characters inside a matched phrase ("café-morning") belong
		// to the match.
		inside := k > best.from && matched[k] != 0 && matched[k] == matched[k-1]
		add(text[pos:toks[k].start], inside)
		add(text[toks[k].start:toks[k].end], matched[k] != 0)
		pos = toks[k].end
	}
	if best.to < len(toks) {
		add(text[pos:nextSpace(text, pos)], false)
		add("…", false)
	} else {
		add(strings.TrimRightFunc(text[pos:], unicode.IsSpace), false)
	}
	return runs
}

func phraseAt(text string, toks []token, i int, words []string) bool {
	for k, w := range words {
		if !toks[i+k].is(text, w) {
			return false
		}
	}
	return true
}

// nextSpace keeps the punctuation right after the last word ("word," or
// "word.") but not what follows it.
func nextSpace(text string, pos int) int {
	for i, r := range text[pos:] {
		if unicode.IsSpace(r) || isWordRune(r) {
			return pos + i
		}
	}
	return len(text)
}

func isLineBreak(r rune) bool { return r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' }
