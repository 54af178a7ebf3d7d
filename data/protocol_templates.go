package data

import (
	"fmt"

	"github.com/bothand/bothand/assets"
)

// Step actions: what a template step can open straight away. The
// templates themselves are built-in content (assets/content/protocols.json).
const (
	ActionAddTier1      = "add-tier1"        // the form for a non-negotiable commitment
	ActionImportICS     = "import-ics"       // the school calendar import
	ActionExportICS     = "export-ics"       // busy times out to the work calendar
	ActionUrgency       = "urgency-criteria" // the person's urgency questions and rule
	ActionTriage        = "triage"           // the client-emergency triage
	ActionDefaultBuffer = "default-buffer"   // the buffer new work starts with
)

// ProtocolTemplate is a starting point for a protocol: a title and steps
// the person then makes their own.
type ProtocolTemplate struct {
	Key   string
	Title string
	About string
	Steps []NewStep
	// FitTags and FitWords are the built-in tags and the words of the
	// entries this template suits (BestTemplate).
	FitTags, FitWords []string
}

// ProtocolTemplates are the starting points the app offers, for the kinds
// of plan that most often follow a work-versus-family clash.
func ProtocolTemplates() []ProtocolTemplate {
	var out []ProtocolTemplate
	for _, t := range assets.ProtocolTemplates() {
		tpl := ProtocolTemplate{Key: t.Key, Title: t.Title, About: t.Summary, FitTags: t.Fits.Tags, FitWords: t.Fits.Words}
		for _, st := range t.Steps {
			tpl.Steps = append(tpl.Steps, NewStep{Text: st.Text, Action: st.Action})
		}
		out = append(out, tpl)
	}
	return out
}

// ProtocolTemplateByKey finds a template.
func ProtocolTemplateByKey(key string) (ProtocolTemplate, bool) {
	for _, t := range ProtocolTemplates() {
		if t.Key == key {
			return t, true
		}
	}
	return ProtocolTemplate{}, false
}

// StartFromTemplate creates an active protocol from a template, with the
// template's title, tied to a commitment when one is given.
func (s *Store) StartFromTemplate(key string, commitmentID *int64) (Protocol, error) {
	return s.StartFromTemplateNamed(key, "", commitmentID)
}

// StartFromTemplateNamed is StartFromTemplate under the title the person
// chose ("" for the template's).
func (s *Store) StartFromTemplateNamed(key, title string, commitmentID *int64) (Protocol, error) {
	t, ok := ProtocolTemplateByKey(key)
	if !ok {
		return Protocol{}, fmt.Errorf("no protocol template %q", key)
	}
	if title == "" {
		title = t.Title
	}
	return s.CreateProtocol(Protocol{
		Title: title, TemplateKey: t.Key, CommitmentID: commitmentID,
		RemindDaysBefore: 2, Status: ProtocolActive,
	}, t.Steps)
}

// ActionLabel is the button a step with this action shows.
func ActionLabel(action string) string {
	switch action {
	case ActionAddTier1:
		return "Add a non-negotiable commitment…"
	case ActionImportICS:
		return "Import a school calendar (.ics)…"
	case ActionExportICS:
		return "Export busy times (.ics)…"
	case ActionTriage:
		return "Open the triage…"
	case ActionUrgency:
		return "Open my urgency questions…"
	case ActionDefaultBuffer:
		return "Set a default buffer…"
	}
	return ""
}
