package pagemeta

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Kind tells which stamp of an article a date line carries. An article's
// Published date must be its first publication, so a caller skips
// KindUpdated stamps when it looks for one.
type Kind uint8

const (
	// KindUnknown: the line names no stamp ("November 19, 2019").
	KindUnknown Kind = iota
	// KindPublished: "Published", "First published", "Posted", ...
	KindPublished
	// KindUpdated: "Updated", "Last modified", "Last updated", ...
	KindUpdated
)

// String returns "unknown", "published" or "updated".
func (k Kind) String() string {
	switch k {
	case KindPublished:
		return "published"
	case KindUpdated:
		return "updated"
	}
	return "unknown"
}

// The layouts of the ISO strings the date functions return, one per
// precision; time.Parse with the layout of the string's length parses
// every result (see [ParseISO]).
const (
	LayoutDate  = "2006-01-02"
	LayoutLocal = "2006-01-02T15:04:05"
	LayoutZoned = time.RFC3339
)

// ParseISO parses a string returned by [Date] or [DateIn] with the layout
// of its precision. Zoneless results parse as UTC wall clock, which is
// what they are not: they are the page's local time, printed as is.
func ParseISO(iso string) (time.Time, error) {
	switch len(iso) {
	case len(LayoutDate):
		return time.Parse(LayoutDate, iso)
	case len(LayoutLocal):
		return time.Parse(LayoutLocal, iso)
	}
	return time.Parse(LayoutZoned, iso)
}

// DateMatch is one date found in a text.
type DateMatch struct {
	ISO        string // ISO 8601, see the package doc for the layouts
	Kind       Kind   // from the nearest stamp word before the date
	Start, End int    // byte span of the date (and its time) in the text
	HasTime    bool   // a time of day was printed
	HasZone    bool   // a zone or offset was printed with the time
}

// maxDateLine bounds the lines [Date] accepts: a date stamp, even with a
// byline and a reading time, is short; a sentence that mentions a date is
// not a date line.
const maxDateLine = 200

// maxDateContent is how many words besides the date, its stamp word,
// weekdays, zones and connectors a date line may hold ("By Jane Doe |
// Topic: Hardware" is four).
const maxDateContent = 6

// maxStampWords is the most words a stamp has ("First published on
// Tuesday 19 November 2019 10.02 GMT" has eight, "Updated 3:04 PM ET, Tue
// November 19, 2019" seven), for Date's quick test of a line: with
// maxDateContent other words, a line of more is a sentence.
const maxStampWords = 12

// Date recognises a date line: a short line whose content is a date (with
// an optional time and zone), perhaps with a stamp word, a weekday and a
// few other words such as a byline or a reading time. A sentence that
// mentions a date is not a date line; use [DateIn] for those.
//
// When the line holds several dates, Date returns the first one marked
// published, else the first unmarked one, else the first update: a line
// "Updated: <d1> Posted: <d2>" thus gives the first publication.
// Relative stamps ("Posted 12h ago") are not dates; a line that also
// prints an absolute stamp gives that one.
func Date(line string) (iso string, kind Kind, ok bool) {
	s, ok := dateCandidate(line)
	if !ok {
		return "", 0, false
	}
	return dateOf(s)
}

// dateCandidate is Date's cheap test: it returns the trimmed line and
// whether Date may accept it. The length tests come first, so that the
// long lines of body text, most of a page's bytes, are not scanned; then
// a line needs a year (see hasYear) and few enough words.
func dateCandidate(line string) (string, bool) {
	if len(line) > 3*maxDateLine {
		return "", false
	}
	if len(line) <= maxDateLine {
		// Short enough whatever its spaces: test the year first, on the
		// line as it is, since trimming keeps every digit and slash.
		if !hasYear(line) {
			return "", false
		}
		s := trimSpace(line)
		if len(s) < 4 || strings.Count(s, " ") > maxDateContent+maxStampWords {
			return "", false
		}
		return s, true
	}
	return dateCandidateOf(trimSpace(line))
}

// dateCandidateOf is dateCandidate on a line of at most 3*maxDateLine
// bytes, trimmed.
func dateCandidateOf(s string) (string, bool) {
	if len(s) < 4 || len(s) > maxDateLine || !hasYear(s) || strings.Count(s, " ") > maxDateContent+maxStampWords {
		return "", false
	}
	return s, true
}

// dateOf is Date on a line that passed dateCandidate.
func dateOf(s string) (iso string, kind Kind, ok bool) {
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

// contentWords counts the words of s outside the matches that are not
// filler (stamp words, weekdays, months, zones, connectors).
func contentWords(s string, ms []DateMatch) int {
	n := 0
	k := 0
	for i := 0; i < len(s); {
		for k < len(ms) && i >= ms[k].End {
			k++
		}
		if k < len(ms) && i >= ms[k].Start {
			i = ms[k].End
			continue
		}
		w := isLetterAt(s, i)
		if w == 0 {
			_, sz := utf8.DecodeRuneInString(s[i:])
			i += sz
			continue
		}
		e := wordEnd(s, i)
		word := s[i:e]
		i = e
		if len(word) < 2 || fillerWord(word) {
			continue
		}
		n++
	}
	return n
}

// fillerWord reports whether w may sit on a date line without making it
// a sentence.
func fillerWord(w string) bool {
	return flagsOf(w)&(fFiller|fWeekday|fKind|fMonth|fZone) != 0
}

// DateIn finds the first date in text, which may be a longer line such
// as a byline ("By Jane Doe | November 19, 2019 | 5 min read") or a
// sentence. It applies no line-shape test; callers that scan body text
// should prefer [Date].
func DateIn(text string) (DateMatch, bool) {
	return NextDate(text, 0)
}

// NextDate finds the first date in text at or after byte offset from, so
// that a caller can walk all the dates of a line. Its Kind comes from the
// stamp words between from and the date.
func NextDate(text string, from int) (DateMatch, bool) {
	m, st, ok := nextStamp(text, from)
	if ok {
		m.ISO = st.iso()
	}
	return m, ok
}

// nextStamp is NextDate without formatting the ISO string.
func nextStamp(text string, from int) (DateMatch, stamp, bool) {
	s := text
	// Every date form holds a number: walk the numbers, and for each try
	// a month name just before it ("Nov. 19"), then the number itself.
	for i := from; i < len(s); {
		d := i
		for d < len(s) && !isDigit(s[d]) {
			d++
		}
		if d >= len(s) {
			break
		}
		if ws := monthBefore(s, from, d); ws >= 0 {
			if st, end, ok := parseStampAt(s, ws); ok {
				return finish(s, from, ws, end, st), st, true
			}
		}
		e := digitsEnd(s, d)
		if d > 0 {
			// A date starts a number: not inside a version, a time or a
			// fraction.
			switch p := s[d-1]; {
			case p == '.', p == '/', p == ':', p == '-', p == '+', p == ',' && d > 1 && isDigit(s[d-2]),
				'a' <= p && p <= 'z', 'A' <= p && p <= 'Z': // nor inside a word ("A1", "MP3")
				i = e
				continue
			}
		}
		if st, end, ok := parseStampAt(s, d); ok {
			return finish(s, from, d, end, st), st, true
		}
		i = e
	}
	return DateMatch{}, stamp{}, false
}

// monthBefore returns the start of a month name that ends just before the
// number at s[d] ("Nov. 19", "November 19", "Nov, 19"), or -1.
func monthBefore(s string, from, d int) int {
	k := d
	for k > from && (s[k-1] == ' ' || s[k-1] == '\t') {
		k--
	}
	if k > from && s[k-1] == ',' {
		k--
		for k > from && (s[k-1] == ' ' || s[k-1] == '\t') {
			k--
		}
	}
	if k > from && s[k-1] == '.' {
		k--
	}
	we := k
	for k > from && (s[k-1]|0x20 >= 'a' && s[k-1]|0x20 <= 'z' || s[k-1] >= 0x80) {
		k--
	}
	if we-k < 3 || we-k > 10 {
		return -1
	}
	for k < we && s[k] >= 0x80 && s[k] < 0xc0 { // not inside a rune
		k++
	}
	if k > 0 && isLetterAt(s, k-1) > 0 {
		return -1
	}
	if flagsOf(s[k:we])&fMonth == 0 {
		return -1
	}
	return k
}

// finish builds the match (without its ISO string) for the stamp st at
// s[start:end].
func finish(s string, from, start, end int, st stamp) DateMatch {
	return DateMatch{
		Kind:    kindBefore(s[from:start]),
		Start:   start,
		End:     end,
		HasTime: st.hasTime,
		HasZone: st.hasZone,
	}
}

// kindBefore returns the kind of the last stamp word in s.
func kindBefore(s string) Kind {
	k := KindUnknown
	for i := 0; i < len(s); {
		if isLetterAt(s, i) == 0 {
			i++
			continue
		}
		e := wordEnd(s, i)
		var buf [maxKey]byte
		if !mayBeWord(s[i:e]) {
			// not a stamp word
		} else if key, ok := lowerKey(&buf, s[i:e]); ok {
			if kk, ok := kindWords[string(key)]; ok {
				k = kk
			}
		}
		i = e
	}
	return k
}

// monthOf looks w up in the month table.
func monthOf(w string) (int, bool) {
	if !mayBeWord(w) {
		return 0, false
	}
	var buf [maxKey]byte
	k, ok := lowerKey(&buf, w)
	if !ok {
		return 0, false
	}
	m, ok := months[string(k)]
	return m, ok
}

// stamp is a parsed date and optional time and zone.
type stamp struct {
	y, mo, d   int
	h, mi, sec int
	hasTime    bool
	hasZone    bool
	off        int  // minutes east of UTC
	usDST      bool // off is a US standard offset; add an hour in DST
}

// iso formats st in the layout of its precision.
func (st stamp) iso() string {
	var b [25]byte
	n := put4(b[:], 0, st.y)
	b[n] = '-'
	n = put2(b[:], n+1, st.mo)
	b[n] = '-'
	n = put2(b[:], n+1, st.d)
	if !st.hasTime {
		return string(b[:n])
	}
	b[n] = 'T'
	n = put2(b[:], n+1, st.h)
	b[n] = ':'
	n = put2(b[:], n+1, st.mi)
	b[n] = ':'
	n = put2(b[:], n+1, st.sec)
	if !st.hasZone {
		return string(b[:n])
	}
	off := st.off
	if st.usDST && usDST(st.y, st.mo, st.d, st.h) {
		off += 60
	}
	if off == 0 {
		b[n] = 'Z'
		return string(b[:n+1])
	}
	b[n] = '+'
	if off < 0 {
		b[n] = '-'
		off = -off
	}
	n = put2(b[:], n+1, off/60)
	b[n] = ':'
	n = put2(b[:], n+1, off%60)
	return string(b[:n])
}

func put2(b []byte, n, v int) int {
	b[n] = byte('0' + v/10%10)
	b[n+1] = byte('0' + v%10)
	return n + 2
}

func put4(b []byte, n, v int) int {
	b[n] = byte('0' + v/1000%10)
	b[n+1] = byte('0' + v/100%10)
	b[n+2] = byte('0' + v/10%10)
	b[n+3] = byte('0' + v%10)
	return n + 4
}

// usDST reports whether a local wall-clock time in a US zone that
// observes daylight saving time falls in DST. Since 2007 DST runs from the
// second Sunday of March, 2:00, to the first Sunday of November, 2:00;
// from 1987 to 2006 from the first Sunday of April to the last Sunday of
// October (earlier years use that rule too). In the repeated hour of the
// autumn change a printed 1:30 is read as daylight time, the earlier one.
func usDST(y, mo, d, h int) bool {
	var startMonth, startDay, endMonth, endDay int
	if y >= 2007 {
		startMonth, startDay = 3, nthSunday(y, 3, 2)
		endMonth, endDay = 11, nthSunday(y, 11, 1)
	} else {
		startMonth, startDay = 4, nthSunday(y, 4, 1)
		endMonth, endDay = 10, lastSunday(y, 10)
	}
	switch {
	case mo < startMonth || mo > endMonth:
		return false
	case mo > startMonth && mo < endMonth:
		return true
	case mo == startMonth:
		return d > startDay || d == startDay && h >= 2
	default:
		return d < endDay || d == endDay && h < 2
	}
}

// nthSunday returns the day of month of the n-th Sunday of y-mo.
func nthSunday(y, mo, n int) int {
	wd := time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC).Weekday()
	first := 1 + (7-int(wd))%7
	return first + 7*(n-1)
}

// lastSunday returns the day of month of the last Sunday of y-mo.
func lastSunday(y, mo int) int {
	last := daysIn(y, mo)
	wd := time.Date(y, time.Month(mo), last, 0, 0, 0, 0, time.UTC).Weekday()
	return last - int(wd)
}

// daysIn returns the number of days of month mo of year y.
func daysIn(y, mo int) int {
	switch mo {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// validDate reports whether y-mo-d is a calendar date in the years news
// pages print (1900-2099).
func validDate(y, mo, d int) bool {
	return y >= 1900 && y <= 2099 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo)
}
