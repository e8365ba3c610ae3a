package page

import (
	"hash/maphash"
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// lineInfo holds what one pass over a line's bytes tells about it. It is
// computed once per line into a slice allocated once per page.
type lineInfo struct {
	start, end int // text is line[start:end]: trimmed, bullet kept
	indent     int // leading spaces and tabs
	bullet     byte
	bodyStart  int // offset in the line after the bullet
	runes      int // runesUncounted until pageCtx.runeCount counts them
	toks       int
	stop       int // stopword tokens
	capTok     int // tokens starting with an upper-case letter
	upperTok   int // all upper-case tokens of 2+ letters
	digitTok   int // tokens starting with a digit
	longTok    int // tokens of 3+ letters
	firstLower bool
	last       rune   // last rune of the text
	pipes      int    // "|", " / ", "•", "·" separators
	copyright  bool   // "©" or "(c)"
	hash       uint64 // of the text, for repeats (set by pageCtx.init)
	prevBlank  bool   // the previous line is blank
	nb         int    // index among non-blank lines, -1 for blank lines and continuations
	lastStop   bool   // the last token is a stopword
	cont       bool   // continues the line above, hard-wrapped

	// Feature buckets of the (merged) line, set by pageCtx.init for the
	// non-blank lines: tokens, coarse tokens, stopwords, end class,
	// capitals, and whether the last rune ends a sentence.
	tb, ct, sb, ec, cb uint8
	se                 bool
}

// ASCII byte classes for analyze's fast path.
const (
	aOther = iota
	aPipe
	aLower // this and the classes below are word bytes
	aUpper
	aDigit
	aUnder
)

var asciiClass = func() (t [128]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = aLower
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = aUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = aDigit
	}
	t['_'] = aUnder
	t['|'] = aPipe
	return t
}()

// lowerASCII maps an ASCII byte to its lower case.
var lowerASCII = func() (t [128]byte) {
	for i := range t {
		t[i] = byte(i)
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = byte(c + 32)
	}
	return t
}()

// tokScan is the state of the token being scanned.
type tokScan struct {
	in              bool
	key             uint64
	keyLen          int
	letters, uppers int
}

func (ts *tokScan) start(li *lineInfo, upper, digit bool) {
	ts.in = true
	li.toks++
	ts.key, ts.keyLen, ts.letters, ts.uppers = 0, 0, 0, 0
	if upper {
		li.capTok++
	}
	if digit {
		li.digitTok++
	}
}

func (ts *tokScan) add(b byte) {
	if ts.keyLen < 8 {
		ts.key |= uint64(b) << (8 * ts.keyLen)
	}
	ts.keyLen++
}

func (ts *tokScan) end(li *lineInfo) {
	k := ts.key | uint64(min(ts.keyLen, 15))<<60
	li.lastStop = ts.keyLen <= 8 && isStopKey(k)
	if li.lastStop {
		li.stop++
	}
	if ts.letters >= 2 && ts.uppers == ts.letters {
		li.upperTok++
	}
	if ts.letters >= 3 {
		li.longTok++
	}
	ts.in = false
}

// lineFrame starts li anew for line s: its indentation, the bounds of
// its text without the white space around it, and a list bullet, if the
// text opens with one, with where the text after it starts. It returns
// the text ("" for a blank line). analyze and analyzeSlow both start so.
func lineFrame(s string, li *lineInfo) string {
	*li = lineInfo{nb: -1}
	i := 0
	// inscriptis indents by dozens of spaces: count them eight at a
	// time, the last eight without a branch on each.
	for i+8 <= len(s) {
		if x := load8(s, i) ^ 0x2020202020202020; x != 0 {
			i += bits.TrailingZeros64(x) >> 3
			break
		}
		i += 8
	}
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	li.indent = i
	j := len(s)
	for j > i && (s[j-1] == ' ' || s[j-1] == '\t' || s[j-1] == '\r') {
		j--
	}
	li.start, li.end = i, j
	li.bodyStart = i
	t := s[i:j]
	switch {
	case len(t) >= 2 && (t[0] == '*' || t[0] == '+' || t[0] == '-') && t[1] == ' ':
		li.bullet = t[0]
		li.bodyStart = i + 2
	case len(t) == 1 && (t[0] == '*' || t[0] == '+'):
		li.bullet = t[0]
		li.bodyStart = i + 1
	case len(t) >= 3 && t[0] == 'o' && t[1] == ' ' && !(t[2] >= 'a' && t[2] <= 'z'):
		// inscriptis's third-level bullet; "o casa" would be Portuguese.
		li.bullet = 'o'
		li.bodyStart = i + 2
	case len(t) >= 4 && t[:3] == "\u2022" && t[3] == ' ':
		li.bullet = 'o'
		li.bodyStart = i + 4
	}
	return t
}

// analyzeSlow fills li from line s in one pass over its bytes, with a fast
// path for ASCII: a run of ASCII word bytes is scanned by a tight loop
// that counts letters and capitals and packs the first eight bytes,
// lower-cased, into the token's key for the stopword table.
func analyzeSlow(s string, li *lineInfo) {
	t := lineFrame(s, li)
	if t == "" {
		return
	}
	var ts tokScan
	seenLetter := false
	cjkRun := 0
	runes := 0
	for k := 0; k < len(t); {
		c := t[k]
		if c < utf8.RuneSelf {
			cl := asciiClass[c]
			if cl >= aLower {
				// A run of ASCII word bytes: the start or the
				// continuation of a token.
				s0 := k
				var lu uint64 // bytes plus letters in the low half, capitals in the high
				for k++; k < len(t); k++ {
					x := letterUpper[t[k]]
					if x == 0 {
						break
					}
					lu += x
				}
				lu += letterUpper[c]
				n := k - s0
				runes += n
				cjkRun = 0
				letters, uppers := int(lu&0xffffffff)-n, int(lu>>32)
				if !seenLetter && letters > 0 {
					for x := s0; x < k; x++ {
						if cl := asciiClass[t[x]]; cl <= aUpper {
							seenLetter = true
							li.firstLower = cl == aLower
							break
						}
					}
				}
				if !ts.in {
					ts.start(li, cl == aUpper, cl == aDigit)
					if k == len(t) || t[k] < utf8.RuneSelf {
						// The common case, a whole ASCII token: end it
						// here without the general state machine.
						st := false
						if n <= 8 {
							// asciiKey, inlined by hand.
							var key uint64
							if s0+8 <= len(t) {
								u := t[s0 : s0+8]
								key = uint64(u[0]) | uint64(u[1])<<8 | uint64(u[2])<<16 | uint64(u[3])<<24 |
									uint64(u[4])<<32 | uint64(u[5])<<40 | uint64(u[6])<<48 | uint64(u[7])<<56
								key &= keyMask[min(n, 8)]
								const ones = 0x0101010101010101
								key |= ((key + ones*(0x80-'A')) &^ (key + ones*(0x80-'Z'-1)) & (ones * 0x80)) >> 2
								key |= uint64(min(n, 15)) << 60
							} else {
								key = asciiKeySlow(t, s0, n)
							}
							st = n <= 8 && isStopKey(key)
						}
						li.lastStop = st
						li.stop += int(b2u(st))
						if letters >= 2 && uppers == letters {
							li.upperTok++
						}
						if letters >= 3 {
							li.longTok++
						}
						ts.in = false
						continue
					}
				}
				key, kl := ts.key, ts.keyLen
				for x := s0; x < k && kl < 8; x++ {
					key |= uint64(lowerASCII[t[x]]) << (8 * kl)
					kl++
				}
				ts.key, ts.keyLen = key, ts.keyLen+n
				ts.letters += letters
				ts.uppers += uppers
				continue
			}
			k++
			runes++
			cjkRun = 0
			if ts.in {
				ts.end(li)
			}
			switch {
			case cl == aPipe:
				li.pipes++
			case c == '/':
				if k < len(t) && t[k] == ' ' && k >= 2 && t[k-2] == ' ' {
					li.pipes++
				}
			case c == '(':
				if k+1 < len(t) && (t[k] == 'c' || t[k] == 'C') && t[k+1] == ')' {
					li.copyright = true
				}
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(t[k:])
		k += size
		runes++
		if isCJK(r) {
			// Chinese and Japanese print no spaces: count a word per
			// two ideographs or kana, and the commonest particles as
			// stopwords, so that prose still looks like prose to the
			// features.
			if ts.in {
				ts.end(li)
			}
			if cjkRun%2 == 0 {
				li.toks++
			}
			cjkRun++
			if isParticle(r) {
				li.stop++
			}
			continue
		}
		cjkRun = 0
		switch {
		case unicode.IsLetter(r):
			upper := unicode.IsUpper(r)
			if !ts.in {
				ts.start(li, upper, false)
			}
			if !seenLetter {
				seenLetter = true
				li.firstLower = !upper && unicode.IsLower(r)
			}
			ts.letters++
			lr := r
			if upper {
				ts.uppers++
				lr = unicode.ToLower(r)
			}
			var buf [4]byte
			n := utf8.EncodeRune(buf[:], lr)
			for x := 0; x < n; x++ {
				ts.add(buf[x])
			}
		case unicode.IsDigit(r) || unicode.IsNumber(r):
			if !ts.in {
				ts.start(li, false, true)
			}
			ts.keyLen++
		case unicode.IsMark(r):
			if !ts.in {
				ts.start(li, false, false)
			}
			ts.keyLen++
		default:
			if ts.in {
				ts.end(li)
			}
			switch r {
			case '©':
				li.copyright = true
			case '\u2022', '\u00b7':
				li.pipes++
			}
		}
	}
	if ts.in {
		ts.end(li)
	}
	li.runes = runes
	r, _ := utf8.DecodeLastRuneInString(t)
	li.last = r
}

var keyMask = [9]uint64{0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffff, 0xffffffffffff, 0xffffffffffffff, ^uint64(0)}

// asciiKeySlow packs t[s0:s0+n], ASCII, lower-cased: its first eight
// bytes and its length.
func asciiKeySlow(t string, s0, n int) uint64 {
	var key uint64
	for x := 0; x < n && x < 8; x++ {
		key |= uint64(lowerASCII[t[s0+x]]) << (8 * x)
	}
	return key | uint64(min(n, 15))<<60
}

// letterUpper is, per ASCII word byte, 1 plus (letters) 1 plus (capitals)
// 1<<32, so that one add counts bytes, letters and capitals; 0 for
// non-word and non-ASCII bytes.
var letterUpper = func() (t [256]uint64) {
	for c := 0; c < 128; c++ {
		switch asciiClass[c] {
		case aLower:
			t[c] = 2
		case aUpper:
			t[c] = 2 | 1<<32
		case aDigit, aUnder:
			t[c] = 1
		}
	}
	return t
}()

// hashSeed seeds the line hashes used to find repeated lines within a
// page; it only has to be fixed for the life of the process.
var hashSeed = maphash.MakeSeed()

// endClass buckets a line's last rune: sentences end in terminal
// punctuation, menu items and headlines mostly do not.
func endClass(r rune) int {
	if uint32(r) < utf8.RuneSelf {
		return int(endClassASCII[r])
	}
	return endClassSwitch(r)
}

// endClassASCII is endClass of the ASCII characters, from endClassSwitch:
// a switch on the last rune of each line in turn mispredicts.
var endClassASCII = func() (t [utf8.RuneSelf]uint8) {
	for r := range t {
		t[r] = uint8(endClassSwitch(rune(r)))
	}
	return t
}()

func endClassSwitch(r rune) int {
	switch r {
	case '.', '\u3002':
		return 1
	case '!', '?', '\uff01', '\uff1f':
		return 2
	case ':':
		return 3
	case '"', '\'', '\u201d', '\u2019', '\u00bb':
		return 4
	case ')', ']':
		return 5
	case '\u2026':
		return 6
	case ',', ';':
		return 7
	case '|', '>', '\u203a', '-', '\u2013', '\u2014', '/':
		return 8
	}
	if r < utf8.RuneSelf {
		if ('0' <= r && r <= '9') || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') {
			return 0
		}
		return 9
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return 0
	}
	return 9
}

// sentenceEnd reports whether r ends a sentence.
func sentenceEnd(r rune) bool { return endsSentence(endClass(r)) }

// endsSentence reports whether a rune of end class ec ends a sentence.
func endsSentence(ec int) bool { return 1<<ec&(1<<1|1<<2|1<<4|1<<5|1<<6) != 0 }

func isCJK(r rune) bool {
	return (r >= 0x3040 && r <= 0x30ff) || (r >= 0x3400 && r <= 0x9fff) || (r >= 0xf900 && r <= 0xfaff)
}

// isParticle reports the Japanese particles and the Chinese 的, the
// function words of those languages.
func isParticle(r rune) bool {
	switch r {
	case 'の', 'に', 'は', 'を', 'が', 'で', 'と', 'も', 'た', '的', '了', '是', '在':
		return true
	}
	return false
}
