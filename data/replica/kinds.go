package replica

import (
	"slices"

	"github.com/bothand/bothand/data/transfer"
)

// The records that sync are the export's kinds (data/transfer), in its
// terms: the same tables and columns, references by UUID, an entry's tags
// as a list of tag UUIDs, the same natural keys. One kind stays on each
// computer.
var localOnly = map[string]string{
	"drafts": "the editor's unsaved text belongs to the computer it is typed on; it syncs once saved as an entry",
}

// textFields are an entry's three answers: they change together as far as
// sync is concerned (a change to one carries all three), and two computers
// changing them unseen by each other keep both versions.
var textFields = []string{"trigger_text", "story", "friend"}

// kind is one synced table as the replica uses it.
type kind struct {
	transfer.Kind
	idCol   string            // "uuid", or "key" for settings
	cols    []string          // the columns that travel, identity excluded
	refs    map[string]string // column -> table referred to
	notNull map[string]bool
	natural []transfer.NaturalKey
}

func (k *kind) isText(col string) bool {
	return k.Table == "entries" && slices.Contains(textFields, col)
}

// kinds lists the synced kinds in the export's order (each after those
// it refers to); byTable finds one.
var (
	kinds   []*kind
	byTable = map[string]*kind{}
)

func init() {
	for _, tk := range transfer.Kinds() {
		if _, ok := localOnly[tk.Table]; ok {
			continue
		}
		k := &kind{Kind: tk, idCol: "uuid", refs: map[string]string{}, notNull: map[string]bool{}, natural: tk.Natural}
		if tk.Keyed {
			k.idCol = "key"
		}
		for _, c := range tk.Columns {
			if c.Name == k.idCol {
				continue
			}
			k.cols = append(k.cols, c.Name)
			if c.Ref != "" {
				k.refs[c.Name] = c.Ref
			}
			k.notNull[c.Name] = !c.Null
		}
		kinds = append(kinds, k)
		byTable[k.Table] = k
	}
}
