package entity

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNormalizeNumber(t *testing.T) {
	for _, tt := range []struct {
		num  string
		exp  int
		want string
	}{
		{"46000", 0, "46000"}, {"007", 0, "7"}, {"12.50", 0, "12.5"}, {"0", 0, "0"},
		{"1.8", 9, "1.8e9"}, {"46", 6, "4.6e7"}, {"0.5", 3, "5e2"}, {"0", 6, "0"},
	} {
		if got := normalizeNumber(tt.num, tt.exp); got != tt.want {
			t.Errorf("normalizeNumber(%q, %d) = %q, want %q", tt.num, tt.exp, got, tt.want)
		}
	}
}

func TestIsoDate(t *testing.T) {
	for _, tt := range []struct {
		y, m, d int
		want    string
	}{
		{2023, 11, 6, "2023-11-06"}, {2023, 10, 0, "2023-10"}, {2004, 0, 0, "2004"},
		{0, 10, 17, "--10-17"}, {0, 1, 0, "--01"},
	} {
		if got := isoDate(tt.y, tt.m, tt.d); got != tt.want {
			t.Errorf("isoDate(%d, %d, %d) = %q, want %q", tt.y, tt.m, tt.d, got, tt.want)
		}
	}
}

// canonicalPlace maps country aliases to one name, without allocating.
func TestCanonicalPlace(t *testing.T) {
	for in, want := range map[string]string{
		"US": "United States", "U.S.": "United States", "the United States": "United States",
		"Türkiye": "Turkey", "Côte d’Ivoire": "Côte d'Ivoire", "Baghdad": "Baghdad",
		"the Gaza Strip": "the Gaza Strip",
	} {
		if got := canonicalPlace(in); got != want {
			t.Errorf("canonicalPlace(%q) = %q, want %q", in, got, want)
		}
	}
	if n := testing.AllocsPerRun(10, func() { canonicalPlace("the United Kingdom") }); n != 0 {
		t.Errorf("canonicalPlace allocates %v times", n)
	}
}

// Surnames is the one surname index of ExtractEntities and
// Article.Entities.
func TestSurnames(t *testing.T) {
	var idx Surnames
	for _, name := range []string{"Blinken", "Antony Blinken", "Mohammed Shia al-Sudani", "Jane Smith", "John Smith", "Ann Lee-", "Antony Blinken"} {
		idx = AddSurname(idx, name)
	}
	want := Surnames{
		"Blinken":   {Last: "Antony Blinken"},
		"al-Sudani": {Last: "Mohammed Shia al-Sudani"},
		"Sudani":    {Last: "Mohammed Shia al-Sudani"},
		"Smith":     {Last: "John Smith", Many: true},
		"Lee-":      {Last: "Ann Lee-"},
	}
	if diff := cmp.Diff(want, idx); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for key, full := range map[string]string{"Blinken": "Antony Blinken", "Sudani": "Mohammed Shia al-Sudani", "Smith": "", "Lee": ""} {
		if got := idx.Full(key); got != full {
			t.Errorf("Full(%q) = %q, want %q", key, got, full)
		}
	}
	if idx := AddSurname(nil, "Blinken"); idx != nil {
		t.Errorf("one word: %v, want nil", idx)
	}
}

func TestWeekdayMonth(t *testing.T) {
	if d, ok := Weekday("sunday"); !ok || d != 0 {
		t.Errorf("Weekday(sunday) = %d, %v", d, ok)
	}
	if d, ok := Weekday("tuesday"); !ok || d != 2 {
		t.Errorf("Weekday(tuesday) = %d, %v", d, ok)
	}
	if _, ok := Weekday("tues"); ok {
		t.Error("Weekday(tues) found")
	}
	if Month("oct.") != 10 || Month("october") != 10 || Month("may") != 5 || Month("mayday") != 0 {
		t.Error("Month")
	}
}

// The word sets are read as m[word]: an entry set to false would be the
// same as no entry.
func TestWordSetsHoldNoFalse(t *testing.T) {
	for name, set := range map[string]map[string]bool{
		"nameConnectors": nameConnectors, "orgRoles": orgRoles, "knownOrgs": knownOrgs, "orgHeads": orgHeads,
		"notOrgAcronyms": notOrgAcronyms, "norpGroups": norpGroups, "placeNouns": placeNouns, "geoHeads": geoHeads,
		"datePrepositions": datePrepositions, "currencyWords": currencyWords,
	} {
		for w, ok := range set {
			if !ok {
				t.Errorf("%s[%q] is false", name, w)
			}
		}
	}
}
