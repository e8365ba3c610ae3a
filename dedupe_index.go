package newsdump

import (
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/newsdump/newsdump/internal/indexfile"
	"github.com/newsdump/newsdump/internal/minhash"
)

// Story is a story as a [Deduper] remembers it: its kept copy and when
// the story was first seen, which a saved index keeps across runs so that
// a copy found months later points back at it.
type Story struct {
	ID        string    `json:"id"`         // the kept copy's Article.ID
	Source    Source    `json:"source"`     // where the kept copy was
	FirstSeen time.Time `json:"first_seen"` // when its first copy was added (see WithClock), in UTC
}

// WithClock sets the clock a [Deduper] reads when it adds the first copy
// of a story, the story's first-seen time ([Story], [Deduper.Forget]);
// time.Now by default. The newsdump command gives the time its run
// started, so that every story of one run has one time; tests give a
// fixed one. A nil now is an invalid option (leave the option out for
// time.Now). The clock is not saved with an index: a Deduper read back
// uses the clock its options give.
func WithClock(now func() time.Time) DedupeOption {
	return func(c *dedupeConfig) {
		if now == nil {
			c.invalid("WithClock", "nil", "want a clock; leave the option out for time.Now")
			return
		}
		c.now = now
	}
}

// The kinds of [IndexError], for errors.Is.
var (
	// ErrNotIndex: the input does not start with an index's magic number.
	ErrNotIndex = indexfile.ErrNotIndex
	// ErrIndexVersion: the index was written by a newer newsdump, in a
	// version of the format this one cannot read.
	ErrIndexVersion = indexfile.ErrVersion
	// ErrIndexTruncated: the input ends before the index does.
	ErrIndexTruncated = indexfile.ErrTruncated
	// ErrIndexCorrupt: a checksum does not match, or a value is
	// impossible (a cluster number beyond the clusters, a threshold out
	// of range, a missing section).
	ErrIndexCorrupt = indexfile.ErrCorrupt
	// ErrIndexOptions: an option given to ReadDeduper contradicts one the
	// index was built with.
	ErrIndexOptions = errors.New("option contradicts the index")
)

// IndexError is the error [ReadDeduper] returns for input that is not a
// whole, valid index. It says where the problem was found and in which
// section, and wraps one of ErrNotIndex, ErrIndexVersion,
// ErrIndexTruncated, ErrIndexCorrupt, ErrIndexOptions, or the reader's own
// error.
type IndexError struct {
	Offset  int64  // byte offset in the index
	Section string // "header", "config", "files", "stories", "signatures", "bands", "exact", "counts" or "end"
	Err     error
}

func (e *IndexError) Error() string {
	return fmt.Sprintf("newsdump index: byte %d (%s): %v", e.Offset, e.Section, e.Err)
}

func (e *IndexError) Unwrap() error { return e.Err }

// indexVersion is the version of the format WriteTo writes and the
// newest ReadDeduper reads. A change to what a section holds, or a new
// section, is a new version; ReadDeduper then reads both.
const indexVersion = 1

// The sections of an index, in the order they appear. Version 1:
//
//	config:     threshold f64, exact-only u8, keep u8, articles added u32
//	files:      n uvarint, n × (length uvarint, bytes): the Source.File names
//	stories:    n uvarint, n × (first seen: varint delta from the story
//	            before, in ns; kept ID: length uvarint, bytes; kept length
//	            uvarint; kept member; copies uvarint; that many members)
//	            member: file uvarint (into files), line varint, offset
//	            varint, sequence uvarint, similarity f32
//	signatures: n uvarint (0 in exact-only mode, else the stories), n ×
//	            SigSize × u16: the representative's sig16
//	bands:      n uvarint, n × (key u32, story u32), in the order of
//	            BandIndex.Entries
//	exact:      n uvarint, n × (comparison-text key [16], story uvarint,
//	            similarity f32), sorted by key so that one Deduper always
//	            gives the same bytes
//	counts:     shingles counted uvarint, then 0 (no sketch yet), or 1
//	            (counting as it goes) or 3 (counts given, WithShingleCounts)
//	            and the 2^24 counters of the shingle sketch as runs: (zeros
//	            uvarint, n uvarint, n counters), as many as cover them
//
// Fixed-size integers and floats are little-endian.
const (
	secConfig uint32 = iota + 1
	secFiles
	secStories
	secSignatures
	secBands
	secExact
	secCounts
)

var sectionNames = [...]string{indexfile.End: "end", secConfig: "config", secFiles: "files",
	secStories: "stories", secSignatures: "signatures", secBands: "bands", secExact: "exact", secCounts: "counts"}

func sectionName(kind uint32) string {
	if int(kind) < len(sectionNames) {
		return sectionNames[kind]
	}
	return fmt.Sprintf("section %d", kind)
}

// WriteTo writes the whole index of d to w: its options, every story with
// its kept copy, copies and first-seen time, and the signatures, band
// index and exact-text keys that find copies, in a versioned, checksummed
// format ([ReadDeduper] reads it back). It costs about as many bytes per
// story as the Deduper holds in memory (see the README's "An index
// across runs"). d is locked while it writes: Add waits.
//
// To replace a file safely, write to a temporary file beside it, sync it
// and rename it over the old one, as the newsdump command does.
func (d *Deduper) WriteTo(w io.Writer) (int64, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	e := &indexEncoder{w: indexfile.NewWriter(w, indexVersion)}

	e.begin(secConfig)
	e.u64(math.Float64bits(d.cfg.threshold))
	e.buf = append(e.buf, b2u8(d.cfg.exactOnly), byte(d.cfg.keep))
	e.u32(uint32(d.seq))

	files := make(map[string]uint64)
	var names []string
	fileOf := func(m *member) {
		if _, ok := files[m.src.File]; !ok {
			files[m.src.File] = uint64(len(names))
			names = append(names, m.src.File)
		}
	}
	for i := range int32(d.clusters.n) {
		cl := d.clusters.at(i)
		fileOf(&cl.kept)
		for j := range cl.copies {
			fileOf(&cl.copies[j])
		}
	}
	e.begin(secFiles)
	e.uvarint(uint64(len(names)))
	for _, n := range names {
		e.str(n)
	}

	e.begin(secStories)
	e.uvarint(uint64(d.clusters.n))
	prev := int64(0)
	writeMember := func(m *member) {
		e.uvarint(files[m.src.File])
		e.varint(int64(m.src.Line))
		e.varint(int64(m.src.Offset))
		e.uvarint(uint64(m.seq))
		e.u32(math.Float32bits(m.sim))
	}
	for i := range int32(d.clusters.n) {
		cl := d.clusters.at(i)
		e.varint(cl.firstSeen - prev) // wraps harmlessly: the reader adds it back
		prev = cl.firstSeen
		e.str(cl.keptID)
		e.uvarint(uint64(cl.keptLen))
		writeMember(&cl.kept)
		e.uvarint(uint64(len(cl.copies)))
		for j := range cl.copies {
			writeMember(&cl.copies[j])
		}
	}

	e.begin(secSignatures)
	e.uvarint(uint64(d.index.n))
	for i := range int32(d.index.n) {
		for _, v := range d.index.at(i).sig {
			e.buf = binary.LittleEndian.AppendUint16(e.buf, v)
		}
		e.spill()
	}

	e.begin(secBands)
	e.uvarint(uint64(d.bands.Len()))
	d.bands.Entries(func(key uint32, c int32) {
		e.u32(key)
		e.u32(uint32(c))
	})

	e.begin(secExact)
	type exactEntry struct {
		k exactKey
		h exactHit
	}
	entries := make([]exactEntry, 0, len(d.exact))
	for k, h := range d.exact {
		entries = append(entries, exactEntry{k, h})
	}
	slices.SortFunc(entries, func(a, b exactEntry) int {
		// Byte order, as two big-endian words: several times faster than
		// bytes.Compare on a million keys.
		if c := cmp.Compare(binary.BigEndian.Uint64(a.k[:8]), binary.BigEndian.Uint64(b.k[:8])); c != 0 {
			return c
		}
		return cmp.Compare(binary.BigEndian.Uint64(a.k[8:]), binary.BigEndian.Uint64(b.k[8:]))
	})
	e.uvarint(uint64(len(entries)))
	for i := range entries {
		x := &entries[i]
		e.buf = append(e.buf, x.k[:]...)
		e.uvarint(uint64(x.h.cluster))
		e.u32(math.Float32bits(x.h.sim))
	}

	e.begin(secCounts)
	e.counts(&d.counts, d.countsFixed)
	e.flush()
	return e.w.Close()
}

// counts writes the shingle sketch: at the start of a crawl most of its
// counters are zero, so they go as runs of zeros and of counters.
func (e *indexEncoder) counts(c *minhash.ShingleCounts, fixed bool) {
	counters, added := c.Counters()
	e.uvarint(uint64(added))
	if counters == nil {
		e.buf = append(e.buf, 0)
		return
	}
	e.buf = append(e.buf, 1|b2u8(fixed)<<1)
	for i := 0; i < len(counters); {
		z := i
		for z < len(counters) && counters[z] == 0 {
			z++
		}
		// A run of counters ends at the next zeros worth a run of their
		// own (a run costs two or three bytes).
		n := z
		for n < len(counters) && !(n+4 <= len(counters) && counters[n]|counters[n+1]|counters[n+2]|counters[n+3] == 0) {
			n++
		}
		e.uvarint(uint64(z - i))
		e.uvarint(uint64(n - z))
		e.buf = append(e.buf, counters[z:n]...)
		e.spill()
		i = n
	}
}

func b2u8(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// indexEncoder batches the small values of a section into a buffer that
// goes to the indexfile.Writer when it fills.
type indexEncoder struct {
	w   *indexfile.Writer
	buf []byte
}

const encoderSpill = 32 << 10

func (e *indexEncoder) begin(kind uint32) {
	e.flush()
	e.w.Begin(kind)
}

func (e *indexEncoder) flush() {
	if len(e.buf) > 0 {
		e.w.Write(e.buf) // an error is kept by the Writer, returned by Close
		e.buf = e.buf[:0]
	}
}

func (e *indexEncoder) spill() {
	if len(e.buf) >= encoderSpill {
		e.flush()
	}
}

func (e *indexEncoder) uvarint(v uint64) { e.buf = binary.AppendUvarint(e.buf, v); e.spill() }
func (e *indexEncoder) varint(v int64)   { e.buf = binary.AppendVarint(e.buf, v); e.spill() }
func (e *indexEncoder) u32(v uint32)     { e.buf = binary.LittleEndian.AppendUint32(e.buf, v); e.spill() }
func (e *indexEncoder) u64(v uint64)     { e.buf = binary.LittleEndian.AppendUint64(e.buf, v); e.spill() }

func (e *indexEncoder) str(s string) {
	e.uvarint(uint64(len(s)))
	if len(s) > encoderSpill {
		e.flush()
		e.w.Write([]byte(s))
		return
	}
	e.buf = append(e.buf, s...)
	e.spill()
}

// ReadDeduper reads an index written by [Deduper.WriteTo] and returns a
// Deduper that behaves exactly as the one written: the same Add results
// and the same Clusters for whatever is added next. The whole index is
// read and checked before it returns; input that is not a whole, valid
// index (truncated, corrupted, not an index, or of a newer version) is an
// *[IndexError], never a partial Deduper. It may read past the end of the
// index.
//
// The options that decide results (the threshold, exact-only mode, the
// keep rule) are those the index was built with: opts may repeat them,
// but one that differs is an error wrapping [ErrIndexOptions], for an
// index built at one threshold cannot find copies at another (its
// signatures and buckets were filed for the first). Other options, such
// as [WithClock], apply to the Deduper read. An invalid option is
// returned as its *[OptionError] before anything is read.
func ReadDeduper(r io.Reader, opts ...DedupeOption) (*Deduper, error) {
	if cfg := newDedupeConfig(opts); cfg.err != nil {
		return nil, cfg.err
	}
	ir, _, err := indexfile.NewReader(r, indexVersion)
	if err != nil {
		return nil, indexError(err, indexfile.End, "header")
	}
	dec := &indexDecoder{r: ir}
	d, err := dec.deduper(opts)
	if err != nil {
		return nil, err
	}
	return d, nil
}

// indexError turns an error of indexfile into an *IndexError.
func indexError(err error, kind uint32, section string) error {
	var fe *indexfile.Error
	if errors.As(err, &fe) {
		if section == "" {
			section = sectionName(fe.Kind)
		}
		return &IndexError{Offset: fe.Offset, Section: section, Err: fe.Err}
	}
	return &IndexError{Section: sectionName(kind), Err: err}
}

// indexDecoder reads the values of a section, keeping the first error.
type indexDecoder struct {
	r       *indexfile.Reader
	err     error
	scratch [8]byte
	strBuf  [256]byte // for the short strings: IDs, file names
}

// fail records the first error: an end of the section where a value was
// expected is a corrupt index (the file itself was whole, or its end
// marker would be missing), an *indexfile.Error is passed on.
func (dc *indexDecoder) fail(err error) {
	if dc.err != nil {
		return
	}
	var fe *indexfile.Error
	switch {
	case errors.As(err, &fe):
		dc.err = indexError(err, 0, "")
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		dc.corrupt("section ends before its contents")
	default:
		dc.corrupt(err.Error())
	}
}

func (dc *indexDecoder) corrupt(format string, args ...any) {
	if dc.err != nil {
		return
	}
	dc.err = &IndexError{Offset: dc.r.Offset(), Section: sectionName(dc.r.Kind()),
		Err: fmt.Errorf("%w: %s", ErrIndexCorrupt, fmt.Sprintf(format, args...))}
}

// sim reads a similarity: an estimated Jaccard similarity, in [0, 1]. Any
// other value (NaN among them, which never compares equal to itself) is
// a damaged index.
func (dc *indexDecoder) sim() float32 {
	v := math.Float32frombits(dc.u32())
	if dc.err == nil && !(v >= 0 && v <= 1) {
		dc.corrupt("similarity %v", v)
	}
	return v
}

func (dc *indexDecoder) uvarint() uint64 {
	if dc.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(dc.r)
	if err != nil {
		dc.fail(err)
	}
	return v
}

func (dc *indexDecoder) varint() int64 {
	if dc.err != nil {
		return 0
	}
	v, err := binary.ReadVarint(dc.r)
	if err != nil {
		dc.fail(err)
	}
	return v
}

func (dc *indexDecoder) full(p []byte) {
	if dc.err != nil {
		clear(p)
		return
	}
	if _, err := io.ReadFull(dc.r, p); err != nil {
		dc.fail(err)
		clear(p)
	}
}

func (dc *indexDecoder) u8() byte { dc.full(dc.scratch[:1]); return dc.scratch[0] }
func (dc *indexDecoder) u32() uint32 {
	dc.full(dc.scratch[:4])
	return binary.LittleEndian.Uint32(dc.scratch[:])
}
func (dc *indexDecoder) u64() uint64 {
	dc.full(dc.scratch[:8])
	return binary.LittleEndian.Uint64(dc.scratch[:])
}

// count reads a number of things, which must fit in an int32.
func (dc *indexDecoder) count(what string) int {
	n := dc.uvarint()
	if n > math.MaxInt32 {
		dc.corrupt("%d %s, more than 2^31-1", n, what)
		return 0
	}
	return int(n)
}

// index reads a number that must be below n.
func (dc *indexDecoder) index(n int, what string) int32 {
	v := dc.uvarint()
	if v >= uint64(n) && dc.err == nil {
		dc.corrupt("%s %d out of range (%d)", what, v, n)
		return 0
	}
	return int32(v)
}

func (dc *indexDecoder) str() string {
	n := dc.uvarint()
	if dc.err != nil {
		return ""
	}
	if n > math.MaxInt32 {
		dc.corrupt("string of %d bytes", n)
		return ""
	}
	if n <= uint64(len(dc.strBuf)) {
		b := dc.strBuf[:n]
		dc.full(b)
		return string(b)
	}
	// Read in pieces: a length is only trusted as far as bytes follow it.
	var sb strings.Builder
	if _, err := io.CopyN(&sb, dc.r, int64(n)); err != nil {
		dc.fail(err)
		return ""
	}
	return sb.String()
}

// section moves to the next section, which must be want.
func (dc *indexDecoder) section(want uint32) {
	if dc.err != nil {
		return
	}
	kind, err := dc.r.Next()
	if err != nil {
		// Name the section expected: the frame at fault may be the
		// first of it, whose kind cannot be trusted.
		dc.fail(err)
		if ie, ok := dc.err.(*IndexError); ok && !dc.r.InSection() {
			ie.Section = sectionName(want)
		}
		return
	}
	if kind != want {
		dc.err = &IndexError{Offset: dc.r.Offset(), Section: sectionName(want),
			Err: fmt.Errorf("%w: found %s where %s was expected", ErrIndexCorrupt, sectionName(kind), sectionName(want))}
	}
}

func (dc *indexDecoder) deduper(opts []DedupeOption) (*Deduper, error) {
	dc.section(secConfig)
	cfg := dedupeConfig{now: time.Now}
	cfg.threshold = math.Float64frombits(dc.u64())
	exactOnly, keep := dc.u8(), dc.u8()
	seq := dc.u32()
	if dc.err != nil {
		return nil, dc.err
	}
	switch {
	case !(cfg.threshold > 0 && cfg.threshold <= 1):
		dc.corrupt("threshold %v out of (0, 1]", cfg.threshold)
	case exactOnly > 1:
		dc.corrupt("exact-only flag %d", exactOnly)
	case Keep(keep) != KeepFirst && Keep(keep) != KeepLongest:
		dc.corrupt("keep rule %d", keep)
	case seq > math.MaxInt32:
		dc.corrupt("%d articles added, more than 2^31-1", seq)
	}
	if dc.err != nil {
		return nil, dc.err
	}
	cfg.exactOnly, cfg.keep = exactOnly == 1, Keep(keep)
	if err := checkIndexOptions(cfg, opts, dc.r.Offset()); err != nil {
		return nil, err
	}
	for _, o := range opts {
		o(&cfg)
	}
	d := &Deduper{cfg: cfg, seq: int32(seq)}
	d.minEqual = int(math.Ceil(d.cfg.threshold*SigSize - thresholdSlack))

	dc.section(secFiles)
	var files []string
	for n := dc.count("files"); len(files) < n && dc.err == nil; {
		files = append(files, dc.str())
	}

	dc.section(secStories)
	nClusters := dc.count("stories")
	readMember := func() member {
		var m member
		if f := dc.index(len(files), "file"); dc.err == nil {
			m.src.File = files[f]
		}
		m.src.Line = int(dc.varint())
		m.src.Offset = int(dc.varint())
		m.seq = dc.index(int(seq), "article")
		m.sim = dc.sim()
		return m
	}
	prev := int64(0)
	members := 0 // kept copies and copies
	for d.clusters.n < nClusters && dc.err == nil {
		var cl cluster
		cl.firstSeen = prev + dc.varint()
		prev = cl.firstSeen
		cl.keptID = dc.str()
		cl.keptLen = int(dc.uvarint())
		cl.kept = readMember()
		members++
		if n := dc.count("copies"); n > 0 && dc.err == nil {
			members += n
			cl.copies = make([]member, 0, min(n, 1<<10))
			for len(cl.copies) < n && dc.err == nil {
				cl.copies = append(cl.copies, readMember())
			}
		}
		d.clusters.add(cl)
	}

	dc.section(secSignatures)
	nSigs := dc.count("signatures")
	wantSigs := nClusters // one per story, the representative's
	if cfg.exactOnly {
		wantSigs = 0
	}
	if dc.err == nil && nSigs != wantSigs {
		dc.corrupt("%d signatures for %d stories", nSigs, nClusters)
	}
	var raw [2 * SigSize]byte
	for d.index.n < nSigs && dc.err == nil {
		dc.full(raw[:])
		var e indexEntry
		for i := range e.sig {
			e.sig[i] = binary.LittleEndian.Uint16(raw[2*i:])
		}
		d.index.add(e)
	}

	dc.section(secBands)
	nBands := dc.count("band entries")
	if dc.err == nil && nBands > SigBands*nSigs {
		dc.corrupt("%d band entries for %d signatures", nBands, nSigs)
	}
	if dc.err == nil {
		d.bands.Reserve(min(nBands, SigBands*nSigs))
	}
	var entry [8]byte
	for i := 0; i < nBands && dc.err == nil; i++ {
		dc.full(entry[:])
		c := binary.LittleEndian.Uint32(entry[4:])
		if c >= uint32(nSigs) {
			dc.corrupt("band entry of story %d, of %d", c, nSigs)
			break
		}
		d.bands.Add(binary.LittleEndian.Uint32(entry[:4]), int32(c), math.MaxInt)
	}

	dc.section(secExact)
	// Every text was first added as an article, which is a member of a
	// story: there are no more texts than members, a bound that holds
	// the map's size hint to what the file's bytes gave.
	nExact := dc.count("texts")
	if dc.err == nil && nExact > members {
		dc.corrupt("%d texts for %d articles", nExact, members)
	}
	d.exact = make(map[exactKey]exactHit, min(nExact, members))
	for i := 0; i < nExact && dc.err == nil; i++ {
		var k exactKey
		dc.full(k[:])
		h := exactHit{cluster: dc.index(nClusters, "story")}
		h.sim = dc.sim()
		d.exact[k] = h
		if len(d.exact) != i+1 && dc.err == nil {
			dc.corrupt("text key %x twice", k)
		}
	}

	dc.section(secCounts)
	dc.counts(&d.counts, &d.countsFixed)

	dc.section(indexfile.End)
	if dc.err != nil {
		return nil, dc.err
	}
	return d, nil
}

// counts reads the shingle sketch that indexEncoder.counts wrote.
func (dc *indexDecoder) counts(c *minhash.ShingleCounts, fixed *bool) {
	added := dc.uvarint()
	switch present := dc.u8(); {
	case dc.err != nil:
		return
	case added > math.MaxInt64:
		dc.corrupt("%d shingles counted", added)
		return
	case present == 0:
		if added != 0 {
			dc.corrupt("%d shingles counted and no counters", added)
		}
		return
	case present != 1 && present != 3:
		dc.corrupt("counters flag %d", present)
		return
	default:
		*fixed = present == 3
	}
	// The runs are read first and the 16 MiB of counters made only for
	// a whole section: a cut or damaged index costs what it holds.
	type run struct{ at, n int }
	var runs []run
	var vals []uint8
	for i := 0; i < 1<<minhash.CountBits && dc.err == nil; {
		z, n := dc.uvarint(), dc.uvarint()
		if dc.err != nil {
			return
		}
		if left := uint64(1<<minhash.CountBits - i); z > left || n > left-z || z+n == 0 {
			dc.corrupt("a run of %d zeros and %d counters at counter %d of %d", z, n, i, 1<<minhash.CountBits)
			return
		}
		i += int(z)
		k := len(vals)
		vals = slices.Grow(vals, int(n))[:k+int(n)]
		dc.full(vals[k:])
		runs = append(runs, run{i, int(n)})
		i += int(n)
	}
	if dc.err != nil {
		return
	}
	counters := make([]uint8, 1<<minhash.CountBits)
	k := 0
	for _, r := range runs {
		k += copy(counters[r.at:r.at+r.n], vals[k:])
	}
	if dc.err == nil {
		c.SetCounters(counters, int64(added))
	}
}

// checkIndexOptions says whether opts change an option that decides
// results from what the index was built with.
func checkIndexOptions(file dedupeConfig, opts []DedupeOption, off int64) error {
	got := file
	for _, o := range opts {
		o(&got)
	}
	var what string
	switch {
	case got.threshold != file.threshold:
		what = fmt.Sprintf("threshold %v, the index's is %v", got.threshold, file.threshold)
	case got.exactOnly != file.exactOnly:
		what = "exact-only mode, the index was built with signatures"
	case got.keep != file.keep:
		what = fmt.Sprintf("keep rule %d, the index's is %d", got.keep, file.keep)
	case got.counts != nil:
		what = "shingle counts given, the index has its own"
	default:
		return nil
	}
	return &IndexError{Offset: off, Section: "config", Err: fmt.Errorf("%w: %s", ErrIndexOptions, what)}
}

// Forget removes the stories first seen before the given time, with
// their copies, signatures, band entries and exact-text keys, and returns
// how many it removed: run it before saving an index to keep it from
// growing for ever. A later copy of a forgotten story is a new story.
//
// Forgetting also renumbers the articles added so far in the order they
// were added (the Deduper's count of them is what is left), so that a
// Deduper kept for years across runs stays below its limit of 2^31-1
// articles as long as it forgets as much as it adds.
func (d *Deduper) Forget(before time.Time) int {
	cut := unixNanoClamped(before)
	d.mu.Lock()
	defer d.mu.Unlock()
	renum := make([]int32, d.clusters.n) // new number of each story, or -1
	var clusters slab[cluster]
	var index slab[indexEntry]
	for i := range int32(d.clusters.n) {
		cl := d.clusters.at(i)
		if cl.firstSeen < cut {
			renum[i] = -1
			continue
		}
		renum[i] = clusters.add(*cl)
		if i < int32(d.index.n) {
			index.add(*d.index.at(i))
		}
	}
	removed := d.clusters.n - clusters.n
	if removed == 0 {
		return 0
	}
	d.clusters, d.index = clusters, index
	exact := make(map[exactKey]exactHit, len(d.exact)) // a Go map never shrinks: make a new one
	for k, h := range d.exact {
		if c := renum[h.cluster]; c >= 0 {
			h.cluster = c
			exact[k] = h
		}
	}
	d.exact = exact
	d.bands.Retain(func(c int32) (int32, bool) { return renum[c], renum[c] >= 0 })

	// Renumber the articles left, keeping their order.
	var seqs []int32
	for i := range int32(d.clusters.n) {
		cl := d.clusters.at(i)
		seqs = append(seqs, cl.kept.seq)
		for _, m := range cl.copies {
			seqs = append(seqs, m.seq)
		}
	}
	slices.Sort(seqs)
	newSeq := func(s int32) int32 { i, _ := slices.BinarySearch(seqs, s); return int32(i) }
	for i := range int32(d.clusters.n) {
		cl := d.clusters.at(i)
		cl.kept.seq = newSeq(cl.kept.seq)
		for j := range cl.copies {
			cl.copies[j].seq = newSeq(cl.copies[j].seq)
		}
	}
	d.seq = int32(len(seqs))
	return removed
}

// unixNanoClamped is t in Unix nanoseconds, the earliest or latest
// representable for a time beyond the years 1678 to 2262.
func unixNanoClamped(t time.Time) int64 {
	switch {
	case t.Before(time.Unix(0, math.MinInt64)):
		return math.MinInt64
	case t.After(time.Unix(0, math.MaxInt64)):
		return math.MaxInt64
	}
	return t.UnixNano()
}
