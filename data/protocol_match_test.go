package data

import (
	"fmt"
	"testing"
)

func builtinTag(key string) Tag { return Tag{Name: key, BuiltinKey: &key} }

// TestBestTemplateFitsTheEntry: the rule reads the entry's words, its
// built-in tags and the commitment it is about.
func TestBestTemplateFitsTheEntry(t *testing.T) {
	for _, c := range []struct {
		name  string
		entry Entry
		about *Commitment
		want  string
	}{
		{"a school event, by its words", Entry{Trigger: "Found out about the nativity from another parent at the gate"}, nil, "school-events"},
		{"a school event, by the commitment", Entry{Trigger: "I booked a meeting over it"}, &Commitment{Title: "Parents’ evening – Theo"}, "school-events"},
		{"a call over bedtime", Entry{Trigger: "Took a client call during bath and story"}, nil, "block-client-time"},
		{"an urgent request", Entry{Trigger: "Dropped everything for an urgent fix", Story: "It was not an emergency in the end."}, nil, "client-emergency"},
		{"a deadline", Entry{Trigger: "The report deadline ran over into the evening"}, nil, "deadline-buffer"},
		{"by a tag alone", Entry{Trigger: "Felt torn all day", Tags: []Tag{builtinTag("myth-of-balance")}}, nil, "deadline-buffer"},
		{"a tag and words together", Entry{Trigger: "Late again", Tags: []Tag{builtinTag("visibility-trap")}}, &Commitment{Title: "Bedtime"}, "block-client-time"},
		{"whole words only", Entry{Trigger: "The latest thing"}, nil, fallbackTemplate},
		{"nothing fits", Entry{Trigger: "A hard day"}, nil, fallbackTemplate},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := BestTemplate(c.entry, c.about); got.Key != c.want {
				t.Errorf("BestTemplate = %q, want %q", got.Key, c.want)
			}
		})
	}
}

// Every template is reachable: its own words pick it.
func TestEveryTemplateCanBePicked(t *testing.T) {
	for _, tpl := range ProtocolTemplates() {
		if len(tpl.FitWords) == 0 {
			t.Errorf("%s lists no words it fits", tpl.Key)
			continue
		}
		e := Entry{Trigger: fmt.Sprintf("%s and %s", tpl.FitWords[0], tpl.FitWords[len(tpl.FitWords)-1])}
		if got := BestTemplate(e, nil); got.Key != tpl.Key {
			t.Errorf("an entry of %q's own words got %q", tpl.Key, got.Key)
		}
	}
}

// Plans from one template keep apart in the list: the template's title,
// then with what it is about, then numbered.
func TestPlanTitlesStayApart(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	titles := []string{}
	for range 4 {
		title, err := uniqueTitle(s.db, "School dates go in first", "Sports day")
		if err != nil {
			t.Fatal(err)
		}
		titles = append(titles, title)
		if _, err := s.CreateProtocol(Protocol{Title: title}, []NewStep{{Text: "A step"}}); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{
		"School dates go in first", "School dates go in first (Sports day)",
		"School dates go in first (Sports day) 2", "School dates go in first (Sports day) 3",
	}
	if fmt.Sprint(titles) != fmt.Sprint(want) {
		t.Errorf("titles %q, want %q", titles, want)
	}
	if got, _ := s.UniqueProtocolTitle("Deadlines come with a buffer"); got != "Deadlines come with a buffer" {
		t.Errorf("a free title became %q", got)
	}
	if got, _ := s.UniqueProtocolTitle("school dates go in first"); got != "school dates go in first 2" {
		t.Errorf("a taken title (in other case) became %q", got)
	}
	long, _ := uniqueTitle(s.db, "School dates go in first", "A very long commitment title that goes on and on about the day")
	if n := len([]rune(long)); n > planTitleMax {
		t.Errorf("%q has %d characters", long, n)
	}
}
