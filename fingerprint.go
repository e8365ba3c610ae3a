package newsdump

import (
	"encoding/binary"
	"encoding/hex"
	"math/bits"
	"unsafe"

	"github.com/newsdump/newsdump/internal/minhash"
)

// fingerprint is the 128-bit hash behind Article.ID: two 64-bit lanes that
// absorb a sequence of strings and counts.
//
// Why not SHA-256, which the first releases used: at about 2 GB/s even with
// the processor's SHA instructions it took a fifth of parse time, and an ID
// needs no defence against someone forging collisions (Dedupe compares
// exact duplicates by SHA-256 of their text, not by ID). This hash reads
// 32 bytes per step with one 64×64→128-bit multiplication per lane and runs
// at several times that speed.
//
// Each string is hashed 16 bytes at a time per lane: the lane becomes the
// folded 128-bit product of (first word ^ key) and (second word ^ lane).
// Every key holds a 0xFF byte, which valid UTF-8 never does, so the first
// factor is never zero for article text. Each string's length is absorbed
// with it, and lane b into lane a after it; the string's two lanes are
// then absorbed into the article's, and two Feistel rounds of
// minhash.Mix64 between the lanes end the hash.
//
// The output is part of the package's contract (IDs are stored by users):
// TestFingerprintStable pins it.
type fingerprint struct{ a, b uint64 }

const (
	fpKeyA = 0x86dc283cf0ff0ff9
	fpKeyB = 0x5939ffa447eaa099
	fpKeyC = 0x56670b141509ff0b
	fpKeyD = 0xf5ec52ed01ff8475
	fpKeyE = 0x5c906158ff09406d
)

func newFingerprint() fingerprint { return fingerprint{a: fpKeyD, b: fpKeyE} }

// mum returns the high and low halves of x*y folded together.
func mum(x, y uint64) uint64 {
	hi, lo := bits.Mul64(x, y)
	return hi ^ lo
}

// writeString absorbs s and its length.
//
// Each string is hashed on its own, from fixed seeds, into two 64-bit
// values, which are then absorbed into the running state in one step:
// since a string's hash does not wait for the one before it, the
// processor hashes the strings of an article side by side, where one chain
// through every string would make it wait on each multiplication.
func (f *fingerprint) writeString(s string) {
	x, y := stringHash(s)
	f.a = mum(x^fpKeyA, y^f.a)
	f.b = mum(y^fpKeyB, x^f.b)
}

// stringHash returns the two lanes of s's hash.
func stringHash(s string) (a, b uint64) {
	p := unsafe.Slice(unsafe.StringData(s), len(s))
	// The length is spread by a multiplication, so that it cannot cancel
	// out against the data it is xored with ("8999" against "89999").
	a, b = fpKeyD, fpKeyE^uint64(len(s))*fpKeyA
	for len(p) >= 32 {
		a = mum(binary.LittleEndian.Uint64(p)^fpKeyA, binary.LittleEndian.Uint64(p[8:])^a)
		b = mum(binary.LittleEndian.Uint64(p[16:])^fpKeyB, binary.LittleEndian.Uint64(p[24:])^b)
		p = p[32:]
	}
	if len(p) >= 16 {
		a = mum(binary.LittleEndian.Uint64(p)^fpKeyA, binary.LittleEndian.Uint64(p[8:])^a)
		p = p[16:]
	}
	// The last 0 to 15 bytes, read as two words that may overlap (the
	// length, absorbed above, tells the cases apart).
	var x, y uint64
	switch n := len(p); {
	case n >= 8:
		x, y = binary.LittleEndian.Uint64(p), binary.LittleEndian.Uint64(p[n-8:])
	case n >= 4:
		x, y = uint64(binary.LittleEndian.Uint32(p)), uint64(binary.LittleEndian.Uint32(p[n-4:]))
	case n > 0:
		x = uint64(p[0])<<16 | uint64(p[n/2])<<8 | uint64(p[n-1])
	}
	b = mum(x^fpKeyC, y^b)
	// Lane a takes in lane b, so that it depends on every byte of a string
	// however short.
	return mum(a^fpKeyD, b^fpKeyE), b
}

// writeCount absorbs a count, which separates the parts of an article.
func (f *fingerprint) writeCount(n int) {
	f.a = mum(f.a^fpKeyD, f.b^uint64(n)^fpKeyE)
}

// sum returns the 128 bits, the lanes mixed by two Feistel rounds (a
// bijection) so that every bit of either lane reaches every bit of both.
func (f *fingerprint) sum() (hi, lo uint64) {
	a := f.a ^ minhash.Mix64(f.b^fpKeyB)
	return a, f.b ^ minhash.Mix64(a^fpKeyC)
}

// appendHex appends the 128 bits as 32 lowercase hex digits.
func (f *fingerprint) appendHex(dst []byte) []byte {
	var sum [16]byte
	hi, lo := f.sum()
	binary.BigEndian.PutUint64(sum[:], hi)
	binary.BigEndian.PutUint64(sum[8:], lo)
	return hex.AppendEncode(dst, sum[:])
}

// articleID returns the fingerprint of an article's content: its title,
// its number of captions, each caption's text and credit, and its
// paragraphs. Every string's length is absorbed with it, so no two
// different articles give the same sequence (the title "a b" with the
// paragraph "c" against the title "a" with the paragraph "b c").
func articleID(a *Article) string {
	var id [32]byte
	return string(appendArticleID(id[:0], a))
}

// appendArticleID appends the ID of a to dst.
func appendArticleID(dst []byte, a *Article) []byte {
	f := newFingerprint()
	f.writeString(a.Title)
	f.writeCount(len(a.Captions))
	for _, c := range a.Captions {
		f.writeString(c.Text)
		f.writeString(c.Credit)
	}
	for _, p := range a.Paragraphs {
		f.writeString(p)
	}
	return f.appendHex(dst)
}
