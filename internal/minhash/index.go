package minhash

// BandIndex is the LSH index of newsdump's Deduper: a multimap from band
// key to the clusters whose representative has that key, as one
// open-addressing hash table with linear probing for all bands (band keys
// include the band number). A slot is 8 bytes, the low 32 bits of the band key and the
// cluster; a 32-bit key may collide by chance, which verification absorbs.
// The table grows by half when it is 4/5 full, so it is always more than
// half full: an entry costs 10 to 15 bytes, against about 20 for a Go map
// with a chain per band.
type BandIndex struct {
	slots []bandSlot
	used  int
}

type bandSlot struct {
	key     uint32
	cluster int32 // cluster+1; 0 marks an empty slot
}

// The table's sizes: it grows when an entry would fill more than
// maxLoadNum/maxLoadDen of its slots, by half of its size, and starts at
// minSlots.
const (
	maxLoadNum, maxLoadDen = 4, 5
	minSlots               = 1024
)

// home is where key's probe run starts: the key, a uniform hash, scaled to
// the table's length.
func (t *BandIndex) home(key uint32) int {
	return int(uint64(key) * uint64(len(t.slots)) >> 32)
}

func (t *BandIndex) step(i int) int {
	if i++; i == len(t.slots) {
		return 0
	}
	return i
}

// Visit calls fn for the clusters filed under key, oldest first, at most
// limit of them, and returns how many there were (up to limit).
func (t *BandIndex) Visit(key uint32, limit int, fn func(c int32)) int {
	if len(t.slots) == 0 {
		return 0
	}
	n := 0
	for i := t.home(key); t.slots[i].cluster != 0 && n < limit; i = t.step(i) {
		if t.slots[i].key == key {
			n++
			if fn != nil {
				fn(t.slots[i].cluster - 1)
			}
		}
	}
	return n
}

// Add files cluster c under key, unless key already holds limit clusters:
// Visit would never reach a later one.
func (t *BandIndex) Add(key uint32, c int32, limit int) {
	if t.used+1 > len(t.slots)/maxLoadDen*maxLoadNum {
		t.grow()
	}
	n := 0
	i := t.home(key)
	for ; t.slots[i].cluster != 0; i = t.step(i) {
		if t.slots[i].key == key {
			if n++; n >= limit {
				return
			}
		}
	}
	t.slots[i] = bandSlot{key, c + 1}
	t.used++
}

// grow makes the table half as large again. Entries are re-inserted in
// slot order starting from a slot that begins a probe run, which keeps the
// entries of each key in the order they were added.
func (t *BandIndex) grow() {
	old := t.slots
	t.slots = make([]bandSlot, max(minSlots, len(old)+len(old)/2))
	t.used = 0
	if len(old) == 0 {
		return
	}
	start := 0
	for start < len(old) && old[start].cluster != 0 {
		start++
	}
	for k := range len(old) {
		s := old[(start+k)%len(old)]
		if s.cluster == 0 {
			continue
		}
		i := t.home(s.key)
		for t.slots[i].cluster != 0 {
			i = t.step(i)
		}
		t.slots[i] = s
		t.used++
	}
}
