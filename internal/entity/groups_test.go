package entity

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A word of both a country and a people ("Saudi", "Thai") is a
// nationality word, NORP, as every demonym is ("Iraqi"), but where it is
// the country's name (isDemonymAt).
func TestNationalityWords(t *testing.T) {
	norp := func(s string) vspan { return vspan{NORP, s, s} }
	loc := func(s, v string) vspan { return vspan{Location, s, v} }
	for _, tt := range []struct {
		text string
		want []vspan
		why  string
	}{
		{"Saudi officials said output would rise.", []vspan{norp("Saudi")}, "an adjective before a noun (before: a LOCATION)"},
		{"The Saudi energy minister spoke.", []vspan{norp("Saudi")}, "the same inside a noun phrase (before: a LOCATION)"},
		{"Iraqi officials said output would rise.", []vspan{norp("Iraqi")}, "a demonym that is no country, as before"},
		{"Saudi Crown Prince Mohammed bin Salman met the envoy.", []vspan{norp("Saudi"), {Person, "Mohammed bin Salman", "Mohammed bin Salman"}},
			"before a title (before: a LOCATION)"},
		{"The Saudi-led coalition struck Sanaa.", []vspan{norp("Saudi"), loc("Sanaa", "Sanaa")}, "in a compound adjective"},
		{"Saudi, Iraqi and Kuwaiti ministers met.", []vspan{norp("Saudi"), norp("Iraqi"), norp("Kuwaiti")}, "a list of nationalities"},
		{"Thai police arrested two men.", []vspan{norp("Thai")}, "another word of both lists with a plural of people (Thais)"},
		{"The Saudis said output would rise.", []vspan{norp("Saudis")}, "the plural, as before"},
		{"He moved to Saudi in 2019.", []vspan{loc("Saudi", "Saudi Arabia")}, "negative: the country's name after a preposition, nothing after it to qualify"},
		{"Saudi's output rose in March.", []vspan{loc("Saudi", "Saudi Arabia")}, "negative: a possessive: the country"},
		{"The deal between Saudi and Iran was signed.", []vspan{loc("Saudi", "Saudi Arabia"), loc("Iran", "Iran")}, "negative: the country, with another"},
		{"Greenland officials said the ice was thinning.", []vspan{loc("Greenland", "Greenland")},
			"negative: a place's own name that a demonym list holds too has no plural of people: still the place"},
		{"Saudi Arabia raised prices.", []vspan{loc("Saudi Arabia", "Saudi Arabia")}, "negative: the country's full name"},
	} {
		var x Extractor
		var got []vspan
		for _, e := range x.Extract(tt.text, nil) {
			switch e.Type {
			case Person, Org, Location, NORP:
				got = append(got, vspan{e.Type, e.Text, e.Value})
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: %q (-want +got):\n%s", tt.why, tt.text, diff)
		}
	}
}
