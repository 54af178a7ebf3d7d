// Package prose writes the small pieces of English the app's messages are
// made of: counts with their noun ("2,345 entries"), lists ("a, b and c"),
// text clipped to fit a line, a sentence's first capital. The store, the
// transfer and calendar packages and the window all say things the same
// way because they say them through here. It imports no UI code.
package prose

import (
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
