package demo

import (
	"math/rand/v2"
	"strings"
	"time"
)

// family is the household the demo journal is written by: two children
// who grow up through the history (a baby and a toddler when it starts),
// a partner, a grandparent nearby, friends, and the clients of the years.
// It is chosen from the seed, before any step runs, so every step writes
// about the same people.
type family struct {
	kids    [2]*child // eldest first
	partner string
	gran    string
	parent  string // what the children call the writer
	clients []*client
	start   time.Time
	now     time.Time
	schools map[string]string // by phase: the school both children go to
}

type child struct {
	name     string
	girl     bool
	born     time.Time
	activity map[string][]string // by phase: what the child does after school
}

type client struct {
	name, contact string
	projects      []string
	from, to      float64 // active from/to, as a share of the history
}

// The phases of a childhood the bank's events and clubs are written for.
const (
	phaseBaby      = "baby"
	phaseNursery   = "nursery"
	phasePrimary   = "primary"
	phaseSecondary = "secondary"
)

// Current after-school activities: the weekly tier-1 commitments on the
// Tiers are these (the benchmarks' triages meet them on Tuesdays and
// Thursdays).
const (
	currentYoungerActivity = "football practice"
	currentEldestActivity  = "swimming lessons"
)

func newFamily(r *rand.Rand, b *bank, now time.Time, years int) *family {
	f := &family{now: now, start: now.AddDate(-years, 0, 0), schools: map[string]string{}}
	girls, boys := b.list("girls"), b.list("boys")
	used := map[string]bool{}
	name := func(girl bool) string {
		l := boys
		if girl {
			l = girls
		}
		for {
			if n := l[r.IntN(len(l))]; !used[n] {
				used[n] = true
				return n
			}
		}
	}
	// The eldest is nearly three when the journal starts, the youngest a
	// few months old: the journal began on the way back to work.
	ages := [2]time.Duration{
		time.Duration(float64(years)*365.25*24+(2*365+270+float64(r.IntN(60)))*24) * time.Hour,
		time.Duration(float64(years)*365.25*24+(90+float64(r.IntN(60)))*24) * time.Hour,
	}
	for i := range f.kids {
		girl := r.IntN(2) == 0
		c := &child{name: name(girl), girl: girl, born: dateOnly(now.Add(-ages[i])), activity: map[string][]string{}}
		for _, ph := range []string{phaseNursery, phasePrimary, phaseSecondary} {
			l := b.list("activities." + ph)
			a, z := r.IntN(len(l)), r.IntN(len(l)-1)
			if z >= a {
				z++
			}
			c.activity[ph] = []string{l[a], l[z]}
		}
		f.kids[i] = c
	}
	f.kids[1].activity[phasePrimary][0] = currentYoungerActivity
	f.kids[0].activity[phaseSecondary][0] = currentEldestActivity
	f.partner = pick(r, b.list("partners"))
	f.gran = pick(r, b.list("grans"))
	f.parent = "Mum"
	if r.IntN(2) == 0 {
		f.parent = "Dad"
	}
	f.clients = newRoster(r, b)
	for _, ph := range []string{phaseNursery, phasePrimary, phaseSecondary} {
		f.schools[ph] = pick(r, b.list("schools."+ph))
	}
	return f
}

// newRoster gives the clients of the years their spans: three from the
// start, four still current, the others coming and going in between.
func newRoster(r *rand.Rand, b *bank) []*client {
	var list []*client
	for _, line := range b.list("clients") {
		f := strings.Split(line, "|")
		c := &client{name: strings.TrimSpace(f[0]), contact: strings.TrimSpace(f[1])}
		for _, p := range strings.Split(f[2], ";") {
			c.projects = append(c.projects, strings.TrimSpace(p))
		}
		list = append(list, c)
	}
	r.Shuffle(len(list), func(i, j int) { list[i], list[j] = list[j], list[i] })
	for i, c := range list {
		switch {
		case i < 3:
			c.from, c.to = -1, 0.25+0.4*r.Float64()
		case i >= len(list)-4:
			c.from, c.to = 0.3+0.6*r.Float64(), 2
		default:
			c.from = 0.1 + 0.7*r.Float64()
			c.to = c.from + 0.15 + 0.35*r.Float64()
		}
	}
	list[len(list)-1].from = -1 // one client has been there all along
	return list
}

// activeClients are the clients worked for at a share f of the history.
func (f *family) activeClients(frac float64) []*client {
	var out []*client
	for _, c := range f.clients {
		if c.from <= frac && frac < c.to {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return f.clients[len(f.clients)-4:]
	}
	return out
}

// frac is the share of the history passed at t: 0 at its start, 1 now.
func (f *family) frac(t time.Time) float64 {
	return float64(t.Sub(f.start)) / float64(f.now.Sub(f.start))
}

// ageAt is a child's age in whole years and months at t; born is false
// before the child was born.
func (c *child) ageAt(t time.Time) (years, months int, born bool) {
	if t.Before(c.born) {
		return 0, 0, false
	}
	y, m, d := t.Date()
	by, bm, bd := c.born.Date()
	months = (y-by)*12 + int(m-bm)
	if d < bd {
		months--
	}
	return months / 12, months % 12, true
}

func (c *child) phaseAt(t time.Time) string {
	y, _, born := c.ageAt(t)
	switch {
	case !born:
		return ""
	case y < 1:
		return phaseBaby
	case y < 4:
		return phaseNursery
	case y < 11:
		return phasePrimary
	}
	return phaseSecondary
}

func dateOnly(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
}

// pick is Pick for a bare random source.
func pick[T any](r *rand.Rand, items []T) T { return items[r.IntN(len(items))] }
