package ner

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"math/bits"
)

// Model is a trained tagger: quantised emission weights in a hashed table
// and label transition scores.
//
// The table has 2^HashBits rows of NLabels weights, of which about one in
// six is not all zero (181,158 of 1,048,576 in the embedded model). Only
// those are kept, back to back in rows, with a bitmap of which rows they
// are and the count of rows kept before each 64 of the bitmap: a feature
// whose row is zero, as an unseen word's are, reads only the bitmap, and
// the rows take 3.3 MB where the whole table took 19 MB, so that far
// more of them stay in the processor's caches.
type Model struct {
	present []uint64                    // bit r: row r is kept
	rank    []uint32                    // rows kept before present[i]
	rows    []int16                     // the kept rows, NLabels weights each
	Trans   [NLabels + 1][NLabels]int32 // row NLabels is the start of a sentence
	Gaz     *Gazetteer
}

// newModel returns a model whose weight table is w (2^HashBits rows of
// NLabels), kept as Model describes.
func newModel(w []int16, g *Gazetteer) *Model {
	m := &Model{present: make([]uint64, (1<<HashBits)/64), rank: make([]uint32, (1<<HashBits)/64), Gaz: g}
	n := 0
	for r := 0; r < 1<<HashBits; r++ {
		if !zeroRow(w[r*NLabels : r*NLabels+NLabels]) {
			n++
		}
	}
	m.rows = make([]int16, 0, n*NLabels)
	for r := 0; r < 1<<HashBits; r++ {
		if row := w[r*NLabels : r*NLabels+NLabels]; !zeroRow(row) {
			m.present[r/64] |= 1 << (r % 64)
			m.rows = append(m.rows, row...)
		}
	}
	m.countRanks()
	return m
}

// countRanks fills m.rank from m.present.
func (m *Model) countRanks() {
	n := 0
	for i, word := range m.present {
		m.rank[i] = uint32(n)
		n += bits.OnesCount64(word)
	}
}

func zeroRow(row []int16) bool {
	for _, v := range row {
		if v != 0 {
			return false
		}
	}
	return true
}

// row returns the weights of table row r, or nil for a row of zeros.
func (m *Model) row(r uint32) []int16 {
	word := m.present[r/64]
	bit := uint64(1) << (r % 64)
	if word&bit == 0 {
		return nil
	}
	k := int(m.rank[r/64]) + bits.OnesCount64(word&(bit-1))
	return m.rows[k*NLabels : k*NLabels+NLabels : k*NLabels+NLabels]
}

const magic = "newsdump-ner-2\n"

// sumRowsGeneric writes to sum the label scores of the features fs: the
// sums of their rows. The adds are written out, one per label (the
// constants before Scratch stop the build if NLabels changes): a loop
// over the labels took about a tenth of ExtractEntities' time in its
// bounds and counter. sumRows is the same, in assembly where there is
// one (tag_amd64.go).
func (m *Model) sumRowsGeneric(fs []uint64, sum *[NLabels]int32) {
	var a0, a1, a2, a3, a4, a5, a6, a7, a8 int32
	for _, f := range fs {
		w := m.row(Bucket(f))
		if w == nil {
			continue
		}
		r := (*[NLabels]int16)(w)
		a0 += int32(r[0])
		a1 += int32(r[1])
		a2 += int32(r[2])
		a3 += int32(r[3])
		a4 += int32(r[4])
		a5 += int32(r[5])
		a6 += int32(r[6])
		a7 += int32(r[7])
		a8 += int32(r[8])
	}
	*sum = [NLabels]int32{a0, a1, a2, a3, a4, a5, a6, a7, a8}
}

// allowed reports whether label b may follow label a (BIO: I-X only after
// B-X or I-X). a == NLabels is the start of a sentence.
func allowed(a, b int) bool {
	if b == LIPer || b == LIOrg || b == LILoc || b == LIMisc {
		return a == b || a == b-1
	}
	return true
}

// Tag's adds are written out for nine labels.
const (
	_ = uint(NLabels - 9)
	_ = uint(9 - NLabels)
)

// Scratch is per-call working memory for Tag.
type Scratch struct {
	fs    []uint64
	score []int32
	back  []uint8
}

// Tag writes the best label sequence for d into labels (len(d.Toks)).
// Sentences are decoded one at a time (Viterbi, first order).
func (m *Model) Tag(d *Doc, labels []uint8, s *Scratch) {
	n := len(d.Toks)
	s.score = grow(s.score, n*NLabels)
	s.back = grow(s.back, n*NLabels)
	for i := 0; i < n; i++ {
		s.fs = d.Features(i, s.fs[:0])
		m.sumRows(s.fs, (*[NLabels]int32)(s.score[i*NLabels:i*NLabels+NLabels]))
	}
	for i := 0; i < n; {
		j := i + 1
		for j < n && !d.Toks[j].SentStart {
			j++
		}
		decode(&m.Trans, s.score[i*NLabels:j*NLabels], s.back[i*NLabels:j*NLabels], labels[i:j])
		i = j
	}
}

// decode is viterbi for the model's integer scores, written out for BIO
// (a third of Tag's time went to the general loop): an I- label has two
// possible predecessors, its B- and itself, any other label has all of
// them. Past the first step every label is reachable, so only that step
// needs negInf. Scores are shifted after each token so that the best
// is 0: differences are all Viterbi compares, so the labels are
// viterbi's exactly (TestDecodeMatchesViterbi), and a sentence of any
// length cannot overflow int32.
func decode(trans *[NLabels + 1][NLabels]int32, score []int32, back, labels []uint8) {
	n := len(labels)
	prev := viterbiStart(trans, score, negInf)
	// into[l][p] is the transition from p into l: bestPredecessor reads
	// one label's nine in a row.
	var into [NLabels][NLabels]int32
	for p := range NLabels {
		for l := range NLabels {
			into[l][p] = trans[p][l]
		}
	}
	for i := 1; i < n; i++ {
		row := score[i*NLabels : i*NLabels+NLabels : i*NLabels+NLabels]
		bk := back[i*NLabels : i*NLabels+NLabels : i*NLabels+NLabels]
		var cur [NLabels]int32
		if i == 1 {
			cur = viterbiStep(trans, &prev, row, bk, negInf)
		} else {
			// Labels other than I-: every predecessor, in viterbi's order
			// (the first of equal scores wins).
			for _, l := range [...]int{LO, LBPer, LBOrg, LBLoc, LBMisc} {
				best, arg := bestPredecessor(&prev, &into[l])
				cur[l] = best + row[l]
				bk[l] = arg
			}
			for l := LIPer; l < NLabels; l += 2 {
				best, arg := prev[l-1]+trans[l-1][l], l-1
				if v := prev[l] + trans[l][l]; v > best {
					best, arg = v, l
				}
				cur[l] = best + row[l]
				bk[l] = uint8(arg)
			}
		}
		top := cur[0]
		for _, v := range cur[1:] {
			top = max(top, v)
		}
		for l := range cur {
			prev[l] = cur[l] - top
		}
	}
	viterbiBack(&prev, back, labels, negInf)
}

const negInf = math.MinInt32 / 2

// bestPredecessor returns the best of prev[p]+into[p] over the nine
// labels p, and the first p that gives it, as decode's loop over them
// did: written out, so that no loop counter or bound is kept, and each
// compare may become a conditional move.
func bestPredecessor(prev, into *[NLabels]int32) (int32, uint8) {
	best, arg := prev[0]+into[0], uint8(0)
	if v := prev[1] + into[1]; v > best {
		best, arg = v, 1
	}
	if v := prev[2] + into[2]; v > best {
		best, arg = v, 2
	}
	if v := prev[3] + into[3]; v > best {
		best, arg = v, 3
	}
	if v := prev[4] + into[4]; v > best {
		best, arg = v, 4
	}
	if v := prev[5] + into[5]; v > best {
		best, arg = v, 5
	}
	if v := prev[6] + into[6]; v > best {
		best, arg = v, 6
	}
	if v := prev[7] + into[7]; v > best {
		best, arg = v, 7
	}
	if v := prev[8] + into[8]; v > best {
		best, arg = v, 8
	}
	return best, arg
}

// viterbi decodes one sentence from its emission scores and the transition
// scores, in place: in integers for the model, in floats while training.
// ninf marks a label the sentence cannot have reached.
func viterbi[T int32 | float32](trans *[NLabels + 1][NLabels]T, score []T, back, labels []uint8, ninf T) {
	prev := viterbiStart(trans, score, ninf)
	for i := 1; i < len(labels); i++ {
		prev = viterbiStep(trans, &prev, score[i*NLabels:i*NLabels+NLabels], back[i*NLabels:i*NLabels+NLabels], ninf)
	}
	viterbiBack(&prev, back, labels, ninf)
}

// viterbiStart returns the scores of the first token's labels.
func viterbiStart[T int32 | float32](trans *[NLabels + 1][NLabels]T, score []T, ninf T) (prev [NLabels]T) {
	for l := 0; l < NLabels; l++ {
		prev[l] = ninf
		if allowed(NLabels, l) {
			prev[l] = score[l] + trans[NLabels][l]
		}
	}
	return prev
}

// viterbiStep returns the scores of the next token's labels from the
// last token's, prev, and the next token's emissions, row, and writes
// each label's best predecessor into bk.
func viterbiStep[T int32 | float32](trans *[NLabels + 1][NLabels]T, prev *[NLabels]T, row []T, bk []uint8, ninf T) (cur [NLabels]T) {
	for l := 0; l < NLabels; l++ {
		best, arg := ninf, 0
		for p := 0; p < NLabels; p++ {
			if !allowed(p, l) || prev[p] == ninf {
				continue
			}
			if v := prev[p] + trans[p][l]; v > best {
				best, arg = v, p
			}
		}
		cur[l] = best + row[l]
		bk[l] = uint8(arg)
	}
	return cur
}

// viterbiBack writes the labels of the best path that ends with the last
// token's scores, prev, following back.
func viterbiBack[T int32 | float32](prev *[NLabels]T, back, labels []uint8, ninf T) {
	best, arg := ninf, 0
	for l := 0; l < NLabels; l++ {
		if prev[l] > best {
			best, arg = prev[l], l
		}
	}
	for i := len(labels) - 1; i >= 0; i-- {
		labels[i] = uint8(arg)
		arg = int(back[i*NLabels+arg])
	}
}

// Encode writes the model's weights (not its gazetteer): the magic line,
// a header of varints (the table's size, the labels, the transitions and
// the number of rows kept), the bitmap of kept rows as little-endian
// uint64s, and the kept rows' weights as little-endian int16s.
//
// The file is not compressed. The first format, the rows as deflated
// varints, was 1.6 MB where this one is 3.4 MB, but reading it was most
// of the package's load time: 420 of the 590 million instructions a load
// took (inflating, then 1.6 million varints read a byte a call), where
// this file's rows take 23 million (callgrind on BenchmarkLoadModel).
func (m *Model) Encode(w io.Writer) error {
	buf := make([]byte, 0, len(magic)+64+len(m.present)*8+len(m.rows)*2)
	buf = append(buf, magic...)
	buf = binary.AppendUvarint(buf, HashBits)
	buf = binary.AppendUvarint(buf, NLabels)
	for a := range m.Trans {
		for _, v := range m.Trans[a] {
			buf = binary.AppendVarint(buf, int64(v))
		}
	}
	buf = binary.AppendUvarint(buf, uint64(len(m.rows)/NLabels))
	for _, word := range m.present {
		buf = binary.LittleEndian.AppendUint64(buf, word)
	}
	for _, v := range m.rows {
		buf = binary.LittleEndian.AppendUint16(buf, uint16(v))
	}
	_, err := w.Write(buf)
	return err
}

// Decode reads what Encode wrote.
func Decode(data []byte, g *Gazetteer) (*Model, error) {
	rest, ok := bytes.CutPrefix(data, []byte(magic))
	if !ok {
		return nil, errors.New("ner: not a model file")
	}
	corrupt := errors.New("ner: corrupt model")
	uvarint := func() (uint64, bool) {
		v, n := binary.Uvarint(rest)
		if n <= 0 {
			return 0, false
		}
		rest = rest[n:]
		return v, true
	}
	if hb, ok := uvarint(); !ok || hb != HashBits {
		return nil, errors.New("ner: model has another table size")
	}
	if nl, ok := uvarint(); !ok || nl != NLabels {
		return nil, errors.New("ner: model has other labels")
	}
	m := &Model{present: make([]uint64, (1<<HashBits)/64), rank: make([]uint32, (1<<HashBits)/64), Gaz: g}
	for a := range m.Trans {
		for b := range m.Trans[a] {
			v, n := binary.Varint(rest)
			if n <= 0 {
				return nil, corrupt
			}
			rest = rest[n:]
			m.Trans[a][b] = int32(v)
		}
	}
	nrows, ok := uvarint()
	if !ok || nrows > 1<<HashBits || uint64(len(rest)) != uint64(len(m.present))*8+nrows*NLabels*2 {
		return nil, corrupt
	}
	kept := 0
	for i := range m.present {
		m.present[i] = binary.LittleEndian.Uint64(rest[8*i:])
		kept += bits.OnesCount64(m.present[i])
	}
	if uint64(kept) != nrows {
		return nil, corrupt
	}
	rest = rest[8*len(m.present):]
	// The pairs of bytes are read by hand over one slice, which needs no
	// bounds check a value: binary.LittleEndian.Uint16 on a new slice
	// each time cost a third more.
	m.rows = make([]int16, nrows*NLabels)
	b := rest[:2*len(m.rows)]
	for i := range m.rows {
		m.rows[i] = int16(uint16(b[2*i]) | uint16(b[2*i+1])<<8)
	}
	m.countRanks()
	return m, nil
}
