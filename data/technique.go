package data

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Technique is one of the text's techniques, recommended one at a time.
type Technique string

// The techniques the weekly recommendation chooses from.
const (
	// TechniqueJournal: write an entry whenever guilt shows up.
	TechniqueJournal Technique = "journal"
	// TechniqueProtocol: turn a repeating situation into a next-time plan.
	TechniqueProtocol Technique = "protocol"
	// TechniqueShameCheck: ask "something I did, or who I am?", then the
	// reframes and the self-compassion break.
	TechniqueShameCheck Technique = "shame-check"
)

// Recommendation is this week's one technique and why, in a sentence.
type Recommendation struct {
	Technique Technique
	Reason    string
	// TooLittle is set when the last two weeks hold too few entries to see
	// a pattern; the journal is then suggested as the place to start.
	TooLittle bool
	// Situation is the tag or commitment that keeps coming back, for a
	// protocol; "" for the other techniques.
	Situation string
}

// EntryFacts is what the recommendation looks at in one entry.
type EntryFacts struct {
	HappenedAt time.Time
	Intensity  int
	Kind       Kind
	Tags       []string
	// Commitment is the title of the commitment the entry is about, if any.
	Commitment string
}

// The thresholds of the rules, over a 14-day window.
const (
	RecommendWindowDays = 14
	minEntriesToJudge   = 3 // fewer, and there is no pattern to speak of
	frequentEntries     = 5 // about every third day
	intenseAverage      = 6.0
	overwhelming        = 8.0 // an average this high is paralysing, whatever its kind
	repeatCount         = 3   // the same situation at least this often…
	repeatShare         = 0.4 // …and in at least this share of the entries
)

// Recommend picks one technique from the last two weeks of entries, by the
// text's rules. They are checked from the most pressing:
//
//  1. too few entries: start with the journal;
//  2. mostly shame, or intensity very high on average: the shame-vs-guilt
//     check and the self-compassion break, because harshness towards oneself
//     comes first;
//  3. the same situation repeating (a tag, or a commitment, in several
//     entries): a next-time protocol;
//  4. frequent and intense guilt: the journal, to understand the pattern;
//  5. otherwise guilt is occasional and mild: keep the journal going.
func Recommend(entries []EntryFacts) Recommendation {
	n := len(entries)
	if n < minEntriesToJudge {
		what := "No entries"
		switch n {
		case 1:
			what = "Only one entry"
		case 2:
			what = "Only two entries"
		}
		return Recommendation{
			Technique: TechniqueJournal, TooLittle: true,
			Reason: what + " in the last two weeks: too few to see a pattern yet. Start with the journal: a few lines each time guilt shows up.",
		}
	}
	var sum, shame, guilt int
	for _, e := range entries {
		sum += e.Intensity
		switch e.Kind {
		case KindShame:
			shame++
		case KindGuilt:
			guilt++
		}
	}
	avg := float64(sum) / float64(n)
	if shame > guilt && shame*2 >= n {
		return Recommendation{
			Technique: TechniqueShameCheck,
			Reason:    fmt.Sprintf("%d of your %d entries were about who you are rather than what you did: this week, ask the shame-or-guilt question each time and give yourself a self-compassion break.", shame, n),
		}
	}
	if avg >= overwhelming {
		return Recommendation{
			Technique: TechniqueShameCheck,
			Reason:    fmt.Sprintf("Your entries averaged %s out of 10, which is heavy: this week, check whether it is guilt or shame speaking, and take a self-compassion break when it peaks.", oneDecimal(avg)),
		}
	}
	if what, count := repeating(entries); count >= repeatCount && float64(count) >= repeatShare*float64(n) {
		return Recommendation{
			Technique: TechniqueProtocol, Situation: what,
			Reason: fmt.Sprintf("“%s” came up in %d of your %d entries: this week, turn it into a next-time protocol, a short plan for the next time it happens.", what, count, n),
		}
	}
	if n >= frequentEntries && avg >= intenseAverage {
		return Recommendation{
			Technique: TechniqueJournal,
			Reason:    fmt.Sprintf("Guilt came often (%d entries) and strongly (%s out of 10 on average): this week, keep writing each time, so the pattern behind it can show.", n, oneDecimal(avg)),
		}
	}
	return Recommendation{
		Technique: TechniqueJournal,
		Reason:    fmt.Sprintf("Guilt came now and then (%d entries, %s out of 10 on average): keep the journal going this week; patterns show with practice.", n, oneDecimal(avg)),
	}
}

// repeating finds the situation that recurs most: a tag, or a commitment,
// with how many entries it is in (names compared ignoring case). Ties go to the name first alphabetically,
// so the advice does not flicker.
func repeating(entries []EntryFacts) (string, int) {
	counts, display := map[string]int{}, map[string]string{}
	for _, e := range entries {
		seen := map[string]bool{}
		names := e.Tags
		if e.Commitment != "" {
			names = append(names[:len(names):len(names)], e.Commitment)
		}
		for _, t := range names {
			name := strings.TrimSpace(t)
			key := strings.ToLower(name)
			if name != "" && !seen[key] {
				seen[key] = true
				counts[key]++
				if _, ok := display[key]; !ok {
					display[key] = name
				}
			}
		}
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	if len(keys) == 0 {
		return "", 0
	}
	return display[keys[0]], counts[keys[0]]
}

func oneDecimal(f float64) string {
	s := fmt.Sprintf("%.1f", f)
	return strings.TrimSuffix(s, ".0")
}

// RecommendTechnique recommends this week's technique from the person's
// entries of the last 14 days.
func (s *Store) RecommendTechnique() (Recommendation, error) {
	now := s.Now()
	from := now.AddDate(0, 0, -RecommendWindowDays)
	var rows []struct {
		ID         int64
		HappenedAt int64
		Intensity  int
		Kind       Kind
		Commitment string
		Tags       string
	}
	err := s.db.Raw(`SELECT e.id, e.happened_at, e.intensity, e.kind,
			coalesce((SELECT c.title FROM commitments c WHERE c.id = e.commitment_id), '') AS commitment,
			coalesce((SELECT group_concat(t.name, char(31)) FROM entry_tags et JOIN tags t ON t.id = et.tag_id
				WHERE et.entry_id = e.id), '') AS tags
		FROM entries e
		WHERE e.deleted_at IS NULL AND e.happened_at >= ? AND e.happened_at <= ?
		ORDER BY e.happened_at`, ms(from), ms(now.Add(time.Hour))).Scan(&rows).Error
	if err != nil {
		return Recommendation{}, classify(err)
	}
	facts := make([]EntryFacts, len(rows))
	for i, r := range rows {
		facts[i] = EntryFacts{
			HappenedAt: time.UnixMilli(r.HappenedAt).UTC(), Intensity: r.Intensity, Kind: r.Kind,
			Commitment: r.Commitment,
		}
		if r.Tags != "" {
			facts[i].Tags = strings.Split(r.Tags, "\x1f")
		}
	}
	return Recommend(facts), nil
}
