package replica

import (
	"fmt"
	"strings"

	"github.com/google/uuid"
)

// An entry's text (its three answers) is what a person would mind losing
// most, so two versions of it written on two computers, neither having
// seen the other, are both kept: the later (by clock) stays the entry, the
// other becomes a conflicted copy, an entry of its own flagged with
// conflict_of and conflict_at until the person keeps one or both. Both
// computers come to the same copy on their own: its UUID is derived from
// the entry's and from the change that wrote the text it keeps, and both
// send it out as their own change, so the two copies merge field by field.
//
// "Seen" is decided with the device's vector carried by every segment (and
// snapshot): the text here was written by change n of device d; the other
// device had seen it if its vector covers (d, n).

// copyNamespace is the namespace of the conflicted copies' UUIDs (version 5).
var copyNamespace = uuid.MustParse("5b0d7c1e-6a53-4f0e-9a57-3f2c1b7e9d10")

func copyUUID(entry, dev string, n int64) string {
	return uuid.NewSHA1(copyNamespace, fmt.Appendf(nil, "%s|%s|%d", entry, dev, n)).String()
}

// seenByOrigin reports whether the device that made o had seen the text
// the journal holds for the record.
func (a *applier) seenByOrigin(o *op, r *row) bool {
	if !r.clocks.tdev.Valid || !r.clocks.top.Valid {
		return true // the text from before syncing began, which every device started from
	}
	dev := a.uuids[r.clocks.tdev.Int64]
	if dev == "" || dev == o.textDev() {
		return true // one device's versions follow each other
	}
	return o.seen[dev].Op >= r.clocks.top.Int64
}

// seenHere reports whether this journal had applied the change that wrote
// o's text (a snapshot row holding a text that is old news here).
func (a *applier) seenHere(o *op) bool {
	return a.local[o.textDev()].Op >= o.textOp()
}

func texts(m map[string]any) [3]string {
	var t [3]string
	for i, f := range textFields {
		t[i], _ = m[f].(string)
	}
	return t
}

// mergeText decides between the journal's text and the change's: it
// reports whether the change's text is to be written, after keeping the
// other as a conflicted copy when neither had seen the other.
func (a *applier) mergeText(k *kind, o *op, r *row) (bool, error) {
	if r.clocks.tdev.Valid && a.uuids[r.clocks.tdev.Int64] == o.textDev() && r.clocks.top.Int64 == o.textOp() {
		return false, nil // the same version
	}
	lt, rt := texts(r.vals), texts(o.F)
	oc, lc := o.clock("story"), r.clocks.of("story")
	later := oc > lc || (oc == lc && strings.Join(rt[:], "\x00") > strings.Join(lt[:], "\x00"))
	if lt == rt || a.seenByOrigin(o, r) || a.seenHere(o) {
		return later, nil
	}
	if later {
		return true, a.copyLocal(k, o.I, r, true)
	}
	return false, a.copyRemote(o, r)
}

// copyLocal keeps the journal's version of an entry's text as a
// conflicted copy; linked copies point at the entry (an entry being
// deleted leaves an unlinked one).
func (a *applier) copyLocal(k *kind, rid string, r *row, linked bool) error {
	dev := a.uuids[r.clocks.tdev.Int64]
	var link int64
	if linked {
		link = r.id
	}
	return a.makeCopy(copyUUID(rid, dev, r.clocks.top.Int64), r.vals, r.vals, link)
}

// copyRemote keeps the change's version of the text as a conflicted copy
// of the journal's entry.
func (a *applier) copyRemote(o *op, r *row) error {
	base := r.vals
	if o.X != nil {
		base = o.X
	}
	return a.makeCopy(copyUUID(o.I, o.textDev(), o.textOp()), base, o.F, r.id)
}

// keepDeletedText: the entry was deleted for good here, but another device
// changed its text without having seen that (it could not edit an entry in
// its trash). The text comes back as an entry of its own, flagged.
func (a *applier) keepDeletedText(_ *kind, o *op) error {
	if a.seenHere(o) {
		return nil // deleted after this text had arrived: deleted with it
	}
	base := o.X
	if o.K == "new" || base == nil {
		base = o.F
	}
	return a.makeCopy(copyUUID(o.I, o.textDev(), o.textOp()), base, o.F, 0)
}

// makeCopy writes a conflicted copy unless it exists (or existed): base
// gives its fields as they travel (references as UUIDs), text its three
// answers. It is written as this journal's own change, so it reaches every
// device, where the same copy made there merges with it.
func (a *applier) makeCopy(id string, base, text map[string]any, link int64) error {
	if _, state, err := a.resolve("entries", id); err != nil || state != refMissing {
		return err
	}
	k := byTable["entries"]
	fields := map[string]any{}
	for _, c := range k.cols {
		if v, ok := base[c]; ok {
			fields[c] = v
		}
	}
	for _, f := range textFields {
		fields[f] = text[f]
	}
	if tags, ok := base["tags"].([]string); ok {
		fields["tags"] = tags
	}
	fields["deleted_at"], fields["conflict_of_id"] = nil, nil
	fields["conflict_at"], fields["created_at"], fields["updated_at"] = a.now, a.now, a.now
	for c, def := range map[string]any{"happened_at": a.now, "intensity": int64(0), "kind": "unsure"} {
		if fields[c] == nil {
			fields[c] = def
		}
	}
	vals := map[string]any{}
	for c, v := range fields {
		if ref, ok := k.refs[c]; ok && v != nil {
			u, _ := v.(string)
			id, state, err := a.resolve(ref, u)
			if err != nil {
				return err
			}
			if state != refFound {
				vals[c] = nil
				continue
			}
			v = id
		}
		if c == "tags" {
			var ids []int64
			for _, u := range v.([]string) {
				if id, state, err := a.resolve("tags", u); err != nil {
					return err
				} else if state == refFound {
					ids = append(ids, id)
				}
			}
			v = ids
		}
		vals[c] = v
	}
	if link != 0 {
		vals["conflict_of_id"] = link
	}
	cols := []string{"uuid"}
	args := []any{id}
	for _, c := range k.cols {
		cols = append(cols, c)
		args = append(args, vals[c])
	}
	err := a.captured(func() error {
		res, err := a.exec(fmt.Sprintf("INSERT INTO entries (%s) VALUES (%s)", strings.Join(cols, ", "),
			strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ")), args...)
		if err != nil {
			return err
		}
		eid, err := res.LastInsertId()
		if err != nil {
			return err
		}
		a.rememberID("entries", id, eid)
		tags, _ := vals["tags"].([]int64)
		return a.setTags(eid, tags, false)
	})
	if err != nil {
		return fmt.Errorf("keeping both versions of an entry's text: %w", err)
	}
	a.wrote("entries", id)
	a.counts.Conflicts++
	return nil
}
