package data

import "testing"

func TestReframesInOrderWithoutDeleted(t *testing.T) {
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
