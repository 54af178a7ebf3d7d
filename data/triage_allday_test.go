package data

import (
	"strings"
	"testing"
)

// School calendars mostly bring whole-day events: a clash with one is
// said as a day, not as "until 00:00".
func TestTriageClashWithAnAllDayCommitment(t *testing.T) {
	t.Parallel()
	s, _ := openTiers(t, local(2026, 3, 2, 10, 0))
	if _, err := s.SaveCommitment(Commitment{Title: "School trip", Tier: TierNonNegotiable, AllDay: true, StartsAt: date(2026, 3, 5), EndsAt: date(2026, 3, 7)}); err != nil {
		t.Fatal(err)
	}
	list := starterCriteria(t, s, UrgencyRule{AtLeast: 1})
	c, err := s.CheckTriage(TriageInput{
		Client: "Acme", WindowStart: local(2026, 3, 5, 14, 0), WindowEnd: local(2026, 3, 5, 15, 0),
		Answers: answers(list, 1),
	})
	if err != nil {
		t.Fatal(err)
	}
	if c.Verdict != VerdictUrgentClash {
		t.Fatalf("verdict %q", c.Verdict)
	}
	if !strings.Contains(c.Reason, "“School trip” is non-negotiable (Thu 5 Mar – Fri 6 Mar)") {
		t.Errorf("reason = %q", c.Reason)
	}
	// The next working morning after the trip: Monday.
	if want := local(2026, 3, 9, 9, 0); !c.Suggested.Equal(want) {
		t.Errorf("suggested %v, want %v", c.Suggested, want)
	}
	mustHave(t, c.Reply, "not available until after Friday 6 March because", "full attention on Monday 9 March at 09:00")
	if strings.Contains(c.Reply, "00:00") {
		t.Errorf("reply says midnight: %q", c.Reply)
	}
}
