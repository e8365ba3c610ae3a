package entity

import (
	"bytes"
	"strings"

	"github.com/newsdump/newsdump/internal/ner"
)

// names turns the tagger's labels into PERSON, ORG and LOCATION entities,
// with the title rules.
func (x *Extractor) names() {
	d := &x.doc
	n := len(d.Toks)
	for i := 0; i < n; {
		l := x.labels[i]
		if l == ner.LO {
			i++
			continue
		}
		// B labels are odd, each followed by its I label.
		j := i + 1
		for j < n && l%2 == 1 && x.labels[j] == l+1 {
			j++
		}
		// Two places or organisations back to back, with nothing between
		// ("Borussia" "Dortmund"), are one name the tagger split.
		for (l == ner.LBLoc || l == ner.LBOrg) && j < n && x.labels[j] == l && !d.Title[i] && !d.Toks[j].SentStart &&
			x.isCap(j) && x.isCap(j-1) && !x.has(j, ner.GCountry) {
			j++
			for j < n && x.labels[j] == l+1 {
				j++
			}
		}
		if l == ner.LBPer && x.doc.Title[i] {
			// Headlines capitalise verbs: "Blinken Meets Sudani" is two
			// names around a common word. A particle in lower case
			// ("Abdulaziz bin Salman") is no headline verb.
			a := i
			for k := i; k <= j; k++ {
				if k == j || x.has(k, ner.GCommon) && !x.has(k, ner.GFirst|ner.GLast) && x.isCap(k) {
					if k > a {
						x.tagged(a, k, tagPerson)
					}
					a = k + 1
				}
			}
		} else if l != ner.LBMisc {
			x.tagged(i, j, labelClasses[l])
		}
		i = j
	}
	x.titledNames()
	x.roleNames()
	x.surnames()
	x.orgRules()
	x.gazetteerPlaces()
	x.placeNames()
	x.roleOfOrgs()
}

// tagClass is what a span found by the tagger is taken for: the tagger's
// type at first, which tagged's rules may change.
type tagClass uint8

const (
	tagPerson tagClass = iota + 1 // PER
	tagOrg                        // ORG
	tagPlace                      // LOC
	tagMisc                       // MISC: added only if a rule makes it one of the others
)

// labelClasses maps each label of the tagger but O to its class.
var labelClasses = [ner.NLabels]tagClass{
	ner.LBPer: tagPerson, ner.LIPer: tagPerson,
	ner.LBOrg: tagOrg, ner.LIOrg: tagOrg,
	ner.LBLoc: tagPlace, ner.LILoc: tagPlace,
	ner.LBMisc: tagMisc, ner.LIMisc: tagMisc,
}

// tagged adds one span found by the tagger, after the rules.
//
// A span that is two names ("Airbus and Boeing", "UK" and "Prime
// Minister Keir Starmer") is added as its left part and then as its
// right part, which may split again: a list of n banks that the tagger
// took for one name splits in n steps of the loop, not n nested calls,
// and each step checks for taken words only where the part before it
// may have taken some, so that the list costs time linear in its length
// (TestTaggedListLinear).
func (x *Extractor) tagged(i, j int, class tagClass) {
	takenTo := j // words of [i, j) from takenTo on are known free
	for {
		p, ok := x.taggedPart(i, j, class, takenTo)
		if !ok {
			return
		}
		n := len(x.ents)
		x.tagged(p.i, p.k, p.leftClass)
		// The left part can only have taken words up to the end of the
		// entities it added.
		t := p.rightStart
		for _, ent := range x.ents[n:] {
			for t < p.j && int(x.doc.Toks[t].Start) < ent.End {
				t++
			}
		}
		i, j, class, takenTo = p.rightStart, p.j, p.rightClass, max(p.freeFrom, t)
	}
}

// taggedSplit is a tagged span [i, j) that is two names: [i, k) of
// leftClass and [rightStart, j) of rightClass, where rightStart is k, or
// k+1 past an "and". The words of [freeFrom, j) were free before the
// left part was added.
type taggedSplit struct {
	i, k, rightStart, j   int
	leftClass, rightClass tagClass
	freeFrom              int
}

// taggedPart is one step of tagged: it adds the span [i, j), or, for a
// span that is two names, adds nothing and returns them. The words of
// [i, j) from takenTo on are known to be free.
func (x *Extractor) taggedPart(i, j int, class tagClass, takenTo int) (taggedSplit, bool) {
	// "Foreign Ministry" is an organisation, whose first word is also a
	// title of people ("Foreign Minister"): the head decides before the
	// titles are taken off.
	for i < j && x.lowIs(i, "the") {
		i++
	}
	if class == tagPerson && j-i >= 2 && x.has(i, ner.GTitle) && x.isCap(j-1) && x.orgByHead(i, j, class) {
		class = tagOrg
	}
	// "UAE Energy" before "Minister": the portfolio belongs to the title
	// (see orgRules); what is left is a place, or a nationality for norp.
	if class != tagPerson && x.isPortfolioTitle(j) {
		for j > i && portfolioWords[string(x.lowBytes(j-1))] {
			j--
		}
		if x.isPlaceSpan(i, j) {
			class = tagPlace
		}
	}
	// A leading "the" is not part of the name, nor are the words of a
	// title ("Chief Executive Satya Nadella", "Detective Inspector Mark
	// Evans", "Chair Gary Gensler").
	for i < j && (x.lowIs(i, "the") || class == tagPerson && (x.has(i, ner.GTitle) && j-i > 1 || x.isTitleTail(i, j))) {
		i++
	}
	// "EU Commissioner Thierry Breton", "UK Prime Minister Keir
	// Starmer": an abbreviation or a place, a title and a name that the
	// tagger took for one person are the body or the place, and the
	// person after the title.
	if class == tagPerson && j-i >= 3 {
		for k := i + 1; k+1 < j; k++ {
			if !x.isCap(k) || !x.has(k, ner.GTitle) && !titleTails[string(x.lowBytes(k))] {
				continue
			}
			if k-i == 1 && x.isBodyAbbreviation(i) {
				return taggedSplit{i, k, k, j, tagOrg, tagPerson, max(k, takenTo)}, true
			} else if x.isPlaceSpan(i, k) {
				return taggedSplit{i, k, k, j, tagPlace, tagPerson, max(k, takenTo)}, true
			}
			break // the first title decides
		}
	}
	// "Mohammed Shia al-Sudani met Blinken": a word in lower case inside
	// a person's name, other than a connector ("bin", "al", "van") or
	// one of personInnerWords ("Catherine of Aragon"), is a verb or
	// another word between two names; names in lower case, as web text
	// writes them, are whole (see isLowerNameSpan).
	if class == tagPerson && j-i >= 3 && !x.isLowerNameSpan(i, j) {
		for k := i + 1; k+1 < j; k++ {
			if x.doc.Cls[k] == 'x' && !x.isConnector(k) && !personInnerWords[string(x.lowBytes(k))] {
				return taggedSplit{i, k, k + 1, j, tagPerson, tagPerson, max(k+1, takenTo)}, true
			}
		}
	}
	// "Lake Turkana", "Mount Kenya": a natural feature's head word
	// before a name makes a place, never a person.
	if class == tagPerson && j-i >= 2 && featureHeads[string(x.lowBytes(i))] && x.isCap(i) && x.isCap(i+1) {
		class = tagPlace
	}
	// "Inspector Mark Evans of Thames Valley" + "Police": the tagger's
	// person runs into the organisation the person belongs to.
	if class == tagPerson && j < len(x.doc.Toks) && x.isCap(j) && orgHeads[string(x.lowBytes(j))] && !x.doc.Toks[j].SentStart {
		for k := i + 1; k+1 < j; k++ {
			if x.lowIs(k, "of") && x.isCap(k+1) {
				x.tagged(i, k, tagPerson)
				x.tagged(k+1, j+1, tagOrg)
				return taggedSplit{}, false
			}
		}
	}
	// "Mr. Smith" and "Ms Pugh" are people whatever the tagger thought.
	if i > 0 && class != tagPerson && x.isHonorific(i-1) {
		class = tagPerson
	}
	// Possessive, dash or a lower-case word ("Bank of") at the end;
	// but a name all in lower case, as web text writes names, is kept
	// whole (see isLowerName).
	lower := x.isLowerNameSpan(i, j)
	for j > i && x.doc.Cls[j-1] != 'X' && x.doc.Cls[j-1] != 'd' && !lower {
		j--
	}
	// Names start with a capital ("elect Donald Trump" is "Donald
	// Trump"), or with a connector of a capitalised name ("al-Sudani"),
	// or with a name that the lists know and that is no common word,
	// written in lower case as web text writes it ("i am from mexico",
	// "by samantha Fox").
	for i < j && x.doc.Cls[i] != 'X' && !(x.doc.Cls[i] == 'd' && class == tagOrg) &&
		!(x.isConnector(i) && (x.isCap(i+1) || x.lowIs(i+1, "-"))) && !x.isLowerName(i) && !lower {
		i++
	}
	if i >= j || !x.free(i, min(j, takenTo)) {
		return taggedSplit{}, false
	}
	// "Tour" + "de France", "Ludwig" + "van Beethoven": a name that
	// starts with its connector starts at the capitalised word before.
	if i > 0 && x.isConnector(i) && x.isCap(i-1) && !x.inEntity[i-1] && !x.doc.Toks[i].SentStart && !x.lowIs(i-1, "the") {
		i--
	}
	// "Airbus and Boeing": two organisations of the gazetteer that the
	// tagger took for one ("Marks and Spencer", whose first word is none,
	// stays one).
	if class == tagOrg && j-i >= 3 {
		if k := x.headPairSplit(i, j); k > 0 {
			return taggedSplit{i, k, k + 1, j, tagOrg, tagOrg, k + 1}, true
		}
		for k := i + 1; k+1 < j; k++ {
			if (x.lowIs(k, "and") || x.lowIs(k, "&")) && x.isKnownOrg(i, k) && x.isKnownOrg(k+1, j) {
				return taggedSplit{i, k, k + 1, j, tagOrg, tagOrg, k + 1}, true
			}
		}
	}
	// "Sam Bankman" + "-Fried", "Lai Ching" + "-te", "AT" + "&T": a
	// hyphen or an ampersand between two words it touches goes on the
	// name; a part in lower case only a person's ("Ching-te").
	// "Johnson" + "& Johnson", "Barnes" + "& Noble": two names joined by
	// an ampersand are a firm's, not people.
	if class == tagPerson && x.lowIs(j, "&") && x.isCap(j+1) && !x.inEntity[j+1] && !x.doc.Toks[j+1].SentStart && !x.doc.Title[i] {
		j += 2
		for j < len(x.doc.Toks) && x.labels[j] == ner.LIPer && x.isCap(j) {
			j++
		}
		class = tagOrg
	}
	for j+1 < len(x.doc.Toks) && (class == tagPerson || class == tagOrg) && x.adjacent(j-1) && x.adjacent(j) && !x.inEntity[j+1] &&
		(x.lowIs(j, "-") && (x.isCap(j+1) || class == tagPerson && x.doc.Cls[j+1] == 'x' && len(x.lowBytes(j+1)) <= 3) ||
			x.lowIs(j, "&") && x.isCap(j+1) && class == tagOrg) {
		j += 2
	}
	// "General" + "Motors": a head word alone is no person; the
	// capitalised words before it, titles too, are the rest of the
	// organisation's name.
	if j-i == 1 && class != tagPlace && (orgHeads[string(x.lowBytes(i))] || orgSuffixes[string(x.lowBytes(i))]) {
		a := i
		for a > 0 && i-a < 3 && !x.inEntity[a-1] && x.isCap(a-1) && !x.doc.Toks[a].SentStart && !x.lowIs(a-1, "the") {
			a--
		}
		if a < i {
			i, class = a, tagOrg
		} else if class == tagPerson {
			return taggedSplit{}, false
		}
	}
	// A weekday or a month alone is no name, nor is a title alone ("Player
	// six", "Minister" in a list of them), unless "the" makes it one
	// holder of it whom the tagger took for a person or a body: "the
	// Secretary acted within his authority", "asserted by the Crown".
	if j-i == 1 && (x.has(i, ner.GWeekday|ner.GMonth) || x.has(i, ner.GTitle) && !x.lowIs(i-1, "the")) {
		return taggedSplit{}, false
	}
	if j-i == 1 && (x.isDemonymAt(i) || x.isGroupWord(i)) {
		return taggedSplit{}, false // left to norp
	}
	// "the Kurdish group": a nationality word no list knows is no
	// organisation.
	if class == tagOrg && j-i == 1 && x.isNationalityLike(i) && !strings.HasSuffix(string(x.lowBytes(i)), "ian") {
		x.add(i, j, NORP, x.tokenText(i))
		return taggedSplit{}, false
	}
	if class == tagPerson && j-i == 1 && !x.has(i, ner.GFirst|ner.GLast) {
		low := string(x.lowBytes(i))
		// "Spanish", "Athenians": group words, not people.
		if strings.HasSuffix(low, "ians") || strings.HasSuffix(low, "eans") || strings.HasSuffix(low, "ish") || strings.HasSuffix(low, "ese") {
			x.add(i, j, NORP, x.tokenText(i))
			return taggedSplit{}, false
		}
		// "Sirens sounded ...": a common word capitalised at the start of
		// a sentence or in a headline; but a well-known person's name
		// (WordNet's) that opens a sentence before a word in lower case
		// is the person: "Bush nominated", not "God, I".
		known := x.has(i, ner.GPerson) && x.doc.Toks[i].SentStart && i+1 < len(x.doc.Toks) && x.doc.Cls[i+1] == 'x'
		if (x.doc.Toks[i].SentStart || x.doc.Title[i]) && ner.DefaultGazetteer().IsCommon(x.lowBytes(i)) && !known {
			return taggedSplit{}, false
		}
		// A plural at the start of a sentence ("Sirens sounded") is
		// rarely a surname that no list knows.
		if x.doc.Toks[i].SentStart && len(low) > 4 && strings.HasSuffix(low, "s") && !strings.HasSuffix(low, "ss") && i+1 < len(x.doc.Toks) && x.doc.Cls[i+1] == 'x' {
			return taggedSplit{}, false
		}
		// "Luckily, ...": a sentence adverb.
		if x.doc.Toks[i].SentStart && strings.HasSuffix(low, "ly") && x.lowIs(i+1, ",") {
			return taggedSplit{}, false
		}
	}
	if class == tagPerson {
		// Regnal numbers and suffixes: "Thutmose III", "Martin Luther
		// King, Jr.".
		e := j
		if x.isRoman(j) || x.lowIs(j, "jr.") || x.lowIs(j, "sr.") {
			e = j + 1
		} else if x.lowIs(j, ",") && (x.lowIs(j+1, "jr.") || x.lowIs(j+1, "sr.")) {
			e = j + 2
		}
		if x.free(j, e) {
			j = e
		}
	}
	sure := false
	if class != tagPerson || !x.has(i, ner.GFirst) {
		var grew bool
		j, grew = x.orgTail(i, j, class)
		if grew {
			class, sure = tagOrg, true
		}
	}
	// "Sweden's bid", "the US navy", "US President-elect Donald Trump": a
	// country's name alone, before a word in lower case or a title of
	// people, is the country, though the tagger read an organisation;
	// sportsTeams makes the teams of sports results.
	if class == tagOrg && x.has(i, ner.GCountry) && x.isPlaceSpan(i, j) && (!x.isCap(j) || x.has(j, ner.GTitle)) && !x.lowIs(j, "+") {
		class = tagPlace
	}
	// "Bureau" + "of Labor Statistics": a head alone before "of" or "for"
	// and a capitalised word begins an organisation's name, whatever the
	// tagger took it for.
	if j-i == 1 && orgHeads[string(x.lowBytes(i))] && (x.lowIs(j, "of") || x.lowIs(j, "for")) && x.isCap(j+1) {
		class = tagOrg
	}
	// "Walt Disney" + "Pictures", "Marwick" + "Trust for Rural
	// Housing": a person's name before a head that names no person is
	// the organisation named after the person.
	if class == tagPerson || class == tagPlace {
		if e := x.institutionTail(j); e > j {
			j, class = e, tagOrg
			// "Rolls-" + "Royce Holdings".
			if i >= 2 && x.lowIs(i-1, "-") && x.adjacent(i-2) && x.adjacent(i-1) && x.isCap(i-2) && !x.inEntity[i-2] && !x.inEntity[i-1] {
				i -= 2
			}
		}
	}
	if class == tagOrg {
		j = x.orgOfTail(i, j)
		i = x.orgAndHead(i, j)
	}
	if class != tagOrg && x.orgByHead(i, j, class) {
		class = tagOrg
		sure = orgSuffixes[string(x.lowBytes(j-1))]
	}
	// "Bureau of" + "Labor Statistics", "University of" + "Oxford": an
	// organisation's head and "of" before the name are the start of the
	// organisation's name.
	if (class == tagOrg || class == tagPlace) && i >= 2 && x.lowIs(i-1, "of") && x.isCap(i-2) && !x.inEntity[i-2] && !x.inEntity[i-1] &&
		orgHeads[string(x.lowBytes(i-2))] && !x.doc.Title[i] {
		i, class = i-2, tagOrg
	}
	if class == tagOrg {
		i = x.orgHeadStart(i, j)
		// "Securities and" + "Exchange" + "Board of India": the words
		// orgHeadStart added may follow an "and" that orgAndHead takes.
		i = x.orgAndHead(i, j)
	}
	// "Prince Abdulaziz", "Sen. Warren": a title of people before the
	// name decides for the tagger, unless the name is an organisation or
	// a place by its form.
	if class != tagPerson && class != tagOrg && i > 0 && x.isCap(i-1) && personTitles[string(x.lowBytes(i-1))] && !x.isPlaceSpan(i, j) {
		class = tagPerson
	}
	// "Hodeidah, Marib and Saada governorates": a place whatever the
	// tagger thought.
	if x.placeNounAt(j) || x.placeNounAt(j+1) && x.isCap(j) {
		class = tagPlace
	}
	// "the port of Ras Tanura", "the town of Hawara": a place noun and
	// "of" before the name name a place, not a person.
	if class == tagPerson && i >= 2 && x.lowIs(i-1, "of") && x.doc.Cls[i-2] == 'x' && placesOf[string(x.lowBytes(i-2))] {
		class = tagPlace
	}
	// "Sea of Galilee", "Gulf of Aden": the geographic head is part of it.
	if class == tagPlace && i >= 2 && x.lowIs(i-1, "of") && x.isCap(i-2) && !x.inEntity[i-2] && geoHeads[string(x.lowBytes(i-2))] {
		i -= 2
	}
	text := x.doc.Text[x.doc.Toks[i].Start:x.doc.Toks[j-1].End]
	places := ner.GCountry | ner.GLoc | ner.GCity | ner.GCapital
	if j-i == 1 && knownOrgs[string(x.lowBytes(i))] || j-i > 1 && ner.DefaultGazetteer().Longest(x.doc.Hash[i:j], ner.GOrgs) == j-i && ner.DefaultGazetteer().Longest(x.doc.Hash[i:j], places) != j-i {
		class = tagOrg
	}
	// "Brazil forward Vinicius Junior", "Netherlands coach Ronald
	// Koeman": a country before a player's or coach's role and a name is
	// the team; the role alone says it is sport.
	if class == tagPlace && j+1 < len(x.doc.Toks) && x.doc.Cls[j] == 'x' && playerRoles[string(x.lowBytes(j))] && x.isCap(j+1) &&
		x.has(i, ner.GCountry) && x.isPlaceSpan(i, j) {
		class = tagOrg
	}
	switch class {
	case tagPerson:
		x.add(i, j, Person, text)
	case tagOrg:
		x.add(i, j, Org, trimThe(text))
		x.ents[len(x.ents)-1].sure = sure
	case tagPlace:
		x.add(i, j, Location, canonicalPlace(text))
	}
	return taggedSplit{}, false
}

// orgTail extends a tagged name [i, j) over a legal form, a club's or a
// newspaper's head or a plus that follows it: "Toyota Motor" + "Corp",
// "Manchester" + "United" (a place and the head, not itself a place),
// "Chicago" + "Tribune", "OPEC" + "+". It
// returns the new end, and whether the span grew into an organisation
// name.
func (x *Extractor) orgTail(i, j int, class tagClass) (int, bool) {
	if j >= len(x.doc.Toks) || x.inEntity[j] || x.doc.Toks[j].SentStart {
		return j, false
	}
	low := string(x.lowBytes(j))
	// "Ford" + "Motor Co": up to two more capitalised words and a legal
	// form.
	for k := j; k < j+3 && k < len(x.doc.Toks) && !x.inEntity[k] && x.isCap(k) && !x.doc.Toks[k].SentStart; k++ {
		if l := x.labels[k]; l == ner.LBPer || l == ner.LIPer {
			break
		}
		if k > j && orgSuffixes[string(x.lowBytes(k))] && !x.adjacent(k-1) {
			return k + 1, true
		}
	}
	switch {
	case x.isCap(j) && orgSuffixes[low] && !x.adjacent(j-1):
		return j + 1, true
	case low == "&" && (x.lowIs(j+1, "co") || x.lowIs(j+1, "co.")) && x.isCap(j+1) && !x.inEntity[j+1]:
		return j + 2, true // "JPMorgan Chase & Co"
	case x.isCap(j) && teamHeads[low] && x.isPlaceSpan(i, j) && !x.isPlaceSpan(i, j+1):
		return j + 1, true
	case x.isCap(j) && newspaperHeads[low] && x.isPlaceSpan(i, j) && !x.isPlaceSpan(i, j+1):
		return j + 1, true // "Chicago" + "Tribune"
	case class == tagOrg && low == "+" && x.adjacent(j-1) && !x.isWordAt(j+1, true):
		return j + 1, false
	}
	return j, false
}

// orgOfTail extends an organisation [i, j) ending in a head word over
// "of [the]" or "for [the]" and the capitalised words after it, which the
// tagger often leaves out or calls a place: "Ministry" + "of Foreign
// Affairs", "Organization" + "of the Petroleum Exporting Countries",
// "Office" + "for National Statistics", "U.S. District Court" + "for the
// District of Columbia" (no place Columbia), "Court of Appeals" + "for the
// Ninth Circuit". A name with such a tail goes on over a list of
// capitalised common words ("Ministry of Health" + "and Family Welfare",
// "Ministry of Economy" + ", Trade and Industry"), but not over another
// name ("Bank of America and Wells Fargo"). The words must not be a
// person for the tagger, nor a title before a name ("Bank of England
// Governor Andrew Bailey" stops at "Governor").
func (x *Extractor) orgOfTail(i, j int) int {
	if j < 1 {
		return j
	}
	ofHead := false // the name has a head before "of" or "for": "Court of Appeals"
	for k := i; k+1 < j; k++ {
		if orgHeads[string(x.lowBytes(k))] && (x.lowIs(k+1, "of") || x.lowIs(k+1, "for")) {
			ofHead = true
		}
	}
	if (orgHeads[string(x.lowBytes(j-1))] || ofHead) && (x.lowIs(j, "of") || x.lowIs(j, "for")) {
		k := j + 1
		if x.lowIs(k, "the") {
			k++
		}
		if e := x.nameTail(k); e > k {
			j, ofHead = e, true
		}
	}
	if ofHead {
		j = x.commonWordsTail(j)
	}
	return j
}

// orgAndHead returns the start of an organisation [i, j) whose name
// begins with capitalised common words and "and" that the tagger left out:
// "Competition and" + "Markets Authority", "Australian Competition and" +
// "Consumer Commission", "Securities and" + "Exchange Board of India".
// The name must end in a head word or hold one before "of" or "for", and
// its first word must be a common word too: "Apple and" + "Samsung
// Electronics" are two companies.
func (x *Extractor) orgAndHead(i, j int) int {
	if i < 2 || !x.lowIs(i-1, "and") || !x.isCommonCap(i) || x.inEntity[i-2] || !x.isCap(i-2) || x.labels[i-2] != ner.LO ||
		x.has(i-2, ner.GFirst|ner.GLast|ner.GTitle|ner.GCountry|ner.GCity|ner.GCapital) {
		return i
	}
	head := orgHeads[string(x.lowBytes(j-1))]
	for k := i; k+1 < j && !head; k++ {
		head = orgHeads[string(x.lowBytes(k))] && (x.lowIs(k+1, "of") || x.lowIs(k+1, "for"))
	}
	// One word before "and", or a nationality and one word: "United
	// Nations and" + "United Airlines" are two names.
	if b := i - 3; b >= 0 && x.isCap(b) && !x.lowIs(b, "the") && !(x.has(b, ner.GDemonym) && (b == 0 || !x.isCap(b-1) || x.lowIs(b-1, "the"))) {
		return i
	}
	if !head {
		return i
	}
	i -= 2
	// "Australian" before "Competition": a nationality word begins the
	// name too.
	if i > 0 && !x.doc.Toks[i].SentStart && !x.doc.Toks[i-1].SentStart && !x.inEntity[i-1] && x.labels[i-1] == ner.LO &&
		(x.isCommonCap(i-1) || x.has(i-1, ner.GDemonym) && x.isCap(i-1)) {
		i--
	}
	return i
}

// institutionTail returns the end of the capitalised words from j, at
// most two, that end in a head no person's name ends in (see
// institutionHeads), a legal form or "Trust": "Pictures", "Animation
// Studios", "Trust"; or j.
func (x *Extractor) institutionTail(j int) int {
	for k := j; k < j+2 && k < len(x.doc.Toks) && x.isCap(k) && !x.inEntity[k] && !x.doc.Toks[k].SentStart && !x.doc.Title[k]; k++ {
		if l := x.labels[k]; l == ner.LBPer || l == ner.LIPer {
			break
		}
		low := string(x.lowBytes(k))
		if institutionHeads[low] || orgSuffixes[low] || low == "trust" {
			return k + 1
		}
	}
	return j
}

// orgHeadStart returns the start of an organisation [i, j) whose name
// ends in a head word or a legal form, or holds a head before "of" or
// "for", taken back over up to three capitalised words before it that
// the tagger left out: adjectives and nouns of the name ("Rough" +
// "Trade Records", "Reserve" + "Bank of India", "Evangelical" +
// "Lutheran Church"), nationality words ("Russian" + "Academy of
// Sciences", as UNER annotates "Syrian Air Force") and places ("Hong
// Kong" + "Jockey Club"). A title ("Foreign Minister"), a weekday or a
// month, a name the tagger or a rule took, a headline and a sentence's
// first word that is a common word ("Yesterday") end the name.
func (x *Extractor) orgHeadStart(i, j int) int {
	if x.doc.Title[i] || !x.endsInHead(i, j) {
		return i
	}
	a := i
	for a > 0 && i-a < 3 && !x.doc.Toks[a].SentStart {
		k := a - 1
		// "King's" + "College London", "Women's" + "Auxiliary Air
		// Force": a common word or a title with a possessive begins
		// the name; a place's, a person's or a known name's possessive
		// is one ("Britain's Labour Party").
		if x.isPossessive(k) && k > 0 && x.adjacent(k-1) && x.isCap(k-1) && !x.inEntity[k-1] &&
			x.labels[k-1] == ner.LO && x.has(k-1, ner.GCommon|ner.GTitle) && (x.has(k-1, ner.GTitle) || !x.has(k-1, ner.GFirst)) &&
			!x.has(k-1, ner.GLast|ner.GCountry|ner.GCity|ner.GCapital|ner.GLoc|ner.GDemonym) &&
			!x.doc.Title[k-1] && !(x.doc.Toks[k-1].SentStart && !x.has(k-1, ner.GTitle)) {
			a = k - 1
			break
		}
		if x.inEntity[k] || !x.isCap(k) || x.lowIs(k, "the") || x.doc.Title[k] ||
			x.labels[k] != ner.LO && x.labels[k] != ner.LBMisc && x.labels[k] != ner.LIMisc ||
			x.has(k, ner.GTitle|ner.GWeekday|ner.GMonth) || titleTails[string(x.lowBytes(k))] ||
			x.doc.Toks[k].SentStart && x.has(k, ner.GCommon) && !x.has(k, ner.GDemonym) {
			break
		}
		a = k
	}
	return a
}

// endsInHead reports a name [i, j) that ends in an organisation head or
// a legal form, or holds a head before "of" or "for" ("Bank of India") or
// before a place ("College London"); a name of one word only when it is
// a head.
func (x *Extractor) endsInHead(i, j int) bool {
	if j-i < 1 || j-i == 1 && !orgHeads[string(x.lowBytes(i))] {
		return false
	}
	if last := x.lowBytes(j - 1); orgHeads[string(last)] || orgSuffixes[string(last)] {
		return true
	}
	for k := i; k+1 < j; k++ {
		// "Bank of India", "College London".
		if orgHeads[string(x.lowBytes(k))] && (x.lowIs(k+1, "of") || x.lowIs(k+1, "for") || x.isPlaceSpan(k+1, j)) {
			return true
		}
	}
	return false
}

// isLowerName reports a word in lower case at token i that the lists
// know as a first name, a country or a city and no list as a common
// word: "mexico", "san francisco", "samantha". It is not glued to an
// address ("kent.shoemaker@", "houston.rr.com").
func (x *Extractor) isLowerName(i int) bool {
	return x.doc.Cls[i] == 'x' && x.has(i, ner.GFirst|ner.GCountry|ner.GCity|ner.GCapital|ner.GLoc) && !x.has(i, ner.GCommon) &&
		!ner.DefaultGazetteer().IsCommon(x.lowBytes(i)) && !x.inCode(i)
}

// isLowerNameSpan reports a name [i, j) all in lower case whose words
// are each a name of the lists and no common word ("mexico", "jill
// allen"), or that is as a whole a place of the gazetteer ("san
// francisco", whose "san" is a common word).
func (x *Extractor) isLowerNameSpan(i, j int) bool {
	if i >= j {
		return false
	}
	all := true
	for k := i; k < j; k++ {
		if x.doc.Cls[k] != 'x' || x.inCode(k) {
			return false
		}
		all = all && (x.isLowerName(k) || k > i && x.has(k, ner.GLast) && !x.has(k, ner.GCommon))
	}
	if all {
		return true
	}
	return j-i > 1 && ner.DefaultGazetteer().Longest(x.doc.Hash[i:j], ner.GCountry|ner.GCity|ner.GCapital|ner.GLoc) == j-i
}

// isCommonCap reports a capitalised common word at token i that is no
// name of a person or place for the gazetteer and no name for the tagger.
func (x *Extractor) isCommonCap(i int) bool {
	return i >= 0 && i < len(x.doc.Toks) && x.isCap(i) && x.has(i, ner.GCommon) &&
		!x.has(i, ner.GFirst|ner.GLast|ner.GTitle|ner.GCountry|ner.GCity|ner.GCapital) &&
		(x.labels[i] == ner.LO || x.labels[i] == ner.LBOrg || x.labels[i] == ner.LIOrg)
}

// nameTail returns the end of the capitalised words from k that go on an
// organisation's name after "of" or "for", with "of [the]", "and" and "&"
// between them ("District of Columbia", "Petroleum Exporting Countries"),
// or k when there are none.
func (x *Extractor) nameTail(k int) int {
	n := len(x.doc.Toks)
	e, end := k, k
	for e < n && e-k < 8 && !x.inEntity[e] && !x.doc.Toks[e].SentStart {
		l := x.labels[e]
		if l == ner.LBPer || l == ner.LIPer || x.has(e, ner.GWeekday|ner.GMonth) || x.has(e, ner.GTitle) && x.isCap(e+1) {
			break
		}
		switch {
		case x.isCap(e):
			e++
			end = e
			continue
		case e > k && (x.lowIs(e, "and") || x.lowIs(e, "&") || x.lowIs(e, "of")) && x.isCap(e+1):
			e++
			continue
		case e > k && x.lowIs(e, "of") && x.lowIs(e+1, "the") && x.isCap(e+2):
			e += 2
			continue
		}
		break
	}
	return end
}

// commonWordsTail returns the end of a list of capitalised common words
// after an organisation's name ending at j: "and Family Welfare", ",
// Trade and Industry", ", Food and Rural Affairs"; a list ends in "and"
// and its last words. The words are no name of their own for the tagger
// and no known name: "and Wells Fargo" is another bank.
func (x *Extractor) commonWordsTail(j int) int {
	n := len(x.doc.Toks)
	e := j
	for e < n && e-j < 10 && (x.lowIs(e, ",") || x.lowIs(e, "and")) {
		k := e + 1
		for k < n && k-e <= 3 && x.isCap(k) && !x.inEntity[k] && !x.doc.Toks[k].SentStart &&
			x.has(k, ner.GCommon) && !x.has(k, ner.GFirst|ner.GLast|ner.GTitle|ner.GCountry|ner.GCity) &&
			(x.labels[k] == ner.LO || x.labels[k] == ner.LIOrg) {
			k++
		}
		if k == e+1 || k < n && x.isCap(k) {
			break
		}
		if x.lowIs(e, "and") {
			j = k // the list is complete
		}
		e = k
	}
	return j
}

// titledNames adds the PERSON after a title that the tagger missed:
// "Prime Minister Mohammed Shia al-Sudani", "Brig. Gen. Pat Ryder".
func (x *Extractor) titledNames() {
	n := len(x.doc.Toks)
	for i := 0; i < n; i++ {
		if !x.has(i, ner.GTitle) || !x.isCap(i) {
			continue
		}
		j := i + 1
		for j < n {
			if (x.has(j, ner.GTitle) || titleTails[string(x.lowBytes(j))]) && x.isCap(j) {
				j++
			} else if x.lowIs(j, "-") && x.adjacent(j-1) && x.adjacent(j) && x.has(j+1, ner.GTitle) && x.isCap(j+1) {
				j += 2 // "Secretary-General"
			} else {
				break
			}
		}
		// "Secretary of State", "Minister of Defense": skip "of X".
		if j+1 < n && x.lowIs(j, "of") && x.isCap(j+1) && !x.has(j+2, ner.GTitle) {
			if x.isCap(j + 2) {
				j += 2
			}
		}
		// "President-elect Donald Trump".
		if x.lowIs(j, "-") && x.adjacent(j-1) && x.adjacent(j) && j+1 < n && x.doc.Cls[j+1] == 'x' {
			j += 2
		}
		k := j
		for k < n && !x.inEntity[k] && k-j < 5 {
			switch {
			case x.isCap(k) && !x.has(k, ner.GTitle|ner.GWeekday|ner.GMonth) && !(x.has(k, ner.GDemonym) && k == j):
			case x.isConnector(k) && (x.isCap(k+1) || x.lowIs(k+1, "-")) || (x.lowIs(k, "-") && x.adjacent(k-1) && x.adjacent(k) && k > j):
			default:
				goto done
			}
			k++
		}
	done:
		for k > j && !x.isCap(k-1) {
			k--
		}
		// "Foreign Affairs": a plural common noun alone, no list's name
		// of people, is what the title is of, not who holds it.
		plural := k == j+1 && bytes.HasSuffix(x.lowBytes(j), []byte("s")) && ner.DefaultGazetteer().IsCommon(x.lowBytes(j)) && !x.has(j, ner.GFirst|ner.GLast|ner.GPerson)
		// "Foreign Ministry", "Defence Forces": the title word begins an
		// organisation's name, which orgRules takes.
		person := false
		if k > j && x.free(j, k) && !plural && !x.has(j, ner.GCountry) && !(orgHeads[string(x.lowBytes(k-1))] || orgSuffixes[string(x.lowBytes(k-1))]) {
			// "Chief Executive Satya" + "Nadella": the words between the
			// title and a person the tagger found only in part are the
			// start of that person's name, not a person of their own;
			// common words there ("Chief Financial Officer" before "David
			// Denton") are more of the title, and no one's name.
			if e := x.personAt(k); e != nil {
				if x.givenNames(j, k) {
					x.extendStart(e, j)
				}
			} else {
				x.add(j, k, Person, x.doc.Text[x.doc.Toks[j].Start:x.doc.Toks[k-1].End])
			}
			person = true
		}
		// "U.N. Secretary-General Antonio Guterres", "WHO Director-General
		// Tedros": an abbreviation before a title and a person is the
		// body whose title it is.
		if (person || j < n && (x.labels[j] == ner.LBPer || x.labels[j] == ner.LIPer)) && x.isBodyAbbreviation(i-1) {
			x.add(i-1, i, Org, x.tokenText(i-1))
		}
		i = max(k, i)
	}
}

// roleNames adds the PERSON that a role in lower case (personRoles, or a
// team's: teamRoles) introduces and the tagger missed: "JPMorgan Chase
// chief executive Jamie Dimon", "SoftBank founder Masayoshi Son". A role
// in lower case says less than a title in capitals, so the name must be
// two or three capitalised words (particles between them) that end
// before the next capitalised word (a weekday or month may follow), none
// a title, place, people or organisation word; the first a known first
// name, after which the others may be common words ("Elon Musk"), or a
// word of no list but the large organisation lists, after which they may
// not.
func (x *Extractor) roleNames() {
	n := len(x.doc.Toks)
	for i := 0; i+2 < n; i++ {
		// The word after the role is tested first: few words in lower
		// case come before a capital, and the role's look-up is the cost.
		if x.doc.Cls[i] != 'x' || !x.isCap(i+1) || x.doc.Title[i] {
			continue
		}
		if low := x.lowBytes(i); !personRoles[string(low)] && !teamRoles[string(low)] {
			continue
		}
		j := i + 1
		first := x.has(j, ner.GFirst)
		if !first && x.doc.GazB[j]&^ner.GOrgNames != 0 {
			continue
		}
		k, words := j, 0
		for k < n && !x.inEntity[k] && words < 4 {
			if x.isConnector(k) && k > j && x.isCap(k+1) {
				k++
				continue
			}
			if !x.isCap(k) || x.isAllCaps(k) || !x.personWord(k, first && k > j) {
				break
			}
			k, words = k+1, words+1
		}
		if words < 2 || words > 3 || x.isCap(k) && !x.has(k, ner.GWeekday|ner.GMonth) {
			continue
		}
		x.add(j, k, Person, x.doc.Text[x.doc.Toks[j].Start:x.doc.Toks[k-1].End])
		i = k
	}
}

// personWord reports whether token i may be part of a person's name in
// roleNames: no title, place, people or organisation word, and no common
// word that no list knows as a name unless common says it may be.
func (x *Extractor) personWord(i int, common bool) bool {
	if !common && x.has(i, ner.GCommon) && !x.has(i, ner.GFirst|ner.GLast|ner.GPerson) {
		return false
	}
	if x.has(i, ner.GTitle|ner.GOrgWord|ner.GCountry|ner.GDemonym|ner.GMonth|ner.GWeekday) {
		return false
	}
	low := x.lowBytes(i)
	return !orgHeads[string(low)] && !orgSuffixes[string(low)] && !titleTails[string(low)]
}

// personAt returns the PERSON entity that starts at token k, or nil.
func (x *Extractor) personAt(k int) *Entity {
	if k >= len(x.doc.Toks) || !x.inEntity[k] {
		return nil
	}
	start := int(x.doc.Toks[k].Start)
	for n := range x.ents {
		if e := &x.ents[n]; e.Start == start && e.Type == Person {
			return e
		}
	}
	return nil
}

// givenNames reports whether tokens [i, j) may be given names: none is a
// common word that no list knows as a first name.
func (x *Extractor) givenNames(i, j int) bool {
	for k := i; k < j; k++ {
		if x.has(k, ner.GCommon) && !x.has(k, ner.GFirst) {
			return false
		}
	}
	return true
}

// extendStart makes entity e, which starts after token j, start at token
// j, with its value and the words before it.
func (x *Extractor) extendStart(e *Entity, j int) {
	_, end := x.tokenRange(e.Start, e.End)
	if end < 0 {
		return
	}
	for k := j; k < end; k++ {
		x.inEntity[k] = true
	}
	if e.Type == Person {
		x.noteSurname(end - 1) // its last word is now a surname
	}
	s := int(x.doc.Toks[j].Start)
	if e.Value == e.Text {
		e.Value = x.doc.Text[s:e.End]
	}
	e.Start, e.Text = s, x.doc.Text[s:e.End]
}

// isBodyAbbreviation reports a free abbreviation in capitals at token i,
// with or without full stops ("WHO", "U.N."), that is no place, people
// or common abbreviation (see titledNames).
func (x *Extractor) isBodyAbbreviation(i int) bool {
	if i < 0 || x.inEntity[i] || x.doc.Cls[i] != 'X' || notOrgAcronyms[string(x.lowBytes(i))] ||
		x.has(i, ner.GCountry|ner.GCity|ner.GCapital|ner.GDemonym|ner.GTitle) {
		return false
	}
	t := x.tokenText(i)
	letters := 0
	for k := 0; k < len(t); k++ {
		switch {
		case t[k] >= 'A' && t[k] <= 'Z':
			letters++
		case t[k] == '.' && k > 0:
		default:
			return false
		}
	}
	return letters >= 2 && letters <= 6
}

// isKnownOrg reports whether tokens [i, j) are exactly an organisation
// of the word lists: a known one-word name, or a name of the gazetteer.
func (x *Extractor) isKnownOrg(i, j int) bool {
	if j-i == 1 {
		return knownOrgs[string(x.lowBytes(i))] || x.knownOneWordOrg(i)
	}
	return ner.DefaultGazetteer().Longest(x.doc.Hash[i:j], ner.GOrgs) == j-i
}

// isTitleTail reports a word of a title at token i, the first of the
// tagged person [i, j), that the titles of the gazetteer (which are also
// features of the tagger) lack: the second word of "Chief Executive" or
// "Detective Inspector", or a title alone before a first name and a
// surname ("Commissioner Margrethe Vestager").
func (x *Extractor) isTitleTail(i, j int) bool {
	if !x.isCap(i) || !titleTails[string(x.lowBytes(i))] {
		return false
	}
	return j-i > 2 || i > 0 && x.has(i-1, ner.GTitle) && x.isCap(i-1)
}

// isHonorific reports Mr, Mrs, Ms, Dr and the like at token i.
func (x *Extractor) isHonorific(i int) bool {
	switch string(x.lowBytes(i)) {
	case "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "miss", "sir", "dame":
		return x.isCap(i)
	}
	return false
}

// isRoman reports a regnal number at token i: II, III, IV ... and I when
// no word follows it.
func (x *Extractor) isRoman(i int) bool {
	if i >= len(x.doc.Toks) || x.doc.Cls[i] != 'X' || x.adjacent(i-1) {
		return false
	}
	switch x.tokenText(i) {
	case "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI":
		return true
	case "I":
		return i+1 >= len(x.doc.Toks) || x.doc.Cls[i+1] != 'x' && x.doc.Cls[i+1] != 'X'
	}
	return false
}

// surnames tags the untagged mentions of the surname of a person named in
// full in the same text: "Antony Blinken ... Blinken was hoping".
func (x *Extractor) surnames() {
	if len(x.surnameHashes) == 0 {
		return
	}
	for i := range x.doc.Toks {
		// "Houthi leader Abdul-Malik al-Houthi": a group or nationality
		// word is no surname; norp takes it.
		if x.inEntity[i] || !x.isCap(i) || x.has(i, ner.GTitle|ner.GWeekday|ner.GMonth|ner.GDemonym) || x.isGroupWord(i) {
			continue
		}
		if x.surnameHashes[x.doc.Hash[i]] && !(i+1 < len(x.doc.Toks) && x.isCap(i+1) && !x.doc.Toks[i+1].SentStart) {
			x.add(i, i+1, Person, x.tokenText(i))
		}
	}
}

// linkPersons gives each short PERSON mention the value of the one longer
// name it ends ("Blinken" → "Antony Blinken", "Sudani" → "Mohammed Shia
// al-Sudani"). A short name matching two different long names keeps its
// own text.
func (x *Extractor) linkPersons() {
	ents := x.ents
	clear(x.persons)
	x.persons = personNames(ents, x.persons)
	idx := x.persons
	if len(idx) == 0 {
		return
	}
	for i := range ents {
		e := &ents[i]
		if e.Type == Person && !strings.Contains(e.Value, " ") {
			if v := idx.Full(e.Value); v != "" {
				e.Value = v
			}
		}
	}
}

// personNames indexes the PERSON values of ents with [AddSurname]. It is
// nil when there are no names of more than one word and idx is nil.
func personNames(ents []Entity, idx Surnames) Surnames {
	for _, o := range ents {
		if o.Type == Person {
			idx = AddSurname(idx, o.Value)
		}
	}
	return idx
}

// patronymics join a given name to a father's name: "Abdulaziz bin
// Salman", "Tamim bin Hamad Al Thani".
var patronymics = map[string]bool{"bin": true, "ibn": true, "bint": true}

// Surnames indexes the names of people named in full by their surnames:
// the last word of the name, and the part of that word after a hyphen
// ("al-Sudani" → "Sudani"), and by the given name of an Arabic name with
// a patronymic ("Abdulaziz bin Salman" → "Abdulaziz"). It is the one surname index of
// ExtractEntities and Article.Entities.
type Surnames map[string]Surname

// Surname is what a [Surnames] index holds for one surname.
type Surname struct {
	Last string // the name indexed last under the surname
	Many bool   // different names were indexed under the surname
}

// Full returns the one name indexed under surname, or "" when there is
// none or more than one.
func (s Surnames) Full(surname string) string {
	if e := s[surname]; !e.Many {
		return e.Last
	}
	return ""
}

// AddSurname indexes name, a PERSON value, when it has more than one word,
// and returns idx, made if nil and name is indexed. A name whose second
// word is an Arabic patronymic particle ("Abdulaziz bin Salman") is also
// indexed under its first word, the given name by which news names such
// a person again ("Prince Abdulaziz", "Abdulaziz said"); "Salman" is his
// father's.
func AddSurname(idx Surnames, name string) Surnames {
	if !strings.Contains(name, " ") {
		return idx
	}
	if idx == nil {
		idx = Surnames{}
	}
	add := func(key string) {
		e, ok := idx[key]
		idx[key] = Surname{Last: name, Many: e.Many || ok && e.Last != name}
	}
	last := name[strings.LastIndexByte(name, ' ')+1:]
	add(last)
	first, rest, _ := strings.Cut(name, " ")
	if p, after, ok := strings.Cut(rest, " "); ok && patronymics[p] && after != "" {
		add(first)
	}
	if _, after, ok := strings.Cut(last, "-"); ok && after != "" {
		add(after)
	}
	return idx
}
