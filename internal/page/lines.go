package page

import (
	"hash/maphash"
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
	runes      int
	toks       int
	stop       int // stopword tokens
	capTok     int // tokens starting with an upper-case letter
	upperTok   int // all upper-case tokens of 2+ letters
	digitTok   int // tokens starting with a digit
	longTok    int // tokens of 3+ letters
	firstLower bool
	firstKey   uint64 // first token, lowercased and packed
	last       rune   // last rune of the text
	pipes      int    // "|", " / ", "•", "·" separators
	copyright  bool   // "©" or "(c)"
	hash       uint64 // of the text, for repeats
	prevBlank  bool   // the previous line is blank
	nb         int    // index among non-blank lines, -1 for blank lines and continuations
	lastStop   bool   // the last token is a stopword
	cont       bool   // continues the line above, hard-wrapped
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

var (
	isLetterClass = [8]uint8{aLower: 1, aUpper: 1}
	isUpperClass  = [8]uint8{aUpper: 1}
)

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
	first           bool // no token ended yet
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
	if ts.first {
		li.firstKey = k
		ts.first = false
	}
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

// analyze fills li from line s in one pass over its bytes, with a fast
// path for ASCII: a run of ASCII word bytes is scanned by a tight loop
// that counts letters and capitals and packs the first eight bytes,
// lower-cased, into the token's key for the stopword table.
func analyze(s string, li *lineInfo) {
	*li = lineInfo{nb: -1}
	i := 0
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
	if i == j {
		return
	}
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
	li.hash = maphash.String(hashSeed, t)
	ts := tokScan{first: true}
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
				if !ts.in {
					ts.start(li, cl == aUpper, cl == aDigit)
				}
				s0 := k
				key, kl := ts.key, ts.keyLen
				var lu uint64 // bytes plus letters in the low half, capitals in the high
				for ; k < len(t); k++ {
					b := t[k]
					if b >= utf8.RuneSelf {
						break
					}
					x := letterUpper[b]
					if x == 0 {
						break
					}
					lu += x
					if kl < 8 {
						key |= uint64(lowerASCII[b]) << (8 * kl)
					}
					kl++
				}
				ts.key, ts.keyLen = key, kl
				letters, uppers := int(lu&0xffffffff)-(k-s0), int(lu>>32)
				ts.letters += letters
				ts.uppers += uppers
				if !seenLetter && letters > 0 {
					for x := s0; x < k; x++ {
						if cl := asciiClass[t[x]]; cl <= aUpper {
							seenLetter = true
							li.firstLower = cl == aLower
							break
						}
					}
				}
				runes += k - s0
				cjkRun = 0
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

// letterUpper is, per ASCII word byte, 1 plus (letters) 1 plus (capitals)
// 1<<32, so that one add counts bytes, letters and capitals; 0 for
// non-word bytes.
var letterUpper = func() (t [128]uint64) {
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
func sentenceEnd(r rune) bool {
	switch endClass(r) {
	case 1, 2, 4, 5, 6:
		return true
	}
	return false
}

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
