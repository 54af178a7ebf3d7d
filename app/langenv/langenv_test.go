package langenv

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// goLocale reads the settings as Fyne's go-locale does on Linux.
func goLocale(getenv func(string) string) []string {
	var locale string
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if locale = getenv(name); locale != "" {
			break
		}
	}
	if locale == "C" || locale == "POSIX" || locale == "" {
		return nil
	}
	if l := getenv("LANGUAGE"); l != "" {
		locale = l
	}
	var out []string
	for _, l := range strings.Split(locale, ":") {
		l, _, _ = strings.Cut(l, ".")
		lang, region, _ := strings.Cut(strings.ReplaceAll(l, "-", "_"), "_")
		if region != "" {
			lang += "-" + region
		}
		out = append(out, lang)
	}
	return out
}

func TestEverySettingEndsReadableByFyne(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want string // LANGUAGE set, "" for untouched
	}{
		{map[string]string{"LANG": "C"}, ""},
		{map[string]string{"LANG": "POSIX"}, ""},
		{map[string]string{}, ""},
		{map[string]string{"LANG": "en_GB.UTF-8"}, ""},
		{map[string]string{"LANG": "de_DE.UTF-8@euro"}, ""},
		{map[string]string{"LANG": "C.UTF-8"}, "en"},
		{map[string]string{"LC_ALL": "C.utf8", "LANG": "fr_FR.UTF-8"}, "en"},
		{map[string]string{"LANG": "de_DE.UTF-8", "LC_MESSAGES": "C.UTF-8"}, "en"},
		{map[string]string{"LANG": "en_GB@euro"}, "en_GB"},
		{map[string]string{"LANG": "sr_RS@latin"}, "sr_RS"},
		{map[string]string{"LANG": "en_GB.UTF-8", "LANGUAGE": "C.UTF-8"}, "en"},
		{map[string]string{"LANG": "fr_FR.UTF-8", "LANGUAGE": "fr:C.UTF-8:en"}, "fr:en"},
		{map[string]string{"LANG": "fr_FR.UTF-8", "LANGUAGE": "fr_CA:fr"}, ""},
		{map[string]string{"LANG": "es_419.UTF-8"}, ""},
		{map[string]string{"LANG": "xx-bad!"}, "en"},
	} {
		getenv := func(k string) string { return tc.env[k] }
		got, fixed := Fix(getenv)
		if got != tc.want || fixed != (tc.want != "") {
			t.Errorf("%v: LANGUAGE=%q (%v), want %q", tc.env, got, fixed, tc.want)
		}
		after := func(k string) string {
			if k == "LANGUAGE" && fixed {
				return got
			}
			return tc.env[k]
		}
		for _, tag := range goLocale(after) {
			if _, err := language.Parse(tag); err != nil {
				t.Errorf("%v: Fyne would read %q: %v", tc.env, tag, err)
			}
		}
	}
}
