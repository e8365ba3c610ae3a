package minhash

// ShingleCounts is a document-frequency sketch of shingles: for each
// shingle hash, how many texts added so far held it. It tells a site's
// boilerplate and stock phrases (in thousands of texts) from a story's own
// text (in its few copies).
//
// It is one saturating 8-bit counter per CountBits-bit cell, the cell
// being bits 32 to 32+CountBits-1 of the shingle hash (16 MiB, allocated
// by the first Add): a direct-mapped sketch. Shingles that share a cell
// share its counter, so a count may exceed the true one, never fall short
// of it; with n texts of w shingles each a cell holds n*w/2^24 such chance
// hits on average (16 at a million texts of 270 shingles), far below a
// threshold meant to catch boilerplate. The counts are a pure function of
// the multiset of texts added, whatever their order, so a distributed job
// gets the same ones by adding up per-worker sketches (saturating at 255).
//
// Its zero value is empty and ready to use.
type ShingleCounts struct {
	counts []uint8 // by cellOf
	added  int64   // shingles added
}

// CountBits is the number of bits of a shingle hash that choose its
// counter in a ShingleCounts.
const CountBits = 24

func cellOf(h uint64) uint64 { return h >> 32 & (1<<CountBits - 1) }

// Add counts the shingles of one text (a shingle it holds twice counts
// twice).
func (c *ShingleCounts) Add(shingles []uint64) {
	if c.counts == nil {
		c.counts = make([]uint8, 1<<CountBits)
	}
	for _, h := range shingles {
		p := &c.counts[cellOf(h)]
		if *p < 255 {
			*p++
		}
	}
	c.added += int64(len(shingles))
}

// Shingles is the number of shingles added: divided by 2^CountBits, the
// mean count of a cell by chance.
func (c *ShingleCounts) Shingles() int64 { return c.added }

// Rare appends to dst the shingles whose count is below min, in order, and
// returns it and whether any shingle was left out.
func (c *ShingleCounts) Rare(dst, shingles []uint64, min int) ([]uint64, bool) {
	if c.counts == nil {
		return append(dst, shingles...), false
	}
	dropped := false
	for _, h := range shingles {
		if int(c.counts[cellOf(h)]) >= min {
			dropped = true
			continue
		}
		dst = append(dst, h)
	}
	return dst, dropped
}

// Count is the count of shingle hash h.
func (c *ShingleCounts) Count(h uint64) int {
	if c.counts == nil {
		return 0
	}
	return int(c.counts[cellOf(h)])
}

// Merge adds o's counts to c's, saturating at 255.
func (c *ShingleCounts) Merge(o *ShingleCounts) {
	if o.counts == nil {
		return
	}
	if c.counts == nil {
		c.counts = make([]uint8, 1<<CountBits)
	}
	for i, n := range o.counts {
		c.counts[i] = uint8(min(int(c.counts[i])+int(n), 255))
	}
	c.added += o.added
}

// Counters returns c's counters (nil before the first Add; not a copy)
// and the number of shingles added, for serialising c.
func (c *ShingleCounts) Counters() ([]uint8, int64) { return c.counts, c.added }

// SetCounters makes c the counts a serialised sketch holds: counters, of
// length 1<<CountBits (kept, not copied), and added shingles.
func (c *ShingleCounts) SetCounters(counters []uint8, added int64) {
	if len(counters) != 1<<CountBits {
		panic("minhash: SetCounters of the wrong length")
	}
	c.counts, c.added = counters, added
}
