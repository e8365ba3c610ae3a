package entity

import (
	"slices"

	"github.com/newsdump/newsdump/internal/ner"
)

// orgContexts retypes, as a sure organisation, a name that the words
// around it show to be a company or an agency, and adds one the tagger
// missed ("shares of Diagnostic Products", "Tesla's chief executive", "a
// Boeing spokesman", "the OPEC+ group"). It runs on the sorted entities
// and keeps them sorted.
//
// People are retyped only by what no person has (shares, a chief
// executive, shareholders; not a spokesman, whom politicians have too),
// places of the gazetteer never ("Hong Kong's chief executive" is the
// city's), nationality words never ("the Kurdish group").
func (x *Extractor) orgContexts() {
	added := false
	for k := range x.ents {
		e := &x.ents[k]
		if e.Type != Person && e.Type != Location && e.Type != Org {
			continue
		}
		i, j := x.tokenRange(e.Start, e.End)
		if i < 0 {
			continue
		}
		// "Rolls-Royce announced": the tagger took only the second half.
		if j-i == 1 && i >= 2 && x.lowIs(i-1, "-") && x.adjacent(i-2) && x.adjacent(i-1) && x.isCap(i-2) && !x.inEntity[i-2] && !x.inEntity[i-1] &&
			x.orgContext(i-2, j) == companyContext {
			i -= 2
			e.Start = int(x.doc.Toks[i].Start)
			e.Text = x.doc.Text[e.Start:e.End]
			x.inEntity[i], x.inEntity[i+1] = true, true
		}
		c := x.orgContext(i, j)
		// A club's or a deal's slot retypes a one-word person no list
		// knows as a person's name ("loaned to Trabzonspor", "merged with
		// Pemco"), or a longer one whose first word is no first name
		// ("Kestor Chemie merged with").
		slotPerson := (c == clubContext || c == dealContext) &&
			(j-i == 1 && !x.has(i, ner.GFirst|ner.GLast|ner.GPerson) || j-i > 1 && !x.has(i, ner.GFirst|ner.GPerson))
		if c == noOrgContext || e.Type == Person && c != companyContext && c != teamContext && !slotPerson ||
			e.Type == Location && c != clubContext && c != teamContext && x.isPlaceSpan(i, j) {
			continue
		}
		if e.Type != Org {
			e.Type, e.Value = Org, trimThe(e.Text)
		}
		e.sure = true
	}
	// Capitalised words no rule or tagger took, in the same contexts.
	n := len(x.doc.Toks)
	for i := 0; i < n; i++ {
		if x.inEntity[i] || !x.isCap(i) {
			continue
		}
		// "Shell's chief executive", "Apple's shares": a common word is a
		// company's name when what it has is a company's.
		if x.isPossessive(i+1) && x.has(i, ner.GCommon) && !x.has(i, ner.GFirst|ner.GTitle|ner.GWeekday|ner.GMonth|ner.GDemonym) &&
			!orgHeads[string(x.lowBytes(i))] && !companyNouns[string(x.lowBytes(i))] &&
			!x.isCap(i-1) && x.orgContext(i, i+1) == companyContext && !x.isPlaceSpan(i, i+1) {
			x.add(i, i+1, Org, x.value(i, i+1, Org))
			x.ents[len(x.ents)-1].sure = true
			added = true
			continue
		}
		// A sentence's first word is a name only when no common word
		// ("A Boeing spokesman").
		if x.doc.Toks[i].SentStart && (x.has(i, ner.GCommon) || len(x.lowBytes(i)) == 1) {
			continue
		}
		j := x.capRunEnd(i)
		if j <= i {
			continue
		}
		if j-i > 5 || j-i == 1 && x.has(i, ner.GCommon|ner.GFirst|ner.GTitle|ner.GWeekday|ner.GMonth|ner.GDemonym) {
			i = j - 1
			continue
		}
		if c := x.orgContext(i, j); c != noOrgContext && (c == clubContext || c == teamContext || !x.isPlaceSpan(i, j)) {
			x.add(i, j, Org, x.value(i, j, Org))
			x.ents[len(x.ents)-1].sure = true
			added = true
		}
		i = j - 1
	}
	if added {
		slices.SortFunc(x.ents, func(a, b Entity) int { return a.Start - b.Start })
	}
}

type orgContextKind uint8

const (
	noOrgContext   orgContextKind = iota
	companyContext                // only companies have it: shares, a chief executive
	agencyContext                 // organisations have it, and so do some people: a spokesman
	clubContext                   // a club's: "signed for", "on loan to", even a place's name ("played for Yorkshire")
	dealContext                   // a company's deal: "merged with", "acquired by"
	teamContext                   // a team's player or manager named after it: "Chelsea manager Mauricio Pochettino"
)

// orgContext says what the words around the name [i, j) show it to be.
func (x *Extractor) orgContext(i, j int) orgContextKind {
	// After: "'s chief executive", "'s shares", " shares", "'s parent", " spokesman".
	a := j
	poss := x.isPossessive(a)
	if poss {
		a++
	}
	switch {
	case x.lowIs(a, "chief") && x.lowIs(a+1, "executive"), x.lowIs(a, "ceo"), x.lowIs(a, "shareholders"),
		x.lowIs(a, "shares") && !x.lowIs(a+1, "of"), x.lowIs(a, "stock") && !poss, x.lowIs(a, "subsidiary"):
		return companyContext
	case poss && (companyHoldings[string(x.lowBytes(a))] ||
		x.lowIs(a, "executive") && (x.lowIs(a+1, "chair") || x.lowIs(a+1, "chairman") || x.lowIs(a+1, "chairwoman"))):
		return companyContext
	case x.teamRoleAt(a):
		return teamContext
	case !poss && (x.lowIs(a, "spokesman") || x.lowIs(a, "spokeswoman") || x.lowIs(a, "spokesperson")):
		if x.has(i, ner.GDemonym) || x.isPlaceSpan(i, j) {
			return noOrgContext
		}
		return agencyContext
	}
	// "the Bundesbank", "Rabobank", "Sberbank": one word ending in
	// "bank" after a part of its own is a bank's name.
	if j-i == 1 && x.isBankCompound(i) {
		return companyContext
	}
	// "Schering-Plough said": two capitalised words joined by a hyphen,
	// neither a name of people, are a company's name (double surnames
	// come after a first name, or are known surnames: "Ocasio-Cortez").
	if !poss && j-i == 3 && x.lowIs(i+1, "-") && x.adjacent(i) && x.adjacent(i+1) && x.isCap(i+2) &&
		!x.has(i, ner.GFirst|ner.GLast|ner.GTitle) && !x.has(i+2, ner.GFirst|ner.GLast) && !x.isCap(i-1) && speechVerbs[string(x.lowBytes(a))] &&
		!x.personPronounAfter(a+1) {
		return companyContext
	}
	// "the OPEC+ group", "the Wagner militia": a determiner, the name,
	// and an organisation noun in lower case.
	if !poss && x.doc.Cls[min(a, len(x.doc.Toks)-1)] == 'x' && orgNouns[string(x.lowBytes(a))] &&
		(x.lowIs(i-1, "the") || x.lowIs(i-1, "a") || x.lowIs(i-1, "an") || x.isPossessive(i-1)) &&
		!(j-i == 1 && x.isNationalityLike(i)) {
		return agencyContext
	}
	// Before: "shares of", "shares in", "a stake in", "a unit of",
	// "analysts at", "its rating on".
	if i >= 2 && (x.lowIs(i-1, "of") || x.lowIs(i-1, "in")) &&
		(x.lowIs(i-2, "shares") || x.lowIs(i-2, "stake") || x.lowIs(i-2, "subsidiary") || x.lowIs(i-2, "unit") && x.lowIs(i-1, "of")) {
		return companyContext
	}
	if i >= 2 && (x.lowIs(i-1, "at") && x.lowIs(i-2, "analysts") || x.lowIs(i-1, "on") && x.lowIs(i-2, "rating")) {
		return companyContext
	}
	// "investors in Boohoo", "shareholders of Vale", "creditors of
	// Evergrande": what a company has, before its name.
	if !poss && i >= 2 && (x.lowIs(i-1, "in") || x.lowIs(i-1, "of")) && holdersBefore[string(x.lowBytes(i-2))] {
		return companyContext
	}
	if !poss && x.isClubSlot(i, j) {
		return clubContext
	}
	if !poss && j-i <= 3 && !x.has(i, ner.GFirst) && x.isDealSlot(i, j) {
		return dealContext
	}
	if poss || j-i > 3 || x.has(i, ner.GFirst) || x.isPlaceSpan(i, j) || x.isNationalityLike(i) {
		return noOrgContext
	}
	// "the ruling Likud", "the opposition Kuomintang": what rules or
	// opposes after "the" is a party.
	if i >= 2 && (x.lowIs(i-1, "ruling") || x.lowIs(i-1, "opposition")) && x.lowIs(i-2, "the") {
		return companyContext
	}
	// "Qantas reported a record annual profit", "Wizz Air posted a
	// quarterly loss": a company's results.
	if x.lowIs(a, "reported") || x.lowIs(a, "posted") || x.lowIs(a, "reports") || x.lowIs(a, "posts") {
		for k := a + 1; k < a+6 && k < len(x.doc.Toks) && x.doc.Cls[k] == 'x'; k++ {
			if resultNouns[string(x.lowBytes(k))] {
				return companyContext
			}
		}
	}
	// "Shein, the fast-fashion retailer founded in China": an apposition
	// whose head is a kind of company.
	if x.lowIs(a, ",") && (x.lowIs(a+1, "the") || x.lowIs(a+1, "a") || x.lowIs(a+1, "an")) {
		for k := a + 2; k < a+8 && k < len(x.doc.Toks) && !x.lowIs(k, ","); k++ {
			if x.lowIs(k, "start") && x.lowIs(k+1, "-") && x.lowIs(k+2, "up") {
				k += 2 // "start-up", three tokens
			} else if x.doc.Cls[k] != 'x' || !companyNouns[string(x.lowBytes(k))] {
				continue
			}
			if appositionEnds[string(x.lowBytes(k+1))] {
				return companyContext
			}
		}
	}
	// "Stellantis said it would cut jobs", "Naspers said its stake":
	// the first name of a sentence, which no list knows as a person's,
	// speaks of itself as "it" that does something ("Zelenskiy said it
	// was time" is a person's "it").
	if x.doc.Toks[i].SentStart && !x.has(i, ner.GLast|ner.GTitle) && (x.lowIs(a, "said") || x.lowIs(a, "says")) &&
		(x.lowIs(a+1, "its") && x.doc.Cls[min(a+2, len(x.doc.Toks)-1)] == 'x' || x.lowIs(a+1, "it") && itsDoings[string(x.lowBytes(a+2))] ||
			x.itsAfterSaid(a+1)) {
		return companyContext
	}
	// "Wirecard filed for insolvency", "Klarna filed for a listing",
	// "Debenhams went into administration": what only a company does.
	if (x.lowIs(a, "filed") && x.lowIs(a+1, "for") || x.lowIs(a, "went") && x.lowIs(a+1, "into")) && x.companyFate(a+2) {
		return companyContext
	}
	// "Glovo, owned by Delivery Hero,": a person is no one's property.
	if x.lowIs(a, ",") && x.lowIs(a+1, "owned") && x.lowIs(a+2, "by") {
		return companyContext
	}
	return noOrgContext
}

// companyFate reports, among the three words from k, what a company
// files for or goes into: insolvency, administration, a listing, an IPO,
// Chapter 11. A person files for bankruptcy too, but seldom in the news
// under a name no list knows.
func (x *Extractor) companyFate(k int) bool {
	for m := k; m < k+3 && m < len(x.doc.Toks); m++ {
		switch string(x.lowBytes(m)) {
		case "insolvency", "administration", "receivership", "liquidation", "listing", "ipo", "chapter", "bankruptcy":
			return true
		case "a", "an", "its":
		default:
			if x.doc.Cls[m] != 'x' {
				return false
			}
		}
	}
	return false
}

// isBankCompound reports a capitalised word at token i of three letters
// or more and "bank" ("Bundesbank", "Commerzbank"), no name or common
// word of the lists ("Burbank", "Eubank", "Riverbank").
func (x *Extractor) isBankCompound(i int) bool {
	low := x.lowBytes(i)
	return len(low) >= 7 && string(low[len(low)-4:]) == "bank" && x.doc.Cls[i] == 'X' &&
		!x.has(i, ner.GFirst|ner.GLast|ner.GCity|ner.GCapital|ner.GCountry|ner.GCommon)
}

// itsAfterSaid reports "its" among the words in lower case from k, a few
// after "said", with no other subject before it: "Antofagasta said copper
// output at its mines", "Target said thefts had cut its margin". A
// capitalised word, a personal pronoun or a determiner before "its" may
// be what "its" speaks of ("Zelenskiy said the country would defend its
// borders"), and so ends the search.
func (x *Extractor) itsAfterSaid(k int) bool {
	for m := k; m < k+7 && m < len(x.doc.Toks) && !x.doc.Toks[m].SentStart; m++ {
		if x.doc.Cls[m] != 'x' {
			return false
		}
		switch string(x.lowBytes(m)) {
		case "its":
			return m > k
		case "the", "a", "an", "this", "that", "these", "those", "it", "he", "she", "they", "his", "her", "their", "who", "which", "we", "i", "you":
			return false
		}
	}
	return false
}

// companyHoldings are what a company has and a person does not, after
// its name and "'s": "Temu's parent PDD Holdings", "Tesla's board",
// "Heineken's revenue"; and so has "'s executive chair" ("Santander's
// executive chair").
var companyHoldings = map[string]bool{
	"parent": true, "board": true, "revenue": true, "revenues": true, "profit": true, "profits": true,
	"creditors": true, "bondholders": true, "liquidation": true, "liquidators": true,
}

// holdersBefore hold a company's shares or debts, before "in" or "of"
// and its name.
var holdersBefore = map[string]bool{
	"investors": true, "shareholders": true, "creditors": true, "bondholders": true,
}

// teamRoleAt reports a team's role in lower case at token a ("head coach"
// too) and a capitalised name after it: "Chelsea manager Mauricio
// Pochettino", "England captain Harry Kane", "Brazil forward Vinicius
// Junior". A person is named before a spokesman or an adviser, not before
// these.
func (x *Extractor) teamRoleAt(a int) bool {
	if x.lowIs(a, "head") && x.lowIs(a+1, "coach") {
		a++
	}
	return a < len(x.doc.Toks) && x.doc.Cls[a] == 'x' && teamRoles[string(x.lowBytes(a))] &&
		x.isCap(a+1) && !x.has(a+1, ner.GWeekday|ner.GMonth)
}

// teamRoles are the roles of teamRoleAt.
var teamRoles = map[string]bool{
	"manager": true, "coach": true, "boss": true, "captain": true, "striker": true, "forward": true,
	"midfielder": true, "defender": true, "goalkeeper": true, "keeper": true, "winger": true,
	"playmaker": true, "full-back": true, "centre-back": true, "center-back": true,
}

// itsDoings follow "X said it" when X is a company: "said it would cut
// jobs", "said it had won a licence"; not "was" or "is".
var itsDoings = map[string]bool{
	"would": true, "will": true, "had": true, "has": true, "expected": true, "expects": true,
	"plans": true, "planned": true, "could": true, "aims": true, "intends": true, "agreed": true,
	"hoped": true, "hopes": true, "sees": true, "saw": true, "remained": true, "remains": true,
}

// resultNouns are what a company reports: "reported a quarterly loss".
var resultNouns = map[string]bool{
	"profit": true, "profits": true, "loss": true, "losses": true, "revenue": true, "revenues": true,
	"sales": true, "earnings": true, "results": true, "turnover": true,
}

// companyNouns head an apposition that makes a company of the name before
// it ("Canva, the Australian design start-up,").
var companyNouns = map[string]bool{
	"company": true, "firm": true, "retailer": true, "start-up": true, "startup": true, "miner": true,
	"airline": true, "carrier": true, "lender": true, "bank": true, "insurer": true, "brewer": true,
	"grocer": true, "supermarket": true, "carmaker": true, "automaker": true, "chipmaker": true,
	"conglomerate": true, "group": true, "manufacturer": true, "producer": true, "operator": true,
	"platform": true, "maker": true, "giant": true, "developer": true,
}

// appositionEnds follow the head of an apposition: a comma, a full stop,
// or a participle or relative that goes on describing it. Not "'s"
// ("Smith, the company's founder").
var appositionEnds = map[string]bool{
	",": true, ".": true, "that": true, "which": true, "founded": true, "based": true, "owned": true,
	"in": true, "with": true, "backed": true, "controlled": true, "run": true, "known": true,
}

// personPronounAfter reports "he", "she", "his" or "her" among the six
// tokens from k, before any "it" or "its": "Ocasio-Cortez said she would".
func (x *Extractor) personPronounAfter(k int) bool {
	for m := k; m < k+6 && m < len(x.doc.Toks) && !x.doc.Toks[m].SentStart; m++ {
		switch string(x.lowBytes(m)) {
		case "he", "she", "his", "her", "him":
			return true
		case "it", "its":
			return false
		}
	}
	return false
}

// speechVerbs follow a company's name as often as a person's.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "announced": true, "reported": true, "posted": true,
	"agreed": true, "plans": true, "expects": true, "warned": true,
}

// tokenRange returns the tokens [i, j) that cover exactly the bytes
// [start, end), or -1, -1.
func (x *Extractor) tokenRange(start, end int) (int, int) {
	t := x.doc.Toks
	i, ok := slices.BinarySearchFunc(t, start, func(tk ner.Token, s int) int { return int(tk.Start) - s })
	if !ok {
		return -1, -1
	}
	j := i
	for j < len(t) && int(t[j].End) <= end {
		j++
	}
	if j == i || int(t[j-1].End) != end {
		return -1, -1
	}
	return i, j
}

// isClubSlot reports a name [i, j) where a player's club stands, which
// UNER annotates ORG whatever its name: "signed for Celtic", "played for
// Yorkshire", "on loan to Galatasaray", "transferred to Juventus",
// "captained Dynamo Kyiv", and both names of "joined Ajax from
// Feyenoord". People are left alone by orgContexts.
func (x *Extractor) isClubSlot(i, j int) bool {
	if i < 1 || x.doc.Title[i] {
		return false
	}
	p, q := string(x.lowBytes(i-1)), ""
	if i >= 2 && !x.doc.Toks[i-1].SentStart {
		q = string(x.lowBytes(i - 2))
	}
	switch {
	case p == "for" && (q == "signed" || q == "played" || q == "plays" || q == "playing" || q == "signs"),
		p == "to" && (q == "loaned" || q == "transferred" || q == "loan"),
		p == "from" && q == "loan",
		p == "captained":
		return true
	case p == "joined" && x.lowIs(j, "from") && x.isCap(j+1):
		return true
	case p == "from":
		// "joined" + a name + "from" + this name.
		for k := i - 2; k > 0 && k >= i-5 && !x.doc.Toks[k].SentStart; k-- {
			if x.lowIs(k, "joined") {
				return k+1 < i-1 && x.isCap(k+1)
			}
		}
	}
	return false
}

// isDealSlot reports a name [i, j) that companies' deals name: "merged
// with Solvane", "merged into Sud Aviation", "to form Brandtsol" after a
// merger, "acquired by", "bought by", "Daimler acquired Chrysler", "sold
// its division to Haier". Places of the gazetteer are left alone by
// orgContexts ("bought Alaska").
func (x *Extractor) isDealSlot(i, j int) bool {
	if x.doc.Title[i] {
		return false
	}
	// After: "Solvane merged with", "Ferrand Aviation was nationalised",
	// "Brandt Chemie was founded": what only organisations undergo.
	// A capitalised word before the name says the name is cut short
	// ("Korean" + "Broadcasting System").
	if (!x.isCap(i-1) || x.lowIs(i-1, "the")) && (x.lowIs(j, "merged") || (x.lowIs(j, "was") || x.lowIs(j, "were")) && orgHistoryVerbs[string(x.lowBytes(j+1))]) {
		return true
	}
	if i < 1 {
		return false
	}
	p, q := string(x.lowBytes(i-1)), ""
	if i >= 2 {
		q = string(x.lowBytes(i - 2))
	}
	switch {
	case (p == "with" || p == "into") && (q == "merged" || q == "merge" || q == "merger" || q == "merging"),
		p == "by" && (q == "acquired" || q == "bought" || q == "taken" && x.lowIs(i-3, "over")),
		// "Tata Group acquired", "the company acquired": a buyer that is
		// a name or a company ("learners acquiring L2" is no deal).
		p == "acquired" && i >= 2 && (x.doc.Cls[i-2] != 'x' || buyerWords[q]):
		return true
	case p == "form" && q == "to", p == "to" && !x.lowIs(i-2, "from"):
		// "merged with Y to form Z", "sold its appliance division to
		// Haier": the deal's verb a few words before, in the sentence.
		verbs := mergeVerbs
		if p == "to" {
			verbs = saleVerbs
		}
		for k := i - 2; k >= 0 && k >= i-8 && !x.lowIs(k, "."); k-- {
			if verbs[string(x.lowBytes(k))] {
				return true
			}
			if x.doc.Toks[k].SentStart {
				break
			}
		}
	}
	return false
}

// buyerWords before "acquired" make what was acquired a company.
var buyerWords = map[string]bool{"it": true, "company": true, "group": true, "firm": true, "bank": true}

// orgHistoryVerbs after "was" make the name before it an organisation's
// (places of the lists are left alone: "Rome was founded").
var orgHistoryVerbs = map[string]bool{
	"founded": true, "incorporated": true, "nationalised": true, "nationalized": true,
	"privatised": true, "privatized": true, "liquidated": true, "delisted": true, "acquired": true,
	"demutualised": true, "demutualized": true,
}

// mergeVerbs before "to form" make the new name a company's.
var mergeVerbs = map[string]bool{"merged": true, "merging": true, "merger": true, "combined": true, "amalgamated": true}

// saleVerbs before "to" make the buyer a company ("sold its stake to").
var saleVerbs = map[string]bool{"sold": true, "sells": true, "selling": true}

// datelineAgencies makes the source a wire dateline names an
// organisation: the capitalised words in parentheses between the
// dateline, which opens a sentence with a place in capitals, and the
// dash that opens the story ("ROTTERDAM (Northwire) - Dock workers",
// "LONDON, Jan 5 (Gulf Wire) — Oil rose", "KYIV, Ukraine (AP) —"). The
// wires and papers print their own name there, so a name no list knows
// is one too, where the tagger reads a town or a surname in its words.
// It runs on the sorted entities and keeps them sorted.
func (x *Extractor) datelineAgencies() {
	n := len(x.doc.Toks)
	changed := false
	for s := 0; s < n; s++ {
		if !x.doc.Toks[s].SentStart || !x.isAllCaps(s) {
			continue
		}
		// The dateline: the place, a region, a date ("LONDON, Jan 5").
		p := -1
		for k := s + 1; k < n && k < s+maxDatelineTokens; k++ {
			if x.lowIs(k, "(") {
				p = k
				break
			}
			if !x.isCap(k) && x.doc.Cls[k] != 'd' && !x.lowIs(k, ",") && !x.lowIs(k, ".") {
				break
			}
		}
		if p < 0 {
			continue
		}
		q := p + 1
		for q < n && q-p <= maxAgencyWords && (x.isCap(q) || x.lowIs(q, "&") && x.isCap(q+1)) {
			q++
		}
		if q == p+1 || !x.lowIs(q, ")") || !(x.lowIs(q+1, "-") || x.lowIs(q+1, "—") || x.lowIs(q+1, "–") || x.lowIs(q+1, "--")) {
			continue
		}
		i, j := p+1, q
		start, end := int(x.doc.Toks[i].Start), int(x.doc.Toks[j-1].End)
		if k := slices.IndexFunc(x.ents, func(e Entity) bool { return e.Start == start && e.End == end }); k >= 0 {
			if e := &x.ents[k]; e.Type == Org {
				e.sure = true
				continue
			}
		}
		x.ents = slices.DeleteFunc(x.ents, func(e Entity) bool { return e.Start < end && e.End > start })
		for k := i; k < j; k++ {
			x.inEntity[k] = false
		}
		x.indexed = false
		x.add(i, j, Org, x.value(i, j, Org))
		x.ents[len(x.ents)-1].sure = true
		changed = true
		s = q
	}
	if changed {
		slices.SortFunc(x.ents, func(a, b Entity) int { return a.Start - b.Start })
	}
}

// A dateline runs over at most maxDatelineTokens tokens before the
// source's parenthesis ("RIO DE JANEIRO, Brazil, Jan. 5 ("), and the
// source's name over at most maxAgencyWords words.
const (
	maxDatelineTokens = 12
	maxAgencyWords    = 4
)
