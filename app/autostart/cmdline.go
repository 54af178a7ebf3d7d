package autostart

import "strings"

// windowsCommandLine is the command the Run key starts: the program in
// quotes (a path under "Program Files" has spaces), then each argument
// quoted the way Windows programs split their command line
// (CommandLineToArgvW: backslashes are literal except before a quote).
// It is written here, not in the Windows-only file, so the rules are tested
// on every platform.
func windowsCommandLine(exe string, args []string) string {
	var b strings.Builder
	b.WriteString(`"` + exe + `"`) // a Windows path can't contain a quote
	for _, a := range args {
		b.WriteByte(' ')
		b.WriteString(escapeWindowsArg(a))
	}
	return b.String()
}

func escapeWindowsArg(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n\v\"") {
		return s
	}
	var b strings.Builder
	b.WriteByte('"')
	slashes := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			slashes++
		case '"':
			// Backslashes before a quote are doubled, and the quote escaped.
			b.WriteString(strings.Repeat(`\`, slashes+1))
			slashes = 0
		default:
			slashes = 0
		}
		b.WriteByte(s[i])
	}
	// ... and so are backslashes before the closing quote.
	b.WriteString(strings.Repeat(`\`, slashes))
	b.WriteByte('"')
	return b.String()
}
