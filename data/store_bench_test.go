package data_test

import (
	"path/filepath"
	"testing"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/demo"
	"github.com/bothand/bothand/data/internal/synthetic"
)

// BenchmarkOpen opens a journal the way the app does before its window
// shows: the header probe, the connection with its pragmas, the migrations
// check, then the entry count the Journal tab shows first. An empty journal
// and the 100,000-entry demo journal should cost about the same, since
// nothing at start reads the whole journal.
func BenchmarkOpen(b *testing.B) {
	journals := map[string]func(b *testing.B) string{
		"empty": func(b *testing.B) string {
			path := filepath.Join(b.TempDir(), "journal.db")
			s, err := data.Open(path, data.Options{})
			if err != nil {
				b.Fatal(err)
			}
			s.Close()
			return path
		},
		"100k": func(b *testing.B) string {
			path, err := demo.Copy(b.TempDir(), 100_000)
			if err != nil {
				b.Fatal(err)
			}
			return path
		},
	}
	for _, mode := range synthetic.Modes {
		b.Run(mode, func(b *testing.B) { benchOpen(b, mode, journals) })
	}
}

func benchOpen(b *testing.B, mode string, journals map[string]func(b *testing.B) string) {
	for _, name := range []string{"empty", "100k"} {
		b.Run(name, func(b *testing.B) {
			path, key := synthetic.Prepare(b, journals[name](b), mode)
			timed(b, func(int) error {
				s, err := data.Open(path, data.Options{Key: key})
				if err != nil {
					return err
				}
				if _, err := s.CountEntries(data.EntryFilter{}); err != nil {
					return err
				}
				return s.Close()
			})
		})
	}
}
