package app

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/adrg/xdg"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data/dates"
	"github.com/bothand/bothand/widgets"
)

// The file picker, for every file the window opens or writes. Fyne's file
// dialog panicked when sized before it was shown, keeps Esc for its own
// name field, can't be driven on the test driver, and needs the mouse to
// choose a file. This one is made of the app's widgets: a folder listing,
// the places people keep files, and a name field that also takes a typed
// path (~/Downloads/school.ics), where Enter opens or saves.

const prefFilesFolder = "files.folder"

// fileItem is one row of the listing.
type fileItem struct {
	name     string
	folder   bool
	size     int64
	modified time.Time
}

type filePicker struct {
	u      *UI
	d      *ui.Dialog
	save   bool
	folder bool     // chooses a folder: only folders are listed
	exts   []string // lower-case, with the dot; the files an open lists
	dir    string
	items  []fileItem
	list   *widgets.List
	where  *widget.Label
	up     *widgets.Button
	name   *widgets.Entry
	msg    *widget.Label
	hidden *widgets.Check
	done   func(path string)
}

// openFile asks for an existing file with one of exts and hands its path to
// done; nothing happens when the person cancels.
func (u *UI) openFile(title string, exts []string, done func(path string)) *filePicker {
	p := u.newFilePicker(ui.DlgOpenFile, title, false, exts, done)
	p.d.CancelButton("Cancel", nil)
	p.d.DefaultButton("Open", theme.FolderOpenIcon(), p.confirm)
	p.show("")
	return p
}

// saveFile asks where to write a file, suggesting name, and hands the path
// to done. A file already there is replaced only once the person agrees.
func (u *UI) saveFile(title, name string, done func(path string)) *filePicker {
	p := u.newFilePicker(ui.DlgSaveFile, title, true, []string{strings.ToLower(filepath.Ext(name))}, done)
	p.d.CancelButton("Cancel", nil)
	p.d.DefaultButton("Save", theme.DocumentSaveIcon(), p.confirm)
	p.show(name)
	return p
}

// chooseFolder asks for a folder and hands its path to done: the folder
// shown, or the one selected or typed in the field.
func (u *UI) chooseFolder(title string, done func(path string)) *filePicker {
	p := u.newFilePicker(ui.DlgChooseFolder, title, false, nil, done)
	p.folder = true
	p.name.SetPlaceHolder("The folder shown above, or type a folder's path")
	p.d.CancelButton("Cancel", nil)
	p.d.DefaultButton("Choose this folder", theme.FolderIcon(), p.confirm)
	p.show("")
	return p
}

func (u *UI) newFilePicker(kind ui.DialogKind, title string, save bool, exts []string, done func(string)) *filePicker {
	p := &filePicker{u: u, save: save, done: done}
	for _, e := range exts {
		p.exts = append(p.exts, strings.ToLower(e))
	}
	p.where = widget.NewLabel("")
	p.where.Truncation = fyne.TextTruncateEllipsis
	p.where.TextStyle = fyne.TextStyle{Bold: true}
	p.up = widgets.NewButtonWithIcon("Up", theme.MoveUpIcon(), func() { p.open(filepath.Dir(p.dir)) })
	p.list = widgets.NewList(func() int { return len(p.items) }, p.newRow, p.fillRow)
	p.list.OnSelected = p.chose
	p.name = widgets.NewEntry()
	p.name.OnSubmitted = func(string) { p.confirm() }
	p.msg = widget.NewLabel("")
	p.msg.Importance = widget.DangerImportance
	p.msg.Wrapping = fyne.TextWrapWord
	p.msg.Hide()
	p.hidden = widgets.NewCheck("Show hidden files", func(bool) { p.open(p.dir) })

	var places []fyne.CanvasObject
	for _, pl := range filePlaces() {
		b := widgets.NewButtonWithIcon(pl.name, theme.FolderIcon(), func() { p.open(pl.path) })
		b.Importance = widget.LowImportance
		places = append(places, b)
	}
	label := "File"
	if kind == ui.DlgChooseFolder {
		label = "Folder"
	} else if save {
		label = "Save as"
	} else {
		p.name.SetPlaceHolder("Choose a file above, or type its name or path")
	}
	top := container.NewVBox(
		container.NewHBox(places...),
		container.NewBorder(nil, nil, nil, p.up, p.where),
	)
	bottom := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(label), nil, p.name),
		p.msg,
		p.hidden,
	)
	p.d = u.NewDialog(kind, title, container.NewBorder(top, bottom, nil, nil, p.list))
	return p
}

// show opens the dialog in the folder used last, with name in the field.
func (p *filePicker) show(name string) {
	start := p.u.App.Preferences().StringWithFallback(prefFilesFolder, xdg.Home)
	if fi, err := os.Stat(start); err != nil || !fi.IsDir() {
		start = xdg.Home
	}
	p.name.SetText(name)
	p.d.Show(760, 560, p.name)
	p.open(start)
}

// place is a folder offered above the listing.
type place struct{ name, path string }

// filePlaces are home and the usual folders in it that exist.
func filePlaces() []place {
	list := []place{{"Home", xdg.Home}}
	for _, pl := range []place{
		{"Documents", xdg.UserDirs.Documents},
		{"Downloads", xdg.UserDirs.Download},
		{"Desktop", xdg.UserDirs.Desktop},
	} {
		if fi, err := os.Stat(pl.path); err == nil && fi.IsDir() && filepath.Clean(pl.path) != filepath.Clean(xdg.Home) {
			list = append(list, pl)
		}
	}
	return list
}

// open lists dir, folders first; a folder that can't be read leaves the
// listing as it was and says why.
func (p *filePicker) open(dir string) {
	dir = filepath.Clean(dir)
	showHidden := p.hidden.Checked
	ui.Background(p.u.Host, func() ([]fileItem, error) {
		return listFolder(dir, p.exts, !p.save, showHidden)
	}, func(items []fileItem) {
		p.dir, p.items = dir, items
		p.where.SetText(dir)
		if filepath.Dir(dir) == dir {
			p.up.Disable()
		} else {
			p.up.Enable()
		}
		p.hideMessage()
		p.list.UnselectAll()
		p.list.Refresh()
		p.list.ScrollToTop()
	}, func(err error) {
		p.say(fmt.Sprintf("Can't open the folder %s: %v", dir, unwrapPathError(err)))
	})
}

// listFolder reads dir: its folders, and its files (only those with one of
// exts when filter is set), sorted by name.
func listFolder(dir string, exts []string, filter, hidden bool) ([]fileItem, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var folders, files []fileItem
	for _, e := range entries {
		if !hidden && strings.HasPrefix(e.Name(), ".") {
			continue
		}
		info, err := os.Stat(filepath.Join(dir, e.Name())) // follows links
		if err != nil {
			continue
		}
		it := fileItem{name: e.Name(), folder: info.IsDir(), size: info.Size(), modified: info.ModTime()}
		switch {
		case it.folder:
			folders = append(folders, it)
		case !filter || slices.Contains(exts, strings.ToLower(filepath.Ext(it.name))):
			files = append(files, it)
		}
	}
	byName := func(a, b fileItem) int { return strings.Compare(strings.ToLower(a.name), strings.ToLower(b.name)) }
	slices.SortFunc(folders, byName)
	slices.SortFunc(files, byName)
	return append(folders, files...), nil
}

func (p *filePicker) newRow() fyne.CanvasObject {
	name := widget.NewLabel("name")
	name.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("12 KB · 2 March 2026")
	detail.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, widget.NewIcon(theme.FileIcon()), detail, name)
}

func (p *filePicker) fillRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(p.items) {
		return
	}
	it := p.items[i]
	row := o.(*fyne.Container)
	name, icon, detail := row.Objects[0].(*widget.Label), row.Objects[1].(*widget.Icon), row.Objects[2].(*widget.Label)
	name.SetText(it.name)
	if it.folder {
		icon.SetResource(theme.FolderIcon())
		detail.SetText("")
		return
	}
	icon.SetResource(theme.FileIcon())
	detail.SetText(humanSize(it.size) + " · " + dates.WithYear(it.modified))
}

// chose is a row taken by click, Space or Enter: a folder opens; a file's
// name goes into the field, where Enter opens or saves it.
func (p *filePicker) chose(i widget.ListItemID) {
	if i >= len(p.items) {
		return
	}
	it := p.items[i]
	if it.folder {
		p.open(filepath.Join(p.dir, it.name))
		return
	}
	p.name.SetText(it.name)
	p.name.CursorColumn = len([]rune(it.name))
	p.hideMessage()
	p.u.Win.Canvas().Focus(p.name)
}

// confirm is Open or Save, or Enter in the name field.
func (p *filePicker) confirm() {
	text := strings.TrimSpace(p.name.Text)
	if p.folder {
		p.confirmFolder(text)
		return
	}
	if text == "" {
		if p.save {
			p.say("Give the file a name.")
		} else {
			p.say("Choose a file in the list, or type its name.")
		}
		return
	}
	path := p.resolve(text)
	fi, err := os.Stat(path)
	if err == nil && fi.IsDir() {
		p.name.SetText("")
		p.open(path)
		return
	}
	if !p.save {
		if err != nil {
			p.say(fmt.Sprintf("There is no file “%s” in %s.", filepath.Base(path), filepath.Dir(path)))
			return
		}
		p.finish(path)
		return
	}
	if fi, err := os.Stat(filepath.Dir(path)); err != nil || !fi.IsDir() {
		p.say(fmt.Sprintf("There is no folder %s.", filepath.Dir(path)))
		return
	}
	if filepath.Ext(path) == "" && len(p.exts) > 0 {
		path += p.exts[0]
		if fi, err = os.Stat(path); err == nil && fi.IsDir() {
			p.say(fmt.Sprintf("%s is a folder.", path))
			return
		}
	}
	if err == nil {
		p.u.Confirm(ui.DlgReplaceFile, "Replace “"+filepath.Base(path)+"”?",
			"A file of that name is already in "+filepath.Dir(path)+". Replacing it writes over what it holds.",
			"Replace", func() { p.finish(path) })
		return
	}
	p.finish(path)
}

// confirmFolder takes the folder typed, or the one shown.
func (p *filePicker) confirmFolder(text string) {
	path := p.dir
	if text != "" {
		path = p.resolve(text)
	}
	if fi, err := os.Stat(path); err != nil || !fi.IsDir() {
		p.say(fmt.Sprintf("There is no folder %s.", path))
		return
	}
	p.u.App.Preferences().SetString(prefFilesFolder, path)
	p.d.Hide()
	p.done(path)
}

// resolve reads what was typed: a path from home (~/…), a full path, or a
// name in the folder shown.
func (p *filePicker) resolve(text string) string {
	if text == "~" {
		return xdg.Home
	}
	if rest, ok := strings.CutPrefix(text, "~"+string(filepath.Separator)); ok {
		return filepath.Join(xdg.Home, rest)
	}
	if filepath.IsAbs(text) {
		return filepath.Clean(text)
	}
	return filepath.Join(p.dir, text)
}

func (p *filePicker) finish(path string) {
	p.u.App.Preferences().SetString(prefFilesFolder, filepath.Dir(path))
	p.d.Hide()
	p.done(path)
}

func (p *filePicker) say(msg string) {
	p.msg.SetText(msg)
	p.msg.Show()
}

func (p *filePicker) hideMessage() {
	p.msg.SetText("")
	p.msg.Hide()
}

// unwrapPathError keeps the reason of a *PathError (the path is said
// already).
func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
