package data

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/bothand/bothand/assets"
)

// Schema changes are numbered SQL files, applied in order, each in its own
// transaction together with its row in schema_migrations and the new
// PRAGMA user_version. gorm's AutoMigrate is not used: on SQLite it rebuilds
// tables for some changes, silently dropping triggers (the full-text index's
// among them) and cascading deletes into child tables.
//
// user_version sits in the file header, so Open can refuse a journal from a
// newer app before SQLite has touched it.

//go:embed migrations/*.sql
var migrationFiles embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

var migrations = loadMigrations()

func loadMigrations() []migration {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		panic(err) // the pattern is a constant
	}
	sort.Strings(names)
	var list []migration
	for _, name := range names {
		base := strings.TrimSuffix(path.Base(name), ".sql")
		num, title, _ := strings.Cut(base, "_")
		version, err := strconv.Atoi(num)
		if err != nil {
			panic(fmt.Sprintf("migration %s: name must start with its number", name))
		}
		body, err := migrationFiles.ReadFile(name)
		if err != nil {
			panic(err)
		}
		list = append(list, migration{version: version, name: strings.ReplaceAll(title, "_", " "), sql: string(body)})
	}
	return list
}

// SchemaVersion is the newest schema this build knows.
func SchemaVersion() int { return len(migrations) }

func (s *Store) schemaVersion(db *gorm.DB) (int, error) {
	var v int
	err := db.Raw("PRAGMA user_version").Scan(&v).Error
	return v, err
}

// migrate applies the migrations the file has not seen yet. A journal that is
// already current is only read, so opening never waits for another
// process's write lock.
func (s *Store) migrate() error {
	current, err := s.schemaVersion(s.db)
	if err != nil {
		return err
	}
	if current > SchemaVersion() {
		return &OpenError{
			Path: s.path, Kind: ErrNewerVersion,
			Cause: fmt.Errorf("schema %d, this app knows up to %d", current, SchemaVersion()),
		}
	}
	for _, m := range migrations[current:] {
		err := s.write(func(tx *gorm.DB) error {
			// Another process may have migrated while we waited for the lock.
			v, err := s.schemaVersion(tx)
			if err != nil || v >= m.version {
				return err
			}
			if err := tx.Exec(m.sql).Error; err != nil {
				return fmt.Errorf("migration %d (%s): %w", m.version, m.name, err)
			}
			if err := tx.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
				m.version, m.name, ms(s.Now())).Error; err != nil {
				return err
			}
			return tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", m.version)).Error
		})
		if err != nil {
			return err
		}
	}
	if current < SchemaVersion() {
		return s.seed()
	}
	return nil
}

// seed adds the built-in tags and reframes a new or upgraded journal lacks.
// Rows are matched by builtin_key, so the person's own edits and any rows
// already there are left alone.
func (s *Store) seed() error {
	return s.write(func(tx *gorm.DB) error {
		now := s.Now()
		for _, t := range assets.Tags() {
			key := t.Key
			tag := Tag{Name: t.Name, BuiltinKey: &key}
			tag.Stamp(now)
			if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&tag).Error; err != nil {
				return err
			}
		}
		for i, r := range assets.Reframes() {
			key := r.Key
			rf := Reframe{OldStory: r.Old, NewStory: r.New, BuiltinKey: &key, Position: i + 1}
			rf.Stamp(now)
			if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&rf).Error; err != nil {
				return err
			}
		}
		return nil
	})
}
