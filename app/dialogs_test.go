package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/app/ui/uitest"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/widgets"
)

// dialogMakers are the functions that show a dialog; their first argument
// is its kind.
var dialogMakers = map[string]bool{
	"NewDialog": true, "Inform": true, "InformWith": true, "Confirm": true, "Ask": true,
	"showDone": true,
}

// Every dialog goes through app/ui's dialogs.go, with a kind of its own
// from app/ui/dialog_kinds.go: Fyne's dialogs know neither Esc nor Enter, and its file
// dialog crashed the real window. And every kind is used, so the list the
// real-window tests open is the list of the app's dialogs.
func TestEveryDialogGoesThroughTheOnePath(t *testing.T) {
	files := windowSources(t)
	// Only the packages of the window: the tray and the command line have
	// an Ask of their own.
	window := map[string]bool{}
	for _, name := range files {
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		if usesFyne(f) {
			window[filepath.Dir(name)] = true
		}
	}
	declared, used := map[string]bool{}, map[string]bool{}
	fset := token.NewFileSet()
	for _, name := range files {
		if !window[filepath.Dir(name)] {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				if id, ok := n.Type.(*ast.Ident); ok && id.Name == "DialogKind" {
					for _, v := range n.Names {
						declared[v.Name] = true
					}
				}
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "dialog" && name != filepath.Join("ui", "dialogs.go") {
					t.Errorf("%s: dialog.%s: show dialogs through dialogs.go", fset.Position(n.Pos()), sel.Sel.Name)
				}
				if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "widget" && strings.HasPrefix(sel.Sel.Name, "ShowPopUp") && name != filepath.Join("ui", "menu.go") {
					t.Errorf("%s: widget.%s: show menus with ui.ShowMenu", fset.Position(n.Pos()), sel.Sel.Name)
				}
				if dialogMakers[sel.Sel.Name] && len(n.Args) > 0 {
					if kind := kindName(n.Args[0]); kind != "" {
						used[kind] = true
					} else if fn := enclosing(f, n); !dialogMakers[fn] {
						t.Errorf("%s: %s without a kind constant", fset.Position(n.Pos()), sel.Sel.Name)
					}
				}
			}
			return true
		})
	}
	if len(declared) < 40 {
		t.Fatalf("only %d dialog kinds found", len(declared))
	}
	for k := range declared {
		if !used[k] {
			t.Errorf("the dialog kind %s is declared but no dialog uses it", k)
		}
	}
}

// windowSources are the window's Go files, app/ and the packages under it
// (paths relative to app/), without tests.
func windowSources(t *testing.T) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (path == "e2e" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// usesFyne says f imports Fyne's toolkit.
func usesFyne(f *ast.File) bool {
	for _, imp := range f.Imports {
		if strings.HasPrefix(imp.Path.Value, `"fyne.io/fyne/`) {
			return true
		}
	}
	return false
}

// kindName is the dialog kind constant e names (DlgAbout, ui.DlgAbout),
// or "".
func kindName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		if strings.HasPrefix(e.Name, "Dlg") {
			return e.Name
		}
	case *ast.SelectorExpr:
		if x, ok := e.X.(*ast.Ident); ok && x.Name == "ui" && strings.HasPrefix(e.Sel.Name, "Dlg") {
			return e.Sel.Name
		}
	}
	return ""
}

// enclosing names the function declaration holding n.
func enclosing(f *ast.File, n ast.Node) string {
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Pos() <= n.Pos() && n.End() <= fn.End() {
			return fn.Name.Name
		}
	}
	return ""
}

// Esc closes each dialog (the welcome counts as Skip), Enter presses its
// main button, and a form with something typed asks before Esc drops it.
func TestEscAndEnterInTheDialogs(t *testing.T) {
	u, s := newTestUIWith(t, data.Options{}, false)
	if d := u.TopDialog(); d == nil || d.Kind != ui.DlgWelcome {
		t.Fatalf("a new journal opened %v, not the welcome", d)
	}
	uitest.PressKey(u.Host, fyne.KeyEscape)
	if u.TopDialog() != nil || !u.App.Preferences().Bool(prefWelcomeDone) {
		t.Fatal("Esc on the welcome is not Skip")
	}

	for _, open := range []struct {
		kind ui.DialogKind
		show func()
	}{
		{ui.DlgAbout, u.showAbout},
		{ui.DlgShortcuts, u.showShortcuts},
		{ui.DlgBackups, u.showBackups},
		{ui.DlgExport, u.showExport},
		{ui.DlgOpenFile, u.showImport},
		{ui.DlgICSExport, u.exportCalendar},
		{ui.DlgSlips, u.showSlips},
	} {
		open.show()
		if d := u.TopDialog(); d == nil || d.Kind != open.kind {
			t.Fatalf("%s did not open", open.kind)
		}
		uitest.PressKey(u.Host, fyne.KeyEscape)
		if d := u.TopDialog(); d != nil {
			t.Errorf("Esc left %s open", d.Kind)
		}
		if n := len(u.Win.Canvas().Overlays().List()); n != 0 {
			t.Errorf("after %s, %d overlays remain", open.kind, n)
		}
	}

	// Enter is the main button: About's OK, Export's "Choose a file…".
	u.showAbout()
	uitest.PressKey(u.Host, fyne.KeyReturn)
	if u.TopDialog() != nil {
		t.Error("Enter left About open")
	}
	u.showExport()
	uitest.PressKey(u.Host, fyne.KeyReturn)
	if d := u.TopDialog(); d == nil || d.Kind != ui.DlgSaveFile {
		t.Fatalf("Enter on Export opened %v", d)
	}
	uitest.PressKey(u.Host, fyne.KeyEscape)

	// A form: typing, then Esc, asks; Esc again keeps it as typed.
	title := addCommitment(t, u)
	uitest.TypeText(u.Host, "Sports day")
	uitest.PressKey(u.Host, fyne.KeyEscape)
	if d := u.TopDialog(); d == nil || d.Kind != ui.DlgDiscardChanges {
		t.Fatalf("Esc on a typed form: %v", d)
	}
	uitest.PressKey(u.Host, fyne.KeyEscape)
	if d := u.TopDialog(); d == nil || d.Kind != ui.DlgCommitment || title.Text != "Sports day" {
		t.Fatalf("Keep editing: top %v, title %q", d, title.Text)
	}
	// Enter in the one-line title is the form's Save.
	u.Win.Canvas().Focus(title)
	uitest.PressKey(u.Host, fyne.KeyReturn)
	if u.TopDialog() != nil {
		t.Fatalf("Enter did not save the form:\n%s", uitest.TopText(u.Host))
	}
	if list, _ := s.Commitments(); len(list) != 1 || list[0].Title != "Sports day" {
		t.Errorf("stored %+v", list)
	}

	// Unchanged, Esc just closes; with changes, the discard is a choice.
	addCommitment(t, u)
	uitest.PressKey(u.Host, fyne.KeyEscape)
	if u.TopDialog() != nil {
		t.Error("Esc on an untouched form asked")
	}
	addCommitment(t, u)
	uitest.TypeText(u.Host, "Dinner")
	uitest.PressKey(u.Host, fyne.KeyEscape)
	test.Tap(uitest.FindButton(t, uitest.TopDialog(t, u.Host), "Close without saving"))
	if u.TopDialog() != nil {
		t.Errorf("Close without saving left %v", u.TopDialog().Kind)
	}

	// Enter in a multi-line field is a new line, not the main button.
	addCommitment(t, u)
	var notes *widgets.Entry
	uitest.Walk(uitest.TopDialog(t, u.Host), func(o fyne.CanvasObject) bool {
		if e, ok := o.(*widgets.Entry); ok && e.MultiLine && notes == nil {
			notes = e
		}
		return notes == nil
	})
	u.Win.Canvas().Focus(notes)
	uitest.TypeText(u.Host, "Bring")
	uitest.PressKey(u.Host, fyne.KeyReturn)
	uitest.TypeText(u.Host, "the costume")
	if notes.Text != "Bring\nthe costume" || u.TopDialog() == nil {
		t.Errorf("notes %q, dialog %v", notes.Text, u.TopDialog())
	}
}

// The welcome's Esc is Skip even with the cursor in its slip field.
func TestEscInTheWelcomeFieldSkips(t *testing.T) {
	u, s := newTestUIWith(t, data.Options{}, false)
	uitest.TypeText(u.Host, "Rest is")
	if u.focused() == nil {
		t.Fatal("the welcome's field has no focus")
	}
	uitest.PressKey(u.Host, fyne.KeyEscape)
	if u.TopDialog() != nil || !u.App.Preferences().Bool(prefWelcomeDone) {
		t.Fatal("Esc in the slip field did not skip")
	}
	if _, ok, _ := s.PinnedSlip(); ok {
		t.Error("Skip pinned a slip")
	}
}

func TestEscStopsAJobAndItsProgressWaitsForIt(t *testing.T) {
	u, _ := newTestUI(t)
	p := u.showProgress("Exporting", "Writing…", true)
	uitest.PressKey(u.Host, fyne.KeyEscape)
	if u.TopDialog() != p.d || p.ctx.Err() == nil || !p.cancel.Disabled() {
		t.Fatalf("after Esc: top %v, job %v", u.TopDialog().Kind, p.ctx.Err())
	}
	uitest.MustContain(t, uitest.TopText(u.Host), "Stopping")
	if !p.stopped(p.ctx.Err(), "Export stopped", "No file was written.") {
		t.Fatal("a cancelled job was not said to be stopped")
	}
	if d := u.TopDialog(); d == nil || d.Kind != ui.DlgStopped {
		t.Fatalf("after the job: %v", d)
	}
	uitest.PressKey(u.Host, fyne.KeyEscape)
	if u.TopDialog() != nil {
		t.Error("the stopped message stayed")
	}
}

// A dialog is never larger than the window it is in (a tall form scrolls).
func TestDialogsFitTheWindow(t *testing.T) {
	u, _ := newTestUI(t)
	u.Win.Resize(fyne.NewSize(640, 480))
	addCommitment(t, u)
	// Fyne wraps the dialog's pop-up in a container of an internal type.
	top := reflect.ValueOf(u.Win.Canvas().Overlays().Top()).Elem().FieldByName("Content").Interface()
	pop, ok := top.(*widget.PopUp)
	if !ok {
		t.Fatalf("the form is a %T", top)
	}
	room := u.Win.Canvas().Size()
	if size := pop.Content.Size(); size.Width > room.Width || size.Height > room.Height {
		t.Errorf("the form is %v in a window of %v", size, room)
	}
}

// addCommitment opens the new-commitment form from the Tiers tab, as the
// person does, and returns its title field.
func addCommitment(t *testing.T, u *UI) *widgets.Entry {
	t.Helper()
	u.ShowScreen(u.plan.Tiers())
	// "Add a commitment" on the empty tab, "Commitment" above the agenda.
	var add *widgets.Button
	uitest.Walk(u.plan.Tiers().View(), func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widgets.Button); ok && b.Visible() && (b.Text == "Add a commitment" || b.Text == "Commitment") && add == nil {
			add = b
		}
		return add == nil && o.Visible()
	})
	if add == nil {
		t.Fatal("no button adds a commitment on the Tiers tab")
	}
	test.Tap(add)
	return uitest.FindWidget[*widgets.Entry](t, uitest.TopDialog(t, u.Host))
}
