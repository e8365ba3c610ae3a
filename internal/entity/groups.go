package entity

import (
	"strings"

	"github.com/newsdump/newsdump/internal/ner"
)

// norp tags nationality words not already inside a name.
func (x *Extractor) norp() {
	d := &x.doc
	n := len(d.Toks)
	for i := 0; i < n; i++ {
		if x.inEntity[i] || !(x.has(i, ner.GDemonym) || x.isGroupWord(i)) || !x.isCap(i) {
			continue
		}
		j := i + 1
		for j < n && d.GazI[j]&ner.GDemonym != 0 && !x.inEntity[j] {
			j++
		}
		x.add(i, j, NORP, x.doc.Text[d.Toks[i].Start:d.Toks[j-1].End])
		i = j - 1
	}
}

func (x *Extractor) isGroupWord(i int) bool {
	return x.isCap(i) && norpGroups[string(x.lowBytes(i))]
}

// isNationalityLike reports a word that names a people or a faith rather
// than one organisation: a nationality or group word, or an adjective
// of nationality no list knows ("Kurdish", "Congolese", "Ivorian").
func (x *Extractor) isNationalityLike(i int) bool {
	if x.has(i, ner.GDemonym) || x.isGroupWord(i) {
		return true
	}
	low := x.lowBytes(i)
	if len(low) < 5 || knownOrgs[string(low)] || x.has(i, ner.GOrgs) {
		return false
	}
	switch string(low[len(low)-3:]) {
	case "ish", "ese", "ian":
		return true
	}
	return false
}

// isDemonymAt reports a nationality word at token i, which norp takes
// rather than a place: a demonym of the gazetteer that is no country
// ("Iraqi"), or one that the country lists also hold as a short name
// ("Saudi" for Saudi Arabia, "Thai") and whose plural is a demonym too, a
// word of people ("Saudis", "Thais"; a place's own name, "Greenland",
// has none), anywhere but where it is a noun (placeNounUse).
func (x *Extractor) isDemonymAt(i int) bool {
	if !x.has(i, ner.GDemonym) {
		return false
	}
	if !x.has(i, ner.GCountry) {
		return true
	}
	var buf [32]byte
	low := x.lowBytes(i)
	if len(low) >= len(buf) {
		return false
	}
	plural := append(append(buf[:0], low...), 's')
	return ner.DefaultGazetteer().Word(plural)&ner.GDemonym != 0 && !x.placeNounUse(i)
}

// placeNounUse reports a word of both a place and a people at token i
// used as the place's name, not as an adjective: before a possessive
// ("Saudi's output"), or after a preposition of places with no word after
// it that it could qualify ("moved to Saudi in 2019", "between Saudi and
// Iran"; but "to Saudi officials").
func (x *Extractor) placeNounUse(i int) bool {
	if x.isPossessive(i + 1) {
		return true
	}
	switch string(x.lowBytes(i - 1)) {
	case "in", "into", "inside", "across", "throughout", "near", "to", "from", "visit", "visited", "between":
	default:
		return false
	}
	k := i + 1
	if k >= len(x.doc.Toks) || x.doc.Toks[k].SentStart {
		return true
	}
	switch x.doc.Cls[k] {
	case 'X':
		return false
	case 'x':
		return functionWords[string(x.lowBytes(k))] || strings.HasSuffix(string(x.lowBytes(k)), "ed")
	}
	return !(x.lowIs(k, "-") && x.adjacent(i)) // "to Saudi-backed forces"
}

// functionWords after a name say it qualifies no noun there: "to Saudi
// in 2019", "between Saudi and Iran".
var functionWords = map[string]bool{
	"and": true, "or": true, "but": true, "in": true, "on": true, "at": true, "to": true, "from": true,
	"of": true, "for": true, "with": true, "by": true, "as": true, "since": true, "until": true,
	"last": true, "this": true, "next": true, "after": true, "before": true, "during": true,
	"over": true, "is": true, "was": true, "are": true, "were": true, "has": true, "had": true,
	"have": true, "will": true, "would": true, "could": true, "can": true, "may": true, "said": true,
	"says": true, "that": true, "which": true, "where": true, "when": true,
}
