package demo

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
)

// demoJournal fills a journal of n entries and returns it with its live
// entries, oldest first.
func demoJournal(t *testing.T, now time.Time, opt Options) (*data.Store, []data.Entry) {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "demo.db"), data.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	opt.Now = now
	if err := Fill(s, opt); err != nil {
		t.Fatal(err)
	}
	var entries []data.Entry
	var after *data.Cursor
	for {
		page, err := s.EntryPage(data.EntryFilter{}, after, data.MaxPage)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range page.Rows {
			e, err := s.Entry(r.ID)
			if err != nil {
				t.Fatal(err)
			}
			entries = append(entries, e)
		}
		if page.Next == nil {
			break
		}
		after = page.Next
	}
	slices.Reverse(entries)
	return s, entries
}

func TestEntriesHaveARealJournalsRhythm(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	s, rows := demoJournal(t, now, Options{Entries: 3000, Seed: 11})
	trashed, _ := s.TrashCount()
	if len(rows)+trashed != 3000 || trashed == 0 || trashed > 30 {
		t.Fatalf("%d live and %d trashed entries, want 3,000 with a few in the trash", len(rows), trashed)
	}
	start := now.AddDate(-10, 0, 0)
	weekday, weekend, evening := 0, 0, 0
	kinds := map[data.Kind]int{}
	weeks := map[int]int{}
	var early, late []int
	var words []int
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
		words = append(words, len(strings.Fields(r.Trigger+" "+r.Story+" "+r.Friend)))
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
	if mean(early) < mean(late)+1.5 {
		t.Errorf("intensity did not fade with practice: %.1f early, %.1f late", mean(early), mean(late))
	}
	if kinds[data.KindGuilt] < len(rows)/2 || kinds[data.KindShame] == 0 || kinds[data.KindUnsure] == 0 {
		t.Errorf("kinds = %v", kinds)
	}
	// Short entries and long ones, as a search benchmark needs.
	slices.Sort(words)
	if short, long := words[len(words)/10], words[len(words)*99/100]; short > 60 || long < 250 {
		t.Errorf("a tenth of the entries up to %d words, the longest hundredth from %d: lengths too even", short, long)
	}
	tagged, _ := s.CountEntries(data.EntryFilter{TagID: 1})
	tags, _ := s.Tags()
	if tagged == 0 || len(tags) <= 6 {
		t.Errorf("%d entries with the first tag, %d tags in all", tagged, len(tags))
	}
}

// TestTheLastFourWeeksLookActive: whatever the seed and the day, the
// default Insights view (the last four weeks) of the 2,000-entry demo
// shows someone using the journal now: 20 entries or more, guilt easing
// after a hard week, both kinds of feeling, repeated tags.
func TestTheLastFourWeeksLookActive(t *testing.T) {
	for _, c := range []struct {
		seed uint64
		now  time.Time
	}{
		{1, time.Date(2026, 12, 6, 15, 0, 0, 0, time.UTC)},
		{2, time.Date(2027, 3, 17, 8, 30, 0, 0, time.UTC)},
		{3, time.Date(2026, 7, 31, 22, 45, 0, 0, time.UTC)},
		{9, time.Date(2028, 1, 2, 12, 0, 0, 0, time.UTC)},
	} {
		s, rows := demoJournal(t, c.now, Options{Entries: 2000, Seed: c.seed})
		recent := 0
		for _, r := range rows {
			if r.HappenedAt.After(c.now) {
				t.Fatalf("seed %d: an entry in the future: %v", c.seed, r.HappenedAt)
			}
			if r.HappenedAt.After(c.now.AddDate(0, 0, -28)) {
				recent++
			}
		}
		if recent < 20 || recent > 60 {
			t.Errorf("seed %d, %v: %d entries in the last four weeks, want 20 to 60", c.seed, c.now, recent)
		}
		ins, err := s.Insights(data.PeriodFourWeeks)
		if err != nil {
			t.Fatal(err)
		}
		if sum := ins.IntensitySummary(); !strings.Contains(sum, "easing") {
			t.Errorf("seed %d: %s", c.seed, sum)
		}
		if len(ins.Triggers) < 3 || ins.Triggers[0].Entries < 3 {
			t.Errorf("seed %d: triggers of the last four weeks: %+v", c.seed, ins.Triggers)
		}
		if sum := ins.KindSummary(); !strings.Contains(sum, "shame") {
			t.Errorf("seed %d: %s", c.seed, sum)
		}
	}
}

// TestShameShareMoves: shame is commoner while the habit is new and comes
// back in hard stretches, so its share changes from year to year.
func TestShameShareMoves(t *testing.T) {
	now := time.Date(2026, 12, 6, 15, 0, 0, 0, time.UTC)
	_, rows := demoJournal(t, now, Options{Entries: 4000, Seed: 4})
	var shares []float64
	for y := range 10 {
		from, to := now.AddDate(y-10, 0, 0), now.AddDate(y-9, 0, 0)
		n, shame := 0, 0
		for _, r := range rows {
			if !r.HappenedAt.Before(from) && r.HappenedAt.Before(to) {
				n++
				if r.Kind == data.KindShame {
					shame++
				}
			}
		}
		shares = append(shares, float64(shame)/float64(max(1, n)))
	}
	lo, hi := slices.Min(shares), slices.Max(shares)
	if hi-lo < 0.08 || shares[0] < shares[9]+0.05 {
		t.Errorf("shame share by year %.2f: it should start higher and move", shares)
	}
}

// TestEntriesComeBackToTheSameThings: entries of the last months name the
// commitments that were missed and the same situations again, as a real
// journal does, and link to the commitment they are about.
func TestEntriesComeBackToTheSameThings(t *testing.T) {
	now := time.Date(2026, 12, 6, 15, 0, 0, 0, time.UTC)
	_, rows := demoJournal(t, now, Options{Entries: 2000, Seed: 1})
	about := map[int64]int{}
	for _, r := range rows {
		if r.CommitmentID != nil && r.HappenedAt.After(now.AddDate(0, -6, 0)) {
			about[*r.CommitmentID]++
		}
	}
	repeated := 0
	for _, n := range about {
		if n >= 2 {
			repeated++
		}
	}
	if len(about) < 3 || repeated == 0 {
		t.Errorf("entries of the last six months are about %d commitments, %d of them more than once", len(about), repeated)
	}
}

// TestEntriesAreVaried measures how far 2,000 entries are from a handful
// of templates: distinct triggers, distinct first sentences (what the
// journal list shows), and how often the commonest sentence comes back.
func TestEntriesAreVaried(t *testing.T) {
	now := time.Date(2026, 12, 6, 15, 0, 0, 0, time.UTC)
	_, rows := demoJournal(t, now, Options{Entries: 2000, Seed: 1})
	triggers, firsts, sentenceIn := map[string]bool{}, map[string]bool{}, map[string]int{}
	for _, r := range rows {
		triggers[r.Trigger] = true
		firsts[sentences(r.Trigger)[0]] = true
		seen := map[string]bool{}
		for _, f := range []string{r.Trigger, r.Story, r.Friend} {
			for _, s := range sentences(f) {
				if !seen[s] {
					seen[s] = true
					sentenceIn[s]++
				}
			}
		}
	}
	top, topSentence := 0, ""
	for s, n := range sentenceIn {
		if n > top {
			top, topSentence = n, s
		}
	}
	t.Logf("%d entries: %d distinct triggers, %d distinct first sentences, %d distinct sentences; the commonest in %d entries: %q",
		len(rows), len(triggers), len(firsts), len(sentenceIn), top, topSentence)
	if len(triggers) < len(rows)*8/10 || len(firsts) < len(rows)*6/10 || len(sentenceIn) < 2500 || top > len(rows)/25 {
		t.Error("the entries repeat too much")
	}
}

// TestSearchWordsAreCommonAndRare checks the words the search benchmarks
// use on a smaller journal of the same generator.
func TestSearchWordsAreCommonAndRare(t *testing.T) {
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	_, rows := demoJournal(t, now, Options{Entries: 4000, Seed: 1})
	share := func(words ...string) float64 {
		n := 0
		for _, r := range rows {
			have := map[string]bool{}
			for _, w := range tokens(r.Trigger + " " + r.Story + " " + r.Friend) {
				have[w] = true
			}
			all := true
			for _, w := range words {
				all = all && have[strings.ToLower(w)]
			}
			if all {
				n++
			}
		}
		return float64(n) / float64(len(rows))
	}
	common := CommonWords()
	if one, both := share(common[0]), share(common...); one < 0.3 || both < 0.15 {
		t.Errorf("%q in %.0f%% of entries, %q in %.0f%%: not common", common[0], 100*one, common, 100*both)
	}
	if rare := share(RareWord()); rare == 0 || rare > 0.01 {
		t.Errorf("%q in %.2f%% of entries: not rare", RareWord(), 100*rare)
	}
}

func mean(v []int) float64 {
	sum := 0
	for _, x := range v {
		sum += x
	}
	return float64(sum) / float64(max(1, len(v)))
}
