package mojibake

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestTables checks the code-page tables against x/text: every byte of
// each code page stands for the character charmap gives it (the character
// of the same value where it gives none), that character encodes back to
// the byte, and its roles are those of the byte in UTF-8.
func TestTables(t *testing.T) {
	for c := codePage(0); c < numCodePages; c++ {
		bit := uint8(1) << c
		for b := 0x80; b < 0x100; b++ {
			r := charmaps[c].DecodeByte(byte(b))
			if r == utf8.RuneError {
				r = rune(b)
			}
			if highChars[c][b-0x80] != r {
				t.Fatalf("code page %d, byte %02X: %U, want %U", c, b, highChars[c][b-0x80], r)
			}
			info := infoOf(r)
			if info == nil || info.bytes[c] != byte(b) || info.roles.field(imageShift)&bit == 0 {
				t.Fatalf("code page %d: %U does not encode to %02X", c, r, b)
			}
			ro := info.roles
			want := map[int]bool{
				contShift:  b < 0xC0,
				lead2Shift: 0xC2 <= b && b <= 0xDF,
				lead3Shift: 0xE0 <= b && b <= 0xEF,
				lead4Shift: 0xF0 <= b && b <= 0xF4,
			}
			for shift, w := range want {
				if got := ro.field(shift)&bit != 0; got != w {
					t.Errorf("code page %d, %U (%02X): role %d is %v, want %v", c, r, b, shift, got, w)
				}
			}
		}
	}
	// Windows-1252 stands for Latin-1 too: its C1 controls are its bytes.
	for r := rune(0x80); r < 0xA0; r++ {
		if info := infoOf(r); info == nil || info.bytes[cp1252] != byte(r) {
			t.Errorf("%U is not byte %02X of Windows-1252", r, r)
		}
	}
}

// decode appends to dst the text of src read in code page c: the
// mojibake of src, when src is UTF-8. A byte the code page leaves
// undefined becomes the character of the same value (a C1 control for
// 0x80 to 0x9F), as browsers read Windows-1252: that is what mojibake
// holds, and it loses no byte.
func decode(dst, src []byte, c codePage) []byte {
	for _, b := range src {
		if b < utf8.RuneSelf {
			dst = append(dst, b)
			continue
		}
		dst = utf8.AppendRune(dst, highChars[c][b-0x80])
	}
	return dst
}

// TestRoundTrip checks that words of many languages, read in each code
// page, come back.
func TestRoundTrip(t *testing.T) {
	words := []string{"été", "Straße’s", "“quoted”", "Kraków", "Łódź", "dřevo", "žmonės", "дороге", "Ελλάδα", "東京", "😀", "naïve café"}
	var f Fixer
	for c := codePage(0); c < numCodePages; c++ {
		for _, w := range words {
			m := decode(nil, []byte(w), c)
			if got := string(f.Fix(m)); got != w {
				t.Errorf("code page %d: Fix(%q) = %q, want %q", c, m, got, w)
			}
		}
	}
}

// TestFix checks repair in each code page, and correct text of the same
// shapes left alone. The root package's TestMojibake has the full table.
func TestFix(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// Mojibake, in each code page.
		{"Ã©tÃ©", "été"},                        // Windows-1252
		{"Ã©t\u00c3\u00a9", "été"},              // the same, spelled out
		{"â\u0080\u0099", "’"},                  // Latin-1 (C1 controls), read as Windows-1252
		{"РґРѕСЂРѕРіРµ", "дороге"},              // Windows-1251
		{"√©t√©", "été"},                        // MacRoman
		{"ĂŠtĂŠ", "été"},                        // ISO-8859-2
		{"dĹ™evo", "dřevo"},                     // Windows-1250
		{"Ć©tĆ©", "été"},                        // Windows-1257
		{"├⌐t├⌐", "été"},                        // code page 437
		{"Ã\u0083Â©tÃ\u0083Â©", "été"},          // two layers of Windows-1252
		{"â€œoffâ€\uFFFD", "“off”"},             // a lost byte at the end of a quotation
		{"Ã s vezes", "às vezes"},               // a space for 0xA0
		{"x\u0085", "x…"},                       // a C1 control read as Windows-1252
		{"\u0081", "\u0081"},                    // but not one Windows-1252 leaves undefined
		{"naïve and naÃ¯ve", "naïve and naïve"}, // a line that is part mojibake
		// Correct text whose characters stand for UTF-8 in some code page.
		{"SOCIÉTÉ®", ""},      // É® would be ɮ
		{"Рік", ""},           // Windows-1251 for "гк"
		{"l’été", ""},         // MacRoman for "lՎté"
		{"„З“", ""},           // Windows-1251 for "„Ǔ"
		{"├┤a┼┐a", ""},        // code page 437 for "ôaſa"
		{"pĂĽ", "på"},         // ISO-8859-2 and Windows-1250 read it alike: ISO-8859-2 wins
		{"IRMÃ E IRMÃO", ""},  // Portuguese
		{"3×£20", ""},         // a multiplication
		{"o\u00a0účelu", ""},  // a no-break space after a Czech preposition
		{"В\u00a0Москве", ""}, // and after a Russian one
	} {
		want := tc.want
		if want == "" {
			want = tc.in
		}
		var f Fixer
		if got := string(f.Fix([]byte(tc.in))); got != want {
			t.Errorf("Fix(%q) = %q, want %q", tc.in, got, want)
		}
	}
}

// TestFixProperties checks what Fix promises on random text made of the
// pieces mojibake is made of: valid UTF-8 out, a second repair changes
// nothing, and text that Suspect clears is left as it is.
func TestFixProperties(t *testing.T) {
	pieces := []string{"a", "é", "Ã", "©", "â", "€", "™", "Â", " ", "Р", "С", "ґ", "ѕ", "√", "Ă", "Ł", "ł", "Ĺ",
		"├", "╝", "’", "“", "”", "…", "\u0085", "\u0093", "\u0081", "\uFFFD", "\u00a0", "\u00ad", "中", "ð", "Ÿ", "˜", "×", "—", "Ð", "Ñ"}
	rng := rand.New(rand.NewPCG(1, 2))
	var f, g Fixer
	for n := 0; n < 100000; n++ {
		var b strings.Builder
		for k := rng.IntN(10); k > 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		in := []byte(b.String())
		out := string(f.Fix(in))
		if !utf8.ValidString(out) {
			t.Fatalf("Fix(%q) = %q: not UTF-8", in, out)
		}
		if !Suspect(in) && out != string(in) {
			t.Fatalf("Fix(%q) = %q, but Suspect said there was nothing to repair", in, out)
		}
		// Repair does not compose characters: that is NFC's, after it.
		again := string(g.Fix([]byte(norm.NFC.String(out))))
		if again != norm.NFC.String(out) && Suspect([]byte(out)) == Suspect([]byte(norm.NFC.String(out))) {
			t.Fatalf("Fix(%q) = %q, but repairing that again gives %q", in, out, again)
		}
	}
}

// TestStartsASCII checks the shortcut of the fast path: no character
// followed by ASCII other than a space starts mojibake.
func TestStartsASCII(t *testing.T) {
	for r := rune(0xA0); r < 0x10000; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		for _, rest := range []string{"", "a", ".", "\n"} {
			if Starts(r, []byte(rest)) {
				t.Errorf("Starts(%U, %q) = true", r, rest)
			}
		}
	}
}

// TestCost checks the table of unlikely sequences on a few texts: real
// text costs less than minCost, mojibake of it much more.
func TestCost(t *testing.T) {
	var sc scorer
	for _, s := range []string{"café", "Zürich", "дороге", "Ελλάδα", "naïve", "l’été", "東京", "„З“", "Straße’s"} {
		if c := sc.cost([]rune(s)); c >= minCost {
			t.Errorf("cost(%q) = %d, want below %d", s, c, minCost)
		}
	}
	for _, s := range []string{"cafÃ©", "ZÃ¼rich", "РґРѕСЂРѕРіРµ", "Î•Î»Î»Î¬Î´Î±", "naÃ¯ve", "lâ€™Ã©tÃ©", "æ\u009d±äº¬", "cafГ©", "caf√©"} {
		if c := sc.cost([]rune(s)); c < minCost+margin {
			t.Errorf("cost(%q) = %d, want at least %d", s, c, minCost+margin)
		}
	}
}

// FuzzFix checks Fix on any text: no panic, UTF-8 out, text Suspect clears
// left as it is, and a second repair of the result changing nothing.
func FuzzFix(f *testing.F) {
	for _, s := range []string{"cafÃ©", "РґРѕСЂРѕРіРµ", "√©", "â€\uFFFD", "Ã s", "\u0085", "SOCIÉTÉ®", "Ã\u0083Â©"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		if !utf8.Valid(in) {
			return
		}
		var fx, again Fixer
		out := append([]byte(nil), fx.Fix(in)...)
		if !utf8.Valid(out) {
			t.Fatalf("Fix(%q) = %q: not UTF-8", in, out)
		}
		if !Suspect(in) && string(out) != string(in) {
			t.Fatalf("Fix(%q) = %q, but Suspect cleared it", in, out)
		}
		if second := again.Fix(out); string(second) != string(out) {
			t.Fatalf("Fix(%q) = %q, but repairing that again gives %q", in, out, second)
		}
	})
}

// BenchmarkSuspect is the cost of the test every line that is not plain
// pays, on a line of Cyrillic, whose letters all stand for UTF-8 bytes in
// Windows-1251.
func BenchmarkSuspect(b *testing.B) {
	line := []byte(strings.Repeat("Президент России заявил, что «переговоры» продолжатся. ", 4))
	b.SetBytes(int64(len(line)))
	for range b.N {
		if Suspect(line) {
			b.Fatal("suspect")
		}
	}
}

// BenchmarkFix repairs a line of Windows-1252 mojibake.
func BenchmarkFix(b *testing.B) {
	line := []byte(strings.Repeat("Le barÃ¨me de lâ€™Ã©valuation a Ã©tÃ© publiÃ©. ", 4))
	b.SetBytes(int64(len(line)))
	b.ReportAllocs()
	var f Fixer
	for range b.N {
		f.Fix(line)
	}
}
