package cli

import (
	"fmt"

	"github.com/bothand/bothand/data"
)

func init() {
	verbs["agenda"] = verb{
		summary: "list the coming days' commitments, one per line, in local time",
		args:    "[--days N]",
		run:     runAgenda,
	}
}

func runAgenda(c *command, args []string) int {
	fs := c.flags("agenda")
	days := fs.Int("days", 14, "how many days, from today")
	if _, code := c.parse(fs, args, 0); code != proceed {
		return code
	}
	if *days < 1 || *days > data.MaxAgendaDays {
		return c.usageError(fmt.Errorf("--days must be 1 to %d, not %d", data.MaxAgendaDays, *days))
	}
	s, ok := c.open()
	if !ok {
		return ExitError
	}
	defer s.Close()
	agenda, err := s.Agenda(c.Now(), *days)
	if err != nil {
		return c.fail(err)
	}
	n := 0
	for _, day := range agenda {
		for _, o := range day.Occurrences {
			fmt.Fprintf(c.Stdout, "%s  %-11s  tier %d  %s\n", day.Date.Format("2006-01-02"), agendaTime(o, day), o.Tier(), o.Commitment.Title)
			n++
		}
	}
	if n == 0 {
		fmt.Fprintf(c.Stderr, "no commitments in the next %d days\n", *days)
	}
	return ExitOK
}

// agendaTime is the time column: "18:00-19:00", "all day", or for what
// runs over from the day before, "-07:30".
func agendaTime(o data.Occurrence, day data.AgendaDay) string {
	if o.AllDay() {
		return "all day"
	}
	start, end := o.Start.Local(), o.End.Local()
	if start.Before(day.Date) {
		return "-" + end.Format("15:04")
	}
	if end.Equal(start) {
		return start.Format("15:04")
	}
	return start.Format("15:04") + "-" + end.Format("15:04")
}
