package newsdump

import (
	"bytes"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// The encodings detection can choose, as the names [Reader.Encoding]
// returns.
const (
	encUTF8        = "UTF-8"
	encWindows1252 = "windows-1252"
	encUTF16LE     = "UTF-16LE"
	encUTF16BE     = "UTF-16BE"
	encUTF32LE     = "UTF-32LE"
	encUTF32BE     = "UTF-32BE"
)

// decoding is how a Reader turns its input into UTF-8 lines.
type decoding struct {
	name string // what Reader.Encoding reports
	bom  int    // bytes of byte-order mark to skip

	// stream, when set, decodes the whole input before it is split into
	// lines: for encodings in which a newline is not the byte '\n'.
	stream encoding.Encoding
	// unit is the size in bytes of a code unit of a streamed encoding (2 for
	// UTF-16, 4 for UTF-32), from which input offsets are computed: these
	// decoders turn every unit, valid or not, into exactly one rune (two
	// units for a UTF-16 surrogate pair). 0 means offsets are computed by
	// encoding the decoded text again.
	unit int

	// perLine, when set, decodes each raw line (an ASCII-compatible
	// encoding, whose newline is the byte '\n'). When nil, lines are UTF-8
	// and a line that is not valid UTF-8 is decoded as Windows-1252.
	perLine encoding.Encoding

	// cr means lines end with a lone CR (old Mac OS files).
	cr bool
}

// sniffLen is how much of the input detection looks at.
const sniffLen = 4096

// detect chooses how to decode an input that starts with head (all of the
// input when it is shorter than sniffLen). It is documented in doc.go as the
// detection order; keep the two in step.
func detect(head []byte) (decoding, error) {
	// 1. A byte-order mark says it all. UTF-32 LE is tested before UTF-16 LE,
	// whose mark it starts with.
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE, 0, 0}):
		return streamed(encUTF32LE, 4, utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM), 4), nil
	case bytes.HasPrefix(head, []byte{0, 0, 0xFE, 0xFF}):
		return streamed(encUTF32BE, 4, utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM), 4), nil
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		return decoding{name: encUTF8, bom: 3, cr: lonelyCR(head)}, nil
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return streamed(encUTF16LE, 2, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), 2), nil
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return streamed(encUTF16BE, 2, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), 2), nil
	}
	// 2. Known binary formats, by their magic numbers.
	if kind := binaryKind(head); kind != "" {
		return decoding{}, fmt.Errorf("%w: %s", ErrBinary, kind)
	}
	// 3. UTF-16 and UTF-32 without a mark: text in them that is mostly
	// ASCII has a NUL in every other (every fourth) byte.
	if d, ok := nulPattern(head); ok {
		return d, nil
	}
	// 4. Text has few control bytes; binary data has many.
	if isBinary(head) {
		return decoding{}, fmt.Errorf("%w: %d control bytes in the first %d", ErrBinary, controlBytes(head), len(head))
	}
	// 5. Valid UTF-8 is UTF-8 (a sequence cut by the end of head is fine);
	// anything else is read as Windows-1252, the superset of ISO-8859-1
	// that web pages labelled Latin-1 use.
	d := decoding{name: encUTF8, cr: lonelyCR(head)}
	if !validUTF8Prefix(head) {
		d.name = encWindows1252
	}
	return d, nil
}

// forced returns the decoding for an encoding chosen with WithEncoding.
func forced(enc encoding.Encoding, head []byte) (decoding, error) {
	name := fmt.Sprint(enc)
	nl, err := enc.NewEncoder().Bytes([]byte("\n"))
	if err != nil {
		return decoding{}, fmt.Errorf("encoding %s cannot encode a newline", name)
	}
	if len(nl) == 1 && nl[0] == '\n' {
		return decoding{name: name, perLine: enc, cr: lonelyCR(head)}, nil
	}
	d := decoding{name: name, stream: enc}
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE, 0, 0}), bytes.HasPrefix(head, []byte{0, 0, 0xFE, 0xFF}):
		d.bom = 4
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		d.bom = 2
	}
	return d, nil
}

func streamed(name string, bom int, enc encoding.Encoding, unit int) decoding {
	return decoding{name: name, bom: bom, stream: enc, unit: unit}
}

// lonelyCR reports whether head ends its lines with a lone CR: it has a CR
// and no LF at all.
func lonelyCR(head []byte) bool {
	return bytes.IndexByte(head, '\r') >= 0 && bytes.IndexByte(head, '\n') < 0
}

// binaryKind names the binary format head starts with, or returns "".
func binaryKind(head []byte) string {
	for _, m := range magics {
		if bytes.HasPrefix(head, []byte(m.prefix)) {
			return m.kind
		}
	}
	// bzip2: "BZh", the block size digit, then the block magic.
	if len(head) >= 10 && string(head[:3]) == "BZh" && string(head[4:10]) == "1AY&SY" {
		return "bzip2-compressed data"
	}
	return ""
}

var magics = []struct{ prefix, kind string }{
	{"\x1f\x8b", "gzip-compressed data (decompress it first; the newsdump command reads .gz files itself)"},
	{"PK\x03\x04", "a ZIP archive"},
	{"%PDF-", "a PDF document"},
	{"\x89PNG\r\n\x1a\n", "a PNG image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"GIF87a", "a GIF image"},
	{"GIF89a", "a GIF image"},
	{"\xfd7zXZ\x00", "xz-compressed data"},
	{"\x28\xb5\x2f\xfd", "zstd-compressed data"},
	{"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"},
	{"\x7fELF", "an ELF executable"},
	{"RIFF", "a RIFF file (WebP, WAV or AVI)"},
}

// nulPattern recognises UTF-16 and UTF-32 without a byte-order mark from
// where the NUL bytes stand.
func nulPattern(head []byte) (decoding, bool) {
	n := len(head) &^ 3
	if n < 8 {
		return decoding{}, false
	}
	if bytes.IndexByte(head[:n], 0) < 0 {
		return decoding{}, false // the common case, found at SIMD speed
	}
	var nul [4]int // NULs at offsets ≡ i (mod 4)
	for i, b := range head[:n] {
		if b == 0 {
			nul[i&3]++
		}
	}
	quarter := n / 4
	mostly := func(c int) bool { return c*10 >= quarter*7 } // ≥ 70%
	rarely := func(c int) bool { return c*10 <= quarter }   // ≤ 10%
	switch {
	case mostly(nul[1]) && mostly(nul[2]) && mostly(nul[3]) && rarely(nul[0]):
		return streamed(encUTF32LE, 0, utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM), 4), true
	case mostly(nul[0]) && mostly(nul[1]) && mostly(nul[2]) && rarely(nul[3]):
		return streamed(encUTF32BE, 0, utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM), 4), true
	case mostly(nul[1]) && mostly(nul[3]) && rarely(nul[0]) && rarely(nul[2]):
		return streamed(encUTF16LE, 0, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), 2), true
	case mostly(nul[0]) && mostly(nul[2]) && rarely(nul[1]) && rarely(nul[3]):
		return streamed(encUTF16BE, 0, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), 2), true
	}
	return decoding{}, false
}

// isControlByte reports whether b is an ASCII control byte that text does
// not use: everything below space except tab, LF, VT, FF, CR and ESC, and
// DEL.
func isControlByte(b byte) bool {
	return (b < 0x20 && b != '\t' && b != '\n' && b != '\v' && b != '\f' && b != '\r' && b != 0x1b) || b == 0x7f
}

func controlBytes(p []byte) int {
	n := 0
	for _, b := range p {
		n += int(controlTable[b])
	}
	return n
}

// controlTable is isControlByte as a table, for the count over the start
// of every input.
var controlTable = func() (t [256]uint8) {
	for b := range t {
		if isControlByte(byte(b)) {
			t[b] = 1
		}
	}
	return t
}()

// isBinary reports whether p has too many control bytes to be text (see
// tooManyControls).
func isBinary(p []byte) bool { return tooManyControls(controlBytes(p), len(p)) }

// tooManyControls is the one rule for what is binary data rather than
// text, used on the first bytes of an input and on each line alike: more
// than 5% of its n bytes are control bytes (uniformly random bytes have
// 11%), and more than minControls of them, so that a short line with a
// stray control character or two is cleaned rather than refused.
func tooManyControls(controls, n int) bool {
	return controls > minControls && controls*20 > n
}

const minControls = 8

// validUTF8Prefix reports whether p is valid UTF-8 but for, possibly, a
// sequence cut short by its end.
func validUTF8Prefix(p []byte) bool {
	return utf8.Valid(p) || cutSequence(p) >= 0
}

// cutSequence returns where the multi-byte sequence that ends p short
// starts, when p is valid UTF-8 before it, or -1.
func cutSequence(p []byte) int {
	for cut := 1; cut < utf8.UTFMax && cut <= len(p); cut++ {
		i := len(p) - cut
		if utf8.RuneStart(p[i]) {
			if p[i] >= 0xC2 && !utf8.FullRune(p[i:]) && utf8.Valid(p[:i]) {
				return i
			}
			return -1
		}
	}
	return -1
}

// rawLen returns how many bytes of input the decoded text s came from.
func (d *decoding) rawLen(s []byte) int {
	switch d.unit {
	case 2:
		n := 0
		for _, r := range string(s) {
			n += utf16.RuneLen(r)
		}
		return 2 * n
	case 4:
		return 4 * utf8.RuneCount(s)
	}
	if d.stream == nil {
		return len(s)
	}
	raw, err := d.stream.NewEncoder().Bytes(s)
	if err != nil {
		return len(s)
	}
	return len(raw)
}

// decodeWindows1252 appends to dst the text of src read as Windows-1252.
// The five bytes that code page leaves undefined (0x81, 0x8D, 0x8F, 0x90,
// 0x9D) become the C1 controls of the same value, as browsers do, rather
// than U+FFFD: that way no byte is lost before mojibake repair, which needs
// them, and the cleaning after it removes them.
func decodeWindows1252(dst, src []byte) []byte {
	for _, b := range src {
		if b < utf8.RuneSelf {
			dst = append(dst, b)
			continue
		}
		r := charmap.Windows1252.DecodeByte(b)
		if r == utf8.RuneError {
			r = rune(b)
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}
