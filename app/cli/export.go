package cli

import (
	"fmt"

	"github.com/bothand/bothand/data"
)

func init() {
	verbs["export"] = verb{
		summary: "write the journal: --format json (everything), md (to read) or csv (entries)",
		args:    "[--format F] [--out FILE]",
		run:     runExport,
	}
}

func runExport(c *command, args []string) int {
	fs := c.flags("export")
	format := fs.String("format", "json", "json (every record, to import again), md (a readable journal) or csv (entries)")
	out := fs.String("out", "", "write to a new FILE (never overwritten) instead of standard output")
	if _, code := c.parse(fs, args, 0); code != proceed {
		return code
	}
	f, err := data.ParseFormat(*format)
	if err != nil {
		return c.usageError(fmt.Errorf("--format %s: use json, md or csv", *format))
	}
	s, ok := c.open()
	if !ok {
		return ExitError
	}
	defer s.Close()
	if *out == "" {
		if err := s.Export(c.Stdout, f, data.ExportOptions{}); err != nil {
			return c.fail(err)
		}
		return ExitOK
	}
	if err := s.ExportFile(*out, f, data.ExportOptions{}, false); err != nil {
		return c.fail(err)
	}
	fmt.Fprintln(c.Stdout, *out)
	return ExitOK
}
