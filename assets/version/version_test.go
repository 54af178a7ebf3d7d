package version

import (
	"os"
	"regexp"
	"runtime/debug"
	"testing"
)

func TestReleaseMatchesFyneAppToml(t *testing.T) {
	b, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`).FindSubmatch(b)
	if m == nil {
		t.Fatal("FyneApp.toml has no Version")
	}
	if string(m[1]) != Release {
		t.Errorf("FyneApp.toml says %s, version.Release says %s", m[1], Release)
	}
}

func TestFromBuildInfo(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	for _, c := range []struct {
		info *debug.BuildInfo
		want string
	}{
		{nil, Release + "-dev"},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, Release + "-dev"},
		{&debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}, Settings: vcs("1a2b3c4d5e6f", "false")}, "1.2.3"},
		{&debug.BuildInfo{Main: debug.Module{Version: "v0.1.1-0.20261206150817-260f740abcde"}, Settings: vcs("260f740abcdef0123", "false")}, Release + "-dev-g260f740"},
		{&debug.BuildInfo{Main: debug.Module{Version: "v0.1.1-0.20261206150817-260f740abcde+dirty"}, Settings: vcs("260f740abcdef0123", "true")}, Release + "-dev-g260f740-dirty"},
	} {
		if got := fromBuildInfo(c.info); got != c.want {
			t.Errorf("fromBuildInfo(%+v) = %q, want %q", c.info, got, c.want)
		}
	}
}

func TestVersionIsSet(t *testing.T) {
	if Version == "" {
		t.Error("Version is empty: the fallback did not run")
	}
}
