package autostart

import "testing"

func TestWindowsCommandLine(t *testing.T) {
	for _, c := range []struct {
		exe  string
		args []string
		want string
	}{
		{
			`C:\Users\Sam\AppData\Local\Programs\bothand\bothand.exe`,
			[]string{"--minimized"},
			`"C:\Users\Sam\AppData\Local\Programs\bothand\bothand.exe" --minimized`,
		},
		{
			`C:\Program Files\Both And\bothand.exe`,
			[]string{"--minimized", "--db", `C:\Users\Zoë\My Journal #1\j.db`},
			`"C:\Program Files\Both And\bothand.exe" --minimized --db "C:\Users\Zoë\My Journal #1\j.db"`,
		},
		{
			`\\nas\apps\bothand.exe`,
			[]string{`C:\trailing slash\`, `say "hi"`, ""},
			`"\\nas\apps\bothand.exe" "C:\trailing slash\\" "say \"hi\"" ""`,
		},
		{
			`D:\bothand.exe`,
			[]string{`C:\no_spaces\`, `a\\"b`},
			`"D:\bothand.exe" C:\no_spaces\ "a\\\\\"b"`,
		},
	} {
		if got := windowsCommandLine(c.exe, c.args); got != c.want {
			t.Errorf("windowsCommandLine(%q, %q)\n got %s\nwant %s", c.exe, c.args, got, c.want)
		}
	}
}
