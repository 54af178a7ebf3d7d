package data

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
	return "", invalid(FieldFormat, "%q is not an export format; use json, md or csv.", name)
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
}

func (o ExportOptions) location() *time.Location {
	if o.Location != nil {
		return o.Location
	}
	return time.Local
}

// Export writes the journal to w in format f.
func (s *Store) Export(w io.Writer, f Format, opt ExportOptions) error {
	switch f {
	case FormatJSON:
		return s.ExportJSON(w, opt)
	case FormatMarkdown:
		return s.ExportMarkdown(w, opt)
	case FormatCSV:
		return s.ExportCSV(w, opt)
	}
	return invalid(FieldFormat, "%q is not an export format; use json, md or csv.", string(f))
}

// readSnapshot runs fn in a read transaction: every query inside sees the
// journal as it was at the first one, so an export made while the window
// saves is still consistent. It is a plain deferred BEGIN (the driver uses
// BEGIN IMMEDIATE only for writable transactions), so writers are not held
// up while a long export runs.
func (s *Store) readSnapshot(fn func(tx *sql.Tx) error) error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	tx, err := sqlDB.BeginTx(context.Background(), &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return classify(err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only: nothing to keep or lose
	return classify(fn(tx))
}

// progressTicker calls a Progress now and then rather than on every record.
type progressTicker struct {
	fn          Progress
	done, total int64
	next        int64
}

const progressEvery = 500

func newProgressTicker(fn Progress, total int64) *progressTicker {
	p := &progressTicker{fn: fn, total: total, next: progressEvery}
	if fn != nil {
		fn(0, total)
	}
	return p
}

func (p *progressTicker) add(n int64) {
	p.done += n
	if p.fn != nil && p.done >= p.next {
		p.next = p.done + progressEvery
		p.fn(min(p.done, p.total), p.total)
	}
}

func (p *progressTicker) finish() {
	if p.fn != nil {
		p.fn(p.total, p.total)
	}
}

// countRows adds up the rows of the given queries, each a SELECT count(*).
func countRows(tx *sql.Tx, queries ...string) (int64, error) {
	var total int64
	for _, q := range queries {
		var n int64
		if err := tx.QueryRow(q).Scan(&n); err != nil {
			return 0, fmt.Errorf("counting records: %w", err)
		}
		total += n
	}
	return total, nil
}

// ExportFile writes the export in format f to the file at path, private to
// the person (mode 0600). It refuses to replace an existing file unless
// replace is set (a save dialog has asked); a replaced file is swapped for
// the new one only once the export is complete, so a failed export leaves
// it as it was. A failed export into a new file removes the file.
func (s *Store) ExportFile(path string, f Format, opt ExportOptions, replace bool) error {
	if !replace {
		out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			return invalid(FieldPath, "%s already exists; choose a new file name (an export never overwrites a file).", path)
		}
		if err != nil {
			return exportFileError(path, err)
		}
		if err := writeAndClose(out, func(w io.Writer) error { return s.Export(w, f, opt) }); err != nil {
			os.Remove(path)
			return err
		}
		return nil
	}
	out, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return exportFileError(path, err)
	}
	tmp := out.Name()
	if err := writeAndClose(out, func(w io.Writer) error { return s.Export(w, f, opt) }); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
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
		return fmt.Errorf("%w: %s", ErrFolderMissing, filepath.Dir(path))
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%w: cannot write %s", ErrFolderLocked, filepath.Dir(path))
	}
	return classifyFileError(err)
}

// classifyFileError recognises a full disk when writing a file, so the
// person gets the same advice as when the journal itself can't grow.
func classifyFileError(err error) error {
	if err != nil && errors.Is(err, syscall.ENOSPC) {
		return fmt.Errorf("%w: %v", ErrDiskFull, err)
	}
	return err
}
