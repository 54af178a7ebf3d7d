package app

import (
	"strconv"
	"strings"
	"time"

	"github.com/bothand/bothand/data"
)

// The three questions of the journal, in the technique's order, with a line
// under each saying what it asks for.
var (
	questionTrigger = "What triggered this guilt?"
	hintTrigger     = "The moment itself: what happened, what you saw or heard."
	questionStory   = "What am I telling myself about it?"
	hintStory       = "The story running in your head, in its own words, however harsh."
	questionFriend  = "What would I tell a friend in exactly this situation?"
	hintFriend      = "Imagine someone you love wrote the two answers above. Answer them."
	questionCheck   = "Is this about a specific action I can change, or about who I am as a parent?"
)

// kindLabel names a kind for the list and the entry.
func kindLabel(k data.Kind) string {
	switch k {
	case data.KindGuilt:
		return "Guilt"
	case data.KindShame:
		return "Shame"
	default:
		return "Not sure yet"
	}
}

// formatWhen shows an instant in local time, as the list and the entry do.
func formatWhen(t time.Time) string {
	local := t.In(time.Local)
	now := time.Now()
	if local.Year() == now.Year() {
		return local.Format("Mon 2 Jan · 15:04")
	}
	return local.Format("Mon 2 Jan 2006 · 15:04")
}

const (
	dayLayout  = "2006-01-02"
	timeLayout = "15:04"
)

// parseDay reads a local date written year-month-day.
func parseDay(s string) (time.Time, bool) {
	t, err := time.ParseInLocation(dayLayout, strings.TrimSpace(s), time.Local)
	return t, err == nil
}

// parseClock reads a local time of day, "21:40" or "9:05".
func parseClock(s string) (time.Duration, bool) {
	h, m, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok {
		return 0, false
	}
	hours, err1 := strconv.Atoi(h)
	minutes, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || len(m) != 2 {
		return 0, false
	}
	return time.Duration(hours)*time.Hour + time.Duration(minutes)*time.Minute, true
}

// firstLine is the first non-empty line of s.
func firstLine(s string) string {
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			return line
		}
	}
	return ""
}

// thousands writes n with comma separators.
func thousands(n int) string {
	digits := strconv.Itoa(n)
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && digits[i-1] != '-' && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	return b.String()
}

// joinWords lists items as "a, b and c".
func joinWords(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// normalTag is a tag name as compared: tags match ignoring case and the
// spaces around them, as in the store.
func normalTag(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

func trimmed(s string) string { return strings.TrimSpace(s) }
