package cli

import (
	"context"
	"fmt"

	"github.com/bothand/bothand/data/transfer"
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
	f, err := transfer.ParseFormat(*format)
	if err != nil {
		return c.usageError(fmt.Errorf("--format %s: use json, md or csv", *format))
	}
	s, ok := c.open()
	if !ok {
		return ExitError
	}
	defer s.Close()
	if s.Encrypted() {
		fmt.Fprintln(c.Stderr, "bothand export: note: the export is plain text, readable by anyone with the file; the journal's encryption does not cover it.")
	}
	if *out == "" {
		err := c.interruptible(func(ctx context.Context) error {
			return transfer.Export(ctx, s, c.Stdout, f, transfer.ExportOptions{})
		})
		if err != nil {
			return c.failOrStop(err, "the output is incomplete")
		}
		return ExitOK
	}
	err = c.interruptible(func(ctx context.Context) error {
		return transfer.ExportFile(ctx, s, *out, f, transfer.ExportOptions{})
	})
	if err != nil {
		return c.failOrStop(err, "no file was written")
	}
	fmt.Fprintln(c.Stdout, *out)
	return ExitOK
}
