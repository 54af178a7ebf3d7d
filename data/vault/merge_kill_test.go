package vault

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/keys"
)

// The merge crash test: entries wait in the inbox of an encrypted journal;
// a child process unlocks it (which merges them) and is killed at a random
// moment, again and again. However often the merge is cut short, each
// entry ends up in the journal exactly once, in the order written.
const mergeChild = "BOTHAND_MERGE_CHILD"

func runMergeChild() int {
	keys.Cost = keys.Argon2{Name: "argon2id", Time: 1, MemoryKiB: 256, Threads: 1}
	fmt.Println("start")
	s, rep, err := Open(os.Getenv(mergeChild), Passphrase([]byte("pw")), Options{Sleep: func(time.Duration) {}, Keyring: &memKeyring{}})
	if err != nil {
		fmt.Println("error", err)
		return 1
	}
	s.Close()
	fmt.Println("merged", rep.Merged)
	return 0
}

func TestKilledMergeAddsEachEntryOnceInOrder(t *testing.T) {
	t.Parallel()
	kills := 25
	if os.Getenv("BOTHAND_LONG_TESTS") != "" {
		kills = 250
	}
	seed := uint64(time.Now().UnixNano())
	r := rand.New(rand.NewPCG(seed, 4))
	t.Logf("%d kills, seed %d", kills, seed)
	opts := testOpts()
	path, _ := encrypted(t, "pw", opts)
	written := 0
	add := func(n int) {
		for range n {
			o := opts
			at := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC).Add(time.Duration(written) * time.Minute)
			o.Data.Now = func() time.Time { return at }
			if _, _, err := Add(path, data.Entry{HappenedAt: at, Trigger: "inbox " + strconv.Itoa(written)}, o); err != nil {
				t.Fatal(err)
			}
			written++
		}
	}
	interrupted := 0
	for round := range kills {
		add(1 + r.IntN(12))
		cmd := exec.Command(os.Args[0], "-test.run", "^$")
		cmd.Env = append(os.Environ(), mergeChild+"="+path)
		out, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		sc.Scan() // "start": the child is running
		time.Sleep(time.Duration(r.IntN(40_000)) * time.Microsecond)
		cmd.Process.Signal(syscall.SIGKILL)
		var rest []string
		for sc.Scan() {
			rest = append(rest, sc.Text())
		}
		cmd.Wait()
		if len(rest) > 0 && strings.HasPrefix(rest[0], "error") {
			t.Fatalf("round %d: %s", round, rest[0])
		}
		if len(rest) == 0 {
			interrupted++
		}
		checkMerged(t, path, written, false)
	}
	// The last unlock merges whatever is left.
	s, _, err := Open(path, Passphrase([]byte("pw")), opts)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	checkMerged(t, path, written, true)
	t.Logf("%d entries through the inbox; %d of %d merges were killed before they finished", written, interrupted, kills)
}

// checkMerged opens the journal without merging (through data with the
// key) and checks that no inbox entry is there twice, that those there are
// a prefix of the order written (the merge goes oldest first), and, when
// all is true, that every one is there.
func checkMerged(t *testing.T, path string, written int, all bool) {
	t.Helper()
	sec, err := Unlock(path, Passphrase([]byte("pw")), testOpts())
	if err != nil {
		t.Fatal(err)
	}
	s, err := data.Open(path, data.Options{Key: sec.DataKey})
	sec.Wipe()
	if err != nil {
		t.Fatalf("the journal does not open after a kill: %v", err)
	}
	defer s.Close()
	// Every entry, not a page of them: 250 rounds write well over a page.
	seen := map[string]int{}
	err = s.ReadSQL(context.Background(), func(tx *sql.Tx) error {
		rows, err := tx.Query(`SELECT trigger_text FROM entries WHERE trigger_text LIKE 'inbox %'`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var trigger string
			if err := rows.Scan(&trigger); err != nil {
				return err
			}
			seen[trigger]++
		}
		return rows.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	pending, _ := Pending(path)
	for i := range written {
		name := "inbox " + strconv.Itoa(i)
		switch {
		case seen[name] > 1:
			t.Fatalf("%q was merged %d times", name, seen[name])
		case seen[name] == 0 && all:
			t.Fatalf("%q was never merged", name)
		case seen[name] == 1 && i > 0 && seen["inbox "+strconv.Itoa(i-1)] == 0:
			t.Fatalf("%q was merged before %q", name, "inbox "+strconv.Itoa(i-1))
		}
	}
	if merged := len(seen); merged+pending < written {
		t.Fatalf("%d merged and %d waiting, of %d written: some were lost", merged, pending, written)
	}
	if files, _ := filepath.Glob(filepath.Join(data.InboxDir(path), ".tmp-*")); all && len(files) > 0 {
		t.Errorf("temporary files left in the inbox: %v", files)
	}
}
