package transfer

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bothand/bothand/data"
)

func TestParseFormat(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]Format{"json": FormatJSON, "JSON": FormatJSON, "md": FormatMarkdown, "markdown": FormatMarkdown, " csv ": FormatCSV} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v", in, got, err)
		}
	}
	var ve *data.ValidationError
	if _, err := ParseFormat("pdf"); !errors.As(err, &ve) || !strings.Contains(ve.Message, "json, md or csv") {
		t.Errorf("pdf: %v", err)
	}
}

func TestExportFile(t *testing.T) {
	t.Parallel()
	s := openTemp(t, transferClock())
	fillEveryKind(t, s)
	dir := t.TempDir()
	path := filepath.Join(dir, "journal.json")
	if err := ExportFile(ctx, s, path, FormatJSON, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("export file: %v %v", fi.Mode(), err)
	}
	b, _ := os.ReadFile(path)
	if string(b) != exportJSON(t, s) {
		t.Error("the file differs from the export")
	}

	// An existing file is refused, and left alone.
	os.WriteFile(path, []byte("precious"), 0o644)
	var ve *data.ValidationError
	if err := ExportFile(ctx, s, path, FormatCSV, ExportOptions{}); !errors.As(err, &ve) || !strings.Contains(ve.Message, "already exists") {
		t.Errorf("existing file: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "precious" {
		t.Error("an existing file was overwritten")
	}
	// Unless the save dialog asked: then it is replaced whole, privately.
	if err := ExportFile(ctx, s, path, FormatCSV, ExportOptions{Replace: true}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); !strings.HasPrefix(string(b), "date,time,") {
		t.Errorf("replaced file holds %.20q", b)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("replaced file mode %v", fi.Mode().Perm())
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*tmp")); len(left) != 0 {
		t.Errorf("left behind %v", left)
	}

	if err := ExportFile(ctx, s, filepath.Join(dir, "no", "such.json"), FormatJSON, ExportOptions{}); !errors.Is(err, data.ErrFolderMissing) {
		t.Errorf("missing folder: %v", err)
	}
	if os.Getuid() != 0 {
		ro := t.TempDir()
		os.Chmod(ro, 0o500)
		defer os.Chmod(ro, 0o700)
		if err := ExportFile(ctx, s, filepath.Join(ro, "x.json"), FormatJSON, ExportOptions{}); !errors.Is(err, data.ErrFolderLocked) {
			t.Errorf("read-only folder: %v", err)
		}
	}
	// A failed export into a new file leaves no file behind.
	if err := ExportFile(ctx, s, filepath.Join(dir, "bad.txt"), Format("pdf"), ExportOptions{}); err == nil {
		t.Error("an unknown format was exported")
	}
	if _, err := os.Stat(filepath.Join(dir, "bad.txt")); err == nil {
		t.Error("a failed export left its file")
	}
}
