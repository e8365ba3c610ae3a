// Package entity holds the rules of newsdump's entity extraction, and their
// word lists: it turns the labels of the statistical tagger of
// internal/ner into PERSON, ORG and LOCATION entities and corrects them
// (titles, surnames, organisations and places the tagger misses), and
// finds nationalities and other groups (NORP), dates and numbers by rules
// alone. Package newsdump exports the results as ExtractEntities and
// Article.Entities, whose doc says the annotation conventions the rules
// follow (titles outside people, organisations' names whole, countries as
// teams in sports, events no names).
package entity

import (
	"slices"
	"strings"

	"github.com/newsdump/newsdump/internal/ner"
)

// Type is the kind of an [Entity]; the values are those of
// newsdump.EntityType.
type Type string

// The entity types (see newsdump.EntityType).
const (
	Person   Type = "PERSON"
	Org      Type = "ORG"
	Location Type = "LOCATION"
	NORP     Type = "NORP"
	Date     Type = "DATE"
	Number   Type = "NUMBER"
	Money    Type = "MONEY"
	Percent  Type = "PERCENT"
)

// Entity is one entity found in a text, with the fields of
// newsdump.Entity.
type Entity struct {
	Text  string // exactly the input's bytes [Start, End)
	Type  Type
	Start int // byte offset of the first byte
	End   int // byte offset after the last byte
	Value string

	// Context is what the words around a one-word PERSON, ORG or
	// LOCATION make it, Person or Location ("Jordan said he was tired",
	// "Jordan reopened its border"), or "" (see nameContext).
	Context Type

	// sure marks a type given by strong evidence (a legal form, an
	// acronym defined in parentheses, "shares of"): the text's other
	// mentions of the name take it (see consistentTypes).
	sure bool
}

// Extractor is the working memory of entity extraction, reused from text
// to text. The zero value is ready for use; an Extractor is not safe for
// concurrent use.
type Extractor struct {
	doc           ner.Doc
	labels        []uint8
	scratch       ner.Scratch
	inEntity      []bool               // the token is part of an entity already
	surnameHashes map[uint64]bool      // hashes of the last words of full PERSON names
	persons       Surnames             // see personNames
	votes         map[string]typeVotes // see consistentTypes
	orgFirst      map[string]int       // first word of an organisation's name → its entity
	crude         bool                 // the text names an oil benchmark as the crude (NamesCrude)
	nextNumber    []int                // see rulesDatesNumbers
	numberWords   []int8               // token i's value as a number word, or -1: see rulesDatesNumbers
	entityAt      []int32              // see entityIndex
	ofHeads       []int32              // see nextOfHead
	ofHeadsMade   bool                 // ofHeads is made for this text
	indexed       bool                 // entityAt is made for this call of orgRules
	ents          []Entity
}

// Extract finds the entities of text and returns them in text order,
// without overlaps. starts are the byte offsets where text's sentences
// start, from the sentence splitter (see ner.Doc.Starts). The result is
// the Extractor's own memory, valid until its next call.
func (x *Extractor) Extract(text string, starts []int) []Entity {
	x.extract(text, starts)
	return x.ents
}

func (x *Extractor) extract(text string, starts []int) {
	x.prepare(text, starts)
	if m, err := ner.DefaultModel(); err == nil {
		m.Tag(&x.doc, x.labels, &x.scratch)
	}
	x.applyRules()
}

// prepare resets the Extractor for text: its tokens, and labels all O.
func (x *Extractor) prepare(text string, starts []int) {
	x.ents = x.ents[:0]
	clear(x.surnameHashes)
	gaz := ner.DefaultGazetteer()
	d := &x.doc
	// Sentence starts from the splitter, which knows abbreviations such as
	// "Brig. Gen." and "Oct." that the tokenizer's own rule breaks at.
	d.Starts = starts
	d.Reset(text, gaz)
	x.ofHeadsMade = false
	n := len(d.Toks)
	x.inEntity = growSlice(x.inEntity, n)
	clear(x.inEntity)
	x.labels = growSlice(x.labels, n)
	clear(x.labels)
}

// applyRules turns the tagger's labels into entities, with the rules.
func (x *Extractor) applyRules() {
	text := x.doc.Text
	x.unmarkNameDense()
	x.joinParticles()
	x.acronymDefinitions()
	x.rulesDatesNumbers()
	x.names()
	x.norp()
	slices.SortFunc(x.ents, func(a, b Entity) int { return a.Start - b.Start })
	coordinatePlaces(text, x.ents)
	x.ents = mergeOrgOfPlace(text, x.ents)
	x.orgContexts()
	x.datelineAgencies()
	x.sportsTeams()
	x.ents = mergeClubCity(text, x.ents)
	x.consistentTypes()
	x.surnamesInContext()
	x.linkPersons()
	x.dropProducts()
}

func growSlice[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n, n+n/4)
}

// tokenText returns the text of token i.
func (x *Extractor) tokenText(i int) string {
	t := x.doc.Toks[i]
	return x.doc.Text[t.Start:t.End]
}

// lowBytes returns token i's lower-cased text (nil outside the text),
// for map look-ups with string(bytes) keys, which do not allocate.
func (x *Extractor) lowBytes(i int) []byte {
	if i < 0 || i >= len(x.doc.Toks) {
		return nil
	}
	o := x.doc.LowOff[i]
	return x.doc.Low[o[0]:o[1]]
}

// isConnector reports a lower-case name connector at token i.
func (x *Extractor) isConnector(i int) bool {
	o := x.doc.LowOff[i]
	return x.doc.Cls[i] == 'x' && nameConnectors[string(x.doc.Low[o[0]:o[1]])]
}

// lowIs compares token i's lower-cased text with s without allocating.
func (x *Extractor) lowIs(i int, s string) bool {
	if i < 0 || i >= len(x.doc.Toks) {
		return false
	}
	o := x.doc.LowOff[i]
	return string(x.doc.Low[o[0]:o[1]]) == s
}

// isPossessive reports "'s" at token k, with either apostrophe.
func (x *Extractor) isPossessive(k int) bool { return x.lowIs(k, "'s") || x.lowIs(k, "’s") }

func (x *Extractor) add(i, j int, typ Type, value string) {
	t := x.doc.Toks
	s, e := int(t[i].Start), int(t[j-1].End)
	x.ents = append(x.ents, Entity{Text: x.doc.Text[s:e], Type: typ, Start: s, End: e, Value: value})
	if typ == Person && j-i > 1 {
		x.noteSurname(j - 1)
	}
	for k := i; k < j; k++ {
		x.inEntity[k] = true
	}
}

// noteSurname records token k, the last word of a full PERSON name, as a
// surname (see surnameHashes).
func (x *Extractor) noteSurname(k int) {
	if x.surnameHashes == nil {
		x.surnameHashes = map[uint64]bool{}
	}
	x.surnameHashes[x.doc.Hash[k]] = true
}

func (x *Extractor) free(i, j int) bool {
	for k := i; k < j; k++ {
		if x.inEntity[k] {
			return false
		}
	}
	return true
}

// adjacent reports whether tokens i and i+1 touch (no space between).
func (x *Extractor) adjacent(i int) bool {
	t := x.doc.Toks
	return i >= 0 && i+1 < len(t) && t[i].End == t[i+1].Start
}

func (x *Extractor) isCap(i int) bool {
	return i >= 0 && i < len(x.doc.Toks) && x.doc.Cls[i] == 'X'
}

func (x *Extractor) has(i int, cls uint32) bool {
	return i >= 0 && i < len(x.doc.Toks) && x.doc.GazB[i]&cls != 0
}

func (x *Extractor) isAllCaps(i int) bool {
	if i < 0 || i >= len(x.doc.Toks) || x.doc.Cls[i] != 'X' {
		return false
	}
	t := x.tokenText(i)
	for k := 0; k < len(t); k++ {
		if t[k] >= 'a' && t[k] <= 'z' || t[k] >= 0x80 {
			return false
		}
	}
	return len(t) > 1
}

// tokenTextOrEmpty returns the text of token i, or "" outside the text.
func (x *Extractor) tokenTextOrEmpty(i int) string {
	if i < 0 || i >= len(x.doc.Toks) {
		return ""
	}
	return x.tokenText(i)
}

// trimThe removes a leading "the " (the tagger sometimes includes it).
func trimThe(text string) string {
	if len(text) > 4 && strings.EqualFold(text[:4], "the ") {
		return text[4:]
	}
	return text
}
