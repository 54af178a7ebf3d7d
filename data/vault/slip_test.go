package vault

import (
	"os"
	"path/filepath"
	"testing"
)

func TestSlipWhileLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	if s, err := SlipWhileLocked(path); s != "" || err != nil {
		t.Fatalf("no copy yet: %q, %v", s, err)
	}
	if err := ShowSlipWhileLocked(path, "  I can rest too.\n"); err != nil {
		t.Fatal(err)
	}
	if s, _ := SlipWhileLocked(path); s != "I can rest too." {
		t.Errorf("kept %q", s)
	}
	info, err := os.Stat(path + ".slip")
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("the copy: %v, %v", info, err)
	}
	if err := ShowSlipWhileLocked(path, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + ".slip"); !os.IsNotExist(err) {
		t.Error("an empty slip left the copy")
	}
	ShowSlipWhileLocked(path, "Again")
	if err := HideSlipWhileLocked(path); err != nil {
		t.Fatal(err)
	}
	if err := HideSlipWhileLocked(path); err != nil {
		t.Errorf("hiding twice: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*")); len(left) != 0 {
		t.Errorf("files left: %v", left)
	}
}
