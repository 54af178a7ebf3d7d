package data

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestSQLiteURI(t *testing.T) {
	for _, c := range []struct {
		style pathStyle
		path  string
		want  string
	}{
		{unixPaths, "/home/sam/.local/share/bothand/journal.db", "file:///home/sam/.local/share/bothand/journal.db"},
		{unixPaths, "/home/sam/My Journal/j.db", "file:///home/sam/My%20Journal/j.db"},
		{unixPaths, "/tmp/notes #3/what?/100%/j.db", "file:///tmp/notes%20%233/what%3F/100%25/j.db"},
		{unixPaths, "/home/zoë/日記.db", "file:///home/zo%C3%AB/%E6%97%A5%E8%A8%98.db"},
		{unixPaths, `/srv/back\slash/C:/j.db`, "file:///srv/back%5Cslash/C:/j.db"},
		{unixPaths, "/latin1/caf\xe9.db", "file:///latin1/caf%E9.db"}, // any bytes are a Unix name
		{unixPaths, "//srv/j.db", "file:////srv/j.db"},

		{windowsPaths, `C:\Users\Sam\AppData\Local\bothand\journal.db`, "file:C:/Users/Sam/AppData/Local/bothand/journal.db"},
		{windowsPaths, `d:\j.db`, "file:d:/j.db"},
		{windowsPaths, `C:/Users/Sam/j.db`, "file:C:/Users/Sam/j.db"}, // as a Fyne file dialog gives it
		{windowsPaths, `C:\Users\Sam Smith\My Documents\j.db`, "file:C:/Users/Sam%20Smith/My%20Documents/j.db"},
		{windowsPaths, `C:\Notes #3\100% me\j.db`, "file:C:/Notes%20%233/100%25%20me/j.db"},
		{windowsPaths, `C:\Users\Zoë\Документы\j.db`, "file:C:/Users/Zo%C3%AB/%D0%94%D0%BE%D0%BA%D1%83%D0%BC%D0%B5%D0%BD%D1%82%D1%8B/j.db"},
		{windowsPaths, `\\nas\family\journal.db`, "file:////nas/family/journal.db"},
		{windowsPaths, `\\nas\family share\Sam's #1\j.db`, "file:////nas/family%20share/Sam%27s%20%231/j.db"},
		{windowsPaths, `\\?\C:\a\very\long\path\j.db`, "file:C:/a/very/long/path/j.db"},
		{windowsPaths, `\\?\UNC\nas\family\j.db`, "file:////nas/family/j.db"},
	} {
		got, err := sqliteURI(c.path, c.style)
		if err != nil || got != c.want {
			t.Errorf("sqliteURI(%q, %v) = %q, %v; want %q", c.path, c.style, got, err, c.want)
			continue
		}
		// SQLite refuses an authority ("file://C:/…" made every Windows
		// journal read as damaged): after "file:" comes "///", or no "//".
		if u, err := url.Parse(got); err != nil || u.Host != "" || u.Scheme != "file" ||
			strings.HasPrefix(got, "file://") && !strings.HasPrefix(got, "file:///") {
			t.Errorf("%q: not a file URI without an authority (%v)", got, err)
		}
	}
}

func TestSQLiteURIRefusesBrokenPaths(t *testing.T) {
	for _, c := range []struct {
		style pathStyle
		path  string
		want  string // in the message
	}{
		{unixPaths, "", "empty"},
		{unixPaths, "journal.db", "not an absolute path"},
		{unixPaths, "/home/sam/a\x00b.db", "NUL"},
		{windowsPaths, `C:\what?\j.db`, `can't contain '?'`},
		{windowsPaths, `C:\a\b:c.db`, `can't contain ':'`},
		{windowsPaths, `C:\a\x<y>.db`, `can't contain '<'`},
		{windowsPaths, `C:\a\"quoted".db`, `can't contain '"'`},
		{windowsPaths, "C:\\a\\b\x01.db", "control characters"},
		{windowsPaths, `C:journal.db`, "relative to the current folder of drive C:"},
		{windowsPaths, `C:`, "relative to the current folder of drive C:"},
		{windowsPaths, `\Users\Sam\j.db`, "not an absolute Windows path"},
		{windowsPaths, `journal.db`, "not an absolute Windows path"},
		{windowsPaths, `\\nas`, "not a complete network path"},
		{windowsPaths, `\\nas\`, "not a complete network path"},
		{windowsPaths, `\\nas|x\share\j.db`, `can't contain '|'`},
		{windowsPaths, `\\.\pipe\bothand`, "device path"},
		{windowsPaths, `\\?\Volume{26a21bda-a627-11d7-9931-806e6f6e6963}\j.db`, "device path"},
		{windowsPaths, "C:\\caf\xe9.db", "UTF-8"},
	} {
		got, err := sqliteURI(c.path, c.style)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("sqliteURI(%q, %v) = %q, %v; want an error saying %q", c.path, c.style, got, err, c.want)
		}
	}
}

func TestStyleOf(t *testing.T) {
	if styleOf("windows") != windowsPaths || styleOf("linux") != unixPaths || styleOf("darwin") != unixPaths {
		t.Error("styleOf maps the wrong way")
	}
}

// The journal lands exactly at a path full of characters a URI treats
// specially, and nowhere else.
func TestOpenAtPathsWithURICharacters(t *testing.T) {
	for _, name := range []string{"My Journal", "notes #3", "what?", "100% me", "Zoë's 日記", `back\slash`, "a+b=c&d"} {
		dir := filepath.Join(t.TempDir(), name)
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "journal.db")
		s, err := Open(path, Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if _, err := s.SaveEntry(Entry{HappenedAt: time.Now(), Trigger: "Missed the school play", Intensity: 6}, 0); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		s.Close()
		if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
			t.Errorf("%s: journal not at %s: %v", name, path, err)
		}
		items, _ := os.ReadDir(dir)
		for _, it := range items {
			if !strings.HasPrefix(it.Name(), "journal.db") {
				t.Errorf("%s: stray file %s", name, it.Name())
			}
		}
	}
}

func TestOpenRefusesABrokenPathAsSuch(t *testing.T) {
	_, err := Open(filepath.Join(t.TempDir(), "a\x00b", "journal.db"), Options{})
	var oe *OpenError
	if !errors.As(err, &oe) || oe.Kind != ErrBadPath {
		t.Fatalf("Open with a NUL in the path: %v, want ErrBadPath", err)
	}
	if !strings.Contains(err.Error(), "the journal's path can't be used") || !strings.Contains(err.Error(), "NUL") {
		t.Errorf("message: %v", err)
	}
	if oe.Advice() == "" || strings.Contains(oe.Advice(), "backup") {
		t.Errorf("advice: %q", oe.Advice())
	}
}

func TestOpenRefusesAFolderAsABadPath(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(dir, Options{})
	var oe *OpenError
	if !errors.As(err, &oe) || oe.Kind != ErrBadPath || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("Open(a folder) = %v, want ErrBadPath saying it is a folder", err)
	}
}

// A URI SQLite refuses while opening (here the "file://C:/…" Windows
// journals used to get) is reported as a path problem, not as damage, and
// leaves the file alone.
func TestAURISQLiteRefusesIsABadPathNotDamage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	for _, uri := range []string{"file://C:/x/journal.db", "file://nas/family/journal.db"} {
		_, err := openStore(path, uri, Options{BusyTimeout: time.Second, Now: time.Now})
		var oe *OpenError
		if !errors.As(err, &oe) || oe.Kind != ErrBadPath {
			t.Errorf("%s: %v, want ErrBadPath", uri, err)
		}
		if errors.Is(err, ErrDamaged) {
			t.Errorf("%s: called damaged: %v", uri, err)
		}
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a file appeared at %s: %v", path, err)
	}
}

func TestDSNKeepsTheURIWhole(t *testing.T) {
	uri := "file:///tmp/notes%20%233/j.db"
	path := "/tmp/notes #3/j.db"
	d := dsn(uri, path, false, false)
	base, query, _ := strings.Cut(d, "?")
	if base != uri {
		t.Errorf("dsn changed the URI: %q", base)
	}
	if strings.Contains(query, "+") {
		t.Errorf("a space written as '+', which SQLite does not decode: %s", query)
	}
	q, err := url.ParseQuery(query)
	if err != nil {
		t.Fatal(err)
	}
	// The settings are run by each connection's init, after the key: none
	// travels as _pragma, which the driver would run before it.
	if q.Get("_txlock") != "immediate" || q.Get("modeof") != path || q.Has("_pragma") || q.Has("vfs") {
		t.Errorf("query: %v", q)
	}
	if q := dsn(uri, path, false, true); !strings.Contains(q, "mode=ro") || strings.Contains(q, "_txlock") {
		t.Errorf("read-only dsn: %s", q)
	}
	if q := dsn(uri, path, true, false); !strings.Contains(q, "vfs="+cipherVFS) || strings.Contains(q, "key") {
		t.Errorf("encrypted dsn: %s", q)
	}
}
