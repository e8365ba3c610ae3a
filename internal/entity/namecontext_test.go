package entity

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A one-word name that is the surname of a person named in full in the
// text, and also a place, is what the words around it make it
// (surnamesInContext); without such words it keeps its type.
func TestSurnamesInContext(t *testing.T) {
	per := func(s, v string) vspan { return vspan{Person, s, v} }
	loc := func(s string) vspan { return vspan{Location, s, s} }
	mj := per("Michael Jordan", "Michael Jordan")
	jordan := per("Jordan", "Michael Jordan")
	for _, tt := range []struct {
		text string
		want []vspan
		why  string
	}{
		{"Michael Jordan scored 30 points. Jordan said he was tired.", []vspan{mj, jordan},
			"the issue's case: a verb of speech and 'he' after the surname (before: the country)"},
		{"Michael Jordan scored 30 points. Jordan told reporters he was tired.", []vspan{mj, jordan}, "told ... he"},
		{"Michael Jordan scored 30 points. \"I was tired,\" Jordan said.", []vspan{mj, jordan}, "a quotation's speaker"},
		{"Michael Jordan scored 30 points. Jordan, 35, added that the team was tired.", []vspan{mj, jordan}, "an age in apposition"},
		{"Michael Jordan scored 30 points. Jordan, who was tired, left early.", []vspan{mj, jordan}, "', who'"},
		{"Michael Jordan scored 30 points. Jordan's mother watched the game.", []vspan{mj, jordan}, "a possessive before what only people have"},
		{"Tony Chad spoke first. Chad said he was tired.", []vspan{per("Tony Chad", "Tony Chad"), per("Chad", "Tony Chad")}, "any country that is a surname"},
		{"Michael Jordan scored 30 points on Sunday. Jordan reopened its border with Syria on Monday.", []vspan{mj, loc("Jordan"), loc("Syria")},
			"negative: 'its' makes it the country, though the surname of the text's person (before: a PERSON)"},
		{"Michael Jordan visited Amman. Jordan said it would reopen its border.", []vspan{mj, loc("Amman"), loc("Jordan")},
			"negative: 'its' before any person's pronoun, though a verb of speech follows"},
		{"Michael Jordan visited Amman. In Jordan, fans lined the streets.", []vspan{mj, loc("Amman"), loc("Jordan")}, "negative: 'in' before it"},
		{"Michael Jordan scored 30 points. Jordan's government said the border would reopen.", []vspan{mj, loc("Jordan")},
			"negative: a possessive before what places have"},
		{"Jordan said he was tired.", []vspan{loc("Jordan")}, "negative: no person of that surname in the text, so the tagger's country stays"},
		{"Paris Hilton arrived. Paris said she was tired.", []vspan{per("Paris Hilton", "Paris Hilton"), loc("Paris")},
			"negative: a first name is no surname; the rule is about surnames"},
	} {
		var x Extractor
		var got []vspan
		for _, e := range x.Extract(tt.text, nil) {
			if e.Type == Person || e.Type == Org || e.Type == Location {
				got = append(got, vspan{e.Type, e.Text, e.Value})
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: %q (-want +got):\n%s", tt.why, tt.text, diff)
		}
	}
}

// vspan is an entity's type, text and value.
type vspan struct {
	Type        Type
	Text, Value string
}

// nameContext reads the words around a one-word name, for
// Article.Entities too (Entity.Context).
func TestNameContext(t *testing.T) {
	for _, tt := range []struct {
		text string
		want Type
	}{
		{"Jordan said he was tired.", Person},
		{"Jordan told reporters on Sunday that the team was tired.", Person},
		{"“I was tired,” said Jordan.", Person},
		{"Jordan's wife was there.", Person},
		{"Jordan, 35, was there.", Person},
		{"Jordan said it would reopen its border.", Location},
		{"Jordan's King Abdullah spoke.", Location},
		{"Fans in Jordan cheered.", Location},
		{"Jordan reopened the border.", ""},
		{"Jordan said Syria had closed its border.", Person}, // "its" follows another name: the verb decides
	} {
		var x Extractor
		x.Extract(tt.text, nil)
		var got Type = "none"
		for _, e := range x.ents {
			if e.Text == "Jordan" {
				got = e.Context
			}
		}
		if got != tt.want {
			t.Errorf("%q: Context of Jordan = %q, want %q", tt.text, got, tt.want)
		}
	}
}
