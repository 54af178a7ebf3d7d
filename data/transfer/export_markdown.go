package transfer

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/prose"
)

// ExportMarkdown writes a readable copy of the journal: one section per
// entry (oldest first, times in opt.Location), then the next-time protocols
// with their steps, then the permission slips. It is meant for reading and
// printing; the JSON export is the one that keeps every detail. Entries,
// protocols and steps in the trash are left out.
func ExportMarkdown(ctx context.Context, s *data.Store, w io.Writer, opt ExportOptions) error {
	loc := opt.location()
	return s.ReadSQL(ctx, func(tx *sql.Tx) error {
		var entries, protocols, slips int64
		err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM entries WHERE deleted_at IS NULL),
			(SELECT count(*) FROM protocols WHERE deleted_at IS NULL), (SELECT count(*) FROM slips)`).Scan(&entries, &protocols, &slips)
		if err != nil {
			return err
		}
		progress := newProgressTicker(ctx, opt.Progress, entries+protocols+slips)
		bw := bufio.NewWriterSize(w, 64<<10)
		fmt.Fprintf(bw, "# Both/And journal\n\nExported on %s. %s, %s, %s.\n",
			longDateTime(s.Now().In(loc)), prose.Count(entries, "entry", "entries"),
			prose.Count(protocols, "next-time protocol", "next-time protocols"),
			prose.Count(slips, "permission slip", "permission slips"))
		if err := markdownEntries(ctx, tx, bw, loc, progress); err != nil {
			return err
		}
		if err := markdownProtocols(ctx, tx, bw, loc, progress); err != nil {
			return err
		}
		if err := markdownSlips(ctx, tx, bw, progress); err != nil {
			return err
		}
		if err := bw.Flush(); err != nil {
			return fmt.Errorf("writing the export: %w", err)
		}
		progress.finish()
		return nil
	})
}

// entryTagNamesSQL is a subquery giving an entry's tag names, sorted, joined by a
// unit separator (which no tag name contains: names are typed on one line).
const entryTagNamesSQL = `(SELECT group_concat(name, char(31)) FROM
	(SELECT g.name FROM entry_tags et JOIN tags g ON g.id = et.tag_id WHERE et.entry_id = e.id ORDER BY g.name COLLATE NOCASE, g.id))`

func markdownEntries(ctx context.Context, tx *sql.Tx, w *bufio.Writer, loc *time.Location, progress *progressTicker) error {
	w.WriteString("\n## Journal entries\n")
	rows, err := tx.QueryContext(ctx, `SELECT e.happened_at, e.trigger_text, e.story, e.friend, e.intensity, e.kind, coalesce(`+entryTagNamesSQL+`, '')
		FROM entries e WHERE e.deleted_at IS NULL ORDER BY e.happened_at, e.id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var at int64
		var trigger, story, friend, kind, tags string
		var intensity int
		if err := rows.Scan(&at, &trigger, &story, &friend, &intensity, &kind, &tags); err != nil {
			return err
		}
		n++
		fmt.Fprintf(w, "\n### %s\n\n", longDateTime(time.UnixMilli(at).In(loc)))
		meta := []string{kindLabel(kind), fmt.Sprintf("intensity %d of 10", intensity)}
		if tags != "" {
			meta = append(meta, "tags: "+strings.Join(strings.Split(tags, "\x1f"), ", "))
		}
		fmt.Fprintf(w, "*%s*\n", markdownInline(strings.Join(meta, " · ")))
		for _, a := range []struct{ label, text string }{
			{"What happened", trigger},
			{"What I was telling myself", story},
			{"What I would tell a friend", friend},
		} {
			fmt.Fprintf(w, "\n**%s**\\\n%s\n", a.label, markdownText(a.text))
		}
		if err := progress.add(1); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if n == 0 {
		w.WriteString("\nNo entries yet.\n")
	}
	return nil
}

func markdownProtocols(ctx context.Context, tx *sql.Tx, w *bufio.Writer, loc *time.Location, progress *progressTicker) error {
	w.WriteString("\n## Next-time protocols\n")
	rows, err := tx.QueryContext(ctx, `SELECT p.id, p.title, p.status, p.review_on, src.happened_at,
			st.text, st.done_at
		FROM protocols p
		LEFT JOIN entries src ON src.id = p.entry_id AND src.deleted_at IS NULL
		LEFT JOIN protocol_steps st ON st.protocol_id = p.id AND st.deleted_at IS NULL
		WHERE p.deleted_at IS NULL
		ORDER BY p.created_at, p.id, st.position, st.id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var current int64 = -1
	n := 0
	for rows.Next() {
		var id int64
		var title, status string
		var review, from, done sql.NullInt64
		var step sql.NullString
		if err := rows.Scan(&id, &title, &status, &review, &from, &step, &done); err != nil {
			return err
		}
		if id != current {
			current = id
			n++
			if err := progress.add(1); err != nil {
				return err
			}
			fmt.Fprintf(w, "\n### %s\n\n", markdownInline(title))
			meta := []string{"Active"}
			if status == string(data.ProtocolDone) {
				meta[0] = "Done"
			}
			if review.Valid {
				meta = append(meta, "review on "+longDate(time.UnixMilli(review.Int64).In(loc)))
			}
			if from.Valid {
				meta = append(meta, "from the entry of "+longDate(time.UnixMilli(from.Int64).In(loc)))
			}
			fmt.Fprintf(w, "*%s*\n\n", strings.Join(meta, " · "))
		}
		if !step.Valid {
			w.WriteString("No steps yet.\n")
			continue
		}
		if done.Valid {
			fmt.Fprintf(w, "- [x] %s (done %s)\n", markdownInline(step.String), longDate(time.UnixMilli(done.Int64).In(loc)))
		} else {
			fmt.Fprintf(w, "- [ ] %s\n", markdownInline(step.String))
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if n == 0 {
		w.WriteString("\nNo protocols yet.\n")
	}
	return nil
}

func markdownSlips(ctx context.Context, tx *sql.Tx, w *bufio.Writer, progress *progressTicker) error {
	w.WriteString("\n## Permission slips\n\n")
	rows, err := tx.QueryContext(ctx, `SELECT text, pinned FROM slips ORDER BY position, id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var text string
		var pinned bool
		if err := rows.Scan(&text, &pinned); err != nil {
			return err
		}
		n++
		line := "- " + markdownInline(text)
		if pinned {
			line += " *(pinned)*"
		}
		w.WriteString(line + "\n")
		if err := progress.add(1); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if n == 0 {
		w.WriteString("No permission slips yet.\n")
	}
	return nil
}

func kindLabel(kind string) string {
	switch data.Kind(kind) {
	case data.KindGuilt:
		return "Guilt: about something I did"
	case data.KindShame:
		return "Shame: about who I am"
	}
	return "Not sure yet whether guilt or shame"
}

func longDateTime(t time.Time) string { return t.Format("Monday 2 January 2006, 15:04") }
func longDate(t time.Time) string     { return t.Format("Monday 2 January 2006") }

// markdownText renders a multi-line answer so it prints as it was typed:
// line breaks kept (a backslash at a line's end is a hard break in
// CommonMark), blank lines kept as paragraph breaks, and nothing in it read
// as Markdown syntax.
func markdownText(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
	if s == "" {
		return "*Not written.*"
	}
	lines := strings.Split(s, "\n")
	var b strings.Builder
	for i, line := range lines {
		line = markdownInline(strings.TrimSpace(line))
		b.WriteString(line)
		if i == len(lines)-1 {
			break
		}
		if line != "" && strings.TrimSpace(lines[i+1]) != "" {
			b.WriteString("\\")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// markdownInline escapes what Markdown would otherwise read as formatting,
// in a line of the person's text.
func markdownInline(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>~|", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	out := b.String()
	// Block markers only count at the start of a line.
	if out != "" && strings.ContainsRune("#+-=", rune(out[0])) {
		return "\\" + out
	}
	if i := strings.IndexFunc(out, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && (out[i] == '.' || out[i] == ')') {
		return out[:i] + "\\" + out[i:]
	}
	return out
}
