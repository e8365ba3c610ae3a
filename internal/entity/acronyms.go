package entity

import "github.com/newsdump/newsdump/internal/ner"

// acronymDefinitions finds "Long Name (ACRONYM)" where the acronym's
// letters are the long name's initials ("Organization of the Petroleum
// Exporting Countries (OPEC)", "Kuwait News Agency (KUNA)") and adds both
// as one type, before the tagger's spans: an organisation, or a place
// when the long name is a place (a known one, or one the tagger labels
// only as a place: "Democratic Republic of the Congo (DRC)"). A long name
// the tagger takes for a person is left alone. Both are marked sure, so
// that the text's other mentions of the acronym take the type.
func (x *Extractor) acronymDefinitions() {
	d := &x.doc
	n := len(d.Toks)
	for p := 1; p+2 < n; p++ {
		if !x.lowIs(p, "(") || !x.lowIs(p+2, ")") || !x.isDefinableAcronym(p+1) {
			continue
		}
		s := x.longFormStart(p, x.tokenText(p+1))
		if s < 0 || !x.free(s, p) || x.inEntity[p+1] {
			continue
		}
		typ, ok := x.longFormType(s, p)
		if !ok {
			continue
		}
		x.add(s, p, typ, x.value(s, p, typ))
		x.ents[len(x.ents)-1].sure = true
		x.add(p+1, p+2, typ, x.value(p+1, p+2, typ))
		x.ents[len(x.ents)-1].sure = true
		p += 2
	}
}

// isDefinableAcronym reports a token of two to eight capital letters (a
// "&" or digit may sit inside: "AT&T" is tokenized apart, "G7" is not).
func (x *Extractor) isDefinableAcronym(i int) bool {
	t := x.tokenText(i)
	if len(t) < 2 || len(t) > 8 || t[0] < 'A' || t[0] > 'Z' {
		return false
	}
	for k := 0; k < len(t); k++ {
		if !(t[k] >= 'A' && t[k] <= 'Z' || t[k] >= '0' && t[k] <= '9') {
			return false
		}
	}
	return true
}

// longFormStart returns the first token of the longest name ending before
// token p whose capitalised words spell acr by their first letters (each
// word gives the first one or more letters of its own), or -1. Between
// the words, "of", "the", "and", "for", "on", "&", "de" and a hyphen may
// stand without giving a letter.
func (x *Extractor) longFormStart(p int, acr string) int {
	var words [12]int
	nw := 0
	first := -1
	for k := p - 1; k >= 0 && p-k <= 14 && nw < len(words); k-- {
		if x.isCap(k) {
			words[nw] = k
			nw++
			first = k
			if x.doc.Toks[k].SentStart {
				break
			}
			continue
		}
		// "Co-operation": a part in lower case after a hyphen that
		// touches it gives no letter.
		if !x.doc.Toks[k].SentStart && x.doc.Cls[k] == 'x' && k >= 2 && x.lowIs(k-1, "-") && x.adjacent(k-1) && x.adjacent(k-2) && x.isCap(k-2) {
			continue
		}
		if x.doc.Toks[k].SentStart || !longFormGlue[string(x.lowBytes(k))] {
			break
		}
	}
	if first < 0 {
		return -1
	}
	// words holds the capitalised words from the last one back; try the
	// longest name first.
	for m := nw; m >= 1; m-- {
		if x.spells(acr, words[:m]) {
			return words[m-1]
		}
	}
	return -1
}

// spells reports whether the words (token indices, last word first) give
// the letters of acr in order, each word at least its first letter.
func (x *Extractor) spells(acr string, rev []int) bool {
	var match func(a, w int) bool
	match = func(a, w int) bool {
		if w < 0 {
			return a == len(acr)
		}
		word := x.lowBytes(rev[w])
		for l := 1; l <= len(word) && a+l <= len(acr); l++ {
			c := acr[a+l-1]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if word[l-1] != c {
				break
			}
			if match(a+l, w-1) {
				return true
			}
		}
		return false
	}
	return match(0, len(rev)-1)
}

// longFormGlue may stand between the words of a long name without
// giving its acronym a letter.
var longFormGlue = map[string]bool{
	"of": true, "the": true, "and": true, "for": true, "on": true, "&": true, "de": true, "-": true,
	"in": true, "des": true, "du": true, "la": true,
}

// longFormType decides the type of the long name [s, p): a place when
// the gazetteer knows it as one or the tagger labels all of it a place,
// an organisation otherwise; not at all when the tagger calls any of it a
// person.
func (x *Extractor) longFormType(s, p int) (Type, bool) {
	places, orgs := 0, 0
	for k := s; k < p; k++ {
		switch x.labels[k] {
		case ner.LBPer, ner.LIPer:
			return "", false
		case ner.LBLoc, ner.LILoc:
			places++
		case ner.LBOrg, ner.LIOrg:
			orgs++
		}
	}
	if x.isPlaceSpan(s, p) || orgs == 0 && places > 0 && !x.orgByHead(s, p, tagPlace) {
		return Location, true
	}
	return Org, true
}

// value is the Value of a new entity of type typ over tokens [i, j).
func (x *Extractor) value(i, j int, typ Type) string {
	text := x.doc.Text[x.doc.Toks[i].Start:x.doc.Toks[j-1].End]
	switch typ {
	case Location:
		return canonicalPlace(text)
	case Org, NORP:
		return trimThe(text)
	}
	return text
}
