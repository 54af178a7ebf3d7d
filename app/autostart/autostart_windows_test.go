package autostart

import (
	"testing"

	"golang.org/x/sys/windows/registry"
)

// Run under Wine by `make test-windows` (its private prefix's registry), or
// on Windows, where it adds and removes a value named for the test only.
func TestRunKeyEntry(t *testing.T) {
	e := Entry{ID: "app.bothand.BothAnd.Test", Name: "Both/And", Exec: `C:\Program Files\Both And\bothand.exe`, Args: []string{"--minimized"}}
	t.Cleanup(func() { _ = e.Disable() })
	if e.Enabled() {
		t.Fatal("enabled before Enable")
	}
	if err := e.Enable(); err != nil {
		t.Fatal(err)
	}
	k, err := registry.OpenKey(registry.CURRENT_USER, runKey, registry.QUERY_VALUE)
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := k.GetStringValue(e.ID)
	k.Close()
	if want := `"C:\Program Files\Both And\bothand.exe" --minimized`; err != nil || got != want {
		t.Errorf("Run value = %q, %v; want %q", got, err, want)
	}
	if !e.Enabled() {
		t.Error("not enabled after Enable")
	}
	if err := e.Disable(); err != nil || e.Enabled() {
		t.Errorf("still enabled after Disable: %v", err)
	}
	if err := e.Disable(); err != nil {
		t.Errorf("disabling twice: %v", err)
	}
}
