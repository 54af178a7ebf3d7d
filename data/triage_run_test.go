package data

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func starterCriteria(t *testing.T, s *Store, rule UrgencyRule) []UrgencyCriterion {
	t.Helper()
	var list []UrgencyCriterion
	for _, q := range StarterCriteria() {
		list = append(list, UrgencyCriterion{Question: q})
	}
	saved, err := s.SaveUrgency(list, rule)
	if err != nil {
		t.Fatal(err)
	}
	return saved
}

// answers says yes to the first `yes` questions and no to the rest.
func answers(list []UrgencyCriterion, yes int) map[int64]bool {
	out := map[int64]bool{}
	for i, c := range list {
		out[c.ID] = i < yes
	}
	return out
}

func TestUrgencyCriteriaAndRule(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	if list, _ := s.UrgencyCriteria(); len(list) != 0 {
		t.Fatalf("a new journal has criteria: %v", list)
	}
	if r, _ := s.UrgencyRule(); r.AtLeast != 1 || r.String() != "urgent when any answer is yes" {
		t.Errorf("default rule = %+v %q", r, r.String())
	}
	saved := starterCriteria(t, s, UrgencyRule{AtLeast: 2})
	if r, _ := s.UrgencyRule(); r.AtLeast != 2 || r.String() != "urgent when at least 2 answers are yes" {
		t.Errorf("rule = %+v", r)
	}
	// Reword one, drop one, add one, reorder.
	saved[0].Question = "Will someone lose money today?"
	next := []UrgencyCriterion{saved[2], saved[0], {Question: "Is a person's safety at stake?"}, {Question: "  "}}
	got, err := s.SaveUrgency(next, UrgencyRule{AtLeast: 3})
	if err != nil {
		t.Fatal(err)
	}
	list, _ := s.UrgencyCriteria()
	if len(list) != 3 || list[0].ID != saved[2].ID || list[1].Question != "Will someone lose money today?" || list[2].ID != got[2].ID {
		t.Errorf("criteria = %+v", list)
	}
	var ve *ValidationError
	if _, err := s.SaveUrgency(list, UrgencyRule{AtLeast: 4}); !errors.As(err, &ve) || ve.Field != "rule" {
		t.Errorf("rule beyond the questions: %v", err)
	}
	if _, err := s.SaveUrgency([]UrgencyCriterion{{Question: strings.Repeat("x", 501)}}, UrgencyRule{}); !errors.As(err, &ve) {
		t.Errorf("long question: %v", err)
	}
	if r := (UrgencyRule{AtLeast: 2}); r.Urgent(1) || !r.Urgent(2) || !(UrgencyRule{}).Urgent(1) || (UrgencyRule{}).Urgent(0) {
		t.Error("rule arithmetic")
	}
}

func TestTriageNeedsCriteriaAndEveryAnswer(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	in := TriageInput{Client: "Acme", WindowStart: local(2026, 3, 6, 13, 30), WindowEnd: local(2026, 3, 6, 14, 30)}
	if _, _, err := s.SaveTriage(in); !errors.Is(err, ErrNoCriteria) {
		t.Errorf("without criteria: %v", err)
	}
	list := starterCriteria(t, s, UrgencyRule{})
	in.Answers = answers(list, 1)
	delete(in.Answers, list[2].ID)
	var ve *ValidationError
	if _, _, err := s.SaveTriage(in); !errors.As(err, &ve) || ve.Field != "answers" || !strings.Contains(ve.Message, "only I can do") {
		t.Errorf("unanswered: %v", err)
	}
	in.Answers = answers(list, 1)
	in.WindowEnd = in.WindowStart
	if _, _, err := s.SaveTriage(in); !errors.As(err, &ve) || ve.Field != "window" {
		t.Errorf("empty window: %v", err)
	}
	if rec, _ := s.TriageRecord(); rec.Total != 0 {
		t.Errorf("refused triages stored: %+v", rec)
	}
}

func TestTriageVerdictsNameTheRule(t *testing.T) {
	t.Parallel()
	// Monday 2 March 2026; the sports day is Friday.
	now := local(2026, 3, 2, 10, 0)
	s, _ := openTiers(t, now)
	commit(t, s, "Sports day", TierNonNegotiable, local(2026, 3, 6, 13, 0), 2*time.Hour, "")
	commit(t, s, "Call with Grandma", TierHighPriority, local(2026, 3, 6, 15, 0), 30*time.Minute, "")
	list := starterCriteria(t, s, UrgencyRule{AtLeast: 1})
	in := TriageInput{
		Client: "Acme", Request: "The launch page has a typo",
		WindowStart: local(2026, 3, 6, 13, 30), WindowEnd: local(2026, 3, 6, 14, 30),
		Answers: answers(list, 1),
	}

	// Any yes: urgent, but the sports day is non-negotiable.
	tr, c, err := s.SaveTriage(in)
	if err != nil {
		t.Fatal(err)
	}
	if tr.Verdict != VerdictUrgentClash || c.Yes != 1 || c.Of != 4 || len(c.Clashes) != 1 || len(c.InWindow) != 1 {
		t.Fatalf("verdict %q, check %+v", tr.Verdict, c)
	}
	if !strings.Contains(tr.Reason, "urgent when any answer is yes") || !strings.Contains(tr.Reason, "1 of 4 was yes") || !strings.Contains(tr.Reason, "Sports day") {
		t.Errorf("reason = %q", tr.Reason)
	}
	// The next free hour after it: the tier-2 call at 15:00 is in the way too.
	if want := local(2026, 3, 6, 15, 30); !c.Suggested.Equal(want) {
		t.Errorf("suggested %v, want %v", c.Suggested, want)
	}
	mustHave(t, tr.ReplyDraft, "Hello Acme,", "not available until 15:00 on Friday 6 March", "Friday 6 March at 15:30")
	if tr.Rule != "urgent when any answer is yes" || tr.FollowUpAt == nil || !tr.FollowUpAt.Equal(now.Add(24*time.Hour)) || len(tr.Answers) != 4 {
		t.Errorf("stored %+v", tr)
	}

	// At least 2: one yes is not urgent; the offer is still after the commitment.
	if _, err := s.SaveUrgency(list, UrgencyRule{AtLeast: 2}); err != nil {
		t.Fatal(err)
	}
	c, err = s.CheckTriage(in)
	if err != nil {
		t.Fatal(err)
	}
	if c.Verdict != VerdictNotUrgent || !strings.Contains(c.Reason, "Not urgent by your rule (urgent when at least 2 answers are yes): 1 of 4 was yes.") {
		t.Errorf("at least 2, one yes: %q %q", c.Verdict, c.Reason)
	}
	if !c.Suggested.Equal(local(2026, 3, 6, 15, 30)) || !strings.Contains(c.Reply, "full attention on Friday 6 March at 15:30") {
		t.Errorf("not-urgent offer %v: %q", c.Suggested, c.Reply)
	}

	// Two yes, outside any commitment: plainly urgent, no reply needed.
	in.Answers = answers(list, 2)
	in.WindowStart, in.WindowEnd = local(2026, 3, 6, 10, 0), local(2026, 3, 6, 11, 0)
	c, err = s.CheckTriage(in)
	if err != nil || c.Verdict != VerdictUrgent || c.Reply != "" || !strings.Contains(c.Reason, "2 of 4 were yes") {
		t.Errorf("urgent: %+v %v", c, err)
	}
	if rec, _ := s.TriageRecord(); rec.Total != 1 {
		t.Errorf("CheckTriage stored something: %+v", rec)
	}

	// Urgent over a high-priority commitment: go ahead, with its reason.
	in.WindowStart, in.WindowEnd = local(2026, 3, 6, 15, 0), local(2026, 3, 6, 16, 0)
	c, err = s.CheckTriage(in)
	if err != nil || c.Verdict != VerdictUrgent || !strings.Contains(c.Reason, "“Call with Grandma” (high priority)") {
		t.Errorf("over tier 2: %q %v", c.Reason, err)
	}
}

func mustHave(t *testing.T, text string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(text, p) {
			t.Errorf("%q missing from %q", p, text)
		}
	}
}

func TestTriageLookBackComesADayLater(t *testing.T) {
	t.Parallel()
	now := local(2026, 3, 2, 10, 0)
	s, clock := openTiers(t, now)
	list := starterCriteria(t, s, UrgencyRule{})
	in := TriageInput{Client: "Acme", WindowStart: local(2026, 3, 2, 11, 0), WindowEnd: local(2026, 3, 2, 12, 0), Answers: answers(list, 0)}
	first, _, err := s.SaveTriage(in)
	if err != nil {
		t.Fatal(err)
	}
	clock.now = now.Add(3 * time.Hour)
	second, _, _ := s.SaveTriage(in)

	if due, _ := s.LookBacksDue(now.Add(24*time.Hour - time.Minute)); len(due) != 0 {
		t.Errorf("asked too early: %d", len(due))
	}
	due, err := s.LookBacksDue(now.Add(24 * time.Hour))
	if err != nil || len(due) != 1 || due[0].ID != first.ID {
		t.Fatalf("due after a day: %+v, %v", due, err)
	}
	due, _ = s.LookBacksDue(now.Add(30 * time.Hour))
	if len(due) != 2 || due[1].ID != second.ID {
		t.Fatalf("both due: %d", len(due))
	}
	if err := s.LookBack(first.ID, false); err != nil {
		t.Fatal(err)
	}
	if err := s.LookBack(second.ID, true); err != nil {
		t.Fatal(err)
	}
	if due, _ := s.LookBacksDue(now.Add(48 * time.Hour)); len(due) != 0 {
		t.Errorf("answered ones asked again: %d", len(due))
	}
	rec, err := s.TriageRecord()
	if err != nil || rec != (TriageRecord{Total: 2, CalledOff: 2, LookedBack: 2, Real: 1}) {
		t.Errorf("record = %+v, %v", rec, err)
	}
	if rec.Summary() != "Of 2 “urgent” requests you looked back on, 1 was truly urgent." {
		t.Errorf("summary = %q", rec.Summary())
	}
	recent, _ := s.Triages(10)
	if len(recent) != 2 || recent[0].ID != second.ID || recent[0].TrulyUrgent == nil || !*recent[0].TrulyUrgent || len(recent[0].Answers) != 4 {
		t.Errorf("recent = %+v", recent)
	}
	if err := s.LookBack(999, true); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown triage: %v", err)
	}
}
