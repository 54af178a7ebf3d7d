package demo

import (
	"math/rand/v2"
	"time"
)

// A scene is the moment a text is written about: the date, the child it
// is about, the client of the day. Each variable of the bank is bound the
// first time a phrase needs it and then keeps its value, so an entry that
// names a client names the same one throughout.
type scene struct {
	r     *rand.Rand
	b     *bank
	fam   *family
	at    time.Time // local
	focus *child    // the child it is about
	other *child    // the other child, when born
	// Set by the caller when the text is about a real commitment.
	event, activity string
	client          *client
	vals            [numVars]string
	state           [numVars]int8 // 0 not asked yet, 1 bound, -1 not available
}

// The variables a phrase can use, in lower case ({Child} capitalises).
const (
	vChild = iota
	vHe
	vHim
	vHis
	vAge
	vSchool
	vTeacher
	vSib
	vKids
	vPartner
	vGran
	vParent
	vFriend
	vClient
	vContact
	vProject
	vTask
	vEvent
	vActivity
	vDay
	vYesterday
	vMonth
	vClock
	vEvTime
	vCallTime
	vDinner
	vPlace
	vDestination
	vMins
	vShow
	vMade
	vGame
	vBook
	vTreat
	numVars
)

var varNames = [numVars]string{
	"child", "he", "him", "his", "age", "school", "teacher", "sib", "kids", "partner", "gran", "parent",
	"friend", "client", "contact", "project", "task", "event", "activity", "day", "yesterday", "month",
	"clock", "evtime", "calltime", "dinner", "place", "destination", "mins", "show",
	"made", "game", "book", "treat",
}

var varIDs = func() map[string]int {
	m := map[string]int{}
	for i, n := range varNames {
		m[n] = i
	}
	return m
}()

// Lists drawn with a long tail, as real life repeats a few places and
// dishes and names the rest now and then: the tail gives search its rare
// words.
var zipfLists = map[string]bool{
	"destinations": true, "places": true, "dinners": true, "shows": true,
	"makes": true, "games": true, "books": true, "treats": true,
}

func newScene(r *rand.Rand, b *bank, fam *family) *scene {
	return &scene{r: r, b: b, fam: fam}
}

// reset starts a new scene at t, about a child old enough for the ages
// given (min -1: any child), or returns false when no child is.
func (sc *scene) reset(t time.Time, ageMin, ageMax int) bool {
	*sc = scene{r: sc.r, b: sc.b, fam: sc.fam, at: t.Local()}
	var fits [2]*child
	n := 0
	for _, c := range sc.fam.kids {
		y, _, born := c.ageAt(sc.at)
		if born && (ageMin < 0 || y >= ageMin && y <= ageMax) {
			fits[n] = c
			n++
		}
	}
	if n == 0 {
		return false
	}
	sc.focus = fits[sc.r.IntN(n)]
	for _, c := range sc.fam.kids {
		if _, _, born := c.ageAt(sc.at); born && c != sc.focus {
			sc.other = c
		}
	}
	return true
}

// about makes c the child the scene is about.
func (sc *scene) about(c *child) {
	sc.focus, sc.other = c, nil
	for _, k := range sc.fam.kids {
		if _, _, born := k.ageAt(sc.at); born && k != c {
			sc.other = k
		}
	}
}

// has says whether every variable of p can be bound in this scene.
func (sc *scene) has(p *phrase) bool {
	for _, v := range p.vars {
		if sc.state[v] == 0 {
			sc.bind(v)
		}
		if sc.state[v] < 0 {
			return false
		}
	}
	return true
}

func (sc *scene) value(v int) string {
	if sc.state[v] == 0 {
		sc.bind(v)
	}
	return sc.vals[v]
}

func (sc *scene) bind(v int) {
	val, ok := sc.resolve(v)
	if !ok {
		sc.state[v] = -1
		return
	}
	sc.vals[v], sc.state[v] = val, 1
}

func (sc *scene) list(name string) string {
	l := sc.b.list(name)
	if zipfLists[name] {
		return l[zipfIndex(sc.r, len(l))]
	}
	return l[sc.r.IntN(len(l))]
}

func (sc *scene) resolve(v int) (string, bool) {
	c := sc.focus
	phase := ""
	if c != nil {
		phase = c.phaseAt(sc.at)
	}
	if c == nil {
		switch v {
		case vChild, vHe, vHim, vHis, vAge, vSchool, vTeacher, vEvent, vActivity:
			return "", false
		}
	}
	switch v {
	case vChild:
		return c.name, true
	case vHe:
		return pronoun(c, "she", "he"), true
	case vHim:
		return pronoun(c, "her", "him"), true
	case vHis:
		return pronoun(c, "her", "his"), true
	case vAge:
		y, m, _ := c.ageAt(sc.at)
		return ageWords(y, m), true
	case vSchool:
		switch phase {
		case phaseNursery:
			return "nursery", true
		case phasePrimary, phaseSecondary:
			return "school", true
		}
		return "", false
	case vTeacher:
		switch phase {
		case phaseNursery:
			return sc.list("keyworkers"), true
		case phasePrimary, phaseSecondary:
			return sc.list("teachers"), true
		}
		return "", false
	case vSib:
		if sc.other == nil {
			return "", false
		}
		return sc.other.name, true
	case vKids:
		if sc.other == nil {
			return "", false
		}
		return sc.list("kids"), true
	case vPartner:
		return sc.fam.partner, true
	case vGran:
		return sc.fam.gran, true
	case vParent:
		return sc.fam.parent, true
	case vFriend:
		return sc.list("friends"), true
	case vClient, vContact, vProject:
		if sc.client == nil {
			active := sc.fam.activeClients(sc.fam.frac(sc.at))
			sc.client = active[sc.r.IntN(len(active))]
		}
		switch v {
		case vClient:
			return sc.client.name, true
		case vContact:
			return sc.client.contact, true
		}
		return pick(sc.r, sc.client.projects), true
	case vTask:
		return sc.list("tasks"), true
	case vEvent:
		if sc.event != "" {
			return sc.event, true
		}
		if phase == "" || phase == phaseBaby {
			return "", false
		}
		return sc.eventIn(phase).phrase, true
	case vActivity:
		if sc.activity != "" {
			return sc.activity, true
		}
		if phase == "" || phase == phaseBaby {
			return "", false
		}
		return pick(sc.r, c.activity[phase]), true
	case vDay:
		return sc.at.Weekday().String(), true
	case vYesterday:
		return sc.at.AddDate(0, 0, -1).Weekday().String(), true
	case vMonth:
		return sc.at.Month().String(), true
	case vClock:
		return clockWords(sc.at.Hour(), sc.at.Minute()), true
	case vEvTime:
		return sc.list("event-times"), true
	case vCallTime:
		return sc.list("call-times"), true
	case vDinner:
		return sc.list("dinners"), true
	case vPlace:
		return sc.list("places"), true
	case vDestination:
		return sc.list("destinations"), true
	case vMins:
		return sc.list("minutes"), true
	case vShow:
		return sc.list("shows"), true
	case vMade:
		return sc.list("makes"), true
	case vGame:
		return sc.list("games"), true
	case vBook:
		return sc.list("books"), true
	case vTreat:
		return sc.list("treats"), true
	}
	return "", false
}

// eventIn picks an event of the phase that happens in the scene's month,
// or any of them in a month without one.
func (sc *scene) eventIn(phase string) *event {
	all := sc.b.events[phase]
	var now [32]*event
	n := 0
	for _, e := range all {
		if e.in(sc.at.Month()) && n < len(now) {
			now[n] = e
			n++
		}
	}
	if n == 0 {
		return all[sc.r.IntN(len(all))]
	}
	return now[sc.r.IntN(n)]
}

func pronoun(c *child, her, him string) string {
	if c != nil && c.girl {
		return her
	}
	return him
}
