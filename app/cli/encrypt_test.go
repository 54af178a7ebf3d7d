package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/vault"
)

// script is a terminal that answers prompts from a list, in order.
type script struct {
	mu      sync.Mutex
	answers []string
	prompts []string
}

func (s *script) next(prompt string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.prompts = append(s.prompts, prompt)
	if len(s.answers) == 0 {
		return "", errors.New("the script has no more answers")
	}
	a := s.answers[0]
	s.answers = s.answers[1:]
	return a, nil
}

func (s *script) Secret(prompt string) ([]byte, error) {
	a, err := s.next(prompt)
	return []byte(a), err
}

func (s *script) Line(prompt string) (string, error) { return s.next(prompt) }

// runIn runs the command line with a terminal (nil for none), standard
// input and a record of the delays asked for.
func runIn(t *testing.T, term Terminal, stdin string, slept *[]time.Duration, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	var r result
	r.code = Main(args, Env{
		Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut,
		Getenv: func(string) string { return "" }, Terminal: term,
		Sleep: func(d time.Duration) {
			if slept != nil {
				*slept = append(*slept, d)
			}
		},
	}, func(w Window) int { r.window = &w; return 0 })
	r.stdout, r.stderr = out.String(), errOut.String()
	return r
}

func secretFile(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// encryptedJournal makes a journal with one entry and encrypts it on a
// scripted terminal; it returns the path and the recovery code printed.
func encryptedJournal(t *testing.T, pass string) (string, string) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "journal.db")
	if r := runIn(t, nil, "", nil, "--db", db, "add", "--trigger", "Late for pickup again", "--intensity", "7"); r.code != ExitOK {
		t.Fatalf("add: %+v", r)
	}
	term := &script{answers: []string{pass, pass}}
	r := runIn(t, term, "", nil, "encrypt", "--db", db)
	if r.code != ExitOK {
		t.Fatalf("encrypt: %+v", r)
	}
	if len(term.prompts) != 2 {
		t.Errorf("encrypt asked %d times, want the new passphrase twice: %q", len(term.prompts), term.prompts)
	}
	var code string
	for _, line := range strings.Split(r.stdout, "\n") {
		if f := strings.TrimSpace(line); len(f) == 29 && strings.Count(f, "-") == 5 {
			code = f
		}
	}
	if code == "" {
		t.Fatalf("no recovery code in:\n%s", r.stdout)
	}
	if st, _ := vault.StateOf(db); st != vault.Encrypted {
		t.Fatalf("state %v after encrypt", st)
	}
	return db, code
}

func TestEncryptThenEveryVerbAsksForThePassphrase(t *testing.T) {
	t.Parallel()
	db, _ := encryptedJournal(t, "tea at four")
	// From a file, with the flag before or after the verb.
	pf := secretFile(t, "tea at four\nsecond line is ignored\n")
	for _, args := range [][]string{
		{"--db", db, "--passphrase-file", pf, "export", "--format", "csv"},
		{"export", "--format", "csv", "--db", db, "--passphrase-file", pf},
	} {
		r := runIn(t, nil, "", nil, args...)
		if r.code != ExitOK || !strings.Contains(r.stdout, "Late for pickup again") {
			t.Fatalf("%q: %+v", args, r)
		}
		if lines := strings.Count(r.stderr, "\n"); lines != 1 || !strings.Contains(r.stderr, "plain text") {
			t.Errorf("%q: want one line of warning on stderr, got %q", args, r.stderr)
		}
	}
	// From the terminal, the second try right.
	term := &script{answers: []string{"coffee at four", "tea at four"}}
	var slept []time.Duration
	r := runIn(t, term, "", &slept, "--db", db, "agenda")
	if r.code != ExitOK || len(term.prompts) != 2 || len(slept) != 1 {
		t.Errorf("terminal: %+v, prompts %q, delays %v", r, term.prompts, slept)
	}
	// Neither: one line saying how.
	r = runIn(t, nil, "", nil, "--db", db, "backup")
	if r.code != ExitError || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "--passphrase-file FILE") {
		t.Errorf("no terminal, no file: %+v", r)
	}
}

func TestWrongPassphraseChangesNothing(t *testing.T) {
	t.Parallel()
	db, _ := encryptedJournal(t, "right words")
	before := map[string][]byte{}
	for _, p := range []string{db, data.KeysPath(db)} {
		before[p], _ = os.ReadFile(p)
	}
	var slept []time.Duration
	wrong := secretFile(t, "wrong words\n")
	for i := range 2 {
		r := runIn(t, nil, "", &slept, "--db", db, "--passphrase-file", wrong, "export")
		if r.code != ExitError || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, "does not unlock") {
			t.Fatalf("try %d: %+v", i, r)
		}
	}
	term := &script{answers: []string{"a", "b", "c"}}
	if r := runIn(t, term, "", &slept, "--db", db, "backup"); r.code != ExitError || len(term.prompts) != 3 {
		t.Errorf("three wrong on the terminal: %+v, %d prompts", r, len(term.prompts))
	}
	for p, b := range before {
		if after, _ := os.ReadFile(p); !bytes.Equal(after, b) {
			t.Errorf("%s changed", filepath.Base(p))
		}
	}
	want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second}
	if len(slept) != len(want) || slept[1] != want[1] || slept[4] != want[4] {
		t.Errorf("delays %v, want %v", slept, want)
	}
	if backups, _ := data.ListBackups(db); len(backups) != 0 {
		t.Error("a backup was made with a wrong passphrase")
	}
}

func TestAddWhileLockedThenUnlock(t *testing.T) {
	t.Parallel()
	db, _ := encryptedJournal(t, "pw")
	// No terminal and no passphrase: add works all the same.
	r := runIn(t, nil, "Snapped at the kids before a call\n", nil, "add", "--db", db, "--story", "I'm always like this", "--intensity", "8")
	if r.code != ExitOK || !strings.Contains(r.stdout, "sealed") {
		t.Fatalf("add while locked: %+v", r)
	}
	if n, _ := vault.Pending(db); n != 1 {
		t.Fatalf("%d waiting in the inbox", n)
	}
	r = runIn(t, nil, "", nil, "--db", db, "--passphrase-file", secretFile(t, "pw"), "export", "--format", "csv")
	if r.code != ExitOK || !strings.Contains(r.stdout, "Snapped at the kids before a call") || !strings.Contains(r.stderr, "added 1 entry written while the journal was locked") {
		t.Errorf("unlock after add: %+v", r)
	}
	if r := runIn(t, nil, "", nil, "add", "--db", db); r.code != ExitUsage {
		t.Errorf("add with nothing: %+v", r)
	}
	if r := runIn(t, nil, "", nil, "add", "--db", db, "--trigger", "x", "--intensity", "12"); r.code != ExitError || !strings.Contains(r.stderr, "Intensity") {
		t.Errorf("add with intensity 12: %+v", r)
	}
}

func TestPassphraseRecoverDecrypt(t *testing.T) {
	t.Parallel()
	db, code := encryptedJournal(t, "one")
	term := &script{answers: []string{"one", "two", "two"}}
	if r := runIn(t, term, "", nil, "passphrase", "--db", db); r.code != ExitOK {
		t.Fatalf("passphrase: %+v", r)
	}
	// Forgotten: the code sets a third, both from files.
	r := runIn(t, nil, "", nil, "recover", "--db", db, "--code-file", secretFile(t, strings.ToLower(code)), "--new-passphrase-file", secretFile(t, "three"))
	if r.code != ExitOK {
		t.Fatalf("recover: %+v", r)
	}
	if r := runIn(t, nil, "", nil, "--db", db, "--passphrase-file", secretFile(t, "two"), "agenda"); r.code != ExitError {
		t.Errorf("the replaced passphrase still opens: %+v", r)
	}
	if r := runIn(t, nil, "", nil, "recover", "--db", db, "--code-file", secretFile(t, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF"), "--new-passphrase-file", secretFile(t, "x")); r.code != ExitError || !strings.Contains(r.stderr, "recovery code") {
		t.Errorf("a wrong code: %+v", r)
	}
	r = runIn(t, nil, "", nil, "decrypt", "--db", db, "--passphrase-file", secretFile(t, "three"))
	if r.code != ExitOK {
		t.Fatalf("decrypt: %+v", r)
	}
	if st, _ := vault.StateOf(db); st != vault.Plain {
		t.Errorf("state %v after decrypt", st)
	}
	if r := runIn(t, nil, "", nil, "--db", db, "export", "--format", "csv"); r.code != ExitOK || r.stderr != "" || !strings.Contains(r.stdout, "Late for pickup") {
		t.Errorf("export after decrypt: %+v", r)
	}
}

func TestEncryptOffersToDeleteThePlainBackups(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "journal.db")
	runIn(t, nil, "", nil, "--db", db, "add", "--trigger", "x")
	if r := runIn(t, nil, "", nil, "--db", db, "backup"); r.code != ExitOK {
		t.Fatal(r)
	}
	term := &script{answers: []string{"pw", "pw", "y"}}
	r := runIn(t, term, "", nil, "--db", db, "encrypt")
	if r.code != ExitOK || !strings.Contains(r.stdout, "1 backup in") || !strings.Contains(r.stdout, "Deleted 1 unencrypted backup") {
		t.Fatalf("encrypt: %+v", r)
	}
	if list, _ := data.ListBackups(db); len(list) != 0 {
		t.Errorf("%d backups left", len(list))
	}
	if r := runIn(t, nil, "", nil, "--db", db, "encrypt", "--new-passphrase-file", secretFile(t, "x")); r.code != ExitError || !strings.Contains(r.stderr, "already encrypted") {
		t.Errorf("encrypting twice: %+v", r)
	}
}

func TestBackupAndRestoreOfAnEncryptedJournal(t *testing.T) {
	t.Parallel()
	db, _ := encryptedJournal(t, "pw")
	pf := secretFile(t, "pw")
	r := runIn(t, nil, "", nil, "--db", db, "--passphrase-file", pf, "backup")
	if r.code != ExitOK {
		t.Fatalf("backup: %+v", r)
	}
	backup := strings.TrimSpace(r.stdout)
	if enc, _ := data.FileEncrypted(backup); !enc {
		t.Fatalf("the backup %s is not encrypted", backup)
	}
	if r := runIn(t, nil, "", nil, "--db", db, "add", "--trigger", "after the backup"); r.code != ExitOK {
		t.Fatal(r)
	}
	// Unlocked once, so the entry is merged into the journal the restore
	// replaces (an entry still waiting in the inbox would survive it).
	if r := runIn(t, nil, "", nil, "--db", db, "--passphrase-file", pf, "agenda"); r.code != ExitOK {
		t.Fatal(r)
	}
	if r := runIn(t, nil, "", nil, "--db", db, "restore", backup); r.code != ExitError || !strings.Contains(r.stderr, "--passphrase-file") {
		t.Errorf("restore without the passphrase: %+v", r)
	}
	if r := runIn(t, nil, "", nil, "--db", db, "restore", backup, "--passphrase-file", pf); r.code != ExitOK {
		t.Fatalf("restore: %+v", r)
	}
	r = runIn(t, nil, "", nil, "--db", db, "--passphrase-file", pf, "export", "--format", "csv")
	if r.code != ExitOK || !strings.Contains(r.stdout, "Late for pickup") || strings.Contains(r.stdout, "after the backup") {
		t.Errorf("after the restore: %+v", r)
	}
}
