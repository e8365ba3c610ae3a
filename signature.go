package newsdump

import "github.com/newsdump/newsdump/internal/minhash"

// SigSize is the number of MinHash values in a [Sig].
const SigSize = 128

// SigBands and SigRows are the LSH banding of a [Sig]: band b is values
// b*SigRows to (b+1)*SigRows-1, so the bands use the first 80 of the 128
// values (all 128 serve to verify a candidate). Two articles whose shingle
// sets have Jaccard similarity s share at least one band key with
// probability 1-(1-s^r)^b; with b = 40 and r = 2:
//
//	s     0.10  0.15  0.20  0.25  0.30  0.40   0.50
//	P     0.33  0.60  0.80  0.92  0.977 0.999  >0.9999
//
// Pairs well below the threshold rarely become candidates, and every
// candidate is verified by its estimated similarity, so a chance candidate
// costs time, never a wrong merge.
const (
	SigBands = 40
	SigRows  = 2
)

// Sig is the MinHash signature of an article's comparison text: SigSize
// hash values of its 3-word shingles, such that the fraction of equal
// values in two signatures estimates the Jaccard similarity of the two
// shingle sets ([Sig.Similarity]).
//
// A Sig is a plain value (512 bytes): it can be stored, sent between
// processes and compared anywhere. The same article has the same Sig in
// every process, on every machine and in every version that does not say
// otherwise in its release notes.
type Sig [SigSize]uint32

// Signature returns the MinHash signature of a's comparison text (see
// [Dedupe] for what the comparison text is). It is a pure function of the
// title and paragraphs: the ID, captions, source and duplicates are
// ignored. It is safe for concurrent use.
func Signature(a Article) Sig {
	st := getTextState()
	defer putTextState(st)
	st.build(&a)
	var s Sig
	st.signature(s.mh())
	return s
}

// Similarity is the estimated Jaccard similarity of the two articles'
// shingle sets: the fraction of equal values, between 0 and 1. Its
// standard error is sqrt(s(1-s)/SigSize), 0.04 at s = 0.3. The signature of
// an article without words is similar to nothing, not even to itself.
func (s Sig) Similarity(o Sig) float64 {
	if s.mh().Empty() || o.mh().Empty() {
		return 0
	}
	return float64(minhash.EqualValues(s.mh(), o.mh())) / SigSize
}

// BandKeys returns the LSH band keys of s, one per band: articles that
// share a band key are candidate duplicates, to be verified with
// [Sig.Similarity]. Keys include the band number, so keys of different
// bands never need to be kept apart. This is the key a distributed job
// shuffles by.
func (s Sig) BandKeys() [SigBands]uint64 {
	var k [SigBands]uint64
	minhash.BandKeys(s.mh(), &k)
	return k
}

// mh is s as the internal package sees it: the same array. How a Sig is
// computed (one-permutation MinHash with densification, fixed seeds) is
// documented there.
func (s *Sig) mh() *minhash.Sig { return (*minhash.Sig)(s) }

// SigRows must be minhash.Rows (SigSize and SigBands are checked by the
// conversions above).
const _ = uint(SigRows-minhash.Rows) + uint(minhash.Rows-SigRows)
