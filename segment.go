package newsdump

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsdump/newsdump/internal/abbrev"
)

// Span is a sentence's place in the text it was found in: text[Start:End]
// is the sentence, without the whitespace around it. Offsets are in bytes,
// so a Span can be used to slice the original string without copying and
// maps back to the input exactly.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Sentences splits English text into sentences and returns where each one
// is, in order. The spans do not overlap, none is empty, none starts or
// ends with whitespace, and everything between and around them is
// whitespace (as unicode.IsSpace defines it): no text is ever dropped, and
// the spans plus the whitespace between them are exactly the input.
//
// Sentences is a single pass over the bytes, in time linear in the length
// of the text, with one allocation: the returned slice. It is tuned for
// news and other edited English prose and decides each candidate boundary
// from the few words around it, never looking past a blank line:
//
//   - A sentence ends at '.', '?', '!' or an ellipsis ("...", "…",
//     ". . ."), with any closing quotes and brackets right after it, when
//     whitespace and then something other than a lower-case word follows
//     ("She said no." ends; "Yahoo! in" and `"Great." she said` do not).
//     A period glued to the next sentence ("world.Today") ends one too,
//     unless it is inside an e-mail address, a URL, a number or a file
//     name. Emoji right after the stop stay with its sentence.
//   - A period after an abbreviation usually does not end a sentence.
//     Titles before a name ("Mr.", "Dr.", "Brig. Gen.") never do when a
//     capitalised word follows; other abbreviations ("Co.", "Jr.", "St.",
//     "Oct.", "U.S.", "a.m.") end a sentence only when the next word is
//     one that typically opens a sentence ("The", "It", "How", ...), so
//     "U.S. Government" is one sentence and "in the U.S. How about you?"
//     two. A number after an abbreviation or a single letter ("Oct. 17",
//     "No. 2", "p. 55") never opens a sentence; a period after a number
//     ("since Oct. 17. The") ends one. A single capital letter is an
//     initial ("J. R. R. Tolkien", "Albert I. Jones") unless a typical
//     opener follows ("you and I. Did ..."). "At 5 a.m. Mr. Smith went"
//     is one sentence, "at 6 P.M. Mr. Smith then went" two: a short time
//     phrase opening a sentence does not end it.
//   - Line breaks: a blank line always ends a sentence (so does a headline
//     without a final period); a single line break ends one too, except
//     after an abbreviation ("Mr.") or when the next line starts in lower
//     case and holds a stop of its own (a line wrapped mid-sentence).
//   - Lists: a sentence that opens with an item marker ("1.", "2.)", "a)")
//     or a bullet ("•", "⁃") ends before the next item of the same list,
//     even without a period.
//   - A dateline ("WASHINGTON (Reuters) -", "NEW DELHI -") is a sentence of
//     its own, as in the Universal Dependencies treebanks; so is a URL
//     standing alone in a list of links.
//
// Known limits: an abbreviation that can end a sentence, followed by a
// capitalised word that is not a typical opener, is read as mid-sentence
// ("sanctions imposed by the U.S. Washington says ..." stays one
// sentence); headings run into the next sentence with no line break
// between them are not found. Accuracy and speed figures are in the
// README. Sentences is safe for concurrent use.
func Sentences(text string) []Span {
	return appendSentences(make([]Span, 0, len(text)/120+1), text)
}

// appendSentences appends the sentences of text to dst, for callers that
// reuse one slice from text to text.
func appendSentences(dst []Span, text string) []Span {
	s := splitter{text: text, quietEnd: -1, spans: dst}
	s.run()
	return s.spans
}

// Sentences returns the sentences of each paragraph of a, as spans into
// that paragraph: a.Paragraphs[i][span.Start:span.End] for every span in
// the i-th list. See [Sentences] for the rules.
func (a Article) Sentences() [][]Span {
	out := make([][]Span, len(a.Paragraphs))
	for i, p := range a.Paragraphs {
		out[i] = Sentences(p)
	}
	return out
}

// lookBehind and lookAhead bound how far a decision may look at the words
// around a candidate boundary, so that the work per byte stays constant
// whatever the input (a 10 MB "word" of dots included).
const (
	lookBehind = 40
	lookAhead  = 40
)

// byte classes for the main loop.
const (
	clsOther = iota
	clsStop  // '.', '?', '!'
	clsNewline
	clsE2    // first byte of '…'
	clsBlank // ' ' or '\t': only interesting inside a list
	clsColon // ':' of a URL, a smiley, or before a dateline or a lone URL
)

var byteClass = func() (t [256]uint8) {
	t['.'], t['?'], t['!'] = clsStop, clsStop, clsStop
	t['\n'] = clsNewline
	t[0xE2] = clsE2
	t[' '], t['\t'] = clsBlank, clsBlank
	t[':'] = clsColon
	return t
}()

// splitter holds the state of one call to Sentences.
type splitter struct {
	text  string
	spans []Span
	start int // first byte of the sentence being read

	// The list the current sentence is an item of, if it opened with a
	// marker: the marker's number or letter and what closes it, or its
	// bullet. Zero when the sentence is not a list item.
	listNum    int
	listLetter byte
	listClose  string // ".", ".)" or ")"
	bullet     string

	// quietEnd is the end of the last stop that was decided not to end a
	// sentence ("Mr."), so that a line break right after it does not end
	// one either.
	quietEnd int
}

func (s *splitter) run() {
	text := s.text
	n := len(text)
	i := s.begin(0)
	for i < n {
		c := text[i]
		switch byteClass[c] {
		case clsOther:
			i++
		case clsBlank:
			if s.listNum == 0 && s.listLetter == 0 && s.bullet == "" {
				i++
				continue
			}
			i = s.blank(i)
		case clsStop:
			if c == '.' {
				i = s.period(i)
			} else {
				i = s.exclaim(i)
			}
		case clsNewline:
			i = s.newline(i)
		case clsColon:
			i = s.colon(i)
		case clsE2:
			if hasAt(text, i, "…") {
				i = s.ellipsis(i, i+len("…"), 3, false)
			} else {
				i++
			}
		}
	}
	if end := trimRight(text, s.start, n); end > s.start {
		s.spans = append(s.spans, Span{s.start, end})
	}
}

// cut ends the current sentence at end (already trimmed, or trimmed here)
// and starts the next at the first non-space byte at or after next. It
// returns where scanning resumes.
func (s *splitter) cut(end, next int) int {
	end = trimRight(s.text, s.start, end)
	if end > s.start {
		s.spans = append(s.spans, Span{s.start, end})
	}
	return s.begin(next)
}

// begin starts a sentence at the first non-space byte at or after i,
// notes whether it opens a list item or is a dateline, and returns where
// scanning resumes (past the item marker, if any).
func (s *splitter) begin(i int) int {
	for {
		i = skipSpace(s.text, i)
		s.start = i
		s.listNum, s.listLetter, s.listClose, s.bullet = 0, 0, "", ""
		if i >= len(s.text) {
			return i
		}
		if resume, ok := s.opening(i); ok {
			return resume
		}
		end := datelineAt(s.text, i)
		if end == 0 {
			return i
		}
		// The dateline is a sentence of its own; the loop (rather than
		// a call to cut) keeps a run of datelines from recursing.
		s.spans = append(s.spans, Span{i, end})
		i = end
	}
}

// opening notes a bullet or list item marker at the start i of a
// sentence and returns where scanning resumes, past it.
func (s *splitter) opening(i int) (resume int, ok bool) {
	text := s.text
	j := i
	if b := bulletAt(text, j); b != "" {
		j = skipBlanks(text, j+len(b))
		if b != "-" && b != "*" {
			// A dash or star also joins words inside an item ("the
			// talks - which began Monday - ended"), so only the
			// typographic bullets end an item on the same line.
			s.bullet = b
		}
	}
	if s.bullet == "" && j+1 < len(text) && (text[j] == '*' || text[j] == '(') {
		if num, letter, closer, end := markerAt(text, j+1); end > 0 {
			s.listNum, s.listLetter, s.listClose = num, letter, closer
			return end, true
		}
	}
	if num, letter, closer, end := markerAt(text, j); end > 0 {
		s.listNum, s.listLetter, s.listClose = num, letter, closer
		return end, true
	}
	return j, j > i
}

// blank handles a space or tab inside a list item: the next item's marker
// or bullet ends the current item.
func (s *splitter) blank(i int) int {
	text := s.text
	j := skipBlanks(text, i)
	if j >= len(text) {
		return j
	}
	if s.bullet != "" && hasAt(text, j, s.bullet) {
		return s.cut(i, j)
	}
	num, letter, closer, end := markerAt(text, j)
	if end > 0 && closer == s.listClose &&
		((s.listNum > 0 && num == s.listNum+1) || (s.listLetter != 0 && letter == s.listLetter+1)) {
		return s.cut(i, j)
	}
	return j
}

// colon handles a ':' at i: the "://" of a URL, a smiley (":)", ":-)")
// that ends a sentence, or a colon that introduces a dateline or a URL
// standing on its own, which then open sentences of their own.
func (s *splitter) colon(i int) int {
	text := s.text
	if hasAt(text, i, "://") {
		return s.url(i)
	}
	for _, sm := range smileys {
		if hasAt(text, i, sm) {
			j := i + len(sm)
			if j < len(text) && spaceAt(text, j) > 0 {
				next := skipSpace(text, j)
				if k := s.nextKind(next); k == kindUpper || k == kindOther || k == kindDigit {
					return s.cut(j, next)
				}
			}
			return j
		}
	}
	j := i + 1
	if j >= len(text) || spaceAt(text, j) == 0 || i == s.start {
		return j
	}
	next := skipSpace(text, j)
	if next >= len(text) {
		return j
	}
	if datelineAt(text, next) > 0 {
		return s.cut(j, next)
	}
	// A numbered list after a colon: its first item opens a sentence.
	m := next
	if text[m] == '*' {
		m++
	}
	if num, _, _, end := markerAt(text, m); end > 0 && num == 1 {
		return s.cut(j, next)
	}
	if hasAt(text, next, "http://") || hasAt(text, next, "https://") {
		e := tokenEnd(text, next)
		if c := text[e-1]; c != '.' && c != '?' && c != '!' && c != ',' && c != ';' {
			return s.cut(j, next)
		}
	}
	return j
}

var smileys = []string{":-)", ":)", ":-(", ":(", ":-D", ":D"}

// url handles a URL whose "://" is at i. Its dots are not stops; a URL
// followed by a capitalised word (or another URL) with no stop between
// ends a sentence, as in lists of links.
func (s *splitter) url(i int) int {
	text := s.text
	e := tokenEnd(text, i)
	k := e
	for k > i && closerAt(text, k-1) > 0 {
		k--
	}
	for k > i && (text[k-1] == '.' || text[k-1] == '?' || text[k-1] == '!' || text[k-1] == ',' || text[k-1] == ';' || text[k-1] == ':') {
		k--
	}
	if k < e {
		// A stop at the end of the URL is handled as any other.
		return k
	}
	if e >= len(text) {
		return e
	}
	next := skipSpace(text, e)
	if next < len(text) && text[next] != '\n' {
		if kind, _ := s.nextWord(next); kind == kindUpper || kind == kindOther {
			if text[e] != '\n' {
				return s.cut(e, next)
			}
		}
	}
	return e
}

// exclaim handles '?' and '!' (and any run of stops they start).
func (s *splitter) exclaim(i int) int {
	text := s.text
	j := i
	for j < len(text) && (text[j] == '?' || text[j] == '!' || text[j] == '.') {
		j++
	}
	end, next, ok := s.closeAndSpace(j)
	if !ok {
		return j
	}
	kind, at := s.nextWord(next)
	if kind == kindEmoji {
		return s.emojiTail(at)
	}
	if kind == kindLower || kind == kindEnd || kind == kindPunct {
		s.quietEnd = end
		return end
	}
	return s.cut(end, next)
}

// closeAndSpace skips closing quotes and brackets after a stop at j and
// reports the end of the would-be sentence and where the next one would
// start; ok is false when no whitespace (or end of text) follows, so the
// stop is inside a token ("Jr.'s", "3.5", "Yahoo!News").
func (s *splitter) closeAndSpace(j int) (end, next int, ok bool) {
	text := s.text
	for j < len(text) {
		w := closerAt(text, j)
		if w == 0 {
			break
		}
		j += w
	}
	if j >= len(text) {
		return j, j, true
	}
	if spaceAt(text, j) == 0 {
		return j, j, false
	}
	return j, skipSpace(text, j), true
}

// Kinds of the word after a candidate boundary.
const (
	kindEnd   = iota // end of text
	kindLower        // starts with a lower-case letter
	kindUpper        // starts with an upper-case letter
	kindDigit        // starts with a digit
	kindOther        // anything else: a symbol, an emoji, a URL
	kindPunct        // punctuation that cannot open a sentence: ". , ; : ? ! ) ] }"
	kindEmoji        // an emoji or other symbol: it closes the sentence before it
)

// nextKind classifies the word starting at i (which is not a space),
// looking past opening quotes and brackets.
func (s *splitter) nextKind(i int) int {
	k, _ := s.nextWord(i)
	return k
}

// nextWord is nextKind that also returns where the word's letters start.
func (s *splitter) nextWord(i int) (kind, at int) {
	text := s.text
	if blankBefore(text, i) {
		// Nothing looks across a paragraph break: the text before it
		// splits the same whatever follows.
		return kindEnd, i
	}
	start := i
	for n := 0; i < len(text) && n < 4; n++ {
		w := openerAt(text, i)
		if w == 0 {
			break
		}
		i += w
	}
	if i >= len(text) {
		return kindEnd, i
	}
	if text[i] == ' ' && i > start && i+1 < len(text) && text[i+1] != ' ' && spaceAt(text, i+1) == 0 {
		i++ // "( Click here )"
	}
	if spaceAt(text, i) > 0 {
		// A lone quote or bracket: nothing to open.
		return kindPunct, i
	}
	if hasAt(text, i, "..") || hasAt(text, i, "…") {
		// An ellipsis opening a sentence: "... Specifically, ..."
		return kindOther, i
	}
	c := text[i]
	switch {
	case 'a' <= c && c <= 'z':
		if hasAt(text, i, "http") || hasAt(text, i, "www.") {
			return kindOther, i
		}
		return kindLower, i
	case 'A' <= c && c <= 'Z':
		return kindUpper, i
	case '0' <= c && c <= '9':
		return kindDigit, i
	case c < utf8.RuneSelf:
		switch c {
		case '.', ',', ';', ':', '?', '!', ')', ']', '}':
			return kindPunct, i
		}
		return kindOther, i
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	switch {
	case unicode.IsLower(r):
		return kindLower, i
	case unicode.IsUpper(r) || unicode.IsLetter(r):
		return kindUpper, i
	case unicode.IsDigit(r):
		return kindDigit, i
	case isEmojiRune(r):
		return kindEmoji, i
	}
	return kindOther, i
}

// period handles a '.' at i: an ellipsis, a period glued to the next word,
// or a period before whitespace whose word decides whether it ends the
// sentence.
func (s *splitter) period(i int) int {
	text := s.text
	n := len(text)
	// Glued run of dots: "..", "...", "....".
	j := i + 1
	for j < n && text[j] == '.' {
		j++
	}
	if j-i >= 2 {
		for hasAt(text, j, "…") {
			j += len("…")
		}
		return s.ellipsis(i, j, j-i, false)
	}
	if hasAt(text, j, "…") {
		return s.ellipsis(i, j+len("…"), 4, false)
	}
	// Spaced ellipsis ". . ." starting here.
	if dots, end := spacedDots(text, i); dots >= 3 {
		return s.ellipsis(i, end, dots, true)
	}
	end, next, ok := s.closeAndSpace(j)
	if !ok {
		if end == j && s.gluedSentence(i) {
			return s.cut(j, j)
		}
		return end
	}
	kind, at := s.nextWord(next)
	if kind == kindEmoji {
		return s.emojiTail(at)
	}
	if kind == kindEnd || kind == kindLower || kind == kindPunct || !s.endsAfterWord(i, kind, at) {
		s.quietEnd = end
		return end
	}
	return s.cut(end, next)
}

// ellipsis handles a run of dots from i to j (dots of them; spaced when
// written ". . ."). An ellipsis ends a sentence only when a capitalised
// word (other than "I") follows; after an opening bracket ("[...]") it
// marks an omission and never does. When a period glued to a word is
// followed by a spaced ellipsis ("compounds. . . . The"), the sentence
// ends at that period and the ellipsis opens the next one.
func (s *splitter) ellipsis(i, j, dots int, spaced bool) int {
	text := s.text
	if i > 0 && (text[i-1] == '[' || text[i-1] == '(') {
		return j
	}
	end, next, ok := s.closeAndSpace(j)
	if !ok {
		return end
	}
	kind, at := s.nextWord(next)
	switch kind {
	case kindEnd, kindLower, kindPunct:
		s.quietEnd = end
		return end
	case kindEmoji:
		return s.emojiTail(at)
	case kindUpper:
		if spaced && dots == 3 && isWordAt(text, at, "I") {
			s.quietEnd = end
			return end
		}
	}
	if spaced && dots >= 4 && i > s.start && spaceAt(text, i-1) == 0 && spaceBefore(text, i) == 0 {
		s.cut(i+1, i+1)
		return j
	}
	return s.cut(end, next)
}

// emojiTail handles emoji right after a stop ("Great news! 🎉 See you"):
// they belong to the sentence the stop ends, which ends after them when a
// new sentence follows.
func (s *splitter) emojiTail(at int) int {
	text := s.text
	e := at
	for e < len(text) {
		r, w := utf8.DecodeRuneInString(text[e:])
		if !isEmojiRune(r) && !unicode.Is(unicode.Mn, r) && r != '\u200d' {
			break
		}
		e += w
	}
	if e >= len(text) || spaceAt(text, e) == 0 {
		return e
	}
	next := skipSpace(text, e)
	if next >= len(text) {
		return next
	}
	if k := s.nextKind(next); k == kindLower || k == kindPunct || k == kindEnd {
		return e
	}
	return s.cut(e, next)
}

// newline handles a '\n' at i inside a sentence.
func (s *splitter) newline(i int) int {
	text := s.text
	j := i + 1
	breaks := 1
	for j < len(text) {
		if text[j] == '\n' {
			breaks++
			j++
			continue
		}
		w := spaceAt(text, j)
		if w == 0 {
			break
		}
		j += w
	}
	if j >= len(text) {
		return j
	}
	if breaks >= 2 {
		return s.cut(i, j)
	}
	// A single line break: a stop just before it that did not end the
	// sentence ("Mr.") keeps it going; so does a wrapped line.
	if trimRight(text, s.start, i) == s.quietEnd {
		return j
	}
	if kind, _ := s.nextWord(j); kind == kindLower && lineHasStop(text, j) {
		return j
	}
	return s.cut(i, j)
}

// gluedSentence reports whether the '.' at i, with no space after it,
// nevertheless ends a sentence: "world.Today is", "1,000.That is". The
// word before must be plain (no dots, '@', '/' or ':', not an
// abbreviation) and end in a lower-case letter or digit; the word after
// must be a capitalised word with no dots, '@' or '/' inside it.
func (s *splitter) gluedSentence(i int) bool {
	text := s.text
	if i+2 >= len(text) || i == 0 {
		return false
	}
	p := text[i-1]
	if !('a' <= p && p <= 'z' || '0' <= p && p <= '9') {
		return false
	}
	if c := text[i+1]; !('A' <= c && c <= 'Z') || !('a' <= text[i+2] && text[i+2] <= 'z') {
		return false
	}
	ws := wordStart(text, s.start, i)
	if ws < 0 || i-ws < 2 {
		return false
	}
	for k := ws; k < i; k++ {
		switch text[k] {
		case '.', '@', '/', ':':
			return false
		}
	}
	if abbrev.ClassOf(text[ws:i]) != 0 {
		return false
	}
	for k := i + 1; k < len(text) && k < i+1+lookAhead; k++ {
		c := text[k]
		if spaceAt(text, k) > 0 {
			return true
		}
		switch c {
		case '@', '/', ':':
			return false
		case '.', '?', '!':
			return k+1 >= len(text) || spaceAt(text, k+1) > 0 || closerAt(text, k+1) > 0
		}
	}
	// The text ended: as if whitespace followed, unless the word was
	// already too long to judge (so that the answer does not change when
	// more text follows).
	return len(text) < i+1+lookAhead
}

// endsAfterWord decides whether the '.' at i, followed by whitespace and a
// word of the given kind starting at at, ends the sentence, from the word
// the period closes.
func (s *splitter) endsAfterWord(i, kind, at int) bool {
	text := s.text
	if i == s.start {
		return true
	}
	p := text[i-1]
	switch {
	case '0' <= p && p <= '9':
		// "$100.00. It", "Oct. 17. The": a number ends a sentence.
		return true
	case !isLetterBefore(text, i):
		// ")." or "\"." or "%.": no abbreviation.
		return true
	}
	ws := wordStart(text, s.start, i)
	if ws < 0 {
		return kind != kindDigit
	}
	word := text[ws:i]
	if len(word) > 0 && word[len(word)-1] == '.' {
		return true
	}
	class := abbrev.ClassOf(word)
	dotted := abbrev.IsDotted(word)
	single := utf8.RuneCountInString(word) == 1
	if kind == kindDigit {
		// A number after an abbreviation or a letter ("No. 2", "p. 55",
		// "Jan. 20") continues the sentence; after a plain word it opens
		// a new one, unless it is an item marker of the running list.
		return class == 0 && !dotted && !single
	}
	switch {
	case class == abbrev.Title:
		return false
	case class == abbrev.Numeric:
		return true
	case dotted && isAmPm(word):
		return !s.timeIntro(ws) && !isTimeFollower(text, at)
	case single:
		r, _ := utf8.DecodeRuneInString(word)
		if !unicode.IsUpper(r) {
			return false
		}
		// An initial ("George W. Bush"), unless the next word is one
		// that opens sentences ("you and I. Did").
		return kind == kindUpper && isStarter(text, at) && !isWordAt(text, at, "A") && !isWordAt(text, at, "I")
	case class != 0 || dotted:
		return kind == kindUpper && isStarter(text, at)
	}
	return true
}

// timeIntro reports whether the sentence so far is only a short time
// phrase such as "At 5 a.m." (its "a.m." starting at ws), after which a
// capitalised word continues the sentence.
func (s *splitter) timeIntro(ws int) bool {
	if ws-s.start > 16 {
		return false
	}
	words := 0
	for k := s.start; k < ws; k++ {
		if s.text[k] == ' ' {
			words++
		}
	}
	return words <= 3
}
