package demo

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/transfer"
)

// TestBankIsWellFormed checks the phrase bank itself: every phrase is one
// sentence (the test below splits answers into sentences), every situation
// can write all three answers, and nothing is written twice.
func TestBankIsWellFormed(t *testing.T) {
	b := loadBank()
	if n := len(b.situations); n < 20 || n > 64 {
		t.Errorf("%d situations", n)
	}
	inside := regexp.MustCompile(`[.?!]["”’)]?\s`)
	seen := map[string]bool{}
	for _, p := range allPhrases(b) {
		if inside.MatchString(p.src) {
			t.Errorf("more than one sentence: %q", p.src)
		}
		if seen[p.src] {
			t.Errorf("written twice: %q", p.src)
		}
		seen[p.src] = true
	}
	for _, p := range entryPhrases(b) {
		if !strings.ContainsAny(p.src[len(p.src)-1:], ".?!") {
			t.Errorf("not a whole sentence: %q", p.src)
		}
	}
	for _, s := range b.situations {
		for _, part := range []string{"trigger", "guilt", "shame", "friend"} {
			if len(s.parts[part]) == 0 {
				t.Errorf("situation %s has no %s", s.name, part)
			}
		}
		if s.weight <= 0 || s.ageMin > s.ageMax {
			t.Errorf("situation %s: weight %v, ages %d-%d", s.name, s.weight, s.ageMin, s.ageMax)
		}
	}
	for v := range numVars {
		for _, val := range varValues(b, v) {
			if strings.ContainsAny(val, ".?!{}[]") {
				t.Errorf("{%s}: %q would break a sentence", varNames[v], val)
			}
		}
	}
	t.Logf("%d situations, %d phrases, %d words", len(b.situations), len(allPhrases(b)), len(vocabulary(b)))
}

func TestBankRefusesMistakes(t *testing.T) {
	for name, text := range map[string]string{
		"unknown variable": "== pool p\nI saw {nobody}.\n",
		"unclosed choice":  "== pool p\nI [saw|met {child}.\n",
		"stray bracket":    "== pool p\nI saw] {child}.\n",
		"orphan follow-up": "== situation s\n-- trigger\n+ Then it rained.\n",
		"bad attribute":    "== situation s\ncolour: blue\n",
		"before a section": "A sentence.\n",
	} {
		fsys := fstest.MapFS{"bank/x.txt": {Data: []byte(text)}}
		if _, err := parseBank(fsys); err == nil {
			t.Errorf("%s: parsed without complaint", name)
		}
	}
}

// TestCacheKeyFollowsTheBank: a cached benchmark journal is made anew when
// a phrase changes, even if the generator version stays the same.
func TestCacheKeyFollowsTheBank(t *testing.T) {
	a := fstest.MapFS{"bank/x.txt": {Data: []byte("== pool p\nI was late.\n")}}
	b := fstest.MapFS{"bank/x.txt": {Data: []byte("== pool p\nI was early.\n")}}
	if bankHash(a) == bankHash(b) {
		t.Error("two banks, one cache key")
	}
	if first, again := bankHash(bankFiles), bankHash(bankFiles); first != again || first == bankHash(a) {
		t.Error("the bank's hash is not stable")
	}
}

// TestEveryTextComesFromTheBank generates a journal and reads back every
// text the demo wrote: each sentence of every answer must be one of the
// bank's phrases written out, and every other text one of the phrases of
// its kind; no word may come from outside the bank's vocabulary. Random
// words, a sentence cut in half or glued to another all fail here.
func TestEveryTextComesFromTheBank(t *testing.T) {
	now := time.Date(2026, 12, 6, 15, 0, 0, 0, time.UTC)
	recs := exportedDemo(t, now, Options{Entries: 2000, Seed: 1, Now: now})
	b := loadBank()
	vocab := vocabulary(b)
	for _, s := range append(routineTitles(), "INSET day (school closed)", "birthday") {
		for _, w := range tokens(s) {
			vocab[w] = true
		}
	}
	for _, r := range demoReframes {
		for _, w := range tokens(r.OldStory + " " + r.NewStory) {
			vocab[w] = true
		}
	}
	for _, s := range demoSlips {
		for _, w := range tokens(s) {
			vocab[w] = true
		}
	}
	checkWords := func(kind, field, text string) {
		t.Helper()
		for _, w := range tokens(text) {
			if !vocab[w] {
				t.Errorf("%s %s: %q is not a word of the bank, in %.80q", kind, field, w, text)
				return
			}
		}
	}

	entries := newMatcher(b, entryPhrases(b))
	sentencesChecked := 0
	for _, e := range recs["entries"] {
		for _, field := range []string{"trigger", "story", "friend"} {
			text := e[field].(string)
			checkWords("entry", field, text)
			for _, s := range sentences(text) {
				sentencesChecked++
				if !entries.matches(s) {
					t.Errorf("entry %s: %q is not a sentence of the bank", field, s)
				}
			}
		}
	}
	if sentencesChecked < 10_000 {
		t.Errorf("only %d sentences checked", sentencesChecked)
	}

	var titles, steps []*phrase
	for _, s := range b.situations {
		titles = append(titles, s.parts["title"]...)
		steps = append(steps, s.parts["step"]...)
	}
	steps = append(steps, b.pool("protocol-step")...)
	whole := func(kind, field string, m *matcher, optional bool) {
		t.Helper()
		n := 0
		for _, r := range recs[kind] {
			text, _ := r[field].(string)
			if text == "" && optional {
				continue
			}
			n++
			checkWords(kind, field, text)
			if !m.matches(text) {
				t.Errorf("%s %s: %q is not a phrase of the bank", kind, field, text)
			}
		}
		if n == 0 {
			t.Errorf("no %s with a %s to check", kind, field)
		}
	}
	whole("commitments", "notes", newMatcher(b, append(eventNotes(b), b.pool("commitment-note")...)), true)
	whole("occurrence_outcomes", "note", newMatcher(b, append(b.pool("outcome-missed"), b.pool("outcome-moved")...)), true)
	whole("work_blocks", "title", newMatcher(b, b.pool("work-title")), false)
	whole("work_blocks", "emergency_reason", newMatcher(b, b.pool("emergency")), true)
	whole("triages", "request", newMatcher(b, b.pool("triage-request")), false)
	whole("compassion_sessions", "acknowledge", newMatcher(b, b.pool("break-acknowledge")), false)
	whole("compassion_sessions", "normalise", newMatcher(b, b.pool("break-normalise")), true)
	whole("compassion_sessions", "kindness", newMatcher(b, b.pool("break-kindness")), true)

	// Plans started from entries are written from the situations; those
	// from the built-in templates carry the app's own steps.
	own := map[string]bool{}
	var fromEntries []map[string]any
	for _, p := range recs["protocols"] {
		if p["template_key"] == "" {
			own[p["uuid"].(string)] = true
			fromEntries = append(fromEntries, p)
		}
	}
	var ownSteps []map[string]any
	for _, st := range recs["protocol_steps"] {
		if own[st["protocol"].(string)] {
			ownSteps = append(ownSteps, st)
		}
	}
	recs["own_protocols"], recs["own_steps"] = fromEntries, ownSteps
	whole("own_protocols", "title", newMatcher(b, titles), false)
	whole("own_steps", "text", newMatcher(b, steps), false)

	for _, c := range recs["commitments"] {
		checkWords("commitment", "title", c["title"].(string))
		checkWords("commitment", "location", c["location"].(string))
	}
	for _, w := range recs["work_blocks"] {
		checkWords("work block", "client", w["client"].(string))
	}
}

// TestMatcherRefusesWordSalad shows the check above can fail: sentences
// made of the bank's own words, in the wrong order or cut short, are not
// phrases of the bank.
func TestMatcherRefusesWordSalad(t *testing.T) {
	b := loadBank()
	m := newMatcher(b, entryPhrases(b))
	good := "I'm back at work and Leo is only eight months old."
	if !m.matches(good) {
		t.Fatalf("a phrase of the bank is refused: %q", good)
	}
	for _, bad := range []string{
		"I'm back at work and Leo is only.",
		"I'm back work at and Leo is only eight months old.",
		"I'm back at work and Northwind Foods is only eight months old.",
		"I'm back at work and Leo is only eight months old. I keep thinking I should have said no.",
		"reunion averts never pool is ambles i is a digits.",
	} {
		if m.matches(bad) {
			t.Errorf("accepted %q", bad)
		}
	}
	if got := sentences("One. Two?\n\nThree! Four."); !slices.Equal(got, []string{"One.", "Two?", "Three!", "Four."}) {
		t.Errorf("sentences = %q", got)
	}
}

// exportedDemo fills a journal and returns its JSON export's records by
// kind, the way every text of it can be read back.
func exportedDemo(t *testing.T, now time.Time, opt Options) map[string][]map[string]any {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "demo.db"), data.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := Fill(s, opt); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := transfer.ExportJSON(context.Background(), s, &buf, transfer.ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Records map[string][]map[string]any `json:"records"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Records
}
