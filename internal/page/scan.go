package page

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The fast line scan. analyze makes two passes over a line: a branch-free
// pass over its bytes that records where tokens start and end, then a
// pass over the tokens (stopwords, capitalised and all-capital tokens).
// Tokens end at unpredictable places, so a scan that branches on every
// token end mispredicts once a token; this one does not branch per byte
// at all. Non-ASCII text is classed by its lead byte: letters of the
// alphabets (Latin, Greek, Cyrillic, Arabic, Indic ...) are word bytes,
// the punctuation block U+2000-U+2FFF (quotes, dashes, bullets), the
// Latin-1 punctuation U+0080-U+00BF and four-byte symbols (emoji) are
// not. Lines with Chinese or Japanese text (which print no spaces) go to
// analyzeSlow, which decodes every rune.

// Byte flags for the scan.
const (
	fWord   = 1 << iota // an ASCII word byte or the lead byte of a letter
	fCont               // a UTF-8 continuation byte: it belongs with its lead
	fPunct              // '|', '/', '(': look for separators and "(c)"
	fSym                // lead byte 0xE2: look for "•"
	fSlow               // CJK or U+F000-U+FFFF: use analyzeSlow
	fLatin1             // lead byte 0xC2: look for "©", "·"
)

var byteFlags = func() (t [256]uint8) {
	for c := 0; c < 128; c++ {
		if asciiClass[c] >= aLower {
			t[c] = fWord
		}
	}
	t['|'], t['/'], t['('] = fPunct, fPunct, fPunct
	for c := 0x80; c < 0xC0; c++ {
		t[c] = fCont
	}
	for c := 0xC3; c < 0xE2; c++ {
		t[c] = fWord
	}
	t[0xC2] = fLatin1
	t[0xE2] = fSym
	for c := 0xE3; c <= 0xE9; c++ {
		t[c] = fSlow
	}
	for c := 0xEA; c <= 0xED; c++ {
		t[c] = fWord
	}
	t[0xEF] = fSlow
	return t
}()

// scanBuf is analyze's scratch: token boundaries.
type scanBuf struct {
	bnd []int32
}

// analyze fills li from line s; sb is scratch reused across lines.
func analyze(s string, li *lineInfo, sb *scanBuf) {
	t := lineFrame(s, li)
	if t == "" {
		return
	}
	if len(t) >= 1<<31-2 {
		analyzeSlow(s, li)
		return
	}

	// Pass 1: token boundaries, branch-free.
	if cap(sb.bnd) < len(t)+2 {
		sb.bnd = make([]int32, len(t)+2+len(t)/2)
	}
	bnd := sb.bnd[:len(t)+2]
	nb, seen, pw := scanBytes(t, bnd)
	if seen&fSlow != 0 {
		analyzeSlow(s, li)
		return
	}
	if pw == 1 {
		bnd[nb] = int32(len(t))
		nb++
	}
	li.runes = len(t)
	if seen&fCont != 0 {
		li.runes = runesUncounted // few lines need the count: see pageCtx.runeCount
	}

	// Pass 2: the tokens.
	stop, capTok, digitTok, upperTok, lastStop := scanTokens(t, bnd[:nb], li)
	li.toks = nb / 2
	li.stop, li.capTok, li.digitTok, li.upperTok = stop, capTok, digitTok, upperTok
	li.lastStop = lastStop

	if seen&fPunct != 0 {
		li.pipes += strings.Count(t, "|")
		for x := 0; ; {
			y := strings.IndexByte(t[x:], '/')
			if y < 0 {
				break
			}
			x += y + 1
			if x >= 2 && x < len(t) && t[x] == ' ' && t[x-2] == ' ' {
				li.pipes++
			}
		}
		for x := 0; ; {
			y := strings.IndexByte(t[x:], '(')
			if y < 0 {
				break
			}
			x += y + 1
			if x+1 < len(t) && (t[x] == 'c' || t[x] == 'C') && t[x+1] == ')' {
				li.copyright = true
				break
			}
		}
	}
	// Most lines with a character from U+2000 on (the quotes, dashes)
	// have none from U+0080 to U+00BF, and the other way round: each
	// set is looked for only in a line with its lead byte.
	if seen&fSym != 0 {
		li.pipes += strings.Count(t, "\u2022")
	}
	if seen&fLatin1 != 0 {
		li.pipes += strings.Count(t, "\u00b7")
		if strings.Contains(t, "©") {
			li.copyright = true
		}
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	li.last = r
}

// scanTokens is analyze's pass over the tokens bnd delimits: it counts
// stopwords, capitalised, numeric and all-capital tokens, and sets
// li.firstLower. An ASCII token of up to eight bytes
// (most of them) is loaded as one word and classed without a branch.
//
//go:noinline
func scanTokens(t string, bnd []int32, li *lineInfo) (stop, capTok, digitTok, upperTok int, lastStop bool) {
	seenLetter := false
	const ones, high = 0x0101010101010101, 0x8080808080808080
	for x := 0; x+1 < len(bnd); x += 2 {
		s0, e0 := int(bnd[x]), int(bnd[x+1])
		n := e0 - s0
		if n <= 8 && (s0+8 <= len(t) || e0 >= 8) {
			// The token's bytes in the low end of a word, read with one
			// 8-byte load from its start or, near the end of the line,
			// up to its end.
			var raw uint64
			if s0+8 <= len(t) {
				raw = load8(t, s0) & keyMask[n]
			} else {
				raw = load8(t, e0-8) >> (64 - 8*n)
			}
			if raw&high == 0 {
				up := (raw + ones*(0x80-'A')) &^ (raw + ones*(0x80-'Z'-1)) & high
				lo := (raw + ones*(0x80-'a')) &^ (raw + ones*(0x80-'z'-1)) & high
				c0 := byte(raw)
				capTok += int(b2u(c0-'A' < 26))
				digitTok += int(b2u(c0-'0' < 10))
				st := isStopKey(raw | up>>2 | uint64(n)<<60)
				lastStop = st
				stop += int(b2u(st))
				upperTok += int(b2u(lo == 0 && bits.OnesCount64(up) >= 2))
				if !seenLetter && up|lo != 0 {
					seenLetter = true
					li.firstLower = bits.TrailingZeros64(lo) < bits.TrailingZeros64(up)
				}
				continue
			}
		}
		c0 := t[s0]
		if c0 < utf8.RuneSelf {
			cl := asciiClass[c0]
			capTok += int(b2u(cl == aUpper))
			digitTok += int(b2u(cl == aDigit))
		} else {
			r, _ := utf8.DecodeRuneInString(t[s0:])
			if unicode.IsUpper(r) {
				capTok++
			} else if !unicode.IsLetter(r) && (unicode.IsDigit(r) || unicode.IsNumber(r)) {
				digitTok++
			}
		}
		if !seenLetter {
			seenLetter = firstLetter(t[s0:e0], li)
		}
		st := n <= 8 && isStopKey(tokenKey(t[s0:e0]))
		lastStop = st
		stop += int(b2u(st))
		if c0-'a' >= 26 && n >= 2 && allCaps(t[s0:e0]) {
			upperTok++
		}
	}
	return
}

// scanBytesGeneric is analyze's first pass over t, a byte at a time, kept
// out of line so that its state lives in registers. It records in bnd
// (at least len(t)+1 long) each place a token starts or ends and returns
// the number of boundaries, the union of the byte flags, and whether the
// last byte is a word byte. scanBytes is the same pass, sixteen bytes a
// step where the processor allows (scan_amd64.go).
//
//go:noinline
func scanBytesGeneric(t string, bnd []int32) (nb int, seen uint8, pw uint32) {
	bnd = bnd[:len(t)+1]
	for k := 0; k < len(t); k++ {
		f := byteFlags[t[k]]
		w := uint32(f&fWord) | uint32(f>>1)&pw
		bnd[nb] = int32(k)
		nb += int(w ^ pw)
		pw = w
		seen |= f
	}
	return
}

// allCaps reports whether token t has two or more ASCII letters, all
// capitals.
func allCaps(t string) bool {
	n := 0
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c-'a' < 26:
			return false
		case c-'A' < 26:
			n++
		}
	}
	return n >= 2
}

// firstLetter sets li.firstLower from the first letter of token t and
// reports whether t has one.
func firstLetter(t string, li *lineInfo) bool {
	for _, r := range t {
		if r < utf8.RuneSelf {
			if cl := asciiClass[r]; cl <= aUpper && cl >= aLower {
				li.firstLower = cl == aLower
				return true
			}
			continue
		}
		if unicode.IsLetter(r) {
			li.firstLower = !unicode.IsUpper(r) && unicode.IsLower(r)
			return true
		}
	}
	return false
}

// tokenKey is the packed key of a token with non-ASCII bytes: its first
// eight bytes, lower-cased, and its length in bytes.
func tokenKey(t string) uint64 {
	ascii := true
	for i := 0; i < len(t) && i < 8; i++ {
		if t[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return asciiKeySlow(t, 0, len(t))
	}
	var key uint64
	kl := 0
	for _, r := range t {
		if kl >= 8 {
			break
		}
		lr := unicode.ToLower(r)
		var buf [4]byte
		n := utf8.EncodeRune(buf[:], lr)
		for x := 0; x < n && kl < 8; x++ {
			key |= uint64(buf[x]) << (8 * kl)
			kl++
		}
	}
	return key | uint64(min(len(t), 15))<<60
}
