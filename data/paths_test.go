package data

import "testing"

func TestDefaultPath(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	for _, c := range []struct {
		goos string
		env  map[string]string
		home string
		want string
	}{
		{"linux", nil, "/home/sam", "/home/sam/.local/share/bothand/journal.db"},
		{"linux", map[string]string{"XDG_DATA_HOME": "/data/sam/"}, "/home/sam", "/data/sam/bothand/journal.db"},
		{"linux", map[string]string{"XDG_DATA_HOME": "relative/share"}, "/home/sam", "/home/sam/.local/share/bothand/journal.db"},
		{"freebsd", nil, "/usr/home/zoë", "/usr/home/zoë/.local/share/bothand/journal.db"},
		{"darwin", map[string]string{"XDG_DATA_HOME": "/data"}, "/Users/sam", "/Users/sam/Library/Application Support/bothand/journal.db"},
		{
			"windows",
			map[string]string{"LOCALAPPDATA": `C:\Users\Sam Smith\AppData\Local`, "APPDATA": `C:\Users\Sam Smith\AppData\Roaming`, "XDG_DATA_HOME": "/home/sam/.local/share"},
			`C:\Users\Sam Smith`, `C:\Users\Sam Smith\AppData\Local\bothand\journal.db`,
		},
		{"windows", map[string]string{"LOCALAPPDATA": `\\profiles\sam\AppData\Local\`}, `C:\Users\sam`, `\\profiles\sam\AppData\Local\bothand\journal.db`},
		{"windows", nil, `C:\Users\Zoë`, `C:\Users\Zoë\AppData\Local\bothand\journal.db`},
		{"windows", map[string]string{"LOCALAPPDATA": `AppData`}, `D:\Zoë`, `D:\Zoë\AppData\Local\bothand\journal.db`},
	} {
		got := defaultPath(c.goos, env(c.env), c.home)
		if got != c.want {
			t.Errorf("defaultPath(%s, %v, %q) = %q, want %q", c.goos, c.env, c.home, got, c.want)
		}
		style := styleOf(c.goos)
		if _, err := sqliteURI(got, style); err != nil {
			t.Errorf("%s: the default path makes no URI: %v", got, err)
		}
	}
}
