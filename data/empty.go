package data

import "strings"

// personTables hold what a person wrote or planned; built-in rows (tags,
// reframes) and bookkeeping (settings, notices) don't count.
var personTables = []string{
	"entries", "drafts", "slips", "commitments", "work_blocks", "protocols",
	"compassion_sessions", "urgency_criteria", "triages",
}

// IsEmpty reports whether the journal holds nothing the person made, so
// tools like `bothand demo` can refuse to mix invented data into a real one.
func (s *Store) IsEmpty() (bool, error) {
	parts := make([]string, len(personTables))
	for i, t := range personTables {
		parts[i] = "SELECT 1 FROM " + t
	}
	var found int
	err := s.db.Raw("SELECT EXISTS (" + strings.Join(parts, " UNION ALL ") + ")").Scan(&found).Error
	return found == 0, classify(err)
}
