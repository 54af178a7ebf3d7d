package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/data/replica"
)

func init() {
	verbs["sync"] = verb{
		summary: "sync with your other computers now, through a folder your sync tool syncs",
		args:    "[setup FOLDER | join FOLDER | status | remove NAME | stop]",
		run:     runSync,
	}
}

func runSync(c *command, args []string) int {
	sub := ""
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		sub, args = args[0], args[1:]
	}
	switch sub {
	case "":
		return runSyncRound(c, args)
	case "setup":
		return runSyncSetup(c, args)
	case "join":
		return runSyncJoin(c, args)
	case "status":
		return runSyncStatus(c, args)
	case "remove":
		return runSyncRemove(c, args)
	case "stop":
		return runSyncStop(c, args)
	case "help":
		c.printUsage(c.Stdout)
		return ExitOK
	}
	return c.usageError(fmt.Errorf("sync %s: expected setup, join, status, remove or stop, or nothing for a round now", sub))
}

// openSynced opens the journal with its key, for a verb on its sync;
// needKey refuses a journal without one (a plain journal), for the verbs
// that read or write the folder.
func (c *command) openSynced(needKey bool) (*data.Store, []byte, bool) {
	path, createFolder := c.dbPath()
	s, key, err := syncKeys.Open(c, path, data.Options{CreateFolder: createFolder, Now: c.Now})
	if err == nil && needKey && key == nil {
		s.Close()
		err = errNeedsEncryption
	}
	if err != nil {
		c.fail(err)
		return nil, nil, false
	}
	return s, key, true
}

func runSyncSetup(c *command, args []string) int {
	c.name = "sync setup"
	fs := c.flags("sync setup")
	name := fs.String("name", "", "this computer's name, as your other computers show it (default: its host name)")
	rest, code := c.parse(fs, args, 1)
	if code != proceed {
		return code
	}
	if len(rest) != 1 {
		return c.usageError(errors.New("sync setup needs the FOLDER your sync tool syncs"))
	}
	s, key, ok := c.openSynced(true)
	if !ok {
		return ExitError
	}
	defer s.Close()
	defer clear(key)
	var r *replica.Replica
	err := c.interruptible(func(ctx context.Context) error {
		var err error
		if r, err = replica.Setup(ctx, s, key, rest[0], *name, replica.Options{}); err != nil {
			return err
		}
		return syncKeys.Publish(s.Path(), r.Folder())
	})
	if err != nil {
		return c.failOrStop(err, "the journal does not sync")
	}
	st, err := replica.StatusOf(context.Background(), s)
	if err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(c.Stdout, "This journal now syncs through %s as “%s”.\nOn your other computer, once the folder is there too:\n  bothand --db NEW-JOURNAL.db sync join %q\n",
		r.Folder(), st.This.Name, r.Folder())
	return ExitOK
}

func runSyncJoin(c *command, args []string) int {
	c.name = "sync join"
	fs := c.flags("sync join")
	name := fs.String("name", "", "this computer's name, as your other computers show it (default: its host name)")
	rest, code := c.parse(fs, args, 1)
	if code != proceed {
		return code
	}
	if len(rest) != 1 {
		return c.usageError(errors.New("sync join needs the FOLDER your other computer syncs through"))
	}
	path, createFolder := c.dbPath()
	if _, err := os.Stat(path); err == nil {
		return c.fail(fmt.Errorf("%s exists already: a journal joins the sync as a new file; give another with --db NEW.db", path))
	}
	folder, err := filepath.Abs(rest[0])
	if err != nil {
		return c.fail(err)
	}
	s, key, err := syncKeys.Create(c, path, folder, data.Options{CreateFolder: createFolder, Now: c.Now})
	if err != nil {
		return c.fail(err)
	}
	defer clear(key)
	progress := newProgressLine(c)
	err = c.interruptible(func(ctx context.Context) error {
		_, err := replica.Join(ctx, s, key, folder, *name, replica.Options{Progress: func(pr replica.Progress) {
			what := "Reading the journal"
			if pr.Stage == "applying" {
				what = "Applying recent changes"
			}
			progress.show(what, int64(pr.Done), int64(pr.Total))
		}})
		return err
	})
	progress.done()
	if err != nil {
		s.Close()
		syncKeys.Remove(path)
		return c.failOrStop(err, "no journal was made")
	}
	defer s.Close()
	n, err := s.CountEntries(data.EntryFilter{})
	if err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(c.Stdout, "Joined: %s is a copy of the journal with %s, and syncs through %s.\n", s.Path(), entriesCount(n), folder)
	return ExitOK
}

func entriesCount(n int) string {
	if n == 1 {
		return "1 entry"
	}
	return fmt.Sprintf("%d entries", n)
}

func runSyncRound(c *command, args []string) int {
	if _, code := c.parse(c.flags("sync"), args, 0); code != proceed {
		return code
	}
	s, key, ok := c.openSynced(true)
	if !ok {
		return ExitError
	}
	defer s.Close()
	defer clear(key)
	r, err := replica.Open(s, key, replica.Options{})
	if err != nil {
		return c.fail(notSetUpAdvice(err))
	}
	var res replica.Result
	err = c.interruptible(func(ctx context.Context) error {
		res, err = r.Round(ctx)
		return err
	})
	if err != nil {
		return c.failOrStop(err, "what was synced so far is kept; the rest waits for the next round")
	}
	fmt.Fprintln(c.Stdout, res.String()+".")
	for _, p := range res.Problems {
		fmt.Fprintln(c.Stderr, "note: "+p)
	}
	if err := syncKeys.Publish(s.Path(), r.Folder()); err != nil {
		fmt.Fprintln(c.Stderr, "note: the sync folder's copy of the journal's keys was not brought up to date: "+err.Error())
	}
	if res.Conflicts > 0 {
		fmt.Fprintln(c.Stdout, "Open Both/And to choose between the two versions, or keep both.")
	}
	return ExitOK
}

func notSetUpAdvice(err error) error {
	if errors.Is(err, replica.ErrNotSetUp) {
		return errors.New("this journal does not sync yet: bothand sync setup FOLDER starts it, or bothand --db NEW.db sync join FOLDER joins one that does")
	}
	return err
}

func runSyncStatus(c *command, args []string) int {
	c.name = "sync status"
	if _, code := c.parse(c.flags("sync status"), args, 0); code != proceed {
		return code
	}
	s, key, ok := c.openSynced(false)
	if !ok {
		return ExitError
	}
	defer s.Close()
	clear(key)
	st, err := replica.StatusOf(context.Background(), s)
	if err != nil {
		return c.fail(notSetUpAdvice(err))
	}
	when := func(t time.Time) string {
		if t.IsZero() {
			return "never"
		}
		return t.In(time.Local).Format("2006-01-02 15:04")
	}
	fmt.Fprintf(c.Stdout, "Folder: %s\n", st.Folder)
	fmt.Fprintf(c.Stdout, "This computer: %s\n", st.This.Name)
	if st.Removed {
		fmt.Fprintf(c.Stdout, "Removed from the sync by %s: bothand sync setup %q syncs it again.\n", orSomeone(st.RemovedBy), st.Folder)
	}
	last := "no round yet"
	if !st.LastRound.IsZero() {
		last = when(st.LastRound) + ": " + st.LastResult
		if st.LastError != "" {
			last = when(st.LastRound) + ": failed: " + st.LastError
		}
	}
	fmt.Fprintf(c.Stdout, "Last round: %s\n", last)
	if st.Pending > 0 {
		fmt.Fprintf(c.Stdout, "Waiting to be sent: %d changes\n", st.Pending)
	}
	if st.Conflicts > 0 {
		fmt.Fprintf(c.Stdout, "Entries with two versions to choose between: %d\n", st.Conflicts)
	}
	if len(st.Others) == 0 {
		fmt.Fprintln(c.Stdout, "No other computer has joined yet.")
		return ExitOK
	}
	fmt.Fprintln(c.Stdout, "Other computers:")
	tw := tabwriter.NewWriter(c.Stdout, 0, 0, 2, ' ', 0)
	for _, d := range st.Others {
		note := "last synced " + when(d.LastSeen)
		if d.Removed {
			note = "removed"
		}
		if d.Problem != "" {
			note += "; " + d.Problem
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", orSomeone(d.Name), shortID(d.ID), note)
	}
	tw.Flush()
	return ExitOK
}

// shortID is the part of a device's id status shows, and remove takes: its
// last eight hex digits, which are random (the first ones of a version 7
// UUID are its time, alike for computers that joined within a minute).
func shortID(id string) string { return id[max(0, len(id)-8):] }

func orSomeone(name string) string {
	if name == "" {
		return "another computer"
	}
	return name
}

func runSyncRemove(c *command, args []string) int {
	c.name = "sync remove"
	rest, code := c.parse(c.flags("sync remove"), args, 1)
	if code != proceed {
		return code
	}
	if len(rest) != 1 {
		return c.usageError(errors.New("sync remove needs the computer's name or its id as bothand sync status shows it"))
	}
	s, key, ok := c.openSynced(true)
	if !ok {
		return ExitError
	}
	defer s.Close()
	defer clear(key)
	st, err := replica.StatusOf(context.Background(), s)
	if err != nil {
		return c.fail(notSetUpAdvice(err))
	}
	var match []replica.Device
	for _, d := range st.Others {
		if id := strings.ToLower(rest[0]); !d.Removed && (strings.EqualFold(d.Name, rest[0]) || id == shortID(d.ID) || id == d.ID) {
			match = append(match, d)
		}
	}
	switch len(match) {
	case 0:
		return c.fail(fmt.Errorf("no computer called %q syncs with this journal (see: bothand sync status)", rest[0]))
	case 1:
	default:
		return c.fail(fmt.Errorf("%d computers are called %q: give the id bothand sync status shows instead", len(match), rest[0]))
	}
	r, err := replica.Open(s, key, replica.Options{})
	if err != nil {
		return c.fail(err)
	}
	err = c.interruptible(func(ctx context.Context) error { return r.RemoveDevice(ctx, match[0].ID) })
	if err != nil {
		return c.failOrStop(err, "the computer was not removed")
	}
	fmt.Fprintf(c.Stdout, "Removed “%s” from the sync. Its changes not yet in the folder stay on it until it is set up again.\n", orSomeone(match[0].Name))
	return ExitOK
}

func runSyncStop(c *command, args []string) int {
	c.name = "sync stop"
	if _, code := c.parse(c.flags("sync stop"), args, 0); code != proceed {
		return code
	}
	s, key, ok := c.openSynced(false)
	if !ok {
		return ExitError
	}
	defer s.Close()
	clear(key)
	st, err := replica.StatusOf(context.Background(), s)
	if err != nil {
		return c.fail(notSetUpAdvice(err))
	}
	if err := replica.Stop(context.Background(), s); err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(c.Stdout, "This journal no longer syncs through %s; its entries stay as they are. On your other computers: bothand sync remove %q\n",
		st.Folder, st.This.Name)
	return ExitOK
}

// stopSyncingDecrypted stops the sync of a journal whose encryption was
// just turned off: the folder is sealed with the key it no longer has, so
// it can't sync on, and its edits would otherwise be kept for the folder
// for ever.
func (c *command) stopSyncingDecrypted(path string) {
	s, err := data.Open(path, data.Options{Now: c.Now})
	if err != nil {
		return
	}
	defer s.Close()
	st, err := replica.StatusOf(context.Background(), s)
	if err != nil {
		return // it did not sync
	}
	if err := replica.Stop(context.Background(), s); err != nil {
		fmt.Fprintf(c.Stderr, "bothand: the journal still counts as syncing through %s: %v\n", st.Folder, err)
		return
	}
	fmt.Fprintf(c.Stdout, "It no longer syncs through %s, since syncing needs the encryption. On your other computers: bothand sync remove %q\n",
		st.Folder, st.This.Name)
}
