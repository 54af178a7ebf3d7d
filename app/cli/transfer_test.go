package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bothand/bothand/data"
)

// journalWithSlip makes a journal holding one pinned slip.
func journalWithSlip(t *testing.T, text string) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "journal.db")
	s, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.AddSlip(text, true); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestExportVerb(t *testing.T) {
	db := journalWithSlip(t, "Rest counts.")
	r := run(t, nil, "--db", db, "export")
	var doc struct {
		Format  string                       `json:"format"`
		Records map[string][]json.RawMessage `json:"records"`
	}
	if r.code != ExitOK || r.stderr != "" || json.Unmarshal([]byte(r.stdout), &doc) != nil || doc.Format != "bothand-journal" || len(doc.Records["slips"]) != 1 {
		t.Fatalf("export to stdout: code %d stderr %q\n%.200s", r.code, r.stderr, r.stdout)
	}
	for format, want := range map[string]string{"md": "# Both/And journal", "markdown": "## Permission slips", "csv": "date,time,trigger"} {
		if r := run(t, nil, "--db", db, "export", "--format", format); r.code != ExitOK || !strings.Contains(r.stdout, want) {
			t.Errorf("--format %s: %d %q %.80q", format, r.code, r.stderr, r.stdout)
		}
	}

	out := filepath.Join(t.TempDir(), "journal.md")
	r = run(t, nil, "export", "--db", db, "--format", "md", "--out", out)
	if r.code != ExitOK || strings.TrimSpace(r.stdout) != out {
		t.Fatalf("--out: %+v", r)
	}
	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("export file: %v %v", fi.Mode(), err)
	}
	// An existing file is refused, one line, exit 1, and left alone.
	before, _ := os.ReadFile(out)
	r = run(t, nil, "export", "--db", db, "--out", out)
	if r.code != ExitError || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "already exists") {
		t.Errorf("existing --out: %+v", r)
	}
	if after, _ := os.ReadFile(out); string(after) != string(before) {
		t.Error("an existing file was overwritten")
	}
	for _, args := range [][]string{{"export", "--format", "pdf"}, {"export", "extra"}, {"export", "--out"}} {
		if r := run(t, nil, append([]string{"--db", db}, args...)...); r.code != ExitUsage {
			t.Errorf("%q: code %d, want a usage error", args, r.code)
		}
	}
}

func TestImportVerb(t *testing.T) {
	src := journalWithSlip(t, "Imported slip.")
	file := filepath.Join(t.TempDir(), "export.json")
	if r := run(t, nil, "--db", src, "export", "--out", file); r.code != ExitOK {
		t.Fatal(r.stderr)
	}
	dst := filepath.Join(t.TempDir(), "journal.db")
	r := run(t, nil, "--db", dst, "import", file)
	if r.code != ExitOK || !strings.HasPrefix(r.stdout, "Added 1 permission slip.") {
		t.Fatalf("import: %+v", r)
	}
	r = run(t, nil, "--db", dst, "import", file)
	if r.code != ExitOK || !strings.HasPrefix(r.stdout, "Nothing new:") {
		t.Errorf("import again: %+v", r)
	}

	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte("{\n  \"format\": \"bothand-journal\",\n  \"format_version\": 1,\n  \"records\": {\"slips\": [{]}}"), 0o600)
	r = run(t, nil, "--db", dst, "import", bad)
	if r.code != ExitError || strings.Count(r.stderr, "\n") != 1 ||
		!strings.Contains(r.stderr, bad+": line 4") || !strings.Contains(r.stderr, "Nothing was imported") {
		t.Errorf("bad file: %+v", r)
	}
	if r := run(t, nil, "--db", dst, "import"); r.code != ExitUsage {
		t.Errorf("no file: %+v", r)
	}
	if r := run(t, nil, "--db", dst, "import", filepath.Join(t.TempDir(), "missing.json")); r.code != ExitError {
		t.Errorf("missing file: %+v", r)
	}
}

func TestImportVerbReadsStdin(t *testing.T) {
	src := journalWithSlip(t, "From a pipe.")
	doc := run(t, nil, "--db", src, "export").stdout
	dst := filepath.Join(t.TempDir(), "journal.db")
	var out, errOut strings.Builder
	code := Main([]string{"--db", dst, "import", "-"}, Env{Stdin: strings.NewReader(doc), Stdout: &out, Stderr: &errOut}, nil)
	if code != ExitOK || !strings.Contains(out.String(), "Added 1 permission slip") {
		t.Errorf("import -: %d %q %q", code, out.String(), errOut.String())
	}
}

func TestBackupsAndRestoreVerbs(t *testing.T) {
	db := journalWithSlip(t, "Before.")
	if r := run(t, nil, "--db", db, "backups"); r.code != ExitOK || !strings.HasPrefix(r.stdout, "No backups yet") {
		t.Errorf("no backups: %+v", r)
	}
	r := run(t, nil, "--db", db, "backup")
	if r.code != ExitOK {
		t.Fatal(r.stderr)
	}
	backup := strings.TrimSpace(r.stdout)
	s, _ := data.Open(db, data.Options{})
	s.AddSlip("After.", false)
	s.Close()

	r = run(t, nil, "--db", db, "backups")
	if r.code != ExitOK || !strings.Contains(r.stdout, "on request") || !strings.Contains(r.stdout, backup) {
		t.Errorf("backups: %+v", r)
	}
	r = run(t, nil, "--db", db, "restore", backup)
	if r.code != ExitOK || !strings.Contains(r.stdout, "kept in") {
		t.Fatalf("restore: %+v", r)
	}
	s, _ = data.Open(db, data.Options{})
	slips, _ := s.Slips()
	s.Close()
	if len(slips) != 1 || slips[0].Text != "Before." {
		t.Errorf("after restore: %+v", slips)
	}
	if r := run(t, nil, "--db", db, "backups"); strings.Count(r.stdout, "\n") != 2 || !strings.Contains(r.stdout, "before a restore") {
		t.Errorf("backups after restore:\n%s", r.stdout)
	}
	notes := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(notes, []byte("notes"), 0o600)
	if r := run(t, nil, "--db", db, "restore", notes); r.code != ExitError || !strings.Contains(r.stderr, "can't be restored") {
		t.Errorf("restore a non-journal: %+v", r)
	}
	if r := run(t, nil, "--db", db, "restore"); r.code != ExitUsage {
		t.Errorf("restore without a file: %+v", r)
	}
}
