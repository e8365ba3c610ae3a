package entity

import "testing"

func TestIsBenchmark(t *testing.T) {
	for _, tt := range []struct {
		text, name string
		want       bool
	}{
		{"Brent crude rose 2% on Monday.", "Brent", true},
		{"Brent futures fell, and Brent settled at $80.", "Brent", true}, // every mention once one says so
		{"Oil prices rose, with benchmark Brent up 1%.", "Brent", true},
		{"WTI crude fell 1%.", "WTI", true},
		{"Brent Spiner played Data.", "Brent", false},       // a person
		{"Brent said the crude was cheap.", "Brent", false}, // no benchmark noun right after
		{"Kent crude is no benchmark.", "Kent", false},      // not a benchmark name
	} {
		if got := IsBenchmark(tt.text, tt.name); got != tt.want {
			t.Errorf("IsBenchmark(%q, %q) = %v, want %v", tt.text, tt.name, got, tt.want)
		}
	}
}
