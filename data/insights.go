package data

import (
	"strings"
	"time"
)

// Period is the stretch of time the insights look back over.
type Period int

// The periods a person can choose in Insights.
const (
	PeriodFourWeeks Period = iota
	PeriodThreeMonths
	PeriodYear
)

// Periods lists the choices in the order they are offered.
func Periods() []Period { return []Period{PeriodFourWeeks, PeriodThreeMonths, PeriodYear} }

// Weeks is how many calendar weeks the period covers, this one included.
func (p Period) Weeks() int {
	switch p {
	case PeriodThreeMonths:
		return 13
	case PeriodYear:
		return 52
	default:
		return 4
	}
}

func (p Period) String() string {
	switch p {
	case PeriodThreeMonths:
		return "3 months"
	case PeriodYear:
		return "12 months"
	default:
		return "4 weeks"
	}
}

// Week is one calendar week (Monday to Sunday, local time) of insights.
type Week struct {
	Start time.Time // local midnight on the Monday

	Entries       int
	MeanIntensity float64 // over the week's entries; 0 when there are none
	Guilt, Shame  int     // entries of each kind; the rest are "not sure yet"

	Tier1Kept, Tier1Missed, Tier1Moved int // recorded outcomes of tier-1 occurrences
	Emergencies                        int // work that took tier-2 time, with a stated emergency

	TrulyUrgent, NotUrgent, NotLookedBack int // triaged "urgent" requests, by what they turned out to be

	Breaks   int // self-compassion breaks finished
	Readings int // mornings the permission slip was read
}

// Unsure is the number of entries not yet called guilt or shame.
func (w Week) Unsure() int { return w.Entries - w.Guilt - w.Shame }

// Dots are the entries of one week at one intensity: the intensity chart
// draws each entry as a dot within its week. Counting them in SQL, rather
// than reading every entry, keeps a year of a busy journal quick.
type Dots struct {
	Week      int // index into Insights.Weeks
	Intensity int
	Entries   int
}

// TagCount is how many entries of the period carry a tag.
type TagCount struct {
	Name    string
	Builtin bool
	Entries int
}

// Insights is what the Insights tab draws for one period.
type Insights struct {
	Period   Period
	From, To time.Time // From is the first Monday; To is now
	Weeks    []Week
	Dots     []Dots     // by week, then intensity
	Triggers []TagCount // most frequent first
}

// weekStarts returns the local Mondays of the n weeks ending with now's.
func weekStarts(now time.Time, n int) []time.Time {
	local := now.Local()
	monday := time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, time.Local)
	monday = monday.AddDate(0, 0, -((int(monday.Weekday()) + 6) % 7))
	out := make([]time.Time, n)
	for i := range n {
		out[i] = monday.AddDate(0, 0, -7*(n-1-i))
	}
	return out
}

// Insights computes the period's charts with SQL aggregates: per-week sums
// over a small table of week bounds (local weeks, daylight-saving changes
// included), each answered from an index range.
func (s *Store) Insights(p Period) (Insights, error) {
	now := s.Now()
	starts := weekStarts(now, p.Weeks())
	ins := Insights{Period: p, From: starts[0], To: now, Weeks: make([]Week, len(starts))}
	for i, st := range starts {
		ins.Weeks[i].Start = st
	}
	weeks := newWeekBounds(starts)
	if err := s.intensities(&ins, weeks); err != nil {
		return ins, classify(err)
	}
	lo, hi := ms(starts[0]), ms(starts[len(starts)-1].AddDate(0, 0, 7))
	if err := s.db.Raw(triggersSQL, lo, hi).Scan(&ins.Triggers).Error; err != nil {
		return ins, classify(err)
	}
	for _, c := range weeklyCounts {
		if err := s.countWeekly(&ins, weeks, c); err != nil {
			return ins, classify(err)
		}
	}
	return ins, nil
}

// weekBounds is the period's weeks as a table for SQL, "weeks(i, lo, hi)":
// with is the WITH clause, and instants and days the arguments that fill
// its bounds with Unix milliseconds or with "2006-01-02" days.
type weekBounds struct {
	with           string
	instants, days []any
}

func newWeekBounds(starts []time.Time) weekBounds {
	values := strings.TrimSuffix(strings.Repeat("(?,?,?),", len(starts)), ",")
	b := weekBounds{with: "WITH weeks(i, lo, hi) AS (VALUES " + values + ") "}
	for i, st := range starts {
		end := st.AddDate(0, 0, 7)
		b.instants = append(b.instants, i, ms(st), ms(end))
		b.days = append(b.days, i, Day(st), Day(end))
	}
	return b
}

// intensities counts the entries of each week at each intensity: the
// chart's dots, and summed up, each week's entries, mean and kinds.
func (s *Store) intensities(ins *Insights, weeks weekBounds) error {
	rows, err := s.db.Raw(weeks.with+`SELECT w.i AS week, e.intensity, count(*) AS entries,
			sum(e.kind = 'guilt') AS guilt, sum(e.kind = 'shame') AS shame
		FROM weeks w JOIN entries e INDEXED BY entries_live_insights
			ON e.deleted_at IS NULL AND e.happened_at >= w.lo AND e.happened_at < w.hi
		GROUP BY w.i, e.intensity ORDER BY w.i, e.intensity`, weeks.instants...).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	sums := make([]int, len(ins.Weeks))
	for rows.Next() {
		var d Dots
		var guilt, shame int
		if err := rows.Scan(&d.Week, &d.Intensity, &d.Entries, &guilt, &shame); err != nil {
			return err
		}
		ins.Dots = append(ins.Dots, d)
		w := &ins.Weeks[d.Week]
		w.Entries += d.Entries
		w.Guilt += guilt
		w.Shame += shame
		sums[d.Week] += d.Intensity * d.Entries
	}
	for i := range ins.Weeks {
		if n := ins.Weeks[i].Entries; n > 0 {
			ins.Weeks[i].MeanIntensity = float64(sums[i]) / float64(n)
		}
	}
	return rows.Err()
}

// triggersSQL counts the period's entries by tag, most frequent first.
const triggersSQL = `SELECT t.name, t.builtin_key IS NOT NULL AS builtin, c.n AS entries
	FROM (SELECT et.tag_id, count(*) AS n
		FROM entries e INDEXED BY entries_live_insights JOIN entry_tags et ON et.entry_id = e.id
		WHERE e.deleted_at IS NULL AND e.happened_at >= ? AND e.happened_at < ?
		GROUP BY et.tag_id) c
	JOIN tags t ON t.id = c.tag_id
	ORDER BY entries DESC, t.name`

// weeklyCount is a figure of the weeks counted from one table: its query
// (after the weeks table) yields the week's index and up to three counts,
// which set puts into the week.
type weeklyCount struct {
	query string
	days  bool // the table's times are days ("2006-01-02"), not instants
	set   func(w *Week, n [3]int)
}

var weeklyCounts = []weeklyCount{
	{ // recorded outcomes of tier-1 occurrences
		query: `SELECT w.i, sum(o.status = 'kept'), sum(o.status = 'missed'), sum(o.status = 'moved')
			FROM weeks w JOIN occurrence_outcomes o ON o.occurs_at >= w.lo AND o.occurs_at < w.hi
			JOIN commitments c ON c.id = o.commitment_id AND c.tier = 1 AND c.deleted_at IS NULL
			GROUP BY w.i`,
		set: func(w *Week, n [3]int) { w.Tier1Kept, w.Tier1Missed, w.Tier1Moved = n[0], n[1], n[2] },
	},
	{ // work that took tier-2 time, with a stated emergency
		query: `SELECT w.i, count(*), 0, 0 FROM weeks w JOIN work_blocks b
			ON b.deleted_at IS NULL AND b.starts_at >= w.lo AND b.starts_at < w.hi AND b.emergency_reason <> ''
			GROUP BY w.i`,
		set: func(w *Week, n [3]int) { w.Emergencies = n[0] },
	},
	{ // triaged "urgent" requests, by what they turned out to be
		query: `SELECT w.i, sum(t.truly_urgent IS 1), sum(t.truly_urgent IS 0), sum(t.truly_urgent IS NULL)
			FROM weeks w JOIN triages t ON t.asked_at >= w.lo AND t.asked_at < w.hi
			GROUP BY w.i`,
		set: func(w *Week, n [3]int) { w.TrulyUrgent, w.NotUrgent, w.NotLookedBack = n[0], n[1], n[2] },
	},
	{ // self-compassion breaks finished
		query: `SELECT w.i, count(*), 0, 0 FROM weeks w JOIN compassion_sessions c
			ON c.started_at >= w.lo AND c.started_at < w.hi AND c.finished_at IS NOT NULL
			GROUP BY w.i`,
		set: func(w *Week, n [3]int) { w.Breaks = n[0] },
	},
	{ // mornings the permission slip was read
		query: `SELECT w.i, count(*), 0, 0 FROM weeks w JOIN slip_readings r
			ON r.day >= w.lo AND r.day < w.hi GROUP BY w.i`,
		days: true,
		set:  func(w *Week, n [3]int) { w.Readings = n[0] },
	},
}

// countWeekly runs one weekly count and puts its figures into the weeks.
func (s *Store) countWeekly(ins *Insights, weeks weekBounds, c weeklyCount) error {
	args := weeks.instants
	if c.days {
		args = weeks.days
	}
	rows, err := s.db.Raw(weeks.with+c.query, args...).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var i int
		var n [3]int
		if err := rows.Scan(&i, &n[0], &n[1], &n[2]); err != nil {
			return err
		}
		c.set(&ins.Weeks[i], n)
	}
	return rows.Err()
}
