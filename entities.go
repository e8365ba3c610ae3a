package newsdump

import (
	"slices"
	"strings"
	"sync"

	"github.com/newsdump/newsdump/internal/ner"
)

// EntityType is the kind of an [Entity].
type EntityType string

// The entity types. PERSON, ORG and LOCATION come from a statistical
// tagger corrected by rules; the others come from rules alone.
const (
	PERSON   EntityType = "PERSON"   // people, named as written ("Antony Blinken", "Sudani")
	ORG      EntityType = "ORG"      // organisations, companies, armed groups, agencies
	LOCATION EntityType = "LOCATION" // countries, cities, regions, places
	NORP     EntityType = "NORP"     // nationalities and other groups: "Iraqi", "Israelis"
	DATE     EntityType = "DATE"     // calendar dates, months, years, weekdays, durations
	NUMBER   EntityType = "NUMBER"   // cardinal numbers: "1,200", "at least 40", "two million"
	MONEY    EntityType = "MONEY"    // amounts with a currency: "$1.8 billion"
	PERCENT  EntityType = "PERCENT"  // "5%", "12.5 percent"
)

// Entity is one mention of a named thing, date or number in a text.
//
// Value is the normalised form:
//   - DATE: ISO 8601: "2023-11-06", "2023-10", "2023", "--10-17" when the
//     year is not written, "--10" for a month alone, a duration such as
//     "P15M" for "15-month"; empty for a weekday alone ("Tuesday"), which
//     only [Article.Entities] may resolve against a dated caption;
//   - NUMBER, MONEY, PERCENT: a plain decimal number without grouping
//     ("46000", "40"), in scientific notation when a scale word is used
//     ("1.8e9" for "$1.8 billion"); qualifiers such as "at least" and the
//     currency stay in Text only;
//   - PERSON: the longest form of the name found in the same text
//     ("Blinken" → "Antony Blinken" when both occur), else the text;
//   - LOCATION: the common English name of a country for its aliases
//     ("US", "U.S.", "the United States" → "United States"), else the text;
//   - ORG, NORP: the text without a leading "the".
type Entity struct {
	Text  string     `json:"text"` // exactly the input's bytes [Start, End)
	Type  EntityType `json:"type"`
	Start int        `json:"start"` // byte offset of the first byte
	End   int        `json:"end"`   // byte offset after the last byte
	Value string     `json:"value"`
}

// extractor is the per-call working memory of ExtractEntities, pooled.
type extractor struct {
	doc     ner.Doc
	spans   []Span // the text's sentences
	labels  []uint8
	scratch ner.Scratch
	taken   []bool            // token already part of an entity
	surname map[uint64]bool   // hashes of the last words of full PERSON names
	persons map[string]string // see personNames
	ents    []Entity
}

var extractors = sync.Pool{New: func() any { return new(extractor) }}

// ExtractEntities finds the people, organisations, places, groups, dates
// and numbers in text and returns them in text order, without overlaps,
// each with byte offsets into text and a normalised Value.
//
// Names are found by an averaged perceptron sequence tagger (BIO labels,
// Viterbi decoding) trained on Universal NER English-EWT, GUM and wikigold,
// with word, shape, affix, gazetteer and context features; its output is
// then corrected by rules: a capitalised name after a title ("Prime
// Minister", "Brig. Gen.", "Secretary of State") is a PERSON and the title
// is not part of it; weekdays and months are never names; nationality words
// are NORP; a surname alone ("Blinken") after the full name in the same
// text is the same PERSON; a capitalised common word at the start of a
// sentence is not a PERSON. Dates, durations, money, percentages and
// numbers are found by rules. Sentences are split at . ! ? and line
// breaks (abbreviations such as "Gen." and "U.S." do not end one).
//
// Quality, measured by internal/ner/cmd/nereval (exact span and type):
// F1 71 over PERSON, ORG and LOCATION on the UNER English-PUD news and
// Wikipedia set (PERSON 79, ORG 55, LOCATION 71), 65 on GUM's test
// documents.
//
// The model (about 20 MB in memory) is embedded and loaded once, on first
// use, in a few tens of milliseconds; ExtractEntities is safe for
// concurrent use and allocates per call and per normalised value, not per
// token. It returns nil for a text without entities.
func ExtractEntities(text string) []Entity {
	x := extractors.Get().(*extractor)
	defer extractors.Put(x)
	x.extract(text)
	if len(x.ents) == 0 {
		return nil
	}
	out := make([]Entity, len(x.ents))
	copy(out, x.ents)
	return out
}

func (x *extractor) extract(text string) {
	x.ents = x.ents[:0]
	clear(x.surname)
	gaz := ner.DefaultGazetteer()
	d := &x.doc
	// Sentence starts from the splitter, which knows abbreviations such as
	// "Brig. Gen." and "Oct." that the tokenizer's own rule breaks at.
	x.spans = appendSentences(x.spans[:0], text)
	d.Starts = d.Starts[:0]
	for _, sp := range x.spans {
		d.Starts = append(d.Starts, sp.Start)
	}
	d.Reset(text, gaz)
	n := len(d.Toks)
	x.taken = growSlice(x.taken, n)
	clear(x.taken)
	x.labels = growSlice(x.labels, n)
	clear(x.labels)
	if m, err := ner.DefaultModel(); err == nil {
		m.Tag(d, x.labels, &x.scratch)
	}
	x.rulesDatesNumbers()
	x.names()
	x.norp()
	slices.SortFunc(x.ents, func(a, b Entity) int { return a.Start - b.Start })
	coordinatePlaces(text, x.ents)
	x.ents = mergeOrgOfPlace(text, x.ents)
	x.linkPersons()
}

func growSlice[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n, n+n/4)
}

// tok returns the text of token i.
func (x *extractor) tok(i int) string {
	t := x.doc.Toks[i]
	return x.doc.Text[t.Start:t.End]
}

// isConnector reports a lower-case name connector at token i.
func (x *extractor) isConnector(i int) bool {
	o := x.doc.LowOff[i]
	return x.doc.Cls[i] == 'x' && nameConnectors[string(x.doc.Low[o[0]:o[1]])]
}

// lowIs compares token i's lower-cased text with s without allocating.
func (x *extractor) lowIs(i int, s string) bool {
	if i < 0 || i >= len(x.doc.Toks) {
		return false
	}
	o := x.doc.LowOff[i]
	return string(x.doc.Low[o[0]:o[1]]) == s
}

func (x *extractor) add(i, j int, typ EntityType, value string) {
	t := x.doc.Toks
	s, e := int(t[i].Start), int(t[j-1].End)
	x.ents = append(x.ents, Entity{Text: x.doc.Text[s:e], Type: typ, Start: s, End: e, Value: value})
	if typ == PERSON && j-i > 1 {
		if x.surname == nil {
			x.surname = map[uint64]bool{}
		}
		x.surname[x.doc.Hash[j-1]] = true
	}
	for k := i; k < j; k++ {
		x.taken[k] = true
	}
}

func (x *extractor) free(i, j int) bool {
	for k := i; k < j; k++ {
		if x.taken[k] {
			return false
		}
	}
	return true
}

// adjacent reports whether tokens i and i+1 touch (no space between).
func (x *extractor) adjacent(i int) bool {
	t := x.doc.Toks
	return i >= 0 && i+1 < len(t) && t[i].End == t[i+1].Start
}

func (x *extractor) isCap(i int) bool {
	return i >= 0 && i < len(x.doc.Toks) && x.doc.Cls[i] == 'X'
}

func (x *extractor) has(i int, cls uint32) bool {
	return i >= 0 && i < len(x.doc.Toks) && x.doc.GazB[i]&cls != 0
}

// nameConnectors may sit inside a name in lower case: "Mohammed Shia
// al-Sudani", "Ursula von der Leyen".
var nameConnectors = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "bint": true, "de": true,
	"da": true, "van": true, "von": true, "der": true, "den": true, "del": true,
	"la": true, "le": true, "di": true, "du": true, "abu": true, "ben": true,
}

// names turns the tagger's labels into PERSON, ORG and LOCATION entities,
// with the title rules.
func (x *extractor) names() {
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
		if l == ner.LBPer && x.doc.Title[i] {
			// Headlines capitalise verbs: "Blinken Meets Sudani" is two
			// names around a common word.
			a := i
			for k := i; k <= j; k++ {
				if k == j || x.has(k, ner.GCommon) && !x.has(k, ner.GFirst|ner.GLast) {
					if k > a {
						x.tagged(a, k, "PER")
					}
					a = k + 1
				}
			}
		} else if l != ner.LBMisc {
			x.tagged(i, j, ner.LabelTypes[l])
		}
		i = j
	}
	x.titledNames()
	x.surnames()
	x.orgRules()
	x.gazetteerPlaces()
	x.placeNames()
	x.roleOfOrgs()
}

// orgRoles before "of" name someone's place in an organisation:
// "founder of Hack Forums", "president of the Georgetown BID".
var orgRoles = map[string]bool{
	"founder": true, "co-founder": true, "president": true, "chairman": true, "chairwoman": true,
	"ceo": true, "director": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"member": true, "members": true, "employee": true, "employees": true, "owner": true,
	"editor": true, "head": true, "executive": true, "chief": true, "staff": true,
}

// roleOfOrgs tags the untagged capitalised name after "<role> of
// [the]" as an organisation.
func (x *extractor) roleOfOrgs() {
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
		for j < n && j-i < 5 && !x.taken[j] && x.isCap(j) && !x.has(j, ner.GWeekday|ner.GMonth) {
			j++
		}
		if j > i && !(j < n && x.taken[j]) {
			x.add(i, j, ORG, x.doc.Text[x.doc.Toks[i].Start:x.doc.Toks[j-1].End])
		}
	}
}

// gazetteerPlaces adds the countries, and the places of more than one
// word, that the tagger left out. A one-word country that is also a
// name or a common word (Chad, Jordan, Turkey) is left to the tagger.
func (x *extractor) gazetteerPlaces() {
	g := ner.DefaultGazetteer()
	n := len(x.doc.Toks)
	for i := 0; i < n; i++ {
		if x.taken[i] || !x.isCap(i) || x.lowIs(i, "the") {
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
		if l == 1 && (!x.has(i, ner.GCountry|ner.GLoc) || x.has(i, ner.GFirst|ner.GLast) && !x.placeContext(i) || x.has(i, ner.GCommon) && !x.isAllCaps(i)) {
			ok = false
		}
		// Part of a longer name: "Paris Agreement", "New York Times".
		if i+l < n && x.isCap(i+l) && !x.doc.Toks[i+l].SentStart && !x.has(i+l, ner.GTitle) && !x.doc.Title[i] {
			ok = false
		}
		if ok {
			x.add(i, i+l, LOCATION, canonicalPlace(x.doc.Text[x.doc.Toks[i].Start:x.doc.Toks[i+l-1].End]))
			i += l - 1
		}
	}
}

// knownOrgs are organisations news names by one word and that the tagger,
// trained on other text, does not know well: news agencies first.
var knownOrgs = map[string]bool{
	// news agencies and media
	"reuters": true, "afp": true, "ap": true, "bloomberg": true, "xinhua": true, "tass": true,
	"cnn": true, "bbc": true, "nbc": true, "cbs": true, "abc": true, "npr": true, "pbs": true,
	"fox": false, "politico": true, "axios": true, "interfax": true, "ria": true, "yonhap": true,
	"kyodo": true, "anadolu": true, "wafa": true, "irna": true, "aljazeera": true,
	// international bodies, alliances, agencies
	"nato": true, "un": true, "eu": true, "iaea": true, "unrwa": true, "unicef": true,
	"unesco": true, "unhcr": true, "opec": true, "asean": true, "fifa": true, "uefa": true,
	"interpol": true, "europol": true, "wto": true, "imf": true, "oecd": true, "g7": true,
	"g20": true, "brics": true, "icc": true, "icj": true,
	// government bodies
	"fbi": true, "cia": true, "nsa": true, "pentagon": true, "kremlin": true, "nasa": true,
	"congress": false, "idf": true, "irgc": true, "mossad": true,
	// armed and political groups
	"hamas": true, "hezbollah": true, "taliban": true, "isis": true, "isil": true,
	"al-qaeda": true, "fatah": true, "pkk": true, "ypg": true, "sdf": true,
	// large companies
	"google": true, "alphabet": true, "microsoft": true, "amazon": true, "facebook": true,
	"meta": false, "twitter": true, "instagram": true, "whatsapp": true, "tiktok": true,
	"youtube": true, "netflix": true, "spotify": true, "uber": true, "lyft": true,
	"airbnb": true, "tesla": true, "spacex": true, "boeing": true, "airbus": true,
	"samsung": true, "huawei": true, "xiaomi": true, "alibaba": true, "tencent": true,
	"baidu": true, "sony": true, "toyota": true, "honda": true, "nissan": true,
	"volkswagen": true, "bmw": true, "siemens": true, "nokia": true, "ericsson": true,
	"intel": true, "nvidia": true, "ibm": true, "cisco": true, "openai": true,
	"exxonmobil": true, "exxon": true, "chevron": true, "bp": true,
	"aramco": true, "gazprom": true, "rosneft": true, "walmart": true, "nestle": true,
	"unilever": true, "pfizer": true, "moderna": true, "astrazeneca": true, "novartis": true,
	"goldman": true, "jpmorgan": true, "citigroup": true, "hsbc": true, "barclays": true,
	"deloitte": true, "mckinsey": true, "lufthansa": true,
	"reddit": true, "snapchat": true, "linkedin": true, "paypal": true,
	"mastercard": true, "disney": true, "tesco": true,
	"ikea": true, "zara": true, "adidas": true, "nike": true, "mcdonald's": true, "starbucks": true,
}

// orgHeads end organisation names: "Islamic Resistance", "Popular
// Mobilization Forces", "Ministry of Defense" (the head may come first).
var orgHeads = map[string]bool{
	"resistance": true, "movement": true, "front": true, "party": true, "council": true,
	"ministry": true, "brigades": true, "army": true, "guard": true, "forces": true,
	"agency": true, "committee": true, "commission": true, "organization": true,
	"organisation": true, "corporation": true, "company": true, "university": true,
	"institute": true, "association": true, "federation": true, "union": true,
	"parliament": true, "court": true, "bank": true, "group": true, "inc.": true,
	"corp.": true, "ltd.": true, "foundation": true, "authority": true, "office": true,
	"navy": true, "service": true, "services": true, "press": true, "airlines": true,
	"airways": true, "network": true, "institution": true, "club": true,
	"society": true, "league": true, "alliance": true, "coalition": true, "brigade": true,
	"department": true, "bureau": true, "senate": true, "assembly": true, "cabinet": true,
}

// notOrgAcronyms are capitalised abbreviations that are not organisations.
var notOrgAcronyms = map[string]bool{
	"tv": true, "ai": true, "ceo": true, "cfo": true, "gdp": true, "pm": true, "am": true,
	"ok": true, "dna": true, "hiv": true, "aids": true, "covid": true, "id": true, "it": true,
	"pc": true, "usb": true, "gps": true, "sms": true, "faq": true, "diy": true, "vip": true,
	"ufo": true, "lgbt": true, "lgbtq": true, "mp": true, "mps": true, "phd": true, "mba": true,
	"ad": true, "bc": true, "ce": true, "bce": true, "ii": true, "iii": true, "iv": true,
	"vi": true, "vii": true, "viii": true, "ix": true, "xi": true, "xii": true, "rip": true,
	"tt": true, "r": true, "ps": true, "pdf": true, "url": true, "www": true, "api": true,
	"ev": true, "evs": true, "suv": true, "gmt": true, "utc": true, "est": true, "pst": true,
	"edt": true, "cet": true, "co2": true, "ira": true, "nft": true, "i": true, "a": true,
	"hq": true, "pr": true, "hr": true, "md": true, "rn": true, "jr": true, "sr": true,
	"mph": true, "kph": true, "km": true, "mm": true, "kg": true, "lb": true, "us": true,
	"uk": true, "usa": true, "uae": true, "ussr": true, "drc": true, "dc": true, "la": true,
	"ny": true, "nyc": true, "mq": true, "f": true, "cd": true, "cds": true, "dvd": true,
	"all": true, "uss": true, "vor": true, "rpm": true, "ph": true, "iq": true, "bmi": true,
}

// isAcronymOrg reports an untagged all-capitals abbreviation of two to
// six letters that is neither a place nor a common abbreviation: GCHQ,
// RSPB, KFC. Headlines in capitals are left alone.
func (x *extractor) isAcronymOrg(i int) bool {
	t := x.tok(i)
	if len(t) < 2 || len(t) > 6 || x.doc.Title[i] {
		return false
	}
	for k := 0; k < len(t); k++ {
		if t[k] < 'A' || t[k] > 'Z' {
			return false
		}
	}
	if notOrgAcronyms[string(x.lowBytes(i))] || x.has(i, ner.GCountry|ner.GCity|ner.GCapital|ner.GDemonym|ner.GMonth|ner.GWeekday) {
		return false
	}
	// In a run of capitals (a shouted headline or a name in capitals)
	// one word proves nothing.
	if x.isAllCaps(i-1) || x.isAllCaps(i+1) {
		return false
	}
	return true
}

func (x *extractor) isAllCaps(i int) bool {
	if i < 0 || i >= len(x.doc.Toks) || x.doc.Cls[i] != 'X' {
		return false
	}
	t := x.tok(i)
	for k := 0; k < len(t); k++ {
		if t[k] >= 'a' && t[k] <= 'z' || t[k] >= 0x80 {
			return false
		}
	}
	return len(t) > 1
}

// orgRules adds organisations the tagger missed: known one-word names and
// runs of capitalised words with an organisation head word.
func (x *extractor) orgRules() {
	n := len(x.doc.Toks)
	for i := 0; i < n; i++ {
		if x.taken[i] || !x.isCap(i) || x.lowIs(i, "the") {
			continue
		}
		if knownOrgs[string(x.lowBytes(i))] && !(i+1 < len(x.doc.Toks) && x.isCap(i+1) && !x.doc.Toks[i+1].SentStart) {
			x.add(i, i+1, ORG, x.tok(i))
			continue
		}
		if l := ner.DefaultGazetteer().Longest(x.doc.Hash[i:], ner.GOrg); l > 1 && x.free(i, i+l) && x.isCap(i+l-1) &&
			ner.DefaultGazetteer().Longest(x.doc.Hash[i:], ner.GCountry|ner.GLoc|ner.GCity|ner.GCapital) != l {
			x.add(i, i+l, ORG, x.doc.Text[x.doc.Toks[i].Start:x.doc.Toks[i+l-1].End])
			i += l - 1
			continue
		}
		if x.isAcronymOrg(i) {
			x.add(i, i+1, ORG, x.tok(i))
			continue
		}
		// A run of capitalised words, "of"/"for"/"and" allowed inside.
		j := i
		head := false
		for j < n && !x.taken[j] {
			if x.isCap(j) && !x.has(j, ner.GWeekday|ner.GMonth) {
				if orgHeads[string(x.lowBytes(j))] {
					head = true
				}
				j++
				continue
			}
			if (x.lowIs(j, "of") || x.lowIs(j, "for") || x.lowIs(j, "and")) && x.isCap(j+1) && j > i {
				j++
				continue
			}
			break
		}
		e := j
		for e > i && !x.isCap(e-1) {
			e-- // "Bank of" before a place already tagged
		}
		if head && e < j && e > i && x.lowIs(e, "of") && orgHeads[string(x.lowBytes(e-1))] && !x.doc.Title[i] {
			// "Bank of" before a place the tagger found: the organisation
			// is joined with the place by mergeOrgOfPlace.
			x.add(i, e, ORG, x.doc.Text[x.doc.Toks[i].Start:x.doc.Toks[e-1].End])
		} else if head && e == j && j-i >= 2 && !x.doc.Title[i] {
			x.add(i, j, ORG, x.doc.Text[x.doc.Toks[i].Start:x.doc.Toks[j-1].End])
		}
		if j > i {
			i = j - 1
		}
	}
}

// surnames tags the untagged mentions of the surname of a person named in
// full in the same text: "Antony Blinken ... Blinken was hoping".
func (x *extractor) surnames() {
	if len(x.surname) == 0 {
		return
	}
	for i := range x.doc.Toks {
		if x.taken[i] || !x.isCap(i) || x.has(i, ner.GTitle|ner.GWeekday|ner.GMonth) {
			continue
		}
		if x.surname[x.doc.Hash[i]] && !(i+1 < len(x.doc.Toks) && x.isCap(i+1) && !x.doc.Toks[i+1].SentStart) {
			x.add(i, i+1, PERSON, x.tok(i))
		}
	}
}

// tagged adds one span found by the tagger, after the rules.
func (x *extractor) tagged(i, j int, typ string) {
	// A leading "the" is not part of the name.
	for i < j && (x.lowIs(i, "the") || (typ == "PER" && x.has(i, ner.GTitle) && j-i > 1)) {
		i++
	}
	// "Mr. Smith" and "Ms Pugh" are people whatever the tagger thought.
	if i > 0 && typ != "PER" && x.isHonorific(i-1) {
		typ = "PER"
	}
	// Possessive, dash or a lower-case word ("Bank of") at the end.
	for j > i && x.doc.Cls[j-1] != 'X' && x.doc.Cls[j-1] != 'd' {
		j--
	}
	// Names start with a capital ("elect Donald Trump" is "Donald
	// Trump"), or with a connector of a capitalised name ("al-Sudani").
	for i < j && x.doc.Cls[i] != 'X' && !(x.doc.Cls[i] == 'd' && typ == "ORG") &&
		!(x.isConnector(i) && (x.isCap(i+1) || x.lowIs(i+1, "-"))) {
		i++
	}
	if i >= j || !x.free(i, j) {
		return
	}
	if j-i == 1 && x.has(i, ner.GWeekday|ner.GMonth|ner.GTitle) {
		return
	}
	if j-i == 1 && (x.has(i, ner.GDemonym) && !x.has(i, ner.GCountry) || x.isGroupWord(i)) {
		return // left to norp
	}
	if typ == "PER" && j-i == 1 && !x.has(i, ner.GFirst|ner.GLast) {
		low := string(x.lowBytes(i))
		// "Spanish", "Athenians": group words, not people.
		if strings.HasSuffix(low, "ians") || strings.HasSuffix(low, "eans") || strings.HasSuffix(low, "ish") || strings.HasSuffix(low, "ese") {
			x.add(i, j, NORP, x.tok(i))
			return
		}
		// "Sirens sounded ...": a common word capitalised at the start of
		// a sentence or in a headline.
		if (x.doc.Toks[i].SentStart || x.doc.Title[i]) && ner.DefaultGazetteer().IsCommon(x.lowBytes(i)) {
			return
		}
		// A plural at the start of a sentence ("Sirens sounded") is
		// rarely a surname that no list knows.
		if x.doc.Toks[i].SentStart && len(low) > 4 && strings.HasSuffix(low, "s") && !strings.HasSuffix(low, "ss") && i+1 < len(x.doc.Toks) && x.doc.Cls[i+1] == 'x' {
			return
		}
		// "Luckily, ...": a sentence adverb.
		if x.doc.Toks[i].SentStart && strings.HasSuffix(low, "ly") && x.lowIs(i+1, ",") {
			return
		}
	}
	if typ == "PER" {
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
	// "Hodeidah, Marib and Saada governorates": a place whatever the
	// tagger thought.
	if x.placeNounAt(j) || x.placeNounAt(j+1) && x.isCap(j) {
		typ = "LOC"
	}
	// "Sea of Galilee", "Gulf of Aden": the geographic head is part of it.
	if typ == "LOC" && i >= 2 && x.lowIs(i-1, "of") && x.isCap(i-2) && !x.taken[i-2] && geoHeads[string(x.lowBytes(i-2))] {
		i -= 2
	}
	text := x.doc.Text[x.doc.Toks[i].Start:x.doc.Toks[j-1].End]
	places := ner.GCountry | ner.GLoc | ner.GCity | ner.GCapital
	if j-i == 1 && knownOrgs[string(x.lowBytes(i))] || j-i > 1 && ner.DefaultGazetteer().Longest(x.doc.Hash[i:j], ner.GOrg) == j-i && ner.DefaultGazetteer().Longest(x.doc.Hash[i:j], places) != j-i {
		typ = "ORG"
	}
	switch typ {
	case "PER":
		x.add(i, j, PERSON, text)
	case "ORG":
		x.add(i, j, ORG, trimThe(text))
	case "LOC":
		x.add(i, j, LOCATION, canonicalPlace(text))
	}
}

// placeContext reports a word before token i that introduces a place:
// "anti-Israel", "in Jordan", "to Chad".
func (x *extractor) placeContext(i int) bool {
	if x.lowIs(i-1, "-") && x.adjacent(i-1) {
		return true
	}
	switch string(x.lowBytes(i - 1)) {
	case "in", "to", "from", "into", "across", "against", "toward", "towards", "near", "visit", "visited":
		return true
	}
	return false
}

// placeNames adds untagged names before a place noun: "Yemen's Hajjah
// governorate".
func (x *extractor) placeNames() {
	for k := range x.doc.Toks {
		if !x.placeNounAt(k) || k == 0 || x.taken[k-1] || !x.isCap(k-1) {
			continue
		}
		i := k - 1
		for i > 0 && !x.taken[i-1] && x.isCap(i-1) && !x.doc.Toks[i].SentStart && k-i < 3 {
			i--
		}
		x.add(i, k, LOCATION, x.doc.Text[x.doc.Toks[i].Start:x.doc.Toks[k-1].End])
	}
}

// isHonorific reports Mr, Mrs, Ms, Dr and the like at token i.
func (x *extractor) isHonorific(i int) bool {
	switch string(x.lowBytes(i)) {
	case "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "miss", "sir", "dame":
		return x.isCap(i)
	}
	return false
}

// isRoman reports a regnal number at token i: II, III, IV ... and I when
// no word follows it.
func (x *extractor) isRoman(i int) bool {
	if i >= len(x.doc.Toks) || x.doc.Cls[i] != 'X' || x.adjacent(i-1) {
		return false
	}
	switch x.tok(i) {
	case "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI":
		return true
	case "I":
		return i+1 >= len(x.doc.Toks) || x.doc.Cls[i+1] != 'x' && x.doc.Cls[i+1] != 'X'
	}
	return false
}

// titledNames adds the PERSON after a title that the tagger missed:
// "Prime Minister Mohammed Shia al-Sudani", "Brig. Gen. Pat Ryder".
func (x *extractor) titledNames() {
	n := len(x.doc.Toks)
	for i := 0; i < n; i++ {
		if !x.has(i, ner.GTitle) || !x.isCap(i) {
			continue
		}
		j := i + 1
		for j < n && x.has(j, ner.GTitle) && x.isCap(j) {
			j++
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
		for k < n && !x.taken[k] && k-j < 5 {
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
		if k > j && x.free(j, k) && !x.has(j, ner.GCountry) {
			x.add(j, k, PERSON, x.doc.Text[x.doc.Toks[j].Start:x.doc.Toks[k-1].End])
		}
		i = k
	}
}

// norpGroups are political, religious and ethnic groups tagged NORP like
// nationalities.
var norpGroups = map[string]bool{
	"houthi": true, "houthis": true, "sunni": true, "sunnis": true, "shiite": true, "shiites": true,
	"kurd": true, "kurds": true, "muslim": true, "muslims": true, "christian": true, "christians": true,
	"jew": true, "jews": true, "jewish": true, "arab": true, "arabs": true, "druze": true,
	"alawite": true, "alawites": true, "republican": true, "republicans": true, "democrat": true,
	"democrats": true, "catholic": true, "catholics": true, "protestant": true, "protestants": true,
	"hindu": true, "hindus": true, "sikh": true, "sikhs": true, "buddhist": true, "buddhists": true,
	"israelis": true, "palestinians": true, "yazidi": true, "yazidis": true, "pashtun": true,
	"rohingya": true, "uyghur": true, "uyghurs": true, "uighur": true, "uighurs": true,
}

func (x *extractor) isGroupWord(i int) bool {
	return x.isCap(i) && norpGroups[string(x.lowBytes(i))]
}

// placeNouns after a name make it a place.
var placeNouns = map[string]bool{
	"governorate": true, "governorates": true, "province": true, "provinces": true,
	"district": true, "districts": true, "county": true, "region": true,
	"base": true, "airbase": true, "airport": true, "camp": true, "crossing": true,
}

func (x *extractor) placeNounAt(i int) bool {
	return i < len(x.doc.Toks) && x.doc.Cls[i] == 'x' && placeNouns[string(x.lowBytes(i))]
}

// geoHeads begin place names of the form "X of Y".
var geoHeads = map[string]bool{
	"sea": true, "gulf": true, "bay": true, "strait": true, "straits": true, "lake": true,
	"isle": true, "cape": true, "port": true, "city": true, "province": true, "state": true,
	"republic": true, "kingdom": true, "island": true, "islands": true, "mount": true,
}

// norp tags nationality words not already inside a name.
func (x *extractor) norp() {
	d := &x.doc
	n := len(d.Toks)
	for i := 0; i < n; i++ {
		if x.taken[i] || !(x.has(i, ner.GDemonym) || x.isGroupWord(i)) || !x.isCap(i) {
			continue
		}
		j := i + 1
		for j < n && d.GazI[j]&ner.GDemonym != 0 && !x.taken[j] {
			j++
		}
		x.add(i, j, NORP, x.doc.Text[d.Toks[i].Start:d.Toks[j-1].End])
		i = j - 1
	}
}

// mergeOrgOfPlace joins an organisation ending in a head word and the
// place after "of": "Bank" + "of" + "Scotland", "Motion Picture
// Association" + "of" + "America".
func mergeOrgOfPlace(text string, ents []Entity) []Entity {
	out := ents[:0]
	for k := 0; k < len(ents); k++ {
		e := ents[k]
		if e.Type == ORG && k+1 < len(ents) && ents[k+1].Type == LOCATION && text[e.End:ents[k+1].Start] == " of " {
			last := strings.ToLower(e.Text[strings.LastIndexByte(e.Text, ' ')+1:])
			if orgHeads[last] {
				e.End = ents[k+1].End
				e.Text = text[e.Start:e.End]
				e.Value = e.Text
				k++
			}
		}
		out = append(out, e)
	}
	return out
}

// coordinatePlaces retypes a one-word PERSON listed with places as a
// place: "Sirens sounded in Haifa, Krayot and other areas".
func coordinatePlaces(text string, ents []Entity) {
	for pass := 0; pass < 2; pass++ {
		for k := range ents {
			e := &ents[k]
			if e.Type != PERSON || strings.ContainsAny(e.Text, " -") {
				continue
			}
			if k > 0 && ents[k-1].Type == LOCATION && isListGap(text[ents[k-1].End:e.Start]) ||
				k+1 < len(ents) && ents[k+1].Type == LOCATION && isListGap(text[e.End:ents[k+1].Start]) {
				e.Type = LOCATION
			}
		}
	}
}

func isListGap(s string) bool {
	switch s {
	case ", ", " and ", ", and ", " or ", ", or ":
		return true
	}
	return false
}

// linkPersons gives each short PERSON mention the value of the one longer
// name it ends ("Blinken" → "Antony Blinken", "Sudani" → "Mohammed Shia
// al-Sudani"). A short name matching two different long names keeps its
// own text.
func (x *extractor) linkPersons() {
	ents := x.ents
	clear(x.persons)
	x.persons = personNames(ents, x.persons)
	idx := x.persons
	if len(idx) == 0 {
		return
	}
	for i := range ents {
		e := &ents[i]
		if e.Type == PERSON && !strings.Contains(e.Value, " ") {
			if v := idx[e.Value]; v != "" {
				e.Value = v
			}
		}
	}
}

// personNames indexes the multi-word PERSON values of ents by their last
// word, and by the part of it after a hyphen ("al-Sudani" → "Sudani"); a
// word ending two different names maps to "". It is nil when there are no
// such names and idx is nil. The names are added to idx, made if nil.
func personNames(ents []Entity, idx map[string]string) map[string]string {
	add := func(key, full string) {
		if v, ok := idx[key]; ok && v != full {
			idx[key] = ""
		} else {
			idx[key] = full
		}
	}
	for _, o := range ents {
		if o.Type != PERSON || !strings.Contains(o.Value, " ") {
			continue
		}
		if idx == nil {
			idx = map[string]string{}
		}
		last := o.Value[strings.LastIndexByte(o.Value, ' ')+1:]
		add(last, o.Value)
		if _, after, ok := strings.Cut(last, "-"); ok && after != "" {
			add(after, o.Value)
		}
	}
	return idx
}

// countryAliases maps lower-cased country aliases to one common English
// name. The gazetteer has the aliases but not which belong together.
var countryAliases = map[string]string{
	"us": "United States", "u.s.": "United States", "usa": "United States", "u.s.a.": "United States",
	"united states": "United States", "united states of america": "United States", "america": "United States",
	"uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
	"great britain": "United Kingdom", "united kingdom": "United Kingdom",
	"uae": "United Arab Emirates", "u.a.e.": "United Arab Emirates", "emirates": "United Arab Emirates",
	"russian federation": "Russia", "russia": "Russia",
	"islamic republic of iran": "Iran", "iran": "Iran",
	"south korea": "South Korea", "republic of korea": "South Korea", "rok": "South Korea",
	"north korea": "North Korea", "dprk": "North Korea",
	"drc": "Democratic Republic of the Congo", "dr congo": "Democratic Republic of the Congo",
	"democratic republic of the congo": "Democratic Republic of the Congo",
	"syrian arab republic":             "Syria", "syria": "Syria",
	"people's republic of china": "China", "prc": "China", "china": "China",
	"holland": "Netherlands", "the netherlands": "Netherlands", "netherlands": "Netherlands",
	"czech republic": "Czechia", "czechia": "Czechia",
	"turkiye": "Turkey", "türkiye": "Turkey", "turkey": "Turkey",
	"ivory coast": "Côte d'Ivoire", "côte d'ivoire": "Côte d'Ivoire",
	"burma": "Myanmar", "myanmar": "Myanmar",
	"vatican": "Vatican City", "holy see": "Vatican City",
	"palestinian territories": "Palestine", "state of palestine": "Palestine",
	"ksa": "Saudi Arabia", "saudi arabia": "Saudi Arabia",
}

// trimThe removes a leading "the " (the tagger sometimes includes it).
func trimThe(text string) string {
	if len(text) > 4 && strings.EqualFold(text[:4], "the ") {
		return text[4:]
	}
	return text
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
