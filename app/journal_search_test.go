package app

import (
	"strings"
	"testing"

	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
)

// Search says how many entries match, and the reading pane lets go of an
// entry the search leaves out (and keeps one it finds).
func TestSearchCountsMatchesAndClosesAnUnmatchedEntry(t *testing.T) {
	u, s, j := newJournalUI(t)
	var school data.Entry
	for i, trigger := range []string{"Missed the school play", "School run was late again", "Client call over dinner"} {
		e, err := s.SaveEntry(data.Entry{Trigger: trigger, Intensity: 4 + i, Kind: data.KindGuilt}, 0)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			school = e
		}
	}
	j.Load()
	uitest.MustContain(t, j.count.Text, "3 entries")

	j.showEntry(school.ID)
	uitest.MustContain(t, uitest.ShownText(u.Host), "Missed the school play")
	j.filters.search.SetText("school")
	if got := j.count.Text; got != "2 entries match, newest first" {
		t.Errorf("searching for school: count says %q", got)
	}
	if j.detailID != school.ID || j.showing != "detail" {
		t.Error("an entry the search found was closed")
	}

	j.filters.search.SetText("dinner")
	if got := j.count.Text; got != "1 entry matches" {
		t.Errorf("searching for dinner: count says %q", got)
	}
	if j.showing == "detail" || strings.Contains(uitest.VisibleText(j.right), "Missed the school play") {
		t.Errorf("the reading pane still shows an entry the search left out:\n%s", uitest.VisibleText(j.right))
	}
	uitest.MustContain(t, uitest.VisibleText(j.right), "Nothing selected")

	j.filters.search.SetText("holiday")
	if got := j.count.Text; got != "No entries match" {
		t.Errorf("searching for holiday: count says %q", got)
	}
}

func TestMatchCountWording(t *testing.T) {
	for n, want := range map[int]string{
		0: "No entries match", 1: "1 entry matches", 12: "12 entries match, newest first",
		data.CountCap: "5,000 or more entries match, newest first",
	} {
		if got := matchCount(n); got != want {
			t.Errorf("matchCount(%d) = %q, want %q", n, got, want)
		}
	}
}
