package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/vault"
)

func init() {
	verbs["add"] = verb{
		summary: "add a journal entry (the trigger may come on standard input); works on a locked journal without its passphrase",
		args:    "[--trigger TEXT] [--story TEXT] [--friend TEXT] [--intensity N] [--tag T]",
		run:     runAdd,
	}
}

// tagList collects repeated --tag flags.
type tagList []string

func (t *tagList) String() string     { return strings.Join(*t, ",") }
func (t *tagList) Set(v string) error { *t = append(*t, v); return nil }

func runAdd(c *command, args []string) int {
	fs := c.flags("add")
	trigger := fs.String("trigger", "", "what triggered it (default: read from standard input)")
	story := fs.String("story", "", "what you're telling yourself")
	friend := fs.String("friend", "", "what you'd tell a friend")
	intensity := fs.Int("intensity", 5, "how strong it felt, 0 to 10")
	var tags tagList
	fs.Var(&tags, "tag", "a tag (repeat for more)")
	if _, code := c.parse(fs, args, 0); code != proceed {
		return code
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if !given["trigger"] {
		b, err := io.ReadAll(io.LimitReader(c.Stdin, 4*data.MaxFieldLen+1))
		if err != nil {
			return c.fail(err)
		}
		*trigger = strings.TrimRight(string(b), "\r\n")
	}
	if strings.TrimSpace(*trigger+*story+*friend) == "" {
		return c.usageError(errors.New("add needs --trigger TEXT (or the trigger on standard input)"))
	}
	e := data.Entry{Trigger: *trigger, Story: *story, Friend: *friend, Intensity: *intensity}
	for _, t := range tags {
		e.Tags = append(e.Tags, data.Tag{Name: t})
	}
	path, createFolder := c.dbPath()
	opts := optsFor(c)
	opts.CreateFolder = createFolder
	_, locked, err := vault.Add(path, e, c.vaultOptions(opts))
	if err != nil {
		return c.fail(err)
	}
	if locked {
		fmt.Fprintln(c.Stdout, "Added, sealed until the journal is next unlocked.")
	} else {
		fmt.Fprintln(c.Stdout, "Added to the journal.")
	}
	return ExitOK
}
