// Package demo fills a journal with realistic, deterministic data: ten years
// of entries with the rhythm of a real journal, commitments of every tier,
// work, protocols and slips, all written about one family whose children
// grow up through the years. Every text is composed from the phrase bank
// (bank/*.txt), sentences a parent would write with the family's names,
// clients, times and school events in them; nothing is drawn word by word.
// The same generator serves `bothand demo`, the tests that need volume, and
// every benchmark, so figures from different features describe the same
// journal.
package demo

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"sort"
	"time"

	"github.com/bothand/bothand/data"
)

// Options say how much to generate.
type Options struct {
	// Entries is the number of journal entries (default 2,000).
	Entries int
	// Seed makes the output repeatable: the same seed gives the same journal.
	Seed uint64
	// Now is the end of the generated history (default: time.Now()).
	Now time.Time
	// Years of history to spread entries over (default 10).
	Years int
	// Progress, when set, is told each step's name as it starts.
	Progress func(step string)
}

// Gen is the state shared by the generation steps.
type Gen struct {
	Store *data.Store
	Opt   Options
	R     *rand.Rand
	bank  *bank
	fam   *family
	// What earlier steps made that later ones write about.
	made    []*madeCommitment
	missed  []missedOccurrence
	plans   []planSeed
	lastSit *situation // what the previous entry was about
}

// step is one kind of record to generate. Steps run in order, so later ones
// can refer to what earlier ones made (entries to commitments, say).
type step struct {
	order int
	name  string
	run   func(g *Gen) error
}

var steps []step

// register adds a generation step; each kind of record has its own file.
func register(order int, name string, run func(g *Gen) error) {
	steps = append(steps, step{order, name, run})
	sort.SliceStable(steps, func(i, j int) bool { return steps[i].order < steps[j].order })
}

// Fill generates the demo data into s, which should be a new journal.
func Fill(s *data.Store, opt Options) error {
	if opt.Entries < 0 {
		return fmt.Errorf("entries must not be negative")
	}
	if opt.Entries == 0 {
		opt.Entries = 2000
	}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	if opt.Years <= 0 {
		opt.Years = 10
	}
	g := &Gen{Store: s, Opt: opt, bank: loadBank()}
	g.fam = newFamily(rand.New(rand.NewPCG(opt.Seed, stepStream("family"))), g.bank, opt.Now, opt.Years)
	for _, st := range steps {
		// Each step draws from its own stream, so adding or changing one
		// step leaves what the others generate as it was.
		g.R = rand.New(rand.NewPCG(opt.Seed, stepStream(st.name)))
		if opt.Progress != nil {
			opt.Progress(st.name)
		}
		if err := st.run(g); err != nil {
			return fmt.Errorf("demo %s: %w", st.name, err)
		}
	}
	return nil
}

// stepStream names a step's random stream after the step.
func stepStream(name string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return h.Sum64()
}

// Start is the beginning of the generated history.
func (g *Gen) Start() time.Time { return g.Opt.Now.AddDate(-g.Opt.Years, 0, 0) }

// Pick returns one of items, uniformly.
func Pick[T any](g *Gen, items []T) T { return items[g.R.IntN(len(items))] }

// scene starts a scene at t for this step's random stream.
func (g *Gen) scene(t time.Time) *scene {
	sc := newScene(g.R, g.bank, g.fam)
	sc.reset(t, -1, 0)
	return sc
}

// writeIn writes one phrase of a pool that the scene can bind.
func (g *Gen) writeIn(sc *scene, pool string) string {
	list := g.bank.pool(pool)
	start := g.R.IntN(len(list))
	for i := range list {
		if p := list[(start+i)%len(list)]; sc.has(p) {
			return p.text(sc)
		}
	}
	panic("demo phrase bank: nothing in " + pool + " fits the scene")
}
