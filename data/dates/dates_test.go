package dates

import (
	"strings"
	"testing"
	"time"
)

// with runs f in style s, the clock at ref, and puts both back after.
func with(t *testing.T, s Style, ref time.Time, f func()) {
	t.Helper()
	old, oldNow := Current(), now
	Use(s)
	now = func() time.Time { return ref }
	defer func() { Use(old); now = oldNow }()
	f()
}

var (
	ref  = time.Date(2026, 11, 20, 15, 0, 0, 0, time.Local)
	sun6 = time.Date(2026, 12, 6, 18, 30, 0, 0, time.Local)
)

func TestForLocale(t *testing.T) {
	for _, c := range []struct {
		locale string
		order  Order
		start  time.Weekday
		sep    string
	}{
		{"en_GB.UTF-8", DayMonthYear, time.Monday, "/"},
		{"en-US", MonthDayYear, time.Sunday, "/"},
		{"en_US.UTF-8", MonthDayYear, time.Sunday, "/"},
		{"en", MonthDayYear, time.Sunday, "/"}, // English alone means the US
		{"de_DE@euro", DayMonthYear, time.Monday, "."},
		{"sv_SE.UTF-8", YearMonthDay, time.Monday, "-"},
		{"ja_JP", YearMonthDay, time.Sunday, "-"},
		{"fr_FR", DayMonthYear, time.Monday, "/"},
		{"ar_EG", DayMonthYear, time.Saturday, "/"},
		{"pt_BR", DayMonthYear, time.Sunday, "/"},
		{"C.UTF-8", DayMonthYear, time.Monday, "/"},
		{"", DayMonthYear, time.Monday, "/"},
		{"not a locale!", DayMonthYear, time.Monday, "/"},
	} {
		got := ForLocale(c.locale)
		if got.Order != c.order || got.WeekStart != c.start || got.Sep != c.sep {
			t.Errorf("ForLocale(%q) = %+v, want order %d, week from %s, sep %q", c.locale, got, c.order, c.start, c.sep)
		}
	}
}

func TestFormsFollowTheLocale(t *testing.T) {
	next := time.Date(2027, 1, 4, 9, 0, 0, 0, time.Local)
	for _, c := range []struct {
		region                         string
		date, short, long, numeric, at string
		nextShort                      string
	}{
		{"GB", "Sun 6 Dec 2026", "Sun 6 Dec", "Sunday 6 December", "06/12/2026", "Sun 6 Dec, 18:30", "Mon 4 Jan 2027"},
		{"US", "Sun, Dec 6, 2026", "Sun, Dec 6", "Sunday, December 6", "12/06/2026", "Sun, Dec 6, 18:30", "Mon, Jan 4, 2027"},
		{"DE", "Sun 6 Dec 2026", "Sun 6 Dec", "Sunday 6 December", "06.12.2026", "Sun 6 Dec, 18:30", "Mon 4 Jan 2027"},
		{"SE", "Sun 2026-12-06", "Sun 2026-12-06", "Sunday 2026-12-06", "2026-12-06", "Sun 2026-12-06, 18:30", "Mon 2027-01-04"},
	} {
		with(t, ForRegion(c.region), ref, func() {
			for _, got := range []struct{ name, got, want string }{
				{"Date", Date(sun6), c.date},
				{"Short", Short(sun6), c.short},
				{"Long", Long(sun6), c.long},
				{"Numeric", Numeric(sun6), c.numeric},
				{"At", At(sun6), c.at},
				{"Short next year", Short(next), c.nextShort},
			} {
				if got.got != got.want {
					t.Errorf("%s: %s = %q, want %q", c.region, got.name, got.got, got.want)
				}
			}
		})
	}
}

// Every form a date is shown in reads back as the same day, in every
// order: a field never refuses what it showed.
func TestParseReadsWhatIsShown(t *testing.T) {
	day := time.Date(2026, 12, 6, 0, 0, 0, 0, time.Local)
	for _, region := range []string{"GB", "US", "DE", "SE", "JP", "EG"} {
		with(t, ForRegion(region), ref, func() {
			for _, shown := range []string{Date(sun6), Short(sun6), Long(sun6), Numeric(sun6), WithYear(sun6), "2026-12-06"} {
				got, err := Parse(shown, ref)
				if err != nil || !got.Equal(day) {
					t.Errorf("%s: Parse(%q) = %v, %v; want %v", region, shown, got, err, day)
				}
			}
		})
	}
}

func TestParseTypedForms(t *testing.T) {
	for _, c := range []struct {
		region, in string
		want       string // ISO, or "" for an error
	}{
		{"GB", "6/12/2026", "2026-12-06"},
		{"GB", "6/12", "2026-12-06"},
		{"GB", "6.12.26", "2026-12-06"},
		{"GB", "6 december", "2026-12-06"},
		{"GB", "December 6th", "2026-12-06"},
		{"GB", "  6 Dec  ", "2026-12-06"},
		{"GB", "Mon 6 Dec 2026", "2026-12-06"}, // a stale weekday is no reason to refuse
		{"GB", "2027 Jan 4", "2027-01-04"},
		{"GB", "sept 3", "2026-09-03"},
		{"US", "12/6/2026", "2026-12-06"},
		{"US", "12/6", "2026-12-06"},
		{"US", "Dec 6, 2026", "2026-12-06"},
		{"SE", "2026-12-06", "2026-12-06"},
		{"SE", "12-06", "2026-12-06"},
		{"SE", "6/12/2026", "2026-12-06"},
		{"GB", "today", "2026-11-20"},
		{"GB", "Tomorrow", "2026-11-21"},
		{"GB", "yesterday", "2026-11-19"},
		{"GB", "31/2/2026", ""},
		{"GB", "13/13/2026", ""},
		{"GB", "soon", ""},
		{"GB", "6 Dec 12345", ""},
		{"GB", "1/2/3/4", ""},
		{"GB", "Dec", ""},
		{"GB", "6 Dec Jan", ""},
		{"GB", "", ""},
		{"GB", "6/12/1800", ""},
	} {
		with(t, ForRegion(c.region), ref, func() {
			got, err := Parse(c.in, ref)
			if c.want == "" {
				if err == nil {
					t.Errorf("%s: Parse(%q) = %v, want an error", c.region, c.in, got)
				} else if msg := err.Error(); msg == "" || strings.HasPrefix(msg, "parsing") {
					t.Errorf("%s: Parse(%q) says %q, not a message for a person", c.region, c.in, msg)
				}
				return
			}
			if err != nil || got.Format("2006-01-02") != c.want || got.Hour() != 0 {
				t.Errorf("%s: Parse(%q) = %v, %v; want %s", c.region, c.in, got, err, c.want)
			}
		})
	}
}

func TestParseMessagesSayWhatToWrite(t *testing.T) {
	with(t, ForRegion("GB"), ref, func() {
		_, err := Parse("31/2/2026", ref)
		if err == nil || err.Error() != "February 2026 has 28 days." {
			t.Errorf("31/2/2026: %v", err)
		}
		_, err = Parse("soon", ref)
		if err == nil || !strings.Contains(err.Error(), "20 Nov 2026 or 20/11/2026") {
			t.Errorf("soon: %v", err)
		}
	})
	with(t, ForRegion("US"), ref, func() {
		if _, err := Parse("soon", ref); err == nil || !strings.Contains(err.Error(), "Nov 20, 2026 or 11/20/2026") {
			t.Errorf("soon (US): %v", err)
		}
	})
}

func TestWeekdaysAndWeekOf(t *testing.T) {
	with(t, Style{WeekStart: time.Sunday}, ref, func() {
		if got := Weekdays(); got[0] != time.Sunday || got[6] != time.Saturday {
			t.Errorf("Sunday weeks: %v", got)
		}
		if got := WeekOf(sun6); got.Day() != 6 {
			t.Errorf("week of Sun 6 Dec from Sunday: %v", got)
		}
	})
	with(t, Style{WeekStart: time.Monday}, ref, func() {
		if got := Weekdays(); got[0] != time.Monday || got[6] != time.Sunday {
			t.Errorf("Monday weeks: %v", got)
		}
		if got := WeekOf(sun6); got.Day() != 30 || got.Month() != time.November || got.Hour() != 0 {
			t.Errorf("week of Sun 6 Dec from Monday: %v", got)
		}
	})
}

func TestRoundUpFollowsTheLocalClock(t *testing.T) {
	for _, name := range []string{"UTC", "Asia/Kathmandu", "Pacific/Chatham", "Asia/Kolkata", "America/St_Johns"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			h, m, s      int
			step         time.Duration
			wantH, wantM int
		}{
			{15, 3, 0, 30 * time.Minute, 15, 30},
			{15, 30, 0, 30 * time.Minute, 15, 30},
			{15, 30, 1, 30 * time.Minute, 16, 0},
			{23, 50, 0, 15 * time.Minute, 0, 0},
		} {
			got := RoundUp(time.Date(2026, 3, 6, tc.h, tc.m, tc.s, 0, loc), tc.step)
			if got.Hour() != tc.wantH || got.Minute() != tc.wantM || got.Second() != 0 {
				t.Errorf("%s: %02d:%02d:%02d up to %v = %s, want %02d:%02d", name, tc.h, tc.m, tc.s, tc.step, got.Format("15:04:05"), tc.wantH, tc.wantM)
			}
		}
	}
}
