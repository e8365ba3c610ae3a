package ner

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDecodeMatchesViterbi checks that the tagger's BIO decoder gives the
// general viterbi's labels: on random sentences of 1 to 60 tokens, with
// scores drawn from a narrow range (ties everywhere, so that the order
// in which predecessors are tried shows) and from a wide one.
func TestDecodeMatchesViterbi(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, spread := range []int32{3, 40_000} {
		for iter := 0; iter < 20_000; iter++ {
			var trans [NLabels + 1][NLabels]int32
			for a := range trans {
				for b := range trans[a] {
					trans[a][b] = rng.Int32N(2*spread+1) - spread
				}
			}
			n := 1 + rng.IntN(60)
			score := make([]int32, n*NLabels)
			for k := range score {
				score[k] = rng.Int32N(2*spread+1) - spread
			}
			want, got := make([]uint8, n), make([]uint8, n)
			viterbi(&trans, score, make([]uint8, n*NLabels), want, negInf)
			decode(&trans, score, make([]uint8, n*NLabels), got)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("spread %d, %d tokens: decode differs from viterbi (-viterbi +decode):\n%s", spread, n, diff)
			}
		}
	}
}

// TestDecodeLongSentence checks that a sentence far longer than any
// real one decodes to what its scores say: each token's best label wins
// by a wide margin that, summed over the sentence, is far beyond int32.
func TestDecodeLongSentence(t *testing.T) {
	const n = 200_000
	var trans [NLabels + 1][NLabels]int32
	score := make([]int32, n*NLabels)
	want := make([]uint8, n)
	for i := 0; i < n; i++ {
		l := uint8(LO)
		if i%3 == 1 {
			l = LBOrg
		}
		want[i] = l
		for k := 0; k < NLabels; k++ {
			score[i*NLabels+k] = -30_000
		}
		score[i*NLabels+int(l)] = 30_000
	}
	got := make([]uint8, n)
	decode(&trans, score, make([]uint8, n*NLabels), got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("(-want +got):\n%s", diff)
	}
}

func BenchmarkDecode(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	var trans [NLabels + 1][NLabels]int32
	for a := range trans {
		for c := range trans[a] {
			trans[a][c] = rng.Int32N(20_001) - 10_000
		}
	}
	const n = 25 // a sentence of news
	score := make([]int32, n*NLabels)
	for k := range score {
		score[k] = rng.Int32N(200_001) - 100_000
	}
	back, labels := make([]uint8, n*NLabels), make([]uint8, n)
	b.Run("decode", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(n)
		for i := 0; i < b.N; i++ {
			decode(&trans, score, back, labels)
		}
	})
	b.Run("viterbi", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(n)
		for i := 0; i < b.N; i++ {
			viterbi(&trans, score, back, labels, negInf)
		}
	})
}

// TestCompactRows checks the kept rows against the table they come from:
// every row of a random table, one row in eight not zero (as in the
// embedded model), reads back as it was, and a zero row as nil; and the
// model written by Encode and read by Decode reads the same.
func TestCompactRows(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	w := make([]int16, NLabels<<HashBits)
	for r := 0; r < 1<<HashBits; r++ {
		if rng.IntN(8) == 0 {
			w[r*NLabels+rng.IntN(NLabels)] = int16(rng.IntN(65535) - 32767)
		}
	}
	w[0], w[len(w)-1] = 7, -7 // the first and the last row
	m := newModel(w, nil)
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	d, err := Decode(buf.Bytes(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, got := range []*Model{m, d} {
		for r := 0; r < 1<<HashBits; r++ {
			want := w[r*NLabels : r*NLabels+NLabels]
			row := got.row(uint32(r))
			if zeroRow(want) {
				if row != nil {
					t.Fatalf("row %d: %v, want nil for a row of zeros", r, row)
				}
				continue
			}
			if diff := cmp.Diff(want, row); diff != "" {
				t.Fatalf("row %d (-want +got):\n%s", r, diff)
			}
		}
	}
}

// TestDecodeDamaged checks that Decode turns a damaged model file into an
// error, not a panic or a model: every cut of a small model's file, the
// embedded file cut in its bitmap and in its rows or with a byte more,
// and a header whose row count disagrees with the bitmap.
func TestDecodeDamaged(t *testing.T) {
	small := sparseModelFile(t, 4099)
	if _, err := Decode(small, nil); err != nil {
		t.Fatalf("the whole file: %v", err)
	}
	for n := 0; n < len(small); n += 1 + n/64 {
		if m, err := Decode(small[:n], nil); err == nil || m != nil {
			t.Fatalf("the first %d of %d bytes: a model and error %v, want no model and an error", n, len(small), err)
		}
	}
	whole := modelData
	header := len(whole) - (1<<HashBits)/8 - len(mustDecode(t, whole).rows)*2
	for _, data := range map[string][]byte{
		"cut in the bitmap": whole[:header+100],
		"cut in the rows":   whole[:len(whole)-1],
		"a byte more":       append(slices.Clip(whole), 0),
	} {
		if _, err := Decode(data, nil); err == nil {
			t.Errorf("%d bytes of %d: no error", len(data), len(whole))
		}
	}
	// One row fewer in the header than the bitmap holds, the file cut
	// to match: the sizes agree, the count of set bits does not.
	m := mustDecode(t, whole)
	var fewer bytes.Buffer
	fewer.WriteString(magic)
	var hdr []byte
	hdr = binary.AppendUvarint(hdr, HashBits)
	hdr = binary.AppendUvarint(hdr, NLabels)
	for a := range m.Trans {
		for _, v := range m.Trans[a] {
			hdr = binary.AppendVarint(hdr, int64(v))
		}
	}
	hdr = binary.AppendUvarint(hdr, uint64(len(m.rows)/NLabels-1))
	fewer.Write(hdr)
	body := whole[header:]
	fewer.Write(body[:len(body)-NLabels*2])
	if _, err := Decode(fewer.Bytes(), nil); err == nil {
		t.Error("a row count one under the bitmap's: no error")
	}
}

// sparseModelFile returns the file Encode writes of a model whose rows
// are zero but every stride-th, which holds one weight.
func sparseModelFile(tb testing.TB, stride int) []byte {
	tb.Helper()
	w := make([]int16, NLabels<<HashBits)
	for r := 0; r < 1<<HashBits; r += stride {
		w[r*NLabels+r%NLabels] = int16(r%200 - 100)
	}
	var buf bytes.Buffer
	if err := newModel(w, nil).Encode(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func mustDecode(t *testing.T, data []byte) *Model {
	t.Helper()
	m, err := Decode(data, nil)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// FuzzDecode feeds Decode damaged model files: it must return an error or
// a model, never panic, and a model it returns must read back the same
// from what Encode writes of it (not always the same bytes: a varint of
// the header may have been written longer than it needs).
func FuzzDecode(f *testing.F) {
	small := sparseModelFile(f, 65537)
	f.Add(small)
	f.Add(small[:len(magic)+40])
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Decode(data, nil)
		if err != nil {
			if m != nil {
				t.Fatalf("a model and the error %v", err)
			}
			return
		}
		var out bytes.Buffer
		if err := m.Encode(&out); err != nil {
			t.Fatal(err)
		}
		again, err := Decode(out.Bytes(), nil)
		if err != nil {
			t.Fatalf("what Encode wrote of a decoded model: %v", err)
		}
		if !slices.Equal(again.rows, m.rows) || !slices.Equal(again.present, m.present) || again.Trans != m.Trans {
			t.Fatal("the model reads back otherwise from what Encode wrote of it")
		}
	})
}
