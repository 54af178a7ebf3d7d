// Package cli is Both/And's command line: the verbs that share the journal
// with the window (version, agenda, export, …) and the choice between them
// and the window. It imports no UI code, so every verb is tested as a plain
// function and its argument parsing can be fuzzed.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"time"

	"github.com/bothand/bothand/data"
)

// Window is what the window needs to start: main turns it into app.Config.
type Window struct {
	DBPath       string
	CreateFolder bool // the default location: create its folder if missing
	Minimized    bool // start in the tray (the login autostart entry passes it)
}

// Env is the world a command runs in, so tests can supply their own.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	Now            func() time.Time
	// Terminal asks the person at the keyboard (a passphrase without
	// echo, a yes or no); nil when there is none, as under a script.
	Terminal Terminal
	// Sleep waits out the delay after a wrong passphrase (time.Sleep).
	Sleep func(time.Duration)
}

// OSEnv is the real process environment.
func OSEnv() Env {
	return Env{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Now: time.Now,
		Terminal: osTerminal(), Sleep: time.Sleep,
	}
}

// Exit codes.
const (
	ExitOK    = 0
	ExitError = 1 // the command failed; one line on stderr says why
	ExitUsage = 2 // the command line was wrong; usage on stderr
	// ExitInterrupted: Ctrl+C stopped the command, and one line on stderr
	// says that the journal is as it was. 130 is what shells report for a
	// program ended by SIGINT, as before Ctrl+C was caught.
	ExitInterrupted = 130
)

// verb is one sub-command.
type verb struct {
	summary string
	args    string // shown after the verb in usage, e.g. "[--days N]"
	run     func(c *command, args []string) int
}

// verbs is filled by each verb's file in its init.
var verbs = map[string]verb{}

// command carries what every verb needs.
type command struct {
	Env
	name   string
	dbFlag string
	// passFile is --passphrase-file: the passphrase of an encrypted
	// journal is the first line of that file, for scripts.
	passFile string
}

// Main runs the command line and returns the exit code. With no verb it
// starts the window through gui.
func Main(args []string, env Env, gui func(Window) int) int {
	if env.Now == nil {
		env.Now = time.Now
	}
	if env.Getenv == nil {
		env.Getenv = func(string) string { return "" }
	}
	if env.Sleep == nil {
		env.Sleep = time.Sleep
	}
	c := &command{Env: env}
	fs := c.flags("bothand")
	minimized := fs.Bool("minimized", false, "start in the system tray without showing the window")
	if err := fs.Parse(args); err != nil {
		return c.usageError(err)
	}
	rest := fs.Args()
	if len(rest) == 0 {
		path, createFolder := c.dbPath()
		return gui(Window{DBPath: path, CreateFolder: createFolder, Minimized: *minimized})
	}
	name := rest[0]
	switch name {
	case "help":
		c.printUsage(c.Stdout)
		return ExitOK
	}
	v, ok := verbs[name]
	if !ok {
		return c.usageError(fmt.Errorf("unknown command %q", name))
	}
	c.name = name
	return v.run(c, rest[1:])
}

// flags returns a flag set carrying --db, so it can be given before or after
// the verb.
func (c *command) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&c.dbFlag, "db", c.dbFlag, "journal file (default: $BOTHAND_DB, else the standard data folder)")
	fs.StringVar(&c.passFile, "passphrase-file", c.passFile, "an encrypted journal's passphrase is the first line of FILE (instead of asking on the terminal)")
	return fs
}

// proceed is parse's answer when the verb should go on.
const proceed = -1

// parse parses a verb's flags, before, between or after its arguments
// ("import a.json --db b.db" reads as people write it), and refuses stray
// arguments beyond maxArgs. Everything after "--" is an argument. It
// returns the arguments and proceed, or the exit code when the verb should
// stop (after -h or a usage error, both already reported).
func (c *command) parse(fs *flag.FlagSet, args []string, maxArgs int) ([]string, int) {
	var pos []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			return nil, c.usageError(err)
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			pos = append(pos, rest...)
			break
		}
		if len(rest) == 0 {
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	if len(pos) > maxArgs {
		return nil, c.usageError(fmt.Errorf("unexpected argument %q", pos[maxArgs]))
	}
	return pos, proceed
}

// dbPath resolves the journal: --db, then $BOTHAND_DB, then the default
// location (whose folder may be created).
func (c *command) dbPath() (string, bool) {
	if c.dbFlag != "" {
		return c.dbFlag, false
	}
	if env := c.Getenv("BOTHAND_DB"); env != "" {
		return env, false
	}
	return data.DefaultPath(), true
}

// open opens the journal for a verb, asking for the passphrase of an
// encrypted one; on failure it has already printed the one-line error.
func (c *command) open() (*data.Store, bool) {
	path, createFolder := c.dbPath()
	s, err := c.unlock(path, data.Options{CreateFolder: createFolder, Now: c.Now})
	if err != nil {
		if errors.Is(err, data.ErrDamaged) || errors.Is(err, data.ErrNotDatabase) {
			if list, lerr := data.ListBackups(path); lerr == nil && len(list) > 0 {
				err = fmt.Errorf("%w. A backup from %s exists; to restore it: bothand --db %q restore %q",
					err, list[0].Time.Format("2006-01-02 15:04"), path, list[0].Path)
			}
		}
		c.fail(err)
		return nil, false
	}
	return s, true
}

// fail prints err as one line on stderr, with advice when there is some, and
// returns ExitError.
func (c *command) fail(err error) int {
	msg := err.Error()
	var ve *data.ValidationError
	if errors.As(err, &ve) {
		msg = ve.Message
	}
	if advice := data.Advice(err); advice != "" {
		msg += ". " + advice
	}
	for kind, advice := range unlockAdvice {
		if errors.Is(err, kind) {
			msg += ". " + advice
		}
	}
	msg = strings.ReplaceAll(msg, "\n", " ")
	prefix := "bothand: "
	if c.name != "" {
		prefix = "bothand " + c.name + ": "
	}
	fmt.Fprintln(c.Stderr, prefix+msg)
	return ExitError
}

// interruptible runs job with a context that the first Ctrl+C (SIGINT)
// cancels: an import, export, backup or restore then stops part-way and
// leaves the journal as it was. A second Ctrl+C ends the program at once,
// as it would without this.
func (c *command) interruptible(job func(ctx context.Context) error) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		stop()
	}()
	return job(ctx)
}

// failOrStop is fail, except for a job that Ctrl+C stopped: that is
// reported on stderr as one line saying what was left as it was.
func (c *command) failOrStop(err error, unchanged string) int {
	if !errors.Is(err, context.Canceled) {
		return c.fail(err)
	}
	fmt.Fprintf(c.Stderr, "bothand %s: stopped (Ctrl+C); %s\n", c.name, unchanged)
	return ExitInterrupted
}

func (c *command) usageError(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		c.printUsage(c.Stdout)
		return ExitOK
	}
	fmt.Fprintf(c.Stderr, "bothand: %v\n\n", err)
	c.printUsage(c.Stderr)
	return ExitUsage
}

func (c *command) printUsage(w io.Writer) {
	fmt.Fprint(w, `Usage:
  bothand [--db FILE] [--minimized]  open the window (--minimized: start in the tray)
  bothand [--db FILE] COMMAND ...  run a command on the journal (flags may come
                                   before or after the command and its files;
                                   an encrypted journal's passphrase is asked on
                                   the terminal, or read from the first line of
                                   --passphrase-file FILE)

Commands:
`)
	names := make([]string, 0, len(verbs))
	for name := range verbs {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		v := verbs[name]
		fmt.Fprintf(w, "  %-34s %s\n", strings.TrimSpace(name+" "+v.args), v.summary)
	}
	fmt.Fprintf(w, `  %-34s %s

The journal is %s
unless --db FILE or the BOTHAND_DB environment variable names another file.
`, "help", "show this help", data.DefaultPath())
}
