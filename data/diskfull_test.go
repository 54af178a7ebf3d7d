package data

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The disk-full test needs a small filesystem of its own: the test binary
// re-runs itself inside a private mount namespace (unshare, as root or via a
// user namespace) with a 1 MB tmpfs, fills it, and reports on stdout.
const diskFullChild = "BOTHAND_DISKFULL_CHILD"

func TestMain(m *testing.M) {
	if dir := os.Getenv(diskFullChild); dir != "" {
		os.Exit(runDiskFullChild(dir))
	}
	os.Exit(m.Run())
}

func TestDiskFullMidWriteKeepsTheJournal(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("unshare"); err != nil {
		t.Fatal("unshare (util-linux) is not installed")
	}
	dir := t.TempDir()
	script := fmt.Sprintf("mount -t tmpfs -o size=1m tmpfs %q && exec %q -test.run '^$'", dir, os.Args[0])
	var out []byte
	var err error
	for _, flags := range []string{"-m", "-rm"} {
		cmd := exec.Command("unshare", flags, "sh", "-c", script)
		cmd.Env = append(os.Environ(), diskFullChild+"="+dir)
		out, err = cmd.CombinedOutput()
		if err == nil || !strings.Contains(string(out), "mount") {
			break
		}
	}
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	report := string(out)
	t.Logf("child report:\n%s", report)
	for _, want := range []string{"full-error ok", "advice ok", "reopen ok", "integrity ok", "acknowledged present"} {
		if !strings.Contains(report, want) {
			t.Errorf("missing %q in the child's report:\n%s", want, report)
		}
	}
}

// runDiskFullChild writes until the disk is full, then frees some space and
// checks the journal. It prints one line per finding.
func runDiskFullChild(dir string) int {
	path := filepath.Join(dir, "journal.db")
	// Ballast to delete afterwards, standing in for the person freeing space.
	ballast := filepath.Join(dir, "ballast")
	if err := os.WriteFile(ballast, make([]byte, 256<<10), 0o600); err != nil {
		fmt.Println("ballast:", err)
		return 1
	}
	s, err := Open(path, Options{})
	if err != nil {
		fmt.Println("open:", err)
		return 1
	}
	text := strings.Repeat("Room to breathe. ", 15)
	acked := 0
	var werr error
	for i := range 100000 {
		if _, werr = s.AddSlip(fmt.Sprintf("%04d %s", i, text), false); werr != nil {
			break
		}
		acked++
	}
	fmt.Printf("acknowledged %d then: %v (%#v)\n", acked, werr, werr)
	if errors.Is(werr, ErrDiskFull) {
		fmt.Println("full-error ok")
	}
	if Advice(werr) != "" {
		fmt.Println("advice ok")
	}
	s.Close() // may fail to checkpoint: there is no room
	os.Remove(ballast)

	s, err = Open(path, Options{})
	if err != nil {
		fmt.Println("reopen failed:", err)
		return 0
	}
	fmt.Println("reopen ok")
	defer s.Close()
	var check string
	s.db.Raw("PRAGMA integrity_check").Scan(&check)
	if check == "ok" {
		fmt.Println("integrity ok")
	}
	list, err := s.Slips()
	if err == nil && len(list) >= acked {
		for i := range acked {
			if !strings.HasPrefix(list[i].Text, fmt.Sprintf("%04d ", i)) {
				fmt.Println("slip", i, "damaged:", list[i].Text)
				return 0
			}
		}
		fmt.Println("acknowledged present")
	}
	return 0
}
