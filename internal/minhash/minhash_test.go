package minhash

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func fill(runs ...[]uint64) Sig {
	var s Sig
	var f Filler
	f.Start(&s)
	for _, r := range runs {
		f.Words(&s, r)
	}
	f.Finish(&s)
	return s
}

// Shingles span runs: the words in one run or split over several give the
// same signature. Densification leaves no bin empty, and a signature
// without words is empty.
func TestFiller(t *testing.T) {
	words := AppendWordHashes(nil, []byte("the quick brown fox jumps over the lazy dog"))
	if len(words) != 9 {
		t.Fatalf("%d words, want 9", len(words))
	}
	one := fill(words)
	if split := fill(words[:2], nil, words[2:5], words[5:]); split != one {
		t.Error("splitting the words into runs changed the signature")
	}
	for i, v := range one {
		if v == emptyBin {
			t.Errorf("bin %d is empty after densification", i)
		}
	}
	if one.Empty() || EqualValues(&one, &one) != Size {
		t.Error("a signature is empty or not equal to itself")
	}
	if s := fill(); !s.Empty() {
		t.Error("a signature without words is not empty")
	}
	if s := fill(words[:1]); s.Empty() {
		t.Error("a one-word signature is empty")
	}
}

func TestAppendWordHashes(t *testing.T) {
	a := AppendWordHashes(nil, []byte("café, 42 naïve"))
	b := AppendWordHashes(nil, []byte("café 42\tnaïve!"))
	if diff := cmp.Diff(a, b); diff != "" || len(a) != 3 {
		t.Errorf("words are not split at punctuation and spaces alone (-a +b):\n%s", diff)
	}
}

// Fill over the shingles that Shingles and FinishShingles give is the
// signature Words and Finish compute.
func TestFillShingles(t *testing.T) {
	for _, text := range []string{"the quick brown fox jumps over the lazy dog", "two words", "one", ""} {
		words := AppendWordHashes(nil, []byte(text))
		var f Filler
		sh := f.Shingles(nil, words[:len(words)/2])
		sh = f.Shingles(sh, words[len(words)/2:])
		sh = f.FinishShingles(sh)
		var s Sig
		Fill(&s, sh)
		if want := fill(words); s != want {
			t.Errorf("%q: Fill differs from Filler", text)
		}
	}
}

// ShingleCounts counts each shingle added and keeps the rare ones in
// order.
func TestShingleCounts(t *testing.T) {
	var c ShingleCounts
	a, b := Mix64(1), Mix64(2)
	if got, dropped := c.Rare(nil, []uint64{a, b}, 1); dropped || len(got) != 2 {
		t.Fatalf("an empty sketch drops %v", got)
	}
	c.Add([]uint64{a, a, b})
	if c.Count(a) != 2 || c.Count(b) != 1 || c.Shingles() != 3 {
		t.Fatalf("counts %d %d, %d added", c.Count(a), c.Count(b), c.Shingles())
	}
	got, dropped := c.Rare(nil, []uint64{b, a, b}, 2)
	if diff := cmp.Diff([]uint64{b, b}, got); diff != "" || !dropped {
		t.Errorf("rare shingles (-want +got):\n%s", diff)
	}
	for range 300 {
		c.Add([]uint64{a})
	}
	if c.Count(a) != 255 {
		t.Errorf("a counter saturates at %d", c.Count(a))
	}
}
