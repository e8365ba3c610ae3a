package ner

import "math/bits"

// Labels of the tagger, BIO over three types.
const (
	LO = iota
	LBPer
	LIPer
	LBOrg
	LIOrg
	LBLoc
	LILoc
	LBMisc // other names (events, works, products, nationalities): learnt, never output
	LIMisc
	NLabels
)

// LabelTypes names the type of each label ("" for O).
var LabelTypes = [NLabels]string{"", "PER", "PER", "ORG", "ORG", "LOC", "LOC", "MISC", "MISC"}

// HashBits is the size of the feature hash table: 2^HashBits rows of
// NLabels weights.
const HashBits = 20

// Doc holds one text's tokens and everything computed from them. A Doc
// is reused from text to text so that tagging allocates nothing once its
// slices have grown.
type Doc struct {
	Text   string
	Toks   []Token
	Low    []byte     // lower-cased token texts, back to back
	LowOff [][2]int32 // each token's bytes in Low
	Hash   []uint64   // hash of each token's lower-cased text
	Shape  []uint64   // short-shape hash of each token
	Cls    []uint8    // first shape character: X, x, d or punctuation
	GazB   []uint32
	GazI   []uint32
	Title  []bool   // the token's sentence is written in Title Case
	Clus   []uint32 // the word's cluster (see Gazetteer.AddClusters)

	// RunStart and RunEnd bound the run of capitalised words a token is
	// in ([RunStart, RunEnd), two words or more), or are -1 (see markRuns).
	RunStart, RunEnd []int32

	// Starts, when not nil, are the byte offsets where the text's
	// sentences start, from a real sentence splitter: Reset then marks
	// sentence starts from them rather than from the tokenizer's own rule
	// (a break after every . ! ? or line break), which splits after
	// abbreviations such as "Brig. Gen." and "Oct.".
	Starts []int
}

// Reset tokenizes text and computes the per-token tables.
func (d *Doc) Reset(text string, g *Gazetteer) {
	d.Text = text
	d.Toks = Tokenize(text, d.Toks[:0])
	n := len(d.Toks)
	d.Low = d.Low[:0]
	d.LowOff = grow(d.LowOff, n)
	d.Hash = grow(d.Hash, n)
	d.Shape = grow(d.Shape, n)
	d.Cls = grow(d.Cls, n)
	d.GazB = grow(d.GazB, n)
	d.GazI = grow(d.GazI, n)
	d.Title = grow(d.Title, n)
	d.Clus = grow(d.Clus, n)
	for i, t := range d.Toks {
		s := text[t.Start:t.End]
		a := len(d.Low)
		d.Low = appendLower(d.Low, s)
		d.LowOff[i] = [2]int32{int32(a), int32(len(d.Low))}
		d.Hash[i] = hashBytes(d.Low[a:])
		d.Shape[i], d.Cls[i] = shapeHash(s)
		d.GazB[i], d.GazI[i] = 0, 0
		d.Clus[i] = g.Cluster(d.Hash[i])
	}
	g.Annotate(d.Hash, d.GazB, d.GazI)
	if d.Starts != nil {
		k := 0
		for i := range d.Toks {
			d.Toks[i].SentStart = i == 0
			for k < len(d.Starts) && d.Starts[k] <= int(d.Toks[i].Start) {
				d.Toks[i].SentStart = true
				k++
			}
		}
	}
	// Title Case sentences (headlines) capitalise common words; the
	// tagger is told so that it trusts capitals less there.
	for i := 0; i < n; {
		j := i + 1
		for j < n && !d.Toks[j].SentStart {
			j++
		}
		caps, words := 0, 0
		for k := i; k < j; k++ {
			if d.LowOff[k][1]-d.LowOff[k][0] > 3 && (d.Cls[k] == 'X' || d.Cls[k] == 'x') {
				words++
				if d.Cls[k] == 'X' {
					caps++
				}
			}
		}
		title := words >= 3 && caps*10 >= words*8
		for k := i; k < j; k++ {
			d.Title[k] = title
		}
		i = j
	}
	d.markRuns()
}

func grow[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n, n+n/4)
}

// Feature templates; each is mixed with a value hash.
const (
	fBias = iota + 1
	fW0
	fWm1
	fWp1
	fWm2
	fWp2
	fWm1W0
	fW0Wp1
	fShape0
	fShapeM1
	fShapeP1
	fShape3
	fPre2
	fPre3
	fSuf2
	fSuf3
	fSuf4
	fGazB0
	fGazI0
	fGazM1
	fGazP1
	fSentStartShape
	fTitleShape
	fTitleW0
	fClsM1Cls0
	fGazB0Shape
	fCapUnknown
	fSuf3Prev
	fSuf3Next
	fWm1Shape0
	fShape0Wp1
	fWm3
	fWp3
	fRunLast     // the last word of the token's capitalised run
	fRunFirst    // its first word
	fRunPrev     // the word before the run
	fRunNext     // the word after the run
	fRunPrev2    // the two words before the run ("shares of")
	fRunNext2    // the two words after the run
	fRunLastGaz  // a gazetteer class of the run's last word
	fRunPos      // where the token is in the run, and the run's length
	fClusF0      // the word's fine cluster
	fClusC0      // its coarse cluster
	fClusFm1     // the fine cluster of the word before
	fClusFp1     // and of the word after
	fClusFm2     // two words before
	fClusFp2     // two words after
	fClusC0Shape // the coarse cluster and the word's shape
	fClusCm1C0   // the coarse clusters of the word before and the word
	fClusC0Cp1   // of the word and the word after
	fClusRunLast // the fine cluster of the last word of the capitalised run
	fClusRunPrev // and of the word before the run
)

const boundary = 0x5bd1e995 // stands for the word before the start and after the end

// Features appends the feature hashes of token i to fs.
func (d *Doc) Features(i int, fs []uint64) []uint64 {
	n := len(d.Toks)
	w := func(k int) uint64 {
		if k < 0 || k >= n {
			return boundary
		}
		return d.Hash[k]
	}
	sh := func(k int) uint64 {
		if k < 0 || k >= n {
			return boundary
		}
		return d.Shape[k]
	}
	fs = append(fs,
		mix(fBias, 0),
		mix(fW0, w(i)),
		mix(fWm1, w(i-1)),
		mix(fWp1, w(i+1)),
		mix(fWm2, w(i-2)),
		mix(fWp2, w(i+2)),
		mix(fWm1W0, mix(w(i-1), w(i))),
		mix(fW0Wp1, mix(w(i), w(i+1))),
		mix(fShape0, sh(i)),
		mix(fShapeM1, sh(i-1)),
		mix(fShapeP1, sh(i+1)),
		mix(fShape3, mix(mix(sh(i-1), sh(i)), sh(i+1))),
	)
	low := d.Low[d.LowOff[i][0]:d.LowOff[i][1]]
	if len(low) > 2 {
		fs = append(fs, mix(fPre2, hashBytes(low[:2])), mix(fSuf2, hashBytes(low[len(low)-2:])))
	}
	if len(low) > 3 {
		fs = append(fs, mix(fPre3, hashBytes(low[:3])), mix(fSuf3, hashBytes(low[len(low)-3:])))
	}
	if len(low) > 4 {
		fs = append(fs, mix(fSuf4, hashBytes(low[len(low)-4:])))
	}
	// The gazetteer classes of the word and its neighbours, class by
	// class in increasing order: only the classes some of them have are
	// visited (most words have none), in the order a loop over all
	// classes gives, so that training sums the features in the same order.
	gb, gi := d.GazB[i], d.GazI[i]
	var gm, gp uint32
	if i > 0 {
		gm = d.GazB[i-1] | d.GazI[i-1]
	}
	if i+1 < n {
		gp = d.GazB[i+1] | d.GazI[i+1]
	}
	for u := (gb | gi | gm | gp) & (1<<gClasses - 1); u != 0; u &= u - 1 {
		c := bits.TrailingZeros32(u)
		bit := uint32(1) << c
		if gb&bit != 0 {
			fs = append(fs, mix(fGazB0, uint64(c)), mix(fGazB0Shape, mix(uint64(c), sh(i))))
		}
		if gi&bit != 0 {
			fs = append(fs, mix(fGazI0, uint64(c)))
		}
		if gm&bit != 0 {
			fs = append(fs, mix(fGazM1, uint64(c)))
		}
		if gp&bit != 0 {
			fs = append(fs, mix(fGazP1, uint64(c)))
		}
	}
	if d.Toks[i].SentStart {
		fs = append(fs, mix(fSentStartShape, sh(i)))
	}
	if d.Title[i] {
		fs = append(fs, mix(fTitleShape, sh(i)), mix(fTitleW0, w(i)))
	}
	// A capitalised word that is not a common lower-case word is most
	// likely a name; at a sentence start or in a headline less so.
	if d.Cls[i] == 'X' && (d.GazB[i]|d.GazI[i])&GCommon == 0 {
		ctx := uint64(0)
		if d.Toks[i].SentStart {
			ctx = 1
		}
		if d.Title[i] {
			ctx |= 2
		}
		fs = append(fs, mix(fCapUnknown, ctx))
	}
	if i > 0 {
		if l := d.Low[d.LowOff[i-1][0]:d.LowOff[i-1][1]]; len(l) > 3 {
			fs = append(fs, mix(fSuf3Prev, hashBytes(l[len(l)-3:])))
		}
	}
	if i+1 < n {
		if l := d.Low[d.LowOff[i+1][0]:d.LowOff[i+1][1]]; len(l) > 3 {
			fs = append(fs, mix(fSuf3Next, hashBytes(l[len(l)-3:])))
		}
	}
	fs = append(fs,
		mix(fWm1Shape0, mix(w(i-1), sh(i))),
		mix(fShape0Wp1, mix(sh(i), w(i+1))),
	)
	if s := int(d.RunStart[i]); s >= 0 {
		e := int(d.RunEnd[i])
		fs = append(fs,
			mix(fRunLast, w(e-1)),
			mix(fRunFirst, w(s)),
			mix(fRunPrev, w(s-1)),
			mix(fRunNext, w(e)),
			mix(fRunPrev2, mix(w(s-2), w(s-1))),
			mix(fRunNext2, mix(w(e), w(e+1))),
		)
		for u := d.GazB[e-1] & (1<<gClasses - 1); u != 0; u &= u - 1 {
			fs = append(fs, mix(fRunLastGaz, uint64(bits.TrailingZeros32(u))))
		}
		pos := uint64(1) // inside
		switch i {
		case s:
			pos = 0
		case e - 1:
			pos = 2
		}
		fs = append(fs, mix(fRunPos, pos<<4|uint64(min(e-s, 5))))
	}
	// Word clusters (see Gazetteer.AddClusters) say what kind of word a
	// word is where the training text never saw it: a surname, a city, a
	// firm, a verb of speech.
	cl := func(k int) uint32 {
		if k < 0 || k >= n {
			return 0xffffffff
		}
		return d.Clus[k]
	}
	fine := func(k int) uint64 { return uint64(cl(k) >> 16) }
	coarse := func(k int) uint64 { return uint64(cl(k) & 0xffff) }
	fs = append(fs,
		mix(fClusF0, fine(i)<<8|uint64(d.Cls[i])),
		mix(fClusC0, coarse(i)<<8|uint64(d.Cls[i])),
		mix(fClusFm1, fine(i-1)),
		mix(fClusFp1, fine(i+1)),
		mix(fClusFm2, fine(i-2)),
		mix(fClusFp2, fine(i+2)),
		mix(fClusC0Shape, mix(coarse(i), sh(i))),
		mix(fClusCm1C0, coarse(i-1)<<20|coarse(i)),
		mix(fClusC0Cp1, coarse(i)<<20|coarse(i+1)),
	)
	if s := int(d.RunStart[i]); s >= 0 {
		fs = append(fs, mix(fClusRunLast, fine(int(d.RunEnd[i])-1)), mix(fClusRunPrev, fine(s-1)))
	}
	prevCls := uint64(0)
	if i > 0 {
		prevCls = uint64(d.Cls[i-1])
	}
	fs = append(fs, mix(fClsM1Cls0, prevCls<<8|uint64(d.Cls[i])))
	return fs
}

// Bucket maps a feature hash to its row in the weight table.
func Bucket(f uint64) uint32 { return uint32(f >> (64 - HashBits)) }
