package prose

import (
	"strings"
	"testing"
)

func TestThousands(t *testing.T) {
	for n, want := range map[int64]string{
		0: "0", 7: "7", 999: "999", 1000: "1,000", 12345: "12,345", 100000: "100,000",
		1234567: "1,234,567", -1: "-1", -1000: "-1,000", -123456: "-123,456",
	} {
		if got := Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestCount(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{{0, "0 entries"}, {1, "1 entry"}, {2, "2 entries"}, {2345, "2,345 entries"}} {
		if got := Count(tc.n, "entry", "entries"); got != tc.want {
			t.Errorf("Count(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{
		0: "0 bytes", 1: "1 byte", 999: "999 bytes", 1000: "1 KB", 1499: "1 KB", 1500: "2 KB",
		812_345: "812 KB", 999_499: "999 KB", 999_500: "1 MB", 4_249_000: "4.2 MB", 12_000_000: "12 MB",
		999_949_999: "999.9 MB", 999_950_000: "1 GB", 1_500_000_000: "1.5 GB", 12_345_000_000: "12.3 GB",
		2_000_000_000_000: "2,000 GB",
	} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestPlural(t *testing.T) {
	if Plural(1, "entry", "entries") != "entry" || Plural(0, "entry", "entries") != "entries" || Plural(int64(3), "is", "are") != "are" {
		t.Error("Plural picked the wrong word")
	}
}

func TestList(t *testing.T) {
	for _, tc := range []struct {
		items []string
		want  string
	}{
		{nil, ""},
		{[]string{"a"}, "a"},
		{[]string{"a", "b"}, "a and b"},
		{[]string{"a", "b", "c"}, "a, b and c"},
		{[]string{"Mon", "Tue", "Wed", "Thu"}, "Mon, Tue, Wed and Thu"},
	} {
		if got := List(tc.items); got != tc.want {
			t.Errorf("List(%q) = %q, want %q", tc.items, got, tc.want)
		}
	}
}

func TestClip(t *testing.T) {
	for _, tc := range []struct {
		s    string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"eleven long", 10, "eleven lo…"},
		{"cut at a space here", 9, "cut at a…"}, // no space before the ellipsis
		{"café crème brûlée", 7, "café c…"},     // counts characters, not bytes
		{"🙂🙂🙂🙂", 3, "🙂🙂…"},
		{"anything", 0, "anything"},
	} {
		got := Clip(tc.s, tc.n)
		if got != tc.want {
			t.Errorf("Clip(%q, %d) = %q, want %q", tc.s, tc.n, got, tc.want)
		}
		if tc.n > 0 && len([]rune(got)) > tc.n {
			t.Errorf("Clip(%q, %d) = %q is longer than %d", tc.s, tc.n, got, tc.n)
		}
	}
	if got := Clip(strings.Repeat("x", 100), 60); len([]rune(got)) != 60 || !strings.HasSuffix(got, "…") {
		t.Errorf("a long line clips to %d characters: %q", len([]rune(got)), got)
	}
}

func TestCapitalise(t *testing.T) {
	for s, want := range map[string]string{
		"": "", "the file": "The file", "The file": "The file", "élan": "Élan", "1 record": "1 record", "“quoted”": "“quoted”",
	} {
		if got := Capitalise(s); got != want {
			t.Errorf("Capitalise(%q) = %q, want %q", s, got, want)
		}
	}
}
