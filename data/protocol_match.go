package data

import (
	"fmt"
	"strings"
	"unicode"

	"gorm.io/gorm"

	"github.com/bothand/bothand/data/prose"
)

// fallbackTemplate is the plan for a guilt entry nothing else fits: work
// landing on family time is what most of them are about.
const fallbackTemplate = "block-client-time"

// How much each kind of clue counts towards a template.
const (
	fitTag        = 3 // a built-in tag the template is for
	fitWord       = 2 // one of its words in the entry's answers
	fitCommitment = 3 // one of its words in the title of the commitment the entry is about
)

// BestTemplate picks the template that fits a guilt entry best, from its
// built-in tags, the words of its answers and the title of the commitment
// it is about (nil for none): each template lists the tags and words it
// suits (assets/content/protocols.json). A tie goes to the template listed
// first; an entry nothing fits gets the plan for work landing on family
// time.
func BestTemplate(e Entry, about *Commitment) ProtocolTemplate {
	answers := wordsOf(e.Trigger + " " + e.Story + " " + e.Friend)
	title := ""
	if about != nil {
		title = wordsOf(about.Title)
	}
	tags := map[string]bool{}
	for _, t := range e.Tags {
		if t.BuiltinKey != nil {
			tags[*t.BuiltinKey] = true
		}
	}
	templates := ProtocolTemplates()
	best, bestScore := -1, 0
	for i, t := range templates {
		score := 0
		for _, k := range t.FitTags {
			if tags[k] {
				score += fitTag
			}
		}
		for _, w := range t.FitWords {
			phrase := wordsOf(w)
			if strings.Contains(answers, phrase) {
				score += fitWord
			}
			if strings.Contains(title, phrase) {
				score += fitCommitment
			}
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		t, _ := ProtocolTemplateByKey(fallbackTemplate)
		return t
	}
	return templates[best]
}

// wordsOf is text as lower-case words, each with a space either side, so
// that a phrase is found only as whole words (" late " is not in
// " latest "). Curly apostrophes count as straight ones.
func wordsOf(text string) string {
	text = strings.ReplaceAll(strings.ToLower(text), "’", "'")
	words := strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
	return " " + strings.Join(words, " ") + " "
}

// planTitleMax is how long a title made for a plan may be, so the list of
// plans stays readable.
const planTitleMax = 72

// uniqueTitle is base, or base with what the plan is about, or with a
// number, whichever no live protocol has yet: a list of plans made from
// the same template stays readable. about may be "".
func uniqueTitle(tx *gorm.DB, base, about string) (string, error) {
	var titles []string
	if err := tx.Model(&Protocol{}).Where("deleted_at IS NULL").Pluck("title", &titles).Error; err != nil {
		return "", err
	}
	taken := map[string]bool{}
	for _, t := range titles {
		taken[strings.ToLower(t)] = true
	}
	candidates := []string{base}
	if about != "" {
		room := max(16, planTitleMax-len([]rune(base))-3)
		candidates = append(candidates, base+" ("+prose.Clip(about, room)+")")
	}
	for _, c := range candidates {
		if !taken[strings.ToLower(c)] {
			return c, nil
		}
	}
	last := candidates[len(candidates)-1]
	for n := 2; ; n++ {
		c := fmt.Sprintf("%s %d", last, n)
		if !taken[strings.ToLower(c)] {
			return c, nil
		}
	}
}

// UniqueProtocolTitle is base, made unique among the live protocols as
// uniqueTitle does: the name offered for a new plan from a template.
func (s *Store) UniqueProtocolTitle(base string) (string, error) {
	title, err := uniqueTitle(s.db, base, "")
	return title, classify(err)
}
