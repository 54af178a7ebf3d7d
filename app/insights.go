package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"gonum.org/v1/plot"

	"github.com/bothand/bothand/app/ui"
	"github.com/bothand/bothand/assets"
	"github.com/bothand/bothand/data"
	"github.com/bothand/bothand/widgets"
)

const prefInsightsPeriod = "insights.period"

// insightsIcon is a bar chart, in the theme's colours like Fyne's own icons.
var insightsIcon = theme.NewThemedResource(fyne.NewStaticResource("insights.svg", assets.InsightsIcon()))

// insightsScreen is the Insights tab: the text's promise that guilt fades
// gradually with practice, made visible in charts for a chosen period, each
// with one plain sentence.
type insightsScreen struct {
	u      *UI
	root   *fyne.Container
	empty  fyne.CanvasObject
	charts fyne.CanvasObject
	period *widgets.RadioGroup

	intensity, triggers, kinds, commitments, triage, practice *chartCard
	loaded                                                    bool
	// gen counts loads: figures for a period chosen before the latest
	// choice may arrive after it, and are then dropped.
	gen int
}

func newInsightsScreen(u *UI) *insightsScreen {
	s := &insightsScreen{u: u}
	s.intensity = newChartCard(u, "How strong guilt felt", intensityLegend)
	s.triggers = newChartCard(u, "What set it off", triggersLegend)
	s.kinds = newChartCard(u, "Guilt or shame", kindLegend)
	s.commitments = newChartCard(u, "Commitments kept", commitmentsLegend)
	s.triage = newChartCard(u, "Urgent requests, looking back", triageLegend)
	s.practice = newChartCard(u, "Practice each week", practiceLegend)

	var labels []string
	for _, p := range data.Periods() {
		labels = append(labels, p.String())
	}
	s.period = widgets.NewRadioGroup(labels, func(string) { s.periodChanged() })
	s.period.Horizontal = true
	s.period.Required = true
	s.period.Selected = data.Period(clamp(u.App.Preferences().Int(prefInsightsPeriod), 0, len(labels)-1)).String()

	grid := container.New(ui.NewColumns(2),
		s.intensity.view, s.triggers.view, s.kinds.view, s.commitments.view, s.practice.view, s.triage.view)
	top := container.NewHBox(widget.NewLabel("Show the last"), s.period)
	s.charts = container.NewBorder(top, nil, nil, nil, container.NewVScroll(grid))
	write := widgets.NewButtonWithIcon("Write an entry", theme.DocumentCreateIcon(), u.newJournalEntry)
	s.empty = ui.EmptyState(insightsIcon, "Insights",
		"As you write in the journal, take breaks and read your permission slip, this is where you see guilt fade, a little at a time, and what tends to set it off.",
		write)
	s.root = container.NewStack(s.empty, s.charts)
	s.charts.Hide()

	// Fyne calls this from its settings-file watcher too, off the main
	// goroutine: the redraw goes through background to reach the widgets.
	u.App.Settings().AddListener(func(fyne.Settings) {
		ui.BackgroundDo(u.Host, func() error { return nil }, func() {
			for _, c := range s.cards() {
				c.themeChanged()
			}
		})
	})
	return s
}

func (s *insightsScreen) Title() string           { return "Insights" }
func (s *insightsScreen) Icon() fyne.Resource     { return insightsIcon }
func (s *insightsScreen) View() fyne.CanvasObject { return s.root }

// load reads the period's insights; the tab also reloads each time it is
// shown, since every other tab changes what it draws.
func (s *insightsScreen) Load() {
	if s.u.Store == nil {
		return
	}
	p := s.chosen()
	s.gen++
	gen := s.gen
	type result struct {
		ins     data.Insights
		entries int
	}
	ui.Background(s.u.Host, func() (result, error) {
		ins, err := s.u.Store.Insights(p)
		if err != nil {
			return result{}, err
		}
		n, err := s.u.Store.CountEntries(data.EntryFilter{})
		return result{ins, n}, err
	}, func(r result) {
		if gen == s.gen {
			s.show(r.ins, r.entries)
		}
	})
}

func (s *insightsScreen) Shown() { s.Load() }

func (s *insightsScreen) cards() []*chartCard {
	return []*chartCard{s.intensity, s.triggers, s.kinds, s.commitments, s.triage, s.practice}
}

func (s *insightsScreen) chosen() data.Period {
	for _, p := range data.Periods() {
		if p.String() == s.period.Selected {
			return p
		}
	}
	return data.PeriodFourWeeks
}

func (s *insightsScreen) periodChanged() {
	s.u.App.Preferences().SetInt(prefInsightsPeriod, int(s.chosen()))
	s.Load()
}

// show puts the insights on the charts, or the tab's invitation when the
// journal holds nothing at all yet.
func (s *insightsScreen) show(ins data.Insights, entries int) {
	s.loaded = true
	sums := []string{
		ins.IntensitySummary(), ins.TriggersSummary(), ins.KindSummary(),
		ins.CommitmentsSummary(), ins.TriageSummary(), ins.PracticeSummary(),
	}
	anything := false
	for _, sum := range sums {
		anything = anything || sum != ""
	}
	if !anything && entries == 0 {
		s.charts.Hide()
		s.empty.Show()
	} else {
		s.empty.Hide()
		s.charts.Show()
	}
	span := ins.Period.Span()
	with := func(f func(data.Insights, chartColours) *plot.Plot) func(chartColours) *plot.Plot {
		return func(c chartColours) *plot.Plot { return f(ins, c) }
	}
	s.intensity.show(sums[0], "No journal entries in "+span+". Each entry you write becomes a dot here, with the weekly average as a line.", with(intensityPlot))
	s.triggers.show(sums[1], "No tagged entries in "+span+". Tag an entry with what set it off, and the most frequent triggers show here.", with(triggersPlot))
	s.kinds.show(sums[2], "No entries in "+span+". When you answer “something I did, or who I am?” on an entry, the share of guilt and shame shows here.", with(kindPlot))
	s.commitments.show(sums[3], "Nothing recorded in "+span+". Mark non-negotiable commitments kept or missed on the Tiers tab to see them here.", with(commitmentsPlot))
	s.triage.show(sums[4], "No urgent client requests triaged in "+span+". When one is, and you later look back on whether it truly was urgent, it shows here.", with(triagePlot))
	s.practice.show(sums[5], "No practice recorded in "+span+" yet: journal entries, self-compassion breaks and mornings your permission slip was read all count.", with(practicePlot))
}
