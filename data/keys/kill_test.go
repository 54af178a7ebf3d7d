package keys

import (
	"bufio"
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
)

// The passphrase-change crash test: a child process changes the
// passphrase over and over ("p0" to "p1" to "p2" …), saying "ack N" once
// the file holding "pN" is saved, and is killed at a random moment. The
// file must then open with the last passphrase acknowledged or the one
// after it, and with the recovery code, whatever the moment.
const (
	changeChild = "BOTHAND_KEYS_CHANGE_CHILD"
	longEnv     = "BOTHAND_LONG_TESTS"
)

func runChangeChild() int {
	Cost = Argon2{Name: "argon2id", Time: 1, MemoryKiB: 256, Threads: 1}
	path := os.Getenv(changeChild)
	n, _ := strconv.Atoi(os.Getenv("BOTHAND_KEYS_FROM"))
	f, err := Read(path)
	if err != nil {
		fmt.Println("error", err)
		return 1
	}
	s, err := f.Unlock([]byte("p" + strconv.Itoa(n)))
	if err != nil {
		fmt.Println("error", err)
		return 1
	}
	fmt.Println("open")
	for {
		n++
		if err := f.ChangePassphrase(s, []byte("p"+strconv.Itoa(n))); err != nil {
			fmt.Println("error", err)
			return 1
		}
		fmt.Println("ack", n)
	}
}

func TestKilledPassphraseChangeLeavesOldOrNew(t *testing.T) {
	t.Parallel()
	kills := 25
	if os.Getenv(longEnv) != "" {
		kills = 250
	}
	seed := uint64(time.Now().UnixNano())
	r := rand.New(rand.NewPCG(seed, 2))
	t.Logf("%d kills, seed %d", kills, seed)
	path := filepath.Join(t.TempDir(), "journal.db.keys")
	f, _, code, err := New(path, "adiantum", []byte("p0"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	current := 0 // the passphrase known to open the file
	changes := 0
	for round := range kills {
		cmd := exec.Command(os.Args[0], "-test.run", "^$")
		cmd.Env = append(os.Environ(), changeChild+"="+path, "BOTHAND_KEYS_FROM="+strconv.Itoa(current))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string, 1<<16)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		// Wait until the child has the file open, then let it change the
		// passphrase a random number of times (each takes about a
		// millisecond) before the kill.
		for l := range lines {
			if l == "open" {
				break
			}
			if strings.HasPrefix(l, "error") {
				t.Fatalf("round %d: %s", round, l)
			}
		}
		time.Sleep(time.Duration(r.IntN(20_000)) * time.Microsecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		acked := current
		for l := range lines {
			if strings.HasPrefix(l, "error") {
				t.Fatalf("round %d: %s", round, l)
			}
			if n, ok := strings.CutPrefix(l, "ack "); ok {
				acked, _ = strconv.Atoi(n)
			}
		}
		f, err := Read(path)
		if err != nil {
			t.Fatalf("round %d: the keys file does not read after a kill: %v", round, err)
		}
		if _, err := f.Unlock([]byte("p" + strconv.Itoa(acked))); err == nil {
			current = acked
		} else if _, err := f.Unlock([]byte("p" + strconv.Itoa(acked+1))); err == nil {
			current = acked + 1 // saved, killed before it could say so
		} else {
			t.Fatalf("round %d: neither p%d (acknowledged) nor p%d opens the file", round, acked, acked+1)
		}
		if _, err := f.UnlockWithCode(code); err != nil {
			t.Fatalf("round %d: the recovery code no longer opens: %v", round, err)
		}
		changes = current
	}
	if changes == 0 {
		t.Fatal("no change was ever made: the kills came too early to test anything")
	}
	t.Logf("%d passphrase changes across %d kills", changes, kills)
}
