package data_test

import (
	"bufio"
	"bytes"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// The module's layering (docs/ARCHITECTURE.md), checked on the import graph
// that `go list` reports for every package and its tests:
//
//   - nothing under data/ depends on Fyne, the window (app) or the widgets:
//     the store and everything built on it is tested without a display;
//   - no package that speaks to the database (imports gorm or an SQLite
//     driver) depends on Fyne;
//   - the widgets depend on neither the store nor gorm nor a driver: they
//     take values and callbacks;
//   - the command-line verbs (app/cli) do not depend on Fyne;
//   - the tray program (app/tray, with app/instance and app/desktop) does
//     not depend on the Fyne toolkit, the window or the widgets: it stays
//     in memory all day, and systray alone draws its menu;
//   - only package data imports gorm or an SQLite driver, so the engine
//     can change in one place (tests may open the file themselves).
//
// It lives here, with the store, but looks at the whole module.

const module = "github.com/bothand/bothand"

var (
	fyne     = []string{"fyne.io/"}
	database = []string{"gorm.io/", "github.com/glebarez/", "modernc.org/sqlite", "github.com/ncruces/go-sqlite3"}
	store    = []string{module + "/data"} // and everything beneath it
	window   = []string{module + "/app", module + "/widgets"}
	tray     = []string{module + "/app/tray", module + "/app/instance", module + "/app/desktop"}
	toolkit  = []string{"fyne.io/fyne/"} // fyne.io/systray is the tray's
)

// pkg is one package of the module as go list sees it: a test variant
// ("data [data.test]") has its test files' imports too.
type pkg struct {
	path    string // without the test variant's [….test]
	test    bool   // a test variant, or the test main
	imports []string
	deps    []string // every package it depends on, directly or not
}

// under reports whether path is prefix or a package beneath it; prefixes
// ending in "/" match any path starting with them.
func under(path string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasSuffix(p, "/") && strings.HasPrefix(path, p) || path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

func dependsOn(p pkg, prefixes []string) string {
	for _, d := range p.deps {
		if under(d, prefixes) {
			return d
		}
	}
	return ""
}

// layeringViolations lists every broken rule, one line each.
func layeringViolations(pkgs []pkg) []string {
	var bad []string
	report := func(p pkg, rule, dep string) {
		what := p.path
		if p.test {
			what += " (with its tests)"
		}
		// A package's internal and external tests are two variants of it.
		if line := what + ": " + rule + " (through " + dep + ")"; !slices.Contains(bad, line) {
			bad = append(bad, line)
		}
	}
	for _, p := range pkgs {
		speaksSQL := slices.ContainsFunc(p.imports, func(i string) bool { return under(i, database) })
		switch {
		case under(p.path, store):
			if d := dependsOn(p, fyne); d != "" {
				report(p, "data/ must not depend on Fyne", d)
			}
			if d := dependsOn(p, window); d != "" {
				report(p, "data/ must not depend on the window or the widgets", d)
			}
		case under(p.path, []string{module + "/widgets"}):
			d := dependsOn(p, database)
			if slices.Contains(p.deps, module+"/data") {
				d = module + "/data"
			}
			if d != "" {
				report(p, "a widget must not depend on the store or the database", d)
			}
		case under(p.path, tray):
			if d := dependsOn(p, toolkit); d != "" {
				report(p, "the tray must not depend on the Fyne toolkit", d)
			}
			for _, d := range p.deps {
				if d == module+"/app" || under(d, []string{module + "/widgets"}) {
					report(p, "the tray must not depend on the window or the widgets", d)
				}
			}
		case under(p.path, []string{module + "/app/cli"}):
			if d := dependsOn(p, fyne); d != "" {
				report(p, "the command-line verbs must not depend on Fyne", d)
			}
		}
		if speaksSQL {
			if d := dependsOn(p, fyne); d != "" {
				report(p, "a package that speaks to the database must not depend on Fyne", d)
			}
			if !p.test && p.path != module+"/data" {
				report(p, "only package data may import gorm or an SQLite driver", firstUnder(p.imports, database))
			}
		}
	}
	return bad
}

func firstUnder(list, prefixes []string) string {
	for _, s := range list {
		if under(s, prefixes) {
			return s
		}
	}
	return ""
}

// modulePackages asks go list for the module's packages and tests.
func modulePackages(t *testing.T) []pkg {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatal("no go command to list the packages with")
	}
	cmd := exec.Command(goTool, "list", "-test",
		"-f", `{{.ImportPath}}|{{join .Imports ","}}|{{join .Deps ","}}`, "./...")
	cmd.Dir = ".." // the module's root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	var pkgs []pkg
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "|")
		if len(fields) != 3 {
			t.Fatalf("go list printed %q", sc.Text())
		}
		p := pkg{path: fields[0], imports: strings.Split(fields[1], ","), deps: strings.Split(fields[2], ",")}
		if path, _, ok := strings.Cut(p.path, " ["); ok {
			p.path, p.test = path, true
		}
		if strings.HasSuffix(p.path, ".test") {
			continue // the generated test main
		}
		p.path = strings.TrimSuffix(p.path, "_test")
		p.test = p.test || strings.HasSuffix(fields[0], "_test")
		pkgs = append(pkgs, p)
	}
	if len(pkgs) < 10 {
		t.Fatalf("go list found only %d packages", len(pkgs))
	}
	return pkgs
}

func TestLayering(t *testing.T) {
	t.Parallel()
	for _, v := range layeringViolations(modulePackages(t)) {
		t.Error(v)
	}
}

// The check itself, on made-up packages that break each rule.
func TestLayeringCatchesEachViolation(t *testing.T) {
	t.Parallel()
	broken := []pkg{
		{path: module + "/data/prose", deps: []string{"fyne.io/fyne/v2"}},
		{path: module + "/data/ical", test: true, deps: []string{module + "/app/version"}},
		{path: module + "/widgets", imports: []string{module + "/data"}, deps: []string{module + "/data", "gorm.io/gorm"}},
		{path: module + "/app/cli", deps: []string{module + "/app/version", "fyne.io/fyne/v2/widget"}},
		{path: module + "/app", imports: []string{"gorm.io/gorm"}, deps: []string{"gorm.io/gorm", "fyne.io/fyne/v2"}},
		{path: module + "/data/transfer", imports: []string{"github.com/glebarez/go-sqlite"}, deps: []string{"github.com/glebarez/go-sqlite"}},
		{path: module + "/app/tray", deps: []string{"fyne.io/systray", "fyne.io/fyne/v2/app"}},
		{path: module + "/app/instance", test: true, deps: []string{module + "/app"}},
		{path: module + "/app/insights", imports: []string{"gorm.io/gorm"}, deps: []string{"gorm.io/gorm", "fyne.io/fyne/v2"}},
	}
	want := []string{
		"data/prose: data/ must not depend on Fyne",
		"data/ical (with its tests): data/ must not depend on the window or the widgets",
		"widgets: a widget must not depend on the store or the database",
		"app/cli: the command-line verbs must not depend on Fyne",
		"app: a package that speaks to the database must not depend on Fyne",
		"app: only package data may import gorm or an SQLite driver",
		"data/transfer: only package data may import gorm or an SQLite driver",
		"app/tray: the tray must not depend on the Fyne toolkit",
		"app/instance (with its tests): the tray must not depend on the window or the widgets",
		"app/insights: a package that speaks to the database must not depend on Fyne",
		"app/insights: only package data may import gorm or an SQLite driver",
	}
	got := layeringViolations(broken)
	for _, w := range want {
		if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, module+"/"+w) }) {
			t.Errorf("not caught: %s\ngot:\n%s", w, strings.Join(got, "\n"))
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d violations, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	fine := []pkg{
		{path: module + "/data", imports: []string{"gorm.io/gorm"}, deps: []string{"gorm.io/gorm"}},
		{path: module + "/data/transfer", test: true, imports: []string{"gorm.io/gorm"}, deps: []string{module + "/data", "gorm.io/gorm"}},
		{path: module + "/app", imports: []string{module + "/data"}, deps: []string{module + "/data", "gorm.io/gorm", "fyne.io/fyne/v2"}},
		// The window's packages: a screen reads the store through data, the
		// look asks the desktop (app/desktop) before the first frame.
		{path: module + "/app/insights", imports: []string{module + "/data", module + "/app/look"}, deps: []string{module + "/data", "gorm.io/gorm", "fyne.io/fyne/v2"}},
		{path: module + "/app/look", deps: []string{"fyne.io/fyne/v2", module + "/app/desktop", module + "/widgets"}},
		{path: module + "/app/filepicker", deps: []string{"fyne.io/fyne/v2", module + "/app/ui", module + "/data/prose"}},
		{path: module + "/widgets", deps: []string{"fyne.io/fyne/v2", module + "/data/prose"}},
		{path: module + "/app/tray", deps: []string{"fyne.io/systray", module + "/app/instance", module + "/data"}},
	}
	if got := layeringViolations(fine); len(got) != 0 {
		t.Errorf("allowed packages reported:\n%s", strings.Join(got, "\n"))
	}
}
