package newsdump

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/newsdump/newsdump/internal/entity"
	"github.com/newsdump/newsdump/internal/ner"
	"github.com/newsdump/newsdump/internal/ner/conll"
)

func TestModelLoads(t *testing.T) {
	if _, err := ner.DefaultModel(); err != nil {
		t.Fatalf("embedded model: %v", err)
	}
}

// ent builds the expected entity for the first occurrence of sub in text.
func ent(text, sub string, typ EntityType, value string) Entity {
	i := strings.Index(text, sub)
	if i < 0 {
		panic(sub + " not in " + text)
	}
	return Entity{Text: sub, Type: typ, Start: i, End: i + len(sub), Value: value}
}

// Dates and numbers are rules: every form the issue names, and the
// normalised values.
func TestDatesAndNumbers(t *testing.T) {
	only := func(types ...EntityType) func(Entity) bool {
		return func(e Entity) bool {
			for _, ty := range types {
				if e.Type == ty {
					return true
				}
			}
			return false
		}
	}
	dn := only(DATE, NUMBER, MONEY, PERCENT)
	tests := []struct {
		text string
		want func(string) []Entity
	}{
		{"They met on November 6, 2023.", func(s string) []Entity {
			return []Entity{ent(s, "November 6, 2023", DATE, "2023-11-06")}
		}},
		{"It started on Oct. 7, 2023, in the south.", func(s string) []Entity {
			return []Entity{ent(s, "Oct. 7, 2023", DATE, "2023-10-07")}
		}},
		{"before the Jan. 20 inauguration", func(s string) []Entity {
			return []Entity{ent(s, "Jan. 20", DATE, "--01-20")}
		}},
		{"a campaign that began on March 15.", func(s string) []Entity {
			return []Entity{ent(s, "March 15", DATE, "--03-15")}
		}},
		{"a rally in Sanaa, Yemen, Friday, April 18, 2025.", func(s string) []Entity {
			return []Entity{ent(s, "Friday, April 18, 2025", DATE, "2025-04-18")}
		}},
		{"a possible end to a 15-month war", func(s string) []Entity {
			return []Entity{ent(s, "15-month", DATE, "P15M")}
		}},
		{"extend the cut for three more months, then one more month", func(s string) []Entity {
			return []Entity{ent(s, "three more months", DATE, "P3M"), ent(s, "one more month", DATE, "P1M")}
		}},
		{"killing 1,200 soldiers and civilians", func(s string) []Entity {
			return []Entity{ent(s, "1,200", NUMBER, "1200")}
		}},
		{"has killed more than 46,000 people", func(s string) []Entity {
			return []Entity{ent(s, "more than 46,000", NUMBER, "46000")}
		}},
		{"a deal worth $1.8 billion", func(s string) []Entity {
			return []Entity{ent(s, "$1.8 billion", MONEY, "1.8e9")}
		}},
		{"to at least 40 since Oct. 17.", func(s string) []Entity {
			return []Entity{ent(s, "at least 40", NUMBER, "40"), ent(s, "Oct. 17", DATE, "--10-17")}
		}},
		{"abducting more than 250 hostages", func(s string) []Entity {
			return []Entity{ent(s, "more than 250", NUMBER, "250")}
		}},
		{"in October 2023 and in 2004, on 14 January 2025 and 2023-11-06", func(s string) []Entity {
			return []Entity{
				ent(s, "October 2023", DATE, "2023-10"), ent(s, "2004", DATE, "2004"),
				ent(s, "14 January 2025", DATE, "2025-01-14"), ent(s, "2023-11-06", DATE, "2023-11-06"),
			}
		}},
		{"up 5% or 12.5 percent; 46 million people, twenty-five soldiers", func(s string) []Entity {
			return []Entity{
				ent(s, "5%", PERCENT, "5"), ent(s, "12.5 percent", PERCENT, "12.5"),
				ent(s, "46 million", NUMBER, "4.6e7"), ent(s, "twenty-five", NUMBER, "25"),
			}
		}},
		{"Less than 24 hours after, on Tuesday morning", func(s string) []Entity {
			return []Entity{ent(s, "24 hours", DATE, "PT24H"), ent(s, "Tuesday", DATE, "")}
		}},
		// "May" is the month after "in" or "since"; after "by" or "and"
		// it may be Theresa May, and "in May's" is hers.
		{"since May, and in May, not by May or in May's cabinet", func(s string) []Entity {
			return []Entity{ent(s, "May", DATE, "--05"), {Text: "May", Type: DATE, Start: strings.Index(s, "in May,") + 3, End: strings.Index(s, "in May,") + 6, Value: "--05"}}
		}},
		// Not numbers: parts of names, ordinals, times; not dates: "may".
		{"an F-16 and an MQ-9 Reaper, the 30th time at 10:30, it may rain", func(s string) []Entity {
			return nil
		}},
	}
	for _, tt := range tests {
		var got []Entity
		for _, e := range ExtractEntities(tt.text) {
			if dn(e) {
				got = append(got, e)
			}
		}
		if diff := cmp.Diff(tt.want(tt.text), got); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tt.text, diff)
		}
	}
}

// Quantities: a number is found whatever counts it ("barrels", "tonnes",
// "people"), with the Value conventions of the other numbers (plain
// digits, scientific notation with a scale), the unit outside its Text.
func TestQuantities(t *testing.T) {
	only := func(ents []Entity) []Entity {
		var out []Entity
		for _, e := range ents {
			if e.Type == NUMBER || e.Type == MONEY || e.Type == PERCENT || e.Type == DATE {
				out = append(out, e)
			}
		}
		return out
	}
	tests := []struct {
		why  string
		text string
		want func(string) []Entity
	}{
		{"the issue's case: a grouped number before a unit of three words",
			"Saudi Arabia will cut output by 800,000 barrels per day from July.", func(s string) []Entity {
				return []Entity{ent(s, "800,000", NUMBER, "800000"), ent(s, "July", DATE, "--07")}
			}},
		{"a scale word stays in the number, the unit does not",
			"The mine produced 3 million tonnes of copper.", func(s string) []Entity {
				return []Entity{ent(s, "3 million", NUMBER, "3e6")}
			}},
		{"people are counted like any unit; the qualifier stays in Text",
			"At least 12 people were killed and 300 soldiers were sent.", func(s string) []Entity {
				return []Entity{ent(s, "At least 12", NUMBER, "12"), ent(s, "300", NUMBER, "300")}
			}},
		{"money with a sign and a scale, and a currency named after the number",
			"The fund raised $5 billion; a ticket costs 40 dollars or 150 dirhams.", func(s string) []Entity {
				return []Entity{ent(s, "$5 billion", MONEY, "5e9"), ent(s, "40 dollars", MONEY, "40"), ent(s, "150 dirhams", MONEY, "150")}
			}},
		{"a scale glued to the digits, as British papers write it",
			"Ministers pledged £3bn for schools and €2.5tn in guarantees.", func(s string) []Entity {
				return []Entity{ent(s, "£3bn", MONEY, "3e9"), ent(s, "€2.5tn", MONEY, "2.5e12")}
			}},
		{"m is a million after a currency sign or before what it counts, metres otherwise",
			"It cost $3m to feed 5m people; the 100m wall fell.", func(s string) []Entity {
				return []Entity{ent(s, "$3m", MONEY, "3e6"), ent(s, "5m", NUMBER, "5e6"), ent(s, "100", NUMBER, "100")}
			}},
		{"a unit glued to the digits is left out of the number",
			"Exports reached 800,000bpd, 10km from the coast.", func(s string) []Entity {
				return []Entity{ent(s, "800,000", NUMBER, "800000"), ent(s, "10", NUMBER, "10")}
			}},
		{"groups of three digits set apart by a space are one number",
			"Output fell by 800 000 barrels a day.", func(s string) []Entity {
				return []Entity{ent(s, "800 000", NUMBER, "800000")}
			}},
		{"a four-digit number after 'to' or 'for' counts what follows it, not a year",
			"The army sent 1,500 troops, up to 2500 people, and flew 1500 tonnes of aid to 2000 families.", func(s string) []Entity {
				return []Entity{
					ent(s, "1,500", NUMBER, "1500"), ent(s, "up to 2500", NUMBER, "2500"),
					{Text: "1500", Type: NUMBER, Start: strings.Index(s, "1500 tonnes"), End: strings.Index(s, "1500 tonnes") + 4, Value: "1500"},
					ent(s, "2000", NUMBER, "2000"),
				}
			}},
		{"negatives: after 'in' a four-digit number is a year, and 'to 2019 levels' names one too",
			"In 1990 people were poorer; prices fell back to 2019 levels.", func(s string) []Entity {
				return []Entity{ent(s, "1990", DATE, "1990"), ent(s, "2019", DATE, "2019")}
			}},
		{"negatives: a currency code must be in capitals, and 4G, 5G are names of networks",
			"Try 5 times on the 4G or 5G networks.", func(s string) []Entity {
				return []Entity{ent(s, "5", NUMBER, "5")}
			}},
		{"an amount in rupees with the South Asian scale",
			"The state will spend Rs 200 crore on roads.", func(s string) []Entity {
				return []Entity{ent(s, "Rs 200 crore", MONEY, "2e9")}
			}},
		{"a number after an em dash is still one; a number word counts a plural noun",
			"About 1,200 people—300 of them children—and twenty-five soldiers were hurt.", func(s string) []Entity {
				return []Entity{ent(s, "About 1,200", NUMBER, "1200"), ent(s, "300", NUMBER, "300"), ent(s, "twenty-five", NUMBER, "25")}
			}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want(tt.text), only(ExtractEntities(tt.text))); diff != "" {
			t.Errorf("%s: %q (-want +got):\n%s", tt.why, tt.text, diff)
		}
	}
}

// Names: titles are not part of the name, the title rule finds names the
// tagger misses, short names link to the full name, country aliases share
// a value.
func TestNames(t *testing.T) {
	s := "US Secretary of State Antony Blinken’s visit to Baghdad. Iraqi Prime Minister Mohammed Shia al-Sudani met Blinken in the United States."
	want := []Entity{
		ent(s, "US", LOCATION, "United States"),
		ent(s, "Antony Blinken", PERSON, "Antony Blinken"),
		ent(s, "Baghdad", LOCATION, "Baghdad"),
		ent(s, "Iraqi", NORP, "Iraqi"),
		ent(s, "Mohammed Shia al-Sudani", PERSON, "Mohammed Shia al-Sudani"),
		{Text: "Blinken", Type: PERSON, Start: strings.LastIndex(s, "Blinken"), End: strings.LastIndex(s, "Blinken") + 7, Value: "Antony Blinken"},
		{Text: "United States", Type: LOCATION, Start: strings.Index(s, "United States"), End: strings.Index(s, "United States") + 13, Value: "United States"},
	}
	if diff := cmp.Diff(want, ExtractEntities(s)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	s2 := "Houthi military spokesman Brig. Gen. Yahya Saree said so on Tuesday."
	want2 := []Entity{
		ent(s2, "Houthi", NORP, "Houthi"),
		ent(s2, "Yahya Saree", PERSON, "Yahya Saree"),
		ent(s2, "Tuesday", DATE, ""),
	}
	if diff := cmp.Diff(want2, ExtractEntities(s2)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func entitiesGoldenName(dump string) string {
	return strings.TrimSuffix(dump, ".txt") + ".entities.golden.json"
}

// checkMentions checks what must hold for every article: mentions point
// at their text, and no PERSON is a weekday, a month, a title, or a word
// starting in lower case.
func checkMentions(t *testing.T, a Article, ents []ArticleEntity) {
	t.Helper()
	for _, e := range ents {
		for _, m := range e.Mentions {
			s := fieldText(a, m)
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End || s[m.Start:m.End] != m.Text {
				t.Errorf("mention %+v does not point at its text", m)
			}
			if e.Type == PERSON {
				r, _ := utf8.DecodeRuneInString(m.Text)
				low := strings.ToLower(m.Text)
				_, weekday := entity.Weekday(low)
				if !unicode.IsUpper(r) || weekday || entity.Month(low) != 0 || creditWords[low] {
					t.Errorf("PERSON %q is not a name", m.Text)
				}
			}
		}
	}
}

// creditWords are the labels and fillers of photo credits, which name no
// one.
var creditWords = map[string]bool{
	"photo": true, "photos": true, "pool": true, "handout": true, "file": true, "images": true,
	"image credit": true, "courtesy": true, "contributor": true, "staff": true, "ap photo": true,
}

// sharedNER is the folder of training and evaluation data beside the
// repository; tests that need it skip when it is absent.
func sharedNER(t *testing.T) string {
	dir := filepath.Join("..", "shared", "ner")
	if _, err := os.Stat(filepath.Join(dir, "eval")); err != nil {
		t.Skipf("entity evaluation data not found at %s (it sits beside the repository in CI): %v", dir, err)
	}
	return dir
}

// corpusSpans adapts ExtractEntities to the corpora's type names.
func corpusSpans(text string) []conll.Span {
	var out []conll.Span
	for _, e := range ExtractEntities(text) {
		var ty string
		switch e.Type {
		case PERSON:
			ty = "PER"
		case ORG:
			ty = "ORG"
		case LOCATION:
			ty = "LOC"
		default:
			continue
		}
		out = append(out, conll.Span{Start: e.Start, End: e.End, Type: ty})
	}
	return out
}

// TestNERFloors scores ExtractEntities on the held-out news set
// (UNER English-PUD) and on GUM's test documents, exact span and type, and
// fails below the F1 floors reached (raise them when the tagger improves).
func TestNERFloors(t *testing.T) {
	dir := sharedNER(t)
	gum, err := conll.GUMFiles(filepath.Join(dir, "train", "gum"), "test")
	if err != nil {
		t.Fatal(err)
	}
	sets := []struct {
		name   string
		files  []string
		floors map[string]float64 // F1 per type; "all" is PER+ORG+LOC
	}{
		// The floors are half a point or less under the figures reached:
		// PUD PER 80.9, ORG 58.8, LOC 72.7, all 73.1; GUM test PER 65.6,
		// ORG 49.4, LOC 74.2, all 67.0 (67.9 when the names GUM leaves
		// unlabelled, conll.Sentence.Unlabelled, are not counted: nereval
		// -skip-unlabelled). GUM test PER was 65.8 and all 67.1 before
		// roleNames found "John Martin" after "attorney", which GUM's
		// span takes in.
		{"uner_en_pud", []string{filepath.Join(dir, "eval", "uner_en_pud", "en_pud-ud-test.iob2")},
			map[string]float64{"PER": 80.5, "ORG": 58.5, "LOC": 72.5, "all": 72.5}},
		// GUM test ORG was 49.4 before the rules for encyclopedia text
		// (testdata/wiki_dev.tsv) and 48.8 with them, one false
		// organisation more in 88; they raised PUD ORG from 56.4 to 56.8
		// and the held-out news from 88.4 to 88.7. It was 48.6 with the
		// tagger's word clusters and is 49.4 with its weights the mean of
		// five runs.
		{"gum_test", gum,
			map[string]float64{"PER": 65.5, "ORG": 49, "LOC": 74, "all": 66.5}},
	}
	for _, s := range sets {
		sents, err := conll.ReadFiles(s.files...)
		if err != nil {
			t.Fatal(err)
		}
		if len(sents) == 0 {
			t.Fatalf("%s: no sentences", s.name)
		}
		r := conll.Score(sents, corpusSpans)
		var table strings.Builder
		r.Write(&table, s.name)
		t.Logf("\n%s", table.String())
		for ty, floor := range s.floors {
			c := r.All
			if ty != "all" {
				c = r.ByType[ty]
			}
			if c.F1() < floor {
				t.Errorf("%s %s: F1 %.1f below the floor %.1f", s.name, ty, c.F1(), floor)
			}
		}
	}
}

// ExtractEntities allocates per call and per normalised value, never per
// token: the result slice, and the Value strings built for dates and
// numbers.
func TestExtractEntitiesAllocations(t *testing.T) {
	if poolDropsItems {
		t.Skip("allocation counts are not meaningful with -race (sync.Pool drops items)")
	}
	text := strings.Repeat("Israel and Hamas agreed to a deal to halt fighting in Gaza and exchange Israeli hostages for Palestinian prisoners, an official briefed on the deal told Reuters on Wednesday. ", 20)
	ents := ExtractEntities(text)
	built := 0
	for _, e := range ents {
		if e.Value != e.Text && e.Value != "" {
			built++
		}
	}
	allocs := testing.AllocsPerRun(20, func() { ExtractEntities(text) })
	if max := float64(1 + built); allocs > max {
		t.Errorf("%v allocations for %d tokens and %d entities, want at most %v", allocs, len(strings.Fields(text)), len(ents), max)
	}
}

// The exported entity types are internal/entity's, converted without a
// table.
func TestEntityTypesMatch(t *testing.T) {
	for _, p := range []struct {
		exported EntityType
		internal entity.Type
	}{
		{PERSON, entity.Person}, {ORG, entity.Org}, {LOCATION, entity.Location}, {NORP, entity.NORP},
		{DATE, entity.Date}, {NUMBER, entity.Number}, {MONEY, entity.Money}, {PERCENT, entity.Percent},
	} {
		if string(p.exported) != string(p.internal) {
			t.Errorf("%s is %s in internal/entity", p.exported, p.internal)
		}
	}
}

// fieldMention is a mention with its entity's type and value, as the
// article-level tests expect them.
type fieldMention struct {
	Field string
	Index int
	Text  string
	Type  EntityType
	Value string
}

// mentionsIn returns the mentions of ents in the fields named, in reading
// order, after checking every mention (checkMentions).
func mentionsIn(t *testing.T, a Article, fields ...string) []fieldMention {
	t.Helper()
	ents := a.Entities()
	checkMentions(t, a, ents)
	var all []found
	for _, e := range ents {
		for _, m := range e.Mentions {
			for _, f := range fields {
				if m.Field == f {
					all = append(all, found{m: m, e: Entity{Type: e.Type, Value: e.Value}})
				}
			}
		}
	}
	sortReadingOrder(all)
	var out []fieldMention
	for _, f := range all {
		out = append(out, fieldMention{f.m.Field, f.m.Index, f.m.Text, f.e.Type, f.e.Value})
	}
	return out
}

// Headlines in Title Case or capitals are read with what the body says,
// not by their capitals.
func TestArticleHeadlines(t *testing.T) {
	title := func(text string, typ EntityType, value string) fieldMention {
		return fieldMention{fieldTitle, 0, text, typ, value}
	}
	tests := []struct {
		why   string
		title string
		body  []string
		want  []fieldMention // the title's names (PERSON, ORG, LOCATION, NORP)
	}{
		{"the issue's case: the body says Jordan is the country; no PERSON 'Jordan Reopens'",
			"Jordan Reopens Aqaba Port After Houthi Drone Strikes",
			[]string{"Jordan reopened the port of Aqaba on Tuesday, a week after Houthi drones struck a fuel depot."},
			[]fieldMention{title("Jordan", LOCATION, "Jordan"), title("Aqaba", LOCATION, "Aqaba"), title("Houthi", NORP, "Houthi")}},
		{"the same headline in capitals: the body's names are found ignoring case",
			"JORDAN REOPENS AQABA PORT",
			[]string{"Jordan reopened the port of Aqaba on Tuesday."},
			[]fieldMention{title("JORDAN", LOCATION, "Jordan"), title("AQABA", LOCATION, "Aqaba")}},
		{"two people named by their surnames, one place; 'IN' in capitals is no Indiana",
			"BLINKEN MEETS SUDANI IN BAGHDAD",
			[]string{"US Secretary of State Antony Blinken met Iraqi Prime Minister Mohammed Shia al-Sudani in Baghdad."},
			[]fieldMention{title("BLINKEN", PERSON, "Antony Blinken"), title("SUDANI", PERSON, "Mohammed Shia al-Sudani"), title("BAGHDAD", LOCATION, "Baghdad")}},
		{"Brent the crude is no person, in the headline nor in the body",
			"Brent Slips as Demand Fears Grow",
			[]string{"Brent crude futures fell 1% to $80 a barrel on Tuesday.", "Brent has lost 6% this month."},
			nil},
		{"a group word stays NORP even where the tagger reads the body's family name into it",
			"Houthi Leader Vows Revenge After Strikes on Sanaa",
			[]string{"Houthi leader Abdul-Malik al-Houthi said the group would respond to the strikes on Sanaa."},
			[]fieldMention{title("Houthi", NORP, "Houthi"), title("Sanaa", LOCATION, "Sanaa")}},
		{"a surname the body's words show to be the person named in full, though the tagger read a firm, is that person in the headline",
			"Müller and Núñez Meet in Genève",
			[]string{"Foreign ministers Jürgen Müller and Inés Núñez met on Thursday.", "\"We agreed on the next steps,\" Müller told reporters in Genève."},
			[]fieldMention{title("Müller", PERSON, "Jürgen Müller"), title("Núñez", PERSON, "Inés Núñez"), title("Genève", LOCATION, "Genève")}},
		{"a place of the lists the tagger read nothing at in a Title Case headline, which the body does not name",
			"Zürich Talks Resume After Summer Break",
			[]string{"Negotiators returned to the table on Monday."},
			[]fieldMention{title("Zürich", LOCATION, "Zürich")}},
		{"negative: a town's name that is a common word is none in a headline the body says nothing of",
			"Nice Weather Ahead for the Weekend",
			[]string{"Forecasters expect sunshine on Saturday."},
			nil},
		{"a word the body writes in lower case is no name: the bird, not the country",
			"Turkey Prices Soar Before Thanksgiving",
			[]string{"The price of a frozen turkey rose 20% this year, farmers said."},
			nil},
		{"a company's verb is no part of its name",
			"Tesla Recalls 2 Million Cars Over Autopilot",
			[]string{"Tesla is recalling more than 2 million vehicles, the company said."},
			[]fieldMention{title("Tesla", ORG, "Tesla")}},
		{"a name the body never names stays when the lists make it one: a first name and a surname",
			"Kylie Jenner Joins Board of Beauty Brand",
			[]string{"The reality star will advise the company on marketing, it said on Monday."},
			[]fieldMention{title("Kylie Jenner", PERSON, "Kylie Jenner")}},
		{"the fuller form of a person the body names by surname",
			"Mark Esper Says China Bullies Its Neighbours",
			[]string{"Esper said China was intimidating smaller nations in the region."},
			[]fieldMention{title("Mark Esper", PERSON, "Mark Esper"), title("China", LOCATION, "China")}},
		{"a place of several words stays whole even where the body names one of its words",
			"The Band Sets a Tour of North America",
			[]string{"The band will play in Toronto and Denver, then go North to Seattle."},
			[]fieldMention{title("North America", LOCATION, "North America")}},
		{"a title in sentence case is read by its capitals; its first word is a sentence start",
			"Hunter diagnosed with plague in Beijing",
			[]string{"A hunter in Beijing has the plague, officials said."},
			[]fieldMention{title("Beijing", LOCATION, "Beijing")}},
		{"no headline word, weekday or common word as PERSON without the body's word for it",
			"Merkel Meets Macron in Paris on Friday",
			[]string{"German Chancellor Angela Merkel met French President Emmanuel Macron in Paris."},
			[]fieldMention{title("Merkel", PERSON, "Angela Merkel"), title("Macron", PERSON, "Emmanuel Macron"), title("Paris", LOCATION, "Paris")}},
	}
	for _, tt := range tests {
		a := Article{Title: tt.title, Paragraphs: tt.body}
		var got []fieldMention
		for _, m := range mentionsIn(t, a, fieldTitle) {
			if isNameType(m.Type) {
				got = append(got, m)
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: %q (-want +got):\n%s", tt.why, tt.title, diff)
		}
		// Brent is no name anywhere in its article.
		if strings.HasPrefix(tt.title, "Brent") {
			for _, m := range mentionsIn(t, a, fieldParagraphs) {
				if m.Text == "Brent" {
					t.Errorf("%q: %+v", tt.title, m)
				}
			}
		}
	}
}

// The article's names that the rules of internal/entity get right within
// one sentence stay right through Article.Entities, whose article-wide
// rules (surnames found again, headline reading) must not undo them.
func TestArticleNameRules(t *testing.T) {
	para := func(text string, typ EntityType, value string) fieldMention {
		return fieldMention{fieldParagraphs, 0, text, typ, value}
	}
	tests := []struct {
		why  string
		body string
		want []fieldMention // the paragraph's names (PERSON, ORG, LOCATION, NORP)
	}{
		{"a group word is no mention of the surname of the person after it",
			"Houthi leader Abdul-Malik al-Houthi said the group would respond.",
			[]fieldMention{para("Houthi", NORP, "Houthi"), para("Abdul-Malik al-Houthi", PERSON, "Abdul-Malik al-Houthi")}},
		{"the plus touching an acronym stays in the name",
			"Ministers of the OPEC+ group meet on Sunday.",
			[]fieldMention{para("OPEC+", ORG, "OPEC+")}},
		{"a particle joins one person, whose surname is not found again as another",
			"Prince Abdulaziz bin Salman said the kingdom would cut output.",
			[]fieldMention{para("Abdulaziz bin Salman", PERSON, "Abdulaziz bin Salman")}},
		{"a name before 'air base' is a place",
			"The militia claimed an attack on Al-Harir air base in Erbil province.",
			[]fieldMention{para("Al-Harir", LOCATION, "Al-Harir"), para("Erbil", LOCATION, "Erbil")}},
	}
	for _, tt := range tests {
		a := Article{Title: "Regional Roundup", Paragraphs: []string{tt.body}}
		var got []fieldMention
		for _, m := range mentionsIn(t, a, fieldParagraphs) {
			if isNameType(m.Type) {
				got = append(got, m)
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: %q (-want +got):\n%s", tt.why, tt.body, diff)
		}
	}
}

// Credits and bylines: agencies are ORG and photographers and authors
// PERSON, each in the same entity as the same name in the text.
func TestArticleCredits(t *testing.T) {
	a := Article{
		Title:   "Kenya Signs Wind Farm Deal",
		Authors: []string{"Grace Wanjiru", " Daniel Reyes", "REUTERS"},
		Captions: []Caption{
			{Text: "Wind turbines near Loiyangalani.", Credit: "Photo by Grace Wanjiru/Reuters"},
			{Text: "A turbine blade.", Credit: "Image Credit: Lake Turkana Wind Power Ltd."},
			{Text: "Workers at the site.", Credit: "AP Photo/Omar Aziz, File"},
			{Text: "The minister.", Credit: "Handout"},
		},
		Paragraphs: []string{"Energy Secretary Ruth Kamau told Reuters the farm would grow. Aziz, a local elder, agreed."},
	}
	want := []fieldMention{
		{fieldAuthors, 0, "Grace Wanjiru", PERSON, "Grace Wanjiru"},
		{fieldAuthors, 1, "Daniel Reyes", PERSON, "Daniel Reyes"},
		{fieldAuthors, 2, "REUTERS", ORG, "Reuters"}, // an agency in a byline is no person
		{fieldCredit, 0, "Grace Wanjiru", PERSON, "Grace Wanjiru"},
		{fieldCredit, 0, "Reuters", ORG, "Reuters"},
		{fieldCredit, 1, "Lake Turkana Wind Power Ltd.", ORG, "Lake Turkana Wind Power Ltd."},
		{fieldCredit, 2, "AP", ORG, "AP"},
		{fieldCredit, 2, "Omar Aziz", PERSON, "Omar Aziz"},
		// "Handout" names no one.
	}
	if diff := cmp.Diff(want, mentionsIn(t, a, fieldAuthors, fieldCredit)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	ents := a.Entities()
	group := func(value string) []Mention {
		for _, e := range ents {
			if e.Value == value {
				return e.Mentions
			}
		}
		return nil
	}
	// The author who took the photo is one entity; the agency of the
	// credit, of the byline and of the text is one entity; the
	// photographer lends his surname to no one in the text.
	if n := len(group("Grace Wanjiru")); n != 2 {
		t.Errorf("Grace Wanjiru: %d mentions, want 2 (byline and credit)", n)
	}
	if n := len(group("Reuters")); n != 3 {
		t.Errorf("Reuters: %d mentions, want 3 (byline, credit, paragraph)", n)
	}
	if ms := group("Omar Aziz"); len(ms) != 1 {
		t.Errorf("Omar Aziz: %+v, want the credit only", ms)
	}
}

// The standfirst has mentions of its own, with "field" "description" and
// offsets into Description, in the entities of the same names elsewhere;
// it is body text, evidence for reading a headline in Title Case.
func TestArticleDescription(t *testing.T) {
	a := Article{
		Title:       "Blinken Meets Sudani in Baghdad",
		Description: "US Secretary of State Antony Blinken pressed Iraq's prime minister on Tuesday over attacks on US troops.",
		Paragraphs:  []string{"Blinken met Iraqi Prime Minister Mohammed Shia al-Sudani in Baghdad.", "Sudani said Iraq wanted calm."},
	}
	desc := func(text string, typ EntityType, value string) fieldMention {
		return fieldMention{fieldDescription, 0, text, typ, value}
	}
	want := []fieldMention{
		desc("US", LOCATION, "United States"),
		desc("Antony Blinken", PERSON, "Antony Blinken"),
		desc("Iraq", LOCATION, "Iraq"),
		desc("Tuesday", DATE, ""),
		desc("US", LOCATION, "United States"),
	}
	if diff := cmp.Diff(want, mentionsIn(t, a, fieldDescription)); diff != "" {
		t.Errorf("description (-want +got):\n%s", diff)
	}
	// The paragraphs' "Blinken" is the standfirst's Antony Blinken, and
	// so is the headline's.
	var fields []string
	for _, e := range a.Entities() {
		if e.Value == "Antony Blinken" {
			for _, m := range e.Mentions {
				fields = append(fields, m.Field)
			}
		}
	}
	if diff := cmp.Diff([]string{fieldTitle, fieldDescription, fieldParagraphs}, fields); diff != "" {
		t.Errorf("Antony Blinken's mentions (-want +got):\n%s", diff)
	}

	// A standfirst alone tells a headline's names from its verbs: the
	// country "Jordan", not a PERSON "Jordan Reopens".
	b := Article{
		Title:       "Jordan Reopens Aqaba Port",
		Description: "Jordan reopened the port of Aqaba on Tuesday.",
	}
	var got []fieldMention
	for _, m := range mentionsIn(t, b, fieldTitle) {
		if isNameType(m.Type) {
			got = append(got, m)
		}
	}
	wantTitle := []fieldMention{{fieldTitle, 0, "Jordan", LOCATION, "Jordan"}, {fieldTitle, 0, "Aqaba", LOCATION, "Aqaba"}}
	if diff := cmp.Diff(wantTitle, got); diff != "" {
		t.Errorf("title over a standfirst (-want +got):\n%s", diff)
	}
}

// An oil benchmark's name is no name anywhere in an article that names a
// benchmark as the crude in any of its strings (internal/entity's
// dropProducts decides, for each string; Article.Entities reads them
// together).
func TestArticleBenchmarks(t *testing.T) {
	tests := []struct {
		why  string
		a    Article
		want []fieldMention // the names (PERSON, ORG, LOCATION, NORP)
	}{
		{"the crude in one paragraph is the crude in the others, WTI with Brent",
			Article{Title: "Oil Falls on Demand Fears", Paragraphs: []string{
				"Brent crude futures fell 1% on Tuesday.",
				"Brent rose to $80 a barrel last week.",
				"WTI fell 1%, and Brent lost 2% this month, traders in London said.",
			}},
			[]fieldMention{{fieldParagraphs, 2, "London", LOCATION, "London"}}},
		{"the standfirst names the crude for the headline and the body",
			Article{Title: "Brent Slips", Description: "Prices of benchmark Brent fell for a third day.", Paragraphs: []string{"Brent has lost 6% this month."}},
			nil},
		{"negative: nothing names the crude, so the names stay as the tagger and the rules read them",
			Article{Title: "Actors Return", Paragraphs: []string{"Brent Spiner said he would return. WTI fell 1%."}},
			[]fieldMention{{fieldParagraphs, 0, "Brent Spiner", PERSON, "Brent Spiner"}, {fieldParagraphs, 0, "WTI", ORG, "WTI"}}},
	}
	for _, tt := range tests {
		var got []fieldMention
		for _, m := range mentionsIn(t, tt.a, fieldTitle, fieldDescription, fieldParagraphs) {
			if isNameType(m.Type) {
				got = append(got, m)
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.why, diff)
		}
	}
}

// A surname that is also a place is the person where the words around it
// say so, in whatever string of the article the full name stands, and the
// place where they say that.
func TestArticleSurnamesInContext(t *testing.T) {
	para := func(i int, text string, typ EntityType, value string) fieldMention {
		return fieldMention{fieldParagraphs, i, text, typ, value}
	}
	a := Article{Title: "Bulls Beat Knicks", Paragraphs: []string{
		"Michael Jordan scored 30 points on Sunday.",
		"Jordan said he was tired.",
		"Jordan reopened its border with Syria on Monday.",
		"Jordan's mother watched from the stands.",
	}}
	want := []fieldMention{
		para(0, "Michael Jordan", PERSON, "Michael Jordan"),
		para(1, "Jordan", PERSON, "Michael Jordan"), // the tagger's country, in a paragraph of its own
		para(2, "Jordan", LOCATION, "Jordan"),
		para(2, "Syria", LOCATION, "Syria"),
		para(3, "Jordan", PERSON, "Michael Jordan"),
	}
	var got []fieldMention
	for _, m := range mentionsIn(t, a, fieldParagraphs) {
		if isNameType(m.Type) {
			got = append(got, m)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// surnamesInContext, on mentions set by hand (whatever the tagger reads):
// a one-word place no list knows that is the surname of a person named in
// full is that person; a known place, an organisation, or a name with
// words around it that say it is a place are left alone.
func TestSurnamesInContextUnknownPlace(t *testing.T) {
	mk := func(typ EntityType, text string, ctx entity.Type) found {
		return found{m: Mention{Field: fieldParagraphs, Text: text}, e: Entity{Type: typ, Text: text, Value: text}, ctx: ctx}
	}
	all := []found{
		mk(PERSON, "Antony Blinken", ""),
		mk(PERSON, "Gautam Adani", ""),
		mk(PERSON, "Michael Jordan", ""),
		mk(LOCATION, "Blinken", ""),              // "met Blinken": no list knows a place Blinken
		mk(ORG, "Adani", ""),                     // "Shares of Adani": the company
		mk(LOCATION, "Jordan", ""),               // a country of the lists
		mk(LOCATION, "Blinken", entity.Location), // the words around it say place
		mk(ORG, "Adani", entity.Person),          // the words around it say person
	}
	surnamesInContext(all, surnameIndex(all))
	var got []EntityType
	for _, f := range all[3:] {
		got = append(got, f.e.Type)
	}
	want := []EntityType{PERSON, ORG, LOCATION, LOCATION, PERSON}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("types of Blinken, Adani, Jordan, Blinken (place context), Adani (person context) (-want +got):\n%s", diff)
	}
}

// TestOrgRecallNews scores the ORG entities of ExtractEntities on
// hand-written news sentences (testdata/orgs_news.tsv): companies, banks,
// utilities, agencies, armed forces, parties and clubs as wire copy names
// them, many at a sentence's start ("National Grid said"). The floors are
// the figures reached (recall 92.0, precision 96.3 once a gazetteer name
// takes over the entity it starts with; 91.1 and 96.2 with the tagger's
// weights the mean of five runs; 90.2 and 95.3 with its word clusters;
// 85.7 and 96.0 before them, 83.0 and 95.9 before the context
// rules of issue 16's news_dev work); before the name-suggestion-index
// list and its rules they were 56.2 and 87.5.
func TestOrgRecallNews(t *testing.T) {
	const recallFloor, precisionFloor = 91.9, 96.0
	var tp, gold, pred int
	for _, ss := range readSentenceSet(t, "testdata/orgs_news.tsv") {
		text, names := ss.text, ss.gold
		want := map[string]int{}
		for _, n := range strings.Split(names, "|") {
			if n != "" {
				want[n]++
				gold++
			}
		}
		var got []string
		for _, e := range ExtractEntities(text) {
			if e.Type != ORG {
				continue
			}
			pred++
			got = append(got, e.Text)
			if want[e.Text] > 0 {
				want[e.Text]--
				tp++
			}
		}
		for n, c := range want {
			if c > 0 {
				t.Logf("missed %q in %q (found %q)", n, text, got)
			}
		}
	}
	recall, precision := 100*float64(tp)/float64(gold), 100*float64(tp)/float64(pred)
	t.Logf("ORG recall %d/%d = %.1f, precision %d/%d = %.1f", tp, gold, recall, tp, pred, precision)
	if recall < recallFloor || precision < precisionFloor {
		t.Errorf("ORG recall %.1f, precision %.1f: below the floors %.1f, %.1f", recall, precision, recallFloor, precisionFloor)
	}
}
