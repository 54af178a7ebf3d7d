package data

import (
	"strings"
	"testing"
)

func TestReframesInOrderWithoutDeleted(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	list, err := s.Reframes()
	if err != nil || len(list) != 4 {
		t.Fatalf("reframes = %d, %v", len(list), err)
	}
	for i, r := range list {
		if r.Position != i+1 || r.BuiltinKey == nil {
			t.Errorf("reframe %d = %+v", i, r)
		}
	}
	if *list[0].BuiltinKey != "either-or" {
		t.Errorf("first reframe is %q", *list[0].BuiltinKey)
	}
	s.db.Exec("UPDATE reframes SET deleted_at = 1 WHERE id = ?", list[1].ID)
	if again, _ := s.Reframes(); len(again) != 3 || again[1].ID != list[2].ID {
		t.Errorf("after deleting one: %d reframes", len(again))
	}
}

func TestOwnReframesAndHowOftenEachHelped(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	if _, err := s.SaveReframe(Reframe{OldStory: "  ", NewStory: "x"}); err == nil || !strings.Contains(err.Error(), "old story is empty") {
		t.Errorf("empty old story: %v", err)
	}
	if _, err := s.SaveReframe(Reframe{OldStory: "x", NewStory: strings.Repeat("y", 2001)}); err == nil || !strings.Contains(err.Error(), "2,000") {
		t.Errorf("long new story: %v", err)
	}
	own, err := s.SaveReframe(Reframe{OldStory: " A good parent never works late. ", NewStory: "Working late tonight is one evening, not who I am."})
	if err != nil || own.Position != 5 || own.OldStory != "A good parent never works late." {
		t.Fatalf("own reframe: %+v, %v", own, err)
	}
	own.NewStory = "One late evening is not my whole parenting."
	if own, err = s.SaveReframe(own); err != nil || own.Position != 5 {
		t.Fatalf("edit: %+v, %v", own, err)
	}
	list, _ := s.Reframes()
	if len(list) != 5 || list[4].NewStory != "One late evening is not my whole parenting." {
		t.Fatalf("list: %+v", list)
	}
	builtin := list[0]
	builtin.NewStory = "changed"
	if _, err := s.SaveReframe(builtin); err == nil {
		t.Error("a built-in reframe was edited")
	}
	if err := s.DeleteReframe(builtin.ID); err == nil {
		t.Error("a built-in reframe was deleted")
	}

	for i, id := range []int64{builtin.ID, builtin.ID, own.ID} {
		e, err := s.SaveEntry(Entry{Trigger: "moment " + string(rune('a'+i)), Intensity: 5, Kind: KindShame}, 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.LinkReframe(e.ID, &id); err != nil {
			t.Fatal(err)
		}
		if i == 1 {
			s.TrashEntry(e.ID)
		}
	}
	helped, err := s.ReframeHelped()
	if err != nil || helped[builtin.ID] != 1 || helped[own.ID] != 1 || len(helped) != 2 {
		t.Errorf("helped = %v, %v (the trashed entry must not count)", helped, err)
	}
	if err := s.DeleteReframe(own.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Reframes(); len(list) != 4 {
		t.Errorf("after deleting the own reframe: %d", len(list))
	}
}
