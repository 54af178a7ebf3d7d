package data

import (
	"strings"
	"testing"
)

func render(runs []TextRun) string {
	var b strings.Builder
	for _, r := range runs {
		if r.Match {
			b.WriteString("[" + r.Text + "]")
		} else {
			b.WriteString(r.Text)
		}
	}
	return b.String()
}

func TestSnippetMarksTheBestStretch(t *testing.T) {
	t.Parallel()
	many := strings.Repeat("word ", 40)
	cases := []struct {
		name    string
		answers []string
		query   string
		want    string
	}{
		{"short answer whole", []string{"Missed the School run.", "", ""}, "school", "Missed the [School] run."},
		{"second answer", []string{"nothing here", "The call ran over dinner.", ""}, "dinner", "The call ran over [dinner]."},
		{"diacritics and case", []string{"Un café au lait, CAFÉ noir", "", ""}, "cafe", "Un [café] au lait, [CAFÉ] noir"},
		{"hyphenated phrase", []string{"a café-morning and a morning café", "", ""}, "café-morning", "a [café-morning] and a morning café"},
		{
			"window around match",
			[]string{many + "the school trip " + many, "", ""},
			"trip",
			"…word word the school [trip] word word word word word word word word word word word word word…",
		},
		{
			"prefers both words",
			[]string{"school " + many + "school and client together " + many, "", ""},
			"school client",
			"…word word word word [school] and [client] together word word word word word word word word word word…",
		},
		{"line breaks flattened", []string{"first line\nsecond school\r\nthird", "", ""}, "school", "first line second [school] third"},
		{"RTL", []string{"אני אומר לעצמי שלום", "", ""}, "שלום", "אני אומר לעצמי [שלום]"},
		{"no match shows the start", []string{"", "Some words without it", ""}, "zzz", "Some words without it"},
		{"nothing at all", []string{"", "", ""}, "x", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := render(makeSnippet(tc.answers, queryPhrases(tc.query)))
			if got != tc.want {
				t.Errorf("\n got  %q\n want %q", got, tc.want)
			}
		})
	}
}

func TestFoldMatchesTheIndex(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"École": "ecole", "e\u0301cole": "ecole", "NAÏVE": "naive", "Straße": "straße", "שָׁלוֹם": "שלום"} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}
