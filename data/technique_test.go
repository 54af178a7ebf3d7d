package data

import (
	"strings"
	"testing"
	"time"
)

// history builds entries one day apart from a compact description.
func history(specs ...string) []EntryFacts {
	start := time.Date(2026, 5, 1, 20, 0, 0, 0, time.UTC)
	var out []EntryFacts
	for i, spec := range specs {
		// "7 guilt school run,bedtime" = intensity, kind, tags
		parts := strings.SplitN(spec, " ", 3)
		f := EntryFacts{HappenedAt: start.AddDate(0, 0, i), Kind: Kind(parts[1])}
		for _, c := range parts[0] {
			f.Intensity = f.Intensity*10 + int(c-'0')
		}
		if len(parts) == 3 {
			f.Tags = strings.Split(parts[2], ",")
		}
		out = append(out, f)
	}
	return out
}

func TestRecommendFollowsTheTextsRules(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		entries []EntryFacts
		want    Technique
		little  bool
		reason  string
	}{
		{"nothing yet", nil, TechniqueJournal, true, "No entries in the last two weeks"},
		{"one entry", history("9 shame"), TechniqueJournal, true, "Only one entry"},
		{"two entries", history("9 shame", "9 shame"), TechniqueJournal, true, "Only two entries"},
		{
			"mostly shame", history("5 shame a", "4 shame b", "6 guilt c", "3 shame d"),
			TechniqueShameCheck, false, "3 of your 4 entries were about who you are",
		},
		{
			"overwhelming guilt", history("9 guilt a", "8 guilt b", "9 unsure c"),
			TechniqueShameCheck, false, "averaged 8.7 out of 10",
		},
		{
			"same situation", history("5 guilt School run", "4 guilt school run,bedtime", "6 unsure x", "5 guilt School run", "3 guilt y", "4 guilt z"),
			TechniqueProtocol, false, "“School run” came up in 3 of your 6 entries",
		},
		{
			"a tag in too small a share", history("6 guilt a", "6 guilt a", "6 guilt a", "6 guilt b", "6 guilt c", "6 guilt d", "6 guilt e", "6 guilt f"),
			TechniqueJournal, false, "often (8 entries) and strongly (6 out of 10",
		},
		{
			"frequent and intense", history("7 guilt a", "6 guilt b", "7 unsure c", "6 guilt d", "7 guilt e"),
			TechniqueJournal, false, "often (5 entries) and strongly (6.6 out of 10",
		},
		{
			"occasional and mild", history("3 guilt a", "2 unsure b", "4 guilt c"),
			TechniqueJournal, false, "now and then (3 entries, 3 out of 10",
		},
		{
			"shame ties guilt: not mostly shame", history("5 shame a", "5 guilt b", "5 shame c", "5 guilt d"),
			TechniqueJournal, false, "now and then",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Recommend(tc.entries)
			if got.Technique != tc.want || got.TooLittle != tc.little || !strings.Contains(got.Reason, tc.reason) {
				t.Errorf("got %+v\nwant %s (too little %v) with %q", got, tc.want, tc.little, tc.reason)
			}
		})
	}
}

func TestRecommendationCountsACommitmentAsASituation(t *testing.T) {
	t.Parallel()
	h := history("5 guilt", "5 guilt", "5 guilt", "5 guilt")
	for i := range 3 {
		h[i].Commitment = "Swimming lesson"
	}
	if got := Recommend(h); got.Technique != TechniqueProtocol || got.Situation != "Swimming lesson" ||
		!strings.Contains(got.Reason, "“Swimming lesson” came up in 3 of your 4") {
		t.Errorf("got %+v", got)
	}
}

func TestRecommendTechniqueReadsTheLastTwoWeeks(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 5, 20, 12, 0, 0, 0, time.UTC)
	s := openTemp(t, Options{Now: func() time.Time { return now }})
	got, err := s.RecommendTechnique()
	if err != nil || !got.TooLittle {
		t.Fatalf("empty journal: %+v, %v", got, err)
	}
	var list []Entry
	for i := range 4 {
		list = append(list, Entry{HappenedAt: now.AddDate(0, 0, -i), Trigger: "bedtime again", Intensity: 4, Kind: KindGuilt, Tags: []Tag{{Name: "Bedtime"}}})
	}
	// Older than two weeks: not counted.
	list = append(list, Entry{HappenedAt: now.AddDate(0, 0, -20), Trigger: "old", Intensity: 10, Kind: KindShame})
	addEntries(t, s, list)
	got, err = s.RecommendTechnique()
	if err != nil || got.Technique != TechniqueProtocol || !strings.Contains(got.Reason, "“Bedtime” came up in 4 of your 4 entries") {
		t.Errorf("got %+v, %v", got, err)
	}
}
