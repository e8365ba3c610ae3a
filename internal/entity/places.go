package entity

import (
	"strings"

	"github.com/newsdump/newsdump/internal/ner"
)

// gazetteerPlaces adds the countries, and the places of more than one
// word, that the tagger left out. A one-word country that is also a
// name or a common word (Chad, Jordan, Turkey) is left to the tagger,
// but for a first name alone (countryAlone) and a place's context ("in
// Jordan").
func (x *Extractor) gazetteerPlaces() {
	g := ner.DefaultGazetteer()
	n := len(x.doc.Toks)
	for i := 0; i < n; i++ {
		if x.inEntity[i] || !x.isCap(i) || x.lowIs(i, "the") {
			continue
		}
		l := g.Longest(x.doc.Hash[i:], ner.GCountry|ner.GLoc|ner.GCity|ner.GCapital)
		if l == 0 || !x.free(i, i+l) {
			continue
		}
		ok := true
		for k := i; k < i+l; k++ {
			if !x.isCap(k) && !x.lowIs(k, "of") && !x.lowIs(k, "-") {
				ok = false
			}
		}
		if l == 1 && (!x.has(i, ner.GCountry|ner.GLoc) || x.isDemonymAt(i) || x.has(i, ner.GFirst|ner.GLast) && !x.placeContext(i) && !x.countryAlone(i) || x.has(i, ner.GCommon) && !x.isAllCaps(i)) {
			ok = false
		}
		// A common word in capitals is a place when it is a country
		// ("US"), or a state after a comma ("Tulsa, OK"): alone, "OK",
		// "ME" and "ID" are the words, not Oklahoma, Maine and Idaho.
		if l == 1 && x.has(i, ner.GCommon) && x.isAllCaps(i) && !x.has(i, ner.GCountry) && !x.lowIs(i-1, ",") {
			ok = false
		}
		// Part of a longer name: "Paris Agreement", "New York Times".
		if i+l < n && x.isCap(i+l) && !x.doc.Toks[i+l].SentStart && !x.has(i+l, ner.GTitle) && !x.doc.Title[i] {
			ok = false
		}
		if ok {
			x.add(i, i+l, Location, canonicalPlace(x.doc.Text[x.doc.Toks[i].Start:x.doc.Toks[i+l-1].End]))
			i += l - 1
		}
	}
}

// placeContext reports a word before token i that introduces a place:
// "anti-Israel", "in Jordan", "to Chad".
func (x *Extractor) placeContext(i int) bool {
	if x.lowIs(i-1, "-") && x.adjacent(i-1) {
		return true
	}
	switch string(x.lowBytes(i - 1)) {
	case "in", "to", "from", "into", "across", "against", "toward", "towards", "near", "visit", "visited":
		return true
	}
	return false
}

// countryAlone reports a country at token i that is also a first name but
// no surname (Jordan, Georgia, Israel, Chad) and that nothing around it
// makes a person: no capitalised word, title or honorific right before
// it (the check after it is gazetteerPlaces'). A person is rarely named
// by a first name alone in news, and the tagger, since its features read
// runs of capitalised words, leaves such a country at a sentence's start
// untagged ("Jordan reopened the port of Aqaba").
func (x *Extractor) countryAlone(i int) bool {
	if !x.has(i, ner.GCountry) || x.has(i, ner.GLast) || x.isHonorific(i-1) || x.has(i-1, ner.GTitle) {
		return false
	}
	return i == 0 || x.doc.Toks[i].SentStart || !x.isCap(i-1)
}

// placeNames adds untagged names before a place noun: "Yemen's Hajjah
// governorate".
func (x *Extractor) placeNames() {
	for k := range x.doc.Toks {
		if k == 0 || x.inEntity[k-1] || !x.isCap(k-1) || !x.placeNounAt(k) {
			continue
		}
		i := k - 1
		for i > 0 && !x.inEntity[i-1] && x.isCap(i-1) && !x.doc.Toks[i].SentStart && k-i < 3 {
			i--
		}
		// "The port shipped ...": a sentence's first word that is a
		// common word names no place.
		for i < k && (x.lowIs(i, "the") || x.doc.Toks[i].SentStart && x.has(i, ner.GCommon)) {
			i++
		}
		if i < k {
			x.add(i, k, Location, x.doc.Text[x.doc.Toks[i].Start:x.doc.Toks[k-1].End])
		}
	}
}

// placeNounAt reports a place noun at token i, in lower case: "province",
// "airport", or a base named by its arm ("air base", "naval base").
func (x *Extractor) placeNounAt(i int) bool {
	if i >= len(x.doc.Toks) || x.doc.Cls[i] != 'x' {
		return false
	}
	if baseArms[string(x.lowBytes(i))] && i+1 < len(x.doc.Toks) && x.doc.Cls[i+1] == 'x' && (x.lowIs(i+1, "base") || x.lowIs(i+1, "bases")) {
		return true
	}
	return placeNouns[string(x.lowBytes(i))]
}

// coordinatePlaces retypes a one-word PERSON listed with places as a
// place: "Sirens sounded in Haifa, Krayot and other areas". A comma
// alone after a place opens no list ("Born in England, Norton spent
// …"): the list must go on after the name.
func coordinatePlaces(text string, ents []Entity) {
	for pass := 0; pass < 2; pass++ {
		for k := range ents {
			e := &ents[k]
			if e.Type != Person || strings.ContainsAny(e.Text, " -") {
				continue
			}
			after := k > 0 && ents[k-1].Type == Location && isListGap(text[ents[k-1].End:e.Start])
			if after && text[ents[k-1].End:e.Start] == ", " && !listGoesOn(text[e.End:]) {
				after = false
			}
			if after || k+1 < len(ents) && ents[k+1].Type == Location && isListGap(text[e.End:ents[k+1].Start]) {
				e.Type = Location
			}
		}
	}
}

// listGoesOn reports whether the text after a name carries on a list.
func listGoesOn(rest string) bool {
	for _, p := range [...]string{", ", " and ", " or "} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

func isListGap(s string) bool {
	switch s {
	case ", ", " and ", ", and ", " or ", ", or ":
		return true
	}
	return false
}

// canonicalPlace normalises a LOCATION's text. It allocates nothing:
// the alias look-up lower-cases into a small array.
func canonicalPlace(text string) string {
	t := trimThe(text)
	var buf [40]byte
	n := 0
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == 0xE2 && strings.HasPrefix(t[i:], "’"):
			c = '\''
			i += len("’") - 1
		case c >= 0x80:
			return placeAliasSlow(text, t)
		}
		if n == len(buf) {
			return text
		}
		buf[n] = c
		n++
	}
	if c, ok := countryAliases[string(buf[:n])]; ok {
		return c
	}
	return text
}

// placeAliasSlow handles names with non-ASCII letters ("Türkiye").
func placeAliasSlow(text, t string) string {
	if c, ok := countryAliases[strings.ToLower(strings.ReplaceAll(t, "’", "'"))]; ok {
		return c
	}
	return text
}
