package data

// Reframes returns the reframes in the person's order: the four built-in
// old-story/new-story pairs and any of their own.
func (s *Store) Reframes() ([]Reframe, error) {
	var list []Reframe
	err := s.db.Where("deleted_at IS NULL").Order("position, id").Find(&list).Error
	return list, classify(err)
}
