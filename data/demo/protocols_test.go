package demo

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/bothand/bothand/data"
)

func TestDemoProtocolsAndTriages(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	s, err := data.Open(filepath.Join(t.TempDir(), "demo.db"), data.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := Fill(s, Options{Entries: 200, Seed: 5, Now: now}); err != nil {
		t.Fatal(err)
	}
	list := must(s.Protocols())
	active, tied := 0, 0
	for _, p := range list {
		if p.Status == data.ProtocolActive {
			active++
		}
		if p.CommitmentID != nil {
			tied++
		}
	}
	if len(list) < 5 || active < 3 || tied < 1 {
		t.Errorf("%d protocols, %d active, %d tied", len(list), active, tied)
	}
	rec := must(s.TriageRecord())
	if rec.Total != 24 || rec.LookedBack != 22 || rec.Real == 0 || rec.Real == rec.LookedBack {
		t.Errorf("record = %+v", rec)
	}
	if due := must(s.LookBacksDue(now)); len(due) != 2 {
		t.Errorf("%d look-backs due", len(due))
	}
	clashes := 0
	for _, tr := range must(s.Triages(100)) {
		if tr.Verdict == data.VerdictUrgentClash || tr.ReplyDraft != "" {
			clashes++
		}
	}
	if clashes == 0 {
		t.Error("no triage drafted a reply")
	}
}
