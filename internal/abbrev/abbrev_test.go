package abbrev

import "testing"

func TestClassOf(t *testing.T) {
	for w, want := range map[string]Class{
		"Mr": Title, "BRIG": Title, "cpt": Title, "hon": Title, "Oct": Other, "co": Other,
		"No": Numeric, "pp": Numeric, "n°": Numeric, "the": 0, "": 0, "abbreviation": 0,
	} {
		if got := ClassOf(w); got != want {
			t.Errorf("ClassOf(%q) = %d, want %d", w, got, want)
		}
	}
}

// The tokenizer glues the period of its own subset of the table only (see
// the package comment).
func TestGlued(t *testing.T) {
	for w, want := range map[string]bool{
		"Mr": true, "Gen": true, "oct": true, "No": true, "St": true,
		"cpt": false, "Hon": false, "art": false, "la": false, "the": false,
	} {
		if got := Glued(w); got != want {
			t.Errorf("Glued(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestIsDotted(t *testing.T) {
	for w, want := range map[string]bool{
		"U.S": true, "U.S.A": true, "a.m": true, "Ph.D": true, "6.2.1": true, "1.2.A": true,
		"U": false, "US": false, "U.": false, ".S": false, "U..S": false, "Abc.D": false,
		"12.3": false, "1a.b": false, "U.2S": false, "É.U": false,
	} {
		if got := IsDotted(w); got != want {
			t.Errorf("IsDotted(%q) = %v, want %v", w, got, want)
		}
	}
}
