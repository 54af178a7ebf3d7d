package replica

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
)

// op is one change to one record, as it travels in a segment (and, for
// the rows of a snapshot, as a snapshot row is merged).
type op struct {
	N int64  `json:"n"` // the change's number on the device that made it
	H int64  `json:"h"` // its hybrid logical clock
	T string `json:"t"` // the table
	I string `json:"i"` // the record's UUID (a setting's key)
	K string `json:"k"` // "new" (every field), "set" (the fields changed) or "del"
	// F holds the fields written: SQLite's values, references as the UUID
	// of the record referred to, an entry's tags as a list of tag UUIDs.
	F map[string]any `json:"f,omitempty"`
	// C gives the clock of the fields whose clock is not H (changes merged
	// on the way out, snapshot rows).
	C map[string]int64 `json:"c,omitempty"`
	// V is the change that wrote an entry's text, when not this one.
	V int64 `json:"v,omitempty"`
	// X is the whole entry as it stood when its text changed: enough to
	// keep the text as an entry of its own if the entry was deleted for
	// good elsewhere meanwhile.
	X map[string]any `json:"x,omitempty"`

	// Not in the file: where the change came from, and what its device had
	// applied of every device's changes when it made it.
	dev  string
	seen vector
	// tdev is the device whose change wrote the text, when not dev
	// (snapshot rows).
	tdev string
}

func (o *op) clock(field string) int64 {
	if c, ok := o.C[field]; ok {
		return c
	}
	return o.H
}

// textOp is the number of the change that wrote the entry's text.
func (o *op) textOp() int64 {
	if o.V != 0 {
		return o.V
	}
	return o.N
}

func (o *op) textDev() string {
	if o.tdev != "" {
		return o.tdev
	}
	return o.dev
}

func (o *op) hasText() bool {
	if o.T != "entries" {
		return false
	}
	for _, f := range textFields {
		if _, ok := o.F[f]; ok {
			return true
		}
	}
	return false
}

// decodeFields reads a JSON object of fields, keeping integers exact.
func decodeFields(raw []byte) (map[string]any, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return nil, err
	}
	for k, v := range m {
		nv, err := sqlValue(v)
		if err != nil {
			return nil, fmt.Errorf("field %s: %w", k, err)
		}
		m[k] = nv
	}
	return m, nil
}

// sqlValue turns a decoded JSON value into what SQLite stores: int64,
// string, nil, or (tags) a list of strings.
func sqlValue(v any) (any, error) {
	switch x := v.(type) {
	case nil, string:
		return x, nil
	case json.Number:
		n, err := x.Int64()
		if err != nil {
			return nil, fmt.Errorf("%s is not a whole number", x)
		}
		return n, nil
	case []any:
		out := make([]string, len(x))
		for i, e := range x {
			s, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("a list of %T", e)
			}
			out[i] = s
		}
		return out, nil
	}
	return nil, fmt.Errorf("a value of type %T", v)
}

// UnmarshalJSON keeps the fields' integers exact.
func (o *op) UnmarshalJSON(b []byte) error {
	type plain op
	var raw struct {
		plain
		F json.RawMessage `json:"f"`
		X json.RawMessage `json:"x"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	*o = op(raw.plain)
	var err error
	if o.F, err = decodeFields(raw.F); err != nil {
		return err
	}
	o.X, err = decodeFields(raw.X)
	return err
}

// coalesce merges neighbouring changes to the same record (an entry saved,
// then its tags replaced one by one) into one, keeping each field's own
// clock, so a segment carries what the record became and no less.
func coalesce(ops []op) []op {
	out := ops[:0:0]
	for _, o := range ops {
		if n := len(out); n > 0 {
			last := &out[n-1]
			if last.T == o.T && last.I == o.I && last.K != "del" && o.K == "set" {
				merged := mergeOps(last, &o)
				out[n-1] = merged
				continue
			}
		}
		out = append(out, o)
	}
	return out
}

func mergeOps(a, b *op) op {
	m := op{N: b.N, H: b.H, T: a.T, I: a.I, K: a.K, F: map[string]any{}, C: map[string]int64{}}
	for f, v := range a.F {
		m.F[f] = v
		if c := a.clock(f); c != b.H {
			m.C[f] = c
		}
	}
	for f, v := range b.F {
		m.F[f] = v
		delete(m.C, f)
		if c := b.clock(f); c != b.H {
			m.C[f] = c
		}
	}
	if len(m.C) == 0 {
		m.C = nil
	}
	switch {
	case b.hasText():
		m.V = b.V
	case a.hasText():
		m.V = a.textOp()
	}
	if a.X != nil || b.X != nil {
		m.X = map[string]any{}
		maps.Copy(m.X, a.X)
		maps.Copy(m.X, b.X)
		if b.X == nil && a.X != nil {
			// The whole row of a's text change, with b's later fields.
			maps.Copy(m.X, b.F)
		}
	}
	return m
}
