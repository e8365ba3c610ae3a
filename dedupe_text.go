package newsdump

import (
	"crypto/sha256"
	"math"
	"math/bits"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// This file turns an article into what deduplication compares: the
// comparison text, its exact key and its MinHash signature.

// SigSize is the number of MinHash values in a [Sig].
const SigSize = 128

// SigBands and SigRows are the LSH banding of a [Sig]: SigBands bands of
// SigRows consecutive values each, SigBands*SigRows = SigSize. Two
// articles whose shingle sets have Jaccard similarity s share at least one
// band key with probability 1-(1-s^r)^b. With b = 64 and r = 2:
//
//	s     0.10  0.15  0.20  0.25  0.30  0.40  0.50
//	P     0.47  0.77  0.93  0.98  0.998 >0.999 >0.999
//
// so a pair at the default threshold is found with probability 0.98 or
// more, and pairs well below it (s <= 0.1, unrelated stories share almost
// no 3-word shingles) rarely become candidates; every candidate is verified
// by its estimated similarity anyway, so a chance candidate costs time,
// never a wrong merge.
const (
	SigBands = 64
	SigRows  = SigSize / SigBands
)

// shingleWords is the number of words in a shingle. Measured on the
// synthetic benchmark (internal/dupgen, N = 10,000) at the default
// threshold: see the package documentation of Dedupe for the figures.
const shingleWords = 3

// Sig is the MinHash signature of an article's comparison text: SigSize
// minimum hash values of its word shingles, by one-permutation hashing
// (each shingle hash falls into one of SigSize bins and each bin keeps its
// minimum) with optimal densification for empty bins (Shrivastava, 2017).
// The fraction of equal values in two signatures estimates the Jaccard
// similarity of the two shingle sets ([Sig.Similarity]).
//
// A Sig is a plain value (512 bytes): it can be stored, sent between
// processes and compared anywhere. The hash functions are seeded by
// constants fixed in the code, so the same article has the same Sig in
// every process, on every machine and in every version that does not say
// otherwise in its release notes.
type Sig [SigSize]uint32

// emptyBin marks a bin no shingle fell into; after densification it remains
// only in the signature of an article without a single word.
const emptyBin = math.MaxUint32

// Signature returns the MinHash signature of a's comparison text (see
// [Dedupe] for what the comparison text is). It is a pure function of the
// title and paragraphs: the ID, captions, source and duplicates are
// ignored. It is safe for concurrent use.
func Signature(a Article) Sig {
	st := getTextState()
	defer putTextState(st)
	st.build(&a)
	var s Sig
	st.signature(&s)
	return s
}

// Similarity is the estimated Jaccard similarity of the two articles'
// shingle sets: the fraction of equal values, between 0 and 1. Its
// standard error is sqrt(s(1-s)/SigSize), 0.04 at s = 0.3. The signature of
// an article without words is similar to nothing, not even to itself.
func (s Sig) Similarity(o Sig) float64 {
	if s.empty() || o.empty() {
		return 0
	}
	return float64(equalValues(&s, &o)) / SigSize
}

// BandKeys returns the LSH band keys of s, one per band: articles that
// share a band key are candidate duplicates, to be verified with
// [Sig.Similarity]. Keys include the band number, so keys of different
// bands never need to be kept apart. This is the key a distributed job
// shuffles by.
func (s Sig) BandKeys() [SigBands]uint64 {
	var k [SigBands]uint64
	bandKeys(&s, &k)
	return k
}

func (s *Sig) empty() bool {
	for _, v := range s {
		if v != emptyBin {
			return false
		}
	}
	return true
}

func equalValues(a, b *Sig) int {
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return n
}

func bandKeys(s *Sig, k *[SigBands]uint64) {
	for b := range SigBands {
		h := mix64(uint64(b+1) * 0x9e3779b97f4a7c15)
		for _, v := range s[b*SigRows : (b+1)*SigRows] {
			h = mix64(h ^ uint64(v))
		}
		k[b] = h
	}
}

// mix64 is the finaliser of SplitMix64: a fixed bijection of 64-bit words
// whose output bits each depend on every input bit.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// exactKey identifies an article's comparison text: the first 128 bits of
// its SHA-256.
type exactKey [16]byte

// textState holds the buffers for one article's comparison text; pooled so
// that computing a signature allocates nothing in the steady state.
type textState struct {
	text  []byte // the comparison text
	spans []span // one per title or paragraph, into text
	nfc   []byte
	fold  []byte
	caser cases.Caser
}

// span is one line of the comparison text; shingled is false for lines
// that look like site boilerplate (see isProse).
type span struct {
	start, end int
	shingled   bool
}

var textStates = sync.Pool{New: func() any { return &textState{caser: cases.Fold()} }}

func getTextState() *textState   { return textStates.Get().(*textState) }
func putTextState(st *textState) { textStates.Put(st) }

// build writes a's comparison text: the title and every paragraph, each
// NFC-normalised, case-folded, with typographic quotes, dashes and
// ellipses folded to ASCII, white space collapsed, joined by single spaces.
// Line breaks are white space, so re-wrapped lines and blank-line versus
// newline paragraphs give the same text.
func (st *textState) build(a *Article) {
	st.text = st.text[:0]
	st.spans = st.spans[:0]
	st.line(a.Title, true)
	for _, p := range a.Paragraphs {
		st.line(p, false)
	}
	// Shingle only the prose, unless that leaves too little text to tell
	// one article from another.
	words := 0
	for _, sp := range st.spans {
		if sp.shingled {
			words += countWords(st.text[sp.start:sp.end])
		}
	}
	if words < minProseWords {
		for i := range st.spans {
			st.spans[i].shingled = true
		}
	}
}

// minProseWords is the least number of words of prose an article must have
// for its boilerplate-looking lines to be left out of its shingles.
const minProseWords = 2 * shingleWords

func (st *textState) line(s string, title bool) {
	start := len(st.text)
	if start > 0 {
		st.text = append(st.text, ' ')
		start++
	}
	if isASCII(s) {
		st.text = appendFoldedASCII(st.text, s)
	} else {
		st.nfc = norm.NFC.AppendString(st.nfc[:0], s)
		st.fold = slices.Grow(st.fold[:0], len(st.nfc)+8)
		folded, _, err := transform.Append(st.caser, st.fold, st.nfc)
		if err != nil {
			// Never lose text: compare the unfolded form rather than none.
			folded = append(st.fold[:0], st.nfc...)
		}
		st.fold = folded
		st.text = appendFoldedPunct(st.text, folded)
	}
	if len(st.text) > start && st.text[len(st.text)-1] == ' ' {
		st.text = st.text[:len(st.text)-1]
	}
	if len(st.text) == start { // nothing but white space: drop the separator
		if start > 0 {
			st.text = st.text[:start-1]
		}
		return
	}
	st.spans = append(st.spans, span{start, len(st.text), title || isProse(st.text[start:])})
}

// isProse tells running text from the boilerplate sites put around it:
// navigation lines, "Related coverage" headings and their lists of other
// stories' titles, photo credits, bylines. Those are headline-like: short
// and not ending as a sentence ends. A line is prose if it ends with . ! or
// ? (before any closing quotes or brackets) and has at least 6 words, or
// has at least 25 words. Lines that are not prose still count for exact
// duplicates but not for near duplicates, so that two different short
// stories from one site do not look alike through their shared chrome.
func isProse(line []byte) bool {
	n := countWords(line)
	if n >= 25 {
		return true
	}
	if n < 6 {
		return false
	}
	i := len(line)
	for i > 0 && (line[i-1] == '"' || line[i-1] == '\'' || line[i-1] == ')' || line[i-1] == ']') {
		i--
	}
	return i > 0 && (line[i-1] == '.' || line[i-1] == '!' || line[i-1] == '?')
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// appendFoldedASCII is the ASCII-only path of build: NFC and case folding
// of ASCII are lower-casing, and the only white space left to collapse.
func appendFoldedASCII(dst []byte, s string) []byte {
	space := len(dst) == 0 || dst[len(dst)-1] == ' '
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			if !space {
				dst = append(dst, ' ')
				space = true
			}
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == '`':
			c = '\''
		}
		dst = append(dst, c)
		space = false
	}
	return dst
}

// appendFoldedPunct appends folded text with typographic punctuation
// folded and white space collapsed. Quotes, dashes and ellipses have no
// folding in x/text (they are not compatibility characters of each other),
// hence the small table.
func appendFoldedPunct(dst []byte, b []byte) []byte {
	space := len(dst) == 0 || dst[len(dst)-1] == ' '
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			// Invalid UTF-8: keep the byte as it is.
			dst = append(dst, b[0])
			b = b[1:]
			space = false
			continue
		}
		b = b[n:]
		var rep string
		switch r {
		case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u0060', '\u00b4':
			rep = "'"
		case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb':
			rep = `"`
		case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
			rep = "-"
		case '\u2026':
			rep = "..."
		case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
			continue // invisible: as if absent
		default:
			if unicode.IsSpace(r) {
				if !space {
					dst = append(dst, ' ')
					space = true
				}
				continue
			}
			dst = utf8.AppendRune(dst, r)
			space = false
			continue
		}
		dst = append(dst, rep...)
		space = false
	}
	return dst
}

func (st *textState) exactKey() exactKey {
	sum := sha256.Sum256(st.text)
	return exactKey(sum[:16])
}

// isWordByte reports whether the ASCII byte c is part of a word.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z'
}

// nextWord returns the bounds of the first word in b at or after i:
// a maximal run of letters, digits and marks. It returns start == len(b)
// when there is none.
func nextWord(b []byte, i int) (start, end int) {
	for i < len(b) {
		c := b[i]
		if c < utf8.RuneSelf {
			if isWordByte(c) {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if isWordRune(r) {
			break
		}
		i += n
	}
	start = i
	for i < len(b) {
		c := b[i]
		if c < utf8.RuneSelf {
			if !isWordByte(c) {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if !isWordRune(r) {
			break
		}
		i += n
	}
	return start, i
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

func countWords(b []byte) int {
	n := 0
	for i := 0; ; {
		s, e := nextWord(b, i)
		if s == len(b) {
			return n
		}
		n++
		i = e
	}
}

// wordHash is 64-bit FNV-1a of the word's bytes, seeded by the offset basis.
func wordHash(w []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range w {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// sigSeed is folded into every shingle hash; changing it changes every
// signature.
const sigSeed = 0x6e657773_64756d70 // "newsdump"

// shingleHash combines a window of word hashes, order-sensitively.
func shingleHash(ws []uint64) uint64 {
	h := uint64(sigSeed)
	for i, w := range ws {
		h += bits.RotateLeft64(w, 17*i) * (2*uint64(i) + 0x9e3779b97f4a7c15)
	}
	return mix64(h)
}

// signature computes the one-permutation MinHash of the shingled spans of
// the comparison text into s.
func (st *textState) signature(s *Sig) {
	for i := range s {
		s[i] = emptyBin
	}
	var filled [SigSize / 64]uint64
	var window [shingleWords]uint64
	nw := 0 // words seen
	add := func(h uint64) {
		bin := h >> (64 - 7) // SigSize = 1<<7 bins
		v := uint32(h)
		if v == emptyBin {
			v--
		}
		if v < s[bin] {
			s[bin] = v
		}
		filled[bin/64] |= 1 << (bin % 64)
	}
	for _, sp := range st.spans {
		if !sp.shingled {
			continue
		}
		line := st.text[sp.start:sp.end]
		for i := 0; ; {
			ws, we := nextWord(line, i)
			if ws == len(line) {
				break
			}
			i = we
			copy(window[:], window[1:])
			window[shingleWords-1] = wordHash(line[ws:we])
			nw++
			if nw >= shingleWords {
				add(shingleHash(window[:]))
			}
		}
	}
	if nw == 0 {
		return
	}
	if nw < shingleWords { // one shingle: all the words there are
		add(shingleHash(window[shingleWords-nw:]))
	}
	densify(s, &filled)
}

// densify fills each empty bin with the value of a non-empty bin chosen by
// a hash sequence seeded by the empty bin's number (optimal densification,
// Shrivastava 2017), so that two similar articles fill their empty bins
// alike and the fraction of equal bins still estimates Jaccard similarity.
func densify(s *Sig, filled *[SigSize / 64]uint64) {
	if bits.OnesCount64(filled[0])+bits.OnesCount64(filled[1]) == SigSize {
		return
	}
	isFilled := func(j uint64) bool { return filled[j/64]&(1<<(j%64)) != 0 }
	for i := range uint64(SigSize) {
		if isFilled(i) {
			continue
		}
		h := mix64(i + 0x5851f42d4c957f2d)
		found := false
		for attempt := 0; attempt < 4*SigSize; attempt++ {
			j := h >> (64 - 7)
			if isFilled(j) {
				s[i] = s[j]
				found = true
				break
			}
			h = mix64(h + 0x9e3779b97f4a7c15)
		}
		if !found { // very few bins filled: take the next filled one
			for k := uint64(1); k < SigSize; k++ {
				if j := (i + k) % SigSize; isFilled(j) {
					s[i] = s[j]
					break
				}
			}
		}
	}
}
