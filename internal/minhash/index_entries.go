package minhash

// Entries calls fn for every entry of the index in an order that keeps
// each key's clusters in the order they were added, the order Visit walks
// them: adding the entries in this order to an empty BandIndex (with a
// limit no entry reaches) gives one that visits every key as t does. This
// is what a saved index stores and what Retain rebuilds from.
func (t *BandIndex) Entries(fn func(key uint32, c int32)) {
	// As in grow: the slots in order from one that ends a probe run.
	start := 0
	for start < len(t.slots) && t.slots[start].cluster != 0 {
		start++
	}
	for k := range len(t.slots) {
		s := t.slots[(start+k)%len(t.slots)]
		if s.cluster != 0 {
			fn(s.key, s.cluster-1)
		}
	}
}

// Len is the number of entries.
func (t *BandIndex) Len() int { return t.used }

// Reserve sizes an empty index for n entries, so that adding them does
// not grow it.
func (t *BandIndex) Reserve(n int) {
	if t.used != 0 {
		return
	}
	size := minSlots
	for n > size/maxLoadDen*maxLoadNum {
		size += size / 2
	}
	t.slots = make([]bandSlot, size)
}

// Retain keeps the entries for which keep returns true, filed under the
// cluster it returns instead of their own, in a table sized for them.
// Each key keeps the order of its clusters; a key that was full (Add
// refused clusters beyond the limit) is no longer full if some of its
// clusters go, and takes the next ones added.
func (t *BandIndex) Retain(keep func(c int32) (int32, bool)) {
	type entry struct {
		key uint32
		c   int32
	}
	var kept []entry
	t.Entries(func(key uint32, c int32) {
		if nc, ok := keep(c); ok {
			kept = append(kept, entry{key, nc})
		}
	})
	*t = BandIndex{}
	t.Reserve(len(kept))
	for _, e := range kept {
		t.Add(e.key, e.c, int(^uint(0)>>1))
	}
}
