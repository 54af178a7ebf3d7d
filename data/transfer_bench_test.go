package data_test

import (
	"bytes"
	"io"
	"path/filepath"
	"testing"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/demo"
)

// The export, import and backup budgets with 100,000 entries (issue 8):
// JSON export ≤ 3 s, import into an empty journal ≤ 15 s, backup ≤ 2 s.
// Each runs on two journals: the shared demo journal (demo.Copy) and a
// synthetic one built with plain SQL (data.SyntheticJournal), which has
// 100,000 entries even while the demo generator does not make entries yet.
//
//	go test ./data -run '^$' -bench 'Export|Import|Backup' -benchtime 3x -timeout 30m

const benchEntries = 100_000

func benchJournals(b *testing.B) map[string]func() string {
	return map[string]func() string{
		"demo": func() string {
			path, err := demo.Copy(b.TempDir(), benchEntries)
			if err != nil {
				b.Fatal(err)
			}
			return path
		},
		"synthetic": func() string { return data.SyntheticJournal(b, benchEntries) },
	}
}

func openBench(b *testing.B, path string) *data.Store {
	b.Helper()
	s, err := data.Open(path, data.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func BenchmarkExportJSON(b *testing.B) {
	for name, journal := range benchJournals(b) {
		b.Run(name, func(b *testing.B) {
			s := openBench(b, journal())
			var n int64
			for b.Loop() {
				cw := &countingWriter{}
				if err := s.ExportJSON(cw, data.ExportOptions{}); err != nil {
					b.Fatal(err)
				}
				n = cw.n
			}
			b.ReportMetric(float64(n)/1e6, "MB")
		})
	}
}

func BenchmarkExportMarkdownAndCSV(b *testing.B) {
	s := openBench(b, data.SyntheticJournal(b, benchEntries))
	for _, f := range []data.Format{data.FormatMarkdown, data.FormatCSV} {
		b.Run(string(f), func(b *testing.B) {
			for b.Loop() {
				if err := s.Export(io.Discard, f, data.ExportOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkImportJSONIntoEmpty(b *testing.B) {
	for name, journal := range benchJournals(b) {
		b.Run(name, func(b *testing.B) {
			src := openBench(b, journal())
			var doc bytes.Buffer
			if err := src.ExportJSON(&doc, data.ExportOptions{}); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(doc.Len())/1e6, "MB")
			for b.Loop() {
				b.StopTimer()
				dst := openBench(b, filepath.Join(b.TempDir(), "empty.db"))
				b.StartTimer()
				if _, err := dst.Import(bytes.NewReader(doc.Bytes()), data.ImportOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkBackup(b *testing.B) {
	for name, journal := range benchJournals(b) {
		b.Run(name, func(b *testing.B) {
			s := openBench(b, journal())
			dir := b.TempDir()
			i := 0
			for b.Loop() {
				i++
				if err := s.BackupTo(filepath.Join(dir, "backup-"+string(rune('a'+i%26))+string(rune('a'+i/26))+".db")); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}
