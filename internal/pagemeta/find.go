package pagemeta

// Meta is what [Find] read from a page's lines.
type Meta struct {
	// Authors are the persons of the first byline; nil when the byline
	// credits no person or when there is none (see AuthorsLine).
	Authors []string
	// AuthorsLine is the index of the byline's line, -1 when none.
	AuthorsLine int
	// Published is the first publication stamp (ISO, see the package
	// doc), "" when none; PublishedKind says whether it was marked.
	Published     string
	PublishedKind Kind
	// PublishedLine is the index of its line, -1 when none.
	PublishedLine int
}

// Windows of [Find], in lines around the headline. A byline and the date
// stamps sit within a few lines of the headline on nearly every template;
// the body and related-article lists, which also hold dates and "by"
// phrases, lie further away. Some templates print "First published" after
// the body, which the wider window for marked stamps reaches.
const (
	before       = 12  // lines before the headline searched
	after        = 60  // lines after it searched
	nameAfter    = 30  // lines after it where a bare name may stand
	markedAfter  = 200 // lines after it where a "Published" stamp is read
	bylineNear   = 6   // lines from the byline where its date may stand
	nameDateGap  = 3   // non-blank lines from a bare name to its stamp
	splitTimeGap = 2   // non-blank lines from a date to its split-off time
	topLines     = 150 // lines read from the top when the headline is unknown
)

// Find reads a page's byline and publication date from its lines, given
// the index of the headline's line (-1 when unknown: the page is read
// from the top).
//
// The byline is the first line within the window that [Byline] accepts
// (a line that is only "By" is read with the next non-blank line), or,
// after the headline, a line [Name] accepts within three non-blank lines
// of a date or time stamp.
//
// The date is chosen in tiers, because the article's date is its first
// publication: the first stamp marked published near the headline; else
// the first unmarked stamp within a few lines of the byline (or on the
// byline's line); else the first unmarked stamp after the headline, then
// before it; else a stamp marked published further down (templates that
// print "First published" below the body); else the first update. Where
// an update stamp stands beside the byline or just under the headline,
// the unmarked stamps taken after the byline's own are those within a
// few lines of it: a date further down is one in the text. A date
// line followed by a line that is only a time ("Nov. 19, 2019" / "5:53
// PM") is read as one stamp.
func Find(lines []string, headline int) Meta {
	m := Meta{AuthorsLine: -1, PublishedLine: -1}
	h := headline
	if h < 0 {
		h = 0
	}
	lo, hi := clamp(h-before, len(lines)), clamp(h+after, len(lines))
	if headline < 0 {
		lo, hi = 0, clamp(topLines, len(lines))
	}
	// The window's lines trimmed, once for the three loops over it (hi-lo
	// is at most topLines). The entry points the loops stand for reject
	// a line longer than 3*maxBylineLine (= 3*maxDateLine) before they
	// trim it, and so do the loops; isByWord has no such bound.
	var trimmedLines [topLines]string
	trimmed := trimmedLines[:hi-lo]
	for k := range trimmed {
		trimmed[k] = trimSpace(lines[lo+k])
	}
	for i := lo; i < hi; i++ {
		t := trimmed[i-lo]
		var a []string
		ok := false
		if len(lines[i]) <= 3*maxBylineLine {
			a, ok = bylineOf(t)
		}
		if !ok && isByWord(t) {
			if j := nextNonBlank(lines, i+1, hi); j >= 0 {
				a, ok = Byline("By " + trimmed[j-lo])
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
		if len(lines[i]) > 3*maxBylineLine {
			continue
		}
		if a, ok := nameOf(trimmed[i-lo]); ok && nearStamp(lines, i) && !inNameList(lines, i) {
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
	for i := lo; i < hi && nc < len(cands); i++ {
		var iso string
		var kind Kind
		s, ok := "", false
		if len(lines[i]) <= 3*maxDateLine {
			s, ok = dateCandidateOf(trimmed[i-lo])
		}
		if ok {
			iso, kind, ok = dateOf(s)
		}
		if !ok && i == m.AuthorsLine {
			if dm, found := DateIn(lines[i]); found {
				iso, kind, ok = dm.ISO, dm.Kind, true
			}
		}
		if !ok {
			continue
		}
		if len(iso) == len(LayoutDate) {
			iso = withSplitTime(lines, i, iso)
		}
		cands[nc] = cand{i, iso, kind}
		nc++
		if kind == KindPublished {
			// The first tier below takes the first stamp marked
			// published in the window, whatever the others are: the
			// lines after it need not be read.
			break
		}
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
	if pick(func(c cand) bool { return c.kind == KindPublished && c.line < hi }) ||
		b >= 0 && nearest() ||
		pick(func(c cand) bool { return c.kind == KindUnknown && c.line >= h && c.line <= last }) ||
		pick(func(c cand) bool { return c.kind == KindUnknown && c.line <= last }) {
		return m
	}
	// No stamp in the window: the first stamp marked published below it,
	// up to markedAfter lines from the headline. None of the tiers above
	// takes a stamp from there (they take unmarked ones, and published
	// ones in the window), and the tier below takes the first, so the
	// lines below the window are read only now and only up to it; most
	// pages print their stamp in the window and never get here.
	if nc < len(cands) {
		for i := hi; i < clamp(h+markedAfter, len(lines)); i++ {
			s, ok := dateCandidate(lines[i])
			if !ok || !publishedWords.in(s) {
				continue
			}
			iso, kind, ok := dateOf(s)
			if !ok || kind != KindPublished {
				continue
			}
			if len(iso) == len(LayoutDate) {
				iso = withSplitTime(lines, i, iso)
			}
			cands[nc] = cand{i, iso, kind}
			nc++
			break
		}
	}
	_ = pick(func(c cand) bool { return c.kind == KindPublished }) ||
		pick(func(c cand) bool { return c.kind == KindUpdated })
	return m
}

// isByWord reports whether a trimmed line is only "By" (or "by", "By:"):
// templates that print the byline's label and the name in separate
// elements.
func isByWord(s string) bool {
	// The word ends the line, and only "by" is a two-letter word of
	// byWords: test the end before the bullets are trimmed.
	t := s
	if len(t) > 0 && t[len(t)-1] == ':' {
		t = t[:len(t)-1]
	}
	if len(t) < 2 || t[len(t)-1]|0x20 != 'y' || t[len(t)-2]|0x20 != 'b' {
		return false
	}
	s = trimLead(s)
	if len(s) > 0 && s[len(s)-1] == ':' {
		s = s[:len(s)-1]
	}
	return len(s) == 2 && flagsOf(s)&fBy != 0
}

// nextNonBlank returns the first non-blank line at or after i and before
// hi, or -1.
func nextNonBlank(lines []string, i, hi int) int {
	for ; i < hi && i < len(lines); i++ {
		if trimSpace(lines[i]) != "" {
			return i
		}
	}
	return -1
}

// withSplitTime completes a date-only stamp on lines[i] with a time that
// the template printed on a line of its own just after it.
func withSplitTime(lines []string, i int, iso string) string {
	seen := 0
	for j := i + 1; j < len(lines) && seen < splitTimeGap; j++ {
		t := trimSpace(lines[j])
		if t == "" {
			continue
		}
		seen++
		if len(t) > 24 || !isDigit(t[0]) {
			continue
		}
		c, end, ok := parseTimeAt(t, 0, true)
		if !ok || trimSpace(t[end:]) != "" {
			continue
		}
		st := stamp{hasTime: true, h: c.h, mi: c.mi, sec: c.sec, hasZone: c.hasZone, off: c.off, usDST: c.usDST}
		st.y, st.mo, st.d = atoi(iso[0:4]), atoi(iso[5:7]), atoi(iso[8:10])
		return st.iso()
	}
	return iso
}

// inNameList reports whether the non-blank line before or after lines[i]
// is another person's name: a list of names (results, a roster, a menu)
// rather than a byline. The same name printed twice is a byline.
func inNameList(lines []string, i int) bool {
	me := trimLead(trimSpace(lines[i]))
	for _, j := range [...]int{prevNonBlank(lines, i-1), nextNonBlank(lines, i+1, len(lines))} {
		if j < 0 {
			continue
		}
		if other := trimLead(trimSpace(lines[j])); other != me && startsWithName(other) {
			return true
		}
	}
	return false
}

// startsWithName reports whether s starts with two or more title-case
// name words ("Miguel Bernal North Diving").
func startsWithName(s string) bool {
	if s == "" || !upperAt(s, 0) {
		return false
	}
	ns, _, _, bad := readName(s, 0, true)
	return !bad && ns.tokens >= 2
}

// prevNonBlank returns the last non-blank line at or before i, or -1.
func prevNonBlank(lines []string, i int) int {
	for ; i >= 0; i-- {
		if trimSpace(lines[i]) != "" {
			return i
		}
	}
	return -1
}

// nearStamp reports whether a date line, or a short line with a time of
// day ("Monday 6:30PM", "2 hours ago"), stands within nameDateGap
// non-blank lines of lines[i].
func nearStamp(lines []string, i int) bool {
	for dir := -1; dir <= 1; dir += 2 {
		seen := 0
		for j := i + dir; j >= 0 && j < len(lines) && seen < nameDateGap; j += dir {
			t := trimSpace(lines[j])
			if t == "" {
				continue
			}
			seen++
			if _, _, ok := Date(t); ok || timeStamp(t) {
				return true
			}
		}
	}
	return false
}

// timeStamp reports whether a short line holds a time of day or a
// relative stamp ("Monday 6:30PM", "Yesterday 2:45PM", "2 hours ago").
func timeStamp(t string) bool {
	if len(t) > 40 {
		return false
	}
	if indexFold(t, " ago") > 0 {
		return true
	}
	for i := 0; i < len(t); i++ {
		if isDigit(t[i]) && (i == 0 || !isDigit(t[i-1])) {
			if _, _, ok := parseTimeAt(t, i, true); ok {
				return true
			}
		}
	}
	return false
}

func clamp(i, n int) int {
	if i < 0 {
		return 0
	}
	if i > n {
		return n
	}
	return i
}
