package data

import (
	"strings"
	"testing"
)

// The shares always add up to 100, even when two of them round up.
func TestKindSummarySharesAddUp(t *testing.T) {
	t.Parallel()
	ins := Insights{Weeks: []Week{{Entries: 200, Guilt: 101, Shame: 99}}}
	got := ins.KindSummary()
	if strings.Contains(got, "-") || !strings.Contains(got, "Guilt 51%, shame 49%") {
		t.Errorf("summary %q", got)
	}
	if strings.Contains(got, "not sure yet") {
		t.Errorf("names an empty share: %q", got)
	}
	// As much shame as guilt is not "mostly" either.
	ins = Insights{Weeks: []Week{{Entries: 3, Guilt: 1, Shame: 1}}}
	if got := ins.KindSummary(); got != "Guilt 34%, shame 33%, not sure yet 33% of entries." {
		t.Errorf("summary %q", got)
	}
}

func TestTriageSummaryCountsInPlainWords(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		week Week
		want string
	}{
		{Week{NotLookedBack: 1}, "1 request called urgent; look back at it later to see whether it truly was."},
		{Week{NotLookedBack: 3}, "3 requests called urgent; look back at them later to see which truly were."},
		// Looked back on: said as the Protocols tab's record says it.
		{Week{TrulyUrgent: 1}, TriageRecord{LookedBack: 1, Real: 1}.Summary()},
		{Week{NotUrgent: 1, NotLookedBack: 2}, TriageRecord{LookedBack: 1}.Summary()},
		{Week{TrulyUrgent: 2, NotUrgent: 2}, TriageRecord{LookedBack: 4, Real: 2}.Summary()},
	} {
		ins := Insights{Weeks: []Week{c.week}}
		if got := ins.TriageSummary(); got != c.want {
			t.Errorf("%+v: %q\n  want %q", c.week, got, c.want)
		}
	}
}
