package data

import (
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"runtime"
	"strings"
	"unicode/utf8"
)

// pathStyle says which operating system's rules a path follows. The URI
// code takes it as a parameter instead of asking path/filepath, so that
// Windows paths are tested on every platform the tests run on.
type pathStyle int

const (
	unixPaths pathStyle = iota
	windowsPaths
)

// hostPaths is the style of the running system.
var hostPaths = styleOf(runtime.GOOS)

func styleOf(goos string) pathStyle {
	if goos == "windows" {
		return windowsPaths
	}
	return unixPaths
}

// sqliteURI turns an absolute path into the file: URI handed to SQLite. It
// is the one place a path becomes a URI, for every engine and VFS the store
// may use.
//
// The URI never has an authority: SQLite refuses any but "localhost", so
// "file://C:/x" fails with "invalid uri authority" (which is how every
// journal at C:\… once read as damaged). A drive-letter path is written
// "file:C:/…" (RFC 8089's form without a slash) rather than "file:///C:/…":
// SQLite hands its VFS the path after the authority, and while modernc's
// Windows VFS (glebarez, today) drops the slash of "/C:/…", a Go VFS such as
// ncruces/go-sqlite3's calls filepath.Abs on it and gets "C:\C:\…". Both
// open "C:/…" as it is, and "//server/share/…" (a UNC path) too.
//
// '?', '#' and '%' are escaped so a folder name cannot cut the path short;
// spaces and non-ASCII are escaped too and SQLite decodes them back to the
// same bytes.
//
//	/home/sam/journal.db       file:///home/sam/journal.db
//	C:\Users\Zoë\journal.db    file:C:/Users/Zo%C3%AB/journal.db
//	\\nas\home\journal.db      file:////nas/home/journal.db
func sqliteURI(path string, style pathStyle) (string, error) {
	if path == "" {
		return "", errors.New("the path is empty")
	}
	if strings.ContainsRune(path, 0) {
		return "", errors.New("the path contains a NUL character")
	}
	if style == unixPaths {
		if !strings.HasPrefix(path, "/") {
			return "", fmt.Errorf("%q is not an absolute path", path)
		}
		return "file://" + escapeURIPath(path), nil // a Unix name may be any bytes: escaped, they pass
	}
	// Go reads Windows paths as UTF-16 and hands them on as UTF-8.
	if !utf8.ValidString(path) {
		return "", errors.New("the path is not valid UTF-8")
	}
	p, err := windowsURIPath(path)
	if err != nil {
		return "", err
	}
	if isDrive(p) {
		return "file:" + escapeURIPath(p), nil
	}
	return "file://" + escapeURIPath(p), nil
}

// windowsURIPath turns an absolute Windows path into a URI path: "C:/…"
// for a drive, "//server/share/…" for a UNC path. The \\?\ prefix is
// dropped: it lifts Windows' length limit but also stops Windows reading
// '/' as a separator, and a URI path is written with '/'. Other device paths
// (\\.\pipe\…, \\?\Volume{…}) are refused: they are not files in folders.
func windowsURIPath(path string) (string, error) {
	p := strings.ReplaceAll(path, `\`, "/")
	switch {
	case strings.HasPrefix(p, "//?/UNC/"), strings.HasPrefix(p, "//?/unc/"):
		p = "//" + p[len("//?/UNC/"):]
	case strings.HasPrefix(p, "//?/") && isDrive(p[len("//?/"):]):
		p = p[len("//?/"):]
	case strings.HasPrefix(p, "//?/"), strings.HasPrefix(p, "//./"):
		return "", fmt.Errorf("%s is a Windows device path, not a file in a folder", path)
	}
	var rest string
	switch {
	case isDrive(p):
		if len(p) == 2 || p[2] != '/' {
			return "", fmt.Errorf("%s is relative to the current folder of drive %s; give the whole path, like %s\\journal.db", path, p[:2], p[:2])
		}
		rest = p[2:]
	case strings.HasPrefix(p, "//"):
		server, share, _ := strings.Cut(strings.TrimPrefix(p, "//"), "/")
		share, rest, _ = strings.Cut(share, "/")
		if server == "" || share == "" {
			return "", fmt.Errorf("%s is not a complete network path: it needs \\\\server\\share\\ before the file", path)
		}
		rest = "/" + rest
		if bad := windowsForbidden(server + "/" + share); bad != "" {
			return "", fmt.Errorf("%s: Windows names can't contain %s", path, bad)
		}
	default:
		return "", fmt.Errorf("%s is not an absolute Windows path (it needs a drive, like C:\\, or a network share, like \\\\server\\share\\)", path)
	}
	if bad := windowsForbidden(rest); bad != "" {
		return "", fmt.Errorf("%s: Windows file and folder names can't contain %s", path, bad)
	}
	return p, nil
}

func isDrive(p string) bool {
	return len(p) >= 2 && p[1] == ':' && (p[0]|0x20 >= 'a' && p[0]|0x20 <= 'z')
}

// windowsForbidden names the first character Windows refuses in a file or
// folder name, or "" when there is none.
func windowsForbidden(p string) string {
	for _, r := range p {
		switch {
		case r < 0x20:
			return fmt.Sprintf("control characters (U+%04X)", r)
		case strings.ContainsRune(`<>:"|?*`, r):
			return fmt.Sprintf("%q", r)
		}
	}
	return ""
}

// escapeURIPath percent-encodes every byte of p except the unreserved
// characters, '/' and ':' (RFC 3986 §2.3). SQLite decodes %XX anywhere in
// the path, so escaping more than it needs is safe.
func escapeURIPath(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~/:", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// dsn adds the connection's settings to the journal's URI: the VFS of an
// encrypted journal, modeof (the WAL and shared-memory files SQLite makes
// beside the journal take its own permissions, 0600, not the umask's),
// read-only mode when asked, and _txlock=immediate, which takes the write
// lock at BEGIN so two writers queue on busy_timeout instead of one failing
// at once with SQLITE_BUSY. path is the journal's own path, for modeof.
//
// The other settings are not in it but in connPragmas (data/engine.go):
// the ncruces driver runs a URI's _pragma values as soon as the file is
// open, before a connection's init could set the key, and an encrypted
// journal can't be read, let alone switched to WAL, without it.
func dsn(uri, path string, encrypted, readOnly bool) string {
	q := url.Values{}
	if encrypted {
		q.Set("vfs", cipherVFS)
	}
	q.Set("modeof", path)
	if readOnly {
		q.Set("mode", "ro")
	} else {
		q.Set("_txlock", "immediate")
	}
	// SQLite decodes %XX in a URI's parameters but not '+' (which Encode
	// writes for a space; a '+' of its own it writes as %2B).
	return uri + "?" + strings.ReplaceAll(q.Encode(), "+", "%20")
}

// copyURI is the URI of a new copy of the journal at path (a backup, or
// the journal under another key), with the VFS that writes it: the
// encrypted journal's VFS would otherwise be used for a plain copy too,
// and refuse it for want of a key. With a key, the URI carries it as
// hexkey: it is built in a buffer the caller wipes once the copy is made.
// The copy is written without syncing each page (synchronous=off); whoever
// needs it durable syncs the file (Convert does).
func copyURI(path string, key []byte) ([]byte, error) {
	uri, err := sqliteURI(path, hostPaths)
	if err != nil {
		return nil, err
	}
	if key == nil {
		return []byte(uri + "?vfs=os&_pragma=synchronous(off)"), nil
	}
	b := []byte(uri + "?_pragma=synchronous(off)&vfs=" + cipherVFS + "&hexkey=")
	return hex.AppendEncode(b, key), nil
}
