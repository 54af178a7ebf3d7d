// Package assets embeds the app's icon and its built-in content: the trigger
// tags, the four reframes, the self-compassion steps, protocol templates,
// starter permission slips and urgency questions. The texts live in JSON so
// they can be read and edited without touching code.
package assets

import (
	"embed"
	"encoding/json"
	"fmt"
)

//go:embed icon.png icon.svg tray.png content/*.json icons/*.svg
var files embed.FS

// Icon is the app icon as PNG (512×512).
func Icon() []byte { return mustRead("icon.png") }

// IconSVG is the app icon as SVG.
func IconSVG() []byte { return mustRead("icon.svg") }

// InsightsIcon is the Insights tab's icon, a bar chart, as SVG drawn in
// black for the theme to colour (Fyne has no chart icon of its own).
func InsightsIcon() []byte { return mustRead("icons/insights.svg") }

// TrayIcon is a small PNG for the system tray (SVG tray icons render blank
// on Linux in Fyne up to 2.7.2).
func TrayIcon() []byte { return mustRead("tray.png") }

// Tag is a built-in trigger tag.
type Tag struct {
	Key  string `json:"key"`
	Name string `json:"name"`
	Hint string `json:"hint"`
}

// Reframe is a built-in old-story/new-story pair.
type Reframe struct {
	Key   string `json:"key"`
	Title string `json:"title"`
	Old   string `json:"old"`
	New   string `json:"new"`
}

// CompassionStep is one step of the self-compassion break.
type CompassionStep struct {
	Key         string `json:"key"`
	Title       string `json:"title"`
	Prompt      string `json:"prompt"`
	Placeholder string `json:"placeholder"`
}

// ProtocolTemplate is a starting point for a next-time protocol.
type ProtocolTemplate struct {
	Key     string         `json:"key"`
	Title   string         `json:"title"`
	Summary string         `json:"summary"`
	Fits    TemplateFits   `json:"fits"`
	Steps   []TemplateStep `json:"steps"`
}

// TemplateFits says which entries a template suits: those with these
// built-in tags (by key), or whose words (or their commitment's title)
// hold these words or phrases.
type TemplateFits struct {
	Tags  []string `json:"tags"`
	Words []string `json:"words"`
}

// TemplateStep is a step of a template; Action names the app action it can
// lead to ("add-tier1", "import-ics", "export-ics", "urgency-criteria",
// "triage", "default-buffer"), or is empty.
type TemplateStep struct {
	Text   string `json:"text"`
	Action string `json:"action"`
}

// Tags returns the built-in trigger tags.
func Tags() []Tag { return mustDecode[[]Tag]("content/tags.json") }

// Reframes returns the four built-in reframes.
func Reframes() []Reframe { return mustDecode[[]Reframe]("content/reframes.json") }

// CompassionSteps returns the three steps of the break, in order.
func CompassionSteps() []CompassionStep {
	return mustDecode[[]CompassionStep]("content/compassion.json")
}

// ProtocolTemplates returns the built-in protocol templates.
func ProtocolTemplates() []ProtocolTemplate {
	return mustDecode[[]ProtocolTemplate]("content/protocols.json")
}

// SlipSuggestions returns starter permission slips, offered, never imposed.
func SlipSuggestions() []string { return mustDecode[[]string]("content/slips.json") }

// UrgencyQuestions returns the starter questions for "genuinely urgent".
func UrgencyQuestions() []string { return mustDecode[[]string]("content/urgency.json") }

func mustRead(name string) []byte {
	b, err := files.ReadFile(name)
	if err != nil {
		panic(fmt.Sprintf("assets: %s is not embedded: %v", name, err))
	}
	return b
}

// mustDecode panics on a malformed built-in file: it is part of the build,
// and assets_test.go decodes every one of them.
func mustDecode[T any](name string) T {
	var v T
	if err := json.Unmarshal(mustRead(name), &v); err != nil {
		panic(fmt.Sprintf("assets: %s: %v", name, err))
	}
	return v
}
