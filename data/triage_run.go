package data

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/data/prose"
)

// MaxTriageWindow is the longest time a triaged request can claim.
const MaxTriageWindow = 24 * time.Hour

// ErrNoCriteria means there are no urgency questions yet: the person has
// to define what counts as urgent before a triage can judge anything.
var ErrNoCriteria = &ValidationError{
	Field:   FieldCriteria,
	Message: "First decide what counts as urgent for you: a few yes-or-no questions and your rule. Then the triage can weigh a request against them.",
}

// TriageInput is a client's "urgent" request as the person describes it.
type TriageInput struct {
	Client  string
	Request string
	// The time the request would take if done now: the affected window.
	WindowStart, WindowEnd time.Time
	// Answers to the current urgency questions, by criterion ID.
	Answers map[int64]bool
	// AskedAt is when the client asked; zero is now. A triage written down
	// afterwards (or the demo journal's history) gives the real time.
	AskedAt time.Time
}

// TriageCheck is what a triage finds, before or after it is stored.
type TriageCheck struct {
	Verdict Verdict
	Rule    UrgencyRule
	Yes, Of int
	Reason  string
	// InWindow is every commitment occurrence in the window, any tier;
	// Clashes are the non-negotiable ones among them.
	InWindow []Occurrence
	Clashes  []Occurrence
	// Suggested is the next free time offered to the client (zero when
	// none is needed or none was found); Reply is the drafted message.
	Suggested time.Time
	Reply     string
}

func (in *TriageInput) normalise() error {
	in.Client = strings.TrimSpace(in.Client)
	in.Request = strings.TrimSpace(in.Request)
	if utf8.RuneCountInString(in.Client) > maxClient {
		return invalid(FieldClient, "A client's name holds up to %d characters.", maxClient)
	}
	if n := utf8.RuneCountInString(in.Request); n > MaxFieldLen {
		return invalid(FieldRequest, "What they asked holds up to %d characters; this has %d.", MaxFieldLen, n)
	}
	switch {
	case in.WindowStart.IsZero() || in.WindowEnd.IsZero():
		return invalid(FieldWindow, "Say when the work would happen if you did it now.")
	case !in.WindowEnd.After(in.WindowStart):
		return invalid(FieldWindow, "The time it would take ends before it starts; check the times.")
	case in.WindowEnd.Sub(in.WindowStart) > MaxTriageWindow:
		return invalid(FieldWindow, "A triage looks at up to a day; for longer work, triage the first day.")
	}
	return nil
}

// CheckTriage runs a request through the person's questions, rule and
// Tiers without storing anything.
func (s *Store) CheckTriage(in TriageInput) (TriageCheck, error) {
	if err := in.normalise(); err != nil {
		return TriageCheck{}, err
	}
	c, _, err := s.checkTriage(s.db, in)
	return c, err
}

func (s *Store) checkTriage(db *gorm.DB, in TriageInput) (TriageCheck, []TriageAnswer, error) {
	var c TriageCheck
	criteria, err := s.urgencyCriteria(db)
	if err != nil {
		return c, nil, err
	}
	if len(criteria) == 0 {
		return c, nil, ErrNoCriteria
	}
	if c.Rule, err = s.urgencyRule(db); err != nil {
		return c, nil, err
	}
	answers := make([]TriageAnswer, 0, len(criteria))
	for i, q := range criteria {
		yes, ok := in.Answers[q.ID]
		if !ok {
			return c, nil, invalid(FieldAnswers, "Answer every question: “%s” has no answer yet.", prose.Clip(q.Question, 80))
		}
		if yes {
			c.Yes++
		}
		id := q.ID
		answers = append(answers, TriageAnswer{CriterionID: &id, Question: q.Question, Yes: yes, Position: i + 1})
	}
	c.Of = len(criteria)
	urgent := c.Rule.Urgent(c.Yes)

	occs, err := s.occurrences(db, in.WindowStart, in.WindowEnd)
	if err != nil {
		return c, nil, err
	}
	sortOccurrences(occs)
	for _, o := range occs {
		if !o.Busy() || !overlaps(o.Start, o.End, in.WindowStart, in.WindowEnd) {
			continue
		}
		c.InWindow = append(c.InWindow, o)
		if o.Tier() == TierNonNegotiable {
			c.Clashes = append(c.Clashes, o)
		}
	}

	counted := fmt.Sprintf("%d of %d %s yes", c.Yes, c.Of, wasWere(c.Yes))
	switch {
	case urgent && len(c.Clashes) > 0:
		c.Verdict = VerdictUrgentClash
		c.Reason = fmt.Sprintf("Urgent by your rule (%s): %s. But %s %s non-negotiable (%s), so it waits until after.",
			c.Rule, counted, titles(c.Clashes), isAre(c.Clashes), whenList(c.Clashes))
	case urgent:
		c.Verdict = VerdictUrgent
		c.Reason = fmt.Sprintf("Urgent by your rule (%s): %s. Nothing non-negotiable is in the way.", c.Rule, counted)
		var high []Occurrence
		for _, o := range c.InWindow {
			if o.Tier() == TierHighPriority {
				high = append(high, o)
			}
		}
		if len(high) > 0 {
			c.Reason += fmt.Sprintf(" It does take time from %s (high priority): when you plan the work, say why it is a genuine emergency.", titles(high))
		}
		return c, answers, nil
	default:
		c.Verdict = VerdictNotUrgent
		c.Reason = fmt.Sprintf("Not urgent by your rule (%s): %s.", c.Rule, counted)
	}

	// The offer: the first free time of the same length after the
	// non-negotiable commitment, or after the asked-for time begins.
	after := in.WindowStart
	for _, o := range c.Clashes {
		after = maxTime(after, o.End)
	}
	c.Suggested, err = s.nextFreeSlot(db, after, in.WindowEnd.Sub(in.WindowStart), 0)
	if err != nil && !errors.Is(err, ErrNoFreeSlot) {
		return c, nil, err
	}
	c.Reply = replyDraft(in, c)
	return c, answers, nil
}

func wasWere(n int) string {
	if n == 1 {
		return "was"
	}
	return "were"
}

// replyDraft is a calm answer to the client offering the suggested time.
func replyDraft(in TriageInput, c TriageCheck) string {
	hello := "Hello,"
	if in.Client != "" {
		hello = "Hello " + in.Client + ","
	}
	offer := "I'll come back to you shortly with a time I can give it my full attention."
	if !c.Suggested.IsZero() {
		offer = fmt.Sprintf("I can give it my full attention %s.", formatOffer(c.Suggested))
	}
	var body string
	if c.Verdict == VerdictUrgentClash {
		body = fmt.Sprintf("Thank you for flagging this; I can see it matters. I'm not available until %s because of a commitment I can't move. %s", availableFrom(c.Clashes), offer)
	} else {
		body = "Thank you for letting me know. I've looked at what's needed, and I want to do it properly rather than in a rush. " + offer
	}
	return hello + "\n\n" + body + " If anything changes on your side before then, just tell me.\n\nBest wishes"
}

// availableFrom says when the last of the clashing commitments is over:
// "15:00 on Friday 6 March", or for a whole-day one (as school calendars
// mostly bring) "after Friday 6 March" rather than "00:00 on Saturday".
func availableFrom(clashes []Occurrence) string {
	var last Occurrence
	for _, o := range clashes {
		if !o.End.Before(last.End) {
			last = o
		}
	}
	if last.AllDay() {
		return "after " + dates.Long(last.End.Local().AddDate(0, 0, -1))
	}
	return dates.Clock(last.End.Local()) + " on " + dates.Long(last.End.Local())
}

// formatOffer says a time to a client: "on Friday 5 June at 15:30". The
// day is always named: the reply may be read, or sent, on another day.
func formatOffer(t time.Time) string {
	return "on " + dates.Long(t.Local()) + " at " + dates.Clock(t.Local())
}

// SaveTriage runs and stores a triage; a day later LookBacksDue asks about
// it.
func (s *Store) SaveTriage(in TriageInput) (Triage, TriageCheck, error) {
	if err := in.normalise(); err != nil {
		return Triage{}, TriageCheck{}, err
	}
	var t Triage
	var c TriageCheck
	err := s.write(func(tx *gorm.DB) error {
		var answers []TriageAnswer
		var err error
		if c, answers, err = s.checkTriage(tx, in); err != nil {
			return err
		}
		now := s.Now()
		asked := now
		if !in.AskedAt.IsZero() {
			asked = in.AskedAt.UTC()
		}
		follow := asked.Add(FollowUpDelay)
		t = Triage{
			Client: in.Client, Request: in.Request, AskedAt: asked,
			WindowStart: in.WindowStart.UTC(), WindowEnd: in.WindowEnd.UTC(),
			Rule: c.Rule.String(), Verdict: c.Verdict, Reason: c.Reason, ReplyDraft: c.Reply,
			FollowUpAt: &follow,
		}
		t.Stamp(now)
		if err := tx.Omit("Answers").Create(&t).Error; err != nil {
			return err
		}
		for i := range answers {
			answers[i].TriageID = t.ID
			answers[i].Stamp(now)
		}
		if err := tx.Create(&answers).Error; err != nil {
			return err
		}
		t.Answers = answers
		return nil
	})
	return t, c, err
}

// LookBacksDue lists the triages whose follow-up question is due at now and
// not yet answered, oldest first.
func (s *Store) LookBacksDue(now time.Time) ([]Triage, error) {
	var list []Triage
	err := s.db.Where("follow_up_at IS NOT NULL AND follow_up_at <= ? AND looked_back_at IS NULL", now.UnixMilli()).
		Order("asked_at, id").Find(&list).Error
	return list, classify(err)
}

// LookBack keeps the person's answer to "looking back, was it truly
// urgent?".
func (s *Store) LookBack(id int64, truly bool) error {
	return s.write(func(tx *gorm.DB) error {
		var t Triage
		if err := tx.Take(&t, id).Error; err != nil {
			return notFound(err)
		}
		now := s.Now()
		t.TrulyUrgent, t.LookedBackAt = &truly, &now
		t.Stamp(now)
		return tx.Omit("Answers").Save(&t).Error
	})
}

// TriageRecord counts the "emergencies" so far and how many were real.
type TriageRecord struct {
	Total      int // triages run
	CalledOff  int // judged not urgent by the person's rule
	LookedBack int // answered the follow-up question
	Real       int // looked back and found truly urgent
}

// Summary is the record in a sentence, or "" with nothing looked back.
func (r TriageRecord) Summary() string {
	switch {
	case r.LookedBack == 0:
		return ""
	case r.LookedBack == 1 && r.Real == 1:
		return "You looked back on one “urgent” request: it was truly urgent."
	case r.LookedBack == 1:
		return "You looked back on one “urgent” request: it could have waited."
	}
	return fmt.Sprintf("Of %d “urgent” requests you looked back on, %d %s truly urgent.", r.LookedBack, r.Real, wasWere(r.Real))
}

// TriageRecord counts the triages and their look-backs.
func (s *Store) TriageRecord() (TriageRecord, error) {
	var r TriageRecord
	err := s.db.Raw(`SELECT count(*) AS total,
			coalesce(sum(verdict = 'not_urgent'), 0) AS called_off,
			coalesce(sum(truly_urgent IS NOT NULL), 0) AS looked_back,
			coalesce(sum(truly_urgent = 1), 0) AS real
		FROM triages`).Scan(&r).Error
	return r, classify(err)
}

// Triages returns the most recent triages, newest first, with answers.
func (s *Store) Triages(limit int) ([]Triage, error) {
	var list []Triage
	if err := s.db.Order("asked_at DESC, id DESC").Limit(limit).Find(&list).Error; err != nil {
		return nil, classify(err)
	}
	for i := range list {
		if err := s.db.Where("triage_id = ?", list[i].ID).Order("position").Find(&list[i].Answers).Error; err != nil {
			return nil, classify(err)
		}
	}
	return list, nil
}

// ReminderLookBack is the kind of the "was it truly urgent?" reminder.
const ReminderLookBack = "triage-look-back"

// LookBackReminders are the follow-up questions due at now, as reminders:
// each is delivered once (ClaimReminder) and answered on the Protocols tab.
func (s *Store) LookBackReminders(now time.Time) ([]Reminder, error) {
	due, err := s.LookBacksDue(now)
	if err != nil {
		return nil, err
	}
	out := make([]Reminder, 0, len(due))
	for _, t := range due {
		who := t.Client
		if who == "" {
			who = "a client"
		}
		out = append(out, Reminder{
			Kind: ReminderLookBack, Ref: t.UUID, Due: *t.FollowUpAt,
			Title: "Looking back: was it truly urgent?",
			Body: fmt.Sprintf("On %s, %s called something urgent. Now the moment has passed, was it? Answer on the Protocols tab.",
				t.AskedAt.Local().Format("Monday"), who),
		})
	}
	return out, nil
}
