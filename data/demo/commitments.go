package demo

import (
	"fmt"
	"strings"
	"time"

	"github.com/bothand/bothand/data"
)

func init() { register(20, "commitments", fillCommitments) }

// routine is a repeating commitment of the demo family. Titles may name
// a child: {eldest} and {youngest} are the family's children.
type routine struct {
	title    string
	tier     data.Tier
	rule     string
	h, m     int
	minutes  int
	location string
	link     string // what entries about it are: see the situations' link
	child    int    // 0 none, 1 the eldest, 2 the youngest
}

var routines = []routine{
	{"Family dinner", data.TierHighPriority, "FREQ=DAILY", 18, 0, 60, "", "dinner", 0},
	{"Bedtime reading", data.TierHighPriority, "FREQ=DAILY", 19, 30, 30, "", "bedtime", 0},
	{"School run", data.TierHighPriority, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", 8, 15, 30, "", "school-run", 0},
	{"Saturday morning together", data.TierHighPriority, "FREQ=WEEKLY;BYDAY=SA", 9, 30, 150, "", "", 0},
	{"Video call with {gran}", data.TierHighPriority, "FREQ=WEEKLY;BYDAY=SU", 16, 0, 45, "", "", 0},
	{"Time together after school", data.TierFlexible, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", 16, 0, 60, "", "", 0},
	{"Lego with {youngest}", data.TierFlexible, "FREQ=WEEKLY;BYDAY=WE", 17, 0, 45, "", "", 0},
	{"Walk the dog together", data.TierFlexible, "FREQ=WEEKLY;BYDAY=SU", 10, 0, 60, "Riverside park", "", 0},
	{"Library visit", data.TierFlexible, "FREQ=MONTHLY", 10, 30, 60, "Town library", "", 0},
	{"Swimming lessons – {eldest}", data.TierNonNegotiable, "FREQ=WEEKLY;BYDAY=TH", 17, 0, 45, "Leisure centre", "activity", 1},
	{"Football practice – {youngest}", data.TierNonNegotiable, "FREQ=WEEKLY;BYDAY=TU", 16, 45, 75, "School field", "activity", 2},
}

// routineTitles are the literal words of the routines' titles, for the
// test that every text comes from the bank.
func routineTitles() []string {
	var out []string
	for _, r := range routines {
		out = append(out, r.title, r.location)
	}
	return out
}

// title fills in the family's names.
func (f *family) title(s string) string {
	return strings.NewReplacer("{eldest}", f.kids[0].name, "{youngest}", f.kids[1].name, "{gran}", f.gran).Replace(s)
}

// fillCommitments adds the family's routines (started two years ago, the
// daily ones with a week away skipped), the children's birthdays, termly
// after-school clubs, and the one-off school, medical and family events of
// the last year and the coming months: most of them repeat, as a family's
// week does.
func fillCommitments(g *Gen) error {
	now := g.Opt.Now.Local()
	f := g.fam
	day := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.Local) }
	began := day(now.AddDate(-2, 0, 0))
	for _, r := range routines {
		start := time.Date(began.Year(), began.Month(), began.Day(), r.h, r.m, 0, 0, time.Local)
		c := data.Commitment{
			Title: f.title(r.title), Tier: r.tier, StartsAt: start, EndsAt: start.Add(time.Duration(r.minutes) * time.Minute),
			RRule: r.rule, Location: r.location,
		}
		if r.rule == "FREQ=DAILY" {
			// A week away last summer.
			for d := 0; d < 7; d++ {
				away := time.Date(now.Year()-1, time.August, 3+d, r.h, r.m, 0, 0, time.Local)
				if away.After(start) {
					c.ExDates = append(c.ExDates, away)
				}
			}
		}
		if r.link == "activity" && r.child == 1 {
			c.RRule += ";UNTIL=" + now.AddDate(0, 4, 0).Format("20060102")
		}
		saved, err := g.Store.SaveCommitment(c)
		if err != nil {
			return fmt.Errorf("%s: %w", c.Title, err)
		}
		if r.link != "" {
			m := &madeCommitment{id: saved.ID, link: r.link, start: start}
			if r.child > 0 {
				m.child = f.kids[r.child-1]
				m.phrase = []string{currentEldestActivity, currentYoungerActivity}[r.child-1]
			}
			g.made = append(g.made, m)
		}
	}
	for _, k := range f.kids {
		b := k.born
		if _, err := g.Store.SaveCommitment(data.Commitment{
			Title: k.name + "'s birthday", Tier: data.TierNonNegotiable, AllDay: true,
			StartsAt: time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC), RRule: "FREQ=YEARLY",
		}); err != nil {
			return err
		}
	}
	// After-school clubs, weekly through each term of the last two years
	// and the coming one: one for each child, now and then two.
	for _, term := range terms(now.AddDate(-2, 0, 0), now.AddDate(0, 4, 0)) {
		for _, k := range f.kids {
			if y, _, _ := k.ageAt(term); y < 4 {
				continue
			}
			taken := map[string]bool{}
			for n := 0; n == 0 || n == 1 && g.R.IntN(3) == 0; n++ {
				name, tier := club(Pick(g, g.bank.list("clubs")))
				if taken[name] {
					continue
				}
				taken[name] = true
				first := term.AddDate(0, 0, []int{0, 2, 4}[g.R.IntN(3)]) // Monday, Wednesday or Friday
				start := time.Date(first.Year(), first.Month(), first.Day(), 15, 30+15*g.R.IntN(3), 0, 0, time.Local)
				if _, err := g.Store.SaveCommitment(data.Commitment{
					Title: name + " – " + k.name, Tier: tier, StartsAt: start, EndsAt: start.Add(time.Hour),
					RRule: "FREQ=WEEKLY;UNTIL=" + term.AddDate(0, 0, 7*11).Format("20060102"),
				}); err != nil {
					return err
				}
			}
		}
	}
	// School, medical and family one-offs of the last year and the coming
	// months.
	medical, family := g.bank.list("medical"), g.bank.list("family-events")
	held := map[string]bool{} // child, event and school year: each once a year
	for d := day(now.AddDate(-1, 0, 0)); d.Before(now.AddDate(0, 5, 0)); d = d.AddDate(0, 0, 1) {
		weekend := d.Weekday() == time.Saturday || d.Weekday() == time.Sunday
		summer := d.Month() == time.August
		switch {
		case !weekend && !summer && g.R.IntN(100) < 5:
			if err := g.schoolEvent(d, held); err != nil {
				return err
			}
		case !weekend && g.R.IntN(200) < 1:
			k := Pick(g, f.kids[:])
			start := time.Date(d.Year(), d.Month(), d.Day(), 9+g.R.IntN(7), 15*g.R.IntN(4), 0, 0, time.Local)
			if _, err := g.Store.SaveCommitment(data.Commitment{
				Title: Pick(g, medical) + " – " + k.name, Tier: data.TierNonNegotiable, StartsAt: start, EndsAt: start.Add(40 * time.Minute),
			}); err != nil {
				return err
			}
		case weekend && g.R.IntN(100) < 6:
			name, tier := club(Pick(g, family))
			start := time.Date(d.Year(), d.Month(), d.Day(), 13+g.R.IntN(3), 0, 0, 0, time.Local)
			if _, err := g.Store.SaveCommitment(data.Commitment{
				Title: f.title(name), Tier: tier, StartsAt: start, EndsAt: start.Add(2 * time.Hour),
			}); err != nil {
				return err
			}
		}
	}
	// The school is closed on the first day of the next two terms, as its
	// calendar would say.
	for _, d := range terms(now, now.AddDate(1, 0, 0))[:2] {
		if _, err := g.Store.SaveCommitment(data.Commitment{
			Title: "INSET day (school closed)", Tier: data.TierNonNegotiable, AllDay: true,
			StartsAt: time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC),
		}); err != nil {
			return err
		}
	}
	return nil
}

// schoolEvent puts one child's school event of day d on the Tiers: one of
// the bank's events for the child's age that happens in that month and
// hasn't happened yet that school year, at the child's school.
func (g *Gen) schoolEvent(d time.Time, held map[string]bool) error {
	k := Pick(g, g.fam.kids[:])
	phase := k.phaseAt(d)
	if phase == "" || phase == phaseBaby {
		return nil
	}
	var fits []*event
	schoolYear := d.AddDate(0, -8, 0).Year()
	for _, e := range g.bank.events[phase] {
		if e.in(d.Month()) && !held[fmt.Sprint(k.name, e.phrase, schoolYear)] {
			fits = append(fits, e)
		}
	}
	if len(fits) == 0 {
		return nil
	}
	e := Pick(g, fits)
	held[fmt.Sprint(k.name, e.phrase, schoolYear)] = true
	start := time.Date(d.Year(), d.Month(), d.Day(), 9+g.R.IntN(6), 15*g.R.IntN(3), 0, 0, time.Local)
	switch {
	case strings.Contains(e.phrase, "evening") || strings.Contains(e.phrase, "concert"):
		start = time.Date(d.Year(), d.Month(), d.Day(), 17+g.R.IntN(2), 30*g.R.IntN(2), 0, 0, time.Local)
	case strings.Contains(e.phrase, "morning") || strings.Contains(e.phrase, "assembly"):
		start = time.Date(d.Year(), d.Month(), d.Day(), 9, 15*g.R.IntN(3), 0, 0, time.Local)
	}
	c := data.Commitment{
		Title: capitalise(e.phrase) + " – " + k.name, Tier: data.TierNonNegotiable,
		StartsAt: start, EndsAt: start.Add(time.Duration(30+15*g.R.IntN(8)) * time.Minute),
		Location: g.fam.schools[phase],
	}
	if g.R.IntN(100) < 45 {
		sc := g.scene(d)
		sc.about(k)
		notes := e.notes
		if g.R.IntN(4) == 0 {
			notes = g.bank.pool("commitment-note")
		}
		c.Notes = pickFitting(g, sc, notes)
	}
	saved, err := g.Store.SaveCommitment(c)
	if err != nil {
		return err
	}
	g.made = append(g.made, &madeCommitment{id: saved.ID, link: "school-event", phrase: e.phrase, child: k, start: start, oneOff: true})
	return nil
}

// terms are the first Mondays of the school terms between from and to:
// early September, early January and mid-April.
func terms(from, to time.Time) []time.Time {
	var out []time.Time
	for y := from.Year() - 1; y <= to.Year(); y++ {
		for _, start := range []time.Time{
			time.Date(y, time.January, 5, 0, 0, 0, 0, time.Local),
			time.Date(y, time.April, 15, 0, 0, 0, 0, time.Local),
			time.Date(y, time.September, 4, 0, 0, 0, 0, time.Local),
		} {
			for start.Weekday() != time.Monday {
				start = start.AddDate(0, 0, 1)
			}
			if !start.Before(from) && start.Before(to) {
				out = append(out, start)
			}
		}
	}
	return out
}

// club reads a "name | tier" line of the bank.
func club(line string) (string, data.Tier) {
	name, tier, _ := strings.Cut(line, "|")
	t := data.TierFlexible
	switch strings.TrimSpace(tier) {
	case "1":
		t = data.TierNonNegotiable
	case "2":
		t = data.TierHighPriority
	}
	return strings.TrimSpace(name), t
}
