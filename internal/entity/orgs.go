package entity

import (
	"cmp"
	"slices"
	"strings"

	"github.com/newsdump/newsdump/internal/ner"
)

// orgRules adds organisations the tagger missed: known one-word names,
// names of the organisation gazetteer, acronyms, and runs of capitalised
// words with an organisation head word or legal form.
func (x *Extractor) orgRules() {
	n := len(x.doc.Toks)
	x.indexed = false
	defer x.dropTakenOver()
	for i := 0; i < n; i++ {
		if x.inEntity[i] {
			// "Food" + "and Drug Administration": a name of the gazetteer
			// that starts with an entity the tagger found and goes on past
			// it takes it over, as it does the entities inside it.
			if l := x.listOrgAt(i); l > 0 && x.entityIndex()[i+l-1] != x.entityIndex()[i] && x.takeOver(i, i+l) {
				x.addIndexed(i, i+l, Org, x.doc.Text[x.doc.Toks[i].Start:x.doc.Toks[i+l-1].End])
				i += l - 1
				continue
			}
			x.retypeOneWordOrg(i)
			x.dropCommonAbbreviation(i)
			continue
		}
		if !x.isCap(i) || x.lowIs(i, "the") {
			continue
		}
		// A name of the organisation gazetteer, free or holding entities.
		l := x.listOrgAt(i)
		gaz := l > 0 && (x.free(i, i+l) || x.takeOver(i, i+l))
		// "A Reuters reporter": a sentence's first word that is a common
		// word, or one letter, starts no name, unless it begins one of
		// the gazetteer's ("National Grid said").
		if x.doc.Toks[i].SentStart && (x.has(i, ner.GCommon) || len(x.lowBytes(i)) == 1) && !knownOrgs[string(x.lowBytes(i))] && !gaz {
			continue
		}
		if knownOrgs[string(x.lowBytes(i))] && !(i+1 < len(x.doc.Toks) && x.isCap(i+1) && !x.doc.Toks[i+1].SentStart) {
			x.addIndexed(i, i+1, Org, x.tokenText(i))
			continue
		}
		if gaz {
			x.addIndexed(i, i+l, Org, x.doc.Text[x.doc.Toks[i].Start:x.doc.Toks[i+l-1].End])
			i += l - 1
			continue
		}
		if x.knownOneWordOrg(i) {
			x.addIndexed(i, i+1, Org, x.tokenText(i))
			continue
		}
		if x.isAcronymOrg(i) {
			j := x.acronymEnd(i)
			x.addIndexed(i, j, Org, x.doc.Text[x.doc.Toks[i].Start:x.doc.Toks[j-1].End])
			i = j - 1
			continue
		}
		j := x.capRunEnd(i)
		// Titles at the end are not part of the name: "Police Chief"
		// before "John Smith". A title that no name follows is a word of
		// the name: "European Court of Justice ruled".
		e := j
		for e > i && x.has(e-1, ner.GTitle) && (e < n && (x.inEntity[e] || x.isCap(e))) {
			e--
		}
		for e > i && !x.isCap(e-1) {
			e--
		}
		// "Saudi Energy Minister", "Oil Minister": the words before a
		// minister's title are its portfolio, and the nationality or
		// place before them, not an organisation, though "Energy" ends
		// company names ("Duke Energy Chairman" and "Saudi Energy
		// Ministry" are organisations).
		if x.isPortfolioTitle(e) && e > i && portfolioWords[string(x.lowBytes(e-1))] {
			e = i
		}
		if k := x.headPairSplit(i, e); k > 0 {
			// "Eton College and Balliol College": two names.
			x.addIndexed(i, k, Org, x.doc.Text[x.doc.Toks[i].Start:x.doc.Toks[k-1].End])
			x.addIndexed(k+1, e, Org, x.doc.Text[x.doc.Toks[k+1].Start:x.doc.Toks[e-1].End])
		} else if e-i >= 2 && !x.doc.Title[i] && x.orgByHead(i, e, tagMisc) {
			s := x.orgHeadStart(i, e) // "Women's" + "Auxiliary Air Force"
			x.addIndexed(s, e, Org, x.doc.Text[x.doc.Toks[s].Start:x.doc.Toks[e-1].End])
		} else if e == j && e > i && orgHeads[string(x.lowBytes(j-1))] && !x.doc.Title[i] && x.ofNameAt(j) {
			// "Bank of" before a place the tagger found, "International
			// Committee of the" before "Red Cross": the organisation is
			// joined with the name by mergeOrgOfPlace.
			x.addIndexed(i, e, Org, x.doc.Text[x.doc.Toks[i].Start:x.doc.Toks[e-1].End])
		} else if j-i >= 3 && !x.doc.Title[i] {
			x.listedOrgs(i, j)
		}
		if j > i {
			i = j - 1
		}
	}
}

// listedOrgs adds the known one-word organisations of a run of
// capitalised words [i, j) joined by "and" or "&" that is no
// organisation's name as a whole: "Anthropic and OpenAI", "Renault and
// Nissan" (the words orgRules would have taken alone). Each word is read
// once, so a long run stays linear.
func (x *Extractor) listedOrgs(i, j int) {
	for k := i; k < j; k++ {
		alone := (k == i || x.lowIs(k-1, "and") || x.lowIs(k-1, "&")) && (k+1 == j || x.lowIs(k+1, "and") || x.lowIs(k+1, "&"))
		if alone && !x.inEntity[k] && x.isCap(k) && (knownOrgs[string(x.lowBytes(k))] || x.knownOneWordOrg(k)) {
			x.addIndexed(k, k+1, Org, x.tokenText(k))
		}
	}
	// "Anthropic and" + "OpenAI": the other word of a pair with an
	// organisation is one too, when no list knows it as anything else and
	// the tagger saw no name in it.
	if j-i == 3 && (x.lowIs(i+1, "and") || x.lowIs(i+1, "&")) && x.inEntity[i] != x.inEntity[i+2] {
		k, o := i, i+2
		if x.inEntity[i] {
			k, o = i+2, i
		}
		if e := x.entityIndex()[o]; e < 0 || x.ents[e].Type != Org {
			return // "Smith and" + a name: no company's pair
		}
		if x.has(k, ner.GCommon|ner.GFirst|ner.GLast|ner.GTitle|ner.GCountry|ner.GCity|ner.GCapital|ner.GLoc|ner.GDemonym|ner.GMonth|ner.GWeekday) || x.labels[k] != ner.LO && x.labels[k] != ner.LBMisc {
			return
		}
		x.addIndexed(k, k+1, Org, x.tokenText(k))
	}
}

// headPairSplit returns the "and" or "&" of a run of capitalised words
// [i, e) that joins two organisations of two words or more, the first
// ending in a head word: "Eton College and Balliol College", "Bank of
// England and Lloyds Bank"; or -1. A run whose first part ends in no
// head is one name ("Department of Health and Human Services",
// "Transport and General Workers' Union").
func (x *Extractor) headPairSplit(i, e int) int {
	if e-i < 5 || x.doc.Title[i] {
		return -1
	}
	for k := i + 2; k+2 < e; k++ {
		if (x.lowIs(k, "and") || x.lowIs(k, "&")) && orgHeads[string(x.lowBytes(k-1))] &&
			x.orgByHead(i, k, tagMisc) && x.orgByHead(k+1, e, tagMisc) {
			return k
		}
	}
	return -1
}

// isPortfolioTitle reports a title at token i that takes the name of a
// portfolio before it: "Energy Minister", "Trade Secretary".
func (x *Extractor) isPortfolioTitle(i int) bool {
	switch string(x.lowBytes(i)) {
	case "minister", "ministers", "secretary", "secretaries", "commissioner", "czar", "tsar":
		return true
	}
	return false
}

// capRunEnd returns the end of the run of free capitalised words starting
// at i, in one sentence: "of" (and "of the"), "for", "and", "&" and "de"
// are allowed between capitalised words, and a hyphen between two words
// it touches ("Schering-Plough", "Allis-Chalmers"). Weekdays and months
// end the run.
func (x *Extractor) capRunEnd(i int) int {
	n := len(x.doc.Toks)
	j := i
	for j < n && !x.inEntity[j] && (j == i || !x.doc.Toks[j].SentStart) {
		if x.isCap(j) && !x.has(j, ner.GWeekday|ner.GMonth) {
			j++
			continue
		}
		if j > i && j+1 < n && !x.inEntity[j+1] {
			k := j + 1
			if x.lowIs(j, "of") && x.lowIs(k, "the") && k+1 < n && !x.inEntity[k+1] {
				k++
			}
			inner := x.lowIs(j, "of") || x.lowIs(j, "for") || x.lowIs(j, "and") || x.lowIs(j, "&") || x.lowIs(j, "de") ||
				x.lowIs(j, "-") && x.adjacent(j-1) && x.adjacent(j)
			if inner && x.isCap(k) && !x.doc.Toks[k].SentStart && !x.has(k, ner.GWeekday|ner.GMonth) {
				j = k
				continue
			}
		}
		break
	}
	return j
}

// orgByHead reports whether tokens [i, j), a capitalised name of two words
// or more that the tagger took for class (tagMisc when it did not tag
// it), are an organisation by their form:
//   - it ends in a legal form: "Diagnostic Products Corp", "Volkswagen AG";
//   - it is a place and a club's head: "Leeds United", "Leicester City"
//     (not "Mexico City", which the gazetteer knows as a place);
//   - it ends in an organisation head, or starts with one before "of" or
//     "for": "Labour Party", "Supreme Court", "University of Oxford",
//     "Office for Budget Responsibility", unless the
//     whole is a known place ("Soviet Union") or the tagger's person has
//     a first name and a surname that is also a head ("Margaret Court").
func (x *Extractor) orgByHead(i, j int, class tagClass) bool {
	if j-i < 2 || x.isPlaceSpan(i, j) {
		return false
	}
	// Map look-ups with string(bytes) keys do not allocate.
	last := x.lowBytes(j - 1)
	if orgSuffixes[string(last)] {
		return true
	}
	if teamHeads[string(last)] {
		// "City" and "Town" end places' names too: a place and one of
		// them that the tagger read as one place stay a place
		// ("Washington City") for all but sportsTeams.
		if class == tagPlace && (string(last) == "city" || string(last) == "town") {
			return false
		}
		return x.isPlaceSpan(i, j-1)
	}
	// "Margaret Court": a first name and a head that can be a surname
	// are a person; a head that names no person is the organisation
	// whose first word is a first name too: "Hartwell Academy",
	// "Bramwell Laboratories".
	if class == tagPerson && j-i == 2 && x.has(i, ner.GFirst) && (x.has(j-1, ner.GLast) || !institutionHeads[string(last)]) {
		return false
	}
	if orgHeads[string(last)] && x.isCap(j-1) {
		return true
	}
	return x.nextOfHead(i)+1 < j
}

// nextOfHead returns the first token from i on that is an organisation
// head before "of" or "for" ("University" of "University of Oxford"), or
// the number of tokens if there is none. The answers are made once per
// text, so that orgByHead costs the same for a span of any length: a
// list of n names that the tagger took for one is split by n of its
// calls (see tagged).
func (x *Extractor) nextOfHead(i int) int {
	n := len(x.doc.Toks)
	if !x.ofHeadsMade {
		x.ofHeads = growSlice(x.ofHeads, n+1)
		x.ofHeads[n] = int32(n)
		for k := n - 1; k >= 0; k-- {
			x.ofHeads[k] = x.ofHeads[k+1]
			if (x.lowIs(k+1, "of") || x.lowIs(k+1, "for")) && orgHeads[string(x.lowBytes(k))] {
				x.ofHeads[k] = int32(k)
			}
		}
		x.ofHeadsMade = true
	}
	return int(x.ofHeads[i])
}

// isPlaceSpan reports whether tokens [i, j) are exactly a place of the
// gazetteer.
func (x *Extractor) isPlaceSpan(i, j int) bool {
	return j > i && ner.DefaultGazetteer().Longest(x.doc.Hash[i:j], ner.GCountry|ner.GLoc|ner.GCity|ner.GCapital) == j-i
}

// knownOneWordOrg reports an untagged word of the name-suggestion-index
// list of organisations (class R; WordNet's and compromise's one-word
// entries hold religions and movements) that is nothing else there: no common word, name of a
// person, place or people ("Repsol", "Sberbank", "Telstra", but not
// "Vale", a first name, or "Carrefour", a town), and not a word of a
// headline in Title Case.
func (x *Extractor) knownOneWordOrg(i int) bool {
	if x.doc.Title[i] || !x.has(i, ner.GOrgNames) || x.has(i, ner.GCommon|ner.GFirst|ner.GLast|ner.GCountry|ner.GCity|ner.GCapital|ner.GDemonym|ner.GLoc) || x.isGroupWord(i) {
		return false
	}
	if i+1 < len(x.doc.Toks) && x.isCap(i+1) && !x.doc.Toks[i+1].SentStart {
		return false // the first word of a longer name
	}
	return ner.DefaultGazetteer().Longest(x.doc.Hash[i:i+1], ner.GOrgNames) == 1
}

// retypeOneWordOrg makes an organisation of a one-word PERSON the tagger
// found at token i where knownOneWordOrg would have taken the word
// ("Engie said", a sentence's first word read as a name).
func (x *Extractor) retypeOneWordOrg(i int) {
	if !x.knownOneWordOrg(i) {
		return
	}
	s, e := int(x.doc.Toks[i].Start), int(x.doc.Toks[i].End)
	if k := x.entityIndex()[i]; k >= 0 {
		if en := &x.ents[k]; en.Start == s && en.End == e && en.Type == Person {
			en.Type, en.Value = Org, en.Text
		}
	}
}

// dropCommonAbbreviation drops an organisation the tagger read in the
// one word i when that word is a common abbreviation in capitals ("the
// RFP", "FYI"), which isAcronymOrg would not have made one.
func (x *Extractor) dropCommonAbbreviation(i int) {
	if !x.isAllCaps(i) || !notOrgAcronyms[string(x.lowBytes(i))] {
		return
	}
	s, e := int(x.doc.Toks[i].Start), int(x.doc.Toks[i].End)
	at := x.entityIndex()
	if k := at[i]; k >= 0 {
		if en := &x.ents[k]; en.Start == s && en.End == e && en.Type == Org {
			en.Type = takenOver
			at[i], x.inEntity[i] = -1, false
		}
	}
}

// listOrgAt returns the length of the longest name of two words or more
// of the organisation gazetteer (WordNet, compromise,
// name-suggestion-index) at token i that ends in a capitalised word and
// is no place, or 0.
func (x *Extractor) listOrgAt(i int) int {
	l := ner.DefaultGazetteer().Longest(x.doc.Hash[i:], ner.GOrgs)
	if l > 1 && x.isCap(i+l-1) && !x.isPlaceSpan(i, i+l) {
		return l
	}
	return 0
}

// takeOver reports whether the entities inside tokens [i, j), a name of
// the organisation gazetteer whose first word is in none, are shorter
// names within it, and drops them if so: "Bank of America" and "Credit
// Suisse" are banks, though the tagger read "America" and "Suisse" as
// places. An entity that starts before i or ends after j keeps its
// tokens.
func (x *Extractor) takeOver(i, j int) bool {
	s, e := int(x.doc.Toks[i].Start), int(x.doc.Toks[j-1].End)
	at := x.entityIndex()
	for t := i; t < j; t++ {
		if k := at[t]; k >= 0 && (x.ents[k].Start < s || x.ents[k].End > e) {
			return false
		}
	}
	for t := i; t < j; t++ {
		if k := at[t]; k >= 0 {
			x.ents[k].Type = takenOver
		}
		at[t], x.inEntity[t] = -1, false
	}
	return true
}

// takenOver marks, until dropTakenOver, an entity takeOver dropped.
const takenOver Type = ""

// entityIndex returns, for orgRules, the entity that holds each token, or
// -1; an entity's tokens are those its bytes overlap. It is made on first
// use in a call of orgRules (most texts never need it) and kept up to
// date by addIndexed and takeOver.
func (x *Extractor) entityIndex() []int32 {
	if x.indexed {
		return x.entityAt
	}
	x.indexed = true
	toks := x.doc.Toks
	x.entityAt = growSlice(x.entityAt, len(toks))
	for t := range x.entityAt {
		x.entityAt[t] = -1
	}
	for k, en := range x.ents {
		t, _ := slices.BinarySearchFunc(toks, en.Start, func(tk ner.Token, start int) int { return cmp.Compare(int(tk.End), start+1) })
		for ; t < len(toks) && int(toks[t].Start) < en.End; t++ {
			x.entityAt[t] = int32(k)
		}
	}
	return x.entityAt
}

// addIndexed is add for orgRules: it keeps entityIndex's index, once made.
func (x *Extractor) addIndexed(i, j int, typ Type, value string) {
	x.add(i, j, typ, value)
	if !x.indexed {
		return
	}
	for t := i; t < j; t++ {
		x.entityAt[t] = int32(len(x.ents) - 1)
	}
}

// dropTakenOver drops the entities takeOver marked.
func (x *Extractor) dropTakenOver() {
	x.ents = slices.DeleteFunc(x.ents, func(en Entity) bool { return en.Type == takenOver })
}

// isAcronymOrg reports an untagged all-capitals abbreviation of two to
// six letters that is neither a place nor a common abbreviation: GCHQ,
// RSPB, KFC. Headlines in capitals are left alone, and so is a word in
// capitals that is a common English word ("FREE", "NOW"): emphasis.
func (x *Extractor) isAcronymOrg(i int) bool {
	t := x.tokenText(i)
	if len(t) < 2 || len(t) > 6 || x.doc.Title[i] {
		return false
	}
	for k := 0; k < len(t); k++ {
		if t[k] < 'A' || t[k] > 'Z' {
			return false
		}
	}
	if notOrgAcronyms[string(x.lowBytes(i))] || x.has(i, ner.GCountry|ner.GCapital|ner.GDemonym|ner.GMonth|ner.GWeekday) {
		return false
	}
	if x.inCode(i) {
		return false
	}
	// A city in capitals opens a dateline ("BEIRUT, Lebanon —"); inside a
	// sentence ("told KUNA", Kuna being a town in Idaho) it is an acronym.
	if x.has(i, ner.GCity) && (x.doc.Toks[i].SentStart || x.lowIs(i+1, ",") || x.lowIs(i+1, "(") || x.lowIs(i+1, "—") || x.lowIs(i+1, "-")) {
		return false
	}
	// A common word in capitals is shouted, not an acronym; of two
	// letters, only a function word ("TO", "UP", "OR") is surely one:
	// the common words' list has abbreviations too ("BA" and IAG).
	if (len(t) > 2 && ner.DefaultGazetteer().IsCommon(x.lowBytes(i)) || shoutedShortWords[string(x.lowBytes(i))]) && !knownOrgs[string(x.lowBytes(i))] {
		return false
	}
	// In a run of capitals (a shouted headline or a name in capitals)
	// one word proves nothing.
	if x.isAllCaps(i-1) || x.isAllCaps(i+1) {
		return false
	}
	// Before a word in lower case, an acronym no list knows is more
	// often a term than an organisation: "a DH librarian", "the GISB
	// draft", "its SLIM lander". It may be one before a function word
	// ("told KUNA that"), a verb of speech, a particle ("opened VW up")
	// or the organisation's people and doings ("of FSLN followers",
	// "these CRTC hearings"), and at the start of a sentence, where it
	// is the subject of the verb after it ("WTI fell").
	if w := x.lowBytes(i + 1); i+1 < len(x.doc.Toks) && !x.doc.Toks[i].SentStart && x.doc.Cls[i+1] == 'x' &&
		!functionWords[string(w)] && !speechVerbs[string(w)] && !verbParticles[string(w)] && !orgRoles[string(w)] && !orgPeopleAndDoings[string(w)] {
		return false
	}
	return true
}

// inCode reports whether token i is glued to a file name, an address or
// a code: "EN" in "hmtag_itl_EN.asp", "NT" in "5233-NT".
func (x *Extractor) inCode(i int) bool {
	text := x.doc.Text
	s, e := int(x.doc.Toks[i].Start), int(x.doc.Toks[i].End)
	if s > 0 {
		switch c := text[s-1]; {
		case c == '_' || c == '\\' || c == '.' || c == '@':
			return true
		case c == '-' && s > 1 && text[s-2] >= '0' && text[s-2] <= '9':
			return true
		}
	}
	if e < len(text) {
		switch c := text[e]; {
		case c == '_' || c == '\\' || c == '@':
			return true
		case c == '.' && e+1 < len(text) && isASCIILetter(text[e+1]):
			return true
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// acronymEnd returns the end of the organisation acronym at i: a "+"
// that touches it is part of the name ("OPEC+"), and so are up to two
// legal forms after it ("PDD Holdings", "HSBC Holdings plc") or up to
// three capitalised words that end in an organisation's head or legal
// form ("AK Party", "ASML Holding NV").
func (x *Extractor) acronymEnd(i int) int {
	if x.lowIs(i+1, "+") && x.adjacent(i) && !x.inEntity[i+1] && !x.isWordAt(i+2, true) {
		return i + 2
	}
	j := i + 1
	for j < len(x.doc.Toks) && j-i <= 2 && !x.inEntity[j] && !x.doc.Toks[j].SentStart && orgSuffixes[string(x.lowBytes(j))] &&
		(x.isCap(j) || x.doc.Cls[j] == 'x' && len(x.lowBytes(j)) <= 3) {
		j++
	}
	if j > i+1 {
		return j
	}
	for k := i + 1; k <= i+3 && x.acronymNameWord(i, k); k++ {
		if w := x.lowBytes(k); orgHeads[string(w)] || orgSuffixes[string(w)] {
			j = k + 1
		}
	}
	return j
}

// acronymNameWord reports whether token k may carry on the name of the
// acronym at i: a capitalised word no entity holds, in the acronym's
// sentence, not another acronym, though a legal form in capitals may
// end the name ("ASML Holding NV").
func (x *Extractor) acronymNameWord(i, k int) bool {
	if k >= len(x.doc.Toks) || x.inEntity[k] || x.doc.Toks[k].SentStart {
		return false
	}
	return x.isCap(k) && !x.isAllCaps(k) || k > i+1 && orgSuffixes[string(x.lowBytes(k))]
}

// isWordAt reports a word token at i that touches the token before it
// (when touching is set).
func (x *Extractor) isWordAt(i int, touching bool) bool {
	if i >= len(x.doc.Toks) {
		return false
	}
	c := x.doc.Cls[i]
	return (c == 'X' || c == 'x' || c == 'd') && (!touching || x.adjacent(i-1))
}

// roleOfOrgs tags the untagged capitalised name after "<role> of
// [the]" as an organisation. Capitalised words before a common noun in
// lower case are no name but what the noun is of: "Director of the
// National Iodine Nutrition study".
func (x *Extractor) roleOfOrgs() {
	n := len(x.doc.Toks)
	for k := 1; k+1 < n; k++ {
		if !x.lowIs(k, "of") || !orgRoles[string(x.lowBytes(k-1))] {
			continue
		}
		i := k + 1
		if x.lowIs(i, "the") {
			i++
		}
		j := i
		for j < n && j-i < 5 && !x.inEntity[j] && x.isCap(j) && !x.has(j, ner.GWeekday|ner.GMonth) {
			j++
		}
		if j > i && !(j < n && x.inEntity[j]) {
			if j < n && x.doc.Cls[j] == 'x' && !nameFollowers[string(x.lowBytes(j))] && ner.DefaultGazetteer().IsCommon(x.lowBytes(j)) {
				continue
			}
			x.add(i, j, Org, x.doc.Text[x.doc.Toks[i].Start:x.doc.Toks[j-1].End])
		}
	}
}

// ofNameAt reports "of", "for", "of the" or "for the" at token j before
// a name found already (see mergeOrgOfPlace).
func (x *Extractor) ofNameAt(j int) bool {
	if !x.lowIs(j, "of") && !x.lowIs(j, "for") {
		return false
	}
	k := j + 1
	if x.lowIs(k, "the") {
		k++
	}
	return k < len(x.doc.Toks) && x.inEntity[k] && x.isCap(k)
}

// mergeOrgOfPlace joins an organisation ending in a head word and the
// place after "of": "Bank" + "of" + "Scotland", "Motion Picture
// Association" + "of" + "America"; and the place or organisation after
// "of the", "for" or "for the", which make it a name's tail: "International
// Committee" + "of the" + "Red Cross", "U.S. District Court" + "for the" +
// "District of Columbia".
func mergeOrgOfPlace(text string, ents []Entity) []Entity {
	return mergeAdjacent(text, ents, func(a, b Entity, gap string) bool {
		if a.Type != Org {
			return false
		}
		switch gap {
		case " of ":
			if b.Type != Location {
				return false
			}
		case " of the ", " for ", " for the ":
			if b.Type != Location && b.Type != Org {
				return false
			}
		default:
			return false
		}
		// Lower-cased last, as it allocates.
		return orgHeads[strings.ToLower(a.Text[strings.LastIndexByte(a.Text, ' ')+1:])]
	})
}

// mergeAdjacent makes one entity of each entity and the next one for
// which join, given the two and the text between them, says so: the
// first's type and the text from its start to the second's end.
func mergeAdjacent(text string, ents []Entity, join func(a, b Entity, gap string) bool) []Entity {
	out := ents[:0]
	for k := 0; k < len(ents); k++ {
		e := ents[k]
		if k+1 < len(ents) && join(e, ents[k+1], text[e.End:ents[k+1].Start]) {
			e.End = ents[k+1].End
			e.Text = text[e.Start:e.End]
			e.Value = e.Text
			e.sure = e.sure || ents[k+1].sure
			k++
		}
		out = append(out, e)
	}
	return out
}

// nameFollowers are the words in lower case that follow a name in a
// sentence without being a noun the name modifies: prepositions,
// conjunctions, relatives and the verbs most often said of an
// organisation.
var nameFollowers = map[string]bool{
	"of": true, "for": true, "and": true, "or": true, "in": true, "on": true, "at": true, "to": true,
	"from": true, "with": true, "by": true, "as": true, "that": true, "which": true, "who": true,
	"is": true, "was": true, "are": true, "were": true, "has": true, "had": true, "have": true,
	"said": true, "says": true, "will": true, "would": true, "can": true, "could": true, "since": true,
	"until": true, "after": true, "before": true, "when": true, "where": true, "but": true, "also": true,
}
