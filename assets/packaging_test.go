package assets

import (
	"encoding/xml"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/bothand/bothand/assets/version"
)

// The desktop entry and the AppStream metadata under packaging/linux say
// what FyneApp.toml says (name, ID, texts, release), and what the window
// does (its WM_CLASS, which GLFW takes from the first title, "Both/And",
// checked with xprop under Xvfb): a dock groups the window with its entry
// only when StartupWMClass matches.
func TestLinuxPackagingMatchesFyneAppToml(t *testing.T) {
	toml := readFile(t, "../FyneApp.toml")
	field := func(key string) string {
		m := regexp.MustCompile(`(?m)^\s*` + key + `\s*=\s*(.+)$`).FindStringSubmatch(toml)
		if m == nil {
			t.Fatalf("FyneApp.toml has no %s", key)
		}
		return strings.TrimSpace(m[1])
	}
	unquote := func(s string) string { return strings.Trim(s, `"`) }
	list := func(s string) string { // ["a", "b"] -> a;b;
		var out string
		for _, v := range strings.Split(strings.Trim(s, "[]"), ",") {
			out += unquote(strings.TrimSpace(v)) + ";"
		}
		return out
	}
	id := unquote(field("ID"))

	entry := map[string]string{}
	for _, line := range strings.Split(readFile(t, "packaging/linux/"+id+".desktop"), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			entry[k] = v
		}
	}
	for key, want := range map[string]string{
		"Name":           unquote(field("Name")),
		"GenericName":    unquote(field("GenericName")),
		"Comment":        unquote(field("Comment")),
		"Icon":           id,
		"Exec":           "bothand",
		"Categories":     list(field("Categories")),
		"Keywords":       list(field("Keywords")),
		"StartupWMClass": "Both/And",
		"Terminal":       "false",
	} {
		if entry[key] != want {
			t.Errorf("desktop entry: %s=%s, want %s", key, entry[key], want)
		}
	}

	var meta struct {
		ID         string `xml:"id"`
		Name       string `xml:"name"`
		Launchable string `xml:"launchable"`
		URL        string `xml:"url"`
		Rating     struct {
			Type string `xml:"type,attr"`
		} `xml:"content_rating"`
		Screenshots []string `xml:"screenshots>screenshot>image"`
		Releases    []struct {
			Version string `xml:"version,attr"`
			Date    string `xml:"date,attr"`
		} `xml:"releases>release"`
	}
	if err := xml.Unmarshal([]byte(readFile(t, "packaging/linux/"+id+".metainfo.xml")), &meta); err != nil {
		t.Fatal(err)
	}
	if meta.ID != id || meta.Launchable != id+".desktop" || meta.Name != entry["Name"] || meta.URL != unquote(field("Website")) {
		t.Errorf("metainfo names %q, %q, %q, %q", meta.ID, meta.Launchable, meta.Name, meta.URL)
	}
	if meta.Rating.Type != "oars-1.1" || len(meta.Screenshots) == 0 {
		t.Errorf("metainfo lacks the OARS rating or screenshots: %+v", meta)
	}
	// A new version needs its release note first in <releases>.
	if len(meta.Releases) == 0 || meta.Releases[0].Version != version.Release || meta.Releases[0].Date == "" {
		t.Errorf("metainfo's newest release is %+v, want version %s with a date", meta.Releases, version.Release)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
