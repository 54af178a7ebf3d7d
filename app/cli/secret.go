package cli

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/keys"
	"github.com/bothand/bothand/data/vault"
)

// Terminal is the person at the keyboard.
type Terminal interface {
	// Secret prints prompt on the terminal and reads a line without
	// echoing it.
	Secret(prompt string) ([]byte, error)
	// Line prints prompt and reads a line as typed.
	Line(prompt string) (string, error)
}

// ttyTerminal is the process's terminal: standard input when it is one,
// prompts on standard error (standard output may be a file).
type ttyTerminal struct {
	in  *os.File
	out io.Writer
}

// osTerminal returns the terminal, or nil when standard input is not one.
func osTerminal() Terminal {
	if !term.IsTerminal(int(os.Stdin.Fd())) {
		return nil
	}
	return ttyTerminal{in: os.Stdin, out: os.Stderr}
}

func (t ttyTerminal) Secret(prompt string) ([]byte, error) {
	fmt.Fprint(t.out, prompt)
	b, err := term.ReadPassword(int(t.in.Fd()))
	fmt.Fprintln(t.out)
	return b, err
}

func (t ttyTerminal) Line(prompt string) (string, error) {
	fmt.Fprint(t.out, prompt)
	line, err := bufio.NewReader(t.in).ReadString('\n')
	return strings.TrimRight(line, "\r\n"), err
}

// errNoPassphrase: an encrypted journal and no way to ask for its
// passphrase.
var errNoPassphrase = errors.New("the journal is encrypted: run this on a terminal to type its passphrase, or give it with --passphrase-file FILE (its first line)")

// tries is how many times a terminal is asked before giving up.
const tries = 3

// vaultOptions are the vault's options for this command.
func (c *command) vaultOptions(o data.Options) vault.Options {
	return vault.Options{Data: o, Sleep: c.Sleep}
}

// unlock opens the journal at path, asking for the passphrase when it is
// encrypted: from --passphrase-file (once) or the terminal (up to three
// times, each wrong answer waited out). Entries written while it was
// locked are merged, and said so on stderr.
func (c *command) unlock(path string, o data.Options) (*data.Store, error) {
	state, err := vault.StateOf(path)
	if err != nil {
		return nil, err
	}
	if state != vault.Encrypted {
		return data.Open(path, o)
	}
	var s *data.Store
	var rep vault.Report
	err = c.withPassphrase(path, "Passphrase for "+path+": ", func(p []byte) error {
		s, rep, err = vault.Open(path, vault.Passphrase(p), c.vaultOptions(o))
		return err
	})
	if err != nil {
		return nil, err
	}
	c.reportInbox(rep)
	return s, nil
}

// reportInbox says on stderr what unlocking merged from the inbox.
func (c *command) reportInbox(rep vault.Report) {
	if rep.Merged > 0 {
		fmt.Fprintf(c.Stderr, "bothand: added %d %s written while the journal was locked\n", rep.Merged, plural(rep.Merged, "entry", "entries"))
	}
	if rep.Inbox != nil {
		fmt.Fprintf(c.Stderr, "bothand: %v\n", rep.Inbox)
	}
}

// withPassphrase calls try with the journal's passphrase until it stops
// answering keys.ErrWrongPassphrase: once from --passphrase-file, up to
// three times from the terminal. The passphrase is wiped after each try.
func (c *command) withPassphrase(path, prompt string, try func([]byte) error) error {
	if c.passFile != "" {
		p, err := c.passphraseFromFile()
		if err != nil {
			return err
		}
		defer clear(p)
		return try(p)
	}
	if c.Terminal == nil {
		return errNoPassphrase
	}
	var err error
	for i := range tries {
		var p []byte
		p, err = c.Terminal.Secret(prompt)
		if err != nil {
			return err
		}
		err = try(p)
		clear(p)
		if !errors.Is(err, keys.ErrWrongPassphrase) {
			return err
		}
		if i < tries-1 {
			fmt.Fprintln(c.Stderr, "That passphrase does not open the journal. Try again (or use: bothand recover).")
		}
	}
	return err
}

// passphraseFromFile reads the first line of --passphrase-file.
func (c *command) passphraseFromFile() ([]byte, error) {
	return firstLine(c.passFile, "--passphrase-file")
}

// firstLine reads the first line of the file at path, without its line
// ending, and refuses an empty one.
func firstLine(path, flagName string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", flagName, err)
	}
	defer clear(b)
	line, _, _ := bytes.Cut(b, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	if len(line) == 0 {
		return nil, fmt.Errorf("%s: the first line of %s is empty", flagName, path)
	}
	return bytes.Clone(line), nil
}

// newPassphrase asks for a new passphrase twice on the terminal, or reads
// it from fromFile (the first line) when given.
func (c *command) newPassphrase(fromFile, flagName string) ([]byte, error) {
	if fromFile != "" {
		return firstLine(fromFile, flagName)
	}
	if c.Terminal == nil {
		return nil, fmt.Errorf("run this on a terminal to type the new passphrase, or give it with %s FILE (its first line)", flagName)
	}
	for range tries {
		p, err := c.Terminal.Secret("New passphrase: ")
		if err != nil {
			return nil, err
		}
		if len(p) == 0 {
			fmt.Fprintln(c.Stderr, "The passphrase is empty. Choose a few words only you would put together.")
			continue
		}
		again, err := c.Terminal.Secret("The same again: ")
		if err != nil {
			clear(p)
			return nil, err
		}
		same := bytes.Equal(p, again)
		clear(again)
		if same {
			return p, nil
		}
		clear(p)
		fmt.Fprintln(c.Stderr, "The two did not match. Once more.")
	}
	return nil, errors.New("no new passphrase was set: the two typed did not match")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
