package data

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// clockAt returns options whose clock reads *now, so a test can move time.
func clockAt(now *time.Time) Options { return Options{Now: func() time.Time { return *now }} }

func TestDailyBackupOncePerDayAndRolling(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 1, 12, 0, 0, 0, time.Local)
	s := openTemp(t, clockAt(&now))

	// A new, empty journal has nothing worth a backup yet.
	if path, err := s.DailyBackup(); err != nil || path != "" {
		t.Fatalf("empty journal: %q %v", path, err)
	}
	if _, err := s.AddSlip("Enough is enough.", true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetDailyBackupsKept(3); err != nil {
		t.Fatal(err)
	}
	manual, err := s.Backup(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var made []string
	for day := range 5 {
		for range 2 { // twice a day: the second call makes nothing
			path, err := s.DailyBackup()
			if err != nil {
				t.Fatal(err)
			}
			if path != "" {
				made = append(made, path)
			}
			now = now.Add(2 * time.Hour)
		}
		now = time.Date(2026, 11, 2+day, 9, 0, 0, 0, time.Local)
	}
	if len(made) != 5 || filepath.Base(made[0]) != "journal-daily-2026-11-01.db" {
		t.Fatalf("made %v, want one a day", made)
	}
	list, err := s.Backups()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, b := range list {
		names = append(names, fmt.Sprintf("%s:%s", b.Kind, filepath.Base(b.Path)))
		if fi, err := os.Stat(b.Path); err != nil || fi.Mode().Perm() != 0o600 || b.Size != fi.Size() || b.Size == 0 {
			t.Errorf("%s: %v %v size %d", b.Path, fi.Mode(), err, b.Size)
		}
	}
	want := []string{
		"daily:journal-daily-2026-11-05.db", "daily:journal-daily-2026-11-04.db", "daily:journal-daily-2026-11-03.db",
		"manual:" + filepath.Base(manual),
	}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("backups, newest first:\n got %v\nwant %v", names, want)
	}
	if fi, err := os.Stat(s.BackupDir()); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("backups folder: %v %v", fi.Mode(), err)
	}

	// Turned off: nothing is made, nothing deleted.
	if err := s.SetDailyBackupsKept(0); err != nil {
		t.Fatal(err)
	}
	now = now.AddDate(0, 0, 1)
	if path, err := s.DailyBackup(); err != nil || path != "" {
		t.Errorf("daily backups off: %q %v", path, err)
	}
	if again, _ := s.Backups(); len(again) != len(list) {
		t.Errorf("%d backups after turning daily backups off, want %d", len(again), len(list))
	}
}

func TestDailyBackupsKeptSetting(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	if n, err := s.DailyBackupsKept(); err != nil || n != DefaultDailyBackups {
		t.Errorf("default: %d %v", n, err)
	}
	for _, bad := range []int{-1, MaxDailyBackups + 1} {
		var ve *ValidationError
		if err := s.SetDailyBackupsKept(bad); !errors.As(err, &ve) {
			t.Errorf("keep %d: %v", bad, err)
		}
	}
	s.SetSetting(SettingDailyBackups, "lots")
	if n, _ := s.DailyBackupsKept(); n != DefaultDailyBackups {
		t.Errorf("a damaged setting gives %d, want the default", n)
	}
}

func TestListBackupsIgnoresOtherFiles(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	dir := s.BackupDir()
	os.MkdirAll(dir, 0o700)
	for _, name := range []string{"other-2026-01-01-000000.db", "journal-daily-not-a-date.db", "journal-2026-01-01-000000.db-wal", "notes.txt"} {
		os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o600)
	}
	os.Mkdir(filepath.Join(dir, "journal-folder.db"), 0o700)
	os.WriteFile(filepath.Join(dir, "journal-2026-01-02-030405.db"), []byte("x"), 0o600)
	list, err := s.Backups()
	if err != nil || len(list) != 1 || list[0].Time != time.Date(2026, 1, 2, 3, 4, 5, 0, time.Local) {
		t.Errorf("list = %+v, %v", list, err)
	}
	if missing, err := ListBackups(filepath.Join(t.TempDir(), "j.db")); err != nil || missing != nil {
		t.Errorf("no backups folder: %v %v", missing, err)
	}
}

func TestRestoreReplacesTheJournalAndSavesItFirst(t *testing.T) {
	t.Parallel()
	now := epoch
	s := openTemp(t, clockAt(&now))
	path := s.Path()
	if _, err := s.AddSlip("Before the backup.", true); err != nil {
		t.Fatal(err)
	}
	backup, err := s.Backup(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	now = now.Add(time.Minute)
	if _, err := s.AddSlip("Written after the backup.", false); err != nil {
		t.Fatal(err)
	}
	backupBytes := fileHash(t, backup)

	saved, err := s.Restore(context.Background(), backup)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Slips(); err == nil {
		t.Error("the store is still open after Restore")
	}
	r, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	slips, _ := r.Slips()
	if len(slips) != 1 || slips[0].Text != "Before the backup." {
		t.Errorf("after restore: %+v", slips)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("restored journal mode %v", fi.Mode().Perm())
	}
	if fileHash(t, backup) != backupBytes {
		t.Error("the backup file was changed by restoring it")
	}
	// The journal as it was is kept, so the restore can be undone.
	if !strings.Contains(filepath.Base(saved), "journal-before-restore-") {
		t.Errorf("saved as %s", saved)
	}
	old, err := Open(saved, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if slips, _ := old.Slips(); len(slips) != 2 {
		t.Errorf("the saved journal has %d slips, want 2", len(slips))
	}
	list, _ := r.Backups()
	if len(list) != 2 || list[0].Kind != BackupBeforeRestore {
		t.Errorf("backups after restore: %+v", list)
	}
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".journal-restoring-*"))
	if len(matches) != 0 {
		t.Errorf("left behind %v", matches)
	}
}

func TestRestoreRefusesBadBackups(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.db")
	os.WriteFile(notDB, []byte("not a database"), 0o600)
	newer := filepath.Join(dir, "newer.db")
	{
		n, err := Open(newer, Options{})
		if err != nil {
			t.Fatal(err)
		}
		n.db.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()+1))
		n.Close()
	}
	good := filepath.Join(dir, "good.db")
	{
		g, _ := Open(good, Options{})
		g.AddSlip("x", true)
		g.Close()
	}
	raw, _ := os.ReadFile(good)
	damaged := filepath.Join(dir, "damaged.db")
	os.WriteFile(damaged, raw[:len(raw)/2+100], 0o600)

	for name, backup := range map[string]string{
		"not a database": notDB, "newer version": newer, "damaged": damaged,
		"missing": filepath.Join(dir, "missing.db"), "a folder": dir,
	} {
		t.Run(name, func(t *testing.T) {
			s := openTemp(t)
			s.AddSlip("Keep me.", true)
			path := s.Path()
			_, err := s.Restore(context.Background(), backup)
			if !errors.Is(err, ErrBadBackup) || Advice(err) == "" {
				t.Fatalf("err = %v", err)
			}
			r, err := Open(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			if slip, ok, _ := r.PinnedSlip(); !ok || slip.Text != "Keep me." {
				t.Error("the journal changed")
			}
			if list, _ := r.Backups(); len(list) != 0 {
				t.Errorf("a refused restore left backups: %v", list)
			}
		})
	}
	s := openTemp(t)
	if _, err := s.Restore(context.Background(), s.Path()); !errors.Is(err, ErrBadBackup) {
		t.Errorf("restoring the journal onto itself: %v", err)
	}
}

func TestRestoreWaitsForOtherConnections(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	s.AddSlip("Mine.", true)
	backup, err := s.Backup(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	other, err := Open(s.Path(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.AddSlip("The other window's.", false)
	_, err = s.Restore(context.Background(), backup)
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("restore while another connection is open: %v", err)
	}
	if slips, err := other.Slips(); err != nil || len(slips) != 2 {
		t.Errorf("the other connection sees %d slips, %v", len(slips), err)
	}
}

func TestRestoreBackupOfADamagedJournal(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	journal := filepath.Join(dir, "journal.db")
	s, err := Open(journal, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.AddSlip("Saved in time.", true)
	backup, err := s.Backup(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	garbage := []byte("SQLite format 3\x00 and then the disk failed")
	os.WriteFile(journal, garbage, 0o600)

	saved, err := RestoreBackup(context.Background(), journal, backup, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(saved); string(b) != string(garbage) {
		t.Error("the damaged journal was not kept byte for byte")
	}
	r, err := Open(journal, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if slip, ok, _ := r.PinnedSlip(); !ok || slip.Text != "Saved in time." {
		t.Errorf("after restore: %+v", slip)
	}
}
