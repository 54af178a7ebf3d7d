package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/bothand/bothand/app/filepicker"
	"github.com/bothand/bothand/app/syncer"
	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/keys"
	"github.com/bothand/bothand/data/replica"
	"github.com/bothand/bothand/widgets"
)

// syncPanel is the Sync part of Preferences. It reads the sync's status
// off the main goroutine and fills itself in when it arrives; its buttons
// open their dialogs in the main window, where the journal is.
func (u *UI) syncPanel() fyne.CanvasObject {
	box := container.NewVBox()
	u.fillSyncPanel(box)
	return box
}

func (u *UI) fillSyncPanel(box *fyne.Container) {
	if !u.lock.encrypted {
		box.Objects = []fyne.CanvasObject{
			ui.WrapLabel("Syncing with your other computers needs a passphrase first: the files it shares are sealed with your journal's key."),
			container.NewHBox(widgets.NewButton("Protect with a passphrase…", u.inMain(u.showEncrypt))),
		}
		box.Refresh()
		return
	}
	s := u.Store
	if s == nil {
		return
	}
	ui.Background(u.Host, func() (replica.Status, error) {
		st, err := replica.StatusOf(context.Background(), s)
		if errors.Is(err, replica.ErrNotSetUp) {
			return replica.Status{}, nil
		}
		return st, err
	}, func(st replica.Status) {
		if st.Folder == "" {
			box.Objects = u.syncOffView()
		} else {
			box.Objects = u.syncOnView(box, st)
		}
		box.Refresh()
	})
}

// syncOffView offers to start syncing.
func (u *UI) syncOffView() []fyne.CanvasObject {
	name := widgets.NewEntry()
	name.SetText(replica.DefaultName())
	choose := widgets.NewButton("Choose the folder…", func() {
		typed := name.Text
		u.inMain(func() { u.chooseSyncFolder(typed) })()
	})
	objs := []fyne.CanvasObject{
		ui.WrapLabel("Keep this journal in step with your other computers through a folder your own sync tool (Syncthing, Nextcloud, Dropbox…) already syncs. Both/And itself never uses the network, and every file it puts there is sealed with your journal's key."),
		container.NewBorder(nil, nil, widget.NewLabel("This computer's name"), nil, name),
		container.NewHBox(choose),
	}
	if u.sync.key == nil {
		choose.Disable()
		objs = append(objs, note("Lock the journal (Ctrl+L) and open it again with your passphrase to set up syncing."))
	}
	return objs
}

// chooseSyncFolder asks for the folder and makes the journal sync there,
// as name; a folder that can't be used is said in plain words, with the
// choice of another.
func (u *UI) chooseSyncFolder(name string) {
	filepicker.ChooseFolder(u.Host, "Choose the folder your sync tool keeps in step", func(folder string) {
		u.setUpSync(folder, name, func(problem string) {
			if problem != "" {
				u.Ask(ui.DlgSyncFolder, "That folder can't be used", ui.WrapLabel(problem), "Choose another…", "Cancel",
					func() { u.chooseSyncFolder(name) })
				return
			}
			u.tell("This journal now syncs through " + folder + ". On your other computer, once the folder is there too: bothand --db NEW-JOURNAL.db sync join FOLDER")
		})
	})
}

// setUpSync makes the journal sync through folder; done is told why not,
// in plain words, or "" once it syncs.
func (u *UI) setUpSync(folder, name string, done func(problem string)) {
	s, key := u.Store, u.sync.key
	if s == nil || key == nil {
		return
	}
	ui.Background(u.Host, func() (*replica.Replica, error) {
		r, err := replica.Setup(context.Background(), s, key, folder, name, replica.Options{})
		if err != nil {
			return nil, err
		}
		_, err = keys.Mirror(data.KeysPath(s.Path()), replica.KeysPath(r.Folder()))
		return r, err
	}, func(r *replica.Replica) {
		if u.Store != s {
			return
		}
		u.stopSync()
		u.runSync(r)
		done("")
	}, func(err error) { done(syncer.SetupTrouble(folder, err)) })
}

// syncOnView shows how the sync goes and what can be done about it.
func (u *UI) syncOnView(box *fyne.Container, st replica.Status) []fyne.CanvasObject {
	when := func(t time.Time) string {
		if t.IsZero() {
			return "not yet"
		}
		return syncer.Ago(t, time.Now())
	}
	name := widgets.NewEntry()
	name.SetText(st.This.Name)
	name.OnSubmitted = func(text string) { u.renameComputer(text, func() { u.fillSyncPanel(box) }) }
	last := "No round yet."
	switch {
	case st.LastError != "":
		text, _ := syncer.Trouble(st.Folder, errors.New(st.LastError))
		last = "Last round " + when(st.LastRound) + ": " + text
	case !st.LastRound.IsZero():
		last = "Last round " + when(st.LastRound) + ": " + st.LastResult + "."
	}
	objs := []fyne.CanvasObject{
		ui.WrapLabel("Syncs through " + st.Folder),
		container.NewBorder(nil, nil, widget.NewLabel("This computer's name"), nil, name),
		ui.Caption("Press Enter to rename it; your other computers show the new name after their next round."),
		ui.WrapLabel(last),
	}
	if st.Removed {
		objs = append(objs, note(fmt.Sprintf("%s removed this computer from the sync. Stop syncing and set it up again to sync here again.", orAnother(st.RemovedBy))))
	}
	if len(st.Others) == 0 {
		objs = append(objs, ui.WrapLabel("No other computer has joined yet. On the other computer, once the folder is there: bothand --db NEW-JOURNAL.db sync join FOLDER"))
	} else {
		objs = append(objs, heading("Other computers"))
	}
	for _, d := range st.Others {
		what := "last synced " + when(d.LastSeen)
		if d.Removed {
			what = "removed"
		}
		if d.Problem != "" {
			what += "; " + d.Problem
		}
		row := container.NewBorder(nil, nil, nil, nil, ui.WrapLabel(orAnother(d.Name)+" — "+what))
		if !d.Removed {
			dev := d
			remove := widgets.NewButton("Remove…", u.inMain(func() { u.confirmRemoveDevice(dev) }))
			row = container.NewBorder(nil, nil, nil, remove, ui.WrapLabel(orAnother(d.Name)+" — "+what))
		}
		objs = append(objs, row)
	}
	buttons := []fyne.CanvasObject{
		widgets.NewButton("Sync now", func() { u.syncNow(); u.afterRound(func() { u.fillSyncPanel(box) }) }),
	}
	if st.Conflicts > 0 {
		buttons = append(buttons, widgets.NewButton(fmt.Sprintf("Choose between versions (%d)…", st.Conflicts), u.inMain(u.showConflicts)))
	}
	buttons = append(buttons, widgets.NewButton("Stop syncing…", u.inMain(func() { u.confirmStopSync(st) })))
	return append(objs, container.NewHBox(buttons...))
}

func orAnother(name string) string {
	if name == "" {
		return "Another computer"
	}
	return name
}

// afterRound calls f once the next round is done.
func (u *UI) afterRound(f func()) {
	prev := u.sync.onRound
	u.sync.onRound = func() {
		u.sync.onRound = prev
		if prev != nil {
			prev()
		}
		f()
	}
}

func (u *UI) renameComputer(name string, then func()) {
	r := u.sync.rep
	if r == nil {
		return
	}
	ui.BackgroundDo(u.Host, func() error { return r.Rename(context.Background(), name) }, func() {
		then()
		u.syncNow()
	})
}

// confirmRemoveDevice removes another computer from the sync, once the
// person agrees.
func (u *UI) confirmRemoveDevice(d replica.Device) {
	u.Confirm(ui.DlgRemoveDevice, "Remove “"+orAnother(d.Name)+"” from the sync?",
		"This journal stops syncing with it, and so do your other computers after their next round. Its entries stay on it; changes it has not yet put in the folder stay there until it is set up again.",
		"Remove", func() {
			r := u.sync.rep
			if r == nil {
				u.ShowError(errors.New("the sync is not running just now (is the folder there?), so no computer can be removed"))
				return
			}
			ui.BackgroundDo(u.Host, func() error { return r.RemoveDevice(context.Background(), d.ID) }, func() {
				u.tell("“" + orAnother(d.Name) + "” no longer syncs with this journal.")
			})
		})
}

// confirmStopSync makes this journal stop syncing, once the person agrees.
func (u *UI) confirmStopSync(st replica.Status) {
	u.Confirm(ui.DlgStopSync, "Stop syncing this journal?",
		"Your entries stay as they are, here and on your other computers, and the folder is left as it is. To tidy it, remove “"+st.This.Name+"” on one of your other computers.",
		"Stop syncing", func() {
			s := u.Store
			u.stopSync()
			ui.BackgroundDo(u.Host, func() error { return replica.Stop(context.Background(), s) }, func() {
				u.showSyncLine("")
				u.showConflictNotice(0)
				u.tell("This journal no longer syncs through " + st.Folder + ".")
			})
		})
}
