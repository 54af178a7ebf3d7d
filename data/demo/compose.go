package demo

import (
	"math/rand/v2"
	"strings"

	"github.com/bothand/bothand/data"
)

// composer writes journal entries: a situation from the bank, a scene to
// bind its people and times, and sentences chosen without repeats for the
// three questions of the journal. Most answers are a few sentences; now
// and then an evening's long entry runs on for paragraphs.
type composer struct {
	sc    *scene
	b     *bank
	used  []*phrase
	pools struct {
		context, more                     []*phrase
		storyGuilt, storyGuiltChild       []*phrase
		storyShame, storyUnsure, friend   []*phrase
		friendPlan, friendKind, afterword []*phrase
	}
}

func newComposer(sc *scene) *composer {
	c := &composer{sc: sc, b: sc.b}
	p := &c.pools
	p.context = c.b.pool("context")
	p.storyGuilt, p.storyShame, p.storyUnsure = c.b.pool("story-guilt"), c.b.pool("story-shame"), c.b.pool("story-unsure")
	p.storyGuiltChild = append(append([]*phrase{}, p.storyGuilt...), c.b.pool("story-guilt-child")...)
	p.friend, p.friendPlan, p.friendKind = c.b.pool("friend"), c.b.pool("friend-plan"), c.b.pool("friend-kind")
	p.afterword = c.b.pool("afterword")
	return c
}

// source is a list of phrases and how often the next sentence of an answer
// comes from it.
type source struct {
	list   []*phrase
	weight float64
}

// answers writes the three answers for the scene's situation and kind.
func (c *composer) answers(sit *situation, kind data.Kind, intensity int) (trigger, story, friend string) {
	r := c.sc.r
	c.used = c.used[:0]
	long := r.Float64() < 0.15
	extra := func(p float64, most, longMin, longSpan int) int {
		n := geometric(r, p, most)
		if long {
			n += longMin + r.IntN(longSpan)
		}
		return n
	}

	context := c.pools.context
	if sit.plain {
		context = nil
	}
	trigger = c.field(sit.parts["trigger"], extra(0.45, 5, 2, 4),
		source{sit.parts["more"], 0.7}, source{context, 0.3})

	storyFirst, storyPool := sit.parts["guilt"], c.pools.storyGuiltChild
	if sit.adults {
		storyPool = c.pools.storyGuilt
	}
	var unsure []*phrase
	switch kind {
	case data.KindShame:
		storyFirst, storyPool = sit.parts["shame"], c.pools.storyShame
	case data.KindUnsure:
		if r.IntN(2) == 0 {
			storyFirst, storyPool = sit.parts["shame"], c.pools.storyShame
		}
		unsure = c.pools.storyUnsure
	}
	if sit.plain && kind != data.KindShame {
		storyPool = nil
	}
	n := extra(0.33, 7, 4, 6)
	if intensity >= 8 {
		n++
	}
	story = c.field(storyFirst, n,
		source{storyFirst, 0.35}, source{storyPool, 0.45}, source{unsure, 0.2}, source{context, 0.05})

	closing := c.pools.friendPlan
	if kind == data.KindShame {
		closing = c.pools.friendKind
	}
	friend = c.field(sit.parts["friend"], extra(0.4, 5, 3, 5),
		source{sit.parts["friend"], 0.4}, source{c.pools.friend, 0.35}, source{closing, 0.25})
	if r.Float64() < 0.06 {
		if p := c.choose(c.pools.afterword); p != nil {
			friend += " " + p.text(c.sc)
		}
	}
	return trigger, story, friend
}

// field writes one answer: a first sentence from first, then up to n
// more from the sources. Long answers are broken into paragraphs.
func (c *composer) field(first []*phrase, n int, sources ...source) string {
	var b strings.Builder
	r := c.sc.r
	count, sinceBreak := 0, 0
	put := func(p *phrase) {
		if count > 0 {
			if sinceBreak >= 3 && n >= 4 && r.IntN(3) == 0 {
				b.WriteString("\n\n")
				sinceBreak = 0
			} else {
				b.WriteByte(' ')
			}
		}
		p.write(&b, c.sc)
		count++
		sinceBreak++
	}
	if p := c.choose(first); p != nil {
		put(p)
		// What follows this very sentence comes first, when it does.
		for _, f := range p.follow {
			if n > 0 && r.IntN(100) < 55 && !c.isUsed(f) && c.sc.has(f) {
				c.used = append(c.used, f)
				put(f)
				n--
			}
		}
	}
	total := 0.0
	for _, s := range sources {
		if len(s.list) > 0 {
			total += s.weight
		}
	}
	for range n {
		x := r.Float64() * total
		var list []*phrase
		for _, s := range sources {
			if len(s.list) == 0 {
				continue
			}
			if x -= s.weight; x < 0 {
				list = s.list
				break
			}
		}
		if p := c.choose(list); p != nil {
			put(p)
		}
	}
	return b.String()
}

// choose picks a phrase from list that the scene can bind and the entry
// has not used yet, or nil after a few tries.
func (c *composer) choose(list []*phrase) *phrase {
	if len(list) == 0 {
		return nil
	}
	r := c.sc.r
	for range 8 {
		p := list[r.IntN(len(list))]
		if c.isUsed(p) || !c.sc.has(p) {
			continue
		}
		c.used = append(c.used, p)
		return p
	}
	return nil
}

func (c *composer) isUsed(p *phrase) bool {
	for _, u := range c.used {
		if u == p {
			return true
		}
	}
	return false
}

// tags are the situation's likely tags, each by its chance, now and then
// with one more of the built-in ones.
func (c *composer) tags(sit *situation, builtins []string) []data.Tag {
	r := c.sc.r
	var out []data.Tag
	add := func(name string) {
		for _, t := range out {
			if t.Name == name {
				return
			}
		}
		out = append(out, data.Tag{Name: name})
	}
	for _, t := range sit.tags {
		if r.Float64() < t.chance {
			add(t.name)
		}
	}
	if len(builtins) > 0 && r.Float64() < 0.08 {
		add(pick(r, builtins))
	}
	return out
}

// geometric counts successes before the first failure, where each try
// stops with probability p, up to most.
func geometric(r *rand.Rand, p float64, most int) int {
	n := 0
	for n < most && r.Float64() >= p {
		n++
	}
	return n
}
