package ui

import (
	"testing"
	"time"
)

func TestParseClock(t *testing.T) {
	good := map[string][2]int{
		"18:00": {18, 0}, "9:30": {9, 30}, "930": {9, 30}, "1815": {18, 15}, "18": {18, 0},
		"6pm": {18, 0}, "6.30 pm": {18, 30}, "12am": {0, 0}, "12:15pm": {12, 15}, " 07:05 ": {7, 5},
	}
	for in, want := range good {
		h, m, err := ParseClock(in)
		if err != nil || h != want[0] || m != want[1] {
			t.Errorf("%q: %d:%d %v, want %v", in, h, m, err, want)
		}
	}
	for _, bad := range []string{"", "25:00", "18:60", "13pm", "noon", "-1:00", "0am"} {
		if _, _, err := ParseClock(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestDayHeading(t *testing.T) {
	today := time.Date(2026, 11, 25, 15, 0, 0, 0, time.Local)
	cases := map[time.Time]string{
		time.Date(2026, 11, 25, 0, 0, 0, 0, time.Local): "Today · Wednesday 25 November",
		time.Date(2026, 11, 26, 0, 0, 0, 0, time.Local): "Tomorrow · Thursday 26 November",
		time.Date(2026, 11, 24, 0, 0, 0, 0, time.Local): "Yesterday · Tuesday 24 November",
		time.Date(2026, 12, 1, 0, 0, 0, 0, time.Local):  "Tuesday 1 December",
		time.Date(2027, 1, 5, 0, 0, 0, 0, time.Local):   "Tuesday 5 January 2027",
	}
	for d, want := range cases {
		if got := DayHeading(d, today); got != want {
			t.Errorf("%v: %q, want %q", d, got, want)
		}
	}
}
