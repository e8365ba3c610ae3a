package minhash

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The band index files clusters under keys, returns them oldest first,
// keeps at most limit per key, and loses nothing as it grows.
func TestBandIndex(t *testing.T) {
	var ix BandIndex
	const keys, perKey, limit = 3000, 5, 4
	for c := range int32(keys * perKey) {
		key := uint32(Mix64(uint64(c%keys))) | 1
		ix.Add(key, c, limit)
	}
	if len(ix.slots) <= minSlots {
		t.Fatalf("the table did not grow: %d slots", len(ix.slots))
	}
	for k := range keys {
		key := uint32(Mix64(uint64(k))) | 1
		var got []int32
		n := ix.Visit(key, 100, func(c int32) { got = append(got, c) })
		want := []int32{int32(k), int32(k + keys), int32(k + 2*keys), int32(k + 3*keys)}
		if n != limit {
			t.Fatalf("key %d: visit returned %d, want %d", k, n, limit)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("key %d (-want +got):\n%s", k, diff)
		}
		if n := ix.Visit(key, 2, nil); n != 2 {
			t.Fatalf("visit with limit 2 counted %d", n)
		}
	}
	if n := ix.Visit(12345, 10, nil); n != 0 {
		t.Errorf("an absent key has %d clusters", n)
	}
}

// visits returns what Visit gives for each key of keys.
func visits(t *BandIndex, keys []uint32) map[uint32][]int32 {
	out := make(map[uint32][]int32)
	for _, k := range keys {
		t.Visit(k, 1<<30, func(c int32) { out[k] = append(out[k], c) })
	}
	return out
}

func TestBandIndexEntriesRebuild(t *testing.T) {
	var ix BandIndex
	var keys []uint32
	for c := range int32(3000) {
		for b := range uint32(5) {
			// Few distinct keys so that runs are long and keys share them;
			// some keys reach the limit.
			k := (uint32(c)%97)*2654435761 + b
			keys = append(keys, k)
			ix.Add(k, c, 16)
		}
	}
	want := visits(&ix, keys)
	var re BandIndex
	re.Reserve(ix.Len())
	ix.Entries(func(key uint32, c int32) { re.Add(key, c, 1<<30) })
	if diff := cmp.Diff(want, visits(&re, keys)); diff != "" {
		t.Errorf("rebuilt from Entries (-want +got):\n%s", diff)
	}
	if re.Len() != ix.Len() {
		t.Errorf("rebuilt Len %d, want %d", re.Len(), ix.Len())
	}

	// Retain: drop the odd clusters, renumber the even ones c/2.
	ix.Retain(func(c int32) (int32, bool) { return c / 2, c%2 == 0 })
	wantKept := make(map[uint32][]int32)
	for k, cs := range want {
		for _, c := range cs {
			if c%2 == 0 {
				wantKept[k] = append(wantKept[k], c/2)
			}
		}
	}
	if diff := cmp.Diff(wantKept, visits(&ix, keys)); diff != "" {
		t.Errorf("after Retain (-want +got):\n%s", diff)
	}
}
