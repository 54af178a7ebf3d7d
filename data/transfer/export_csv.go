package transfer

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/bothand/bothand/data"
)

// csvHeader names the CSV columns: the local date and time first, for
// sorting and charts in a spreadsheet, then the three answers, then what
// identifies the entry exactly.
var csvHeader = []string{"date", "time", "trigger", "story", "friend", "intensity", "kind", "tags", "happened_at", "uuid"}

// ExportCSV writes the journal entries (not those in the trash) as CSV for
// spreadsheets, oldest first: RFC 4180, with CRLF line ends and quoting by
// encoding/csv. Dates and times are local to opt.Location; happened_at
// repeats the instant in UTC. Tags are joined with "; ". Text is written as
// typed: a spreadsheet may read a cell starting with = as a formula, so
// import it as text if your entries start that way.
func ExportCSV(ctx context.Context, s *data.Store, w io.Writer, opt ExportOptions) error {
	loc := opt.location()
	return s.ReadSQL(ctx, func(tx *sql.Tx) error {
		total, err := countRows(ctx, tx, "SELECT count(*) FROM entries WHERE deleted_at IS NULL")
		if err != nil {
			return err
		}
		progress := newProgressTicker(ctx, opt.Progress, total)
		bw := bufio.NewWriterSize(w, 64<<10)
		cw := csv.NewWriter(bw)
		cw.UseCRLF = true
		if err := cw.Write(csvHeader); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT e.happened_at, e.trigger_text, e.story, e.friend, e.intensity, e.kind,
				coalesce(`+entryTagNamesSQL+`, ''), e.uuid
			FROM entries e WHERE e.deleted_at IS NULL ORDER BY e.happened_at, e.id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		record := make([]string, len(csvHeader))
		for rows.Next() {
			var at int64
			var trigger, story, friend, kind, tags, id string
			var intensity int
			if err := rows.Scan(&at, &trigger, &story, &friend, &intensity, &kind, &tags, &id); err != nil {
				return err
			}
			local := time.UnixMilli(at).In(loc)
			record[0] = local.Format("2006-01-02")
			record[1] = local.Format("15:04")
			record[2], record[3], record[4] = trigger, story, friend
			record[5] = strconv.Itoa(intensity)
			record[6] = kind
			record[7] = strings.ReplaceAll(tags, "\x1f", "; ")
			record[8] = time.UnixMilli(at).UTC().Format(timeLayout)
			record[9] = id
			if err := cw.Write(record); err != nil {
				return fmt.Errorf("writing the export: %w", err)
			}
			if err := progress.add(1); err != nil {
				return err
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return fmt.Errorf("writing the export: %w", err)
		}
		if err := bw.Flush(); err != nil {
			return fmt.Errorf("writing the export: %w", err)
		}
		progress.finish()
		return nil
	})
}
