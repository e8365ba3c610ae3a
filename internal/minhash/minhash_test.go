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
