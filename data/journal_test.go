package data

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fixedClock returns a store clock that tests can move.
func fixedClock(t time.Time) (func() time.Time, *time.Time) {
	now := t
	return func() time.Time { return now }, &now
}

func tagList(names ...string) []Tag {
	tags := make([]Tag, len(names))
	for i, n := range names {
		tags[i] = Tag{Name: n}
	}
	return tags
}

func tagNamesOf(tags []Tag) string {
	var names []string
	for _, t := range tags {
		names = append(names, t.Name)
	}
	return strings.Join(names, ", ")
}

func TestSaveEntryNewThenEdit(t *testing.T) {
	t.Parallel()
	clock, now := fixedClock(time.Date(2026, 3, 2, 21, 30, 0, 0, time.UTC))
	s := openTemp(t, Options{Now: clock})

	e, err := s.SaveEntry(Entry{
		Trigger:   "Missed the assembly for a client call.",
		Story:     "I keep choosing work.",
		Friend:    "One assembly doesn't define you.",
		Intensity: 7,
		Kind:      KindGuilt,
		Tags:      tagList("visibility TRAP", "bedtime", "Bedtime ", " "),
	}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if e.ID == 0 || e.UUID == "" || !e.HappenedAt.Equal(*now) || !e.CreatedAt.Equal(*now) {
		t.Fatalf("saved entry = %+v", e)
	}
	got, err := s.Entry(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Trigger != e.Trigger || got.Story != e.Story || got.Friend != e.Friend || got.Intensity != 7 || got.Kind != KindGuilt {
		t.Errorf("read back %+v", got)
	}
	// The built-in tag is matched whatever its case; the new one is the
	// person's own, once.
	if names := tagNamesOf(got.Tags); names != "Visibility trap, bedtime" {
		t.Errorf("tags = %q", names)
	}
	tags, _ := s.Tags()
	if len(tags) != 7 || tags[6].Name != "bedtime" || tags[6].BuiltinKey != nil {
		t.Errorf("all tags = %q", tagNamesOf(tags))
	}

	// An edit keeps identity and creation time, replaces the tags and keeps
	// the commitment link it was given.
	c := Commitment{Title: "Sports day", Tier: TierNonNegotiable, StartsAt: *now, EndsAt: now.Add(time.Hour), ExDates: []time.Time{}}
	c.Stamp(*now)
	if err := s.db.Create(&c).Error; err != nil {
		t.Fatal(err)
	}
	*now = now.Add(time.Hour)
	got.Friend = "You'll be at the next one."
	got.Intensity = 4
	got.CommitmentID = &c.ID
	got.Tags = tagList("Comparison spiral")
	edited, err := s.SaveEntry(got, 0)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := s.Entry(e.ID)
	if again.UUID != e.UUID || !again.CreatedAt.Equal(e.CreatedAt) || !again.UpdatedAt.Equal(*now) || !edited.UpdatedAt.Equal(*now) {
		t.Errorf("identity or times changed: %+v", again.Record)
	}
	if again.Friend != "You'll be at the next one." || again.Intensity != 4 || again.CommitmentID == nil || *again.CommitmentID != c.ID {
		t.Errorf("edit not stored: %+v", again)
	}
	if names := tagNamesOf(again.Tags); names != "Comparison spiral" {
		t.Errorf("tags after edit = %q", names)
	}
	// The edit is what search finds now.
	if ids := searchIDs(t, s, "next"); len(ids) != 1 {
		t.Errorf("search for the new words: %v", ids)
	}
	if ids := searchIDs(t, s, "define"); len(ids) != 0 {
		t.Errorf("search still finds the old words: %v", ids)
	}

	if _, err := s.SaveEntry(Entry{Record: Record{ID: 999}, Trigger: "x"}, 0); !errors.Is(err, ErrNotFound) {
		t.Errorf("edit of a missing entry: %v", err)
	}
}

func TestSaveEntryRefusesWhatItCannotKeep(t *testing.T) {
	t.Parallel()
	clock, now := fixedClock(time.Date(2026, 3, 2, 21, 30, 0, 0, time.UTC))
	s := openTemp(t, Options{Now: clock})
	long := strings.Repeat("é", MaxFieldLen+1) // characters, not bytes, count
	cases := []struct {
		name  string
		entry Entry
		field Field
		want  string
	}{
		{"all three empty", Entry{Trigger: " \n\t", Story: "", Friend: "  "}, "trigger", "at least one"},
		{"trigger too long", Entry{Trigger: long}, "trigger", "100,001 characters"},
		{"story too long", Entry{Trigger: "x", Story: long}, "story", "up to 100,000"},
		{"friend too long", Entry{Friend: long}, "friend", "Nothing was cut"},
		{"intensity above 10", Entry{Trigger: "x", Intensity: 11}, "intensity", "0 (none) to 10"},
		{"intensity below 0", Entry{Trigger: "x", Intensity: -1}, "intensity", "0 (none) to 10"},
		{"unknown kind", Entry{Trigger: "x", Kind: "angry"}, "kind", "guilt, shame or not sure"},
		{"in the future", Entry{Trigger: "x", HappenedAt: now.Add(48 * time.Hour)}, "happened_at", "future"},
		{"long ago", Entry{Trigger: "x", HappenedAt: time.Date(1850, 1, 1, 0, 0, 0, 0, time.UTC)}, "happened_at", "too far back"},
		{"tag too long", Entry{Trigger: "x", Tags: tagList(strings.Repeat("t", 61))}, "tags", "up to 60"},
		{"not text", Entry{Story: "ok \xff\xfe"}, "story", "not text"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.SaveEntry(tc.entry, 0)
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("err = %v, want a ValidationError", err)
			}
			if ve.Field != tc.field || !strings.Contains(ve.Message, tc.want) {
				t.Errorf("got %s: %q; want %s: …%s…", ve.Field, ve.Message, tc.field, tc.want)
			}
		})
	}
	if n, _ := s.CountEntries(EntryFilter{}); n != 0 {
		t.Fatalf("%d refused entries were stored", n)
	}
	// Exactly the limit is kept, whole.
	limit := strings.Repeat("ü", MaxFieldLen)
	e, err := s.SaveEntry(Entry{Story: limit}, 0)
	if err != nil {
		t.Fatal(err)
	}
	back, _ := s.Entry(e.ID)
	if back.Story != limit {
		t.Errorf("a %d-character answer came back with %d bytes", MaxFieldLen, len(back.Story))
	}
}

func TestUnicodeRoundTripsExactly(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	texts := []string{
		"Family 👨‍👩‍👧‍👦 dinner, flag 🇳🇱, skin tone 👍🏽, keycap 1️⃣",
		"שלום, הילד שלי — ומה אני אומר לעצמי? مرحبا بالعالم",
		"e\u0301cole (decomposed) and école (composed), Zalgo: z\u0335\u031b\u0317a\u0336\u0301",
		"  leading and trailing spaces, tabs\tand\r\nWindows line breaks\n\n",
		"zero\u200bwidth and right-to-left \u202emark\u202c and BOM \ufeff",
	}
	for _, text := range texts {
		e, err := s.SaveEntry(Entry{Trigger: text, Story: text, Friend: text, Tags: tagList("😀 שלום")}, 0)
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		back, err := s.Entry(e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if back.Trigger != text || back.Story != text || back.Friend != text {
			t.Errorf("changed on the way:\n in  %q\n out %q", text, back.Trigger)
		}
		if len(back.Tags) != 1 || back.Tags[0].Name != "😀 שלום" {
			t.Errorf("tag came back as %q", tagNamesOf(back.Tags))
		}
	}
	for _, q := range []string{"שלום", "مرحبا", "ecole", "école", "dinner"} {
		if ids := searchIDs(t, s, q); len(ids) == 0 {
			t.Errorf("search %q found nothing", q)
		}
	}
}

func TestTrashUndoAndEmpty(t *testing.T) {
	t.Parallel()
	clock, now := fixedClock(time.Date(2026, 3, 2, 21, 30, 0, 0, time.UTC))
	s := openTemp(t, Options{Now: clock})
	keep, _ := s.SaveEntry(Entry{Trigger: "kept evening", Intensity: 3}, 0)
	gone, err := s.SaveEntry(Entry{Trigger: "deleted evening", Friend: "plan the next one", Kind: KindGuilt, Tags: tagList("bedtime")}, 0)
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.StartProtocol(gone.ID)
	if err != nil {
		t.Fatal(err)
	}

	*now = now.Add(time.Minute)
	if err := s.TrashEntry(gone.ID); err != nil {
		t.Fatal(err)
	}
	if ids := pageIDs(t, s, EntryFilter{}); len(ids) != 1 || ids[0] != keep.ID {
		t.Errorf("list after trashing = %v", ids)
	}
	if ids := searchIDs(t, s, "evening"); len(ids) != 1 {
		t.Errorf("search finds trashed entries: %v", ids)
	}
	trash, _ := s.Trash(0)
	if len(trash) != 1 || trash[0].ID != gone.ID || trash[0].DeletedAt == nil || !trash[0].DeletedAt.Equal(*now) {
		t.Fatalf("trash = %+v", trash)
	}
	if n, _ := s.TrashCount(); n != 1 {
		t.Errorf("trash count = %d", n)
	}
	if _, err := s.SaveEntry(Entry{Record: Record{ID: gone.ID}, Trigger: "edit"}, 0); err == nil {
		t.Error("a trashed entry was edited")
	}

	// Undo brings it back whole.
	if err := s.RestoreEntry(gone.ID); err != nil {
		t.Fatal(err)
	}
	back, _ := s.Entry(gone.ID)
	if back.DeletedAt != nil || back.Trigger != "deleted evening" || len(back.Tags) != 1 {
		t.Errorf("restored = %+v", back)
	}
	if ids := pageIDs(t, s, EntryFilter{}); len(ids) != 2 {
		t.Errorf("list after undo = %v", ids)
	}

	// Emptying the trash deletes for good, and only what is in it.
	if err := s.TrashEntry(gone.ID); err != nil {
		t.Fatal(err)
	}
	n, err := s.EmptyTrash()
	if err != nil || n != 1 {
		t.Fatalf("EmptyTrash = %d, %v", n, err)
	}
	if _, err := s.Entry(gone.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("emptied entry: %v", err)
	}
	if _, err := s.Entry(keep.ID); err != nil {
		t.Errorf("live entry: %v", err)
	}
	var links int
	s.db.Raw("SELECT count(*) FROM entry_tags WHERE entry_id = ?", gone.ID).Scan(&links)
	var fts int
	s.db.Raw(`SELECT count(*) FROM entries_fts WHERE entries_fts MATCH '"deleted"'`).Scan(&fts)
	if links != 0 || fts != 0 {
		t.Errorf("left behind: %d tag links, %d index rows", links, fts)
	}
	var orphan Protocol
	s.db.Take(&orphan, p.ID)
	if orphan.ID != p.ID || orphan.EntryID != nil {
		t.Errorf("the protocol should stay, unlinked: %+v", orphan)
	}
	if n, _ := s.TrashCount(); n != 0 {
		t.Errorf("trash count after emptying = %d", n)
	}

	for _, f := range []func(int64) error{s.TrashEntry, s.RestoreEntry} {
		if err := f(gone.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("on an emptied entry: %v", err)
		}
	}
}

func TestLinkReframe(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	e, _ := s.SaveEntry(Entry{Story: "I'm a terrible parent.", Kind: KindShame}, 0)
	reframes, err := s.Reframes()
	if err != nil || len(reframes) != 4 {
		t.Fatalf("reframes = %v, %v", len(reframes), err)
	}
	if reframes[0].Position != 1 || reframes[0].OldStory == "" || reframes[0].NewStory == "" {
		t.Errorf("first reframe = %+v", reframes[0])
	}
	id := reframes[2].ID
	if err := s.LinkReframe(e.ID, &id); err != nil {
		t.Fatal(err)
	}
	back, _ := s.Entry(e.ID)
	if back.ReframeID == nil || *back.ReframeID != id {
		t.Errorf("reframe link = %v", back.ReframeID)
	}
	// Editing the entry keeps the link it carries.
	back.Friend = "Kinder words."
	if _, err := s.SaveEntry(back, 0); err != nil {
		t.Fatal(err)
	}
	if again, _ := s.Entry(e.ID); again.ReframeID == nil || *again.ReframeID != id {
		t.Errorf("link lost on edit")
	}
	if err := s.LinkReframe(e.ID, nil); err != nil {
		t.Fatal(err)
	}
	if back, _ := s.Entry(e.ID); back.ReframeID != nil {
		t.Error("link not cleared")
	}
	missing := int64(999)
	if err := s.LinkReframe(e.ID, &missing); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing reframe: %v", err)
	}
	if err := s.LinkReframe(999, &id); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing entry: %v", err)
	}
}

// pageIDs lists every entry matching f, paging through with a small page.
func pageIDs(t testing.TB, s *Store, f EntryFilter) []int64 {
	t.Helper()
	var ids []int64
	var after *Cursor
	for {
		page, err := s.EntryPage(f, after, 7)
		if err != nil {
			t.Fatalf("EntryPage(%+v): %v", f, err)
		}
		for _, r := range page.Rows {
			ids = append(ids, r.ID)
		}
		if page.Next == nil {
			return ids
		}
		after = page.Next
	}
}

func searchIDs(t testing.TB, s *Store, text string) []int64 {
	t.Helper()
	return pageIDs(t, s, EntryFilter{Text: text})
}

// An entry synced from a computer whose clock runs fast can say it happened
// in this computer's future: editing it must not be refused for a time the
// person did not set, while setting such a time still is.
func TestEditKeepsAFutureTimeItDidNotSet(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "j.db")
	fast, err := Open(path, Options{Now: func() time.Time { return epoch.Add(2 * time.Hour) }})
	if err != nil {
		t.Fatal(err)
	}
	e, err := fast.SaveEntry(Entry{Story: "written on the fast clock", Intensity: 3}, 0)
	fast.Close()
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, Options{Now: func() time.Time { return epoch }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	e.Story = "edited on the right clock"
	if _, err := s.SaveEntry(e, 0); err != nil {
		t.Fatalf("editing the text was refused: %v", err)
	}
	e.HappenedAt = epoch.Add(3 * time.Hour)
	if _, err := s.SaveEntry(e, 0); err == nil {
		t.Error("a time set in the future was taken")
	}
	if _, err := s.SaveEntry(Entry{Story: "new", Intensity: 1, HappenedAt: epoch.Add(2 * time.Hour)}, 0); err == nil {
		t.Error("a new entry in the future was taken")
	}
}
