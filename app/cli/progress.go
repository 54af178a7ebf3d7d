package cli

import (
	"fmt"
	"time"
)

// progressLine writes how far a long job has come on stderr, at most twice
// a second, on one line that it rewrites: a join, turning encryption on or
// off.
type progressLine struct {
	c     *command
	last  time.Time
	shown bool
}

// A job done within half a second shows nothing.
func newProgressLine(c *command) *progressLine { return &progressLine{c: c, last: time.Now()} }

// show says what is being done and how far, done of total; a total of 0
// says nothing yet.
func (p *progressLine) show(what string, done, total int64) {
	if time.Since(p.last) < 500*time.Millisecond || total == 0 {
		return
	}
	p.last, p.shown = time.Now(), true
	fmt.Fprintf(p.c.Stderr, "\r%s: %d%%   ", what, done*100/total)
}

// done ends the line, when one was written.
func (p *progressLine) done() {
	if p.shown {
		fmt.Fprintln(p.c.Stderr)
	}
}
