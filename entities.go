package newsdump

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

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
	Text       string     `json:"text"` // exactly the input's bytes [Start, End)
	Type       EntityType `json:"type"`
	Start      int        `json:"start"` // byte offset of the first byte
	End        int        `json:"end"`   // byte offset after the last byte
	Value      string     `json:"value"`
}

// extractor is the per-call working memory of ExtractEntities, pooled.
type extractor struct {
	doc     ner.Doc
	labels  []uint8
	scratch ner.Scratch
	taken   []bool // token already part of an entity
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
// are NORP. Dates and numbers are found by rules. Sentences are split at
// . ! ? and line breaks.
//
// The model is embedded and loaded on first use (a few tens of
// milliseconds); ExtractEntities is safe for concurrent use. It returns
// nil for a text without entities.
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
	gaz := ner.DefaultGazetteer()
	d := &x.doc
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
	sort.Slice(x.ents, func(i, j int) bool { return x.ents[i].Start < x.ents[j].Start })
	linkPersons(x.ents)
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
		if l != ner.LBMisc {
			x.tagged(i, j, ner.LabelTypes[l])
		}
		i = j
	}
	x.titledNames()
}

// tagged adds one span found by the tagger, after the rules.
func (x *extractor) tagged(i, j int, typ string) {
	// A leading "the" is not part of the name.
	for i < j && (x.lowIs(i, "the") || (typ == "PER" && x.has(i, ner.GTitle) && j-i > 1 && !x.has(i, ner.GFirst))) {
		i++
	}
	// Possessive or dash at the end.
	for j > i && (x.doc.Cls[j-1] != 'X' && x.doc.Cls[j-1] != 'x' && x.doc.Cls[j-1] != 'd') {
		j--
	}
	if i >= j || !x.free(i, j) {
		return
	}
	if x.doc.Cls[i] != 'X' && !(x.doc.Cls[i] == 'd' && typ == "ORG") {
		return // names start with a capital
	}
	if j-i == 1 && x.has(i, ner.GWeekday|ner.GMonth|ner.GTitle) {
		return
	}
	if j-i == 1 && x.has(i, ner.GDemonym) && !x.has(i, ner.GCountry) {
		return // left to norp
	}
	text := x.doc.Text[x.doc.Toks[i].Start:x.doc.Toks[j-1].End]
	switch typ {
	case "PER":
		x.add(i, j, PERSON, text)
	case "ORG":
		x.add(i, j, ORG, text)
	case "LOC":
		x.add(i, j, LOCATION, canonicalPlace(text))
	}
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
			if x.isCap(j+2) {
				j += 2
			}
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

// norp tags nationality words not already inside a name.
func (x *extractor) norp() {
	d := &x.doc
	n := len(d.Toks)
	for i := 0; i < n; i++ {
		if x.taken[i] || !x.has(i, ner.GDemonym) || !x.isCap(i) {
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

// linkPersons gives each short PERSON mention the value of the one longer
// name it ends ("Blinken" → "Antony Blinken", "Sudani" → "Mohammed Shia
// al-Sudani"). A short name matching two different long names keeps its
// own text.
func linkPersons(ents []Entity) {
	for i := range ents {
		e := &ents[i]
		if e.Type != PERSON || strings.ContainsAny(e.Value, " ") {
			continue
		}
		if v := longerName(e.Value, ents); v != "" {
			e.Value = v
		}
	}
}

// longerName returns the unique multi-word PERSON value in ents whose last
// word is short (ignoring "al-" and the like), or "".
func longerName(short string, ents []Entity) string {
	found := ""
	for _, o := range ents {
		if o.Type != PERSON || !strings.Contains(o.Value, " ") {
			continue
		}
		if lastNameIs(o.Value, short) {
			if found != "" && found != o.Value {
				return ""
			}
			found = o.Value
		}
	}
	return found
}

func lastNameIs(full, short string) bool {
	last := full[strings.LastIndexByte(full, ' ')+1:]
	if strings.EqualFold(last, short) {
		return true
	}
	if _, after, ok := strings.Cut(last, "-"); ok && strings.EqualFold(after, short) {
		return true
	}
	return false
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
	"syrian arab republic": "Syria", "syria": "Syria",
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

// canonicalPlace normalises a LOCATION's text.
func canonicalPlace(text string) string {
	t := text
	if len(t) > 4 && strings.EqualFold(t[:4], "the ") {
		t = t[4:]
	}
	t = strings.ReplaceAll(t, "’", "'")
	if len(t) <= 40 {
		if c, ok := countryAliases[strings.ToLower(t)]; ok {
			return c
		}
	}
	return text
}

// startsUpper reports whether s starts with an upper-case letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
