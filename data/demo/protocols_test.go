package demo

import (
	"math"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
)

func TestDemoProtocolsAndTriages(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	s, err := data.Open(filepath.Join(t.TempDir(), "demo.db"), data.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := Fill(s, Options{Entries: 200, Seed: 5, Now: now}); err != nil {
		t.Fatal(err)
	}
	list := must(s.Protocols())
	active, tied, fromEntries := 0, 0, 0
	titles := map[string]bool{}
	for _, p := range list {
		if p.Status == data.ProtocolActive {
			active++
		}
		if p.CommitmentID != nil {
			tied++
		}
		if p.EntryID != nil {
			fromEntries++
			e := must(s.Entry(*p.EntryID))
			if e.Kind != data.KindGuilt {
				t.Errorf("protocol %q comes from a %s entry", p.Title, e.Kind)
			}
		}
		if titles[p.Title] {
			t.Errorf("two protocols called %q", p.Title)
		}
		titles[p.Title] = true
	}
	if len(list) < 5 || active < 3 || tied < 1 || fromEntries < 2 {
		t.Errorf("%d protocols, %d active, %d tied, %d from entries", len(list), active, tied, fromEntries)
	}
	rec := must(s.TriageRecord())
	if rec.Total < 12 || rec.LookedBack != rec.Total-2 || rec.Real == 0 || rec.Real == rec.LookedBack {
		t.Errorf("record = %+v", rec)
	}
	if due := must(s.LookBacksDue(now)); len(due) != 2 {
		t.Errorf("%d look-backs due", len(due))
	}
	clashes := 0
	for _, tr := range must(s.Triages(100)) {
		if tr.Verdict == data.VerdictUrgentClash || tr.ReplyDraft != "" {
			clashes++
		}
	}
	if clashes == 0 {
		t.Error("no triage drafted a reply")
	}
}

// TestUrgentRequestsComeAtIrregularTimes: clients panic when they panic.
// The gaps between the year's "urgent" requests vary as a random process's
// do (quiet weeks, then two in a few days), the hours are spread over the
// day and the minutes are not on a grid, and the latest is recent enough
// that its look-back is due.
func TestUrgentRequestsComeAtIrregularTimes(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		now := time.Date(2026, 12, 6, 15, 0, 0, 0, time.UTC)
		s, err := data.Open(filepath.Join(t.TempDir(), "demo.db"), data.Options{Now: func() time.Time { return now }})
		if err != nil {
			t.Fatal(err)
		}
		if err := Fill(s, Options{Entries: 20, Seed: seed, Now: now}); err != nil {
			t.Fatal(err)
		}
		list := must(s.Triages(1000))
		s.Close()
		var asked []time.Time
		hours, days := map[int]bool{}, map[time.Weekday]bool{}
		offGrid := 0
		for _, tr := range list {
			at := tr.AskedAt.Local()
			asked = append(asked, at)
			hours[at.Hour()] = true
			days[at.Weekday()] = true
			if at.Minute()%15 != 0 {
				offGrid++
			}
			if at.Before(now.AddDate(-1, 0, -1)) || at.After(now) {
				t.Errorf("seed %d: a request at %v, outside the last year", seed, at)
			}
		}
		slices.SortFunc(asked, func(a, b time.Time) int { return a.Compare(b) })
		var gaps []float64
		for i := 1; i < len(asked); i++ {
			gaps = append(gaps, asked[i].Sub(asked[i-1]).Hours()/24)
		}
		if len(gaps) < 10 {
			t.Fatalf("seed %d: %d requests in a year", seed, len(asked))
		}
		m := 0.0
		for _, g := range gaps {
			m += g
		}
		m /= float64(len(gaps))
		v := 0.0
		for _, g := range gaps {
			v += (g - m) * (g - m)
		}
		cv := math.Sqrt(v/float64(len(gaps))) / m
		if cv < 0.6 || slices.Min(gaps) > 4 || slices.Max(gaps) < 20 {
			t.Errorf("seed %d: gaps %.1f days (variation %.2f): too regular", seed, gaps, cv)
		}
		if len(hours) < 6 || len(days) < 4 || offGrid < len(asked)/2 {
			t.Errorf("seed %d: %d hours, %d weekdays, %d of %d off the quarter hours", seed, len(hours), len(days), offGrid, len(asked))
		}
		if latest := now.Sub(asked[len(asked)-1]); latest < 25*time.Hour || latest > 7*24*time.Hour {
			t.Errorf("seed %d: the latest request was %v ago", seed, latest)
		}
	}
}
