package dates

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Error is a date that could not be read, with what to write instead.
type Error struct {
	Input  string
	Reason string
}

func (e *Error) Error() string { return e.Reason }

// Parse reads a date as a person types it: what Date, Short or Long show
// ("Sun 6 Dec 2026", "Dec 6", "6 December"), the numeric form in the
// locale's order ("6/12/2026", "6.12.26", "12/6" in the United States), ISO
// ("2026-12-06"), and "today", "tomorrow" and "yesterday". A weekday is
// ignored (it is there to read, and a changed day number leaves it stale);
// a missing year is ref's. The result is local midnight of that day.
func Parse(s string, ref time.Time) (time.Time, error) {
	in := strings.TrimSpace(s)
	if in == "" {
		return time.Time{}, &Error{s, "Write a date, like " + Example(ref) + "."}
	}
	ref = ref.Local()
	base := time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.Local)
	switch strings.ToLower(in) {
	case "today":
		return base, nil
	case "tomorrow":
		return base.AddDate(0, 0, 1), nil
	case "yesterday":
		return base.AddDate(0, 0, -1), nil
	}
	var words, nums []string
	for _, f := range strings.FieldsFunc(strings.ToLower(in), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",/.-", r)
	}) {
		f = ordinal(f)
		if isDigits(f) {
			nums = append(nums, f)
		} else if !isWeekday(f) {
			words = append(words, f)
		}
	}
	bad := &Error{s, fmt.Sprintf("“%s” doesn't read as a date. Write it like %s.", in, Example(ref))}
	var y, m, d int
	var ok bool
	switch {
	case len(words) == 1:
		y, m, d, ok = withMonthName(words[0], nums, ref.Year())
	case len(words) == 0:
		y, m, d, ok = numeric(nums, ref.Year())
	}
	if !ok {
		return time.Time{}, bad
	}
	if y < 1900 || y > 2200 {
		return time.Time{}, &Error{s, fmt.Sprintf("%d is too far away: write a year between 1900 and 2200.", y)}
	}
	if m < 1 || m > 12 {
		return time.Time{}, &Error{s, fmt.Sprintf("There is no month %d: write a date like %s.", m, Example(ref))}
	}
	if last := daysIn(y, time.Month(m)); d < 1 || d > last {
		return time.Time{}, &Error{s, fmt.Sprintf("%s %d has %d days.", time.Month(m), y, last)}
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.Local), nil
}

// withMonthName reads a day and an optional year beside a month's name.
func withMonthName(word string, nums []string, year int) (y, m, d int, ok bool) {
	if m = monthNamed(word); m == 0 || len(nums) == 0 || len(nums) > 2 {
		return 0, 0, 0, false
	}
	y = year
	day := nums[0]
	if len(nums) == 2 {
		// "6 Dec 2026", "Dec 6, 2026" or "2026 Dec 6".
		yearAt := 1
		if len(nums[0]) == 4 {
			yearAt, day = 0, nums[1]
		}
		if len(nums[yearAt]) == 3 || len(nums[yearAt]) > 4 {
			return 0, 0, 0, false
		}
		y = fullYear(nums[yearAt])
	}
	if len(day) > 2 {
		return 0, 0, 0, false
	}
	d, _ = strconv.Atoi(day)
	return y, m, d, true
}

// numeric reads "6/12/2026", "2026-12-06" or "6/12" in the style's order.
func numeric(nums []string, year int) (y, m, d int, ok bool) {
	n := make([]int, len(nums))
	for i, s := range nums {
		n[i], _ = strconv.Atoi(s)
	}
	order := Current().Order
	switch len(nums) {
	case 3:
		switch {
		case len(nums[0]) == 4:
			return n[0], n[1], n[2], true
		case len(nums[2]) > 2 && order == YearMonthDay:
			order = DayMonthYear // 6/12/2026 where ISO is usual
		case order == YearMonthDay:
			return fullYear(nums[0]), n[1], n[2], true
		}
		if len(nums[2]) > 4 {
			return 0, 0, 0, false
		}
		if order == MonthDayYear {
			return fullYear(nums[2]), n[0], n[1], true
		}
		return fullYear(nums[2]), n[1], n[0], true
	case 2:
		if len(nums[0]) > 2 || len(nums[1]) > 2 {
			return 0, 0, 0, false
		}
		if order == DayMonthYear {
			return year, n[1], n[0], true
		}
		return year, n[0], n[1], true
	}
	return 0, 0, 0, false
}

// fullYear reads a year, two digits meaning this century.
func fullYear(s string) int {
	y, _ := strconv.Atoi(s)
	if len(s) <= 2 {
		y += 2000
	}
	return y
}

func monthNamed(w string) int {
	w = strings.TrimSuffix(w, ".")
	if len(w) < 3 {
		return 0
	}
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		if strings.HasPrefix(name, w) || w == "sept" && m == time.September {
			return int(m)
		}
	}
	return 0
}

func isWeekday(w string) bool {
	if len(w) < 2 {
		return false
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		name := strings.ToLower(d.String())
		if strings.HasPrefix(name, w) && len(w) >= 3 || w == name[:2] {
			return true
		}
	}
	return false
}

// ordinal drops the suffix of "6th", "1st", "22nd", "3rd".
func ordinal(w string) string {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if rest, ok := strings.CutSuffix(w, suf); ok && rest != "" && isDigits(rest) {
			return rest
		}
	}
	return w
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
