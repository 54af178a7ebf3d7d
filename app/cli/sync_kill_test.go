package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/transfer"
)

// bothand sync killed with SIGKILL while it writes its segments, and on
// the other computer while it applies them, loses nothing and applies
// nothing twice: the rounds run again to the end and the two encrypted
// journals export alike.
func TestSyncRoundKilled(t *testing.T) {
	t.Parallel()
	const pass, n = "tea at four", 3000
	desk, _ := encryptedJournal(t, pass)
	dir := t.TempDir()
	folder := filepath.Join(dir, "sync")
	lap := filepath.Join(dir, "laptop.db")
	pf := secretFile(t, pass+"\n")
	as := func(db string, args ...string) result {
		return runIn(t, nil, "", nil, append([]string{"--db", db, "--passphrase-file", pf}, args...)...)
	}
	if r := as(desk, "sync", "setup", folder, "--name", "desktop"); r.code != ExitOK {
		t.Fatalf("setup: %+v", r)
	}
	if r := as(lap, "sync", "join", folder, "--name", "laptop"); r.code != ExitOK {
		t.Fatalf("join: %+v", r)
	}
	s := openWith(t, desk, pass)
	list := make([]data.Entry, n)
	for i := range list {
		list[i] = data.Entry{Story: fmt.Sprintf("written before the kill, %d", i), Intensity: i % 11, Tags: []data.Tag{{Name: "school"}}}
	}
	if err := transfer.ImportEntries(context.Background(), s, list); err != nil {
		t.Fatal(err)
	}
	s.Close()

	// The desktop killed as each new segment appears (the next one is
	// being written), three times, then a round to the end.
	segments := filepath.Join(folder, "devices", "*", "*.seg")
	for range 3 {
		before, _ := filepath.Glob(segments)
		cmd, _, _ := child(t, nil, "--db", desk, "--passphrase-file", pf, "sync")
		deadline := time.Now().Add(time.Minute)
		for {
			if now, _ := filepath.Glob(segments); len(now) > len(before) || time.Now().After(deadline) {
				break
			}
			time.Sleep(time.Millisecond)
		}
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
		now, _ := filepath.Glob(segments)
		t.Logf("the desktop killed with %d segments in the folder", len(now))
	}
	if r := as(desk, "sync"); r.code != ExitOK {
		t.Fatalf("the desktop's round after the kills: %+v", r)
	}

	// The laptop killed while it applies them: at a random moment, then
	// as soon as its first batch is in (2,000 changes to a transaction),
	// then at random again.
	count := func() int {
		s := openWith(t, lap, pass)
		defer s.Close()
		got, _ := s.CountEntries(data.EntryFilter{})
		return got
	}
	for i := range 3 {
		cmd, _, _ := child(t, nil, "--db", lap, "--passphrase-file", pf, "sync")
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		if i == 1 {
			for deadline := time.Now().Add(time.Minute); count() == 1 && time.Now().Before(deadline); {
				time.Sleep(5 * time.Millisecond)
			}
		} else {
			time.Sleep(time.Duration(50+rand.IntN(700)) * time.Millisecond)
		}
		_ = cmd.Process.Signal(syscall.SIGKILL)
		<-done
		t.Logf("the laptop killed with %d entries", count())
	}
	if r := as(lap, "sync"); r.code != ExitOK {
		t.Fatalf("the laptop's round after the kills: %+v", r)
	}
	for _, db := range []string{lap, desk, lap} {
		if r := as(db, "sync"); r.code != ExitOK || r.stdout != "Up to date.\n" {
			t.Errorf("%s: a round once all is through: %+v", filepath.Base(db), r)
		}
	}
	a, b := exportWith(t, desk, pass), exportWith(t, lap, pass)
	if a != b {
		t.Errorf("the journals differ after the kills:\n%s", firstDifference(a, b))
	}
	if got := strings.Count(b, "written before the kill, "); got != n {
		t.Errorf("the laptop's export holds %d of the %d entries", got, n)
	}
}

// exportWith is an encrypted journal's JSON export as two journals in
// step share it (docs/SYNC.md): without its time and its drafts.
func exportWith(t *testing.T, path, pass string) string {
	t.Helper()
	s := openWith(t, path, pass)
	defer s.Close()
	var b bytes.Buffer
	if err := transfer.ExportJSON(context.Background(), s, &b, transfer.ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	delete(doc, "exported_at")
	delete(doc["records"].(map[string]any), "drafts")
	out, err := json.MarshalIndent(doc, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func firstDifference(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n  %s\n  %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("%d lines against %d", len(la), len(lb))
}
