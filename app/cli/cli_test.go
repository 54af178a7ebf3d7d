package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bothand/bothand/assets/version"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/transfer"
)

type result struct {
	code           int
	stdout, stderr string
	window         *Window
}

// run runs the command line with the given environment variables.
func run(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	var r result
	r.code = Main(args, Env{
		Stdin:  strings.NewReader(""),
		Stdout: &out, Stderr: &errOut,
		Getenv: func(k string) string { return env[k] },
	}, func(w Window) int {
		r.window = &w
		return 0
	})
	r.stdout, r.stderr = out.String(), errOut.String()
	return r
}

func TestVersion(t *testing.T) {
	r := run(t, nil, "version")
	if r.code != ExitOK || r.stdout != "bothand "+version.Version+"\n" || r.stderr != "" {
		t.Errorf("version: %+v", r)
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	for _, args := range [][]string{
		{"frobnicate"},
		{"--no-such-flag"},
		{"version", "extra"},
		{"version", "--bogus"},
		{"--db"},
	} {
		r := run(t, nil, args...)
		if r.code != ExitUsage || !strings.Contains(r.stderr, "Usage:") || r.window != nil {
			t.Errorf("%q: code %d, stderr %q", args, r.code, r.stderr)
		}
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}, {"version", "-h"}} {
		r := run(t, nil, args...)
		if r.code != ExitOK || !strings.Contains(r.stdout, "Commands:") {
			t.Errorf("%q: code %d, stdout %q", args, r.code, r.stdout)
		}
	}
}

func TestWindowGetsTheJournalPath(t *testing.T) {
	r := run(t, nil, "--db", "/tmp/x.db")
	if r.window == nil || r.window.DBPath != "/tmp/x.db" || r.window.CreateFolder {
		t.Errorf("--db: %+v", r.window)
	}
	r = run(t, map[string]string{"BOTHAND_DB": "/tmp/env.db"})
	if r.window == nil || r.window.DBPath != "/tmp/env.db" {
		t.Errorf("BOTHAND_DB: %+v", r.window)
	}
	r = run(t, map[string]string{"BOTHAND_DB": "/tmp/env.db"}, "--db=/tmp/flag.db")
	if r.window.DBPath != "/tmp/flag.db" {
		t.Errorf("--db should win over BOTHAND_DB: %+v", r.window)
	}
	r = run(t, nil)
	if r.window == nil || r.window.DBPath != data.DefaultPath() || !r.window.CreateFolder {
		t.Errorf("default: %+v", r.window)
	}
}

func TestBackupVerb(t *testing.T) {
	db := filepath.Join(t.TempDir(), "journal.db")
	target := filepath.Join(t.TempDir(), "copy.db")
	r := run(t, nil, "backup", "--db", db, target)
	if r.code != ExitOK || strings.TrimSpace(r.stdout) != target {
		t.Fatalf("backup: %+v", r)
	}
	if _, err := os.Stat(target); err != nil {
		t.Fatal(err)
	}
	// Again to the same file: refused, one line, exit 1.
	r = run(t, nil, "--db", db, "backup", target)
	if r.code != ExitError || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "already exists") {
		t.Errorf("second backup: %+v", r)
	}
}

func TestOpenErrorsAreOneLineAndExit1(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.txt")
	os.WriteFile(notDB, []byte("just some notes"), 0o600)
	for name, path := range map[string]string{
		"not a database": notDB,
		"missing folder": filepath.Join(dir, "nope", "journal.db"),
	} {
		r := run(t, nil, "--db", path, "backup")
		if r.code != ExitError || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, path) {
			t.Errorf("%s: code %d, stderr %q", name, r.code, r.stderr)
		}
	}
	if b, _ := os.ReadFile(notDB); string(b) != "just some notes" {
		t.Error("the file was changed")
	}
}

func TestDemoFillsOnlyANamedEmptyJournal(t *testing.T) {
	if r := run(t, nil, "demo"); r.code != ExitUsage || !strings.Contains(r.stderr, "needs --db") {
		t.Errorf("demo without --db: %+v", r)
	}
	db := filepath.Join(t.TempDir(), "demo.db")
	r := run(t, nil, "demo", "--db", db, "--entries", "20", "--seed", "3")
	if r.code != ExitOK || !strings.Contains(r.stdout, "filled") {
		t.Fatalf("demo: %+v", r)
	}
	s, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	empty, err := s.IsEmpty()
	s.Close()
	if err != nil || empty {
		t.Fatalf("demo journal empty=%v err=%v", empty, err)
	}
	r = run(t, nil, "demo", "--db", db)
	if r.code != ExitError || !strings.Contains(r.stderr, "already holds a journal") {
		t.Errorf("demo into a used journal: %+v", r)
	}
	if r := run(t, nil, "demo", "--db", db, "--entries", "-5"); r.code != ExitUsage {
		t.Errorf("negative entries: %+v", r)
	}
}

func TestDamagedJournalPointsToItsBackup(t *testing.T) {
	db := filepath.Join(t.TempDir(), "journal.db")
	if r := run(t, nil, "--db", db, "backup"); r.code != ExitOK {
		t.Fatal(r)
	}
	os.WriteFile(db, []byte("garbage"), 0o600)
	os.Remove(db + "-wal")
	r := run(t, nil, "--db", db, "backup")
	if r.code != ExitError || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "restore") {
		t.Errorf("%+v", r)
	}
}

// Every verb takes its flags and --db anywhere on the line: before the
// verb, between its files, or at the end, as people type them.
func TestFlagsAndDBAnywhereOnTheLine(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "elsewhere.db")
	seed := filepath.Join(dir, "seed.db")
	s, err := data.Open(seed, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddSlip("Both can be true.", true); err != nil {
		t.Fatal(err)
	}
	export := filepath.Join(dir, "a.json")
	if err := transfer.ExportFile(context.Background(), s, export, transfer.FormatJSON, transfer.ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	ics := filepath.Join(dir, "school.ics")
	writeFile(t, ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:play@school\r\nSUMMARY:School play\r\n"+
		"DTSTART:20300312T140000Z\r\nDTEND:20300312T150000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
	for _, args := range [][]string{
		{"import", export, "--db", db},
		{"version", "--db", db},
		{"agenda", "--days", "3", "--db", db},
		{"agenda", "--db", db, "--days", "3"},
		{"export", "--format", "md", "--db", db},
		{"export", "--db", db, "--out", filepath.Join(dir, "out.csv"), "--format", "csv"},
		{"backup", filepath.Join(dir, "copy.db"), "--db", db},
		{"backups", "--db", db},
		{"ics", "import", ics, "--db", db, "--tier", "1"},
		{"ics", "import", "--tier", "2", "--db", db, ics},
		{"ics", "export", filepath.Join(dir, "busy.ics"), "--db", db, "--tiers", "1,2"},
		{"demo", "--entries", "3", "--db", filepath.Join(dir, "demo.db")},
	} {
		r := run(t, nil, args...)
		if r.code != ExitOK {
			t.Errorf("%q: code %d, stderr %q", args, r.code, r.stderr)
		}
	}
	s, err = data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if slip, ok, _ := s.PinnedSlip(); !ok || slip.Text != "Both can be true." {
		t.Errorf("the import went elsewhere: %+v", slip)
	}
	if list, _ := s.Commitments(); len(list) != 1 {
		t.Errorf("the calendar went elsewhere: %d commitments", len(list))
	}

	// After "--" everything is a file, even what looks like a flag.
	r := run(t, nil, "import", "--db", db, "--", "--db")
	if r.code != ExitError || !strings.Contains(r.stderr, "--db") {
		t.Errorf("import -- --db: code %d, stderr %q", r.code, r.stderr)
	}
	r = run(t, nil, "import", export, export, "--db", db)
	if r.code != ExitUsage || !strings.Contains(r.stderr, "unexpected argument") {
		t.Errorf("two files: code %d, stderr %q", r.code, r.stderr)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}
