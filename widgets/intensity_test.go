package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func newIntensityWindow(t *testing.T, value int) (*Intensity, fyne.Window, *[]int) {
	t.Helper()
	test.NewTempApp(t)
	var changes []int
	i := NewIntensity(value, func(v int) { changes = append(changes, v) })
	w := test.NewWindow(i)
	w.Resize(fyne.NewSize(520, 60))
	t.Cleanup(w.Close)
	return i, w, &changes
}

func TestIntensityRendersValueInNumbersAndWords(t *testing.T) {
	_, w, _ := newIntensityWindow(t, 0)
	test.AssertRendersToMarkup(t, "intensity/zero.xml", w.Canvas())

	i, w, _ := newIntensityWindow(t, 7)
	w.Canvas().Focus(i)
	test.AssertRendersToMarkup(t, "intensity/seven_focused.xml", w.Canvas())
}

func TestIntensityKeyboard(t *testing.T) {
	i, w, changes := newIntensityWindow(t, 5)
	w.Canvas().Focus(i)
	keys := []struct {
		key  fyne.KeyName
		rune rune
		want int
	}{
		{key: fyne.KeyRight, want: 6},
		{key: fyne.KeyUp, want: 7},
		{key: fyne.KeyLeft, want: 6},
		{key: fyne.KeyDown, want: 5},
		{key: fyne.KeyEnd, want: 10},
		{key: fyne.KeyRight, want: 10}, // stays at the top
		{key: fyne.KeyHome, want: 0},
		{key: fyne.KeyLeft, want: 0},
		{rune: '3', want: 3},
		{rune: '1', want: 1},
		{rune: '0', want: 10}, // "1" then "0"
		{rune: '0', want: 0},
		{rune: 'x', want: 0},
	}
	for _, k := range keys {
		if k.rune != 0 {
			i.TypedRune(k.rune)
		} else {
			i.TypedKey(&fyne.KeyEvent{Name: k.key})
		}
		if i.Value != k.want {
			t.Fatalf("after %q%c: value %d, want %d", k.key, k.rune, i.Value, k.want)
		}
	}
	want := []int{6, 7, 6, 5, 10, 0, 3, 1, 10, 0}
	if len(*changes) != len(want) {
		t.Fatalf("OnChanged got %v, want %v", *changes, want)
	}
	for n := range want {
		if (*changes)[n] != want[n] {
			t.Fatalf("OnChanged got %v, want %v", *changes, want)
		}
	}
}

func TestIntensityMouse(t *testing.T) {
	i, _, changes := newIntensityWindow(t, 2)
	step := stepSize() + stepGap()
	test.TapAt(i, fyne.NewPos(step*3+2, 10))
	if i.Value != 3 {
		t.Errorf("tap on step 3: value %d", i.Value)
	}
	test.TapAt(i, fyne.NewPos(step*14, 10)) // on the label: no change
	if i.Value != 3 {
		t.Errorf("tap on the label changed the value to %d", i.Value)
	}
	i.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(step*9+1, 10)}})
	i.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(step*30, 10)}})
	if i.Value != 10 || len(*changes) != 3 {
		t.Errorf("after dragging past the end: value %d, changes %v", i.Value, *changes)
	}
	i.Disable()
	test.TapAt(i, fyne.NewPos(2, 10))
	i.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome})
	if i.Value != 10 {
		t.Errorf("a disabled scale changed to %d", i.Value)
	}
	i.SetValue(42)
	if i.Value != 10 || len(*changes) != 3 {
		t.Errorf("SetValue: value %d, changes %v", i.Value, *changes)
	}
}

func TestIntensityWord(t *testing.T) {
	for v, want := range map[int]string{0: "none", 1: "slight", 4: "mild", 5: "moderate", 8: "strong", 10: "overwhelming"} {
		if got := IntensityWord(v); got != want {
			t.Errorf("IntensityWord(%d) = %q, want %q", v, got, want)
		}
	}
}
