package entity

import (
	"strconv"
	"strings"
)

// rulesDatesNumbers finds dates, durations, money, percentages and numbers.
func (x *Extractor) rulesDatesNumbers() {
	n := len(x.doc.Toks)
	for i := 0; i < n; i++ {
		if x.inEntity[i] {
			continue
		}
		if j, v, ok := x.date(i); ok {
			x.add(i, j, Date, v)
			i = j - 1
			continue
		}
		if start, j, typ, v, ok := x.quantity(i); ok {
			x.add(start, j, typ, v)
			i = j - 1
		}
	}
}

// date matches a date starting at token i and returns its end.
func (x *Extractor) date(i int) (int, string, bool) {
	// ISO 8601 written out: 2023-11-06.
	if y := x.year(i); y > 0 && x.lowIs(i+1, "-") && x.adjacent(i) && x.adjacent(i+1) {
		if m, ml, ok := x.digits(i + 2); ok && ml == 2 && m >= 1 && m <= 12 {
			if x.lowIs(i+3, "-") && x.adjacent(i+2) && x.adjacent(i+3) {
				if d, dl, ok := x.digits(i + 4); ok && dl == 2 && d >= 1 && d <= 31 {
					return i + 5, isoDate(y, m, d), true
				}
			}
		}
	}
	if x.isCap(i) {
		if _, ok := weekdayNumbers[string(x.lowBytes(i))]; ok {
			// "Friday, April 18, 2025" is one date; "Tuesday" alone has
			// no value here.
			j := i + 1
			if x.lowIs(j, ",") {
				j++
			}
			if x.month(j) > 0 {
				if end, v, ok := x.monthDate(j); ok && strings.Count(v, "-") == 2 && v[0] != '-' {
					return end, v, true
				}
			}
			return i + 1, "", true
		}
	}
	if x.month(i) > 0 {
		return x.monthDate(i)
	}
	// "14 January 2025"
	if d := x.day(i); d > 0 && x.month(i+1) > 0 {
		m := x.month(i + 1)
		if y := x.year(i + 2); y > 0 {
			return i + 3, isoDate(y, m, d), true
		}
		return i + 2, isoDate(0, m, d), true
	}
	if y := x.year(i); y > 0 && !x.adjacent(i-1) && !(x.adjacent(i) && (x.lowIs(i+1, "-") || x.lowIs(i+1, "/"))) {
		if p := x.lowBytes(i - 1); p != nil && datePrepositions[string(p)] {
			return i + 1, isoDate(y, 0, 0), true
		}
	}
	// Durations: "15-month", "15 months".
	if v, ok := x.cardinal(i); ok && v > 0 {
		j := i + 1
		if x.lowIs(j, "-") && x.adjacent(i) && x.adjacent(j) {
			j++
		}
		if u, ok := durationUnits[string(x.lowBytes(j))]; ok && (j == i+2 || !strings.HasSuffix(string(x.lowBytes(j)), "s") || v != 1) {
			if j == i+2 || strings.HasSuffix(string(x.lowBytes(j)), "s") {
				if u == "TH" {
					return j + 1, "PT" + strconv.Itoa(v) + "H", true
				}
				return j + 1, "P" + strconv.Itoa(v) + u, true
			}
		}
	}
	return 0, "", false
}

// monthDate matches Month [Day][, Year] or Month Year at token i.
func (x *Extractor) monthDate(i int) (int, string, bool) {
	m := x.month(i)
	low := string(x.lowBytes(i))
	if d := x.day(i + 1); d > 0 && !x.adjacent(i) {
		j := i + 2
		k := j
		if x.lowIs(k, ",") {
			k++
		}
		if y := x.year(k); y > 0 {
			return k + 1, isoDate(y, m, d), true
		}
		return j, isoDate(0, m, d), true
	}
	if y := x.year(i + 1); y > 0 {
		return i + 2, isoDate(y, m, 0), true
	}
	// A month alone: only unambiguous names, or after "in", "since" ...
	// ("May" and "March" are also words; "Jan" is also a name).
	if p := x.lowBytes(i - 1); p != nil && datePrepositions[string(p)] || len(low) > 5 && low != "august" {
		if len(low) >= 3 && (strings.HasSuffix(low, ".") || len(low) > 4 || low == "june" || low == "july") {
			return i + 1, "--" + isoDate(0, m, 0)[2:], true
		}
	}
	return 0, "", false
}

func (x *Extractor) month(i int) int {
	if !x.isCap(i) {
		return 0
	}
	m := monthNumbers[string(x.lowBytes(i))]
	return m
}

// day returns the day of month written at token i: "6", "06", "6th".
func (x *Extractor) day(i int) int {
	if i < 0 || i >= len(x.doc.Toks) {
		return 0
	}
	s := x.tokenText(i)
	if k := len(s) - 2; k > 0 {
		suf := s[k:]
		if strings.EqualFold(suf, "st") || strings.EqualFold(suf, "nd") || strings.EqualFold(suf, "rd") || strings.EqualFold(suf, "th") {
			s = s[:k]
		}
	}
	if len(s) == 0 || len(s) > 2 {
		return 0
	}
	v := 0
	for k := 0; k < len(s); k++ {
		if s[k] < '0' || s[k] > '9' {
			return 0
		}
		v = v*10 + int(s[k]-'0')
	}
	if v < 1 || v > 31 {
		return 0
	}
	return v
}

func (x *Extractor) year(i int) int {
	v, n, ok := x.digits(i)
	if !ok || n != 4 || v < 1000 || v > 2999 {
		return 0
	}
	return v
}

// digits returns the value of token i if it is a plain run of ASCII digits.
func (x *Extractor) digits(i int) (int, int, bool) {
	if i < 0 || i >= len(x.doc.Toks) {
		return 0, 0, false
	}
	s := x.tokenText(i)
	if len(s) == 0 || len(s) > 9 {
		return 0, 0, false
	}
	v := 0
	for k := 0; k < len(s); k++ {
		c := s[k]
		if c < '0' || c > '9' {
			return 0, 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, len(s), true
}

func isoDate(y, m, d int) string {
	var b []byte
	if y > 0 {
		b = strconv.AppendInt(b, int64(y), 10)
	} else {
		b = append(b, '-')
	}
	if m > 0 {
		b = append(b, '-')
		if m < 10 {
			b = append(b, '0')
		}
		b = strconv.AppendInt(b, int64(m), 10)
	}
	if d > 0 {
		b = append(b, '-')
		if d < 10 {
			b = append(b, '0')
		}
		b = strconv.AppendInt(b, int64(d), 10)
	}
	return string(b)
}

// cardinal reads a whole number at token i, written in digits (no
// grouping) or as a word.
func (x *Extractor) cardinal(i int) (int, bool) {
	if v, _, ok := x.digits(i); ok {
		return v, true
	}
	if v, ok := smallNumbers[string(x.lowBytes(i))]; ok {
		return v, true
	}
	return 0, false
}

// numeral reads a number at token i: digits with grouping or decimals,
// or a number word ("twenty-five"). It returns the end token and the
// number as a plain decimal string.
func (x *Extractor) numeral(i int) (int, string, bool) {
	if i < 0 || i >= len(x.doc.Toks) {
		return 0, "", false
	}
	s := x.tokenText(i)
	if s[0] >= '0' && s[0] <= '9' {
		var b []byte
		for k := 0; k < len(s); k++ {
			c := s[k]
			switch {
			case c >= '0' && c <= '9', c == '.':
				b = append(b, c)
			case c == ',':
			default:
				return 0, "", false // 30th, 4G, 9mm
			}
		}
		return i + 1, string(b), true
	}
	v, ok := smallNumbers[string(x.lowBytes(i))]
	if !ok {
		return 0, "", false
	}
	j := i + 1
	if v >= 20 && v%10 == 0 && x.lowIs(j, "-") && x.adjacent(i) && x.adjacent(j) {
		if u, ok := smallNumbers[string(x.lowBytes(j+1))]; ok && u < 10 {
			v += u
			j += 2
		}
	}
	return j, strconv.Itoa(v), true
}

// quantity matches [qualifier] [currency] number [scale] [% | percent |
// currency word] at token i.
func (x *Extractor) quantity(i int) (start, end int, typ Type, value string, ok bool) {
	start = i
	k := i
	for _, q := range quantityQualifiers {
		match := true
		for o, w := range q {
			if !x.lowIs(i+o, w) {
				match = false
				break
			}
		}
		if match {
			k = i + len(q)
			break
		}
	}
	typ = Number
	if t := x.tokenTextOrEmpty(k); t == "$" || t == "€" || t == "£" {
		typ = Money
		k++
	} else if (t == "US" || t == "A" || t == "C" || t == "HK") && x.tokenTextOrEmpty(k+1) == "$" && x.adjacent(k) {
		typ = Money
		k += 2
	}
	if k >= len(x.doc.Toks) || x.inEntity[k] {
		return 0, 0, "", "", false
	}
	// Digits glued to what comes before belong to something else: a
	// name (F-16, COVID-19) or a time (10:30).
	if k > 0 && x.adjacent(k-1) && x.doc.Cls[k] == 'd' && typ == Number {
		switch x.tokenText(k - 1) {
		case "(", "“", "\"", "‘", "[":
		default:
			return 0, 0, "", "", false
		}
	}
	j, num, ok := x.numeral(k)
	if !ok {
		return 0, 0, "", "", false
	}
	if x.doc.Cls[k] == 'x' && k == i && typ == Number && !x.lowIs(j, "million") && !x.lowIs(j, "billion") {
		// A number word alone ("one", "two") is only a number with a
		// qualifier or scale; "one of them" is not worth an entity.
		if !(x.isNounAfter(j)) {
			return 0, 0, "", "", false
		}
	}
	// Times (10:30) and fractions (9/11) are not numbers here.
	if x.adjacent(k) && (x.lowIs(k+1, ":") || x.lowIs(k+1, "/")) {
		return 0, 0, "", "", false
	}
	if _, ok := durationUnits[string(x.lowBytes(j))]; ok {
		return 0, 0, "", "", false // a duration, matched as a DATE at k
	}
	exp := 0
	if e, ok := scaleWords[string(x.lowBytes(j))]; ok {
		exp = e
		j++
	}
	switch {
	case x.lowIs(j, "%") && x.adjacent(j-1):
		typ = Percent
		j++
	case x.lowIs(j, "percent"):
		typ = Percent
		j++
	case x.lowIs(j, "per") && x.lowIs(j+1, "cent"):
		typ = Percent
		j += 2
	case typ == Number && currencyWords[string(x.lowBytes(j))]:
		typ = Money
		j++
	}
	for t := start; t < j; t++ {
		if x.inEntity[t] {
			return 0, 0, "", "", false
		}
	}
	return start, j, typ, normalizeNumber(num, exp), true
}

// isNounAfter reports a lower-case word after a number word: "two
// soldiers" counts, "one of" and "one," do not.
func (x *Extractor) isNounAfter(j int) bool {
	if j >= len(x.doc.Toks) || x.doc.Cls[j] != 'x' {
		return false
	}
	switch string(x.lowBytes(j)) {
	case "of", "and", "or", "to", "in", "on", "at", "by", "for", "is", "was", "who", "that", "which", "another", "the", "a":
		return false
	}
	return true
}

// normalizeNumber writes num × 10^exp plainly ("46000") or, with a scale
// word, in scientific notation with the digits as written ("1.8e9",
// "4.6e7" for "46 million").
func normalizeNumber(num string, exp int) string {
	intPart, frac, _ := strings.Cut(num, ".")
	intPart = strings.TrimLeft(intPart, "0")
	if exp == 0 {
		if intPart == "" {
			intPart = "0"
		}
		frac = strings.TrimRight(frac, "0")
		if frac == "" {
			return intPart
		}
		return intPart + "." + frac
	}
	digits := intPart + frac
	e := len(intPart) - 1 + exp
	lead := strings.TrimLeft(digits, "0")
	e -= len(digits) - len(lead)
	lead = strings.TrimRight(lead, "0")
	if lead == "" {
		return "0"
	}
	out := lead[:1]
	if len(lead) > 1 {
		out += "." + lead[1:]
	}
	return out + "e" + strconv.Itoa(e)
}

// Weekday returns the day of the week named by lower, a lower-cased English
// weekday ("tuesday"), counting from 0 for Sunday.
func Weekday(lower string) (int, bool) {
	d, ok := weekdayNumbers[lower]
	return d, ok
}

// Month returns the month (1 to 12) named by lower, a lower-cased English
// month name or abbreviation ("october", "oct."), or 0.
func Month(lower string) int {
	return monthNumbers[lower]
}
