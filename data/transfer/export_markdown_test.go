package transfer

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Golden files for the readable exports. After an intended change, rewrite
// them with: go test ./data -run Golden -update-export-golden, and review
// the diff.
var updateExportGolden = flag.Bool("update-export-golden", false, "rewrite the Markdown and CSV export golden files")

// goldenZone is where the golden files' reader lives: an hour east of UTC,
// so a test can't pass by confusing local time with UTC.
var goldenZone = time.FixedZone("CET", 3600)

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *updateExportGolden {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update-export-golden to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n%s\n(run with -update-export-golden to accept it)", name, firstDifference(string(want), string(got)))
	}
}

func TestExportMarkdownGolden(t *testing.T) {
	t.Parallel()
	s := openTemp(t, transferClock())
	fillEveryKind(t, s)
	var b bytes.Buffer
	if err := ExportMarkdown(ctx, s, &b, ExportOptions{Location: goldenZone}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "export.md", b.Bytes())

	md := b.String()
	for _, want := range []string{
		"### Monday 16 November 2026, 05:00", // 04:00 UTC, shown in the reader's zone
		"*Guilt: about something I did · intensity 8 of 10 · tags: School runs, Visibility trap*",
		"A good parent would have been there.\n\nI always choose work.",
		`\# not a heading\` + "\n" + `\- not a list\` + "\n" + `1\. not numbered`,
		`\*stars\* and \_underscores\_ and \` + "`code\\`",
		"- [x] Put the school calendar into the Tiers (done Tuesday 17 November 2026)",
		"- [ ] Tell the client my hours",
		"- I'm allowed to put my family first on some days. *(pinned)*",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown lacks %q", want)
		}
	}
	for _, absent := range []string{"deleted one", "Removed step"} {
		if strings.Contains(md, absent) {
			t.Errorf("the Markdown shows %q from the trash", absent)
		}
	}
}

func TestExportMarkdownEmptyJournal(t *testing.T) {
	t.Parallel()
	s := openTemp(t, transferClock())
	var b bytes.Buffer
	if err := ExportMarkdown(ctx, s, &b, ExportOptions{Location: goldenZone}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"0 entries", "No entries yet.", "No protocols yet.", "No permission slips yet."} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("empty journal's Markdown lacks %q:\n%s", want, b.String())
		}
	}
}

func TestMarkdownInlineEscapes(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"plain words":        "plain words",
		"# hash":             `\# hash`,
		"12. twelve":         `12\. twelve`,
		"3) three":           `3\) three`,
		"2026 was a year":    "2026 was a year",
		"a [link](x) <b>":    `a \[link\](x) \<b\>`,
		"+ plus":             `\+ plus`,
		"> quote":            `\> quote`,
		`back\slash`:         `back\\slash`,
		"pipe | table":       `pipe \| table`,
		"two\nlines":         "two lines",
		"~~strike~~ and `x`": "\\~\\~strike\\~\\~ and \\`x\\`",
	} {
		if got := markdownInline(in); got != want {
			t.Errorf("markdownInline(%q) = %q, want %q", in, got, want)
		}
	}
}
