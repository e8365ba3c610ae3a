package newsdump

import (
	"bytes"
	"strings"
	"testing"
)

// TestNotRepaired checks that mojibake repair leaves legitimate text alone.
func TestNotRepaired(t *testing.T) {
	for _, s := range []string{
		"Zürich", "São Paulo", "SÃO PAULO", "Straße’s end", "the “CAFÉ” sign", "MÜNCHEN…",
		"ÉTÉ”", "Ålborg", "Œuvre", "Łódź", "Ελλάδα", "محمد شياع السوداني", "½ of ¼", "£40 or ¥6,000",
		"naïve façade", "Ñandú", "Ú—", "×—", "Ç’est", "Così…”", "perché…”", "é’’", "È–",
	} {
		var c lineCleaner
		got, _, err := c.clean([]byte(s))
		if err != nil || string(got) != s {
			t.Errorf("clean(%q) = %q, %v; want it unchanged", s, got, err)
		}
	}
}

func TestRepaired(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Blinkenâ€™s", "Blinken’s"},
		{"â€œQuoteâ€\u009d", "“Quote”"},
		{"Ã…lborg", "Ålborg"},
		{"Ã‰TÃ‰", "ÉTÉ"},
		{"ÅÃ³dÅº", "\uFFFDódź"}, // Ł's second byte (0x81) was lost: one U+FFFD marks it
		{"Å\u0081Ã³dÅº", "Łódź"},
		{"Ù…Ø\u00adÙ…Ø¯", "محمد"}, // the soft hyphen is the 0xAD of ح
		{"ðŸ˜€", "😀"},
		{"CafÃƒÂ©", "Café"}, // encoded three times
		{"Â\u00a0x", "x"},   // a double-encoded no-break space, then trimmed
	} {
		var c lineCleaner
		got, _, err := c.clean([]byte(tc.in))
		if err != nil || string(got) != tc.want {
			t.Errorf("clean(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

// TestRepairChain checks repair on a chain of "ƒ" after "Ã", which each
// layer of repair shortens by one (found by FuzzParse): whatever the
// length, cleaning gives a result that cleaning again leaves as it is.
func TestRepairChain(t *testing.T) {
	for k := 1; k <= 50; k++ {
		in := "Caf" + "Ã" + strings.Repeat("ƒ", k) + " au lait"
		var c lineCleaner
		got, _, err := c.clean([]byte(in))
		if err != nil {
			t.Fatal(err)
		}
		again, _, _ := c.clean(bytes.Clone(got))
		if string(again) != string(got) {
			t.Errorf("chain of %d: clean = %q, but cleaning it again gives %q", k, got, again)
		}
	}
}
