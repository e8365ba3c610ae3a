package newsdump

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sync"

	"github.com/newsdump/newsdump/internal/minhash"
)

// ShingleCounts is the sketch of shingle counts with which [Dedupe] tells
// boilerplate from stories (see "Boilerplate learnt from the data" there),
// for a distributed job that reproduces Dedupe: count each distinct
// comparison text once (articles with equal [ExactKey] are one text), add
// up the workers' counts with Merge, and give the sum to every worker
// (MarshalBinary, 16 MiB); its Signature of an article is then the
// signature Dedupe compares that article by, whose [Sig.BandKeys] and
// [Sig.Similarity] decide as in Dedupe.
//
// The zero value is empty; the counters are allocated by the first Add or
// Merge. A ShingleCounts is safe for concurrent use.
type ShingleCounts struct {
	mu sync.RWMutex
	c  minhash.ShingleCounts
}

// Add counts the shingles of a's comparison text. Dedupe counts each
// distinct text once: add an article only if no article with its ExactKey
// was added, here or to the counts merged with these.
func (c *ShingleCounts) Add(a Article) {
	st := getTextState()
	defer putTextState(st)
	st.build(&a)
	sh := st.shingleHashes()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.c.Add(sh)
}

// Merge adds o's counts to c's, each counter saturating at 255 as it does
// when counting: the counts of two sets of texts merged are those of their
// union. o must not be c.
func (c *ShingleCounts) Merge(o *ShingleCounts) {
	o.mu.RLock()
	defer o.mu.RUnlock()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.c.Merge(&o.c)
}

// Signature returns the signature of a without the shingles frequent in c
// by Dedupe's rule: the signature Dedupe compares a by when c holds the
// counts of Dedupe's whole input. With no counts it is [Signature].
func (c *ShingleCounts) Signature(a Article) Sig {
	st := getTextState()
	defer putTextState(st)
	st.build(&a)
	sh := st.shingleHashes()
	var s Sig
	c.mu.RLock()
	defer c.mu.RUnlock()
	st.prepared = rareSignature(&c.c, sh, frequentLimit(frequentCount, &c.c), s.mh(), st.prepared[:0])
	return s
}

// countsMagic opens a marshalled ShingleCounts; countsVersion is its
// format: the magic, the version, the number of shingles counted (uint64,
// little-endian) and the 2^24 counters.
const (
	countsMagic   = "NDSC"
	countsVersion = 1
)

// ErrCounts is wrapped by the error UnmarshalBinary returns for data that
// is not a ShingleCounts of this version.
var ErrCounts = errors.New("not shingle counts")

// MarshalBinary encodes the counts, for a side input or a file.
func (c *ShingleCounts) MarshalBinary() ([]byte, error) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	counters, added := c.c.Counters()
	out := make([]byte, 0, len(countsMagic)+1+8+1<<minhash.CountBits)
	out = append(out, countsMagic...)
	out = append(out, countsVersion)
	out = binary.LittleEndian.AppendUint64(out, uint64(added))
	if counters == nil {
		return append(out, make([]byte, 1<<minhash.CountBits)...), nil
	}
	return append(out, counters...), nil
}

// UnmarshalBinary decodes counts written by MarshalBinary, replacing c's.
// Data that is not such counts, is of another version or is truncated is
// an error wrapping [ErrCounts] that says which.
func (c *ShingleCounts) UnmarshalBinary(data []byte) error {
	const header = len(countsMagic) + 1 + 8
	switch {
	case len(data) < header || string(data[:len(countsMagic)]) != countsMagic:
		return fmt.Errorf("%w: no %q header", ErrCounts, countsMagic)
	case data[len(countsMagic)] != countsVersion:
		return fmt.Errorf("%w: version %d, want %d", ErrCounts, data[len(countsMagic)], countsVersion)
	case len(data) != header+1<<minhash.CountBits:
		return fmt.Errorf("%w: %d bytes of counters, want %d", ErrCounts, len(data)-header, 1<<minhash.CountBits)
	}
	added := binary.LittleEndian.Uint64(data[len(countsMagic)+1:])
	if added > 1<<62 {
		return fmt.Errorf("%w: %d shingles counted", ErrCounts, added)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.c.SetCounters(append([]uint8(nil), data[header:]...), int64(added))
	return nil
}
