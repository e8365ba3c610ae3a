package entity

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/newsdump/newsdump/internal/ner"
)

// CasedHeadline reports whether title is written in Title Case ("Jordan
// Reopens Aqaba Port") or in capitals, where a capital says nothing about
// a name. It is so when at least two of its words that are not short
// function words are written, and four in five of them capitalised, or
// when it has no lower-case letter at all.
func CasedHeadline(title string) bool {
	words, caps, lower := 0, 0, false
	for i := 0; i < len(title); {
		r, n := utf8.DecodeRuneInString(title[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i
		for j < len(title) {
			r2, n2 := utf8.DecodeRuneInString(title[j:])
			if !unicode.IsLetter(r2) && r2 != '\'' && r2 != '’' {
				break
			}
			if unicode.IsLower(r2) {
				lower = true
			}
			j += n2
		}
		w := title[i:j]
		if !headlineSmallWords[strings.ToLower(w)] {
			words++
			if unicode.IsUpper(r) {
				caps++
			}
		}
		i = j
	}
	if words >= 2 && !lower {
		return true
	}
	return words >= 2 && caps*5 >= words*4
}

// headlineSmallWords stay in lower case in Title Case.
var headlineSmallWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "nor": true,
	"of": true, "in": true, "on": true, "at": true, "to": true, "for": true, "by": true,
	"with": true, "from": true, "as": true, "vs": true, "vs.": true, "via": true, "into": true,
	"over": true, "after": true, "amid": true, "up": true, "off": true, "out": true,
}

// unmarkNameDense clears the tagger's headline mark (ner.Doc.Title, four
// in five long words capitalised) on the sentences that have a long word
// in lower case that Title Case would have capitalised: "He was educated
// at Eton College and Balliol College, Oxford." is a sentence full of
// names, not a headline, and the rules read its capitals as names. The
// tagger has already run on the mark, which the rules alone see cleared.
// A word of five letters or more that is no small word of headlines
// ("after", "amid") is one Title Case capitalises.
func (x *Extractor) unmarkNameDense() {
	d := &x.doc
	n := len(d.Toks)
	for i := 0; i < n; {
		j := i + 1
		for j < n && !d.Toks[j].SentStart {
			j++
		}
		if d.Title[i] {
			for k := i; k < j; k++ {
				if low := x.lowBytes(k); d.Cls[k] == 'x' && len(low) >= 5 && !headlineSmallWords[string(low)] {
					for m := i; m < j; m++ {
						d.Title[m] = false
					}
					break
				}
			}
		}
		i = j
	}
}

// KnownName reports whether name, found as typ in a headline written in
// Title Case or capitals, is one that the word lists alone make a typ
// when the article's body does not name it: a place the gazetteer holds
// whole ("Aqaba", "Gaza Strip"); an organisation the lists know, or whose
// last word is an organisation word ("Supreme Court"), or an acronym when
// the headline is not in capitals; a person of two or more words whose
// first is a known first name and whose last is a known name, none of
// them a common word, a title or an organisation word ("Kylie Jenner",
// not "Chip Glut"); NORP always (nationality words are a list).
func KnownName(name string, typ Type, capitals bool) bool {
	d := headlineDocs.Get().(*ner.Doc)
	defer headlineDocs.Put(d)
	d.Starts = nil
	g := ner.DefaultGazetteer()
	d.Reset(name, g)
	n := len(d.Toks)
	if n == 0 {
		return false
	}
	places := ner.GCountry | ner.GLoc | ner.GCity | ner.GCapital
	if n == 1 && capitals && isCapitalWord(d, g, 0) {
		return false
	}
	switch typ {
	case NORP:
		return true
	case Location:
		if _, ok := countryAliases[strings.ToLower(trimThe(name))]; ok {
			return true
		}
		return g.Longest(d.Hash, places) == n
	case Org:
		last := lowTok(d, n-1)
		switch {
		case n == 1 && (knownOrgs[lowTok(d, 0)] || creditAgencies[lowTok(d, 0)] != ""):
			return true
		case g.Longest(d.Hash, ner.GOrgs) == n:
			return true
		case n > 1 && (orgHeads[last] || d.GazB[n-1]&ner.GOrgWord != 0):
			return true
		case n == 1 && !capitals && isAcronym(d, 0):
			return true
		}
		return false
	case Person:
		if g.Longest(d.Hash, ner.GPerson) == n && n > 1 {
			return true
		}
		// The last word a known surname too: "Chip Glut" is a
		// headline's noun phrase, not a person the body never names.
		return d.GazB[n-1]&(ner.GFirst|ner.GLast|ner.GPerson) != 0 && firstNameFirst(d, g)
	}
	return false
}

// FirstNameBefore reports whether name is a known first name followed by
// words shaped as names, none a common word, a title or an organisation
// word: "Mark Esper" over a body that names "Esper" is the fuller name.
func FirstNameBefore(name string) bool {
	d := headlineDocs.Get().(*ner.Doc)
	defer headlineDocs.Put(d)
	d.Starts = nil
	g := ner.DefaultGazetteer()
	d.Reset(name, g)
	return len(d.Toks) > 0 && firstNameFirst(d, g)
}

// firstNameFirst reports whether the tokens of d are a known first name
// and at least one more word shaped as a name.
func firstNameFirst(d *ner.Doc, g *ner.Gazetteer) bool {
	if d.GazB[0]&ner.GFirst == 0 {
		return false
	}
	words := 0
	for k := range d.Toks {
		switch {
		case d.Cls[k] == 'X':
			if d.GazB[k]&(ner.GTitle|ner.GMonth|ner.GWeekday|ner.GOrgWord|ner.GDemonym) != 0 {
				return false
			}
			if d.GazB[k]&(ner.GFirst|ner.GLast|ner.GPerson) == 0 && g.IsCommon(d.Low[d.LowOff[k][0]:d.LowOff[k][1]]) {
				return false
			}
			words++
		case nameConnectors[lowTok(d, k)], lowTok(d, k) == "-", lowTok(d, k) == ".":
		default:
			return false
		}
	}
	return words >= 2
}

// KnownPlaces returns the places and organisations of text that the word
// lists alone name: the longest gazetteer places, and one-word
// organisations the lists know ("Jordan" and "Aqaba" in "Jordan Reopens
// Aqaba"). It reads what is left of a headline's name that the body does
// not confirm; capitals says the headline is in capitals, where a short
// or common word ("IN") is taken for no place.
func KnownPlaces(text string, capitals bool) []Entity {
	return knownPlaces(text, capitals, true, nil)
}

// UnreadPlaces returns the places of the gazetteer in a headline in
// Title Case or capitals that the tagger read nothing at, for
// Article.Entities to keep where the body does not write them in lower
// case: "Zürich" in "Zürich Talks Resume", whose accented word the
// tagger's word clusters do not hold. They are KnownPlaces' places, but
// that a one-word place must be no common word ("Nice", "Reading"), no
// first name or surname ("Jordan", "Washington"), title, month, weekday
// or nationality word. The spans are byte offsets into title.
func UnreadPlaces(title string, capitals bool) []Entity {
	return knownPlaces(title, capitals, false, func(d *ner.Doc, g *ner.Gazetteer, place string, i, l int) bool {
		// A place written without a space is one word: one token, whose
		// own classes (not those of longer names it starts) decide.
		return strings.Contains(place, " ") ||
			l == 1 && g.Lookup(d.Hash[i:i+1])&(ner.GCommon|ner.GFirst|ner.GLast|ner.GPerson|ner.GTitle|ner.GMonth|ner.GWeekday|ner.GDemonym) == 0
	})
}

// knownPlaces is KnownPlaces and UnreadPlaces: the places of text that
// the lists name, those keep (if not nil) accepts of them, the place
// being tokens [i, i+l) of d, and with orgs the one-word organisations.
func knownPlaces(text string, capitals, orgs bool, keep func(d *ner.Doc, g *ner.Gazetteer, place string, i, l int) bool) []Entity {
	d := headlineDocs.Get().(*ner.Doc)
	defer headlineDocs.Put(d)
	d.Starts = nil
	g := ner.DefaultGazetteer()
	d.Reset(text, g)
	places := ner.GCountry | ner.GLoc | ner.GCity | ner.GCapital
	var out []Entity
	for i := 0; i < len(d.Toks); i++ {
		if d.Cls[i] != 'X' || lowTok(d, i) == "the" {
			continue
		}
		if l := g.Longest(d.Hash[i:], places); l > 0 && d.Cls[i+l-1] == 'X' && !(l == 1 && (placeWords[lowTok(d, i)] || capitals && isCapitalWord(d, g, i))) {
			s, e := int(d.Toks[i].Start), int(d.Toks[i+l-1].End)
			if keep == nil || keep(d, g, text[s:e], i, l) {
				out = append(out, Entity{Text: text[s:e], Type: Location, Start: s, End: e, Value: canonicalPlace(text[s:e])})
			}
			i += l - 1
			continue
		}
		if orgs && knownOrgs[lowTok(d, i)] {
			s, e := int(d.Toks[i].Start), int(d.Toks[i].End)
			out = append(out, Entity{Text: text[s:e], Type: Org, Start: s, End: e, Value: text[s:e]})
		}
	}
	return out
}

// NameWord reports whether word may be one word of the name of a place
// or organisation: a place or organisation the gazetteer holds by that
// word alone ("America"), a compass or size word ("North", "Greater"),
// or an organisation word ("Ministry", "Bank").
func NameWord(word string) bool {
	low := strings.ToLower(word)
	if placeWords[low] || orgHeads[low] || knownOrgs[low] {
		return true
	}
	if _, ok := countryAliases[low]; ok {
		return true
	}
	d := headlineDocs.Get().(*ner.Doc)
	defer headlineDocs.Put(d)
	d.Starts = nil
	d.Reset(word, ner.DefaultGazetteer())
	return len(d.Toks) == 1 && d.GazB[0]&(ner.GCountry|ner.GLoc|ner.GCity|ner.GCapital|ner.GOrgs|ner.GOrgWord) != 0
}

// IsPlaceWord reports a compass or size word that begins place names
// ("North", "Greater") and that a text also writes in lower case.
func IsPlaceWord(word string) bool { return placeWords[strings.ToLower(word)] }

// placeWords begin or end place names without being places.
var placeWords = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northern": true,
	"southern": true, "eastern": true, "western": true, "central": true, "upper": true,
	"lower": true, "greater": true, "new": true, "old": true, "great": true, "little": true,
	"northeast": true, "northwest": true, "southeast": true, "southwest": true,
}

// isCapitalWord reports a token of a headline in capitals that is a word
// before it is a name: a short function word, a common word or a word of
// two letters ("IN" is no Indiana, "US" may be us).
func isCapitalWord(d *ner.Doc, g *ner.Gazetteer, i int) bool {
	low := lowTok(d, i)
	return headlineSmallWords[low] || len(low) <= 2 || g.IsCommon(d.Low[d.LowOff[i][0]:d.LowOff[i][1]])
}

// headlineDocs are the token tables of headline names being checked.
var headlineDocs = sync.Pool{New: func() any { return new(ner.Doc) }}
