package data

import (
	"testing"
	"time"
)

func TestRepeatRoundTrip(t *testing.T) {
	t.Parallel()
	start := time.Date(2026, 3, 3, 18, 0, 0, 0, time.UTC) // a Tuesday
	cases := []struct {
		r     Repeat
		rule  string
		words string
	}{
		{Repeat{}, "", "Once"},
		{Repeat{Freq: "DAILY"}, "FREQ=DAILY", "Every day"},
		{Repeat{Freq: "WEEKLY"}, "FREQ=WEEKLY", "Every Tuesday"},
		{Repeat{Freq: "WEEKLY", Days: []time.Weekday{time.Sunday, time.Monday, time.Thursday}}, "FREQ=WEEKLY;BYDAY=MO,TH,SU", "Every week on Monday, Thursday and Sunday"},
		{Repeat{Freq: "MONTHLY", Count: 6}, "FREQ=MONTHLY;COUNT=6", "Every month on the 3rd, 6 times"},
		{Repeat{Freq: "YEARLY", Until: date(2030, 3, 3)}, "FREQ=YEARLY;UNTIL=20300303", "Every year on 3 March, until 3 Mar 2030"},
	}
	for _, tc := range cases {
		if got := tc.r.Rule(); got != tc.rule {
			t.Errorf("%+v: rule %q, want %q", tc.r, got, tc.rule)
		}
		back, ok := ParseRepeat(tc.rule)
		if !ok || back.Rule() != tc.rule {
			t.Errorf("%q parses back as %+v %v", tc.rule, back, ok)
		}
		if got := DescribeRule(tc.rule, start); got != tc.words {
			t.Errorf("%q: %q, want %q", tc.rule, got, tc.words)
		}
		if tc.rule != "" {
			if _, err := parseRule(tc.rule, time.UTC, false); err != nil {
				t.Errorf("%q doesn't parse as a rule: %v", tc.rule, err)
			}
		}
	}
	for _, beyond := range []string{"FREQ=WEEKLY;INTERVAL=2", "FREQ=MONTHLY;BYDAY=2TU", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "FREQ=HOURLY"} {
		if _, ok := ParseRepeat(beyond); ok {
			t.Errorf("%q read as simple", beyond)
		}
		if got := DescribeRule(beyond, start); got != "Repeats: "+beyond {
			t.Errorf("%q described as %q", beyond, got)
		}
	}
	if ordinal(11) != "11th" || ordinal(22) != "22nd" || ordinal(31) != "31st" {
		t.Error("ordinals")
	}
}
