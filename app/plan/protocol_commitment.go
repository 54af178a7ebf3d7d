package plan

import (
	"fmt"
	"slices"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/dates"
)

// fillCommitments lists the commitments the plan can be tied to, with
// the stored one chosen.
func (e *protocolEditor) fillCommitments() { e.listCommitments(e.p.CommitmentID) }

// listCommitments lists the commitments with the given one chosen (none
// when nil).
func (e *protocolEditor) listCommitments(chosen *int64) {
	opts := []string{notTied}
	selected := notTied
	for i, label := range commitmentLabels(e.commitments) {
		opts = append(opts, label)
		if chosen != nil && *chosen == e.commitments[i].ID {
			selected = label
		}
	}
	e.commitment.Options = opts
	e.commitment.SetSelected(selected)
}

// commitmentLabels names the commitments for the choice, each once: a
// choice is found by its words, and titles repeat (a school's calendar has
// several "INSET day"s), so a repeated title is told apart by its day.
func commitmentLabels(list []data.Commitment) []string {
	plain := func(c data.Commitment) string { return c.Title + " · " + data.Tier(c.Tier).String() }
	count := map[string]int{}
	for _, c := range list {
		count[plain(c)]++
	}
	out := make([]string, len(list))
	seen := map[string]bool{}
	for i, c := range list {
		label := plain(c)
		if count[label] > 1 {
			day := c.StartsAt.Local()
			if c.AllDay {
				day = c.StartsAt.UTC() // a date, not a moment
			}
			when := dates.Date(day)
			if c.RRule != "" {
				when = "from " + when
			}
			label = c.Title + " · " + when + " · " + data.Tier(c.Tier).String()
		}
		for n := 2; seen[label]; n++ {
			label = fmt.Sprintf("%s (%d)", plain(c), n)
		}
		seen[label] = true
		out[i] = label
	}
	return out
}

// reloadCommitments lists the commitments again after one was added,
// keeping the person's unsaved choice. The stored choice is left as it
// is, so a changed choice still counts as a change to save.
func (e *protocolEditor) reloadCommitments() {
	ui.Background(e.s.plan.Host, e.s.plan.Store.CurrentCommitments, func(list []data.Commitment) {
		chosen := e.read().CommitmentID
		// A tie to a commitment that is over stays listed, as on opening.
		for _, c := range e.commitments {
			if e.p.CommitmentID != nil && c.ID == *e.p.CommitmentID &&
				!slices.ContainsFunc(list, func(n data.Commitment) bool { return n.ID == c.ID }) {
				list = append(list, c)
			}
		}
		e.commitments = list
		e.listCommitments(chosen)
	})
}
