package replica

import (
	"bufio"
	"compress/flate"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/bothand/bothand/data"
)

// segmentVersion is the segment format this build writes and the newest
// it reads. A newer segment stops the sync with that device until
// Both/And is updated here, rather than skipping changes it can't apply.
const segmentVersion = 1

// segment is one numbered file of a device's changes, written once.
type segment struct {
	Version int `json:"version"`
	// Schema is the journal schema of the Both/And that wrote it: a
	// newer one may carry fields this one does not know.
	Schema int    `json:"schema"`
	Device string `json:"device"`
	Seq    int64  `json:"seq"`
	// Seen is what the device had applied of every device's changes when
	// it wrote the segment (and made its changes): a change it had seen
	// is not a conflict.
	Seen vector `json:"seen"`
	Ops  []op   `json:"ops"`
}

// ErrNewerSegment: a device runs a newer Both/And.
var ErrNewerSegment = errors.New("a newer version of Both/And wrote it")

func (f *folder) writeSegment(seg *segment) error {
	return f.sealedWrite(seg.Device, segName(seg.Seq), f.ad("segment", seg.Device, seg.Seq), false, func(w io.Writer) error {
		return writeCompressedJSON(w, seg)
	})
}

// readSegment reads and checks one segment; a half-copied or foreign file
// gives seal.ErrRefused.
func (f *folder) readSegment(dev string, seq int64) (*segment, error) {
	path := filepath.Join(f.deviceDir(dev), segName(seq))
	r, c, err := f.sealedOpen(path, f.ad("segment", dev, seq))
	if err != nil {
		return nil, err
	}
	defer c.Close()
	var seg segment
	if err := readCompressedJSON(r, &seg); err != nil {
		return nil, err
	}
	if seg.Version > segmentVersion || seg.Schema > data.SchemaVersion() {
		return nil, ErrNewerSegment
	}
	if seg.Device != dev || seg.Seq != seq {
		return nil, fmt.Errorf("segment %s/%d names itself %s/%d", dev, seq, seg.Device, seg.Seq)
	}
	for i := range seg.Ops {
		seg.Ops[i].dev = dev
		seg.Ops[i].seen = seg.Seen
	}
	return &seg, nil
}

func writeCompressedJSON(w io.Writer, v any) error {
	zw, err := flate.NewWriter(w, flate.DefaultCompression)
	if err != nil {
		return err
	}
	if err := json.NewEncoder(zw).Encode(v); err != nil {
		return err
	}
	return zw.Close()
}

// readCompressedJSON decodes one JSON value and reads the stream to its
// end, so a file is taken only when its last chunk is there too.
func readCompressedJSON(r io.Reader, v any) error {
	zr := flate.NewReader(bufio.NewReader(r))
	defer zr.Close()
	if err := json.NewDecoder(zr).Decode(v); err != nil {
		return err
	}
	_, err := io.Copy(io.Discard, zr)
	return err
}
