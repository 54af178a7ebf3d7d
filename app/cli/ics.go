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
	"github.com/bothand/bothand/data/prose"
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

// parseFile parses the flags and the one FILE of an ics verb.
func (c *command) parseFile(fs *flag.FlagSet, args []string) (string, int) {
	pos, code := c.parse(fs, args, 1)
	if code != proceed {
		return "", code
	}
	if len(pos) == 0 {
		return "", c.usageError(errors.New("missing FILE"))
	}
	return pos[0], proceed
}

func runICSImport(c *command, args []string) int {
	c.name = "ics import"
	fs := c.flags("ics import")
	tier := fs.Int("tier", 0, "the tier of the imported events: 1 non-negotiable, 2 high priority, 3 flexible")
	file, code := c.parseFile(fs, args)
	if code != proceed {
		return code
	}
	if *tier < 1 || *tier > 3 {
		return c.usageError(errors.New("ics import needs --tier 1, 2 or 3 (1 non-negotiable, 2 high priority, 3 flexible)"))
	}
	f, err := os.Open(file)
	if err != nil {
		return c.fail(err)
	}
	defer f.Close()
	s, ok := c.open()
	if !ok {
		return ExitError
	}
	defer s.Close()
	res, err := ical.Import(s, f, filepath.Base(file), data.Tier(*tier))
	if err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(c.Stdout, "%s: %d new, %d updated, %d unchanged", filepath.Base(file), res.Added, res.Updated, res.Unchanged)
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
	path, code := c.parseFile(fs, args)
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
	if path == "-" {
		if _, err := ical.Export(s, c.Stdout, tiers...); err != nil {
			return c.fail(err)
		}
		return ExitOK
	}
	n, err := ical.ExportFile(s, path, tiers...)
	if err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(c.Stdout, "wrote %s to %s\n", prose.Count(n, "busy event", "busy events"), path)
	return ExitOK
}
