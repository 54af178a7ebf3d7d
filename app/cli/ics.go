package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/ical"
)

func init() {
	verbs["ics"] = verb{
		summary: "import an iCalendar file as commitments, or export busy times",
		args:    "import FILE --tier N | export FILE [--tiers 1,2]",
		run:     runICS,
	}
}

func runICS(c *command, args []string) int {
	if len(args) == 0 {
		return c.usageError(errors.New("ics needs import or export"))
	}
	switch args[0] {
	case "import":
		return runICSImport(c, args[1:])
	case "export":
		return runICSExport(c, args[1:])
	case "-h", "--help", "help":
		c.printUsage(c.Stdout)
		return ExitOK
	}
	return c.usageError(fmt.Errorf("ics %s: expected import or export", args[0]))
}

// parseInterspersed parses flags placed before or after the positional
// arguments ("ics import FILE --tier 1" reads as people write it), and
// returns the positional ones.
func (c *command) parseInterspersed(fs *flag.FlagSet, args []string, want int) ([]string, int) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, c.usageError(err)
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(pos) != want {
		if len(pos) < want {
			return nil, c.usageError(errors.New("missing FILE"))
		}
		return nil, c.usageError(fmt.Errorf("unexpected argument %q", pos[want]))
	}
	return pos, proceed
}

func runICSImport(c *command, args []string) int {
	c.name = "ics import"
	fs := c.flags("ics import")
	tier := fs.Int("tier", 0, "the tier of the imported events: 1 non-negotiable, 2 high priority, 3 flexible")
	pos, code := c.parseInterspersed(fs, args, 1)
	if code != proceed {
		return code
	}
	if *tier < 1 || *tier > 3 {
		return c.usageError(errors.New("ics import needs --tier 1, 2 or 3 (1 non-negotiable, 2 high priority, 3 flexible)"))
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return c.fail(err)
	}
	defer f.Close()
	s, ok := c.open()
	if !ok {
		return ExitError
	}
	defer s.Close()
	res, err := ical.Import(s, f, filepath.Base(pos[0]), data.Tier(*tier))
	if err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(c.Stdout, "%s: %d new, %d updated, %d unchanged", filepath.Base(pos[0]), res.Added, res.Updated, res.Unchanged)
	if res.Cancelled > 0 {
		fmt.Fprintf(c.Stdout, ", %d cancelled", res.Cancelled)
	}
	if res.Kept > 0 {
		fmt.Fprintf(c.Stdout, ", %d left deleted", res.Kept)
	}
	fmt.Fprintln(c.Stdout)
	for _, n := range res.Notes {
		fmt.Fprintln(c.Stderr, "note: "+n)
	}
	return ExitOK
}

func runICSExport(c *command, args []string) int {
	c.name = "ics export"
	fs := c.flags("ics export")
	tiersFlag := fs.String("tiers", "1", "the tiers to export, e.g. 1 or 1,2")
	pos, code := c.parseInterspersed(fs, args, 1)
	if code != proceed {
		return code
	}
	var tiers []data.Tier
	for _, part := range strings.Split(*tiersFlag, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(part))
		if err != nil || n < 1 || n > 3 {
			return c.usageError(fmt.Errorf("--tiers takes tier numbers 1 to 3 separated by commas, not %q", *tiersFlag))
		}
		tiers = append(tiers, data.Tier(n))
	}
	s, ok := c.open()
	if !ok {
		return ExitError
	}
	defer s.Close()
	path := pos[0]
	if path == "-" {
		if _, err := ical.Export(s, c.Stdout, tiers...); err != nil {
			return c.fail(err)
		}
		return ExitOK
	}
	// Write beside the target and rename, so a failure never leaves half a
	// calendar where a good one was.
	tmp, err := os.CreateTemp(filepath.Dir(path), ".bothand-export-*.ics")
	if err != nil {
		return c.fail(err)
	}
	n, err := ical.Export(s, tmp, tiers...)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return c.fail(err)
	}
	fmt.Fprintf(c.Stdout, "wrote %d busy events to %s\n", n, path)
	return ExitOK
}
