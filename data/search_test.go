package data

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestSearchTreatsWhateverIsTypedAsWords(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	save := func(trigger, story, friend string) int64 {
		t.Helper()
		e, err := s.SaveEntry(Entry{Trigger: trigger, Story: story, Friend: friend}, 0)
		if err != nil {
			t.Fatal(err)
		}
		return e.ID
	}
	school := save("School assembly, missed", "I said NEAR the end I'd come", "Next time block it")
	client := save("Client call ran over", "AND then dinner was late", "They'll remember dinner, not the call")
	cafe := save("Café-morning with the other parents", "I wasn't there 😔", "Go next time")
	both := save("client wanted the school hours", "near and far", "(bracketed) thought")

	cases := []struct {
		query string
		want  []int64 // newest first
	}{
		{"school", []int64{both, school}},
		{"SCHOOL client", []int64{both}},
		{`"school`, []int64{both, school}},
		{`school"`, []int64{both, school}},
		{`"school client"`, []int64{both}}, // two words, not a phrase operator
		{`school*`, []int64{both, school}},
		{`*`, nil},
		{`-school`, []int64{both, school}},
		{`NEAR(school client)`, nil}, // the words "near school" side by side, and "client"
		{`NEAR(and far)`, []int64{both}},
		{`NEAR`, []int64{both, school}},
		{`school AND client`, []int64{both}}, // "and" is a word like any other
		{`dinner AND`, []int64{client}},
		{`school OR client`, nil},
		{`NOT school`, nil},
		{`(school`, []int64{both, school}},
		{`school)`, []int64{both, school}},
		{`((((`, nil},
		{`(bracketed`, []int64{both}},
		{`trigger_text:school`, nil}, // column filters are words too
		{`^school`, []int64{both, school}},
		{`school + client`, []int64{both}},
		{`😔`, nil},
		{`😔 cafe`, []int64{cafe}},
		{`café-morning`, []int64{cafe}},
		{`cafe morning`, []int64{cafe}},
		{`'`, nil},
		{`\`, nil},
		{`"" "`, nil},
		{"   ", []int64{both, cafe, client, school}}, // blank: the whole list
		{"next\ttime", []int64{cafe, school}},
		{"zzzz", nil},
	}
	for _, tc := range cases {
		t.Run(tc.query, func(t *testing.T) {
			got := searchIDs(t, s, tc.query)
			if fmt.Sprint(got) != fmt.Sprint(tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
				t.Errorf("search %q = %v, want %v", tc.query, got, tc.want)
			}
		})
	}
}

func TestMatchQueryQuotesEveryTerm(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		`school`:          `"school"`,
		`say "hi"`:        `"say" """hi"""`,
		`NEAR(a b) AND *`: `"NEAR(a" "b)" "AND"`,
		`😀 ok`:            `"ok"`,
		"":                "",
	}
	for in, want := range cases {
		if got, _ := MatchQuery(in); got != want {
			t.Errorf("MatchQuery(%q) = %q, want %q", in, got, want)
		}
	}
	if _, ok := MatchQuery("😀 !!"); ok {
		t.Error("symbols alone make a query")
	}
}

func TestSearchRowsCarrySnippets(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	long := strings.Repeat("filler words go here ", 30)
	s.SaveEntry(Entry{Trigger: "A quiet day.", Story: long + "then the school called about the trip, " + long, Intensity: 6, Kind: KindShame}, 0)
	page, err := s.EntryPage(EntryFilter{Text: "School trip"}, nil, 10)
	if err != nil || len(page.Rows) != 1 {
		t.Fatalf("page = %+v, %v", page, err)
	}
	row := page.Rows[0]
	if row.Trigger != "A quiet day." || row.Intensity != 6 || row.Kind != KindShame || len([]rune(row.Story)) != 240 {
		t.Errorf("row = %+v", row)
	}
	var text strings.Builder
	var matched []string
	for _, r := range row.Snippet {
		text.WriteString(r.Text)
		if r.Match {
			matched = append(matched, r.Text)
		}
	}
	if strings.Join(matched, ",") != "school,trip" || !strings.HasPrefix(text.String(), "…") || !strings.HasSuffix(text.String(), "…") {
		t.Errorf("snippet = %q, matched %q", text.String(), matched)
	}
	if n := len(strings.Fields(text.String())); n > snippetWords+2 {
		t.Errorf("snippet has %d words", n)
	}
	// Browsing has no snippets.
	if page, _ := s.EntryPage(EntryFilter{}, nil, 10); page.Rows[0].Snippet != nil {
		t.Error("a browse row has a snippet")
	}
}

// A conflicted copy sync kept is marked in the list, searching or not,
// until the person chooses; other entries are not.
func TestListRowsMarkConflictedCopies(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	kept, _ := s.SaveEntry(Entry{Trigger: "Missed the school run", Intensity: 5, Kind: KindGuilt}, 0)
	other, _ := s.SaveEntry(Entry{Trigger: "Missed the school run again", Intensity: 5, Kind: KindGuilt}, 0)
	if err := s.db.Exec(`UPDATE entries SET conflict_of_id = ?, conflict_at = ? WHERE id = ?`, kept.ID, time.Now().UnixMilli(), other.ID).Error; err != nil {
		t.Fatal(err)
	}
	for _, f := range []EntryFilter{{}, {Text: "school run"}} {
		page, err := s.EntryPage(f, nil, 10)
		if err != nil || len(page.Rows) != 2 {
			t.Fatalf("%+v: page = %+v, %v", f, page, err)
		}
		for _, r := range page.Rows {
			if r.Conflicted != (r.ID == other.ID) {
				t.Errorf("%+v: entry %d marked %v", f, r.ID, r.Conflicted)
			}
		}
	}
}
