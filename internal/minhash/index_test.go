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
