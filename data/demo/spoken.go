package demo

import (
	"math"
	"math/rand/v2"
	"strings"
)

// zipfIndex draws 0..n-1 with weight 1/(i+1): the first items often, the
// last few rarely.
func zipfIndex(r *rand.Rand, n int) int {
	// Inverse of the harmonic cumulative, close enough for a few dozen items.
	h := math.Log(float64(n)) + 0.5772
	x := r.Float64() * h
	i := int(math.Exp(x-0.5772)) - 1
	if i < 0 {
		return 0
	}
	return min(i, n-1)
}

var numberWords = strings.Fields(`zero one two three four five six seven eight nine ten eleven twelve
	thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty`)

func numberWord(n int) string {
	if n <= 20 {
		return numberWords[n]
	}
	tens := []string{"", "", "twenty", "thirty", "forty", "fifty"}[n/10]
	if n%10 == 0 {
		return tens
	}
	return tens + "-" + numberWords[n%10]
}

// ageWords is a child's age as a parent says it: "seven", or "eight
// months old" for a baby, "a few weeks old" for a newborn.
func ageWords(years, months int) string {
	switch total := years*12 + months; {
	case total == 0:
		return "a few weeks old"
	case total == 1:
		return "a month old"
	case total < 24:
		return numberWord(total) + " months old"
	}
	return numberWord(years)
}

// clockWords says a time to the nearest five minutes: "half past nine",
// "ten to eleven".
func clockWords(hour, minute int) string {
	m := (minute + 2) / 5 * 5
	h := hour
	if m == 60 {
		m, h = 0, h+1
	}
	name := func(h int) string {
		h %= 12
		if h == 0 {
			h = 12
		}
		return numberWord(h)
	}
	switch {
	case m == 0:
		return name(h) + " o'clock"
	case m == 15:
		return "quarter past " + name(h)
	case m == 30:
		return "half past " + name(h)
	case m == 45:
		return "quarter to " + name(h+1)
	case m < 30:
		return numberWord(m) + " past " + name(h)
	}
	return numberWord(60-m) + " to " + name(h+1)
}
