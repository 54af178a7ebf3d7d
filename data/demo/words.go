package demo

// Words for the search benchmarks, measured on the 100,000-entry journal
// of seed 1 and checked on smaller ones by TestSearchWordsAreCommonAndRare.

// CommonWords are two words found in many entries: "work" in about 45% of
// them, both together in about a quarter.
func CommonWords() []string { return []string{"work", "time"} }

// RareWord is a word in about one entry in three hundred: it belongs to
// one sentence of the bank, about helping with maths homework.
func RareWord() string { return "fractions" }
