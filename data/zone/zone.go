// Package zone names and loads time zones by their IANA names, the way
// commitments keep them: the computer's own, whether a name is known, and
// a cached load (the zone database is inside the binary).
package zone

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	// The zone database inside the binary, so commitments keep their zone on
	// machines without one (Windows) and imported calendars' TZIDs resolve.
	_ "time/tzdata"
)

// Local is the IANA name of this computer's time zone
// ("Europe/London"), which new commitments are stored with. Go's time.Local
// calls itself "Local" on Linux, so the name comes from $TZ or from where
// /etc/localtime points. It returns "" when the name cannot be found; a
// commitment with no zone follows whatever zone the computer is in.
func Local() string {
	if name, ok := zoneFromTZ(os.Getenv("TZ")); ok {
		return name
	}
	if target, err := os.Readlink("/etc/localtime"); err == nil {
		if name := zoneFromPath(target); name != "" {
			return name
		}
	}
	if b, err := os.ReadFile("/etc/timezone"); err == nil {
		if name := strings.TrimSpace(string(b)); Valid(name) {
			return name
		}
	}
	if name := time.Local.String(); name != "Local" && Valid(name) {
		return name
	}
	return ""
}

// zoneFromTZ reads $TZ: "Europe/London", ":Europe/London" or a path into
// a zoneinfo folder. ok is false when TZ is unset or names no zone we know.
func zoneFromTZ(tz string) (string, bool) {
	tz = strings.TrimPrefix(strings.TrimSpace(tz), ":")
	if tz == "" {
		return "", false
	}
	if filepath.IsAbs(tz) {
		name := zoneFromPath(tz)
		return name, name != ""
	}
	if Valid(tz) {
		return tz, true
	}
	return "", false
}

// zoneFromPath turns ".../zoneinfo/Europe/London" into "Europe/London".
func zoneFromPath(p string) string {
	p = filepath.ToSlash(p)
	i := strings.LastIndex(p, "zoneinfo/")
	if i < 0 {
		return ""
	}
	name := p[i+len("zoneinfo/"):]
	// Debian's posix/ and right/ trees hold the same zones.
	name = strings.TrimPrefix(strings.TrimPrefix(name, "posix/"), "right/")
	if Valid(name) {
		return name
	}
	return ""
}

// Valid reports whether name is a time zone this build knows
// ("Europe/London"); "" and "Local" are not names.
func Valid(name string) bool {
	if name == "" || name == "Local" {
		return false
	}
	_, err := Load(name)
	return err == nil
}

var zoneCache sync.Map // name -> *time.Location

// Load is time.LoadLocation with a cache: expansion asks for the same
// few zones thousands of times, and LoadLocation reads the database each time.
// "" is the computer's own zone.
func Load(name string) (*time.Location, error) {
	if name == "" {
		return time.Local, nil
	}
	if loc, ok := zoneCache.Load(name); ok {
		return loc.(*time.Location), nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, err
	}
	zoneCache.Store(name, loc)
	return loc, nil
}
