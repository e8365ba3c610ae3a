//go:build amd64 && !purego

package ner

import (
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSumRowsAssembly checks the assembly sums against the Go loop: on a
// random table whose kept rows hold weights of the whole int16 range in
// every label (the first and the last row among them), for feature lists
// of every length up to 200 that mix kept rows and zero ones.
func TestSumRowsAssembly(t *testing.T) {
	if !hasPOPCNT {
		t.Skip("no POPCNT: sumRows takes the Go loop")
	}
	rng := rand.New(rand.NewPCG(7, 8))
	w := make([]int16, NLabels<<HashBits)
	var kept []uint32
	for r := 0; r < 1<<HashBits; r++ {
		if rng.IntN(6) == 0 || r == 0 || r == 1<<HashBits-1 {
			for l := range NLabels {
				w[r*NLabels+l] = int16(rng.IntN(65536) - 32768)
			}
			kept = append(kept, uint32(r))
		}
	}
	m := newModel(w, nil)
	feature := func(r uint32) uint64 { return uint64(r)<<(64-HashBits) | rng.Uint64()>>HashBits }
	for it := 0; it < 20000; it++ {
		fs := make([]uint64, rng.IntN(201))
		for i := range fs {
			switch rng.IntN(3) {
			case 0:
				fs[i] = rng.Uint64() // mostly a zero row
			case 1:
				fs[i] = feature(kept[rng.IntN(len(kept))])
			default:
				fs[i] = feature(kept[len(kept)-1-rng.IntN(2)]) // the last rows
			}
		}
		var want, got [NLabels]int32
		m.sumRowsGeneric(fs, &want)
		m.sumRows(fs, &got)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("%d features (-Go loop +assembly):\n%s", len(fs), diff)
		}
	}
}
