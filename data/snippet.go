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
	w, ok := bestWindow(answers, phrases)
	if !ok {
		return nil
	}
	return w.runs()
}

// matches are an answer's words and which of them the search matched.
type matches struct {
	text    string
	toks    []token
	matched []int // by word: the match it is part of (numbered by its first word, from 1), or 0
	starts  []int // by word: the phrase (index + 1) that starts there, or 0
}

func findMatches(text string, phrases [][]string) *matches {
	toks := tokenize(text)
	m := &matches{text: text, toks: toks, matched: make([]int, len(toks)), starts: make([]int, len(toks))}
	for i := range toks {
		for p, words := range phrases {
			if i+len(words) <= len(toks) && phraseAt(text, toks, i, words) {
				m.starts[i] = p + 1
				for k := range words {
					m.matched[i+k] = i + 1
				}
				break
			}
		}
	}
	return m
}

// window is a stretch [from, to) of an answer's words, scored by the
// different search terms it shows, then by its matches.
type window struct {
	m        *matches
	from, to int
	score    int
}

// bestWindow finds the best window of the answers: of each answer, the
// windows that start a few words before a match. When no word matched (the
// index folds a few characters differently), it is the start of the first
// answer with words in it; ok is false when no answer has any.
func bestWindow(answers []string, phrases [][]string) (best window, ok bool) {
	seen := make([]bool, len(phrases)+1) // by phrase + 1, reused for each window
	var first *matches
	for _, text := range answers {
		if best.score/1000 == len(phrases) {
			break // a stretch with every term: no later one can beat it
		}
		m := findMatches(text, phrases)
		if first == nil && len(m.toks) > 0 {
			first = m
		}
		for i, p := range m.starts {
			if p == 0 {
				continue
			}
			from := max(0, i-4)
			to := min(len(m.toks), from+snippetWords)
			if score := m.score(from, to, seen); score > best.score {
				best = window{m, from, to, score}
			}
		}
	}
	switch {
	case best.m != nil:
		return best, true
	case first != nil:
		return window{m: first, to: min(len(first.toks), snippetWords)}, true
	}
	return window{}, false
}

// score is 1000 for each different term the words [from, to) show, plus
// one for each match.
func (m *matches) score(from, to int, seen []bool) int {
	clear(seen)
	distinct, hits := 0, 0
	for _, p := range m.starts[from:to] {
		if p == 0 {
			continue
		}
		if !seen[p] {
			seen[p] = true
			distinct++
		}
		hits++
	}
	return distinct*1000 + hits
}

// runs writes the window as text runs, the matches marked, with an
// ellipsis where the answer goes on, on one line.
func (w window) runs() []TextRun {
	m := w.m
	var runs runList
	pos := m.toks[w.from].start
	if w.from > 0 {
		runs.add("…", false)
	} else {
		pos = 0
	}
	for k := w.from; k < w.to; k++ {
		// The characters inside a matched phrase ("café-morning") belong
		// to the match.
		inside := k > w.from && m.matched[k] != 0 && m.matched[k] == m.matched[k-1]
		runs.add(m.text[pos:m.toks[k].start], inside)
		runs.add(m.text[m.toks[k].start:m.toks[k].end], m.matched[k] != 0)
		pos = m.toks[k].end
	}
	if w.to < len(m.toks) {
		runs.add(m.text[pos:nextSpace(m.text, pos)], false)
		runs.add("…", false)
	} else {
		runs.add(strings.TrimRightFunc(m.text[pos:], unicode.IsSpace), false)
	}
	return runs
}

// runList collects text runs, joining neighbours of the same kind.
type runList []TextRun

// add appends s, its line breaks and tabs made spaces.
func (r *runList) add(s string, match bool) {
	s = strings.Map(func(c rune) rune {
		if isLineBreak(c) || c == '\t' {
			return ' '
		}
		return c
	}, strings.ReplaceAll(s, "\r\n", "\n"))
	if s == "" {
		return
	}
	if n := len(*r); n > 0 && (*r)[n-1].Match == match {
		(*r)[n-1].Text += s
		return
	}
	*r = append(*r, TextRun{Text: s, Match: match})
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
