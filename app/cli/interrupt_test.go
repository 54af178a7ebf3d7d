package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/keys"
	"github.com/bothand/bothand/data/transfer"
)

// These tests run the command line in a child process, this test binary
// run again, so that it can be sent a real SIGINT, as Ctrl+C in a terminal
// sends one.
const childArgs = "BOTHAND_CLI_CHILD_ARGS"

func TestMain(m *testing.M) {
	// Keys files made by these tests are cheap to unlock; data/keys
	// measures the real cost.
	keys.Cost = keys.Argon2{Name: "argon2id", Time: 1, MemoryKiB: 256, Threads: 1}
	if args, ok := os.LookupEnv(childArgs); ok {
		os.Exit(Main(strings.Split(args, "\x1f"), OSEnv(), nil))
	}
	os.Exit(m.Run())
}

// child starts the command line with args in a child process.
func child(t *testing.T, stdin io.Reader, args ...string) (*exec.Cmd, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childArgs+"="+strings.Join(args, "\x1f"), "BOTHAND_DB=")
	cmd.Stdin = stdin
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	return cmd, &stdout, &stderr
}

// exitCode waits for the child and returns its exit code.
func exitCode(t *testing.T, cmd *exec.Cmd) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if err != nil && !errors.As(err, &ee) {
			t.Fatal(err)
		}
		return cmd.ProcessState.ExitCode()
	case <-time.After(2 * time.Minute):
		t.Fatal("the command did not end")
		return -1
	}
}

// bigJournal makes a journal of a few megabytes (many delivered reminders,
// written in one statement), so that a restore or a backup of it takes a
// while, and returns its path and its JSON export.
func bigJournal(t *testing.T, dir string) (string, string) {
	t.Helper()
	path := filepath.Join(dir, "journal.db")
	s, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.AddSlip("Both can be true.", true); err != nil {
		t.Fatal(err)
	}
	err = s.WriteSQL(context.Background(), func(tx *sql.Tx) error {
		_, err := tx.Exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000)
			INSERT INTO notices (uuid, kind, ref, due_at, sent_at, created_at, updated_at)
			SELECT printf('0193aaaa-0000-7000-8000-%012d', i), 'reminder', 'commitment-' || i, 0, 0, 0, 0 FROM n`)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return path, exportOf(t, path)
}

// exportOf is the journal's JSON export without its own time.
func exportOf(t *testing.T, path string) string {
	t.Helper()
	s, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var b bytes.Buffer
	if err := transfer.ExportJSON(context.Background(), s, &b, transfer.ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		if strings.Contains(l, `"exported_at"`) {
			lines[i] = ""
		}
	}
	return strings.Join(lines, "\n")
}

func hashOf(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// interruptWhen sends the child SIGINT the moment a file matching pattern
// appears, which the job makes as it starts. The child is paused
// (SIGSTOP) while the signal is sent, so it arrives part-way through the
// job however fast the machine is, and then resumed.
func interruptWhen(t *testing.T, cmd *exec.Cmd, pattern string) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		if names, _ := filepath.Glob(pattern); len(names) > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no %s appeared", pattern)
		}
		time.Sleep(200 * time.Microsecond)
	}
	for _, sig := range []syscall.Signal{syscall.SIGSTOP, syscall.SIGINT, syscall.SIGCONT} {
		if err := cmd.Process.Signal(sig); err != nil {
			t.Fatal(err)
		}
	}
}

// Ctrl+C during `bothand restore` stops it: the journal file is the same,
// byte for byte, no saved copy or checked copy is left, and it says so.
func TestCtrlCStopsARestoreWithTheJournalUnchanged(t *testing.T) {
	dir := t.TempDir()
	db, _ := bigJournal(t, dir)
	r := run(t, nil, "--db", db, "backup")
	if r.code != ExitOK {
		t.Fatal(r.stderr)
	}
	backup := strings.TrimSpace(r.stdout)
	s, _ := data.Open(db, data.Options{})
	s.AddSlip("Written after the backup.", false)
	s.Close()
	before := hashOf(t, db)
	entries, _ := os.ReadDir(dir)

	cmd, stdout, stderr := child(t, nil, "--db", db, "restore", backup)
	interruptWhen(t, cmd, filepath.Join(dir, ".journal-restoring-*"))
	if code := exitCode(t, cmd); code != ExitInterrupted {
		t.Fatalf("exit code %d, want %d; stdout %q, stderr %q", code, ExitInterrupted, stdout, stderr)
	}
	if !strings.Contains(stderr.String(), "bothand restore: stopped (Ctrl+C); the journal is unchanged") {
		t.Errorf("stderr %q", stderr)
	}
	if hashOf(t, db) != before {
		t.Error("the journal file changed")
	}
	if after, _ := os.ReadDir(dir); len(after) != len(entries) {
		t.Errorf("files in the journal's folder: %v, were %v", after, entries)
	}
	if list, _ := data.ListBackups(db); len(list) != 1 || list[0].Path != backup {
		t.Errorf("after a stopped restore the backups are %+v", list)
	}
}

// Ctrl+C during `bothand import` stops it part-way: nothing is imported.
// The file comes through a pipe, so the test knows how far the import has
// read before it sends the signal.
func TestCtrlCStopsAnImportWithTheJournalUnchanged(t *testing.T) {
	_, doc := bigJournal(t, t.TempDir())
	db := journalWithSlip(t, "Mine.")
	before := exportOf(t, db)

	pr, pw := io.Pipe()
	cmd, stdout, stderr := child(t, pr, "--db", db, "import", "-")
	// Once a third of the file is written through the pipe, the import
	// has read at least that much less the pipe's and its own buffers.
	third := len(doc) / 3
	if _, err := io.WriteString(pw, doc[:third]); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	go func() {
		// The rest, until the import stops reading.
		_, _ = io.WriteString(pw, doc[third:])
		pw.Close()
	}()
	code := exitCode(t, cmd)
	pr.Close()
	if code != ExitInterrupted {
		t.Fatalf("exit code %d, want %d; stdout %q, stderr %q", code, ExitInterrupted, stdout, stderr)
	}
	if !strings.Contains(stderr.String(), "bothand import: stopped (Ctrl+C); nothing was imported and the journal is unchanged") {
		t.Errorf("stderr %q", stderr)
	}
	if after := exportOf(t, db); after != before {
		t.Error("the journal changed")
	}
}

// Ctrl+C during `bothand backup` leaves no backup file.
func TestCtrlCStopsABackupAndLeavesNoFile(t *testing.T) {
	db, _ := bigJournal(t, t.TempDir())
	out := filepath.Join(t.TempDir(), "copy.db")
	cmd, stdout, stderr := child(t, nil, "--db", db, "backup", out)
	interruptWhen(t, cmd, out)
	if code := exitCode(t, cmd); code != ExitInterrupted {
		t.Fatalf("exit code %d, want %d; stdout %q, stderr %q", code, ExitInterrupted, stdout, stderr)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a stopped backup left %s", out)
	}
	if !strings.Contains(stderr.String(), "stopped (Ctrl+C); no backup was written") {
		t.Errorf("stderr %q", stderr)
	}
}
