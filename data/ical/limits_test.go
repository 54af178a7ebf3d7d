package ical

import (
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
)

// endlessEvents is a calendar that goes on for size bytes without ever
// being held in memory whole.
type endlessEvents struct {
	left int
	buf  strings.Reader
}

const oneEvent = "BEGIN:VEVENT\r\nUID:assembly@school\r\nDTSTART:20260301T090000Z\r\nDTEND:20260301T100000Z\r\nSUMMARY:Class assembly\r\nEND:VEVENT\r\n"

func (e *endlessEvents) Read(p []byte) (int, error) {
	if e.left <= 0 {
		return 0, io.EOF
	}
	if e.buf.Len() == 0 {
		e.buf.Reset(oneEvent)
	}
	n, _ := e.buf.Read(p[:min(len(p), e.left)])
	e.left -= n
	return n, nil
}

// TestAFiftyMegabyteCalendarIsRefusedQuickly imports a 50 MB calendar: a
// clear message at once, nothing imported, and memory no more than the
// limit's worth.
func TestAFiftyMegabyteCalendarIsRefusedQuickly(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	r := io.MultiReader(strings.NewReader("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), &endlessEvents{left: 50 << 20})
	_, err := Import(s, r, "everything.ics", data.TierNonNegotiable)
	took := time.Since(start)
	runtime.ReadMemStats(&after)

	var ie *Error
	if !errors.As(err, &ie) || !strings.Contains(ie.Error(), "larger than 16 MB") {
		t.Fatalf("a 50 MB calendar gave %v", err)
	}
	if took > 5*time.Second {
		t.Errorf("refusing it took %v", took)
	}
	if alloc := (after.TotalAlloc - before.TotalAlloc) >> 20; alloc > 4*MaxSize>>20 {
		t.Errorf("refusing it allocated %d MB", alloc)
	}
	n := countCommitments(t, s)
	if n != 0 {
		t.Errorf("%d commitments imported from a refused file", n)
	}
}
