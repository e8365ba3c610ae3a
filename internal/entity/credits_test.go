package entity

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// at builds the entity expected for the first occurrence of sub in s at
// or after byte from.
func at(s, sub string, from int, typ Type, value string) Entity {
	i := strings.Index(s[from:], sub)
	if i < 0 {
		panic(sub + " not in " + s)
	}
	return Entity{Text: sub, Type: typ, Start: from + i, End: from + i + len(sub), Value: value}
}

// Photo credits in the styles of the samples and of page text: agencies
// are ORG, photographers PERSON, labels and fillers nothing, offsets into
// the credit.
func TestCredit(t *testing.T) {
	tests := []struct {
		why    string
		credit string
		want   func(s string) []Entity
	}{
		{"the samples' AP style: the agency and its photographer", "AP Photo/Osamah Abdulrahman", func(s string) []Entity {
			return []Entity{at(s, "AP", 0, Org, "AP"), at(s, "Osamah Abdulrahman", 0, Person, "Osamah Abdulrahman")}
		}},
		{"the samples' AFP style: a handout's source is an organisation", "Photo by Iranian Presidency / AFP", func(s string) []Entity {
			return []Entity{at(s, "Iranian Presidency", 0, Org, "Iranian Presidency"), at(s, "AFP", 0, Org, "AFP")}
		}},
		{"AFP writes surnames in capitals", "Photo by Jaafar ASHTIYEH / AFP", func(s string) []Entity {
			return []Entity{at(s, "Jaafar ASHTIYEH", 0, Person, "Jaafar ASHTIYEH"), at(s, "AFP", 0, Org, "AFP")}
		}},
		{"an ABC style with a colon; Pool is a filler", "Reuters: Layla Nasser/Pool", func(s string) []Entity {
			return []Entity{at(s, "Reuters", 0, Org, "Reuters"), at(s, "Layla Nasser", 0, Person, "Layla Nasser")}
		}},
		{"an agency of two words, alone", "Getty Images", func(s string) []Entity {
			return []Entity{at(s, "Getty Images", 0, Org, "Getty Images")}
		}},
		{"a label with a colon, and an organisation by its suffix", "Image Credit: Lunar Freight Inc.", func(s string) []Entity {
			return []Entity{at(s, "Lunar Freight Inc.", 0, Org, "Lunar Freight Inc.")}
		}},
		{"US papers: name, agency; File is a filler", "AP Photo/Alan Diaz, File", func(s string) []Entity {
			return []Entity{at(s, "AP", 0, Org, "AP"), at(s, "Alan Diaz", 0, Person, "Alan Diaz")}
		}},
		{"via joins two agencies; the value is the usual name", "AFP via Getty", func(s string) []Entity {
			return []Entity{at(s, "AFP", 0, Org, "AFP"), at(s, "Getty", 0, Org, "Getty Images")}
		}},
		{"capitals: the agency keeps its usual spelling as value", "REUTERS / POOL", func(s string) []Entity {
			return []Entity{at(s, "REUTERS", 0, Org, "Reuters")}
		}},
		{"copyright sign, acronyms and an initial", "© NASA/ESA/K. Retherford/SWRI", func(s string) []Entity {
			return []Entity{at(s, "NASA", 0, Org, "NASA"), at(s, "ESA", 0, Org, "ESA"), at(s, "K. Retherford", 0, Person, "K. Retherford"), at(s, "SWRI", 0, Org, "SWRI")}
		}},
		{"a dash with spaces around it parts; Contributor is a filler", "Getty - Contributor", func(s string) []Entity {
			return []Entity{at(s, "Getty", 0, Org, "Getty Images")}
		}},
		{"a hyphen inside a name does not part it; accents are letters", "Photo by Ângela Côrte-Real / AFP", func(s string) []Entity {
			return []Entity{at(s, "Ângela Côrte-Real", 0, Person, "Ângela Côrte-Real"), at(s, "AFP", 0, Org, "AFP")}
		}},
		{"a photographer for a newspaper: the paper without its 'The'", "Jane Okoro for The New York Times", func(s string) []Entity {
			return []Entity{at(s, "Jane Okoro", 0, Person, "Jane Okoro"), at(s, "New York Times", 0, Org, "New York Times")}
		}},
		{"an organisation that starts with a number, and a photographer in capitals", "STEVE OKAFOR/SCIENCE PHOTO LIBRARY", func(s string) []Entity {
			return []Entity{at(s, "STEVE OKAFOR", 0, Person, "STEVE OKAFOR"), at(s, "SCIENCE PHOTO LIBRARY", 0, Org, "Science Photo Library")}
		}},
		{"a company the lists know", "SpaceX", func(s string) []Entity {
			return []Entity{at(s, "SpaceX", 0, Org, "SpaceX")}
		}},
		{"a copyright's year is no part of the name", "© 2024 Jane Okoro", func(s string) []Entity {
			return []Entity{at(s, "Jane Okoro", 0, Person, "Jane Okoro")}
		}},
		{"an organisation whose head word comes first", "Ministry of Defence/PA Wire", func(s string) []Entity {
			return []Entity{at(s, "Ministry of Defence", 0, Org, "Ministry of Defence"), at(s, "PA Wire", 0, Org, "PA Wire")}
		}},
		{"a title word after a first name is a surname", "Amira Sultan/EPA", func(s string) []Entity {
			return []Entity{at(s, "Amira Sultan", 0, Person, "Amira Sultan"), at(s, "EPA", 0, Org, "EPA")}
		}},
		{"a hyphenated agency, a photographer in capitals", "EPA-EFE/KARIM BADRAN", func(s string) []Entity {
			return []Entity{at(s, "EPA-EFE", 0, Org, "EPA-EFE"), at(s, "KARIM BADRAN", 0, Person, "KARIM BADRAN")}
		}},
		{"a state agency's handout distributed by an agency", "Saudi Press Agency/Handout via REUTERS", func(s string) []Entity {
			return []Entity{at(s, "Saudi Press Agency", 0, Org, "Saudi Press Agency"), at(s, "REUTERS", 0, Org, "Reuters")}
		}},
		{"negative: one unknown word is neither", "Tyvak", func(string) []Entity { return nil }},
		{"negative: a word in capitals that no list knows", "EXPRESS", func(string) []Entity { return nil }},
		{"negative: a mixed-case word is no agency (elektronische Patientenakte)", "ePA", func(string) []Entity { return nil }},
		{"negative: a caption read as a credit names no photographer", "Europa, Mysterious Icy Moon of Jupiter", func(string) []Entity { return nil }},
		{"negative: common words are no name", "All About Space", func(string) []Entity { return nil }},
		{"negative: labels and fillers alone", "Handout / File photo", func(string) []Entity { return nil }},
		{"negative: empty", "", func(string) []Entity { return nil }},
	}
	for _, tt := range tests {
		got := Credit(tt.credit)
		if diff := cmp.Diff(tt.want(tt.credit), got, cmp.AllowUnexported(Entity{})); diff != "" {
			t.Errorf("%s: Credit(%q) (-want +got):\n%s", tt.why, tt.credit, diff)
		}
		for _, e := range got {
			if tt.credit[e.Start:e.End] != e.Text {
				t.Errorf("Credit(%q): %+v does not point at its text", tt.credit, e)
			}
		}
	}
}

func TestAgency(t *testing.T) {
	for _, tt := range []struct {
		name, want string
		ok         bool
	}{
		{"Reuters", "Reuters", true}, {"REUTERS", "Reuters", true}, {"reuters", "Reuters", true},
		{"getty", "Getty Images", true}, {"iStock", "iStock", true}, {"EPA", "EPA", true},
		{"ePA", "", false}, {"Epa", "", false}, {"Daily Planet", "", false},
	} {
		if got, ok := Agency(tt.name); got != tt.want || ok != tt.ok {
			t.Errorf("Agency(%q) = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}
