package newsdump

import (
	"strings"
	"unicode/utf8"
)

// Some crawls save text hard-wrapped at a fixed width: every paragraph cut
// into lines of at most 60 to 80 columns, mid-sentence. A dump's body is
// one paragraph per line, so such an article is joined back: its
// paragraphs are the runs of lines that end at the margin, each closed by
// a shorter line or a blank line. An article is taken to be hard-wrapped only when
// most of its lines reach within wrapSlack columns of one margin between
// minWrapWidth and maxWrapWidth and most of those stop mid-sentence; text
// written one paragraph per line has lines of every length, most ending a
// sentence, and is left as it is.
const (
	minWrapWidth = 55
	maxWrapWidth = 85
	wrapSlack    = 12
	minWrapLines = 4
)

// unwrap returns paras, the lines of an article's body, with hard-wrapped
// lines joined into paragraphs, or paras itself when they are not
// hard-wrapped. blankBefore reports whether the input had a blank line
// before line k.
func unwrap(paras []string, blankBefore func(k int) bool) []string {
	if len(paras) < minWrapLines {
		return paras
	}
	// Every line of hard-wrapped text fits in the margin: one longer line,
	// which most articles have, rules it out, told by its bytes alone as
	// long as a character has at most four.
	// The margin is counted in characters, as the wrapping was: a line
	// with curly quotes has more bytes than columns.
	margin := 0
	for _, p := range paras {
		if len(p) > maxWrapWidth*utf8.UTFMax {
			return paras
		}
		w := utf8.RuneCountInString(p)
		if w > maxWrapWidth {
			return paras
		}
		margin = max(margin, w)
	}
	if margin < minWrapWidth {
		return paras
	}
	// Every line is within the margin now: counting its characters again
	// is cheap.
	width := utf8.RuneCountInString
	// A line ends its paragraph if it stops short of the margin and the
	// next line's first word would have fitted on it: a wrapping program
	// breaks a line early only before a word too long for what is left
	// ("16-year-old", a web address).
	short := func(i int) bool {
		w := width(paras[i])
		if w >= margin-wrapSlack {
			return false
		}
		if i+1 < len(paras) {
			next := paras[i+1]
			if sp := strings.IndexByte(next, ' '); sp >= 0 {
				next = next[:sp]
			}
			return w+1+width(next) <= margin
		}
		return true
	}
	full, open := 0, 0
	// Where blank lines separate the paragraphs, a line followed by
	// another without one is inside a paragraph: hard-wrapped text has
	// many, nearly all at the margin; text written a paragraph a line
	// has none.
	inner, innerFull := 0, 0
	for i, p := range paras {
		atMargin := !short(i)
		if atMargin {
			full++
			if !endsSentence(p) {
				open++
			}
		}
		if i+1 < len(paras) && !blankBefore(i+1) {
			inner++
			if atMargin {
				innerFull++
			}
		}
	}
	blocks := inner < len(paras)-1 && inner*3 >= len(paras) && innerFull*10 >= inner*9
	if !blocks && (full*2 < len(paras) || open*2 < full) {
		return paras
	}
	out := make([]string, 0, len(paras)/2)
	var b strings.Builder
	for i, p := range paras {
		if b.Len() > 0 && blankBefore(i) {
			out = append(out, b.String())
			b.Reset()
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p)
		if short(i) {
			out = append(out, b.String())
			b.Reset()
		}
	}
	if b.Len() > 0 {
		out = append(out, b.String())
	}
	return out
}

// endsSentence reports whether s ends with a sentence's last character: a
// full stop, question or exclamation mark, possibly inside closing quotes
// or a bracket.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’)»")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}
