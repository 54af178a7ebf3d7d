package demo

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
)

func TestEntriesHaveARealJournalsRhythm(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	s, err := data.Open(filepath.Join(t.TempDir(), "demo.db"), data.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := Fill(s, Options{Entries: 3000, Seed: 11, Now: now}); err != nil {
		t.Fatal(err)
	}
	var rows []data.EntryRow
	var after *data.Cursor
	for {
		page, err := s.EntryPage(data.EntryFilter{}, after, data.MaxPage)
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, page.Rows...)
		if page.Next == nil {
			break
		}
		after = page.Next
	}
	trashed, _ := s.TrashCount()
	if len(rows)+trashed != 3000 || trashed == 0 || trashed > 30 {
		t.Fatalf("%d live and %d trashed entries, want 3,000 with a few in the trash", len(rows), trashed)
	}
	start := now.AddDate(-10, 0, 0)
	weekday, weekend, evening := 0, 0, 0
	kinds := map[data.Kind]int{}
	weeks := map[int]int{}
	var early, late []int
	for _, r := range rows {
		at := r.HappenedAt.In(time.Local)
		if at.Before(start.Add(-24*time.Hour)) || at.After(now) {
			t.Fatalf("entry at %v is outside the ten years", at)
		}
		if d := at.Weekday(); d == time.Saturday || d == time.Sunday {
			weekend++
		} else {
			weekday++
		}
		if at.Hour() >= 20 {
			evening++
		}
		kinds[r.Kind]++
		weeks[int(r.HappenedAt.Sub(start).Hours()/24/7)]++
		switch years := r.HappenedAt.Sub(start).Hours() / 24 / 365; {
		case years < 2:
			early = append(early, r.Intensity)
		case years > 8:
			late = append(late, r.Intensity)
		}
	}
	// Per day, weekdays see more writing than weekends; most of it in the evening.
	if float64(weekday)/5 < 1.3*float64(weekend)/2 {
		t.Errorf("weekday %d vs weekend %d: no weekday rhythm", weekday, weekend)
	}
	if evening < len(rows)/2 {
		t.Errorf("only %d of %d entries written in the evening", evening, len(rows))
	}
	// Gaps and bursts: silent weeks, and weeks far busier than usual.
	silent := 0
	var counts []int
	for w := range 52 * 10 {
		if weeks[w] == 0 {
			silent++
		}
		counts = append(counts, weeks[w])
	}
	slices.Sort(counts)
	if silent < 20 || counts[len(counts)-1] < 4*max(1, counts[len(counts)/2]) {
		t.Errorf("%d silent weeks, busiest %d vs median %d: no gaps or bursts", silent, counts[len(counts)-1], counts[len(counts)/2])
	}
	if mean(early) < mean(late)+2 {
		t.Errorf("intensity did not drift down: %.1f early, %.1f late", mean(early), mean(late))
	}
	if kinds[data.KindGuilt] < len(rows)/2 || kinds[data.KindShame] == 0 || kinds[data.KindUnsure] == 0 {
		t.Errorf("kinds = %v", kinds)
	}

	// Answers are 20-300 words with an opening of our own, and tags are set.
	e, err := s.Entry(rows[len(rows)/3].ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{e.Trigger, e.Story, e.Friend} {
		if n := len(strings.Fields(text)); n < 20 || n > 300 {
			t.Errorf("answer of %d words", n)
		}
	}
	if !slices.ContainsFunc(triggerOpenings, func(o string) bool { return strings.HasPrefix(e.Trigger, o) }) {
		t.Errorf("trigger without an opening: %.60q", e.Trigger)
	}
	tagged, _ := s.CountEntries(data.EntryFilter{TagID: 1})
	tags, _ := s.Tags()
	if tagged == 0 || len(tags) <= 6 {
		t.Errorf("%d entries with the first tag, %d tags in all", tagged, len(tags))
	}
}

func mean(v []int) float64 {
	sum := 0
	for _, x := range v {
		sum += x
	}
	return float64(sum) / float64(max(1, len(v)))
}
