package data

import (
	"context"
	"fmt"
	"reflect"
	"time"

	"gorm.io/gorm/schema"
)

// Instants are stored as INTEGER milliseconds since the Unix epoch (UTC) rather
// than as the driver's default text form: integers compare and range-scan
// correctly whatever zone a value came from, keep the keyset indexes small,
// and let aggregates do arithmetic on them. Every table is STRICT, so a time
// that slipped through as text is refused by SQLite instead of stored.
func init() {
	schema.RegisterSerializer("unixms", unixMilli{})
}

type unixMilli struct{}

// Scan turns the column value back into a UTC time.Time or *time.Time.
func (unixMilli) Scan(ctx context.Context, field *schema.Field, dst reflect.Value, dbValue any) error {
	var ms int64
	switch v := dbValue.(type) {
	case nil:
		if field.FieldType.Kind() == reflect.Pointer {
			return field.Set(ctx, dst, (*time.Time)(nil))
		}
		return field.Set(ctx, dst, time.Time{})
	case int64:
		ms = v
	default:
		return fmt.Errorf("column %s holds %T, want an integer time", field.DBName, dbValue)
	}
	t := time.UnixMilli(ms).UTC()
	if field.FieldType.Kind() == reflect.Pointer {
		return field.Set(ctx, dst, &t)
	}
	return field.Set(ctx, dst, t)
}

// Value stores a time as milliseconds; the zero time and nil become NULL so a
// forgotten timestamp trips the NOT NULL constraint instead of meaning 1970.
func (unixMilli) Value(_ context.Context, field *schema.Field, _ reflect.Value, fieldValue any) (any, error) {
	switch v := fieldValue.(type) {
	case time.Time:
		if v.IsZero() {
			return nil, nil
		}
		return v.UnixMilli(), nil
	case *time.Time:
		if v == nil || v.IsZero() {
			return nil, nil
		}
		return v.UnixMilli(), nil
	}
	return nil, fmt.Errorf("column %s: cannot store %T as a time", field.DBName, fieldValue)
}

// ms converts a time for use in a raw query against an unixms column.
func ms(t time.Time) int64 { return t.UnixMilli() }
