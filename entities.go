package newsdump

import (
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsdump/newsdump/internal/entity"
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

// extraction is the per-call working memory of ExtractEntities, pooled.
type extraction struct {
	ex     entity.Extractor
	spans  []Span // the text's sentences
	starts []int  // where they start
}

var extractions = sync.Pool{New: func() any { return new(extraction) }}

// ExtractEntities finds the people, organisations, places, groups, dates
// and numbers in text and returns them in text order, without overlaps,
// each with byte offsets into text and a normalised Value.
//
// Names are found by a statistical tagger trained on Universal NER
// English-EWT, GUM and wikigold, then corrected by rules: a capitalised
// name after a title ("Prime Minister", "Brig. Gen.", "Secretary of State")
// is a PERSON and the title is not part of it; weekdays and months are
// never names; nationality words are NORP ("Iraqi", and "Saudi" in "Saudi
// officials", though "moved to Saudi" is the country); a surname alone
// ("Blinken") after the full name in the same text is the same PERSON, even
// one that is also a place when the words around it make it a person
// ("Jordan said he was tired" after "Michael Jordan"; but "Jordan reopened
// its border" is the country); a capitalised common word at the start of a
// sentence is not a PERSON. Dates, durations, money, percentages and
// numbers are found by rules. Sentences are split as [Sentences] splits
// them (abbreviations such as "Gen." and "U.S." do not end one).
//
// The spans and types follow the news annotation of UNER and OntoNotes:
// titles and ranks are outside a PERSON ("Chief Executive Satya Nadella",
// "U.N. Secretary-General Antonio Guterres": the ORG "U.N." and the PERSON
// "Antonio Guterres"), though a title alone after "the", standing for its
// one holder ("the Secretary acted within his authority"), is the PERSON
// when the tagger reads one there, as GUM annotates it; "the" is outside
// every name; an organisation's name
// is whole, with the words, places and people inside it ("Competition and
// Markets Authority", "U.S. District Court for the District of Columbia",
// with no LOCATION "Columbia"); a country or city standing for its team in
// sports ("Brazil beat Argentina 2-0", "Netherlands coach Ronald Koeman")
// is an ORG, as GUM annotates teams, while an athlete's country ("Carlos
// Alcaraz of Spain") stays a LOCATION; events, products and works ("Dubai
// Airshow", "Tour de France", "its Artemis mission") are no PERSON, ORG or
// LOCATION, nor are the places named inside them. A company is told from
// a person by what is said of it: its results ("Qantas reported a record
// profit"), an apposition ("Canva, the Australian design start-up"), "said
// it would", "shares of", "analysts at"; and, in encyclopedia text, by its
// history: a club's slot ("signed for Celtic", "played for Yorkshire",
// "joined Ajax from Feyenoord") makes a team of the name, a place's too,
// and a deal's ("merged with", "acquired by", "was nationalised") a company
// of a name the lists know as no place. A head word that no person's name
// ends in makes an organisation of the person or place before it ("Walt
// Disney Pictures", "Vienna Symphony"), two names joined by "&" are a firm
// ("Johnson & Johnson"), and the capitalised words the tagger left out
// before a name with a head belong to it, a nationality word too, as UNER
// annotates "Syrian Air Force" ("Russian Academy of Sciences"). A sentence
// that capitalises four in five of its words but has a long word in lower
// case ("He was educated at Eton College and Balliol College, Oxford.") is
// read as a sentence full of names, not as a Title Case headline. An acronym in capitals of two to
// six letters that is no place, people, common word or common
// abbreviation is an organisation ("told KUNA", "the IUCN"): news writes
// organisations so. Web text and speech also write fields and things so
// ("in DH", "the GISB draft"), and requiring something said of the
// acronym ("KUNA said", "a proposal from BHP") removed such errors on the
// web-text dev sets but lost more organisations than it saved in news and
// encyclopedia text, so the rule stays broad. A name written in lower case, as web text writes
// names ("i am from mexico"), is kept when the word lists know its words
// as names and none as a common word.
//
// Quality, exact span and type: F1 73.0 over PERSON, ORG and LOCATION on
// the UNER English-PUD news and Wikipedia set (PERSON 81, ORG 59, LOCATION
// 73), 67.1 on GUM's test documents, 90.9 on 200 hand-written news
// sentences held out from the rules (testdata/news_heldout.tsv).
//
// The model and its word clusters (about 8 MB in memory) are embedded and
// loaded once, on first use, in a few tens of milliseconds. ExtractEntities is safe for
// concurrent use and allocates per call and per normalised value, not per
// token. It returns nil for a text without entities.
func ExtractEntities(text string) []Entity {
	ents, _ := extractEntities(text, nil)
	return ents
}

// extractEntities is ExtractEntities for Article.Entities, which reads
// across the article's strings what internal/entity says of each: it
// reports whether text names an oil benchmark as the crude
// (entity.Extractor.NamesCrude), and when contexts is not nil it sets
// *contexts to the Context of each entity returned (what the words around
// a one-word name make it).
func extractEntities(text string, contexts *[]entity.Type) (_ []Entity, crude bool) {
	// The tagger is an averaged perceptron over BIO labels with Viterbi
	// decoding, on word, shape, affix, gazetteer, word-cluster and context features
	// (internal/ner); the rules are internal/entity's. The quality figures
	// above come from internal/ner/cmd/nereval, and TestNERFloors keeps
	// them. The working memory comes from a pool, so that a call allocates
	// only its result and the Values it builds.
	x := extractions.Get().(*extraction)
	defer extractions.Put(x)
	// Sentence starts from the splitter, which knows abbreviations such as
	// "Brig. Gen." and "Oct." that the tokenizer's own rule breaks at.
	x.spans = appendSentences(x.spans[:0], text)
	x.starts = x.starts[:0]
	for _, sp := range x.spans {
		x.starts = append(x.starts, sp.Start)
	}
	ents := x.ex.Extract(text, x.starts)
	if len(ents) == 0 {
		return nil, x.ex.NamesCrude()
	}
	out := make([]Entity, len(ents))
	for i, e := range ents {
		out[i] = Entity{Text: e.Text, Type: EntityType(e.Type), Start: e.Start, End: e.End, Value: e.Value}
	}
	if contexts != nil {
		*contexts = (*contexts)[:0]
		for _, e := range ents {
			*contexts = append(*contexts, e.Context)
		}
	}
	return out, x.ex.NamesCrude()
}

// Mention is one place where an entity is named in an [Article]: Field is
// "title", "description", "authors", "captions", "credit" or
// "paragraphs"; Index is the author, caption or paragraph (0 for the
// title and the description; for "credit", the caption whose Credit it
// is); Start and End are byte offsets into that string (the standfirst
// for "description", the author's name in Authors, the caption's Text for
// "captions", its Credit for "credit"), and Text is exactly those bytes.
type Mention struct {
	Field string `json:"field"`
	Index int    `json:"index"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// The values of Mention.Field.
const (
	fieldTitle       = "title"
	fieldDescription = "description"
	fieldAuthors     = "authors"
	fieldCaptions    = "captions"
	fieldCredit      = "credit"
	fieldParagraphs  = "paragraphs"
)

// ArticleEntity is one entity of an article with all its mentions, in
// reading order (title, description, authors, each caption then its
// credit, paragraphs).
type ArticleEntity struct {
	Type     EntityType `json:"type"`
	Text     string     `json:"text"`  // the fullest form written in the article
	Value    string     `json:"value"` // the canonical value, as in [Entity]
	Mentions []Mention  `json:"mentions"`
}

// Entities finds the entities of the article's title, description
// (the standfirst), authors, caption texts, photo credits and paragraphs
// and groups the mentions of each
// entity under one canonical value, ordered by first mention.
//
// Beyond what [ExtractEntities] does within one string, Entities links
// across the whole article:
//   - a headline in Title Case or in capitals ("Jordan Reopens Aqaba
//     Port") is read with what the body says, not by its capitals: a
//     name of the title that the body names takes the body's type
//     ("Jordan" is the country the body says it is, not the PERSON
//     "Jordan Reopens"); a name the body never names stays only when the
//     word lists alone make it one (a place or organisation the
//     gazetteer holds, a known first name and a surname that is no
//     common word), and a word the body writes in lower case is no name
//     ("Hunter" when the body speaks of "the hunter");
//   - photo credits name agencies (ORG: "AFP", "AP", "Getty Images") and
//     photographers (PERSON: "Osamah Abdulrahman" in "AP
//     Photo/Osamah Abdulrahman"), and the authors of the byline are
//     PERSON; each joins the entity of the same name in the text
//     ("Reuters" in a credit and "told Reuters"), names in capitals
//     ("REUTERS") included;
//   - a PERSON named by one word takes the value of the one longer name
//     in the article that ends in that word ("Blinken" → "Antony
//     Blinken", "Sudani" → "Mohammed Shia al-Sudani"); the surname of a
//     person named in full is also found where the tagger missed it
//     (a headline's "Blinken’s"), and so are the places and
//     organisations named elsewhere in the article; photographers and
//     authors lend their names to no one;
//   - a surname that is also a place is the person where the words
//     around it say so ("Jordan said he was tired", "Jordan's wife", a
//     paragraph after "Michael Jordan"), and the place where they say
//     that ("Jordan reopened its border", "in Jordan");
//   - country aliases share one LOCATION ("US", "the US", "U.S." and
//     "United States" → "United States");
//   - an oil benchmark's name ("Brent", "WTI") is no name anywhere in
//     an article any part of which names a benchmark as the crude
//     ("Brent crude", "benchmark Brent", "WTI rose to $80 a barrel");
//   - a weekday gets a date only when exactly one full date appears in
//     the captions: the photo's date. The weekday is then taken as that
//     day or the first such day after it ("Tuesday" after a caption dated
//     "Friday, April 18, 2025" is 2025-04-22): a news photo is taken
//     before the text is written, and the text's weekdays name the days
//     of the news. "last Tuesday" and "next Tuesday", and every weekday
//     of an article whose captions carry no date or several dates, keep
//     an empty Value.
func (a Article) Entities() []ArticleEntity {
	all, crude := a.mentions()
	all = dropBenchmarks(all, crude)
	// The headline is read with the types the rest of the article gives
	// its names, surnames in context included ("Müller told reporters"
	// after "Jürgen Müller"): they are settled first.
	body := all[titleMentions(all):]
	surnamesInContext(body, surnameIndex(body))
	all = dropBenchmarks(a.readHeadline(all), crude)
	surnames := surnameIndex(all)
	all = dropJoinedNames(all, surnames)
	surnamesInContext(all, surnames)
	all = append(all, a.findAgain(all, surnames)...)
	all = append(all, a.creditMentions(all)...)
	sortReadingOrder(all)
	linkSurnames(all)
	resolveWeekdays(a, all)
	return groupByValue(all)
}

// eachField calls f with each string of the article that holds entities:
// the title, the description, the caption texts and the paragraphs, in
// reading order.
func (a Article) eachField(f func(field string, idx int, s string)) {
	f(fieldTitle, 0, a.Title)
	if a.Description != "" {
		f(fieldDescription, 0, a.Description)
	}
	for i, c := range a.Captions {
		f(fieldCaptions, i, c.Text)
	}
	for i, p := range a.Paragraphs {
		f(fieldParagraphs, i, p)
	}
}

// mentions returns what ExtractEntities finds in each string of the
// article, and whether one of them names an oil benchmark as the crude.
func (a Article) mentions() (all []found, crude bool) {
	var contexts []entity.Type
	a.eachField(func(field string, idx int, s string) {
		ents, c := extractEntities(s, &contexts)
		crude = crude || c
		for i, e := range ents {
			all = append(all, found{Mention{field, idx, e.Start, e.End, e.Text}, e, contexts[i]})
		}
	})
	return all, crude
}

// titleMentions returns how many of the mentions all begins with are the
// title's (Article.mentions puts them first).
func titleMentions(all []found) int {
	n := 0
	for n < len(all) && all[n].m.Field == fieldTitle {
		n++
	}
	return n
}

// surnameIndex indexes the people named in full in all by their surnames,
// as ExtractEntities does within one text.
func surnameIndex(all []found) entity.Surnames {
	var idx entity.Surnames
	for _, f := range all {
		if f.e.Type == PERSON && !isByline(f.m) {
			idx = entity.AddSurname(idx, f.e.Value)
		}
	}
	return idx
}

// surnamesInContext makes a one-word place or organisation that is the
// surname of a person named in full in the article, and that the words
// around it show to be a person ("Jordan said he was tired" a paragraph
// after "Michael Jordan"), or a one-word place that no list knows as a
// place ("met Blinken" after "Antony Blinken"), that person; linkSurnames
// then gives it the full name. An organisation needs the words around it
// ("Shares of Adani" after "Gautam Adani" stays the company). Within one
// string internal/entity does the same, and also the reverse ("Jordan
// reopened its border" stays the country).
func surnamesInContext(all []found, surnames entity.Surnames) {
	for i := range all {
		f := &all[i]
		if f.e.Type != LOCATION && f.e.Type != ORG || isByline(f.m) || strings.Contains(f.e.Text, " ") {
			continue
		}
		if f.ctx != entity.Person && (f.ctx != "" || f.e.Type != LOCATION || entity.KnownName(f.e.Text, entity.Location, false)) {
			continue
		}
		if _, ok := surnames[f.e.Text]; ok {
			f.e.Type, f.e.Value = PERSON, f.e.Text
		}
	}
}

// dropJoinedNames drops a headline PERSON of several words that joins the
// surnames of other people: "Blinken Meets Sudani" is not one person when
// the body names Blinken and Sudani (findAgain finds both).
func dropJoinedNames(all []found, surnames entity.Surnames) []found {
	kept := all[:0]
	for _, f := range all {
		if f.m.Field == fieldTitle && f.e.Type == PERSON && strings.Contains(f.e.Text, " ") {
			known := 0
			for _, w := range strings.Fields(f.e.Text) {
				// The test is against the name indexed last under w, not
				// "any other name": of "Benjamin Stoloff ... best known as
				// Ben Stoloff" it drops the first and keeps the second.
				if v := surnames[w].Last; v != "" && v != f.e.Value {
					known++
				}
			}
			if known > 0 {
				continue
			}
		}
		kept = append(kept, f)
	}
	return kept
}

// findAgain returns the mentions the tagger missed of names found
// elsewhere in the article: surnames of people named in full (a
// headline's "Blinken’s"), and places and organisations ("In Marib, ..."
// after "Hodeidah, Marib and Saada").
func (a Article) findAgain(all []found, surnames entity.Surnames) []found {
	type known struct {
		typ   EntityType
		value string
	}
	names := map[string]known{}
	for _, f := range all {
		if (f.e.Type == LOCATION || f.e.Type == ORG) && len(f.e.Text) >= 3 && isUpperStart(f.e.Text) {
			names[f.e.Text] = known{f.e.Type, f.e.Value}
		}
	}
	for last := range surnames {
		names[last] = known{PERSON, last}
	}
	order := make([]string, 0, len(names))
	for n := range names {
		order = append(order, n)
	}
	// Longer names first, so that "Gaza Strip" is not taken for "Gaza".
	slices.SortFunc(order, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	// Each name is searched for in the whole article: bound the work for
	// pathological articles that name thousands of things.
	if len(order) > 512 {
		order = order[:512]
	}
	var extra []found
	spans := mentionSpans{}
	for _, f := range all {
		spans.add(f.m)
	}
	a.eachField(func(field string, idx int, s string) {
		for _, name := range order {
			k := names[name]
			for off := 0; ; {
				i := strings.Index(s[off:], name)
				if i < 0 {
					break
				}
				st, en := off+i, off+i+len(name)
				off = en
				if !wordBoundary(s, st, en) || spans.overlaps(field, idx, st, en) {
					continue
				}
				e := Entity{Text: s[st:en], Type: k.typ, Start: st, End: en, Value: k.value}
				extra = append(extra, found{m: Mention{field, idx, st, en, e.Text}, e: e})
				spans.add(extra[len(extra)-1].m)
			}
		}
	})
	return extra
}

// sortReadingOrder sorts the mentions in reading order: title,
// description, authors, each caption's text then its credit, paragraphs,
// each by index and offset.
func sortReadingOrder(all []found) {
	type rank struct{ field, part int }
	order := map[string]rank{
		fieldTitle: {0, 0}, fieldDescription: {1, 0}, fieldAuthors: {2, 0}, fieldCaptions: {3, 0}, fieldCredit: {3, 1}, fieldParagraphs: {4, 0},
	}
	slices.SortStableFunc(all, func(p, q found) int {
		rp, rq := order[p.m.Field], order[q.m.Field]
		if d := rp.field - rq.field; d != 0 {
			return d
		}
		if p.m.Index != q.m.Index {
			return p.m.Index - q.m.Index
		}
		if d := rp.part - rq.part; d != 0 {
			return d
		}
		return p.m.Start - q.m.Start
	})
}

// linkSurnames gives each PERSON named by one word the value of the one
// longer name in the article that ends in that word. The names of
// photographers and authors are not indexed: a credit's "Omar Aziz" says
// nothing of the "Aziz" a paragraph quotes.
func linkSurnames(all []found) {
	idx := surnameIndex(all)
	for i := range all {
		e := &all[i].e
		if e.Type == PERSON && !strings.Contains(e.Value, " ") && !isByline(all[i].m) {
			if v := idx.Full(e.Value); v != "" {
				e.Value = v
			}
		}
	}
}

// groupByValue groups the mentions by type and canonical value (by text
// when there is no value), in order of first mention; each group's Text
// is its value when written so, else its longest text. Names are grouped
// ignoring case, so that a credit's "REUTERS" or a byline's "JOHN SMITH"
// joins "Reuters" or "John Smith" in the text; the group's value is then
// the one not written in capitals.
func groupByValue(all []found) []ArticleEntity {
	// A mention's key is its type and value (its text without a value);
	// each key seen is folded once into the group key, lower-cased for
	// names and for values left empty.
	type key struct {
		typ    EntityType
		s      string
		byText bool
	}
	var out []ArticleEntity
	seen := map[key]int{}
	groups := map[key]int{}
	for _, f := range all {
		exact := key{f.e.Type, f.e.Value, f.e.Value == ""}
		if exact.byText {
			exact.s = f.e.Text
		}
		k, ok := seen[exact]
		if !ok {
			folded := exact
			if exact.byText || isNameType(f.e.Type) {
				folded.s = strings.ToLower(exact.s)
			}
			if k, ok = groups[folded]; !ok {
				k = len(out)
				groups[folded] = k
				out = append(out, ArticleEntity{Type: f.e.Type, Text: f.e.Text, Value: f.e.Value})
			}
			seen[exact] = k
		}
		g := &out[k]
		if f.e.Value != g.Value && isCapitals(g.Value) && !isCapitals(f.e.Value) {
			g.Value, g.Text = f.e.Value, f.e.Text
		}
		if f.e.Text == g.Value || len(f.e.Text) > len(g.Text) && g.Text != g.Value {
			g.Text = f.e.Text
		}
		g.Mentions = append(g.Mentions, f.m)
	}
	return out
}

// isNameType reports the types of names: people, organisations, places,
// groups.
func isNameType(t EntityType) bool {
	return t == PERSON || t == ORG || t == LOCATION || t == NORP
}

// isCapitals reports a string with upper-case letters and no lower-case
// one: "REUTERS", "JOHN SMITH".
func isCapitals(s string) bool {
	upper := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		upper = upper || unicode.IsUpper(r)
	}
	return upper
}

// isByline reports a mention in a photo credit or a byline.
func isByline(m Mention) bool {
	return m.Field == fieldCredit || m.Field == fieldAuthors
}

// found is one mention with its entity, while an article is grouped.
type found struct {
	m   Mention
	e   Entity
	ctx entity.Type // what the words around a one-word name make it (entity.Entity.Context)
}

// spanKey names one string of an article: a field and its index.
type spanKey struct {
	field string
	index int
}

// mentionSpans holds the byte spans of the mentions in each string of an
// article, so that a new mention can be checked against its own string's
// only.
type mentionSpans map[spanKey][][2]int

func (t mentionSpans) overlaps(field string, idx, st, en int) bool {
	for _, s := range t[spanKey{field, idx}] {
		if s[0] < en && st < s[1] {
			return true
		}
	}
	return false
}

func (t mentionSpans) add(m Mention) {
	k := spanKey{m.Field, m.Index}
	t[k] = append(t[k], [2]int{m.Start, m.End})
}

// wordBoundary reports whether s[st:en] is a whole word.
func wordBoundary(s string, st, en int) bool {
	if st > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:st])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if en < len(s) {
		r, _ := utf8.DecodeRuneInString(s[en:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// resolveWeekdays gives weekdays a date from the captions' one full date
// when that is sure enough (see Article.Entities).
func resolveWeekdays(a Article, all []found) {
	var ref time.Time
	refs := 0
	for i := range all {
		e, m := &all[i].e, all[i].m
		if m.Field != fieldCaptions || e.Type != DATE || len(e.Value) != 10 || e.Value[0] == '-' {
			continue
		}
		t, err := time.Parse("2006-01-02", e.Value)
		if err != nil {
			continue
		}
		if refs == 0 || !t.Equal(ref) {
			refs++
		}
		ref = t
	}
	if refs != 1 {
		return
	}
	for i := range all {
		e := &all[i].e
		if e.Type != DATE || e.Value != "" {
			continue
		}
		wd, ok := entity.Weekday(strings.ToLower(e.Text))
		if !ok {
			continue
		}
		if m := all[i].m; m.Start >= 5 {
			before := strings.ToLower(fieldText(a, m)[:m.Start])
			if strings.HasSuffix(before, "last ") || strings.HasSuffix(before, "next ") || strings.HasSuffix(before, "previous ") {
				continue
			}
		}
		d := (wd - int(ref.Weekday()) + 7) % 7
		e.Value = ref.AddDate(0, 0, d).Format("2006-01-02")
	}
}

func isUpperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// fieldText returns the string a mention points into.
func fieldText(a Article, m Mention) string {
	switch m.Field {
	case fieldTitle:
		return a.Title
	case fieldDescription:
		return a.Description
	case fieldAuthors:
		return a.Authors[m.Index]
	case fieldCaptions:
		return a.Captions[m.Index].Text
	case fieldCredit:
		return a.Captions[m.Index].Credit
	}
	return a.Paragraphs[m.Index]
}

// dropBenchmarks drops the names of oil benchmarks ("Brent", "WTI") when
// the article names one as the crude (crude, from mentions): a paragraph's
// "Brent rose" when another says "Brent crude". Which names are
// benchmarks, and when a text names one as the crude, is
// internal/entity's rule (Extractor.NamesCrude).
func dropBenchmarks(all []found, crude bool) []found {
	if !crude {
		return all
	}
	kept := all[:0]
	for _, f := range all {
		if !(isNameType(f.e.Type) && entity.IsBenchmarkName(f.e.Text)) {
			kept = append(kept, f)
		}
	}
	return kept
}
