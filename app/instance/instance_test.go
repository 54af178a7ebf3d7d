package instance

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// private gives the test its own runtime folder, as a login session has.
func private(t *testing.T) string {
	t.Helper()
	run := filepath.Join(t.TempDir(), "run")
	t.Setenv("XDG_RUNTIME_DIR", run)
	return t.TempDir()
}

// answer serves a claim, answering OK to every request and recording it.
func answer(c *Claim) <-chan string {
	got := make(chan string, 10)
	go c.Serve(func(conn *Conn) {
		defer conn.Close()
		for {
			do, err := conn.Receive()
			if err != nil {
				return
			}
			got <- do
			_ = conn.Send(OK)
		}
	})
	return got
}

func TestOneClaimPerJournalAndRequestsReachIt(t *testing.T) {
	dir := private(t)
	journal := filepath.Join(dir, "journal.db")
	first, err := ClaimJournal(journal)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	got := answer(first)

	if _, err := ClaimJournal(journal); !errors.Is(err, ErrRunning) {
		t.Fatalf("second claim: %v, want ErrRunning", err)
	}
	// The same file by another spelling is the same journal.
	if _, err := ClaimJournal(filepath.Join(dir, ".", "x", "..", "journal.db")); !errors.Is(err, ErrRunning) {
		t.Fatalf("claim by another spelling: %v", err)
	}
	if err := Ask(journal, Show); err != nil {
		t.Fatal(err)
	}
	if do := <-got; do != Show {
		t.Errorf("the claimant got %q", do)
	}

	// Another journal runs beside it.
	other, err := ClaimJournal(filepath.Join(dir, "other.db"))
	if err != nil {
		t.Fatalf("a second journal: %v", err)
	}
	other.Close()

	// Once the first lets go, the journal can be claimed again.
	first.Close()
	again, err := ClaimJournal(journal)
	if err != nil {
		t.Fatalf("claim after close: %v", err)
	}
	again.Close()
}

func TestSymlinkedFolderIsTheSameJournal(t *testing.T) {
	dir := private(t)
	real := filepath.Join(dir, "real")
	if err := os.Mkdir(real, 0o700); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if Socket(filepath.Join(real, "j.db")) != Socket(filepath.Join(link, "j.db")) {
		t.Error("a journal reached through a symlinked folder has another socket")
	}
}

// TestCrashedClaimLeavesNothingBehind kills a process that holds the claim:
// the lock dies with it, and the socket file it leaves does not stop the
// next start.
func TestCrashedClaimLeavesNothingBehind(t *testing.T) {
	if os.Getenv("INSTANCE_HOLD") != "" {
		c, err := ClaimJournal(os.Getenv("INSTANCE_HOLD"))
		if err != nil {
			os.Exit(3)
		}
		_ = c
		os.Stdout.WriteString("claimed\n")
		time.Sleep(time.Minute)
		return
	}
	dir := private(t)
	journal := filepath.Join(dir, "journal.db")
	cmd := exec.Command(os.Args[0], "-test.run", "^TestCrashedClaimLeavesNothingBehind$")
	cmd.Env = append(os.Environ(), "INSTANCE_HOLD="+journal)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 8)
	if _, err := out.Read(buf); err != nil {
		t.Fatal(err)
	}
	if _, err := ClaimJournal(journal); !errors.Is(err, ErrRunning) {
		t.Fatalf("claim while the other process holds it: %v", err)
	}
	cmd.Process.Kill()
	cmd.Wait()
	if _, err := os.Stat(Socket(journal)); err != nil {
		t.Fatalf("the killed process left no socket, so this test proves little: %v", err)
	}
	c, err := ClaimJournal(journal)
	if err != nil {
		t.Fatalf("claim after the holder was killed: %v", err)
	}
	defer c.Close()
	got := answer(c)
	if err := Ask(journal, Ping); err != nil {
		t.Fatal(err)
	}
	if do := <-got; do != Ping {
		t.Errorf("got %q", do)
	}
}

func TestAskWithoutAClaimantFails(t *testing.T) {
	dir := private(t)
	startWait = 300 * time.Millisecond
	defer func() { startWait = 5 * time.Second }()
	start := time.Now()
	if err := Ask(filepath.Join(dir, "nobody.db"), Show); err == nil {
		t.Fatal("asked nobody and got an answer")
	}
	if time.Since(start) > startWait+2*time.Second {
		t.Errorf("gave up after %v", time.Since(start))
	}
}

func TestSocketFolderIsPrivate(t *testing.T) {
	private(t)
	s := Socket("/somewhere/j.db")
	c, err := ClaimJournal("/somewhere/j.db")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fi, err := os.Stat(filepath.Dir(s))
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o700 {
		t.Errorf("socket folder mode %v", fi.Mode().Perm())
	}
	if len(s) > 100 {
		t.Errorf("socket path too long for a unix socket: %d bytes", len(s))
	}
}
