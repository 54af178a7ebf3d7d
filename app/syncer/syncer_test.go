package syncer

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bothand/bothand/data/replica"
)

func TestWatchTellsOfANewFileAndStopsAtClose(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "devices")
	os.Mkdir(sub, 0o700)
	changed := make(chan struct{}, 16)
	w, err := Watch([]string{dir}, func() { changed <- struct{}{} })
	if err != nil {
		t.Fatal(err)
	}
	wait := func(what string) {
		t.Helper()
		select {
		case <-changed:
		case <-time.After(5 * time.Second):
			t.Fatalf("no word of %s", what)
		}
	}
	os.WriteFile(filepath.Join(dir, "state"), []byte("x"), 0o600)
	wait("a file in the folder")
	w.Add([]string{dir, sub}) // a device that joined since
	for len(changed) > 0 {
		<-changed
	}
	os.WriteFile(filepath.Join(sub, "1.seg"), []byte("x"), 0o600)
	wait("a file in a folder added later")
	w.Close()
	for len(changed) > 0 {
		<-changed
	}
	os.WriteFile(filepath.Join(dir, "late"), []byte("x"), 0o600)
	select {
	case <-changed:
		t.Error("told of a change after Close")
	case <-time.After(200 * time.Millisecond):
	}
}

func TestAgo(t *testing.T) {
	now := time.Date(2026, 3, 4, 15, 30, 0, 0, time.Local)
	for _, c := range []struct {
		t    time.Time
		want string
	}{
		{now.Add(-10 * time.Second), "just now"},
		{now.Add(-2 * time.Minute), "2 min ago"},
		{now.Add(-3 * time.Hour), "at 12:30"},
		{now.Add(-30 * time.Hour), "on 3 March, 09:30"},
	} {
		if got := Ago(c.t, now); got != c.want {
			t.Errorf("Ago(%v) = %q, want %q", c.t, got, c.want)
		}
	}
}

func TestTroubleInPlainWords(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "gone")
	for _, c := range []struct {
		folder string
		err    error
		want   string
		retry  bool
	}{
		{missing, errors.New("open: no such file"), "Couldn't reach the sync folder", true},
		{dir, fmt.Errorf("round: %w", replica.ErrRemoved), "Another computer removed this one", false},
		{dir, replica.ErrWrongKey, "another journal's key", false},
		{dir, os.ErrPermission, "can't be read or written", true},
		{dir, errors.New("disk full"), "Couldn't sync just now", true},
	} {
		text, retry := Trouble(c.folder, c.err)
		if !strings.Contains(text, c.want) || retry != c.retry {
			t.Errorf("Trouble(%v) = %q, %v; want %q…, %v", c.err, text, retry, c.want, c.retry)
		}
	}
	for _, c := range []struct {
		folder string
		err    error
		want   string
	}{
		{dir, replica.ErrFolderInUse, "already holds other files"},
		{dir, replica.ErrOtherJournal, "another journal"},
		{missing, errors.New("mkdir: no such file"), "not there any more"},
	} {
		if got := SetupTrouble(c.folder, c.err); !strings.Contains(got, c.want) {
			t.Errorf("SetupTrouble(%v) = %q, want %q…", c.err, got, c.want)
		}
	}
	if SetupTrouble(dir, nil) != "" {
		t.Error("no error, yet a problem")
	}
}
