// Package version says which build of Both/And is running, for `bothand
// version`, Help → About and the window's metadata. It lives under assets/
// with the app's other build-time facts so that the command line, the
// window and the packaging scripts share it without reaching into app/.
package version

import (
	"regexp"
	"runtime/debug"
)

// Release is the version this source tree is preparing: [Details] Version
// in FyneApp.toml, which a test keeps equal to it.
const Release = "0.1.0"

// Version is this build's version. Release builds (make dist, make
// install) stamp it with `git describe`:
//
//	go build -ldflags "-X github.com/bothand/bothand/assets/version.Version=0.1.0-3-g1a2b3c4"
//
// An unstamped build (go build, go run, make run) says Release, followed by
// the commit the Go toolchain recorded, in the same shape.
var Version string

func init() {
	if Version == "" {
		info, _ := debug.ReadBuildInfo()
		Version = fromBuildInfo(info)
	}
}

var releaseTag = regexp.MustCompile(`^v(\d+\.\d+\.\d+)$`)

// fromBuildInfo names an unstamped build: the tag when the module was built
// from exactly a clean release tag, otherwise Release-dev with the commit
// ("0.1.0-dev-g1a2b3c4", "-dirty" when there were uncommitted changes).
func fromBuildInfo(info *debug.BuildInfo) string {
	if info == nil {
		return Release + "-dev"
	}
	if m := releaseTag.FindStringSubmatch(info.Main.Version); m != nil {
		return m[1]
	}
	v := Release + "-dev"
	var dirty bool
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			if len(s.Value) >= 7 {
				v += "-g" + s.Value[:7]
			}
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if dirty {
		v += "-dirty"
	}
	return v
}
