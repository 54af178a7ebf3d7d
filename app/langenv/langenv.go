// Package langenv makes the language settings of the process ones Fyne can
// read, before Fyne reads them. Fyne takes the language from LANGUAGE,
// LC_ALL, LC_MESSAGES and LANG as go-locale reads them; a C locale with an
// encoding (LANG=C.UTF-8, the default of many minimal systems and
// containers) or a modifier (en_GB@euro) is not a language tag, and Fyne
// prints three lines of "Fyne error: Error parsing user locale" on every
// start, of the window and of each command alike. Imported for its side
// effect by main, this package runs first (Go initialises packages in
// import path order where dependencies allow, and it depends on the
// standard library alone) and, when a setting can't be read, points
// LANGUAGE at the readable ones, or at English: the app's own language.
package langenv

import (
	"os"
	"strings"
)

func init() {
	if v, ok := Fix(os.Getenv); ok {
		os.Setenv("LANGUAGE", v)
	}
}

// Fix returns the LANGUAGE value that makes the settings read by getenv
// readable, and whether one is needed.
func Fix(getenv func(string) string) (string, bool) {
	var locale string
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if locale = getenv(name); locale != "" {
			break
		}
	}
	if locale == "" || locale == "C" || locale == "POSIX" {
		return "", false // read as no preference: English
	}
	list := locale
	if languages := getenv("LANGUAGE"); languages != "" {
		list = languages
	}
	var good []string
	bad := false
	for _, l := range strings.Split(list, ":") {
		asIs, _, _ := strings.Cut(l, ".")
		if _, ok := readable(asIs); !ok {
			bad = true
		}
		// Without its modifier (@euro) it may still name a language.
		clean, _, _ := strings.Cut(l, "@")
		clean, _, _ = strings.Cut(clean, ".")
		if tag, ok := readable(clean); ok {
			good = append(good, tag)
		}
	}
	if !bad {
		return "", false
	}
	if len(good) == 0 {
		return "en", true
	}
	return strings.Join(good, ":"), true
}

// readable reports whether l, without its encoding, reads as a language
// tag, and returns it as LANGUAGE writes it.
func readable(l string) (string, bool) {
	lang, region, _ := strings.Cut(strings.ReplaceAll(l, "-", "_"), "_")
	if !letters(lang, 2, 3) {
		return "", false
	}
	if region != "" && !letters(region, 2, 2) && !digits(region, 3) {
		return "", false
	}
	if region == "" {
		return lang, true
	}
	return lang + "_" + region, true
}

func letters(s string, lo, hi int) bool {
	if len(s) < lo || len(s) > hi {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') {
			return false
		}
	}
	return true
}

func digits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
