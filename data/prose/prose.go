// Package prose writes the small pieces of English the app's messages are
// made of: counts with their noun ("2,345 entries"), lists ("a, b and c"),
// file sizes ("4.2 MB"), text clipped to fit a line, a sentence's first
// capital. The store, the
// transfer and calendar packages and the window all say things the same
// way because they say them through here. It imports no UI code.
package prose

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// english groups digits as the app's English messages do: 12,345.
var english = message.NewPrinter(language.English)

// Thousands writes n with its digits grouped in threes: "12,345".
func Thousands[N ~int | ~int64](n N) string { return english.Sprint(int64(n)) }

// Count writes n with the singular or plural noun: "1 entry", "2,345
// entries", "0 entries".
func Count[N ~int | ~int64](n N, one, many string) string {
	return Thousands(n) + " " + Plural(n, one, many)
}

// Plural is the noun for n of them, without the number: "entry" for 1,
// "entries" otherwise.
func Plural[N ~int | ~int64](n N, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Size writes a file size the way file managers do, in powers of 1000:
// "812 bytes", "812 KB", "4.2 MB", "1.5 GB". A size just below the next
// unit rounds up into it ("1 MB", not "1000 KB").
func Size(n int64) string {
	switch {
	case n < 1000:
		return Count(n, "byte", "bytes")
	case n < 999_500:
		return fmt.Sprintf("%d KB", (n+500)/1000)
	case n < 999_950_000:
		return oneDecimal(float64(n)/1e6) + " MB"
	}
	return oneDecimal(float64(n)/1e9) + " GB"
}

// oneDecimal writes x with one decimal, none when it is 0: "4.2", "4".
func oneDecimal(x float64) string {
	return strings.TrimSuffix(english.Sprintf("%.1f", x), ".0")
}

// List joins items as a sentence lists them: "a", "a and b", "a, b and c".
func List(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// Clip shortens s to at most n characters (runes), ending it with "…" when
// something was cut; spaces before the ellipsis go, so it follows the last
// word. It is for labels, menus and messages: what the person wrote is
// never stored clipped.
func Clip(s string, n int) string {
	if n < 1 || utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRightFunc(string(r[:n-1]), unicode.IsSpace) + "…"
}

// Capitalise puts the first letter of s in upper case, as a sentence
// starts: "the file ends" becomes "The file ends".
func Capitalise(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
