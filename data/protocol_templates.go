package data

import "fmt"

// Step actions: what a template step can open straight away.
const (
	ActionAddTier1      = "add-tier1"      // the form for a non-negotiable commitment
	ActionImportICS     = "import-ics"     // the school calendar import
	ActionUrgency       = "urgency"        // the person's urgency questions and rule
	ActionDefaultBuffer = "default-buffer" // the buffer new work starts with
)

// ProtocolTemplate is a starting point for a protocol: a title and steps
// the person then makes their own.
type ProtocolTemplate struct {
	Key   string
	Title string
	About string
	Steps []NewStep
}

// ProtocolTemplates are the starting points the app offers, for the kinds
// of plan that most often follow a work-versus-family clash.
func ProtocolTemplates() []ProtocolTemplate {
	return []ProtocolTemplate{
		{
			Key:   "school-calendar",
			Title: "School dates go in first",
			About: "For the event you found out about too late, or booked work over.",
			Steps: []NewStep{
				{"Add the next school event to the Tiers as non-negotiable", ActionAddTier1},
				{"Bring in the school's calendar file so every date arrives at once", ActionImportICS},
				{"Each time a school letter or message comes, put its date in before anything else", ""},
				{"On Sunday evening, look over the coming week's school dates", ""},
			},
		},
		{
			Key:   "block-client-time",
			Title: "Family times are closed to clients",
			About: "For the call that landed on a match, a play or a bedtime.",
			Steps: []NewStep{
				{"Mark the family times that matter most as non-negotiable on the Tiers", ActionAddTier1},
				{"Block those times in the calendar clients can see, marked simply as busy", ""},
				{"Tell regular clients the hours when you answer, and when you don't", ""},
				{"Turn work notifications off during those times", ""},
			},
		},
		{
			Key:   "client-emergency",
			Title: "Decide what really counts as a client emergency",
			About: "For the “urgent” request that could, in the end, have waited.",
			Steps: []NewStep{
				{"Write your own yes-or-no questions for what is genuinely urgent", ActionUrgency},
				{"Choose your rule: urgent when any answer is yes, or only when several are", ActionUrgency},
				{"Keep a calm reply ready that offers a time after your family commitment", ""},
				{"Next time a client calls something urgent, run it through the triage before answering", ""},
			},
		},
		{
			Key:   "deadline-buffer",
			Title: "Deadlines come with a buffer",
			About: "For the deadline that ran into the evening with the children.",
			Steps: []NewStep{
				{"Choose a buffer that new work starts with, so surprises land there", ActionDefaultBuffer},
				{"Plan each piece of work to finish by the deadline minus its buffer", ""},
				{"When agreeing a deadline, count the family commitments before it", ""},
				{"On Friday, look back: did the buffer hold? Adjust it if not", ""},
			},
		},
	}
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

// StartFromTemplate creates an active protocol from a template, tied to a
// commitment when one is given.
func (s *Store) StartFromTemplate(key string, commitmentID *int64) (Protocol, error) {
	t, ok := ProtocolTemplateByKey(key)
	if !ok {
		return Protocol{}, fmt.Errorf("no protocol template %q", key)
	}
	return s.CreateProtocol(Protocol{
		Title: t.Title, TemplateKey: t.Key, CommitmentID: commitmentID,
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
	case ActionUrgency:
		return "Open my urgency questions…"
	case ActionDefaultBuffer:
		return "Set a default buffer…"
	}
	return ""
}
