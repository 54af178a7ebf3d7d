package demo

import (
	_ "embed"
	"math/rand/v2"
	"strings"
)

// The vocabulary: the words a parent's journal is made of come first, so
// they are the frequent ones; then a sample of 6,000 English words for the
// long tail. Words are drawn with a Zipf distribution, as in real text, so
// search benchmarks meet both very common and very rare words.

//go:embed words.txt
var wordList string

var commonWords = strings.Fields(`
the i to and a my of was it that in he she for is me with on work at be had
not they we school this but so about her his from all child kids son daughter
client call meeting today again when what would felt feel guilty time home
email deadline late missed dinner bedtime morning evening work night week
friend tell yourself could should just only still even never always more less
project report invoice boss team office laptop screen door playground park
football practice swimming lesson recital assembly concert sports day trip
birthday party homework reading story bath breakfast lunch pickup dropoff
teacher nursery holiday weekend saturday sunday monday tired proud present
absent enough busy patient impatient cried laughed waited asked promised
choice choose chose balance both parent mother father mum dad family partner
help again later tomorrow instead because while after before during every
good bad fine okay hard easy long short small big little whole best worst
`)

type vocabulary struct {
	words []string
	zipf  *rand.Zipf
}

// RareWord is a word near the end of the tail: it appears in a handful of
// entries of a large journal, for search benchmarks.
func RareWord() string {
	v := newVocabulary()
	return v.words[len(v.words)-25]
}

// CommonWords are frequent words, for search benchmarks.
func CommonWords() []string { return []string{"school", "client"} }

func newVocabulary() *vocabulary {
	seen := map[string]bool{}
	var words []string
	add := func(w string) {
		if w != "" && !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	for _, w := range commonWords {
		add(w)
	}
	for _, line := range strings.Split(wordList, "\n") {
		if !strings.HasPrefix(line, "#") {
			add(strings.TrimSpace(line))
		}
	}
	return &vocabulary{words: words}
}

// Words returns n words drawn from the vocabulary, Zipf-distributed.
func (g *Gen) Words(n int) string {
	v := g.vocab
	if v.zipf == nil {
		v.zipf = rand.NewZipf(g.R, 1.07, 2, uint64(len(v.words)-1))
	}
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(v.words[v.zipf.Uint64()])
	}
	return b.String()
}

// Text returns an opening sentence followed by Zipf words up to a length of
// min to max words, the way the realistic journal is specified.
func (g *Gen) Text(opening string, minWords, maxWords int) string {
	n := minWords + g.R.IntN(maxWords-minWords+1)
	have := len(strings.Fields(opening))
	if have >= n {
		return opening
	}
	return opening + " " + g.Words(n-have) + "."
}

// VocabularySize is the number of distinct words the generator draws from.
func VocabularySize() int { return len(newVocabulary().words) }
