package pagemeta

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The functions of this file are the package's entry points, and the
// helpers their fast paths changed, as they were before the fast paths
// (prefilters, early exits, eight bytes at a time, Find's lines below the
// window read only when needed) were written: verbatim but for their
// names, so that equivalence_test.go can check that the fast paths return
// exactly what the plain parsers do. They call the unchanged parsers
// underneath (readName, nextStamp, ...); skipSpace and trimSpace, which
// those share, are checked against their copies here byte for byte.

func findRef(lines []string, headline int) Meta {
	m := Meta{AuthorsLine: -1, PublishedLine: -1}
	h := headline
	if h < 0 {
		h = 0
	}
	lo, hi := clamp(h-before, len(lines)), clamp(h+after, len(lines))
	if headline < 0 {
		lo, hi = 0, clamp(topLines, len(lines))
	}
	for i := lo; i < hi; i++ {
		a, ok := bylineRef(lines[i])
		if !ok && isByWordRef(lines[i]) {
			if j := nextNonBlank(lines, i+1, hi); j >= 0 {
				a, ok = bylineRef("By " + trimSpaceRef(lines[j]))
			}
		}
		if ok {
			m.Authors, m.AuthorsLine = a, i
			break
		}
	}
	nameLo := h + 1
	if headline < 0 {
		nameLo = 0
	}
	for i := nameLo; i < clamp(h+nameAfter, len(lines)); i++ {
		if m.AuthorsLine >= 0 && i >= m.AuthorsLine {
			break
		}
		if a, ok := nameRef(lines[i]); ok && nearStampRef(lines, i) && !inNameList(lines, i) {
			m.Authors, m.AuthorsLine = a, i
			break
		}
	}

	type cand struct {
		line int
		iso  string
		kind Kind
	}
	var cands [64]cand
	nc := 0
	mhi := clamp(h+markedAfter, len(lines))
	for i := lo; i < mhi && nc < len(cands); i++ {
		iso, kind, ok := dateRef(lines[i])
		if !ok && i == m.AuthorsLine {
			if dm, found := DateIn(lines[i]); found {
				iso, kind, ok = dm.ISO, dm.Kind, true
			}
		}
		if !ok {
			continue
		}
		if i >= hi && kind != KindPublished {
			continue
		}
		if len(iso) == len(LayoutDate) {
			iso = withSplitTime(lines, i, iso)
		}
		cands[nc] = cand{i, iso, kind}
		nc++
	}
	pick := func(ok func(c cand) bool) bool {
		for _, c := range cands[:nc] {
			if ok(c) {
				m.Published, m.PublishedKind, m.PublishedLine = c.iso, c.kind, c.line
				return true
			}
		}
		return false
	}
	b := m.AuthorsLine
	nearest := func() bool {
		// The unmarked stamp nearest the byline, the later one on a tie.
		bi, bd := -1, bylineNear+1
		for k, c := range cands[:nc] {
			d := c.line - b
			if d < 0 {
				d = -d
			}
			if c.kind == KindUnknown && (d < bd || d == bd && bi >= 0 && c.line > cands[bi].line) {
				bi, bd = k, d
			}
		}
		if bi < 0 {
			return false
		}
		c := cands[bi]
		m.Published, m.PublishedKind, m.PublishedLine = c.iso, c.kind, c.line
		return true
	}
	// An update stamp beside the byline, or just under the headline, is
	// where the page prints its stamps: an unmarked date far below it is
	// a date in the text ("Written on 10/14/07"), not the article's.
	last := len(lines)
	for _, c := range cands[:nc] {
		if c.kind == KindUpdated && (b >= 0 && c.line-b <= bylineNear && b-c.line <= bylineNear || c.line > h && c.line-h <= bylineNear) {
			last = c.line + bylineNear
			break
		}
	}
	_ = pick(func(c cand) bool { return c.kind == KindPublished && c.line < hi }) ||
		b >= 0 && nearest() ||
		pick(func(c cand) bool { return c.kind == KindUnknown && c.line >= h && c.line <= last }) ||
		pick(func(c cand) bool { return c.kind == KindUnknown && c.line <= last }) ||
		pick(func(c cand) bool { return c.kind == KindPublished }) ||
		pick(func(c cand) bool { return c.kind == KindUpdated })
	return m
}

func isByWordRef(line string) bool {
	s := trimLead(trimSpaceRef(line))
	if len(s) > 0 && s[len(s)-1] == ':' {
		s = s[:len(s)-1]
	}
	return len(s) == 2 && flagsOf(s)&fBy != 0
}

func nearStampRef(lines []string, i int) bool {
	for dir := -1; dir <= 1; dir += 2 {
		seen := 0
		for j := i + dir; j >= 0 && j < len(lines) && seen < nameDateGap; j += dir {
			t := trimSpaceRef(lines[j])
			if t == "" {
				continue
			}
			seen++
			if _, _, ok := dateRef(t); ok || timeStamp(t) {
				return true
			}
		}
	}
	return false
}

func dateRef(line string) (iso string, kind Kind, ok bool) {
	if len(line) > 3*maxDateLine {
		return "", 0, false
	}
	if !hasDigitPairRef(line) {
		return "", 0, false
	}
	s := trimSpaceRef(line)
	if len(s) < 4 || len(s) > maxDateLine || strings.Count(s, " ") > maxDateContent+maxStampWords {
		return "", 0, false
	}
	// Collect the stamps unformatted: most candidate lines fail the
	// content test, and formatting is the only allocation.
	var found [4]DateMatch
	var stamps [4]stamp
	n := 0
	for from := 0; n < len(found); {
		m, st, ok := nextStamp(s, from)
		if !ok {
			break
		}
		found[n], stamps[n] = m, st
		n++
		from = m.End
	}
	if n == 0 || contentWords(s, found[:n]) > maxDateContent {
		return "", 0, false
	}
	best := -1
	for _, want := range [...]Kind{KindPublished, KindUnknown, KindUpdated} {
		for i := 0; i < n; i++ {
			if found[i].Kind == want {
				best = i
				break
			}
		}
		if best >= 0 {
			break
		}
	}
	return stamps[best].iso(), found[best].Kind, true
}

func hasDigitPairRef(s string) bool {
	for i := 1; i < len(s); i++ {
		if isDigit(s[i]) && isDigit(s[i-1]) {
			return true
		}
	}
	return false
}

func bylineRef(line string) (authors []string, ok bool) {
	if len(line) > 3*maxBylineLine {
		return nil, false
	}
	s := trimSpaceRef(line)
	if len(s) < 2 || len(s) > maxBylineLine+8 || !bylineLead(s[0]) || !mayBeBylineRef(s) {
		return nil, false
	}
	s = trimLead(s)
	if len(s) < 2 || len(s) > maxBylineLine || !bylineStart(s[0]) {
		return nil, false
	}
	return parseBylineRef(s, false)
}

func mayBeBylineRef(s string) bool {
	// "Von", "Por", "Par", "Door", "Oleh" open the line.
	if len(s) > 4 {
		switch s[0] | 0x20 {
		case 'v', 'p', 'd', 'o':
			if e := wordEnd(s, 0); e < len(s) && flagsOf(s[:e])&fBy != 0 {
				return true
			}
		}
	}
	if len(s) > preLimit {
		s = s[:preLimit]
	}
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

func nameRef(line string) (names []string, ok bool) {
	if len(line) > 3*maxBylineLine {
		return nil, false
	}
	s := trimLead(trimSpaceRef(line))
	if len(s) < 3 || len(s) > 100 || !upperAt(s, 0) {
		return nil, false
	}
	return parseBylineRef(s, true)
}

func parseBylineRef(s string, bare bool) ([]string, bool) {
	p := 0
	marker := false
	prefixDate := false
	prefixWords := 0
	if !bare {
	prefix:
		for step := 0; step < 10; step++ {
			p = skipSpaceRef(s, p)
			if p >= len(s) {
				break
			}
			if n := sepAt(s, p); n > 0 {
				p += n
				continue
			}
			c := s[p]
			if isDigit(c) {
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
			next := skipSpaceRef(s, e)
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
		r := skipSpaceRef(s, q)
		if r >= len(s) || stop == stopWord || stop == stopOrg {
			break
		}
		r2 := -1
		switch {
		case s[r] == ',':
			r2 = skipSpaceRef(s, r+1)
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
				r = skipSpaceRef(s, k)
				r2 = r
				if r < len(s) && s[r] == ',' {
					r2 = skipSpaceRef(s, r+1)
				} else {
					r2 = -1
					break
				}
			}
			if r2 >= 0 && r2 < len(s) {
				if e := wordEnd(s, r2); flagsOf(s[r2:e])&fJoin != 0 && e > r2 {
					r2 = skipSpaceRef(s, e)
				}
			}
		case s[r] == '&':
			r2 = skipSpaceRef(s, r+1)
		case isLetterAt(s, r) > 0:
			if e := wordEnd(s, r); flagsOf(s[r:e])&fJoin != 0 && lowerAt(s, r) {
				r2 = skipSpaceRef(s, e)
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
			r := skipSpaceRef(s, p)
			e := wordEnd(s, r)
			if e > r && flagsOf(s[r:e])&fNonPerson != 0 {
				if hasPrefixFold(s[r:e], "the") && len(s[r:e]) == 3 {
					r2 := skipSpaceRef(s, e)
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
			r := skipSpaceRef(s, skipSpaceRef(s, q)+1)
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
			r := skipSpaceRef(s, q)
			r += sepAt(s, r)
			r = skipSpaceRef(s, r)
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

func trimSpaceRef(s string) string {
	i := skipSpaceRef(s, 0)
	j := len(s)
	for j > i && (s[j-1] == ' ' || s[j-1] == '\t' || s[j-1] == '\r') {
		j--
	}
	for j > i {
		c := s[j-1]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
				j--
				continue
			}
			break
		}
		r, n := utf8.DecodeLastRuneInString(s[i:j])
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			j -= n
			continue
		}
		break
	}
	return s[i:j]
}

func skipSpaceRef(s string, i int) int {
	// Converters indent with runs of spaces; skip them eight at a time.
	for i+8 <= len(s) && s[i:i+8] == "        " {
		i += 8
	}
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	if i >= len(s) || s[i] < utf8.RuneSelf && s[i] > ' ' {
		return i
	}
	for i < len(s) {
		n := isSpaceAt(s, i)
		if n == 0 {
			break
		}
		i += n
	}
	return i
}

func creditRef(line string) (text, credit string, ok bool) {
	// Cheap test on the raw line: a credit ends in ")" or has a ":" or a
	// "/" near the end.
	j := len(line)
	for j > 0 && (line[j-1] == ' ' || line[j-1] == '\t' || line[j-1] == '\r') {
		j--
	}
	if j < 3 {
		return "", "", false
	}
	if line[j-1] != ')' {
		t := line[max(0, j-maxCreditTail):j]
		if strings.IndexByte(t, ':') < 0 && strings.IndexByte(t, '/') < 0 {
			return "", "", false
		}
	}
	s := trimSpaceRef(line)
	if len(s) < 3 {
		return "", "", false
	}
	if s[len(s)-1] == ')' {
		open := strings.LastIndexByte(s, '(')
		if open >= 0 && len(s)-open <= maxCreditTail+2 {
			inner := trimSpaceRef(s[open+1 : len(s)-1])
			if c, ok := creditBodyRef(inner, true); ok {
				return trimRightSeps(s[:open]), c, true
			}
		}
		return "", "", false
	}
	tail := s
	off := 0
	if len(tail) > maxCreditTail {
		off = len(tail) - maxCreditTail
		tail = tail[off:]
	}
	if strings.IndexByte(tail, ':') < 0 && strings.IndexByte(tail, '/') < 0 {
		return "", "", false
	}
	// "Caption. Photograph: Name/Agency"
	// Look only before the colons of the tail, the last first.
	best := -1
	var bestLabel string
	end := len(tail)
	for tries := 0; tries < 4 && best < 0; tries++ {
		k := strings.LastIndexByte(tail[:end], ':')
		if k < 0 {
			break
		}
		for _, l := range creditLabels {
			if l[len(l)-1] != ':' || k+1 < len(l) {
				continue
			}
			st := k + 1 - len(l)
			if hasPrefixFold(tail[st:], l) && (st == 0 || !isLetterByte(tail[st-1])) {
				best, bestLabel = st, l
				break
			}
		}
		end = k
	}
	if best >= 0 {
		c := trimSpaceRef(tail[best+len(bestLabel):])
		if c != "" && len(c) <= 100 {
			return trimRightSeps(s[:off+best]), c, true
		}
	}
	// "Caption. Name/Getty Images"
	slash := strings.LastIndexByte(tail, '/')
	if slash < 0 {
		return "", "", false
	}
	after := trimSpaceRef(tail[slash+1:])
	if !isAgencyRef(after) {
		return "", "", false
	}
	// The credit starts where the capitalised words before the slash do
	// (at most four, "Jane van Doe"), after the caption's last sentence.
	start := slash
	for n := 0; n < 4; n++ {
		j := start
		for j > 0 && tail[j-1] == ' ' {
			j--
		}
		k := strings.LastIndexByte(tail[:j], ' ') + 1
		w := tail[k:j]
		if w == "" || !upperAt(w, 0) || len(w) > 2 && w[len(w)-1] == '.' {
			break
		}
		start = k
	}
	if start == slash {
		start = slash + 1 // no name: the agency alone
	}
	c := trimSpaceRef(tail[start:])
	return trimRightSeps(s[:off+start]), c, true
}

func creditLineRef(line string) (credit string, ok bool) {
	s := trimSpaceRef(line)
	if len(s) < 2 || len(s) > maxCreditTail {
		return "", false
	}
	if s[0] == '(' && s[len(s)-1] == ')' {
		return creditBodyRef(trimSpaceRef(s[1:len(s)-1]), true)
	}
	c := s[0]
	if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= 0x80) {
		return "", false
	}
	if cr, ok := creditBodyRef(s, false); ok {
		return cr, true
	}
	return "", false
}

func creditBodyRef(s string, paren bool) (string, bool) {
	if s == "" || len(s) > 100 {
		return "", false
	}
	for _, l := range creditLabels {
		if hasPrefixFold(s, l) {
			c := trimSpaceRef(s[len(l):])
			if len(c) > 0 && c[0] == ':' {
				c = trimSpaceRef(c[1:])
			}
			if c == "" {
				return "", false
			}
			return c, true
		}
	}
	if paren && (isAgencyRef(s) || startsWithAgencyRef(s)) {
		return s, true
	}
	if isAgencyRef(s) && !paren {
		// A line that is only "Getty Images" is a credit; "Reuters" or
		// "AP" alone could be a byline or a menu entry.
		if strings.Contains(strings.ToLower(s), "images") {
			return s, true
		}
		return "", false
	}
	if k := strings.LastIndexByte(s, '/'); k > 0 {
		before, after := trimSpaceRef(s[:k]), trimSpaceRef(s[k+1:])
		if before != "" && upperAt(before, 0) && (isAgencyRef(after) || paren && after != "" && upperAt(after, 0) && wordsIn(after) <= 4) && wordsIn(before) <= 6 {
			return s, true
		}
	}
	return "", false
}

func isAgencyRef(s string) bool {
	s = strings.TrimSuffix(s, ".")
	if len(s) > 24 {
		return false
	}
	for _, a := range creditAgencies {
		if len(a) == len(s) && hasPrefixFold(s, a) {
			return true
		}
	}
	return false
}

func startsWithAgencyRef(s string) bool {
	for _, a := range creditAgencies {
		if hasPrefixFold(s, a) && len(s) > len(a) {
			c := s[len(a)]
			if c == ':' || c == '/' || c == ' ' && hasPrefixFold(s[len(a)+1:], "via ") {
				return true
			}
		}
	}
	return false
}
