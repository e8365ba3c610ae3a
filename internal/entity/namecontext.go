package entity

import "github.com/newsdump/newsdump/internal/ner"

// A one-word name can be a person's surname and a place at once:
// "Michael Jordan scored 30 points. Jordan said he was tired." and
// "Jordan reopened its border". The words around the name decide
// (nameContext): what a person does or has ("said he", "'s wife", ", 35,")
// or what a place does or has ("in", "its", "'s government").

// nameContext says what the words around the one-word name at token i
// make it: Person ("Jordan said he was tired", "Jordan told reporters",
// "Jordan's wife", "Jordan, 35,", "Jordan, who"), Location ("in Jordan",
// "Jordan's government", "Jordan's King Abdullah", "Jordan reopened its
// border"), or "" when they say neither. The evidence is read in that
// order: a preposition of places before it, a possessive, an apposition,
// the first pronoun after it in its sentence (before any other name), a
// verb of speech right after it.
func (x *Extractor) nameContext(i int) Type {
	if placePrepositions[string(x.lowBytes(i-1))] {
		return Location
	}
	k := i + 1
	if x.isPossessive(k) {
		w := x.lowBytes(k + 1)
		switch {
		case personHas[string(w)]:
			return Person
		case placeHas[string(w)] || x.isCap(k+1) && x.has(k+1, ner.GTitle):
			return Location
		}
	}
	if x.lowIs(k, ",") && (x.lowIs(k+1, "who") || x.isAge(k+1) && x.lowIs(k+2, ",")) {
		return Person
	}
	if t := x.pronounAfter(k); t != "" {
		return t
	}
	if personVerbs[string(x.lowBytes(k))] && x.doc.Cls[k] == 'x' {
		return Person
	}
	// `"I was tired," said Jordan.`
	if i >= 2 && personVerbs[string(x.lowBytes(i-1))] && (x.lowIs(i-2, ",") || x.lowIs(i-2, "”") || x.lowIs(i-2, "\"")) {
		return Person
	}
	return ""
}

// pronounAfter returns Person for the pronoun "he", "she", "his", "her",
// "him", "himself" or "herself", Location for "its" or "itself", when it
// is the first such pronoun among the eight tokens from k, in the same
// sentence and before any other capitalised word; "" if none. "it" says
// nothing: people say "it was" too.
func (x *Extractor) pronounAfter(k int) Type {
	for m := k; m < k+8 && m < len(x.doc.Toks) && !x.doc.Toks[m].SentStart; m++ {
		if x.isCap(m) {
			return ""
		}
		switch string(x.lowBytes(m)) {
		case "he", "she", "his", "her", "him", "himself", "herself":
			return Person
		case "its", "itself":
			return Location
		}
	}
	return ""
}

// isAge reports a number of one to three digits at token i: "Jordan, 35,".
func (x *Extractor) isAge(i int) bool {
	t := x.tokenTextOrEmpty(i)
	if len(t) == 0 || len(t) > 3 {
		return false
	}
	for k := 0; k < len(t); k++ {
		if t[k] < '0' || t[k] > '9' {
			return false
		}
	}
	return true
}

// surnamesInContext retypes a one-word name that is the surname of a
// person named in full in the text, as its context says (nameContext):
// "Jordan said he was tired" after "Michael Jordan" is that person, even
// though Jordan is a country; "Jordan reopened its border" is the
// country, though a Michael Jordan is named. A name whose context says
// nothing keeps its type. The context of such a surname, and of every
// one-word place and organisation, is kept in Entity.Context, for
// Article.Entities to read against the surnames of the whole article. It
// runs on the sorted entities, before linkPersons.
func (x *Extractor) surnamesInContext() {
	for k := range x.ents {
		e := &x.ents[k]
		if e.Type != Person && e.Type != Org && e.Type != Location {
			continue
		}
		i, j := x.tokenRange(e.Start, e.End)
		if i < 0 || j-i != 1 {
			continue
		}
		surname := x.surnameHashes[x.doc.Hash[i]]
		if !surname && e.Type == Person {
			continue // no context is read: Article.Entities needs it of places and organisations only
		}
		e.Context = x.nameContext(i)
		if !surname || e.Context == "" || e.Context == e.Type {
			continue
		}
		switch {
		case e.Context == Person:
			e.Type, e.Value = Person, e.Text
		case e.Context == Location && e.Type == Person && x.isPlaceSpan(i, j):
			e.Type, e.Value = Location, canonicalPlace(e.Text)
		}
	}
}

// placePrepositions before a name make it a place for nameContext: "in
// Jordan". "to", "from" and "against" are not among them: a ball is
// passed to a player, a team plays against one.
var placePrepositions = map[string]bool{
	"in": true, "into": true, "inside": true, "across": true, "throughout": true, "near": true,
}

// personHas are what a person has, after a possessive: "Jordan's wife".
var personHas = map[string]bool{
	"wife": true, "husband": true, "mother": true, "father": true, "son": true, "daughter": true,
	"brother": true, "sister": true, "parents": true, "children": true, "family": true, "widow": true,
	"girlfriend": true, "boyfriend": true, "fiancee": true, "fiancée": true, "agent": true,
	"lawyer": true, "lawyers": true, "attorney": true, "teammate": true, "teammates": true,
	"career": true, "birthday": true, "funeral": true,
}

// placeHas are what a country or a city has, after a possessive:
// "Jordan's government".
var placeHas = map[string]bool{
	"government": true, "army": true, "military": true, "armed": true, "king": true, "queen": true,
	"monarch": true, "capital": true, "border": true, "borders": true, "economy": true,
	"parliament": true, "ministry": true, "foreign": true, "interior": true, "defence": true,
	"defense": true, "prime": true, "president": true, "population": true, "citizens": true,
	"territory": true, "airspace": true, "embassy": true, "central": true, "security": true,
	"mayor": true, "council": true, "residents": true,
}

// personVerbs after a name, or before it after a quotation, say what a
// person does: "Jordan said", `"...," said Jordan`.
var personVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "tells": true, "added": true, "adds": true,
	"explained": true, "recalled": true, "insisted": true, "admitted": true, "replied": true,
	"wrote": true, "tweeted": true, "joked": true, "laughed": true, "smiled": true,
}
