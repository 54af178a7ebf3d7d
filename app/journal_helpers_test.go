package app

import (
	"testing"

	"github.com/bothand/bothand/data"
)

// newJournalUI is newTestUI with the journal's waits set to zero, so that
// searches and drafts happen as soon as something is typed.
func newJournalUI(t *testing.T) (*UI, *data.Store, *journalScreen) {
	t.Helper()
	u, s := newTestUI(t)
	j := u.screens[0].(*journalScreen)
	j.searchDelay, j.draftDelay = 0, 0
	return u, s, j
}

// listedTriggers are the headings of the rows the journal list holds.
func listedTriggers(j *journalScreen) []string {
	var out []string
	for _, r := range j.list.rows {
		out = append(out, firstLine(r.Trigger))
	}
	return out
}
