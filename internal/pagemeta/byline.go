package pagemeta

import (
	"unicode/utf8"
)

// maxBylineLine bounds the lines [Byline] reads. A byline with two names,
// an outlet and a date fits well within it; body paragraphs, which are
// most of a page's bytes, are longer and are rejected on length alone.
const maxBylineLine = 200

// maxNameTokens bounds the words of one name: "Michael David Smith",
// "Ludwig van der Beethoven Jr." fit; a capitalised headline does not.
const maxNameTokens = 5

// maxNames bounds the names of one byline.
const maxNames = 8

// Byline recognises a byline and returns the names of the persons it
// credits, as printed (see the package doc on case).
//
// It reads "By A", "Written by A | ...", "Posted on <date> by A", "<date>
// by A", "Authors: A, B and C", "By A, B, and C", "By A in London",
// "By A - <date>", "By A Fox News" (a trailing outlet is dropped), and,
// without a "by", "A, Reuters" or "A, AP Auto Writer" (a name, a comma and
// an outlet or role), "A @handle" and "A <date>". Credentials after a
// comma ("A, MS, RD") are dropped.
//
// A byline that names no person ("By Staff Reports", "Posted by admin",
// "By The Associated Press") gives ok with no authors: the page has a
// byline, and it credits no one. A body sentence that starts with "By"
// ("By the end of the year, ...") is not a byline: the words after "by"
// must be name-shaped (capitalised words, initials, particles such as
// "van" or "bin"), followed by the end of the line, a separator, a date,
// an outlet or a short connector phrase ("in London", "on Monday").
func Byline(line string) (authors []string, ok bool) {
	if len(line) > 3*maxBylineLine {
		return nil, false
	}
	return bylineOf(trimSpace(line))
}

// bylineOf is Byline on a line of at most 3*maxBylineLine bytes, trimmed.
func bylineOf(s string) (authors []string, ok bool) {
	if len(s) < 2 || len(s) > maxBylineLine+8 || !bylineLead(s[0]) || !mayBeByline(s) {
		return nil, false
	}
	s = trimLead(s)
	if len(s) < 2 || len(s) > maxBylineLine || !bylineStart(s[0]) {
		return nil, false
	}
	return parseByline(s, false)
}

// mayBeByline is the one-pass pre-check: every byline form has a "by"
// word (by, von, por, par, door, oleh), a label's colon, a comma before
// an outlet, an "@" handle or a digit of a date. Menu entries and most
// headlines have none of these.
//
// Only the first preLimit bytes are read: a "by" word comes after at most
// a date or three short words, and the comma, handle or date that marks a
// byline without "by" comes right after a name of at most five words.
func mayBeByline(s string) bool {
	// "Von", "Por", "Par", "Door", "Oleh" open the line.
	if len(s) > 4 {
		switch s[0] | 0x20 {
		case 'v', 'p', 'd', 'o':
			if e := wordEnd(s, 0); e < len(s) && e <= maxByWord && flagsOf(s[:e])&fBy != 0 {
				return true
			}
		}
	}
	if len(s) > preLimit {
		s = s[:preLimit]
	}
	if len(s) < 8 {
		for i := 0; i < len(s); i++ {
			switch preTable[s[i]] {
			case 0:
				continue
			case 1:
				return true
			}
			if i > 0 && s[i-1]|0x20 == 'b' { // "by"
				return true
			}
		}
		return false
	}
	// The same test, eight bytes at a time (see below8): a mark, or a "y"
	// after a "b" in the eight bytes or across from the eight before.
	var prevB uint64 // a "b" ending the eight bytes before, as the first byte's mark
	for i := 0; i < len(s); i += 8 {
		if i+8 > len(s) {
			// The last eight bytes, in part again: what was found in
			// them already was nothing.
			i, prevB = len(s)-8, 0
		}
		x := load64(s, i)
		if below8(x^'0'*ones, 11)|equal8(x, ',')|equal8(x, '@') != 0 { // digits and ':', ',', '@'
			return true
		}
		lx := x | 0x20*ones
		if y := equal8(lx, 'y'); y != 0 || prevB != 0 {
			b := equal8(lx, 'b')
			if y&(b<<8|prevB) != 0 {
				return true
			}
			prevB = b >> 56
		} else if lx>>56 == 'b' {
			prevB = 0x80
		}
	}
	return false
}

// maxByWord is the length of the longest word of byWords, beyond which
// a word needs no look-up to be found not to be one.
var maxByWord = func() int {
	n := 0
	for w := range byWords {
		n = max(n, len(w))
	}
	return n
}()

const preLimit = 72

// preTable classes the bytes for mayBeByline: 1 accepts the line, 2 is
// the last letter of "by", to be checked.
var preTable = func() (t [256]byte) {
	for _, c := range ",@:0123456789" {
		t[c] = 1
	}
	for _, c := range "yY" {
		t[c] = 2
	}
	return t
}()

// Name recognises a line that is only a person's name, perhaps with a
// social handle, an outlet or a role ("Jane Doe", "Jane Doe @janedoe",
// "Jane Doe, Business Insider", "Jane Doe Florida Today"). Many sites
// print the byline that way, without "By"; but so are menu entries and
// place names, so a caller should believe Name only next to other
// evidence, such as a date line (as [Find] does). Names must be two to
// four title-case words.
func Name(line string) (names []string, ok bool) {
	if len(line) > 3*maxBylineLine {
		return nil, false
	}
	return nameOf(trimSpace(line))
}

// nameOf is Name on a line of at most 3*maxBylineLine bytes, trimmed.
func nameOf(s string) (names []string, ok bool) {
	s = trimLead(s)
	if len(s) < 3 || len(s) > 100 || !upperAt(s, 0) {
		return nil, false
	}
	return parseByline(s, true)
}

// bylineLead reports whether c may open a byline line before its bullets
// are trimmed: a letter, a digit, a bullet or a separator.
func bylineLead(c byte) bool {
	return bylineStart(c) || c >= 0x80 || c == '*' || c == '+' || c == '-' || c == '/' || c == '|' || c == '>' || c == '(' || c == '['
}

// bylineStart is the cheap first test: a byline starts with a capital, a
// digit (a date), or the lower-case "by", "written", "posted", "von".
func bylineStart(c byte) bool {
	return 'A' <= c && c <= 'Z' || isDigit(c) || c >= utf8.RuneSelf ||
		c == 'b' || c == 'w' || c == 'p' || c == 'v' || c == 'a' || c == 'o'
}

// trimLead strips list bullets and separators that converters print before
// a byline ("* By ...", "/ By ...", "- Jane Doe", "o Posted by").
func trimLead(s string) string {
	for len(s) > 0 {
		if n := sepAt(s, 0); n > 0 && s[0] != ',' && s[0] != '(' {
			s = trimSpace(s[n:])
			continue
		}
		if len(s) > 2 && (s[0] == 'o' || s[0] == '+' || s[0] == '*' || s[0] == '>') && s[1] == ' ' {
			s = trimSpace(s[2:])
			continue
		}
		break
	}
	return s
}

// sepAt returns the width of a separator at s[i], or 0.
func sepAt(s string, i int) int {
	switch s[i] {
	case '|', '/', '-', ':', ';', ',', '*', '+', '>', '(', ')', '[', ']', '~', '=':
		return 1
	case '.':
		if i+1 == len(s) || isSpaceAt(s, i+1) > 0 {
			return 1
		}
		return 0
	}
	if s[i] < utf8.RuneSelf {
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	switch r {
	case '–', '—', '•', '·', '｜', '»', '›', '▪', '●', '■', '►', '・':
		return n
	}
	return 0
}

type nameSpan struct {
	start, end int
	tokens     int  // words, not counting particles
	lastStart  int  // start of the last word, to drop an outlet's first word
	word       bool // a word of two letters or more, not only initials
}

// stopKind says what ended a run of name words.
type stopKind uint8

const (
	stopEnd   stopKind = iota // end of line
	stopPunct                 // a non-letter
	stopLower                 // a lower-case word
	stopWord                  // a capitalised non-name word (stopWords)
	stopOrg                   // an outlet's last word (orgSuffix), or an outlet glued on
)

// tail says what follows the last name.
type tail uint8

const (
	tailBad tail = iota
	tailEnd
	tailSep
	tailComma
	tailDate
	tailHandle
	tailConnector
	tailOrg  // an outlet's last word (stopOrg)
	tailStop // another capitalised non-name word (stopWord)
	tailOther
)

// connectors may follow the names of a marked byline: "By A in London",
// "By A on November 19", "By A for The Times", "Von A publiziert am".
var connectors = map[string]bool{
	"on": true, "in": true, "at": true, "for": true, "from": true,
	"with": true, "via": true, "and": true, "und": true, "published": true,
	"publiziert": true, "updated": true, "posted": true, "am": true,
	"le": true, "el": true, "em": true, "pada": true, "di": true,
	"il": true, "op": true, "the": true, "of": true,
}

// parseByline parses s (trimmed); bare selects the rules of [Name].
func parseByline(s string, bare bool) ([]string, bool) {
	p := 0
	marker := false
	prefixDate := false
	prefixWords := 0
	if !bare {
	prefix:
		for step := 0; step < 10; step++ {
			p = skipSpace(s, p)
			if p >= len(s) {
				break
			}
			if n := sepAt(s, p); n > 0 {
				p += n
				continue
			}
			c := s[p]
			if isDigit(c) {
				// A date has a year (see hasYear): lines that open with
				// other numbers ("3 Comments") skip the date parser.
				if !hasYear(s[p:]) {
					break
				}
				st, end, ok := parseStampAt(s, p)
				if !ok {
					break
				}
				_ = st
				p = end
				prefixDate = true
				continue
			}
			if isLetterAt(s, p) == 0 {
				break
			}
			e := wordEnd(s, p)
			w := s[p:e]
			f := flagsOf(w)
			if f&fMonth != 0 {
				if _, end, ok := parseStampAt(s, p); ok {
					p = end
					prefixDate = true
					continue
				}
			}
			next := skipSpace(s, e)
			switch {
			case f&fBy != 0 && e < len(s) && (s[e] == ':' || isSpaceAt(s, e) > 0):
				p = next
				if p < len(s) && s[p] == ':' {
					p++
				}
				marker = true
				break prefix
			case f&fLabel != 0 && next < len(s) && s[next] == ':':
				p = next + 1
				marker = true
				break prefix
			case f&fPrefix != 0 && prefixWords < 3:
				prefixWords++
				p = e
				continue
			}
			break
		}
		if !marker {
			if prefixWords > 0 {
				return nil, false // "Posted in Politics"
			}
			if !prefixDate {
				p = 0
				if !unmarkedMayEnd(s) {
					return nil, false
				}
			}
		}
	}

	var names [maxNames]nameSpan
	n := 0
	var stop stopKind
	q := p
	for n < maxNames {
		ns, nq, st, bad := readName(s, p, bare)
		if bad {
			return nil, false
		}
		if ns.tokens == 0 {
			q, stop = nq, st
			break
		}
		names[n] = ns
		n++
		q, stop = nq, st
		// Another name after ",", "and", "&", ", and"?
		r := skipSpace(s, q)
		if r >= len(s) || stop == stopWord || stop == stopOrg {
			break
		}
		r2 := -1
		switch {
		case s[r] == ',':
			r2 = skipSpace(s, r+1)
			// Credentials: "Jane Doe, MS, RD on ..."
			for r2 < len(s) {
				e := wordEnd(s, r2)
				if e == r2 || !credential(s[r2:e]) {
					break
				}
				k := e
				if k < len(s) && s[k] == '.' {
					k++
				}
				q = k
				r = skipSpace(s, k)
				r2 = r
				if r < len(s) && s[r] == ',' {
					r2 = skipSpace(s, r+1)
				} else {
					r2 = -1
					break
				}
			}
			if r2 >= 0 && r2 < len(s) {
				if e := wordEnd(s, r2); flagsOf(s[r2:e])&fJoin != 0 && e > r2 {
					r2 = skipSpace(s, e)
				}
			}
		case s[r] == '&':
			r2 = skipSpace(s, r+1)
		case isLetterAt(s, r) > 0:
			if e := wordEnd(s, r); flagsOf(s[r:e])&fJoin != 0 && lowerAt(s, r) {
				r2 = skipSpace(s, e)
			}
		}
		if r2 < 0 || r2 >= len(s) {
			break
		}
		next, _, nst, nbad := readName(s, r2, bare)
		if nbad || next.tokens < 2 && !(next.tokens == 1 && names[0].tokens == 1) || nst == stopWord || nst == stopOrg {
			break
		}
		p = r2
	}

	t := classifyTail(s, q, stop)
	if marker && (n == 0 || n == 1 && names[0].tokens == 1 && (t == tailOrg || t == tailStop)) && outletOnly(s, p) {
		// "By JERUSALEM POST STAFF", "By Fox News Staff".
		return nil, true
	}
	if n == 0 {
		// "By Staff Reports", "Posted by admin", "By The Associated Press".
		if marker {
			r := skipSpace(s, p)
			e := wordEnd(s, r)
			if e > r && flagsOf(s[r:e])&fNonPerson != 0 {
				if hasPrefixFold(s[r:e], "the") && len(s[r:e]) == 3 {
					r2 := skipSpace(s, e)
					e2 := wordEnd(s, r2)
					if e2 == r2 || flagsOf(s[r2:e2])&fNonPerson == 0 {
						return nil, false
					}
				}
				return nil, true
			}
		}
		return nil, false
	}

	switch {
	case marker:
		switch t {
		case tailEnd, tailDate, tailSep, tailHandle, tailOrg, tailStop:
		case tailComma:
			r := skipSpace(s, skipSpace(s, q)+1)
			if r < len(s) && lowerAt(s, r) {
				return nil, false // "By Monday, the company had ..."
			}
			if wordsIn(s[q:]) > 8 {
				return nil, false
			}
		case tailConnector, tailOther:
			if wordsIn(s[q:]) > 10 {
				return nil, false
			}
		default:
			return nil, false
		}
	case bare:
		if t == tailStop && outletOnly(s, q) {
			t = tailOrg // "Elliot Brownstein Florida Today"
		}
		switch t {
		case tailEnd, tailHandle, tailOrg:
		case tailComma:
			if !outletPhrase(s, q) {
				return nil, false
			}
		case tailConnector:
			if !placeTail(s, q) {
				return nil, false
			}
		default:
			return nil, false
		}
	case prefixDate:
		// "<date> Jane Doe", "<date> | Jane Doe | Politics"; all-caps
		// words after a date are a label ("OPEN RUN"), not a name.
		if t != tailEnd && t != tailSep && t != tailStop && t != tailOrg || !hasLower(s[names[0].start:names[0].end]) {
			return nil, false
		}
	default:
		switch t {
		case tailHandle, tailDate:
		case tailComma:
			if !outletPhrase(s, q) {
				return nil, false
			}
		case tailSep:
			// "Jane Doe - Nov 19, 2019"
			r := skipSpace(s, q)
			r += sepAt(s, r)
			r = skipSpace(s, r)
			if r >= len(s) || !dateAt(s, r) {
				return nil, false
			}
		default:
			return nil, false
		}
	}

	// Names: at least two words, except one name alone after a marker.
	out := 0
	for i := 0; i < n; i++ {
		if !names[i].word {
			return nil, false // "T R D": letters, not a name
		}
		if names[i].tokens < 2 {
			if !(marker && n == 1 && (t == tailEnd || t == tailDate || t == tailHandle)) {
				return nil, false
			}
		}
	}
	var authors []string
	for i := 0; i < n; i++ {
		ns := names[i]
		end := ns.end
		if i == n-1 && stop == stopOrg && t == tailOrg && ns.tokens >= 3 {
			// "Paul Steinhauser Fox News": "Fox" is the outlet's.
			end = trimRightSpace(s, ns.lastStart)
		}
		name := s[ns.start:end]
		if allNonPerson(name) {
			continue
		}
		if authors == nil {
			authors = make([]string, 0, n)
		}
		authors = append(authors, name)
		out++
	}
	if bare && out == 0 {
		return nil, false
	}
	return authors, true
}

func trimRightSpace(s string, i int) int {
	for i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
		i--
	}
	return i
}

// outletOnly reports whether s[p:], up to a separator or a date, is a
// short run of capitalised words whose last is an outlet's or a
// non-person word: "JERUSALEM POST STAFF", "Florida Today", "Fox News".
func outletOnly(s string, p int) bool {
	words := 0
	last := ""
	for r := skipSpace(s, p); r < len(s); r = skipSpace(s, r) {
		if sepAt(s, r) > 0 || dateAt(s, r) {
			break
		}
		if isLetterAt(s, r) == 0 || !upperAt(s, r) {
			return false
		}
		e := wordEnd(s, r)
		last = s[r:e]
		words++
		r = e
	}
	return words >= 1 && words <= 4 && (flagsOf(last)&fOrgSuffix != 0 || flagsOf(last)&fNonPerson != 0 && words > 1)
}

// credential reports whether w is a degree or post-nominal printed after a
// name: "MS", "RD", "RDN", "PhD", "MD", "Jr".
func credential(w string) bool {
	if len(w) < 2 || len(w) > 4 {
		return false
	}
	switch w {
	case "PhD", "Jr", "Sr", "MSc", "MBA", "BSc", "MPH", "RN", "DO":
		return true
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	// Short all-caps words that are outlets are not credentials.
	return flagsOf(w)&fOutlet == 0 && flagsOf(w)&fNonPerson == 0
}

// allNonPerson reports whether every word of name is a non-person word.
func allNonPerson(name string) bool {
	for i := 0; i < len(name); {
		if isLetterAt(name, i) == 0 {
			i++
			continue
		}
		e := wordEnd(name, i)
		if flagsOf(name[i:e])&fNonPerson == 0 {
			return false
		}
		i = e
	}
	return true
}

// outletPhrase reports whether the text after the comma at or after q is
// a short outlet or role phrase: "Reuters", "Business Insider", "AP Auto
// Writer", up to the end of the line, a separator or a date.
func outletPhrase(s string, q int) bool {
	r := skipSpace(s, q)
	if r >= len(s) || s[r] != ',' {
		return false
	}
	r++
	words, outlet := 0, false
	for r < len(s) {
		r = skipSpace(s, r)
		if r >= len(s) {
			break
		}
		if n := sepAt(s, r); n > 0 && s[r] != '.' {
			break
		}
		if dateAt(s, r) {
			break
		}
		if isLetterAt(s, r) == 0 {
			_, sz := utf8.DecodeRuneInString(s[r:])
			r += sz
			continue
		}
		e := wordEnd(s, r)
		if !upperAt(s, r) {
			return false
		}
		if flagsOf(s[r:e])&fOutlet != 0 {
			outlet = true
		}
		words++
		r = e
	}
	return outlet && words <= 5
}

// dateAt reports whether a date starts at s[i].
func dateAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if !isDigit(s[i]) {
		if isLetterAt(s, i) == 0 {
			return false
		}
		if _, ok := monthOf(s[i:wordEnd(s, i)]); !ok {
			return false
		}
	}
	_, _, ok := parseStampAt(s, i)
	return ok
}

// wordsIn counts the words of s.
func wordsIn(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if isLetterAt(s, i) == 0 && !isDigit(s[i]) {
			_, sz := utf8.DecodeRuneInString(s[i:])
			i += sz
			continue
		}
		n++
		for i < len(s) && (isLetterAt(s, i) > 0 || isDigit(s[i])) {
			i += max(isLetterAt(s, i), 1)
		}
	}
	return n
}

// classifyTail says what follows the last name at s[q:].
func classifyTail(s string, q int, stop stopKind) tail {
	r := skipSpace(s, q)
	if r >= len(s) {
		return tailEnd
	}
	if stop == stopOrg {
		return tailOrg
	}
	c := s[r]
	if c == '@' {
		return tailHandle
	}
	if dateAt(s, r) {
		return tailDate
	}
	if c == ',' {
		return tailComma
	}
	if sepAt(s, r) > 0 {
		return tailSep
	}
	if isLetterAt(s, r) > 0 {
		e := tokenEnd(s, r)
		w := s[r:e]
		for i := 0; i < len(w); i++ {
			if w[i] == '@' {
				return tailHandle // an e-mail address
			}
		}
		if stop == stopWord {
			return tailStop
		}
		if lowerAt(s, r) {
			if flagsOf(s[r:wordEnd(s, r)])&fConnector != 0 {
				return tailConnector
			}
			return tailBad
		}
		return tailOther
	}
	if isDigit(c) {
		return tailOther
	}
	return tailSep
}

// tokenEnd returns the end of the run of non-space characters at i.
func tokenEnd(s string, i int) int {
	for i < len(s) && isSpaceAt(s, i) == 0 {
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
	return i
}

// nameWordEnd returns the end of a name word at s[i] (a letter): letters
// with inner apostrophes, hyphens and dots ("O'Brien", "Jean-Luc",
// "J.R."), and a final dot when the word is an initial or an abbreviation
// ("E.", "Jr.", "St.").
func nameWordEnd(s string, i int) int {
	j := wordEnd(s, i)
	for j+1 < len(s) {
		c := s[j]
		if c == '\'' || c == '-' || c == '.' {
			if isLetterAt(s, j+1) > 0 {
				j = wordEnd(s, j+1)
				continue
			}
			break
		}
		if c == 0xe2 && j+3 < len(s) && s[j:j+3] == "’" && isLetterAt(s, j+3) > 0 {
			j = wordEnd(s, j+3)
			continue
		}
		break
	}
	if j < len(s) && s[j] == '.' {
		w := s[i:j]
		if utf8.RuneCountInString(w) == 1 || flagsOf(w)&fAbbrev != 0 || containsByte(w, '.') {
			j++
		}
	}
	return j
}

var abbrevs = map[string]bool{"jr": true, "sr": true, "st": true, "dr": true, "prof": true, "mr": true, "mrs": true, "ms": true, "rev": true}

func containsByte(s string, b byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return true
		}
	}
	return false
}

// readName reads one name at s[p]. It returns the span, where reading
// stopped and why, and bad when the words show the line is a sentence (a
// possessive "Obama's") or a headline (too many capitalised words).
func readName(s string, p int, bare bool) (ns nameSpan, q int, stop stopKind, bad bool) {
	ns.start = -1
	q = p
	for {
		p = skipSpace(s, p)
		if p >= len(s) {
			return ns, p, stopEnd, false
		}
		if isLetterAt(s, p) == 0 {
			return ns, p, stopPunct, false
		}
		e := nameWordEnd(s, p)
		w := s[p:e]
		if possessive(w) {
			return ns, p, stopLower, true
		}
		core := w
		if core[len(core)-1] == '.' {
			core = core[:len(core)-1]
		}
		if !upperAt(s, p) {
			// A particle inside a name: "van", "de", "bin".
			if ns.tokens > 0 && particles[w] {
				// A run of particles ("van der") must lead to a name word.
				r := skipSpace(s, e)
				for k := 0; k < 2 && r < len(s) && isLetterAt(s, r) > 0 && !upperAt(s, r); k++ {
					pe := nameWordEnd(s, r)
					if !particles[s[r:pe]] {
						break
					}
					r = skipSpace(s, pe)
				}
				if r < len(s) && isLetterAt(s, r) > 0 && upperAt(s, r) {
					p = r
					continue
				}
			}
			return ns, p, stopLower, false
		}
		f := flagsOf(core)
		if ns.tokens == 0 && f&fTitle != 0 && !bare {
			p = e
			continue
		}
		if f&fStop != 0 {
			if f&fOrgSuffix != 0 {
				return ns, p, stopOrg, false
			}
			return ns, p, stopWord, false
		}
		// "Cleveland.com": an outlet's domain.
		if k := indexByte(w, '.'); k > 0 && k+1 < len(w) && lowerAt(w, k+1) {
			return ns, p, stopOrg, false
		}
		// "FOXBusiness", "CNNMoney": capitals then lower case, an outlet.
		if len(w) > 3 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'A' && w[1] <= 'Z' && hasLower(w) && !containsByte(w, '.') && !containsByte(w, '-') {
			return ns, p, stopOrg, false
		}
		// "GarberFOXBusiness": an outlet glued on by the converter.
		if k := gluedCaps(w); k > 0 {
			if ns.start < 0 {
				ns.start = p
			}
			ns.tokens++
			ns.lastStart = p
			ns.end = p + k
			ns.word = true
			return ns, p + k, stopOrg, false
		}
		initial := utf8.RuneCountInString(core) == 1 || containsByte(core, '.')
		caps := !hasLower(core)
		if bare && caps && !initial {
			return ns, p, stopWord, false
		}
		if ns.tokens == 0 && initial && len(core) == 1 && e < len(s) && s[e] != '.' && !bare {
			// A lone capital letter not followed by a dot ("A man ...")
			// starts no name, but "J. Doe" does.
			if r := skipSpace(s, e); r < len(s) && lowerAt(s, r) {
				return ns, p, stopLower, false
			}
		}
		if utf8.RuneCountInString(core) > 20 {
			return ns, p, stopWord, false
		}
		if ns.start < 0 {
			ns.start = p
		}
		ns.tokens++
		if ns.tokens > maxNameTokens || bare && ns.tokens > 4 {
			return ns, p, stopWord, true
		}
		ns.lastStart = p
		ns.end = e
		if !initial {
			ns.word = true
		}
		p = e
		if p < len(s) && s[p] == '@' {
			return ns, p, stopPunct, false
		}
	}
}

func indexByte(s string, b byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return i
		}
	}
	return -1
}

// possessive reports whether w ends in "'s" or "’s".
func possessive(w string) bool {
	return len(w) > 2 && (w[len(w)-2:] == "'s" || len(w) > 4 && w[len(w)-4:] == "’s")
}

// gluedCaps returns where an all-caps run starts after a lower-case letter
// inside w ("GarberFOXBusiness" gives 6), or 0. "McDonald" and "DeArdo"
// have one capital inside, followed by a lower-case letter, and stay whole.
// The run must be followed by a lower-case letter ("FOXBusiness"), so
// that "McDONALD" stays whole.
func gluedCaps(w string) int {
	for k := 1; k+1 < len(w); k++ {
		if w[k] >= 'A' && w[k] <= 'Z' && w[k-1] >= 'a' && w[k-1] <= 'z' && w[k+1] >= 'A' && w[k+1] <= 'Z' {
			for j := k + 2; j < len(w); j++ {
				if w[j] >= 'a' && w[j] <= 'z' {
					return k
				}
			}
			return 0
		}
	}
	return 0
}

// placeTail reports whether s from q on is where the writer filed from,
// " in Stockholm", " in New York": "in" and one to three capitalised
// words, nothing after them.
func placeTail(s string, q int) bool {
	r := skipSpace(s, q)
	e := wordEnd(s, r)
	if s[r:e] != "in" {
		return false
	}
	words := 0
	for r = skipSpace(s, e); r < len(s); r = skipSpace(s, e) {
		if e = wordEnd(s, r); e == r || !upperAt(s, r) {
			return false
		}
		words++
	}
	return words >= 1 && words <= 3
}
