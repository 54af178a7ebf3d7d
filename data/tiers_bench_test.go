package data_test

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/ical"
	"github.com/bothand/bothand/data/internal/synthetic"
)

// The Tiers benchmarks build their own journal of commitments (most of
// them repeating, some for years already) rather than the shared demo one,
// so the figures speak of 1,000 commitments exactly.
//
//	go test ./data -run '^$' -bench 'Tiers' -benchtime 2s

var benchNow = time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)

// benchCalendar writes an .ics of n events shaped like a busy family's:
// three quarters repeat (weekly on a few days, daily, monthly, yearly),
// started up to five years ago, some with an end; the rest are one-offs
// over two years; a tenth are all-day.
func benchCalendar(n int, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 7))
	zones := []string{"Europe/London", "America/New_York", "Australia/Sydney"}
	days := []string{"MO", "TU", "WE", "TH", "FR", "SA", "SU"}
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n")
	for i := range n {
		zone := zones[i%len(zones)]
		loc, _ := time.LoadLocation(zone)
		start := benchNow.AddDate(0, 0, -r.IntN(5*365)).In(loc)
		start = time.Date(start.Year(), start.Month(), start.Day(), 7+r.IntN(13), 15*r.IntN(4), 0, 0, loc)
		recurring := i%4 != 0
		if !recurring {
			start = start.AddDate(0, 0, r.IntN(2*365))
		}
		fmt.Fprintf(&b, "BEGIN:VEVENT\r\nUID:bench-%d@example.org\r\nSUMMARY:Commitment %d\r\n", i, i)
		if i%10 == 3 {
			fmt.Fprintf(&b, "DTSTART;VALUE=DATE:%s\r\nDTEND;VALUE=DATE:%s\r\n", start.Format("20060102"), start.AddDate(0, 0, 1).Format("20060102"))
		} else {
			end := start.Add(time.Duration(30+30*r.IntN(4)) * time.Minute)
			fmt.Fprintf(&b, "DTSTART;TZID=%s:%s\r\nDTEND;TZID=%s:%s\r\n", zone, start.Format("20060102T150405"), zone, end.Format("20060102T150405"))
		}
		if recurring {
			var rule string
			switch k := r.IntN(10); {
			case k < 5:
				picked := []string{days[r.IntN(7)]}
				if r.IntN(2) == 0 {
					picked = append(picked, days[(r.IntN(6)+1+indexOf(days, picked[0]))%7])
				}
				rule = "FREQ=WEEKLY;BYDAY=" + strings.Join(picked, ",")
			case k < 7:
				rule = "FREQ=DAILY"
			case k < 9:
				rule = "FREQ=MONTHLY"
			default:
				rule = "FREQ=YEARLY"
			}
			switch r.IntN(4) {
			case 0:
				rule += fmt.Sprintf(";COUNT=%d", 10+r.IntN(200))
			case 1:
				rule += ";UNTIL=" + start.AddDate(0, 6+r.IntN(48), 0).UTC().Format("20060102T150405Z")
			}
			fmt.Fprintf(&b, "RRULE:%s\r\n", rule)
		}
		b.WriteString("END:VEVENT\r\n")
	}
	b.WriteString("END:VCALENDAR\r\n")
	return b.String()
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return 0
}

func openTiersBench(b *testing.B, key ...[]byte) *data.Store {
	b.Helper()
	var k []byte
	if len(key) > 0 {
		k = key[0]
	}
	s, err := data.Open(filepath.Join(b.TempDir(), "bench.db"), data.Options{Now: func() time.Time { return benchNow }, Key: k})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func benchJournal(b *testing.B, key ...[]byte) *data.Store {
	b.Helper()
	s := openTiersBench(b, key...)
	res, err := ical.Import(s, strings.NewReader(benchCalendar(1000, 1)), "bench.ics", data.TierNonNegotiable)
	if err != nil || res.Added != 1000 {
		b.Fatalf("setup: %+v %v", res, err)
	}
	// Give them all three tiers, as a person would.
	list, _ := s.Commitments()
	for i, c := range list {
		if c.Tier = data.Tier(1 + i%3); c.Tier != data.TierNonNegotiable {
			if _, err := s.SaveCommitment(c); err != nil {
				b.Fatal(err)
			}
		}
	}
	return s
}

// BenchmarkTiersCheckWorkBlock checks a new two-hour work block (with a
// 30-minute buffer) placed anywhere in the coming year against every
// occurrence of the 1,000 commitments.
func BenchmarkTiersCheckWorkBlock(b *testing.B) { tiersModes(b, benchTiersCheckWorkBlock) }

// tiersModes runs bench on the 1,000-commitment journal, plain and
// encrypted.
func tiersModes(b *testing.B, bench func(b *testing.B, s *data.Store)) {
	for _, mode := range synthetic.Modes {
		b.Run(mode, func(b *testing.B) {
			var key []byte
			if mode == "encrypted" {
				key = synthetic.Key()
			}
			bench(b, benchJournal(b, key))
		})
	}
}

func benchTiersCheckWorkBlock(b *testing.B, s *data.Store) {
	r := rand.New(rand.NewPCG(2, 2))
	if _, err := s.CheckWorkBlock(data.WorkBlock{Title: "warm", StartsAt: benchNow, EndsAt: benchNow.Add(time.Hour)}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		start := benchNow.Add(time.Duration(r.IntN(365*24*4)) * 15 * time.Minute)
		if _, err := s.CheckWorkBlock(data.WorkBlock{
			Title: "Report", StartsAt: start, EndsAt: start.Add(2 * time.Hour), BufferMinutes: 30,
		}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTiersAgenda14 builds the 14-day agenda of the 1,000 commitments.
func BenchmarkTiersAgenda14(b *testing.B) { tiersModes(b, benchTiersAgenda14) }

func benchTiersAgenda14(b *testing.B, s *data.Store) {
	days, err := s.Agenda(benchNow, 14)
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, d := range days {
		n += len(d.Occurrences)
	}
	b.ReportMetric(float64(n), "occurrences")
	for b.Loop() {
		if _, err := s.Agenda(benchNow, 14); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTiersAgenda14Cold is the first agenda after opening the
// journal: reading and compiling the 1,000 commitments and expanding
// their year.
func BenchmarkTiersAgenda14Cold(b *testing.B) {
	s := benchJournal(b)
	path := s.Path()
	s.Close()
	for b.Loop() {
		b.StopTimer()
		s, err := data.Open(path, data.Options{Now: func() time.Time { return benchNow }})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := s.Agenda(benchNow, 14); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkTiersImport2000 imports a 2,000-event .ics into a new journal.
func BenchmarkTiersImport2000(b *testing.B) {
	file := benchCalendar(2000, 3)
	b.SetBytes(int64(len(file)))
	for b.Loop() {
		b.StopTimer()
		s := openTiersBench(b)
		b.StartTimer()
		res, err := ical.Import(s, strings.NewReader(file), "big.ics", data.TierHighPriority)
		if err != nil || res.Added != 2000 {
			b.Fatalf("%+v %v", res, err)
		}
	}
}
