// Package transfer moves a journal in and out of files: the JSON export
// that keeps every record (and the import that merges one back), a
// readable Markdown journal, and CSV of the entries for spreadsheets. It
// also holds the bulk insert of entries that the demo generator uses. It
// depends on data and reaches the database only through the store's
// WriteSQL and ReadSQL. docs/EXPORT.md describes the JSON format.
//
// Every job takes a context: cancelling it stops the job within a few
// hundred records, and a cancelled import leaves the journal exactly as it
// was (it is one transaction).
package transfer

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/internal/atomicfile"
)

// Format is a kind of export file.
type Format string

// The export formats.
const (
	FormatJSON     Format = "json" // everything, for import and other programs
	FormatMarkdown Format = "md"   // a readable journal, for printing or keeping
	FormatCSV      Format = "csv"  // journal entries, for spreadsheets
)

// Formats lists the export formats in the order menus offer them.
var Formats = []Format{FormatJSON, FormatMarkdown, FormatCSV}

// ParseFormat reads a format name as typed on the command line.
func ParseFormat(name string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "json":
		return FormatJSON, nil
	case "md", "markdown":
		return FormatMarkdown, nil
	case "csv":
		return FormatCSV, nil
	}
	return "", data.Invalid(data.FieldFormat, "%q is not an export format; use json, md or csv.", name)
}

// Ext is the file name extension for the format, with its dot.
func (f Format) Ext() string { return "." + string(f) }

// Progress is told how far a long job has come: done out of total. Exports
// count records, imports count bytes of the file.
type Progress func(done, total int64)

// ExportOptions tune an export. The zero value is fine.
type ExportOptions struct {
	// Progress, when set, is called now and then from the exporting
	// goroutine, and once at the end with done == total.
	Progress Progress
	// Location is the time zone Markdown and CSV show times in (default
	// time.Local). JSON always holds UTC.
	Location *time.Location
	// Replace lets ExportFile replace an existing file (a save dialog has
	// asked the person first); without it an existing file is refused.
	Replace bool
}

func (o ExportOptions) location() *time.Location {
	if o.Location != nil {
		return o.Location
	}
	return time.Local
}

// Export writes the journal to w in format f, from one snapshot of it.
// Cancelling ctx stops it part-way with ctx's error.
func Export(ctx context.Context, s *data.Store, w io.Writer, f Format, opt ExportOptions) error {
	switch f {
	case FormatJSON:
		return ExportJSON(ctx, s, w, opt)
	case FormatMarkdown:
		return ExportMarkdown(ctx, s, w, opt)
	case FormatCSV:
		return ExportCSV(ctx, s, w, opt)
	}
	return data.Invalid(data.FieldFormat, "%q is not an export format; use json, md or csv.", string(f))
}

// progressTicker calls a Progress now and then rather than on every
// record, and looks then whether the job was cancelled.
type progressTicker struct {
	ctx         context.Context
	fn          Progress
	done, total int64
	next        int64
}

// progressEvery is how many records pass between two reports, and two
// looks at the context: a few milliseconds of work.
const progressEvery = 500

func newProgressTicker(ctx context.Context, fn Progress, total int64) *progressTicker {
	p := &progressTicker{ctx: ctx, fn: fn, total: total, next: progressEvery}
	if fn != nil {
		fn(0, total)
	}
	return p
}

// add counts n more records. It returns ctx's error once the job is
// cancelled.
func (p *progressTicker) add(n int64) error {
	p.done += n
	if p.done < p.next {
		return nil
	}
	p.next = p.done + progressEvery
	if p.fn != nil {
		p.fn(min(p.done, p.total), p.total)
	}
	return p.ctx.Err()
}

func (p *progressTicker) finish() {
	if p.fn != nil {
		p.fn(p.total, p.total)
	}
}

// countRows adds up the rows of the given queries, each a SELECT count(*).
func countRows(ctx context.Context, tx *sql.Tx, queries ...string) (int64, error) {
	var total int64
	for _, q := range queries {
		var n int64
		if err := tx.QueryRowContext(ctx, q).Scan(&n); err != nil {
			return 0, fmt.Errorf("counting records: %w", err)
		}
		total += n
	}
	return total, nil
}

// ExportFile writes the export in format f to the file at path, private to
// the person (mode 0600). It refuses to replace an existing file unless
// opt.Replace is set; a replaced file is swapped for the new one only once
// the export is complete, so a failed or cancelled export leaves it as it
// was. A failed or cancelled export into a new file removes the file.
func ExportFile(ctx context.Context, s *data.Store, path string, f Format, opt ExportOptions) error {
	export := func(w io.Writer) error { return Export(ctx, s, w, f, opt) }
	if !opt.Replace {
		out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			return data.Invalid(data.FieldPath, "%s already exists; choose a new file name (an export never overwrites a file).", path)
		}
		if err != nil {
			return exportFileError(path, err)
		}
		if err := writeAndClose(out, export); err != nil {
			os.Remove(path)
			return err
		}
		return nil
	}
	if err := atomicfile.Write(path, 0o600, export); err != nil {
		return exportFileError(path, err)
	}
	return nil
}

func writeAndClose(out *os.File, write func(io.Writer) error) error {
	err := write(out)
	if err == nil {
		err = out.Sync()
	}
	if closeErr := out.Close(); err == nil {
		err = closeErr
	}
	return classifyFileError(err)
}

func exportFileError(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%w: %s", data.ErrFolderMissing, filepath.Dir(path))
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%w: cannot write %s", data.ErrFolderLocked, filepath.Dir(path))
	}
	return classifyFileError(err)
}

// classifyFileError recognises a full disk when writing a file, so the
// person gets the same advice as when the journal itself can't grow.
func classifyFileError(err error) error {
	if err != nil && errors.Is(err, syscall.ENOSPC) {
		return fmt.Errorf("%w: %v", data.ErrDiskFull, err)
	}
	return err
}
