package replica

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/bothand/bothand/data"
)

const magicForTest = "BASYNC\x00\x01"

// The folder never holds readable text: a token typed on one computer, in
// an entry's answers, a tag, a slip, a setting, the computer's own name,
// is found in no file of the sync folder on either computer, compressed
// or not, whatever the files are (segments, snapshots, state files).
func TestNoTypedWordInTheFolder(t *testing.T) {
	t.Parallel()
	raw := make([]byte, 8)
	rand.Read(raw)
	token := "tok" + hex.EncodeToString(raw)
	a := newDevice(t, "desk-"+token)
	a.save(t, data.Entry{Story: "before syncing " + token, Intensity: 2})
	a.setup(t)
	b := newDevice(t, "laptop")
	tool := newSyncTool(t, 3, a.folder, b.folder)
	tool.settle()
	b.join(t)
	e := a.save(t, data.Entry{Trigger: token, Story: "after " + token, Friend: token, Intensity: 5, Tags: []data.Tag{{Name: token}}})
	if _, err := a.store.AddSlip("I may rest "+token, true); err != nil {
		t.Fatal(err)
	}
	if err := a.store.SetSetting("triage.rule", token); err != nil {
		t.Fatal(err)
	}
	settleAll(t, tool, a, b)
	e = entryByUUID(t, b.store, e.UUID)
	e.Story = "edited " + token
	b.save(t, e)
	settleAll(t, tool, a, b)
	if _, err := a.rep.writeSnapshot(ctx, true); err != nil {
		t.Fatal(err)
	}
	tool.settle()
	if texts := entryTexts(t, b.store); len(texts) != 2 {
		t.Fatalf("the entries did not sync: %q", texts)
	}
	files := 0
	for _, root := range []string{a.folder, b.folder} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			files++
			body, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			// Compression alone would hide the token from bytes.Contains:
			// every file but the marker must be sealed.
			if d.Name() != markerName && !bytes.HasPrefix(body, []byte(magicForTest)) {
				t.Errorf("%s is not a sealed file", p)
			}
			for _, needle := range [][]byte{[]byte(token), []byte(token[:12]), []byte(hex.EncodeToString([]byte(token)))} {
				if bytes.Contains(body, needle) || bytes.Contains([]byte(p), needle) {
					t.Errorf("%s holds the token", p)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if files < 6 {
		t.Fatalf("only %d files looked at", files)
	}
}
