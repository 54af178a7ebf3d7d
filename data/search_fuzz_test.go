package data

import (
	"errors"
	"testing"
	"time"
)

// FuzzSearch types anything into search: it must never be an error (other
// than a message about the input), never panic, and every row it returns
// must be a live entry.
func FuzzSearch(f *testing.F) {
	for _, seed := range []string{
		`school`, `"school`, `school*`, `-school`, `NEAR(a b)`, `a AND b OR c NOT d`,
		`((((`, `)`, `🙂 café`, `café-morning`, `^school`, `col:school`, `"`, `*`, `-`,
		"\x00", "a\u0301", "שלום", `""""`, `{a b}`, `a+b`, `'`, `\`, `%_`,
	} {
		f.Add(seed)
	}
	s := openTemp(f)
	day := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	for i, text := range []string{"school run late", "client call café-morning", "bedtime 🙂 story", "near the school gate"} {
		e := Entry{HappenedAt: day.Add(time.Duration(i) * time.Hour), Trigger: text, Story: "story " + text, Friend: "friend", Intensity: i, Kind: KindGuilt}
		if _, err := s.SaveEntry(e, 0); err != nil {
			f.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, q string) {
		page, err := s.EntryPage(EntryFilter{Text: q}, nil, 20)
		var ve *ValidationError
		if err != nil && !errors.As(err, &ve) {
			t.Fatalf("search %q: %v", q, err)
		}
		for _, r := range page.Rows {
			if r.ID <= 0 {
				t.Fatalf("search %q returned row %+v", q, r)
			}
		}
		if _, err := s.CountEntries(EntryFilter{Text: q}); err != nil && !errors.As(err, &ve) {
			t.Fatalf("count %q: %v", q, err)
		}
	})
}
