package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzMain feeds arbitrary command lines to the CLI: it must never panic,
// must answer with one of the three exit codes, and must print a usage
// error or a one-line failure rather than nothing. Journal paths are forced
// into a temp folder, which is also the working folder, so the fuzzer never
// touches a real journal or writes into the source tree.
func FuzzMain(f *testing.F) {
	for _, seed := range []string{
		"version", "help", "--db", "frobnicate", "backup", "demo --entries 3",
		"--db=x version", "version --bogus", "-h", "--", "demo --entries -1",
		"backup a b", "--minimized", "agenda --days 3", "export --format md",
		"ics import", "import", "\x00", "--db \u00e9\u00e8 version",
	} {
		f.Add(seed)
	}
	dir := f.TempDir()
	// Verbs that write a file (backup, export, ics export) take paths
	// relative to the working folder: keep those in the temp folder too.
	f.Chdir(dir)
	f.Fuzz(func(t *testing.T, line string) {
		if strings.Contains(line, "demo") {
			return // generating journals would eat the fuzzing time; demo has its own tests
		}
		args := strings.Fields(line)
		for i, a := range args {
			// Keep any path the fuzzer invents inside the temp folder.
			if !strings.HasPrefix(a, "-") && i > 0 && (args[i-1] == "--db" || args[i-1] == "-db") {
				args[i] = filepath.Join(dir, filepath.Base(a)+".db")
			}
			if strings.HasPrefix(a, "--db=") || strings.HasPrefix(a, "-db=") {
				args[i] = "--db=" + filepath.Join(dir, "fuzz.db")
			}
		}
		args = append([]string{"--db", filepath.Join(dir, "journal.db")}, args...)
		var out, errOut bytes.Buffer
		windows := 0
		code := Main(args, Env{
			Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut,
			Getenv: func(string) string { return "" },
		}, func(Window) int { windows++; return 0 })
		switch code {
		case ExitOK:
		case ExitError:
			if errOut.Len() == 0 {
				t.Errorf("%q: exit 1 with nothing on stderr", args)
			}
		case ExitUsage:
			if !strings.Contains(errOut.String(), "Usage:") {
				t.Errorf("%q: exit 2 without usage", args)
			}
		default:
			t.Errorf("%q: exit code %d", args, code)
		}
		if windows > 1 {
			t.Errorf("%q: window started %d times", args, windows)
		}
	})
}
