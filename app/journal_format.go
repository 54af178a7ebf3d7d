package app

import (
	"strings"
	"time"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/dates"
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
	return dates.Short(local) + " · " + dates.Clock(local)
}

const timeLayout = "15:04"

// atClock is day at the time of day typed in s (see parseClock), built
// from the calendar date so a daylight-saving day keeps the wall clock.
func atClock(day time.Time, s string) (time.Time, bool) {
	h, m, err := ui.ParseClock(s)
	if err != nil {
		return time.Time{}, false
	}
	y, mo, d := day.Date()
	return time.Date(y, mo, d, h, m, 0, 0, day.Location()), true
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

// normalTag is a tag name as compared: tags match ignoring case and the
// spaces around them, as in the store.
func normalTag(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

func trimmed(s string) string { return strings.TrimSpace(s) }
