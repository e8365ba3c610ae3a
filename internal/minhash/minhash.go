// Package minhash holds the pure algorithms behind newsdump's near-duplicate
// detection: word and shingle hashes, one-permutation MinHash signatures
// with densification, LSH band keys and the band index. It knows nothing of
// articles: the root package builds the comparison text and feeds its word
// hashes here.
//
// Every hash is seeded by constants fixed in this file, and signatures are
// stored by users (testdata/signatures.golden.json pins them): a change to
// any constant or function here that changes a signature is a breaking
// change of the root package.
package minhash

import (
	"math"
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// Size is the number of MinHash values in a signature (newsdump.SigSize).
const Size = 128

// Bands and Rows are the LSH banding of a signature (newsdump.SigBands and
// newsdump.SigRows): band b is values b*Rows to (b+1)*Rows-1.
//
// Rows of 2 are what a threshold as low as 0.25 needs (with 3 rows P(0.3)
// would be 0.66 even with 42 bands); 40 bands rather than 64 save 0.4 KB
// per story in a Deduper and measured the same precision and recall on
// the synthetic benchmark at thresholds 0.25 to 0.35, and recall 0.9996
// rather than 0.9997 at 0.2 (copies of one story are mostly far above the
// threshold; 32 bands: 0.9989).
const (
	Bands = 40
	Rows  = 2
)

// ShingleWords is the number of words in a shingle, chosen by measurement
// together with newsdump.DefaultThreshold on the synthetic benchmark
// (internal/dupgen, 10,000 articles, seed 1; TestDedupeThresholdSweep),
// pairwise precision / recall:
//
//	threshold  2-word      3-word      4-word      5-word shingles
//	0.15       .9955/.9984 .9977/.9992 .9988/.9983 .9975/.9943
//	0.20       .9988/.9997 1.000/.9996 1.000/.9965 1.000/.9930
//	0.25       .9995/.9994 1.000/.9974 1.000/.9935 1.000/.9773
//	0.30       1.000/.9961 1.000/.9891 1.000/.9761 1.000/.9467
//	0.40       1.000/.9751 1.000/.9399 1.000/.9205 1.000/.8884
//	0.50       1.000/.9240 1.000/.8853 1.000/.8499 1.000/.8136
//
// 2-word shingles recall more but merge different stories at every
// threshold below 0.3; of the sizes with no false merge from 0.2 up, 3
// words recall the most.
const ShingleWords = 3

// Sig is a MinHash signature, the same array type as newsdump.Sig, which
// converts to it at no cost: Size minimum hash values of a text's word
// shingles, by one-permutation hashing (each shingle hash falls into one of
// Size bins and each bin keeps its minimum) with optimal densification for
// empty bins (Shrivastava, 2017). The hash functions are seeded by
// constants fixed in this file, so that a text has the same Sig in every
// process, on every machine and in every version.
type Sig [Size]uint32

// binBits is the number of top bits of a shingle hash that choose its
// bin: log2(Size).
const binBits = 7

// Size must be 1<<binBits.
const _ = uint(Size-1<<binBits) + uint(1<<binBits-Size)

// golden64 is 2^64 divided by the golden ratio, the increment of
// SplitMix64: added or multiplied in, it spreads consecutive small numbers
// (band numbers, word positions, probe steps) over all 64 bits.
const golden64 = 0x9e3779b97f4a7c15

// emptyBin marks a bin no shingle fell into; after densification it remains
// only in the signature of an article without a single word.
const emptyBin = math.MaxUint32

// Empty reports whether no shingle went into s.
func (s *Sig) Empty() bool {
	for _, v := range s {
		if v != emptyBin {
			return false
		}
	}
	return true
}

// EqualValues returns the number of positions where a and b hold the same
// value.
func EqualValues(a, b *Sig) int {
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return n
}

// BandKeys writes the LSH band keys of s into k, one per band. Keys include
// the band number, so keys of different bands never need to be kept apart.
func BandKeys(s *Sig, k *[Bands]uint64) {
	for b := range Bands {
		h := Mix64(uint64(b+1) * golden64)
		for _, v := range s[b*Rows : (b+1)*Rows] {
			h = Mix64(h ^ uint64(v))
		}
		k[b] = h
	}
}

// Mix64 is the finaliser of SplitMix64: a fixed bijection of 64-bit words
// whose output bits each depend on every input bit.
func Mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// wordBytes marks the ASCII bytes that are part of a word.
var wordBytes = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		t[c] = 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z'
	}
	return t
}()

// AppendWordHashes appends the hash of every word of b: maximal runs of
// letters, digits and marks. A word's hash is 64-bit FNV-1a of its bytes.
func AppendWordHashes(dst []uint64, b []byte) []uint64 {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h, in := uint64(offset), false
	for i := 0; i < len(b); {
		c := b[i]
		var word bool
		n := 1
		if c < utf8.RuneSelf {
			word = wordBytes[c]
		} else {
			var r rune
			r, n = utf8.DecodeRune(b[i:])
			word = isWordRune(r)
		}
		if word {
			for _, x := range b[i : i+n] {
				h ^= uint64(x)
				h *= prime
			}
			in = true
		} else if in {
			dst = append(dst, h)
			h, in = offset, false
		}
		i += n
	}
	if in {
		dst = append(dst, h)
	}
	return dst
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// sigSeed is folded into every shingle hash; changing it changes every
// signature.
const sigSeed = 0x6e657773_64756d70 // "newsdump"

// shingleRotate is how far each word position rotates its word's hash in
// a shingle, so that the same words in another order hash apart.
const shingleRotate = 17

// shingleHash combines a window of word hashes, order-sensitively.
func shingleHash(ws []uint64) uint64 {
	h := uint64(sigSeed)
	for i, w := range ws {
		h += bits.RotateLeft64(w, shingleRotate*i) * (2*uint64(i) + golden64)
	}
	return Mix64(h)
}

// Filler computes the one-permutation MinHash of the ShingleWords-word
// shingles of a sequence of word hashes, given in any number of runs: a
// shingle may span two runs. The signature is passed to every call rather
// than kept, so that it need not escape to the heap. Its zero value is
// not ready: call Start.
type Filler struct {
	filled [Size / 64]uint64 // bins some shingle fell into
	window [ShingleWords]uint64
	words  int // words seen
}

// Start empties s and makes f ready to fill it.
func (f *Filler) Start(s *Sig) {
	for i := range s {
		s[i] = emptyBin
	}
	*f = Filler{}
}

// Words adds the next run of word hashes to s.
func (f *Filler) Words(s *Sig, ws []uint64) {
	// Locals, so that the loop keeps them in registers.
	window, nw := f.window, f.words
	for _, w := range ws {
		copy(window[:], window[1:])
		window[ShingleWords-1] = w
		nw++
		if nw >= ShingleWords {
			addShingle(s, &f.filled, shingleHash(window[:]))
		}
	}
	f.window, f.words = window, nw
}

// Shingles appends to dst the hashes of the shingles that Words would add
// to a signature for the next run of word hashes, in order: the
// signature is then [Fill] of all of them, which lets a caller leave some
// shingles out first.
func (f *Filler) Shingles(dst, ws []uint64) []uint64 {
	window, nw := f.window, f.words
	for _, w := range ws {
		copy(window[:], window[1:])
		window[ShingleWords-1] = w
		nw++
		if nw >= ShingleWords {
			dst = append(dst, shingleHash(window[:]))
		}
	}
	f.window, f.words = window, nw
	return dst
}

// FinishShingles appends the shingle Finish would add for a text of fewer
// words than a shingle: one of all the words there are.
func (f *Filler) FinishShingles(dst []uint64) []uint64 {
	if nw := f.words; nw > 0 && nw < ShingleWords {
		dst = append(dst, shingleHash(f.window[ShingleWords-nw:]))
	}
	return dst
}

// Fill computes into s the one-permutation MinHash of the given shingle
// hashes (from Filler.Shingles and FinishShingles): the same signature as
// Start, Words and Finish over the words they came from. No shingles leave
// s empty.
func Fill(s *Sig, shingles []uint64) {
	for i := range s {
		s[i] = emptyBin
	}
	if len(shingles) == 0 {
		return
	}
	var filled [Size / 64]uint64
	for _, h := range shingles {
		addShingle(s, &filled, h)
	}
	densify(s, &filled)
}

// Finish completes s. Fewer words than a shingle make one shingle of all
// the words there are; no words at all leave s empty.
func (f *Filler) Finish(s *Sig) {
	nw := f.words
	if nw == 0 {
		return
	}
	if nw < ShingleWords { // one shingle: all the words there are
		addShingle(s, &f.filled, shingleHash(f.window[ShingleWords-nw:]))
	}
	densify(s, &f.filled)
}

// addShingle puts one shingle hash in its bin: the top binBits bits choose
// one of the Size bins, the low 32 bits are the value.
func addShingle(s *Sig, filled *[Size / 64]uint64, h uint64) {
	bin := h >> (64 - binBits)
	v := uint32(h)
	if v == emptyBin {
		v--
	}
	if v < s[bin] {
		s[bin] = v
	}
	filled[bin/64] |= 1 << (bin % 64)
}

// densifySeed, added to an empty bin's number, seeds that bin's probe
// sequence. It is an arbitrary constant (the multiplier of PCG), fixed
// because signatures are stored.
const densifySeed = 0x5851f42d4c957f2d

// densifyAttempts bounds the probes for a filled bin; after them densify
// takes the next filled bin. With one bin in 4 filled, all the probes miss
// with probability (3/4)^512, below 10^-60: the fallback is for signatures
// with very few filled bins.
const densifyAttempts = 4 * Size

// densify fills each empty bin with the value of a non-empty bin chosen by
// a hash sequence seeded by the empty bin's number (optimal densification,
// Shrivastava 2017), so that two similar articles fill their empty bins
// alike and the fraction of equal bins still estimates Jaccard similarity.
func densify(s *Sig, filled *[Size / 64]uint64) {
	n := 0
	for _, w := range filled {
		n += bits.OnesCount64(w)
	}
	if n == Size {
		return
	}
	isFilled := func(j uint64) bool { return filled[j/64]&(1<<(j%64)) != 0 }
	for i := range uint64(Size) {
		if isFilled(i) {
			continue
		}
		h := Mix64(i + densifySeed)
		found := false
		for attempt := 0; attempt < densifyAttempts; attempt++ {
			j := h >> (64 - binBits)
			if isFilled(j) {
				s[i] = s[j]
				found = true
				break
			}
			h = Mix64(h + golden64)
		}
		if !found { // very few bins filled: take the next filled one
			for k := uint64(1); k < Size; k++ {
				if j := (i + k) % Size; isFilled(j) {
					s[i] = s[j]
					break
				}
			}
		}
	}
}
