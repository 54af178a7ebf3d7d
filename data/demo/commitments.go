package demo

import (
	"errors"
	"fmt"
	"time"

	"github.com/bothand/bothand/data"
)

func init() {
	register(20, "commitments", fillCommitments)
	register(30, "work blocks and outcomes", fillWork)
}

// routine is a repeating commitment of the demo family.
type routine struct {
	title    string
	tier     data.Tier
	rule     string
	h, m     int
	minutes  int
	location string
}

var routines = []routine{
	{"Family dinner", data.TierHighPriority, "FREQ=DAILY", 18, 0, 60, ""},
	{"Bedtime stories", data.TierHighPriority, "FREQ=DAILY", 19, 30, 30, ""},
	{"School run", data.TierHighPriority, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", 8, 15, 30, ""},
	{"Saturday morning together", data.TierHighPriority, "FREQ=WEEKLY;BYDAY=SA", 9, 30, 150, ""},
	{"Video call with Grandma", data.TierHighPriority, "FREQ=WEEKLY;BYDAY=SU", 16, 0, 45, ""},
	{"Play time", data.TierFlexible, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", 16, 0, 60, ""},
	{"Lego building", data.TierFlexible, "FREQ=WEEKLY;BYDAY=WE", 17, 0, 45, ""},
	{"Walk the dog together", data.TierFlexible, "FREQ=WEEKLY;BYDAY=SU", 10, 0, 60, "Riverside park"},
	{"Library visit", data.TierFlexible, "FREQ=MONTHLY", 10, 30, 60, "Town library"},
	{"Swimming lessons", data.TierNonNegotiable, "FREQ=WEEKLY;BYDAY=TH", 17, 0, 45, "Leisure centre"},
	{"Football practice", data.TierNonNegotiable, "FREQ=WEEKLY;BYDAY=TU", 16, 45, 75, "School field"},
}

// The school's and the doctor's one-off events: tier 1, the text's
// non-negotiables.
var schoolEvents = []struct {
	title   string
	minutes int
	h       int
}{
	{"Sports day", 150, 13},
	{"School play", 90, 14},
	{"Parents' evening", 30, 17},
	{"Class assembly", 45, 9},
	{"Harvest festival", 60, 10},
	{"Winter concert", 90, 14},
	{"Science fair", 120, 13},
	{"Dentist – Maya", 45, 15},
	{"Check-up – Leo", 30, 11},
	{"School trip drop-off", 30, 8},
}

var clubs = []struct {
	title string
	tier  data.Tier
}{
	{"Piano lesson", data.TierNonNegotiable},
	{"Gymnastics", data.TierNonNegotiable},
	{"Brownies", data.TierHighPriority},
	{"Drama club", data.TierHighPriority},
	{"Art club", data.TierFlexible},
	{"Chess club", data.TierFlexible},
}

var familyEvents = []struct {
	title string
	tier  data.Tier
}{
	{"Cousins' birthday party", data.TierHighPriority},
	{"Cinema trip", data.TierFlexible},
	{"Baking afternoon", data.TierFlexible},
	{"Visit to the farm", data.TierHighPriority},
	{"Picnic in the park", data.TierFlexible},
}

// fillCommitments adds the family's routines (started two years ago, the
// daily ones with a week away skipped), yearly birthdays, termly
// after-school clubs, and the one-off school, medical and family events of
// the last year and the coming months: most of them repeat, as a family's
// week does.
func fillCommitments(g *Gen) error {
	now := g.Opt.Now.Local()
	day := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.Local) }
	began := day(now.AddDate(-2, 0, 0))
	for _, r := range routines {
		start := time.Date(began.Year(), began.Month(), began.Day(), r.h, r.m, 0, 0, time.Local)
		c := data.Commitment{
			Title: r.title, Tier: r.tier, StartsAt: start, EndsAt: start.Add(time.Duration(r.minutes) * time.Minute),
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
		if r.title == "Swimming lessons" {
			c.RRule += ";UNTIL=" + now.AddDate(0, 4, 0).Format("20060102")
		}
		if _, err := g.Store.SaveCommitment(c); err != nil {
			return fmt.Errorf("%s: %w", r.title, err)
		}
	}
	for _, b := range []struct {
		name string
		date time.Time
	}{{"Maya's birthday", time.Date(2018, 5, 14, 0, 0, 0, 0, time.UTC)}, {"Leo's birthday", time.Date(2020, 10, 2, 0, 0, 0, 0, time.UTC)}} {
		if _, err := g.Store.SaveCommitment(data.Commitment{Title: b.name, Tier: data.TierNonNegotiable, AllDay: true, StartsAt: b.date, RRule: "FREQ=YEARLY"}); err != nil {
			return err
		}
	}
	// After-school clubs, weekly for a term, for the last two years and
	// the coming term.
	for term := day(now.AddDate(-2, 0, 0)); term.Before(now.AddDate(0, 4, 0)); term = term.AddDate(0, 4, 0) {
		for range 4 {
			club := Pick(g, clubs)
			first := term.AddDate(0, 0, g.R.IntN(7))
			for first.Weekday() == time.Saturday || first.Weekday() == time.Sunday {
				first = first.AddDate(0, 0, 1)
			}
			start := time.Date(first.Year(), first.Month(), first.Day(), 15, 30+15*g.R.IntN(3), 0, 0, time.Local)
			if _, err := g.Store.SaveCommitment(data.Commitment{
				Title: club.title, Tier: club.tier, StartsAt: start, EndsAt: start.Add(time.Hour),
				RRule: "FREQ=WEEKLY;UNTIL=" + term.AddDate(0, 3, 14).Format("20060102"),
			}); err != nil {
				return err
			}
		}
	}
	// School, medical and family one-offs of the last year and the coming
	// months.
	for d := day(now.AddDate(-1, 0, 0)); d.Before(now.AddDate(0, 5, 0)); d = d.AddDate(0, 0, 1) {
		weekend := d.Weekday() == time.Saturday || d.Weekday() == time.Sunday
		summer := d.Month() == time.August
		switch {
		case !weekend && !summer && g.R.IntN(100) < 6:
			ev := Pick(g, schoolEvents)
			start := time.Date(d.Year(), d.Month(), d.Day(), ev.h, 15*g.R.IntN(2), 0, 0, time.Local)
			if _, err := g.Store.SaveCommitment(data.Commitment{
				Title: ev.title, Tier: data.TierNonNegotiable, StartsAt: start, EndsAt: start.Add(time.Duration(ev.minutes) * time.Minute),
				Location: "Oakfield Primary",
			}); err != nil {
				return err
			}
		case weekend && g.R.IntN(100) < 6:
			ev := Pick(g, familyEvents)
			start := time.Date(d.Year(), d.Month(), d.Day(), 13+g.R.IntN(3), 0, 0, 0, time.Local)
			if _, err := g.Store.SaveCommitment(data.Commitment{
				Title: ev.title, Tier: ev.tier, StartsAt: start, EndsAt: start.Add(2 * time.Hour),
			}); err != nil {
				return err
			}
		}
	}
	// Two INSET days this term, as a school's calendar would list them.
	for _, weeks := range []int{3, 9} {
		d := day(now.AddDate(0, 0, 7*weeks))
		for d.Weekday() != time.Friday {
			d = d.AddDate(0, 0, 1)
		}
		if _, err := g.Store.SaveCommitment(data.Commitment{
			Title: "INSET day (school closed)", Tier: data.TierNonNegotiable, AllDay: true,
			StartsAt: time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC),
		}); err != nil {
			return err
		}
	}
	return nil
}

var (
	demoClients = []string{"Acme Ltd", "Northwind", "Bluebird Studio", "Harbour & Co"}
	demoWork    = []string{
		"Draft the quarterly report", "Client call", "Design review", "Write the proposal",
		"Fix the checkout bug", "Update the brand guide", "Prepare the workshop", "Invoices and admin",
		"Edit the newsletter", "Plan the next sprint",
	}
	emergencyReasons = []string{
		"Their website went down during the product launch.",
		"The printer needs the final files tonight or the event has no brochures.",
		"A data problem is blocking the client's payroll run.",
	}
)

// fillWork records what happened to the routines over the last six weeks
// (mostly kept) and to past school events, and plans client work for four
// weeks back and two ahead, through the tier rules: work that lands on a
// tier-1 event takes the suggested slot instead, work over tier-2 time goes
// ahead only now and then as a stated emergency, and work over play time
// leaves make-up notes, some of them made up.
func fillWork(g *Gen) error {
	now := g.Opt.Now
	list, err := g.Store.Commitments()
	if err != nil {
		return err
	}
	occ, err := g.Store.Occurrences(now.AddDate(0, 0, -42), now)
	if err != nil {
		return err
	}
	for _, o := range occ {
		if o.End.After(now) {
			continue
		}
		keep := map[data.Tier]int{data.TierNonNegotiable: 93, data.TierHighPriority: 85, data.TierFlexible: 70}[o.Tier()]
		// Not every day gets recorded.
		if o.Commitment.RRule != "" && g.R.IntN(100) < 25 {
			continue
		}
		outcome := data.OutcomeKept
		var movedTo *time.Time
		switch n := g.R.IntN(100); {
		case n >= keep+(100-keep)/2:
			outcome = data.OutcomeMoved
			t := o.Start.Add(time.Duration(1+g.R.IntN(3)) * time.Hour)
			movedTo = &t
		case n >= keep:
			outcome = data.OutcomeMissed
		}
		if err := g.Store.SetOutcome(o.Commitment.ID, o.OccursAt, outcome, movedTo); err != nil {
			return err
		}
	}
	// Older one-off tier-1 events: the record the journal's insights show.
	for _, c := range list {
		if c.Tier != data.TierNonNegotiable || c.RRule != "" || !c.EndsAt.Before(now.AddDate(0, 0, -42)) {
			continue
		}
		outcome := data.OutcomeKept
		if g.R.IntN(100) < 8 {
			outcome = data.OutcomeMissed
		}
		if err := g.Store.SetOutcome(c.ID, c.StartsAt, outcome, nil); err != nil {
			return err
		}
	}

	local := now.Local()
	for d := time.Date(local.Year(), local.Month(), local.Day()-28, 0, 0, 0, 0, time.Local); d.Before(local.AddDate(0, 0, 14)); d = d.AddDate(0, 0, 1) {
		if d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
			continue
		}
		// Mornings and afternoons mostly; now and then an evening push.
		for _, slot := range []struct{ h, chance int }{{9, 70}, {13, 70}, {15, 70}, {17, 25}} {
			if g.R.IntN(100) >= slot.chance {
				continue
			}
			start := time.Date(d.Year(), d.Month(), d.Day(), slot.h, 30*g.R.IntN(2), 0, 0, time.Local)
			wb := data.WorkBlock{
				Client: Pick(g, demoClients), Title: Pick(g, demoWork),
				StartsAt: start, EndsAt: start.Add(time.Duration(60+30*g.R.IntN(4)) * time.Minute),
			}
			if g.R.IntN(100) < 40 {
				deadline := wb.EndsAt.Add(time.Duration(2+g.R.IntN(30)) * time.Hour)
				wb.DeadlineAt = &deadline
				wb.BufferMinutes = []int{30, 60, 120}[g.R.IntN(3)]
			}
			if err := saveDemoWork(g, wb); err != nil {
				return err
			}
		}
	}
	notes, err := g.Store.OpenMakeUps()
	if err != nil {
		return err
	}
	for _, n := range notes {
		if n.OccursAt.Before(now.AddDate(0, 0, -3)) && g.R.IntN(100) < 60 {
			if err := g.Store.MarkMakeUpDone(n.ID, true); err != nil {
				return err
			}
		}
	}
	return nil
}

// saveDemoWork saves a work block the way a person following the rules
// would: refused, they take the suggested slot; asked for an emergency,
// they give one now and then and otherwise skip the work that day.
func saveDemoWork(g *Gen, wb data.WorkBlock) error {
	for range 3 {
		_, _, err := g.Store.SaveWorkBlock(wb, "")
		var ce *data.ConflictError
		switch {
		case err == nil:
			return nil
		case errors.As(err, &ce) && errors.Is(err, data.ErrNonNegotiable):
			if ce.Conflicts.NextFree.IsZero() {
				return nil
			}
			length := wb.EndsAt.Sub(wb.StartsAt)
			wb.StartsAt, wb.EndsAt = ce.Conflicts.NextFree, ce.Conflicts.NextFree.Add(length)
			if wb.DeadlineAt != nil && wb.EndsAt.Add(wb.Buffer()).After(*wb.DeadlineAt) {
				d := wb.EndsAt.Add(wb.Buffer() + 2*time.Hour)
				wb.DeadlineAt = &d
			}
		case errors.As(err, &ce):
			if g.R.IntN(100) < 25 {
				_, _, err = g.Store.SaveWorkBlock(wb, Pick(g, emergencyReasons))
				return err
			}
			return nil
		default:
			return err
		}
	}
	return nil
}
