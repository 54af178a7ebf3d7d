package data

import (
	"fmt"
	"sort"

	"github.com/bothand/bothand/data/prose"
)

// The one-line summaries under each chart, in plain words. Each is written
// for the data it sums up, including when there is little or none.

// Span names the period inside a sentence, as the period choice reads
// ("Show the last 4 weeks"): twelve months are the last 52 weeks, not the calendar year.
func (p Period) Span() string {
	switch p {
	case PeriodThreeMonths:
		return "the last three months"
	case PeriodYear:
		return "the last twelve months"
	default:
		return "the last four weeks"
	}
}

// halves returns the entry-weighted mean intensity of the first and second
// half of the period, and whether both halves have entries.
func (ins Insights) halves() (first, second float64, ok bool) {
	mid := len(ins.Weeks) / 2
	a, na := meanOf(ins.Weeks[:mid])
	b, nb := meanOf(ins.Weeks[mid:])
	return a, b, na > 0 && nb > 0
}

// TotalEntries is the number of entries in the period.
func (ins Insights) TotalEntries() int {
	n := 0
	for _, w := range ins.Weeks {
		n += w.Entries
	}
	return n
}

// IntensitySummary says whether guilt has been fading.
func (ins Insights) IntensitySummary() string {
	if ins.TotalEntries() == 0 {
		return ""
	}
	first, second, ok := ins.halves()
	if !ok {
		mean, _ := meanOf(ins.Weeks)
		return fmt.Sprintf("%s out of 10 on average over %s. A trend shows once there are entries in both halves of the period.",
			oneDecimal(mean), ins.Period.Span())
	}
	switch d := second - first; {
	case d <= -0.5:
		return fmt.Sprintf("Guilt is easing: from %s to %s out of 10 on average, first half to second half of %s.", oneDecimal(first), oneDecimal(second), ins.Period.Span())
	case d >= 0.5:
		return fmt.Sprintf("Guilt has weighed more lately: from %s to %s out of 10 on average. Hard weeks happen; it fades gradually, not in a straight line.", oneDecimal(first), oneDecimal(second))
	default:
		return fmt.Sprintf("Guilt held steady at about %s out of 10 over %s. Change comes with repetition, a little at a time.", oneDecimal((first+second)/2), ins.Period.Span())
	}
}

// meanOf is the mean intensity of the weeks' entries, and how many there were.
func meanOf(ws []Week) (float64, int) {
	var sum float64
	var n int
	for _, w := range ws {
		sum += w.MeanIntensity * float64(w.Entries)
		n += w.Entries
	}
	if n == 0 {
		return 0, 0
	}
	return sum / float64(n), n
}

// TriggersSummary names what set guilt off most.
func (ins Insights) TriggersSummary() string {
	if len(ins.Triggers) == 0 {
		return ""
	}
	top := ins.Triggers[0]
	return fmt.Sprintf("“%s” came up most: in %d of your %d entries over %s.", top.Name, top.Entries, ins.TotalEntries(), ins.Period.Span())
}

// KindSummary gives the share of guilt and shame.
func (ins Insights) KindSummary() string {
	var guilt, shame, n int
	for _, w := range ins.Weeks {
		guilt += w.Guilt
		shame += w.Shame
		n += w.Entries
	}
	if n == 0 {
		return ""
	}
	shares := percentages(guilt, shame, n-guilt-shame)
	s := fmt.Sprintf("Guilt %d%%, shame %d%%", shares[0], shares[1])
	if n > guilt+shame {
		s += fmt.Sprintf(", not sure yet %d%%", shares[2])
	}
	s += " of entries."
	switch {
	case shame > guilt:
		s += " Shame speaks loudest: the reframes and the self-compassion break are for exactly this."
	case guilt > shame:
		s += " Mostly guilt: about things you can plan for next time."
	}
	return s
}

// percentages rounds the parts' shares of their total so that they still
// add up to 100: the points lost to rounding down go to the parts that lost
// the most.
func percentages(parts ...int) []int {
	total := 0
	for _, p := range parts {
		total += p
	}
	out := make([]int, len(parts))
	if total == 0 {
		return out
	}
	left := 100
	for i, p := range parts {
		out[i] = 100 * p / total
		left -= out[i]
	}
	order := make([]int, len(parts))
	for i := range order {
		order[i] = i
	}
	rest := func(i int) int { return 100 * parts[i] % total }
	sort.SliceStable(order, func(a, b int) bool { return rest(order[a]) > rest(order[b]) })
	for _, i := range order[:left] {
		out[i]++
	}
	return out
}

// CommitmentsSummary sums up tier-1 outcomes and tier-2 emergencies.
func (ins Insights) CommitmentsSummary() string {
	var kept, missed, moved, emergencies int
	for _, w := range ins.Weeks {
		kept += w.Tier1Kept
		missed += w.Tier1Missed
		moved += w.Tier1Moved
		emergencies += w.Emergencies
	}
	if kept+missed+moved+emergencies == 0 {
		return ""
	}
	s := "No non-negotiable marked kept or missed yet"
	if recorded := kept + missed + moved; recorded > 0 {
		s = fmt.Sprintf("Non-negotiables kept %d of %d times recorded", kept, recorded)
		if moved > 0 {
			s += fmt.Sprintf(" (%d moved)", moved)
		}
	}
	switch emergencies {
	case 0:
		return s + "; high-priority time never given up to work."
	case 1:
		return s + "; high-priority time given up once, for a stated emergency."
	default:
		return s + fmt.Sprintf("; high-priority time given up %d times, each for a stated emergency.", emergencies)
	}
}

// TriageSummary says how many "urgent" requests really were.
func (ins Insights) TriageSummary() string {
	var urgent, not, open int
	for _, w := range ins.Weeks {
		urgent += w.TrulyUrgent
		not += w.NotUrgent
		open += w.NotLookedBack
	}
	looked := urgent + not
	switch {
	case looked+open == 0:
		return ""
	case looked == 0 && open == 1:
		return "1 request called urgent; look back at it later to see whether it truly was."
	case looked == 0:
		return fmt.Sprintf("%d requests called urgent; look back at them later to see which truly were.", open)
	}
	// Said the way the Protocols tab says it, so both read alike.
	return TriageRecord{LookedBack: looked, Real: urgent}.Summary()
}

// PracticeSummary counts the practice: entries, breaks, slips read.
func (ins Insights) PracticeSummary() string {
	var entries, breaks, readings int
	for _, w := range ins.Weeks {
		entries += w.Entries
		breaks += w.Breaks
		readings += w.Readings
	}
	if entries+breaks+readings == 0 {
		return ""
	}
	return fmt.Sprintf("Over %s: %s, %s, and your permission slip read on %s. Change comes through repetition.",
		ins.Period.Span(), prose.Count(entries, "journal entry", "journal entries"), prose.Count(breaks, "self-compassion break", "self-compassion breaks"),
		prose.Count(readings, "morning", "mornings"))
}
