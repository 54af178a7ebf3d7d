package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
)

func fixture(t *testing.T, name string) string {
	t.Helper()
	return filepath.Join("..", "..", "data", "ical", "testdata", "ics", name)
}

func TestICSImportExportAndAgenda(t *testing.T) {
	db := filepath.Join(t.TempDir(), "journal.db")
	r := run(t, nil, "--db", db, "ics", "import", fixture(t, "google.ics"), "--tier", "1")
	if r.code != ExitOK || r.stdout != "google.ics: 4 new, 0 updated, 0 unchanged\n" {
		t.Fatalf("import: %+v", r)
	}
	r = run(t, nil, "ics", "import", "--tier=1", fixture(t, "google.ics"), "--db", db)
	if r.code != ExitOK || r.stdout != "google.ics: 0 new, 0 updated, 4 unchanged\n" {
		t.Fatalf("re-import: %+v", r)
	}

	out := filepath.Join(t.TempDir(), "busy.ics")
	r = runAt(t, time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC), "--db", db, "ics", "export", out, "--tiers", "1,2")
	if r.code != ExitOK || r.stdout != "wrote 4 busy events to "+out+"\n" {
		t.Fatalf("export: %+v", r)
	}
	b, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(b), "SUMMARY:Busy – family") || strings.Contains(string(b), "Sports") {
		t.Errorf("exported file:\n%s", b)
	}

	// The agenda, from a fixed now, in local time.
	s, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2031, 3, 3, 18, 0, 0, 0, time.Local)
	s.SaveCommitment(data.Commitment{Title: "Family dinner", Tier: 2, StartsAt: start, EndsAt: start.Add(time.Hour), RRule: "FREQ=DAILY"})
	s.SaveCommitment(data.Commitment{Title: "Half term", Tier: 1, AllDay: true, StartsAt: time.Date(2031, 3, 4, 0, 0, 0, 0, time.UTC)})
	s.Close()
	var got result
	got = runAt(t, time.Date(2031, 3, 3, 9, 0, 0, 0, time.Local), "--db", db, "agenda", "--days", "2")
	want := "2031-03-03  18:00-19:00  tier 2  Family dinner\n" +
		"2031-03-04  all day      tier 1  Half term\n" +
		"2031-03-04  18:00-19:00  tier 2  Family dinner\n"
	if got.code != ExitOK || got.stdout != want {
		t.Errorf("agenda:\n%s\nwant:\n%s\n%+v", got.stdout, want, got)
	}
	got = runAt(t, time.Date(2040, 1, 1, 9, 0, 0, 0, time.Local), "--db", filepath.Join(t.TempDir(), "empty.db"), "agenda")
	if got.code != ExitOK || got.stdout != "" || !strings.Contains(got.stderr, "no commitments in the next 14 days") {
		t.Errorf("empty agenda: %+v", got)
	}
}

func TestTiersCommandErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "journal.db")
	broken := filepath.Join(t.TempDir(), "broken.ics")
	os.WriteFile(broken, []byte("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:soon\nEND:VEVENT\nEND:VCALENDAR\n"), 0o600)
	cases := []struct {
		args []string
		code int
		says string
	}{
		{[]string{"ics"}, ExitUsage, "import or export"},
		{[]string{"ics", "sync"}, ExitUsage, "expected import or export"},
		{[]string{"ics", "import", fixture(t, "google.ics")}, ExitUsage, "--tier"},
		{[]string{"ics", "import", "--tier", "4", fixture(t, "google.ics")}, ExitUsage, "--tier"},
		{[]string{"ics", "import", "--tier", "1"}, ExitUsage, "missing FILE"},
		{[]string{"ics", "import", "a.ics", "b.ics", "--tier", "1"}, ExitUsage, "unexpected argument"},
		{[]string{"ics", "export", "x.ics", "--tiers", "1,5"}, ExitUsage, "--tiers"},
		{[]string{"agenda", "--days", "0"}, ExitUsage, "--days"},
		{[]string{"ics", "import", "--tier", "1", "/no/such/file.ics"}, ExitError, "no such file"},
		{[]string{"ics", "import", "--tier", "1", broken}, ExitError, "line 3"},
		{[]string{"ics", "export", "/no/such/folder/busy.ics"}, ExitError, "bothand ics export:"},
	}
	for _, tc := range cases {
		r := run(t, nil, append([]string{"--db", db}, tc.args...)...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.says) {
			t.Errorf("%q: code %d, stderr %q; want %d with %q", tc.args, r.code, r.stderr, tc.code, tc.says)
		}
		if tc.code == ExitError && strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
			t.Errorf("%q: error is more than one line: %q", tc.args, r.stderr)
		}
	}
	s, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if list, _ := s.Commitments(); len(list) != 0 {
		t.Errorf("a refused file imported %d commitments", len(list))
	}
}

// runAt runs the command line with the clock at now.
func runAt(t *testing.T, now time.Time, args ...string) result {
	t.Helper()
	var out, errOut strings.Builder
	code := Main(args, Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut,
		Getenv: func(string) string { return "" }, Now: func() time.Time { return now },
	}, func(Window) int { return 0 })
	return result{code: code, stdout: out.String(), stderr: errOut.String()}
}
