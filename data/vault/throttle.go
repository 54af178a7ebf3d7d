package vault

import (
	"os"
	"strconv"
	"strings"
	"time"
)

// Wrong passphrases in a row make each next answer slower: 1 s after the
// first, then 2, 4, 8 … up to 30 s. Argon2id already makes every guess
// cost a fraction of a second of both cores; the delay is for a person (or
// a script) trying one passphrase after another at the door. The count
// lives in a small file beside the journal, so it carries across runs of
// the command line; it is removed at the next unlock. The journal and its
// keys file are never touched by a failed attempt.

// failuresPath is the counter's file for the journal at path.
func failuresPath(path string) string { return path + ".unlock-failures" }

// FailureDelay is the wait after the n-th wrong answer in a row.
func FailureDelay(n int) time.Duration {
	if n <= 0 {
		return 0
	}
	d := time.Second << min(n-1, 5)
	return min(d, 30*time.Second)
}

// failed counts one more wrong answer and returns how long to wait.
func failed(path string) time.Duration {
	n := Failures(path) + 1
	_ = os.WriteFile(failuresPath(path), []byte(strconv.Itoa(n)+"\n"), 0o600)
	return FailureDelay(n)
}

// Failures is how many wrong answers came in a row at the journal's door.
func Failures(path string) int {
	b, err := os.ReadFile(failuresPath(path))
	if err != nil {
		return 0
	}
	n, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	return max(n, 0)
}

func succeeded(path string) { _ = os.Remove(failuresPath(path)) }
