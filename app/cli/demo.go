package cli

import (
	"errors"
	"fmt"
	"time"

	"github.com/bothand/bothand/data/demo"
)

func init() {
	verbs["demo"] = verb{
		summary: "fill a new journal with realistic sample data (needs --db)",
		args:    "--db FILE [--entries N] [--seed S]",
		run:     runDemo,
	}
}

// maxDemoEntries bounds the generator to what fits comfortably on a disk.
const maxDemoEntries = 1_000_000

func runDemo(c *command, args []string) int {
	fs := c.flags("demo")
	entries := fs.Int("entries", 2000, "number of journal entries")
	seed := fs.Uint64("seed", 1, "random seed: the same seed gives the same journal")
	if _, code := c.parse(fs, args, 0); code != proceed {
		return code
	}
	if c.dbFlag == "" {
		// Never fill the person's own journal with invented entries.
		return c.usageError(errors.New("demo needs --db FILE: it only fills a journal you name"))
	}
	if *entries < 0 || *entries > maxDemoEntries {
		return c.usageError(fmt.Errorf("--entries must be between 0 and %d, not %d", maxDemoEntries, *entries))
	}
	s, ok := c.open()
	if !ok {
		return ExitError
	}
	defer s.Close()
	if empty, err := s.IsEmpty(); err != nil {
		return c.fail(err)
	} else if !empty {
		return c.fail(fmt.Errorf("%s already holds a journal; demo fills only a new, empty one", s.Path()))
	}
	start := time.Now()
	err := demo.Fill(s, demo.Options{Entries: *entries, Seed: *seed, Now: c.Now(), Progress: func(step string) {
		fmt.Fprintf(c.Stderr, "generating %s...\n", step)
	}})
	if err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(c.Stdout, "filled %s with %d entries in %.1f s\n", s.Path(), *entries, time.Since(start).Seconds())
	return ExitOK
}
