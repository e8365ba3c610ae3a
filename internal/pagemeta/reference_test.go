package pagemeta

import "strings"

// The functions of this file are the package's entry points as they were
// before their fast paths (prefilters and Find's shared per-line work)
// were written, kept verbatim but for their names, so that
// equivalence_test.go can check that the fast paths return exactly what
// the plain parsers do. They call the same parsers underneath
// (parseByline, nextStamp, ...), whose own speed-ups are checked by
// their own tests.

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
				a, ok = bylineRef("By " + trimSpace(lines[j]))
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
	s := trimLead(trimSpace(line))
	if len(s) > 0 && s[len(s)-1] == ':' {
		s = s[:len(s)-1]
	}
	return len(s) == 2 && flagsOf(s)&fBy != 0
}

func nearStampRef(lines []string, i int) bool {
	for dir := -1; dir <= 1; dir += 2 {
		seen := 0
		for j := i + dir; j >= 0 && j < len(lines) && seen < nameDateGap; j += dir {
			t := trimSpace(lines[j])
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
	s := trimSpace(line)
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
	s := trimSpace(line)
	if len(s) < 2 || len(s) > maxBylineLine+8 || !bylineLead(s[0]) || !mayBeBylineRef(s) {
		return nil, false
	}
	s = trimLead(s)
	if len(s) < 2 || len(s) > maxBylineLine || !bylineStart(s[0]) {
		return nil, false
	}
	return parseByline(s, false)
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
	s := trimLead(trimSpace(line))
	if len(s) < 3 || len(s) > 100 || !upperAt(s, 0) {
		return nil, false
	}
	return parseByline(s, true)
}
