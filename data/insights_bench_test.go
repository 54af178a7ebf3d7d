package data_test

import (
	"testing"

	"github.com/bothand/bothand/data"
)

// BenchmarkInsights computes a year of insights over the 100,000-entry demo
// journal (target: 50 ms):
//
//	go test ./data/ -run '^$' -bench 'Insights' -benchtime 50x
func BenchmarkInsights(b *testing.B) { bothModes(b, benchInsights) }

func benchInsights(b *testing.B, s *data.Store) {
	for _, p := range data.Periods() {
		b.Run(p.String(), func(b *testing.B) {
			timed(b, func(int) error {
				_, err := s.Insights(p)
				return err
			})
		})
	}
}

// BenchmarkRecommendTechnique reads the last two weeks for this week's
// technique.
func BenchmarkRecommendTechnique(b *testing.B) {
	s := benchStore(b)
	timed(b, func(int) error {
		_, err := s.RecommendTechnique()
		return err
	})
}
