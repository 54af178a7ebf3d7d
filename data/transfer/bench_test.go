package transfer_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/demo"
	"github.com/bothand/bothand/data/internal/synthetic"
	"github.com/bothand/bothand/data/transfer"
)

// The export and import budgets with 100,000 entries (issue 8): JSON
// export ≤ 3 s, import into an empty journal ≤ 15 s (the backup's are in
// data's benchmarks). Each runs on two journals: the shared demo journal
// (demo.Copy) and a synthetic one built with plain SQL (data/internal/synthetic).
//
//	go test ./data/transfer -run '^$' -bench 'Export|Import' -benchtime 3x -timeout 30m

const benchEntries = 100_000

var ctx = context.Background()

func benchJournals(b *testing.B) map[string]func() string {
	return map[string]func() string{
		"demo": func() string {
			path, err := demo.Copy(b.TempDir(), benchEntries)
			if err != nil {
				b.Fatal(err)
			}
			return path
		},
		"synthetic": func() string { return synthetic.Journal(b, benchEntries) },
	}
}

func openBench(b *testing.B, path string, key ...[]byte) *data.Store {
	b.Helper()
	var k []byte
	if len(key) > 0 {
		k = key[0]
	}
	s, err := data.Open(path, data.Options{Key: k})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// bothModes runs bench on each journal plain and encrypted, as the
// sub-benchmarks plain/demo, plain/synthetic, encrypted/demo, ….
func bothModes(b *testing.B, bench func(b *testing.B, journal func() (string, []byte))) {
	for _, mode := range synthetic.Modes {
		b.Run(mode, func(b *testing.B) {
			for name, journal := range benchJournals(b) {
				b.Run(name, func(b *testing.B) {
					bench(b, func() (string, []byte) { return synthetic.Prepare(b, journal(), mode) })
				})
			}
		})
	}
}

func BenchmarkExportJSON(b *testing.B) {
	bothModes(b, func(b *testing.B, journal func() (string, []byte)) {
		path, key := journal()
		s := openBench(b, path, key)
		var n int64
		for b.Loop() {
			cw := &countingWriter{}
			if err := transfer.ExportJSON(ctx, s, cw, transfer.ExportOptions{}); err != nil {
				b.Fatal(err)
			}
			n = cw.n
		}
		b.ReportMetric(float64(n)/1e6, "MB")
	})
}

func BenchmarkExportMarkdownAndCSV(b *testing.B) {
	s := openBench(b, synthetic.Journal(b, benchEntries))
	for _, f := range []transfer.Format{transfer.FormatMarkdown, transfer.FormatCSV} {
		b.Run(string(f), func(b *testing.B) {
			for b.Loop() {
				if err := transfer.Export(ctx, s, io.Discard, f, transfer.ExportOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkImportJSONIntoEmpty restores each journal's export into a new,
// empty journal: plain, or encrypted with the same key as the source.
func BenchmarkImportJSONIntoEmpty(b *testing.B) {
	bothModes(b, func(b *testing.B, journal func() (string, []byte)) {
		path, key := journal()
		src := openBench(b, path, key)
		var doc bytes.Buffer
		if err := transfer.ExportJSON(ctx, src, &doc, transfer.ExportOptions{}); err != nil {
			b.Fatal(err)
		}
		src.Close()
		os.Remove(path) // room on the disk for the imports
		b.ReportMetric(float64(doc.Len())/1e6, "MB")
		for b.Loop() {
			b.StopTimer()
			dst := openBench(b, filepath.Join(b.TempDir(), "empty.db"), key)
			b.StartTimer()
			if _, err := transfer.Import(ctx, dst, bytes.NewReader(doc.Bytes()), transfer.ImportOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}

// BenchmarkImportMillionRecords streams a generated export of a million
// records (never held in memory whole) into an empty journal and reports
// the largest heap seen meanwhile: it stays flat however long the file.
//
//	go test ./data -run '^$' -bench ImportMillionRecords -benchtime 1x -timeout 30m
func BenchmarkImportMillionRecords(b *testing.B) {
	const n = 1_000_000
	for b.Loop() {
		b.StopTimer()
		dst := openBench(b, filepath.Join(b.TempDir(), "empty.db"))
		r, w := io.Pipe()
		go func() {
			bw := bufio.NewWriterSize(w, 64<<10)
			fmt.Fprint(bw, `{"format":"bothand-journal","format_version":1,"records":{"notices":[`)
			for i := range n {
				if i > 0 {
					bw.WriteString(",\n")
				}
				fmt.Fprintf(bw, `{"uuid":"01930000-0000-7000-8000-%012x","kind":"reminder","ref":"commitment-%d","due_at":"2026-11-25T08:00:00.000Z","sent_at":"2026-11-25T08:00:01.000Z","created_at":"2026-11-25T08:00:01.000Z","updated_at":"2026-11-25T08:00:01.000Z"}`, i, i)
			}
			bw.WriteString("]}}\n")
			bw.Flush()
			w.Close()
		}()
		var peak atomic.Uint64
		stop := make(chan struct{})
		done := make(chan struct{})
		go func() {
			defer close(done)
			var m runtime.MemStats
			for {
				runtime.ReadMemStats(&m)
				if m.HeapInuse > peak.Load() {
					peak.Store(m.HeapInuse)
				}
				select {
				case <-stop:
					return
				case <-time.After(20 * time.Millisecond):
				}
			}
		}()
		b.StartTimer()
		sum, err := transfer.Import(ctx, dst, r, transfer.ImportOptions{})
		b.StopTimer()
		close(stop)
		<-done
		if err != nil {
			b.Fatal(err)
		}
		if sum.Added() != n {
			b.Fatalf("added %d", sum.Added())
		}
		b.ReportMetric(float64(peak.Load())/1e6, "peak-heap-MB")
		b.StartTimer() // b.Loop wants it running
	}
}
