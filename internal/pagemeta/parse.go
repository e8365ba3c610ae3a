package pagemeta

import "unicode/utf8"

// parseStampAt parses a date with an optional time before or after it,
// starting at s[i], which starts a number or a month name.
func parseStampAt(s string, i int) (stamp, int, bool) {
	if isDigit(s[i]) {
		// Time first: "5:45 AM PST 11/19/2019", "21:17 18.11.2019",
		// "10:48, Tue, Nov 19, 2019".
		if t, end, ok := parseTimeAt(s, i, true); ok {
			j := skipParen(s, end)
			j = skipJoin(s, j, true)
			if d, dend, ok := parseDateAt(s, j); ok {
				d.h, d.mi, d.sec, d.hasTime = t.h, t.mi, t.sec, true
				d.hasZone, d.off, d.usDST = t.hasZone, t.off, t.usDST
				if !d.hasZone {
					// "5:45 AM 11/19/2019 PST" is rare; a zone after the
					// date belongs to the time before it.
					if z, zend, ok := parseZoneAt(s, skipSpace(s, dend)); ok {
						d.hasZone, d.off, d.usDST = true, z.off, z.usDST
						dend = zend
					}
				}
				return d, dend, true
			}
		}
	}
	d, end, ok := parseDateAt(s, i)
	if !ok {
		return d, 0, false
	}
	if d.hasTime { // ISO with T
		return d, end, true
	}
	j := skipJoin(s, end, false)
	if j < len(s) && isDigit(s[j]) {
		if t, tend, ok := parseTimeAt(s, j, false); ok {
			d.h, d.mi, d.sec, d.hasTime = t.h, t.mi, t.sec, true
			d.hasZone, d.off, d.usDST = t.hasZone, t.off, t.usDST
			end = tend
		}
	}
	return d, end, true
}

// skipParen skips a short parenthetical after a time, such as the second
// zone of "0339 GMT (1139 HKT) November 19, 2019".
func skipParen(s string, i int) int {
	j := skipSpace(s, i)
	if j >= len(s) || s[j] != '(' {
		return i
	}
	for k := j + 1; k < len(s) && k < j+24; k++ {
		if s[k] == ')' {
			return k + 1
		}
	}
	return i
}

// joinWords may sit between a date and its time: "November 19, 2019 at
// 6:21 AM", "22 de outubro de 2010 às 20:13", "25. September 2018 um 10:00".
var joinWords = map[string]bool{
	"at": true, "um": true, "às": true, "as": true, "a": true, "à": true,
	"alle": true, "om": true, "kl": true, "klo": true, "o": true, "on": true,
	"pukul": true, "jam": true, "ore": true, "las": true, "h": true,
}

// skipJoin skips separators, join words and (when weekday is set, for a
// time printed before its date) one weekday between a date and a time,
// at most four steps, and returns where the next part may start.
func skipJoin(s string, i int, weekday bool) int {
	for step := 0; step < 4; step++ {
		i = skipSpace(s, i)
		if i >= len(s) {
			return i
		}
		c := s[i]
		switch c {
		case ',', '|', '/', '-', '@', '(', ';', '.':
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			switch r {
			case '–', '—', '•', '·', '｜':
				i += n
				continue
			}
		}
		if isLetterAt(s, i) > 0 {
			e := wordEnd(s, i)
			w := s[i:e]
			if flagsOf(w)&fJoinWord != 0 || weekday && flagsOf(w)&fWeekday != 0 {
				i = e
				if i < len(s) && s[i] == '.' {
					i++
				}
				continue
			}
		}
		return i
	}
	return skipSpace(s, i)
}

// parseDateAt parses a date without a time, except that an ISO date may
// carry its "T" time.
func parseDateAt(s string, i int) (stamp, int, bool) {
	var st stamp
	if i >= len(s) {
		return st, 0, false
	}
	if !isDigit(s[i]) {
		return parseMonthFirst(s, i)
	}
	a := digitsEnd(s, i)
	na := a - i
	if a >= len(s) {
		return st, 0, false
	}
	sep := s[a]
	switch {
	case na == 4 && (sep == '-' || sep == '/' || sep == '.'):
		return parseISO(s, i)
	case na == 4 && s[a:] != "" && hasPrefixCJK(s[a:], "年"):
		return parseCJK(s, i)
	case na <= 2 && (sep == '/' || sep == '.' || sep == '-'):
		if st, end, ok := parseNumeric(s, i); ok {
			return st, end, true
		}
	}
	if na <= 2 {
		return parseDayFirst(s, i)
	}
	return st, 0, false
}

func hasPrefixCJK(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

// parseISO parses YYYY-MM-DD (or with / or .), with an optional
// THH:MM[:SS[.fff]][Z|±HH:MM] or " HH:MM[:SS]".
func parseISO(s string, i int) (stamp, int, bool) {
	var st stamp
	sep := s[i+4]
	j := i + 5
	e := digitsEnd(s, j)
	if e-j < 1 || e-j > 2 || e >= len(s) || s[e] != sep {
		return st, 0, false
	}
	mo := atoi(s[j:e])
	j = e + 1
	e = digitsEnd(s, j)
	if e-j < 1 || e-j > 2 {
		return st, 0, false
	}
	d := atoi(s[j:e])
	y := atoi(s[i : i+4])
	if !validDate(y, mo, d) {
		return st, 0, false
	}
	if e < len(s) && (isDigit(s[e]) || s[e] == sep && e+1 < len(s) && isDigit(s[e+1])) {
		return st, 0, false
	}
	st.y, st.mo, st.d = y, mo, d
	if e < len(s) && s[e] == 'T' && e+1 < len(s) && isDigit(s[e+1]) {
		if t, tend, ok := parseTimeAt(s, e+1, false); ok {
			st.h, st.mi, st.sec, st.hasTime = t.h, t.mi, t.sec, true
			st.hasZone, st.off, st.usDST = t.hasZone, t.off, t.usDST
			return st, tend, true
		}
	}
	return st, e, true
}

// parseCJK parses 2018年8月16日.
func parseCJK(s string, i int) (stamp, int, bool) {
	var st stamp
	y := atoi(s[i : i+4])
	j := i + 4 + len("年")
	e := digitsEnd(s, j)
	if e-j < 1 || e-j > 2 || !hasPrefixCJK(s[e:], "月") {
		return st, 0, false
	}
	mo := atoi(s[j:e])
	j = e + len("月")
	e = digitsEnd(s, j)
	if e-j < 1 || e-j > 2 || !hasPrefixCJK(s[e:], "日") {
		return st, 0, false
	}
	d := atoi(s[j:e])
	if !validDate(y, mo, d) {
		return st, 0, false
	}
	st.y, st.mo, st.d = y, mo, d
	return st, e + len("日"), true
}

// parseNumeric parses M/D/Y, D/M/Y (first number over 12), D.M.Y and
// D-M-Y (only when the first number is over 12: 03-04-2019 is declined).
// Two-digit years are read 2000-2069 and 1970-1999 and are accepted only
// with slashes, the one style that prints them on news pages ("11/19/19").
func parseNumeric(s string, i int) (stamp, int, bool) {
	var st stamp
	a := digitsEnd(s, i)
	sep := s[a]
	j := a + 1
	b := digitsEnd(s, j)
	if b-j < 1 || b-j > 2 || b >= len(s) || s[b] != sep {
		return st, 0, false
	}
	k := b + 1
	c := digitsEnd(s, k)
	n1, n2 := atoi(s[i:a]), atoi(s[j:b])
	var y int
	switch c - k {
	case 4:
		y = atoi(s[k:c])
	case 2:
		if sep != '/' {
			return st, 0, false
		}
		y = atoi(s[k:c])
		if y < 70 {
			y += 2000
		} else {
			y += 1900
		}
	default:
		return st, 0, false
	}
	// Not part of a longer dotted or slashed run (versions, paths, IPs).
	if c < len(s) && (s[c] == sep && c+1 < len(s) && isDigit(s[c+1]) || s[c] == ':' && c-k == 4) {
		return st, 0, false
	}
	var mo, d int
	switch sep {
	case '/':
		if n1 > 12 {
			d, mo = n1, n2
		} else {
			mo, d = n1, n2
		}
	case '.':
		d, mo = n1, n2
	case '-':
		if n1 <= 12 {
			return st, 0, false
		}
		d, mo = n1, n2
	}
	if !validDate(y, mo, d) {
		return st, 0, false
	}
	st.y, st.mo, st.d = y, mo, d
	return st, c, true
}

// parseMonthFirst parses "Nov. 19, 2019", "November 19th 2019", "Maret
// 30, 2015" and the converter's glued "Nov 20 20194:29 AM" (year and hour
// run together), whose end is then after the year.
func parseMonthFirst(s string, i int) (stamp, int, bool) {
	var st stamp
	e := wordEnd(s, i)
	mo, ok := monthOf(s[i:e])
	if !ok {
		return st, 0, false
	}
	j := e
	if j < len(s) && s[j] == '.' {
		j++
	}
	j = skipSpace(s, j)
	if j < len(s) && s[j] == ',' {
		j = skipSpace(s, j+1)
	}
	de := digitsEnd(s, j)
	if de-j < 1 || de-j > 2 {
		return st, 0, false
	}
	d := atoi(s[j:de])
	j = skipOrdinal(s, de)
	if j < len(s) && (s[j] == ',' || s[j] == '.') {
		j++
	}
	j = skipSpace(s, j)
	if j < len(s) && s[j] == ',' {
		j = skipSpace(s, j+1)
	}
	ye := digitsEnd(s, j)
	switch n := ye - j; {
	case n == 4:
		if ye < len(s) && s[ye] == ':' {
			return st, 0, false
		}
	case (n == 5 || n == 6) && ye < len(s) && s[ye] == ':':
		ye = j + 4 // glued year and hour
	default:
		return st, 0, false
	}
	y := atoi(s[j : j+4])
	if !validDate(y, mo, d) {
		return st, 0, false
	}
	st.y, st.mo, st.d = y, mo, d
	return st, ye, true
}

// skipOrdinal skips an ordinal suffix ("19th", "1st", "2nd", "3rd", "1º")
// right after a day number.
func skipOrdinal(s string, j int) int {
	if j+2 <= len(s) {
		switch {
		case hasPrefixFold(s[j:], "st"), hasPrefixFold(s[j:], "nd"),
			hasPrefixFold(s[j:], "rd"), hasPrefixFold(s[j:], "th"):
			if j+2 == len(s) || isLetterAt(s, j+2) == 0 {
				return j + 2
			}
		}
	}
	if hasPrefixCJK(s[j:], "º") {
		return j + len("º")
	}
	return j
}

// parseDayFirst parses "19 November 2019", "19th Nov 2019", "25. September
// 2018", "22 de outubro de 2010", "20 of November, 2019".
func parseDayFirst(s string, i int) (stamp, int, bool) {
	var st stamp
	de := digitsEnd(s, i)
	d := atoi(s[i:de])
	j := skipOrdinal(s, de)
	if j < len(s) && s[j] == '.' {
		j++
	}
	j = skipSpace(s, j)
	if j < len(s) && (s[j] == '-' || s[j] == '/') { // 19-Nov-2019
		j++
	}
	we := wordEnd(s, j)
	if w := s[j:we]; hasPrefixFold(w, "de") && len(w) == 2 || hasPrefixFold(w, "of") && len(w) == 2 {
		j = skipSpace(s, we)
		we = wordEnd(s, j)
	}
	mo, ok := monthOf(s[j:we])
	if !ok {
		return st, 0, false
	}
	j = we
	if j < len(s) && s[j] == '.' {
		j++
	}
	if j < len(s) && (s[j] == '-' || s[j] == '/') {
		j++
	}
	j = skipSpace(s, j)
	if j < len(s) && s[j] == ',' {
		j = skipSpace(s, j+1)
	}
	if we := wordEnd(s, j); we-j == 2 && hasPrefixFold(s[j:], "de") {
		j = skipSpace(s, we)
	}
	ye := digitsEnd(s, j)
	if ye-j != 4 || ye < len(s) && s[ye] == ':' {
		return st, 0, false
	}
	y := atoi(s[j:ye])
	if !validDate(y, mo, d) {
		return st, 0, false
	}
	st.y, st.mo, st.d = y, mo, d
	return st, ye, true
}

// clock is a parsed time of day with its zone.
type clock struct {
	h, mi, sec int
	hasZone    bool
	off        int
	usDST      bool
}

// parseTimeAt parses a time of day at s[i]: H:MM[:SS[.fff]], H.MM or
// HHMM when an am/pm or a zone follows (Guardian "10.02 GMT", CNN "0339
// GMT"), H with am/pm ("5 p.m."), and 20h13; then am/pm and a zone or
// offset. first is set for a time printed before its date, which must
// then be unambiguous (a colon, an am/pm or a zone).
func parseTimeAt(s string, i int, first bool) (clock, int, bool) {
	var t clock
	he := digitsEnd(s, i)
	nh := he - i
	if nh < 1 || nh > 4 {
		return t, 0, false
	}
	j := he
	strong := false // a colon or 'h' makes it a time by itself
	switch {
	case nh <= 2 && j < len(s) && (s[j] == ':' || s[j] == 'h') && digitsEnd(s, j+1)-(j+1) == 2:
		t.h = atoi(s[i:he])
		t.mi = atoi(s[j+1 : j+3])
		j += 3
		strong = true
		if j < len(s) && s[j] == ':' && digitsEnd(s, j+1)-(j+1) == 2 {
			t.sec = atoi(s[j+1 : j+3])
			j += 3
			if j < len(s) && s[j] == '.' && j+1 < len(s) && isDigit(s[j+1]) {
				j = digitsEnd(s, j+1)
			}
		}
		if j < len(s) && isDigit(s[j]) {
			return t, 0, false
		}
	case nh <= 2 && j < len(s) && s[j] == '.' && digitsEnd(s, j+1)-(j+1) == 2:
		t.h = atoi(s[i:he])
		t.mi = atoi(s[j+1 : j+3])
		j += 3
	case nh == 4:
		t.h = atoi(s[i : i+2])
		t.mi = atoi(s[i+2 : i+4])
	default:
		t.h = atoi(s[i:he])
	}
	// am / pm
	k := skipSpace(s, j)
	ampm := false
	if k < len(s) && (s[k] == 'a' || s[k] == 'A' || s[k] == 'p' || s[k] == 'P') {
		pm := s[k] == 'p' || s[k] == 'P'
		m := k + 1
		if m < len(s) && s[m] == '.' {
			m++
		}
		if m < len(s) && (s[m] == 'm' || s[m] == 'M') {
			m++
			if m < len(s) && s[m] == '.' {
				m++
			}
			if m >= len(s) || isLetterAt(s, m) == 0 {
				ampm = true
				if t.h < 1 || t.h > 12 {
					if !(pm && t.h > 12 && t.h < 24) { // "13:42pm"
						return t, 0, false
					}
				} else if pm && t.h != 12 {
					t.h += 12
				} else if !pm && t.h == 12 {
					t.h = 0
				}
				j = m
			}
		}
	}
	if t.h > 23 || t.mi > 59 || t.sec > 60 {
		return t, 0, false
	}
	zk := j
	if zk < len(s) && s[zk] != '+' && s[zk] != '-' && s[zk] != 'Z' {
		zk = skipSpace(s, j)
	}
	z, zend, zok := parseZoneAt(s, zk)
	if zok {
		t.hasZone, t.off, t.usDST = true, z.off, z.usDST
		j = zend
	}
	switch {
	case strong, ampm, zok && nh <= 2 && he < len(s) && s[he] == '.':
	case zok && nh == 4:
	default:
		return t, 0, false
	}
	if first && !strong && !ampm && !zok {
		return t, 0, false
	}
	return t, j, true
}

// zone is a parsed zone: an offset in minutes east of UTC, and whether it
// is a US zone printed without S or D (ET, CT, MT, PT) whose DST the date
// decides.
type zone struct {
	off   int
	usDST bool
}

// zones maps lower-cased zone abbreviations to offsets in minutes. Where an
// abbreviation is ambiguous the reading common on English news pages wins:
// IST is India (+05:30), CST is US Central, BST is British Summer Time.
// ET, CT, MT and PT are US zones whose offset follows US DST rules.
var zones = map[string]zone{
	"utc": {0, false}, "gmt": {0, false}, "z": {0, false}, "ut": {0, false},
	"wet": {0, false}, "west": {60, false}, "bst": {60, false}, "ist": {330, false},
	"cet": {60, false}, "cest": {120, false}, "mez": {60, false}, "mesz": {120, false},
	"eet": {120, false}, "eest": {180, false}, "msk": {180, false},
	"est": {-300, false}, "edt": {-240, false}, "et": {-300, true},
	"cst": {-360, false}, "cdt": {-300, false}, "ct": {-360, true},
	"mst": {-420, false}, "mdt": {-360, false}, "mt": {-420, true},
	"pst": {-480, false}, "pdt": {-420, false}, "pt": {-480, true},
	"akst": {-540, false}, "akdt": {-480, false}, "hst": {-600, false},
	"aest": {600, false}, "aedt": {660, false}, "acst": {570, false},
	"acdt": {630, false}, "awst": {480, false}, "nzst": {720, false},
	"nzdt": {780, false}, "jst": {540, false}, "kst": {540, false},
	"hkt": {480, false}, "sgt": {480, false}, "pht": {480, false},
	"wib": {420, false}, "wita": {480, false}, "wit": {540, false},
	"ict": {420, false}, "pkt": {300, false}, "gst": {240, false},
	"cat": {120, false}, "eat": {180, false}, "wat": {60, false},
	"sast": {120, false}, "brt": {-180, false}, "art": {-180, false},
	"npt": {345, false}, "myt": {480, false},
}

// parseZoneAt parses a zone abbreviation, "GMT+1"/"UTC+05:30", or a
// numeric offset ("+0100", "+01:00", "-05") at s[i].
func parseZoneAt(s string, i int) (zone, int, bool) {
	var z zone
	if i >= len(s) {
		return z, 0, false
	}
	if s[i] == '+' || s[i] == '-' {
		return parseOffset(s, i)
	}
	if isLetterAt(s, i) == 0 {
		return z, 0, false
	}
	e := wordEnd(s, i)
	if e-i > 4 {
		// "ESTUpdated": the converter glued the next word to the zone.
		k := i
		for k < e && s[k] >= 'A' && s[k] <= 'Z' {
			k++
		}
		if k-i < 3 || k == e {
			return z, 0, false
		}
		e = k - 1
	}
	if !mayBeWord(s[i:e]) {
		return z, 0, false
	}
	var buf [maxKey]byte
	k, _ := lowerKey(&buf, s[i:e])
	z, ok := zones[string(k)]
	if !ok {
		return z, 0, false
	}
	if e < len(s) && (s[e] == '+' || s[e] == '-') && (z.off == 0 && !z.usDST) {
		if o, oe, ok := parseOffset(s, e); ok {
			return o, oe, true
		}
	}
	return z, e, true
}

// parseOffset parses ±H, ±HH, ±HHMM, ±HH:MM.
func parseOffset(s string, i int) (zone, int, bool) {
	var z zone
	sign := 1
	if s[i] == '-' {
		sign = -1
	}
	j := i + 1
	e := digitsEnd(s, j)
	var h, m int
	switch e - j {
	case 1, 2:
		h = atoi(s[j:e])
		if e < len(s) && s[e] == ':' && digitsEnd(s, e+1)-(e+1) == 2 {
			m = atoi(s[e+1 : e+3])
			e += 3
		}
	case 4:
		h, m = atoi(s[j:j+2]), atoi(s[j+2:j+4])
	default:
		return z, 0, false
	}
	if h > 14 || m > 59 {
		return z, 0, false
	}
	z.off = sign * (h*60 + m)
	return z, e, true
}
