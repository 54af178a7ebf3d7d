package repeat

import (
	"testing"
	"time"
)

func TestRepeatRoundTrip(t *testing.T) {
	t.Parallel()
	start := time.Date(2026, 3, 3, 18, 0, 0, 0, time.UTC) // a Tuesday
	cases := []struct {
		r     Simple
		rule  string
		words string
	}{
		{Simple{}, "", "Once"},
		{Simple{Freq: "DAILY"}, "FREQ=DAILY", "Every day"},
		{Simple{Freq: "WEEKLY"}, "FREQ=WEEKLY", "Every Tuesday"},
		{Simple{Freq: "WEEKLY", Days: []time.Weekday{time.Sunday, time.Monday, time.Thursday}}, "FREQ=WEEKLY;BYDAY=MO,TH,SU", "Every week on Monday, Thursday and Sunday"},
		{Simple{Freq: "MONTHLY", Count: 6}, "FREQ=MONTHLY;COUNT=6", "Every month on the 3rd, 6 times"},
		{Simple{Freq: "YEARLY", Until: time.Date(2030, 3, 3, 0, 0, 0, 0, time.UTC)}, "FREQ=YEARLY;UNTIL=20300303", "Every year on 3 March, until 3 Mar 2030"},
	}
	for _, tc := range cases {
		if got := tc.r.Rule(); got != tc.rule {
			t.Errorf("%+v: rule %q, want %q", tc.r, got, tc.rule)
		}
		back, ok := Parse(tc.rule)
		if !ok || back.Rule() != tc.rule {
			t.Errorf("%q parses back as %+v %v", tc.rule, back, ok)
		}
		if got := Describe(tc.rule, start); got != tc.words {
			t.Errorf("%q: %q, want %q", tc.rule, got, tc.words)
		}
	}
	for _, beyond := range []string{"FREQ=WEEKLY;INTERVAL=2", "FREQ=MONTHLY;BYDAY=2TU", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "FREQ=HOURLY"} {
		if _, ok := Parse(beyond); ok {
			t.Errorf("%q read as simple", beyond)
		}
		if got := Describe(beyond, start); got != "Repeats: "+beyond {
			t.Errorf("%q described as %q", beyond, got)
		}
	}
	if ordinal(11) != "11th" || ordinal(22) != "22nd" || ordinal(31) != "31st" {
		t.Error("ordinals")
	}
}
