package data

import "gorm.io/gorm"

// UsePreparedStatements turns gorm's PrepareStmt on for s, as a later
// change of the store might: the bulk jobs' way in (WriteSQL, ReadSQL) must
// keep working. It exists only in data's test builds.
func UsePreparedStatements(s *Store) { s.db = s.db.Session(&gorm.Session{PrepareStmt: true}) }
