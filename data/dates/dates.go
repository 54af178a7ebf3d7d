// Package dates writes and reads calendar dates the one way the app does,
// in the order the person's locale puts day, month and year, and says on
// which day their week starts. Every screen, message and field goes through
// it, so a date looks the same in the journal, the agenda and a form, and a
// field reads back whatever it shows. It imports no UI code: the store's
// messages use it too.
//
// The app's words are English, so month and day names are English; what
// the locale decides is the order (6 Dec 2026, Dec 6, 2026, or 2026-12-06),
// the numeric form a person may type (6/12/2026, 12/6/2026, 6.12.2026) and
// the first day of the week.
package dates

import (
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/text/language"
)

// Order is the order a locale writes a date's parts in.
type Order int

const (
	DayMonthYear Order = iota // 6 Dec 2026 (most of the world)
	MonthDayYear              // Dec 6, 2026 (the United States)
	YearMonthDay              // 2026-12-06 (East Asia, Sweden, Hungary…)
)

// Style is how dates are written and read, and the first day of the week.
type Style struct {
	Order     Order
	WeekStart time.Weekday
	// Sep is the separator of the numeric form a locale types: "/", "." or "-".
	Sep string
}

var current atomic.Pointer[Style]

func init() { Use(Style{Order: DayMonthYear, WeekStart: time.Monday, Sep: "/"}) }

// Use makes s the style every function of the package writes and reads in.
// The window sets it once at start from the locale and the preferences,
// and again when the person changes the first day of the week.
func Use(s Style) {
	if s.Sep == "" {
		s.Sep = "/"
	}
	current.Store(&s)
}

// Current is the style in use.
func Current() Style { return *current.Load() }

// WeekStart is the first day of the week in the style in use.
func WeekStart() time.Weekday { return Current().WeekStart }

// ForLocale is the style of a locale as the system names it: "en_GB.UTF-8",
// "en-US", "de_DE@euro", "sv". A locale without a region takes the one its
// language most likely means ("en" is the United States, "de" Germany); an
// empty or unreadable one is English as most of the world writes it.
func ForLocale(locale string) Style {
	name, _, _ := strings.Cut(locale, ".")
	name, _, _ = strings.Cut(name, "@")
	name = strings.ReplaceAll(name, "_", "-")
	region := ""
	if tag, err := language.Parse(name); err == nil && name != "" && name != "C" && name != "POSIX" {
		if r, conf := tag.Region(); conf != language.No {
			region = r.String()
		}
	}
	return ForRegion(region)
}

// ForRegion is the style of a region, an ISO 3166 code ("GB", "US"); an
// empty or unknown one writes day, month, year and starts on Monday.
func ForRegion(region string) Style {
	region = strings.ToUpper(region)
	s := Style{Order: DayMonthYear, WeekStart: time.Monday, Sep: "/"}
	switch {
	case inList(region, monthFirst):
		s.Order = MonthDayYear
	case inList(region, yearFirst):
		s.Order, s.Sep = YearMonthDay, "-"
	}
	if inList(region, dotted) {
		s.Sep = "."
	}
	switch {
	case inList(region, sundayFirst):
		s.WeekStart = time.Sunday
	case inList(region, saturdayFirst):
		s.WeekStart = time.Saturday
	}
	return s
}

// Regions by how they write dates and start weeks, after the Unicode
// CLDR's supplemental data (firstDay, and the short date patterns).
const (
	monthFirst    = "US PH PR GU AS VI UM MP FM MH PW CA"
	yearFirst     = "CN JP KR KP TW HU LT MN SE IR"
	dotted        = "DE AT CH LI CZ SK PL RU UA BY FI NO DK IS EE LV RO BG TR HR SI RS ME MK AZ KZ"
	sundayFirst   = "AG AS BD BR BS BT BW BZ CA CN CO DM DO ET GT GU HK HN ID IL IN JM JP KE KH KR LA MH MM MO MT MX MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW"
	saturdayFirst = "AE AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY"
)

func inList(region, list string) bool {
	if region == "" {
		return false
	}
	for _, r := range strings.Fields(list) {
		if r == region {
			return true
		}
	}
	return false
}
