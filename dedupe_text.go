package newsdump

import (
	"crypto/sha256"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/newsdump/newsdump/internal/minhash"
	"golang.org/x/text/cases"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// This file turns an article into what deduplication compares: the
// comparison text, its exact key and its MinHash signature.

// exactKey identifies an article's comparison text: the first 128 bits of
// its SHA-256.
type exactKey [16]byte

// textState holds the buffers for one article's comparison text; pooled so
// that computing a signature allocates nothing in the steady state.
type textState struct {
	text  []byte     // the comparison text
	lines []textLine // one per title or paragraph, into text and words
	words []uint64   // hash of every word of text, in order
	// shingles are the hashes of the shingles of the shingled lines
	shingles []uint64
	prepared []uint64 // Deduper.Add's buffer for prepared.shingles
	nfc      []byte
	fold     []byte
	caser    cases.Caser
}

// textLine is one line of the comparison text (a title or paragraph);
// shingled is false for lines that look like site boilerplate (see
// markProse). Not to be confused with [Span], a sentence.
type textLine struct {
	wordStart, wordEnd int // into textState.words
	shingled           bool
	endsSentence       bool // ends with . ! ? (before closing quotes or brackets)
	endsSoft           bool // ends with , ; or a dash: the sentence goes on
	startsLower        bool // starts with a lower-case letter: it goes on a sentence
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
	st.lines = st.lines[:0]
	st.words = st.words[:0]
	st.addLine(a.Title)
	// body is the first line of the body: 1 after the title, which is
	// always compared, or 0 for an article without one (a page whose
	// headline was not found), whose first paragraph is prose like the
	// rest.
	body := len(st.lines)
	if body > 0 {
		st.lines[0].shingled = true
	}
	for _, p := range a.Paragraphs {
		st.addLine(p)
	}
	st.markProse(body)
	// Shingle only the prose, unless that leaves too little text to tell
	// one article from another.
	words := 0
	for _, ln := range st.lines {
		if ln.shingled {
			words += ln.wordEnd - ln.wordStart
		}
	}
	if words < minProseWords {
		for i := range st.lines {
			st.lines[i].shingled = true
		}
	}
}

// A unit of lines (see markProse) is prose if it ends a sentence and has
// at least proseSentenceWords words, or has at least proseWords words
// whatever its end. Headlines, navigation and credits are shorter than
// proseWords and do not end as sentences do; a short sentence ending in a
// full stop ("Read more.", "All rights reserved.") is shorter than
// proseSentenceWords. proseSentenceWords equals minProseWords by
// coincidence: one judges a unit, the other a whole article.
const (
	proseSentenceWords = 6
	proseWords         = 25
)

// minProseWords is the least number of words of prose an article must have
// for its boilerplate-looking lines to be left out of its shingles.
const minProseWords = 2 * minhash.ShingleWords

// foldSlack is the room beyond the NFC text's length made for its case
// folding, which may lengthen it (ß folds to ss): enough for a few such
// letters without growing the buffer again.
const foldSlack = 8

func (st *textState) addLine(s string) {
	start := len(st.text)
	if start > 0 {
		st.text = append(st.text, ' ')
		start++
	}
	var ascii bool
	if st.text, ascii = appendFoldedASCII(st.text, s); !ascii {
		st.text = st.text[:start]
		st.nfc = norm.NFC.AppendString(st.nfc[:0], s)
		st.fold = slices.Grow(st.fold[:0], len(st.nfc)+foldSlack)
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
	w0 := len(st.words)
	st.words = minhash.AppendWordHashes(st.words, st.text[start:])
	ln := textLine{wordStart: w0, wordEnd: len(st.words)}
	line := st.text[start:]
	i := len(line)
	for i > 0 && (line[i-1] == '"' || line[i-1] == '\'' || line[i-1] == ')' || line[i-1] == ']') {
		i--
	}
	ln.endsSentence = i > 0 && (line[i-1] == '.' || line[i-1] == '!' || line[i-1] == '?')
	last := line[len(line)-1]
	ln.endsSoft = last == ',' || last == ';' || last == '-'
	for _, r := range s {
		if !unicode.IsSpace(r) {
			ln.startsLower = unicode.IsLower(r)
			break
		}
	}
	st.lines = append(st.lines, ln)
}

// markProse tells running text from the boilerplate sites put around it,
// for lines from first on: navigation lines, "Related coverage" headings
// and their lists of other stories' titles, photo credits, bylines. Those
// are headline-like: short, and not ending as a sentence ends.
//
// Lines are first joined into units, so that text re-wrapped over several
// lines is judged as the paragraph it is: a line that does not end a
// sentence is continued by the next line if that one starts with a
// lower-case letter or if the first ends with a comma, semicolon or dash.
// A unit is prose if it ends a sentence and has at least 6 words, or has at
// least 25 words. Lines that are not prose still count for exact
// duplicates but not for near duplicates, so that two different short
// stories from one site do not look alike through their shared chrome.
func (st *textState) markProse(first int) {
	lines := st.lines
	for i := first; i < len(lines); {
		j := i
		for j+1 < len(lines) && !lines[j].endsSentence && (lines[j+1].startsLower || lines[j].endsSoft) {
			j++
		}
		words := lines[j].wordEnd - lines[i].wordStart
		prose := words >= proseWords || words >= proseSentenceWords && lines[j].endsSentence
		for k := i; k <= j; k++ {
			lines[k].shingled = prose
		}
		i = j + 1
	}
}

// appendFoldedASCII is the fast path of build, for lines of ASCII and the
// typographic punctuation and spaces of [foldPunct]: none of those changes
// under NFC or case folding except ASCII capitals, which it lowers. It
// returns false, having appended part of s, at the first other rune; the
// caller then takes the full path, which gives the same result on these
// lines (FuzzDedupe checks).
func appendFoldedASCII(dst []byte, s string) ([]byte, bool) {
	space := len(dst) == 0 || dst[len(dst)-1] == ' '
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			rep, how := foldPunct(r)
			if r == utf8.RuneError || how == keepRune {
				return dst, false
			}
			i += n - 1
			dst, space = applyFold(dst, space, how, rep)
			continue
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
	return dst, true
}

// What foldPunct says to do with a rune.
const (
	keepRune    = iota // not folded: copy it
	replaceRune        // write the replacement instead
	dropRune           // invisible: as if absent
	spaceRune          // white space
)

// foldPunct folds typographic punctuation and white space. Quotes, dashes
// and ellipses have no folding in x/text (they are not compatibility
// characters of each other), hence the small table.
func foldPunct(r rune) (rep string, how int) {
	switch r {
	case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u0060', '\u00b4':
		return "'", replaceRune
	case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb':
		return `"`, replaceRune
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return "-", replaceRune
	case '\u2026':
		return "...", replaceRune
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
		return "", dropRune
	}
	if unicode.IsSpace(r) {
		return "", spaceRune
	}
	return "", keepRune
}

func applyFold(dst []byte, space bool, how int, rep string) ([]byte, bool) {
	switch how {
	case replaceRune:
		return append(dst, rep...), false
	case spaceRune:
		if !space {
			dst = append(dst, ' ')
		}
		return dst, true
	}
	return dst, space // dropRune
}

// appendFoldedPunct appends NFC-normalised, case-folded text with
// typographic punctuation folded and white space collapsed.
func appendFoldedPunct(dst []byte, b []byte) []byte {
	space := len(dst) == 0 || dst[len(dst)-1] == ' '
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			// Invalid UTF-8 reads as U+FFFD, as in the command's JSON
			// output: articles that print the same compare the same.
			dst = append(dst, "\uFFFD"...)
			b = b[1:]
			space = false
			continue
		}
		b = b[n:]
		rep, how := foldPunct(r)
		if how == keepRune {
			dst = utf8.AppendRune(dst, r)
			space = false
			continue
		}
		dst, space = applyFold(dst, space, how, rep)
	}
	return dst
}

func (st *textState) exactKey() exactKey {
	sum := sha256.Sum256(st.text)
	return exactKey(sum[:len(exactKey{})])
}

// signature computes the one-permutation MinHash of the shingled lines of
// the comparison text into s.
func (st *textState) signature(s *minhash.Sig) {
	minhash.Fill(s, st.shingleHashes())
}

// shingleHashes returns the hashes of the shingles of the shingled lines,
// in order, in a buffer of st.
func (st *textState) shingleHashes() []uint64 {
	var f minhash.Filler
	sh := st.shingles[:0]
	for _, ln := range st.lines {
		if ln.shingled {
			sh = f.Shingles(sh, st.words[ln.wordStart:ln.wordEnd])
		}
	}
	st.shingles = f.FinishShingles(sh)
	return st.shingles
}
