package entity

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCasedHeadline(t *testing.T) {
	for _, tt := range []struct {
		title string
		want  bool
	}{
		{"Jordan Reopens Aqaba Port After Houthi Drone Strikes", true}, // Title Case
		{"Israel, Hamas Reach Ceasefire Agreement Designed to End 15-Month Gaza War, Official Says", true},
		{"Why the Dam Matters", true},                      // small words do not count
		{"JORDAN REOPENS AQABA PORT", true},                // capitals
		{"Talks Resume in Geneva", true},                   // short, still Title Case
		{"Hunter diagnosed with plague in Beijing", false}, // sentence case
		{"Private lander sends first pictures from the lunar south pole", false},
		{"Taylor Swift is allowed to play her music at the AMAs after all", false},
		{"Geneva", false}, // one word says nothing
		{"", false},
	} {
		if got := CasedHeadline(tt.title); got != tt.want {
			t.Errorf("CasedHeadline(%q) = %v, want %v", tt.title, got, tt.want)
		}
	}
}

// KnownName is the evidence a headline's name needs when the body does
// not name it.
func TestKnownName(t *testing.T) {
	for _, tt := range []struct {
		name     string
		typ      Type
		capitals bool
		want     bool
		why      string
	}{
		{"Aqaba", Location, false, true, "a city the gazetteer holds"},
		{"Gaza Strip", Location, false, true, "a region of the news list"},
		{"US", Location, false, true, "a country alias"},
		{"Withhold Military", Location, false, false, "no place"},
		{"Supreme Court", Org, false, true, "an organisation word ends it"},
		{"NATO", Org, false, true, "known one-word organisation"},
		{"GCHQ", Org, false, true, "an acronym in a Title Case headline"},
		{"GCHQ", Org, true, false, "an acronym in a headline in capitals says nothing"},
		{"Google Bets", Org, false, false, "a verb after a company"},
		{"Kylie Jenner", Person, false, true, "a first name and a surname"},
		{"Michael Anastassiades", Person, false, false, "a first name and a surname no list knows: the body must name him"},
		{"Chip Glut", Person, false, false, "a first name before a noun"},
		{"Myles Garrett", Person, false, true, "a surname that is also a first name"},
		{"Jordan", Person, false, false, "one word is never enough"},
		{"Strategy Officer", Person, false, false, "no first name"},
		{"President Biden", Person, false, false, "a title is no first name"},
		{"Feather Duvet Lung", Person, false, false, "no first name"},
		{"Houthi", NORP, false, true, "a group word"},
		{"IN", Location, true, false, "a short word in capitals is a word"},
	} {
		if got := KnownName(tt.name, tt.typ, tt.capitals); got != tt.want {
			t.Errorf("%s: KnownName(%q, %s, %v) = %v, want %v", tt.why, tt.name, tt.typ, tt.capitals, got, tt.want)
		}
	}
}

func TestKnownPlaces(t *testing.T) {
	s := "Jordan Reopens Aqaba"
	want := []Entity{at(s, "Jordan", 0, Location, "Jordan"), at(s, "Aqaba", 0, Location, "Aqaba")}
	if diff := cmp.Diff(want, KnownPlaces(s, false), cmp.AllowUnexported(Entity{})); diff != "" {
		t.Errorf("KnownPlaces(%q) (-want +got):\n%s", s, diff)
	}
	// A compass word alone is no place; in capitals, neither is "IN".
	if got := KnownPlaces("North Meets IN", true); got != nil {
		t.Errorf("KnownPlaces: %+v, want none", got)
	}
}

func TestNameWord(t *testing.T) {
	for w, want := range map[string]bool{
		"America": true, "North": true, "Ministry": true, "Baghdad": true,
		"Bets": false, "Reopens": false, "Withhold": false,
	} {
		if got := NameWord(w); got != want {
			t.Errorf("NameWord(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestFirstNameBefore(t *testing.T) {
	for name, want := range map[string]bool{
		"Mark Esper": true, "Michael Anastassiades": true, // a known first name, then a name
		"Esper": false, "Chelsea Activate Release": false, // one word; a common word
		"President Esper": false, "Defense Secretary Esper": false, // titles
	} {
		if got := FirstNameBefore(name); got != want {
			t.Errorf("FirstNameBefore(%q) = %v, want %v", name, got, want)
		}
	}
}
