package data

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestBackupIsACompletePrivateCopy(t *testing.T) {
	t.Parallel()
	clock := time.Date(2026, 11, 25, 7, 30, 0, 0, time.UTC)
	s := openTemp(t, Options{Now: func() time.Time { return clock }})
	if _, err := s.AddSlip("Done is kind.", true); err != nil {
		t.Fatal(err)
	}
	path, err := s.Backup(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(path) != s.BackupDir() {
		t.Errorf("backup at %s, want in %s", path, s.BackupDir())
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v", fi.Mode().Perm())
	}
	if fi, _ := os.Stat(s.BackupDir()); fi.Mode().Perm() != 0o700 {
		t.Errorf("backups folder mode %v", fi.Mode().Perm())
	}
	b, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	slip, ok, err := b.PinnedSlip()
	if !ok || err != nil || slip.Text != "Done is kind." {
		t.Errorf("backup holds %+v %v %v", slip, ok, err)
	}
	// A second backup in the same second must not overwrite the first.
	if _, err := s.Backup(context.Background()); err == nil {
		t.Error("a backup overwrote an existing file")
	}
}

func TestBackupRefusals(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	var ve *ValidationError
	if err := s.BackupTo(context.Background(), s.Path()); !errors.As(err, &ve) {
		t.Errorf("backup onto the journal: %v", err)
	}
	if err := s.BackupTo(context.Background(), filepath.Join(t.TempDir(), "missing", "b.db")); !errors.Is(err, ErrFolderMissing) {
		t.Errorf("missing folder: %v", err)
	}
	ro := t.TempDir()
	os.Chmod(ro, 0o500)
	defer os.Chmod(ro, 0o700)
	if os.Getuid() != 0 { // root writes anywhere; the mode check above covers the journal's own folder
		if err := s.BackupTo(context.Background(), filepath.Join(ro, "b.db")); !errors.Is(err, ErrFolderLocked) {
			t.Errorf("read-only folder: %v", err)
		}
	}
}

func TestBackupWhileAnotherConnectionWrites(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	other, err := Open(s.Path(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	var wg sync.WaitGroup
	stop := make(chan struct{})
	writing := make(chan struct{}) // closed once the first slip is stored
	var once sync.Once
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer once.Do(func() { close(writing) }) // a failed first write too
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := other.AddSlip(fmt.Sprintf("slip %d", i), false); err != nil {
				t.Error(err)
				return
			}
			once.Do(func() { close(writing) })
		}
	}()
	<-writing // not a fixed sleep: under load the first write can take longer
	path := filepath.Join(t.TempDir(), "copy.db")
	err = s.BackupTo(context.Background(), path)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	b, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var check string
	b.db.Raw("PRAGMA integrity_check").Scan(&check)
	if check != "ok" {
		t.Errorf("integrity_check: %s", check)
	}
	if list, err := b.Slips(); err != nil || len(list) == 0 {
		t.Errorf("backup has %d slips, %v", len(list), err)
	}
}

func TestBackupReportsItsProgress(t *testing.T) {
	t.Parallel()
	s := openTemp(t, Options{})
	story := strings.Repeat("A long evening of work and worry. ", 400) // about 14 KB
	for range 400 {
		if _, err := s.SaveEntry(Entry{Trigger: "entry", Story: story, Intensity: 5}, 0); err != nil {
			t.Fatal(err)
		}
	}
	var seen [][2]int64
	path, err := s.BackupWithProgress(context.Background(), func(done, total int64) { seen = append(seen, [2]int64{done, total}) })
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) < 2 {
		t.Fatalf("only %d reports: %v", len(seen), seen)
	}
	for i, r := range seen {
		if r[1] != seen[0][1] || r[0] > r[1] || (i > 0 && r[0] <= seen[i-1][0]) {
			t.Fatalf("report %d of %v goes back or past the total", i, seen)
		}
	}
	if last := seen[len(seen)-1]; last[0] != last[1] {
		t.Errorf("the last report is %v: the copy ended short of the total", last)
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() < seen[0][1]*1024 {
		t.Errorf("the backup: %v, %v", fi, err)
	}
}
