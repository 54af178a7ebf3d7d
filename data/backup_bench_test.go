package data_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/demo"
	"github.com/bothand/bothand/data/internal/synthetic"
)

// The backup budget with 100,000 entries (issue 8): ≤ 2 s, on the shared
// demo journal and on a synthetic one (data/internal/synthetic).
//
//	go test ./data -run '^$' -bench 'Backup|Restore' -benchtime 3x -timeout 30m

const backupBenchEntries = 100_000

func backupBenchJournals(b *testing.B) map[string]func() string {
	return map[string]func() string{
		"demo": func() string {
			path, err := demo.Copy(b.TempDir(), backupBenchEntries)
			if err != nil {
				b.Fatal(err)
			}
			return path
		},
		"synthetic": func() string { return synthetic.Journal(b, backupBenchEntries) },
	}
}

func openBackupBench(b *testing.B, path string, key ...[]byte) *data.Store {
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

// BenchmarkBackup backs up each journal plain and encrypted (an encrypted
// journal's backup is encrypted with its key).
func BenchmarkBackup(b *testing.B) {
	for _, mode := range synthetic.Modes {
		b.Run(mode, func(b *testing.B) {
			for name, journal := range backupBenchJournals(b) {
				b.Run(name, func(b *testing.B) {
					path, key := synthetic.Prepare(b, journal(), mode)
					s := openBackupBench(b, path, key)
					dir := b.TempDir()
					i := 0
					for b.Loop() {
						i++
						if err := s.BackupTo(context.Background(), filepath.Join(dir, "backup-"+string(rune('a'+i%26))+string(rune('a'+i/26))+".db")); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}

// BenchmarkRestore restores a backup of the 100,000-entry journal over it:
// check the backup on a copy, save the journal, swap the files.
func BenchmarkRestore(b *testing.B) {
	path := synthetic.Journal(b, backupBenchEntries)
	s := openBackupBench(b, path)
	backup, err := s.Backup(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	s.Close()
	for b.Loop() {
		s, err := data.Open(path, data.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Restore(context.Background(), backup); err != nil {
			b.Fatal(err)
		}
	}
}
