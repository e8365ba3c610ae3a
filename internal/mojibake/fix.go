// Package mojibake repairs mojibake: UTF-8 text that was read in a
// single-byte code page (Windows-1252, Windows-1251, MacRoman, Windows-1250,
// ISO-8859-2, Windows-1257, code page 437) and written out again as UTF-8,
// so that "’" became "â€™" and "дороге" "РґРѕСЂРѕРіРµ".
//
// It follows the principle of the best-known fixer of such text, ftfy: for
// each stretch that could be mojibake, try each code page it could have
// been read in, and keep the repair only when the text it gives is clearly
// more plausible, judged by a table of unlikely character sequences (see
// cost.go). Correct text is left alone even when its bytes happen to form
// UTF-8 ("SOCIÉTÉ®" would be "SOCIÉTɮ", "3×£20" "3ף20"): the repair would
// make it less plausible, or no more.
package mojibake

import (
	"encoding/binary"
	"unicode/utf8"
)

// Fixer repairs mojibake in one line of text at a time. Its zero value is
// ready to use. It keeps its buffers from one line to the next, so that
// repair allocates nothing once they have grown.
type Fixer struct {
	lines [2][]byte // the line after each pass, in turn
	enc   []byte    // a run of characters as the bytes of a code page
	src   []int     // where in the line the character of each byte of enc starts, and the run's end
	out   []rune    // the repair of a run
	win   []rune    // a stretch of text for cost
	arena []rune    // the repairs of the candidates, one after the other
	text  []byte    // a repair as UTF-8, to be repaired again
	trial []byte    // the line with one code page's repairs, to be compared with the others'
	cands []candidate
	sc    scorer
	inner *Fixer   // repairs a repair again: mojibake of mojibake
	depth int      // how many repairs this Fixer's input is inside of
	outer codePage // the code page of the repair this Fixer's input is, when depth > 0
}

// A candidate is the repair of one run of characters in one code page.
type candidate struct {
	cp            codePage
	start, end    int  // the bytes of the line it replaces
	from, to      int  // its text, in arena
	before, after int  // the cost of its stretch before and after
	bare, repair  int  // the cost of the run alone before and after
	whole         bool // every character of the run is part of a repaired sequence (or a space left as it was)
	signs         bool // the run holds a character that is no letter
	keep          bool
}

const (
	// minCost is the cost a stretch must have for any repair of it: a
	// stretch of real text costs 0 or 1.
	minCost = 2
	// margin is how much a repair must lower the cost of its stretch.
	margin = 2
	// context is how many characters on either side of a run its stretch
	// takes in.
	context = 2
	// maxDepth bounds the repair of a repair (layers of mojibake).
	maxDepth = 3
	// maxPasses bounds the passes over a line; a line that still changes
	// after them is left as it came, so that repair is idempotent.
	maxPasses = 6
)

// Fix returns s, a line of valid UTF-8, with its mojibake repaired. The
// result is s itself when nothing is repaired, and otherwise one of the
// Fixer's buffers, valid until the next call.
//
// A line is repaired run by run: a run is a stretch of characters that
// one code page has, and its repair is the UTF-8 its bytes form, where they
// form it; what does not decode stays as it was. A repair is kept when the
// cost of the run and two characters either side of it is at least
// minCost and falls by margin or more (and, where only part of the run
// decodes, what is left looks like text). When every character of the
// line that is not ASCII is part of a repaired sequence in one code page,
// as in a line that was mojibake through and through, its other runs are
// repaired too unless that makes them costlier, so that a line is repaired
// consistently. The code page whose repairs leave the line least costly
// wins a pass (see pass); passes go on while they change something (a
// line may mix code pages), and each repair is itself repaired again, for
// text garbled twice or more. A lead byte whose continuation was lost
// becomes one U+FFFD (see lossy and decodeRun).
//
// C1 controls left once nothing more is repaired are read as the
// Windows-1252 characters of the same bytes: text that was Windows-1252 read
// as ISO-8859-1, where U+0085 is "…" and U+0092 "’". The five bytes
// Windows-1252 leaves undefined stay controls.
func (f *Fixer) Fix(s []byte) []byte {
	if !Suspect(s) {
		return s
	}
	return f.fix(s)
}

func (f *Fixer) fix(s []byte) []byte {
	cur := s
	for pass := 0; ; pass++ {
		if pass == maxPasses {
			return s
		}
		next, changed := f.pass(cur, pass)
		if !changed && f.depth == 0 {
			// Not inside a repair, where a control may be the middle
			// layer of mojibake of mojibake and must count as what it is.
			next, changed = f.windows1252(cur, pass)
		}
		if !changed {
			return cur
		}
		cur = next
	}
}

// pass applies one pass of repair to s: the repairs of the code page
// that leave the line least costly, preferring a code page in which the
// whole line is repaired where two leave it as costly ("‚Ä¶" is "…" in
// MacRoman, and "‚Ķ" in Windows-1252); n numbers the pass.
func (f *Fixer) pass(s []byte, n int) ([]byte, bool) {
	f.cands = f.cands[:0]
	f.arena = f.arena[:0]
	found, bestCost, bestWhole := false, f.lineCost(s), false
	for c := codePage(0); c < numCodePages; c++ {
		first := len(f.cands)
		whole := f.collect(s, c)
		if !f.choose(f.cands[first:], c, whole) {
			continue
		}
		f.trial = f.apply(f.trial[:0], s, f.cands[first:])
		cost := f.lineCost(f.trial)
		// A code page that repairs the line whole wins against one that
		// repairs part of it at one more cost: a line read whole in one
		// code page is strong evidence of it ("‚Ä†" is MacRoman for
		// "†", not the "‚Ć" Windows-1250 would make of part of it).
		bonus := 0
		if found && whole && !bestWhole {
			bonus = 1
		} else if found && bestWhole && !whole {
			bonus = -1
		}
		better := cost < bestCost+bonus || found && cost == bestCost+bonus && whole && !bestWhole
		if !found && cost == bestCost && whole && f.depth > 0 && c == f.outer {
			better = true // mojibake of mojibake (see choose), which chose only then
		}
		if better {
			found, bestCost, bestWhole = true, cost, whole
			f.lines[n%2], f.trial = f.trial, f.lines[n%2]
		}
	}
	if !found {
		return s, false
	}
	return f.lines[n%2], true
}

// apply appends to dst the line s with the kept candidates in cands
// repaired.
func (f *Fixer) apply(dst, s []byte, cands []candidate) []byte {
	at := 0
	for _, cd := range cands {
		if !cd.keep {
			continue
		}
		dst = append(dst, s[at:cd.start]...)
		for _, r := range f.arena[cd.from:cd.to] {
			dst = utf8.AppendRune(dst, r)
		}
		at = cd.end
	}
	return append(dst, s[at:]...)
}

// lineCost returns the cost of the whole line s.
func (f *Fixer) lineCost(s []byte) int {
	f.win = appendRunes(f.win[:0], s)
	return f.sc.cost(f.win)
}

// choose marks the candidates of one code page to keep and reports
// whether it kept any. whole says that every character of the line that is
// not ASCII is part of a repaired sequence.
func (f *Fixer) choose(cands []candidate, c codePage, whole bool) bool {
	clear := false
	for i := range cands {
		cd := &cands[i]
		// A repair of part of a run must leave plausible text: one that
		// leaves much of the run looking like mojibake took a fragment
		// of something else for UTF-8 ("â€ÿ™", with a byte inserted
		// into "’", is not "â€ت").
		if cd.before >= minCost && cd.before-cd.after >= margin && (cd.whole || cd.after < minCost || 2*cd.after <= cd.before) {
			cd.keep = true
			clear = true
		}
	}
	// Inside a repair, a line that decodes whole in the code page of the
	// repair is mojibake of mojibake unless its repair makes it
	// costlier: "Ã¡Â»Â…" is "á»…", which is "ễ". In another code page it
	// is not ("’é" is MacRoman for "Վ"), nor where the line is letters
	// only ("дії" is Windows-1251 for "䳿"): real text is that too.
	if whole && f.depth > 0 && c == f.outer {
		for _, cd := range cands {
			clear = clear || cd.signs
		}
	}
	if clear && whole {
		// A line repaired through and through: a run is repaired unless
		// that makes it costlier, counted with its neighbours (which may
		// be mojibake themselves, or a "%s" before a word) or alone by
		// more than a rare letter (IPA in a line of mojibake: "Ê”" is
		// "ʔ").
		for i := range cands {
			if cd := &cands[i]; cd.before >= cd.after || cd.bare+costRare >= cd.repair {
				cd.keep = true
			}
		}
	}
	return clear
}

// collect appends to f.cands the repairs of the runs of s in code page c
// and reports whether every character of s that is not ASCII is part of a
// repaired sequence.
//
// A line that has both C1 controls (other than those of the five bytes
// Windows-1252 leaves undefined) and the characters Windows-1252 has for
// other such bytes is not taken as whole in Windows-1252: it was read as
// ISO-8859-1 or as Windows-1252, not both, and another code page that has
// the C1 controls (ISO-8859-2) may read it whole.
func (f *Fixer) collect(s []byte, c codePage) bool {
	bit := uint8(1) << c
	whole := true
	var c1, own bool // Windows-1252: the line has C1 controls; it has its characters for 0x80 to 0x9F
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		start := i
		f.enc, f.src = f.enc[:0], f.src[:0]
		spaceAfter := false // the last character may be followed by a space that stands for 0xA0
		for i < len(s) {
			if s[i] == ' ' && spaceAfter && i+1 < len(s) && s[i+1] != ' ' {
				f.enc = append(f.enc, 0xA0)
				f.src = append(f.src, i)
				i++
				spaceAfter = false
				continue
			}
			if s[i] < utf8.RuneSelf {
				break
			}
			r, size := utf8.DecodeRune(s[i:])
			info := infoOf(r)
			if info == nil || info.roles.field(imageShift)&bit == 0 {
				break
			}
			f.enc = append(f.enc, info.bytes[c])
			f.src = append(f.src, i)
			if b := info.bytes[c]; c == cp1252 && b < 0xA0 {
				switch {
				case r >= 0xA0:
					own = true
				case highChars[cp1252][b-0x80] != r:
					c1 = true // not one of the five undefined bytes
				}
			}
			spaceAfter = info.roles.field(spaceShift)&bit != 0
			i += size
		}
		if i == start {
			// A character the code page does not have.
			_, size := utf8.DecodeRune(s[i:])
			i += size
			whole = false
			continue
		}
		f.src = append(f.src, i)
		decoded, full := f.decodeRun(s, c)
		if !full {
			whole = false
		}
		if !decoded {
			continue
		}
		end := i
		if f.enc[len(f.enc)-1] == 0xA0 && s[end-1] == ' ' && f.out[len(f.out)-1] == ' ' {
			end-- // a trailing space left as it was is not part of the run
			f.out = f.out[:len(f.out)-1]
		}
		f.addCandidate(s, c, start, end, full)
	}
	return whole && !(c1 && own)
}

// decodeRun sets f.out to the repair of the run in f.enc, in code page c:
// the characters its sequences of UTF-8 encode, and the run's own
// characters where its bytes are not UTF-8. It reports whether any
// sequence was decoded and whether every byte was part of one.
//
// In Windows-1252, a lead byte of a two-byte sequence next to a decoded
// sequence, with no continuation byte after it, lost its continuation on
// the way (one of the five bytes Windows-1252 leaves undefined, dropped
// by a strict decoder: "ÑÑ" in "ÑƒÑÑÐºÐ¸Ð¹" was "с" twice): it becomes
// one U+FFFD.
func (f *Fixer) decodeRun(s []byte, c codePage) (decoded, full bool) {
	enc := f.enc
	f.out = f.out[:0]
	full = true
	after := false // the last byte ended a decoded sequence
	for k := 0; k < len(enc); {
		if n := seqLen(enc[k]); n > 0 && k+n <= len(enc) {
			r, size := utf8.DecodeRune(enc[k : k+n])
			if size == n && r != utf8.RuneError {
				f.out = append(f.out, r)
				if r == 'à' && s[f.src[k+1]] == ' ' && keepsSpace(s[f.src[k+1]+1:]) {
					f.out = append(f.out, ' ')
				}
				decoded, after = true, true
				k += n
				continue
			}
			if lost, ok := lossy(enc[k : k+n]); ok {
				if lost == '”' && !endsQuote(s, f.src[k], f.src[k+n]) {
					lost = utf8.RuneError
				}
				f.out = append(f.out, lost)
				decoded, after = true, true
				k += n
				continue
			}
		}
		if c == cp1252 && k+2 == len(enc) && enc[k] == 0xE2 && enc[k+1] == 0x80 {
			// "â€" at the end of a run: "”" whose last byte, 9D, was
			// dropped (see lossy).
			lost := '”'
			if !endsQuote(s, f.src[k], f.src[k+2]) {
				lost = utf8.RuneError
			}
			f.out = append(f.out, lost)
			decoded, after = true, true
			k += 2
			continue
		}
		if c == cp1252 && seqLen(enc[k]) == 2 && (after || startsSeq(enc[k+1:])) && (k+1 == len(enc) || seqLen(enc[k+1]) > 0) {
			f.out = append(f.out, utf8.RuneError)
			decoded, after = true, true
			k++
			continue
		}
		after = false
		at := f.src[k]
		if s[at] == ' ' {
			f.out = append(f.out, ' ') // a space taken for 0xA0 that was not
		} else {
			r, _ := utf8.DecodeRune(s[at:])
			f.out = append(f.out, r)
			full = false
		}
		k++
	}
	return decoded, full
}

// startsSeq reports whether p starts with a valid multi-byte sequence of
// UTF-8.
func startsSeq(p []byte) bool {
	if len(p) == 0 || seqLen(p[0]) == 0 {
		return false
	}
	r, size := utf8.DecodeRune(p)
	return size > 1 && r != utf8.RuneError
}

// seqLen returns the length of the UTF-8 sequence lead byte b starts, or 0.
func seqLen(b byte) int {
	switch {
	case 0xC2 <= b && b <= 0xDF:
		return 2
	case 0xE0 <= b && b <= 0xEF:
		return 3
	case 0xF0 <= b && b <= 0xF4:
		return 4
	}
	return 0
}

// lossy reports whether seq, a lead byte and what follows it, is a
// sequence of UTF-8 with one or more continuation bytes lost on the way
// (lostByte, a U+FFFD in the text), and returns what to put in its place:
// "”" for E2 80 and a lost byte, the one character of U+2000 to U+203F
// that Windows-1252 cannot show the last byte of and text often holds
// (the others are a space, joiners and marks of direction), and U+FFFD,
// one for the whole sequence, otherwise.
func lossy(seq []byte) (rune, bool) {
	var buf [utf8.UTFMax]byte
	lost := 0
	for i, b := range seq {
		buf[i] = b
		if i > 0 && b == lostByte {
			lost++
			buf[i] = 0x80
			if i == 1 { // a second byte that makes the sequence valid
				switch seq[0] {
				case 0xE0:
					buf[i] = 0xA0
				case 0xF0:
					buf[i] = 0x90
				}
			}
		}
	}
	if lost == 0 || lost == len(seq)-1 && len(seq) > 2 {
		return 0, false // nothing lost, or nothing left to tell it was UTF-8
	}
	if r, size := utf8.DecodeRune(buf[:len(seq)]); r == utf8.RuneError || size != len(seq) {
		return 0, false
	}
	if len(seq) == 3 && seq[0] == 0xE2 && seq[1] == 0x80 && seq[2] == lostByte {
		return '”', true
	}
	return utf8.RuneError, true
}

// endsQuote reports whether the run s[start:end] stands at the end of a
// word: after something that is not a space and before what is not a
// letter or digit. That is where a lost "”" stands.
func endsQuote(s []byte, start, end int) bool {
	if start == 0 || s[start-1] == ' ' {
		return false
	}
	if end == len(s) {
		return true
	}
	r, _ := utf8.DecodeRune(s[end:])
	k := charClass(r)
	return !isLetter(k) && k != cDigit
}

// keepsSpace reports whether the space after an "à" that was taken for
// its 0xA0 byte was a space too: when the text went on with a word ("à
// nos"), a scraper turned "à" and a space into "Ã" and one space. It was
// not when a single letter follows, the Portuguese contraction "às".
func keepsSpace(rest []byte) bool {
	if len(rest) == 0 {
		return false
	}
	r, size := utf8.DecodeRune(rest)
	if !isLetter(charClass(r)) {
		return true
	}
	if size == len(rest) {
		return false
	}
	next, _ := utf8.DecodeRune(rest[size:])
	return isLetter(charClass(next))
}

// addCandidate appends the repair in f.out of the run s[start:end] to the
// candidates, with the cost of its stretch before and after. The repair is
// repaired again, for mojibake of mojibake, unless that raises the cost of
// the stretch: the inner Fixer judges the repair alone, without the text
// around it ("Ó…" alone may be "Ӆ", but not after "KAPCSOL").
func (f *Fixer) addCandidate(s []byte, c codePage, start, end int, whole bool) {
	from := len(f.arena)
	f.arena = append(f.arena, f.out...)
	cd := candidate{cp: c, start: start, end: end, from: from, to: len(f.arena), whole: whole}
	for i := start; i < end; {
		r, size := utf8.DecodeRune(s[i:end])
		cd.signs = cd.signs || r >= utf8.RuneSelf && !isLetter(charClass(r))
		i += size
	}
	cd.after = f.stretchCost(s, start, end, context, f.arena[from:], true)
	if f.depth < maxDepth {
		if f.inner == nil {
			f.inner = &Fixer{depth: f.depth + 1}
		}
		f.inner.outer = c
		f.text = f.text[:0]
		for _, r := range f.arena[from:] {
			f.text = utf8.AppendRune(f.text, r)
		}
		if again := f.inner.Fix(f.text); string(again) != string(f.text) {
			f.arena = appendRunes(f.arena[:cd.to], again)
			if after := f.stretchCost(s, start, end, context, f.arena[cd.to:], true); after <= cd.after {
				n := copy(f.arena[from:], f.arena[cd.to:])
				cd.to = from + n
				cd.after = after
			}
			f.arena = f.arena[:cd.to]
		}
	}
	cd.before = f.stretchCost(s, start, end, context, nil, false)
	cd.bare = f.stretchCost(s, start, end, 0, nil, false)
	cd.repair = f.stretchCost(s, start, end, 0, f.arena[from:cd.to], true)
	f.cands = append(f.cands, cd)
}

// stretchCost returns the cost of s[start:end] and ctx characters either
// side of it, with mid in its place when replaced is set.
func (f *Fixer) stretchCost(s []byte, start, end, ctx int, mid []rune, replaced bool) int {
	w := f.win[:0]
	b := start
	for k := 0; k < ctx && b > 0; k++ {
		_, size := utf8.DecodeLastRune(s[:b])
		b -= size
	}
	w = appendRunes(w, s[b:start])
	if replaced {
		w = append(w, mid...)
	} else {
		w = appendRunes(w, s[start:end])
	}
	e := end
	for k := 0; k < ctx && e < len(s); k++ {
		_, size := utf8.DecodeRune(s[e:])
		e += size
	}
	w = appendRunes(w, s[end:e])
	f.win = w
	return f.sc.cost(w)
}

// appendRunes appends the characters of the UTF-8 text s to w.
func appendRunes(w []rune, s []byte) []rune {
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(s[i:])
		}
		w = append(w, r)
		i += size
	}
	return w
}

// windows1252 replaces the C1 controls of s by the Windows-1252 characters
// of the same bytes (see Fix) and reports whether there was any.
func (f *Fixer) windows1252(s []byte, n int) ([]byte, bool) {
	out := f.lines[n%2][:0]
	changed := false
	for i := 0; i < len(s); {
		if s[i] == 0xC2 && i+1 < len(s) && 0x80 <= s[i+1] && s[i+1] < 0xA0 {
			if r := highChars[cp1252][s[i+1]-0x80]; r != rune(s[i+1]) {
				if !changed {
					out = append(out, s[:i]...)
					changed = true
				}
				out = utf8.AppendRune(out, r)
				i += 2
				continue
			}
		}
		if changed {
			out = append(out, s[i])
		}
		i++
	}
	if !changed {
		return s, false
	}
	f.lines[n%2] = out
	return out, true
}

// Suspect reports whether s may hold mojibake that Fix repairs: a C1
// control, or a character that stands for a lead byte of UTF-8 in some
// code page followed by characters that stand for the continuation bytes
// of its sequence in the same code page (see Starts). Text without either
// is left as it is by Fix, so that a caller may skip it.
func Suspect(s []byte) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			// ASCII starts nothing: skip it eight bytes at a time.
			for i+8 <= len(s) && binary.LittleEndian.Uint64(s[i:])&0x8080808080808080 == 0 {
				i += 8
			}
			if i < len(s) && s[i] < utf8.RuneSelf {
				i++
			}
			continue
		}
		r, size := utf8.DecodeRune(s[i:])
		if Starts(r, s[i+size:]) {
			return true
		}
		i += size
	}
	return false
}

// Starts reports whether the character r, followed by the text rest, may
// start mojibake that Fix repairs: r is a C1 control, or it stands for a
// lead byte of UTF-8 in some code page and the characters after it stand
// for the continuation bytes of its sequence in that code page (a space
// may stand for 0xA0 after some leads, a U+FFFD for a lost byte). It is
// the test of a fast path: most characters of real text start nothing,
// and for those it is a table look-up.
func Starts(r rune, rest []byte) bool {
	if r < 0xA0 {
		return r >= 0x80
	}
	if len(rest) == 0 || rest[0] < utf8.RuneSelf && rest[0] != ' ' {
		return false // every continuation stands for a character that is not ASCII
	}
	ro := rolesOf(r)
	for n, shift := 2, lead2Shift; n <= 4; n, shift = n+1, shift+8 {
		m := ro.field(shift)
		if m == 0 {
			continue
		}
		p := rest
		for k := 1; k < n && m != 0; k++ {
			if len(p) == 0 {
				m = 0
				break
			}
			if p[0] < utf8.RuneSelf {
				if p[0] == ' ' && k == 1 && n == 2 {
					m &= ro.field(spaceShift)
					p = p[1:]
					continue
				}
				m = 0
				break
			}
			next, size := utf8.DecodeRune(p)
			m &= rolesOf(next).field(contShift)
			p = p[size:]
		}
		if m != 0 {
			return true
		}
	}
	return false
}
