package entity

import (
	"strconv"
	"strings"
)

// rulesDatesNumbers finds dates, durations, money, percentages and numbers.
func (x *Extractor) rulesDatesNumbers() {
	n := len(x.doc.Toks)
	// A quantity's number (digits or a number word) is at most
	// maxQuantityLead tokens after its first (a qualifier, a currency):
	// nextNumber[i] is the first such token at or after i, so that
	// quantity need not be asked where none is near.
	//
	// The number words are looked up here once a token, for the rules
	// below to read (smallNumber): they asked again for nearly every
	// token, 2% of ExtractEntities' instructions.
	x.nextNumber = growSlice(x.nextNumber, n+1)
	x.numberWords = growSlice(x.numberWords, n)
	x.nextNumber[n] = n + maxQuantityLead + 1
	for i := n - 1; i >= 0; i-- {
		x.nextNumber[i] = x.nextNumber[i+1]
		x.numberWords[i] = -1
		if t := x.tokenText(i); t[0] >= '0' && t[0] <= '9' {
			x.nextNumber[i] = i
		} else if v, ok := smallNumbers[string(x.lowBytes(i))]; ok {
			x.nextNumber[i] = i
			x.numberWords[i] = int8(v)
		}
	}
	for i := 0; i < n; i++ {
		if x.inEntity[i] {
			continue
		}
		if j, v, ok := x.date(i); ok {
			x.add(i, j, Date, v)
			i = j - 1
			continue
		}
		if x.nextNumber[i] > i+maxQuantityLead {
			continue
		}
		if q, ok := x.quantity(i); ok {
			x.add(q.start, q.end, q.typ, q.value)
			if q.cut > 0 {
				// "800,000bpd": the unit glued to the digits is not part
				// of the number.
				e := &x.ents[len(x.ents)-1]
				e.End = q.cut
				e.Text = x.doc.Text[e.Start:e.End]
			}
			i = q.end - 1
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
		if p := x.lowBytes(i - 1); p != nil && datePrepositions[string(p)] && !(amountPrepositions[string(p)] && x.countNounAt(i+1)) {
			return i + 1, isoDate(y, 0, 0), true
		}
	}
	// Durations: "15-month", "15 months", "three more months", "one more
	// month".
	if v, ok := x.cardinal(i); ok && v > 0 {
		j := i + 1
		joined, filler := x.lowIs(j, "-") && x.adjacent(i) && x.adjacent(j), false
		if joined {
			j++
		} else if j < len(x.doc.Toks) && x.doc.Cls[j] == 'x' && durationFillers[string(x.lowBytes(j))] {
			j, filler = j+1, true
		}
		unit := string(x.lowBytes(j))
		plural := strings.HasSuffix(unit, "s")
		if u, ok := durationUnits[unit]; ok && (joined || plural && v != 1 || filler && !plural && v == 1) {
			if u == "TH" {
				return j + 1, "PT" + strconv.Itoa(v) + "H", true
			}
			return j + 1, "P" + strconv.Itoa(v) + u, true
		}
	}
	return 0, "", false
}

// durationFillers come between a number and its unit of time in a
// duration: "three more months", "two straight years".
var durationFillers = map[string]bool{
	"more": true, "further": true, "additional": true, "extra": true, "consecutive": true, "straight": true,
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
	p := x.lowBytes(i - 1)
	if p != nil && datePrepositions[string(p)] || len(low) > 5 && low != "august" {
		if len(low) >= 3 && (strings.HasSuffix(low, ".") || len(low) > 4 || low == "june" || low == "july") {
			return i + 1, "--" + isoDate(0, m, 0)[2:], true
		}
		// "in May", "since May", but not "by May" or "and May", which
		// may be Theresa May, nor "in May's cabinet".
		if low == "may" && monthOnlyPrepositions[string(p)] && !x.lowIs(i+1, "'s") {
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
	return x.smallNumber(i)
}

// smallNumber returns the value of token i as a number word ("twelve",
// "ninety"), as rulesDatesNumbers read it.
func (x *Extractor) smallNumber(i int) (int, bool) {
	if i < 0 || i >= len(x.numberWords) || x.numberWords[i] < 0 {
		return 0, false
	}
	return int(x.numberWords[i]), true
}

// numeral reads a number at token i: digits with grouping or decimals,
// or a number word ("twenty-five"). It returns the end token and the
// number as a plain decimal string; exp is the power of ten of a scale
// glued to the digits ("5bn", "$3m"), and cut, when not 0, the byte offset
// where the digits end before a unit glued to them ("800,000bpd",
// "10km"). money says a currency sign came before, which makes "5m" five
// million rather than five metres.
func (x *Extractor) numeral(i int, money bool) (end int, num string, exp, cut int, ok bool) {
	if i < 0 || i >= len(x.doc.Toks) {
		return 0, "", 0, 0, false
	}
	s := x.tokenText(i)
	if s[0] >= '0' && s[0] <= '9' {
		var b []byte
		k := 0
		for ; k < len(s); k++ {
			c := s[k]
			if c >= '0' && c <= '9' || c == '.' {
				b = append(b, c)
			} else if c != ',' {
				break
			}
		}
		if k < len(s) {
			e, unit := x.gluedSuffix(i, s[k:], money)
			switch {
			case e > 0:
				return i + 1, string(b), e, 0, true
			case unit:
				return i + 1, string(b), 0, int(x.doc.Toks[i].Start) + k, true
			}
			return 0, "", 0, 0, false // 30th, 4G
		}
		// "800 000": groups of three digits set apart by a space.
		j := i + 1
		if k <= 3 && !strings.ContainsAny(s, ".,") {
			for j < len(x.doc.Toks) && x.spaceGrouped(j) {
				b = append(b, x.tokenText(j)...)
				j++
			}
		}
		return j, string(b), 0, 0, true
	}
	v, ok := x.smallNumber(i)
	if !ok {
		return 0, "", 0, 0, false
	}
	j := i + 1
	if v >= 20 && v%10 == 0 && x.lowIs(j, "-") && x.adjacent(i) && x.adjacent(j) {
		if u, ok := x.smallNumber(j + 1); ok && u < 10 {
			v += u
			j += 2
		}
	}
	return j, strconv.Itoa(v), 0, 0, true
}

// gluedSuffix reads the letters glued to the digits of token i: a scale
// ("bn", "mn", "tn" always; "m", "k", "b" after a currency sign or before
// a counted noun: "$3m", "5m tonnes", "800k barrels") or a unit ("bpd",
// "km", "kg", and "m" for metres otherwise).
func (x *Extractor) gluedSuffix(i int, suffix string, money bool) (exp int, unit bool) {
	var buf [8]byte
	if len(suffix) > len(buf) {
		return 0, false
	}
	low := buf[:len(suffix)]
	for k := 0; k < len(suffix); k++ {
		c := suffix[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[k] = c
	}
	if e, ok := gluedScales[string(low)]; ok {
		return e, false
	}
	if e, ok := gluedShortScales[string(low)]; ok && (money || x.countNounAt(i+1)) {
		return e, false
	}
	return 0, gluedUnits[string(low)]
}

// spaceGrouped reports a group of exactly three digits at token j set
// apart from the digits before it by one space ("800 000", also with a
// no-break or thin space).
func (x *Extractor) spaceGrouped(j int) bool {
	t := x.doc.Toks
	if t[j].End-t[j].Start != 3 || x.doc.Cls[j] != 'd' || x.doc.Cls[j-1] != 'd' {
		return false
	}
	if _, n, ok := x.digits(j); !ok || n != 3 {
		return false
	}
	switch x.doc.Text[t[j-1].End:t[j].Start] {
	case " ", "\u00a0", "\u202f", "\u2009":
		return true
	}
	return false
}

// amount is a number, amount of money or percentage found by quantity:
// tokens [start, end), and cut, when not 0, the byte offset where it ends
// inside its last token.
type amount struct {
	start, end, cut int
	typ             Type
	value           string
}

// maxQuantityLead is how many tokens may stand before a quantity's
// number: a qualifier of two words and a currency of two ("more than
// US$ 5").
const maxQuantityLead = 4

// quantity matches [qualifier] [currency] number [scale] [% | percent |
// currency word] at token i. A number is one whatever follows it: "12
// people", "800,000 barrels per day", "3 million tonnes".
func (x *Extractor) quantity(i int) (amount, bool) {
	start := i
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
	typ := Number
	if t := x.tokenTextOrEmpty(k); t == "$" || t == "€" || t == "£" || t == "¥" || t == "₹" {
		typ = Money
		k++
	} else if currencyPrefixes[t] && x.tokenTextOrEmpty(k+1) == "$" && x.adjacent(k) {
		typ = Money
		k += 2
	} else if currencyCodes[string(x.lowBytes(k))] && (x.isAllCaps(k) || x.lowIs(k, "rs") || x.lowIs(k, "rs.")) && !x.adjacent(k) && k+1 < len(x.doc.Toks) && x.doc.Cls[k+1] == 'd' {
		typ = Money // "USD 5 billion", "Rs 200"
		k++
	}
	if k >= len(x.doc.Toks) || x.inEntity[k] {
		return amount{}, false
	}
	// Digits glued to what comes before belong to something else: a
	// name (F-16, COVID-19) or a time (10:30).
	if k > 0 && x.adjacent(k-1) && x.doc.Cls[k] == 'd' && typ == Number {
		switch x.tokenText(k - 1) {
		case "(", "“", "\"", "‘", "[", "—", "~":
		default:
			return amount{}, false
		}
	}
	j, num, exp, cut, ok := x.numeral(k, typ == Money)
	if !ok {
		return amount{}, false
	}
	if x.doc.Cls[k] == 'x' && k == i && typ == Number && !x.lowIs(j, "million") && !x.lowIs(j, "billion") {
		// A number word alone ("one", "two") is only a number with a
		// qualifier or scale; "one of them" is not worth an entity.
		if !(x.isNounAfter(j)) {
			return amount{}, false
		}
	}
	// Times (10:30) and fractions (9/11) are not numbers here.
	if x.adjacent(j-1) && (x.lowIs(j, ":") || x.lowIs(j, "/")) && cut == 0 && exp == 0 {
		return amount{}, false
	}
	if _, ok := durationUnits[string(x.lowBytes(j))]; ok && cut == 0 && exp == 0 {
		return amount{}, false // a duration, matched as a DATE at k
	}
	if cut == 0 && exp == 0 {
		if e, ok := scaleWords[string(x.lowBytes(j))]; ok {
			exp = e
			j++
		} else if e, ok := southAsianScales[string(x.lowBytes(j))]; ok {
			exp = e
			j++
		}
	}
	switch {
	case cut > 0:
	case x.lowIs(j, "%") && x.adjacent(j-1):
		typ = Percent
		j++
	case x.lowIs(j, "percent"):
		typ = Percent
		j++
	case x.lowIs(j, "per") && x.lowIs(j+1, "cent"):
		typ = Percent
		j += 2
	case typ == Number && (currencyWords[string(x.lowBytes(j))] || currencyUnits[string(x.lowBytes(j))]):
		typ = Money
		j++
	}
	for t := start; t < j; t++ {
		if x.inEntity[t] {
			return amount{}, false
		}
	}
	return amount{start, j, cut, typ, normalizeNumber(num, exp)}, true
}

// countNounAt reports a lower-case word at token j that counts what a
// number before it numbers: a unit ("tonnes", "barrels", "km") or a
// plural noun ("people", "troops", "workers"). It tells "to 1500 tonnes"
// from "to 1500" the year, and "5m tonnes" (million) from "5m" (metres).
func (x *Extractor) countNounAt(j int) bool {
	if j >= len(x.doc.Toks) || x.doc.Cls[j] != 'x' {
		return false
	}
	low := string(x.lowBytes(j))
	if countNouns[low] {
		return true
	}
	n := len(low)
	return n > 3 && low[n-1] == 's' && !strings.HasSuffix(low, "ss") && !strings.HasSuffix(low, "us") &&
		!strings.HasSuffix(low, "is") && !notCountNouns[low]
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

// The word lists of quantities. (The qualifiers, scale words and the
// first currency words are in lexicon.go.)

// monthOnlyPrepositions before "May" make it the month.
var monthOnlyPrepositions = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "during": true, "early": true,
	"late": true, "mid": true, "last": true, "next": true, "this": true, "through": true,
}

// amountPrepositions are the date prepositions that also come before
// amounts: "to 1500 tonnes", "of 2000 troops" are numbers, "to 1500" and
// "in 2000 people" are years.
var amountPrepositions = map[string]bool{
	"to": true, "of": true, "for": true, "from": true, "and": true, "between": true,
	"around": true, "by": true,
}

// countNouns are units and counted nouns that do not end in "s" or end in
// "s" only by chance; plural nouns in "-s" count without a list.
var countNouns = map[string]bool{
	"people": true, "police": true, "personnel": true, "staff": true, "aircraft": true,
	"cattle": true, "sheep": true, "livestock": true, "children": true, "men": true,
	"women": true, "feet": true, "geese": true, "mice": true, "teeth": true,
	"km": true, "kg": true, "mw": true, "gw": true, "kw": true, "bpd": true, "mph": true,
	"bcm": true, "mt": true, "sq": true, "square": true, "cubic": true,
}

// notCountNouns end in "s" but count nothing after a year: "in 2020 was",
// "to 2019 levels".
var notCountNouns = map[string]bool{
	"was": true, "has": true, "does": true, "this": true, "its": true, "his": true,
	"hers": true, "ours": true, "yours": true, "theirs": true, "always": true,
	"perhaps": true, "whereas": true, "besides": true, "towards": true, "afterwards": true,
	"levels": true, "elections": true, "figures": true, "prices": true, "rates": true,
	"standards": true, "results": true, "games": true, "olympics": true, "polls": true,
	"budgets": true, "accounts": true, "estimates": true, "projections": true,
	"targets": true, "goals": true, "emissions": true, "numbers": true, "lows": true,
	"highs": true, "peaks": true, "records": true, "totals": true, "forecasts": true,
	"earnings": true, "sales": true, "profits": true, "losses": true, "finals": true,
	"championships": true, "midterms": true, "primaries": true, "talks": true,
}

// southAsianScales are the scale words of Indian and Pakistani news: "Rs
// 200 crore" is 2e9 rupees.
var southAsianScales = map[string]int{"lakh": 5, "lakhs": 5, "crore": 7, "crores": 7}

// gluedScales are scale words glued to digits: "$5bn", "3mn", "€2tn".
var gluedScales = map[string]int{
	"bn": 9, "bln": 9, "mn": 6, "mln": 6, "tn": 12, "trn": 12,
}

// gluedShortScales are scale letters that are also units ("5m" metres, "5k"
// a race): a scale only after a currency sign or before a counted noun.
var gluedShortScales = map[string]int{
	"m": 6, "k": 3, "b": 9,
}

// gluedUnits are units written against the digits: "800,000bpd", "10km".
// The digits are the number; the unit stays out of its Text, as a unit
// written apart does.
var gluedUnits = map[string]bool{
	"bpd": true, "b/d": true, "boe": true, "boepd": true, "km": true, "kms": true, "m": true,
	"cm": true, "mm": true, "kg": true, "kgs": true, "mg": true, "mt": true, "lb": true, "lbs": true, "oz": true, "ft": true, "mi": true, "mph": true,
	"kph": true, "km/h": true, "mw": true, "gw": true, "kw": true, "kwh": true, "mwh": true,
	"gwh": true, "twh": true, "bcm": true, "tcf": true, "bcf": true, "ha": true, "ml": true,
	"gb": true, "tb": true, "mb": true,
}

// currencyPrefixes come before "$" in the sign of a dollar: "US$", "HK$".
var currencyPrefixes = map[string]bool{
	"US": true, "A": true, "C": true, "HK": true, "NZ": true, "S": true, "R": true, "NT": true,
}

// currencyCodes written before an amount: "USD 5 billion", "Rs 200".
var currencyCodes = map[string]bool{
	"usd": true, "eur": true, "gbp": true, "jpy": true, "cny": true, "rmb": true, "inr": true,
	"rs": true, "rs.": true, "aed": true, "sar": true, "chf": true, "rub": true,
	"egp": true, "ngn": true, "zar": true, "krw": true, "brl": true, "cad": true, "aud": true,
}

// currencyUnits are currencies named after an amount, beyond
// currencyWords: "5 billion riyals", "50 cents".
var currencyUnits = map[string]bool{
	"dollar": true, "euro": true, "cents": true, "dinars": true, "riyals": true,
	"rials": true, "dirhams": true, "rubles": true, "roubles": true, "shekels": true,
	"lira": true, "liras": true, "pesos": true, "francs": true, "naira": true,
	"ringgit": true, "rupiah": true, "baht": true, "kronor": true, "kroner": true,
	"krona": true, "zlotys": true, "hryvnias": true, "yuan": true, "renminbi": true,
}
