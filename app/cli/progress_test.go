package cli

import (
	"strings"
	"testing"
	"time"
)

// The line says nothing for a quick job, then how far a long one has come,
// rewritten in place, at most twice a second, and ends with a new line.
func TestProgressLine(t *testing.T) {
	var out strings.Builder
	p := newProgressLine(&command{Env: Env{Stderr: &out}})
	p.show("Encrypting", 10, 100)
	p.done()
	if out.Len() != 0 {
		t.Fatalf("a quick job printed %q", out.String())
	}
	p.last = time.Now().Add(-time.Second)
	p.show("Encrypting", 10, 100)
	p.show("Encrypting", 20, 100) // too soon after
	p.last = time.Now().Add(-time.Second)
	p.show("Encrypting", 0, 0) // no total yet
	p.show("Decrypting", 110, 110)
	p.done()
	if got, want := out.String(), "\rEncrypting: 10%   \rDecrypting: 100%   \n"; got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
}
