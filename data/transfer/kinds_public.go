package transfer

// Kinds describes every kind of record the export carries, for the
// packages that move records between journals by other roads than a file
// (data/replica keeps two journals in step through a folder). They speak
// of records in the export's terms: the same tables, the same columns and
// references by UUID, the same natural keys.

// Kind is one kind of record: one table and one section of the export.
type Kind struct {
	Table string // the SQLite table, and the export's section
	One   string // a record of it, for messages: "entry"
	// Keyed kinds (settings) are identified by their "key" column and have
	// no uuid or created_at.
	Keyed bool
	// Tags: the record also carries its tags (entry_tags) as a list of
	// tag UUIDs.
	Tags    bool
	Columns []Column
	// Natural are the other ways than the UUID to recognise the same record
	// in two journals, in the order the import tries them.
	Natural []NaturalKey
}

// Column is one column of a kind's table.
type Column struct {
	Name string // the SQLite column
	// Ref names the table this column refers to (the column holds that
	// record's integer id; the export, its UUID). Empty for other columns.
	Ref  string
	Null bool // may hold NULL
}

// NaturalKey recognises a record by the values of some of its columns.
type NaturalKey struct {
	Where   string   // SQL condition with one ? per column
	Columns []string // the columns whose values fill the ?s, in order
}

// Kinds returns every exported kind, each after the kinds it refers to.
func Kinds() []Kind {
	kinds := make([]Kind, len(sections))
	for i, sec := range sections {
		k := Kind{Table: sec.table, One: sec.one, Keyed: sec.keyed, Tags: sec.tags}
		for _, c := range sec.cols {
			col := Column{Name: c.name, Null: c.null}
			if c.typ == colRef {
				col.Ref = c.ref
			}
			k.Columns = append(k.Columns, col)
		}
		for _, nk := range sec.natural {
			k.Natural = append(k.Natural, NaturalKey{Where: nk.where, Columns: append([]string(nil), nk.cols...)})
		}
		kinds[i] = k
	}
	return kinds
}
