package newsdump

import (
	"bytes"
	"strings"
	"testing"
)

// mojibakeKind is one of the kinds of mojibake issue 17 names, for
// TestMojibake.
type mojibakeKind int

const (
	kindCorrect  mojibakeKind = iota // correct text whose bytes happen to form UTF-8, and mojibake of the same shape
	kindSpace                        // a space where a scraper turned the 0xA0 of "à" (or of a no-break space) into one
	kindCodePage                     // code pages other than Windows-1252, and layers of them
	kindLossy                        // bytes lost or replaced by U+FFFD on the way
	kindC1                           // C1 controls that stand for Windows-1252 characters
	kindMixed                        // correct text and mojibake in one line
	numKinds
)

var kindNames = [numKinds]string{"correct text", "space for 0xA0", "other code pages", "lossy", "C1 controls", "mixed lines"}

// mojibakeCases is the table of TestMojibake, written by hand: for each
// kind, text that is mojibake with what cleaning must make of it, and text
// of the same shape that is correct and must stay as it is (want "").
// Each says why.
var mojibakeCases = []struct {
	kind     mojibakeKind
	in, want string
}{
	{kindCorrect, "NÉGOCIÉ®", ""},                               // É® is the UTF-8 of ɮ, an IPA letter: a registered sign after a word in capitals is likelier
	{kindCorrect, "2×£15 a head", ""},                           // ×£ is the UTF-8 of Hebrew ף: between digits × is a multiplication
	{kindCorrect, "¿ESTÁS AHÍ¿", ""},                            // Í¿ would be Greek Ϳ; a question mark after a word in capitals is likelier
	{kindCorrect, "¡Qué linda, mamá´´!", ""},                    // á´´ would be ᴴ, a phonetic modifier; the acute accents stand for quotes
	{kindCorrect, "“¡VIVA EL PERÚ”", ""},                        // Ú” would be an Arabic letter after Latin ones
	{kindCorrect, "she sighed, “Zoë…”", ""},                     // ë…” would be a Hangul syllable inside a Latin word
	{kindCorrect, "«ACCIÓ»", ""},                                // Ó» would be a Cyrillic letter of Khanty after Latin ones
	{kindCorrect, "the ‘naïve…’ reading", ""},                   // ï…’ would be a private-use character
	{kindCorrect, "ÅHUS™", ""},                                  // Å™ would be ř: a trade mark after a Swedish name in capitals is as likely, so it stays
	{kindCorrect, "perché…”", ""},                               // è…” would be the CJK 腔 glued to Italian
	{kindCorrect, "ÉTÉ” and “HIVER”", ""},                       // É” would be IPA ɔ
	{kindCorrect, "×— is not Hebrew", ""},                       // ×— would be ח, but × before a dash is a sign
	{kindCorrect, "CAFÃ‰", "CAFÉ"},                              // Ã‰ is É read as Windows-1252: Ã before a continuation sign
	{kindCorrect, "Ã‰TÃ‰ 2024", "ÉTÉ 2024"},                     // two capitals É in a row, each Ã‰
	{kindCorrect, "SÃ£o JoÃ£o", "São João"},                     // ã as Ã£, inside lowercase words
	{kindCorrect, "NÃºmero", "Número"},                          // ú as Ãº
	{kindCorrect, "RÃ©sumÃ©", "Résumé"},                         // é as Ã©, twice in a word
	{kindCorrect, "Â£15", "£15"},                                // a pound sign as Â£
	{kindCorrect, "Â©2024 Le Monde", "©2024 Le Monde"},          // a copyright sign as Â©
	{kindCorrect, "MÃ¼nchen", "München"},                        // ü as Ã¼
	{kindCorrect, "EspaÃ±a", "España"},                          // ñ as Ã±
	{kindCorrect, "Ã…lesund", "Ålesund"},                        // Å as Ã…, where … alone would be a plausible ellipsis
	{kindCorrect, "l'Ã®le", "l'île"},                            // î as Ã®
	{kindCorrect, "DÃ¼sseldorfâ€™s", "Düsseldorf’s"},            // ü and ’ in one line
	{kindCorrect, "âœ” done", "✔ done"},                         // a dingbat: â before œ, which no word has
	{kindSpace, "Ã la carte", "à la carte"},                     // à at the start of a line, its 0xA0 a space
	{kindSpace, "voilÃ tout", "voilà tout"},                     // à at the end of a word; the space stays between the words
	{kindSpace, "dÃ©jÃ vu", "déjà vu"},                          // é repaired, and à before a space
	{kindSpace, "Il est allÃ© Ã Paris", "Il est allé à Paris"},  // the preposition à between two spaces
	{kindSpace, "Ã s vezes", "às vezes"},                        // Portuguese às: the space was its 0xA0, before a single letter
	{kindSpace, "cittÃ di Roma", "città di Roma"},               // Italian à at a word's end
	{kindSpace, "lÃ oÃ¹ il faut", "là où il faut"},              // là, and ù as Ã¹
	{kindSpace, "Vamos Ã praia", "Vamos à praia"},               // Portuguese à after a lowercase word
	{kindSpace, "antÃ\u00adgeno", "antígeno"},                   // í is C3 AD: Ã and a soft hyphen inside a word
	{kindSpace, "Ã\u00a0 propos", "à propos"},                   // à with its no-break space kept, then a space
	{kindSpace, "100Â km", "100 km"},                            // Â and a space are a no-break space, which becomes a space
	{kindSpace, "Ã€ bientÃ´t", "À bientôt"},                     // À is Ã€
	{kindSpace, "IRMÃ E IRMÃO", ""},                             // Portuguese capitals end words with Ã
	{kindSpace, "SÃO PAULO", ""},                                // Ã before a letter is no sequence
	{kindSpace, "MAÇÃ VERDE", ""},                               // Ã after a capital Ç
	{kindSpace, "NÃO É", ""},                                    // Ã in capitals, before a letter
	{kindSpace, "CAPITÃ AMÉRICA", ""},                           // Ã ends a word in capitals, before a space
	{kindSpace, "A ALEMÃ GANHOU", ""},                           // the same after a capital M
	{kindSpace, "MANHÃ DE SOL", ""},                             // after a capital H
	{kindSpace, "LÃ DE OVELHA", ""},                             // a two-letter word in capitals
	{kindSpace, "PÃO DE AÇÚCAR", ""},                            // Ã, then O
	{kindSpace, "ÓRFÃ, 12 ANOS", ""},                            // Ã before a comma
	{kindSpace, "IRMÃ»", ""},                                    // Ã and a closing guillemet after capitals (Ã» would be û)
	{kindSpace, "“IRMÔ", ""},                                    // Ã and a closing quote after capitals (Ã” would be Ô)
	{kindCodePage, "РЎРїР°СЃРёР±Рѕ", "Спасибо"},                 // Cyrillic read as Windows-1251: Р and С before the signs and letters of other Cyrillic alphabets
	{kindCodePage, "вЂњРќРѕРІРѕСЃС‚РёвЂќ", "“Новости”"},         // quotes as вЂњ and вЂќ
	{kindCodePage, "РњРѕСЃРєРІР°, 12 РјР°СЏ", "Москва, 12 мая"}, // two words and a number
	{kindCodePage, "cafГ©", "café"},                             // é as Г©: Latin-1 read as Windows-1251
	{kindCodePage, "Cr√®me br√ªl√©e", "Crème brûlée"},           // MacRoman: è as √®, û as √ª
	{kindCodePage, "‚ÄúOui‚Äù", "“Oui”"},                        // MacRoman quotes: ‚Äú and ‚Äù
	{kindCodePage, "Z√ºrich", "Zürich"},                         // ü as √º
	{kindCodePage, "PĹ™Ă\u00adliĹˇ ĹľluĹĄouÄŤkĂ˝ kĹŻĹ\u0088", "Příliš žluťoučký kůň"}, // Czech read as Windows-1250
	{kindCodePage, "ZaĹĽĂłĹ‚Ä‡ gÄ™Ĺ›lÄ… jaĹşĹ„", "Zażółć gęślą jaźń"},                 // Polish read as Windows-1250
	{kindCodePage, "KrakĂłw", "Kraków"},                                    // ó as Ăł in ISO-8859-2
	{kindCodePage, "Å¾monÄ—s", "žmonės"},                                   // Lithuanian read as Windows-1257
	{kindCodePage, "Fran├ºois", "François"},                                // code page 437: ç as ├º
	{kindCodePage, "Gr├╝├ƒe", "Grüße"},                                     // ü and ß as box-drawing characters
	{kindCodePage, "ÐœÐ¾Ñ\u0081ÐºÐ²Ð°", "Москва"},                          // Cyrillic read as Windows-1252, with C1 controls for bytes it leaves undefined
	{kindCodePage, "CafÃƒÂ©", "Café"},                                      // Windows-1252 twice: each layer repaired
	{kindCodePage, "ГўВЂВ™", "’"},                                          // Windows-1251 over Windows-1252: the middle layer holds C1 controls
	{kindCodePage, "Рік", ""},                                              // Ukrainian: Рі would be г, but Рік is a word
	{kindCodePage, "Січень 2024", ""},                                      // Ukrainian: Сі would be ѳ, an archaic letter
	{kindCodePage, "„З“ и „Ж“", ""},                                        // Bulgarian: a letter in quotes (З“ would be Ǔ)
	{kindCodePage, "Её брат", ""},                                          // Russian: Её is a word
	{kindCodePage, "Дід Мороз", ""},                                        // Ukrainian: Ді is a syllable
	{kindCodePage, "ПРИВЕТ»", ""},                                          // Russian capitals before a closing guillemet
	{kindCodePage, "Příliš žluťoučký kůň", ""},                             // correct Czech
	{kindCodePage, "Łódź i Gdańsk", ""},                                    // correct Polish
	{kindCodePage, "l’été", ""},                                            // ’é would be Armenian in MacRoman
	{kindCodePage, "√2 ≈ 1,41", ""},                                        // a square root before a digit
	{kindCodePage, "from –∞ to +∞", ""},                                    // a minus before infinity
	{kindCodePage, "╔══╗ ║OK║ ╚══╝", ""},                                   // line art: box-drawing characters side by side
	{kindCodePage, "├┤a┼┐b┼┐c", ""},                                        // line art around letters (┼┐ would be the long s)
	{kindCodePage, "Ελλάδα", ""},                                           // Greek
	{kindLossy, "He said â€œyesâ€\ufffd", "He said “yes”"},                 // ” lost its last byte (9D, undefined in Windows-1252) at the end of a quotation
	{kindLossy, "â€œNoâ€\ufffd she said", "“No” she said"},                 // the same before a space
	{kindLossy, "â€œWhy?â€\ufffd", "“Why?”"},                               // the same after a question mark
	{kindLossy, "aâ€\ufffdb", "a\ufffdb"},                                  // between two letters it is not a quote: one U+FFFD
	{kindLossy, "â€\ufffd at the start", "\ufffd at the start"},            // at the start of a line neither
	{kindLossy, "Ã\ufffdlvaro", "\ufffdlvaro"},                             // Á lost its second byte (81): one U+FFFD
	{kindLossy, "Ã\ufffdfrica", "\ufffdfrica"},                             // the same
	{kindLossy, "PÃ\ufffdREZ", "P\ufffdREZ"},                               // Í lost its second byte (8D)
	{kindLossy, "MamÃ\ufffd", "Mam\ufffd"},                                 // at the end of a word
	{kindLossy, "ÐœÐ¾ÑÐºÐ²Ð°", "Мо\ufffdква"},                              // с lost its 81 byte altogether: one U+FFFD where it was
	{kindLossy, "ðŸ\ufffd€ rat", "\ufffd rat"},                             // an emoji lost one of its four bytes
	{kindLossy, "He said â€œhelloâ€ and left", "He said “hello” and left"}, // the 9D of ” dropped altogether: "â€" ends the run
	{kindLossy, "caf\ufffd au lait", ""},                                   // a U+FFFD after an ASCII letter starts nothing
	{kindLossy, "\ufffd\ufffd\ufffd", ""},                                  // U+FFFD alone
	{kindLossy, "café\ufffd", ""},                                          // é then U+FFFD: a three-byte lead needs two more
	{kindLossy, "São Paulo \ufffd", ""},                                    // after a space
	{kindLossy, "\ufffd Bogotá", ""},                                       // at the start
	{kindLossy, "N\ufffdO", ""},                                            // between capitals
	{kindLossy, "“\ufffd”", ""},                                            // in quotes
	{kindLossy, "100 \ufffd", ""},                                          // after digits
	{kindLossy, "x\ufffdy", ""},                                            // between ASCII letters
	{kindLossy, "‘\ufffd’", ""},                                            // in single quotes
	{kindC1, "Wait\u0085", "Wait…"},                                        // U+0085 is the ellipsis (85) of Windows-1252 read as Latin-1
	{kindC1, "\u0093Hello\u0094", "“Hello”"},                               // curly double quotes
	{kindC1, "it\u0092s", "it’s"},                                          // the apostrophe
	{kindC1, "1990\u00962000", "1990–2000"},                                // the en dash
	{kindC1, "yes\u0097no", "yes—no"},                                      // the em dash
	{kindC1, "\u0091quoted\u0092", "‘quoted’"},                             // single quotes
	{kindC1, "\u0080100", "€100"},                                          // the euro sign
	{kindC1, "Brand\u0099", "Brand™"},                                      // the trade mark sign
	{kindC1, "\u0095 item", "• item"},                                      // the bullet
	{kindC1, "naïve\u0085 café", "naïve… café"},                            // beside correct Latin-1 letters
	{kindC1, "\u008cuvre", "Œuvre"},                                        // Œ
	{kindC1, "a\u0081b", "ab"},                                             // 81 is undefined in Windows-1252: the control is removed
	{kindC1, "Wait…", ""},                                                  // a real ellipsis
	{kindC1, "“Hello”", ""},                                                // real curly quotes
	{kindC1, "it’s", ""},                                                   // a real apostrophe
	{kindC1, "1990–2000", ""},                                              // a real en dash between digits
	{kindC1, "yes—no", ""},                                                 // a real em dash between words
	{kindC1, "‘quoted’", ""},                                               // real single quotes
	{kindC1, "€100", ""},                                                   // a real euro sign
	{kindC1, "Brand™", ""},                                                 // a real trade mark sign
	{kindC1, "• item", ""},                                                 // a real bullet
	{kindC1, "Œuvre", ""},                                                  // a real Œ
	{kindC1, "naïve… café", ""},                                            // an ellipsis after ï (ï… is no sequence before a space)
	{kindMixed, "Le cafÃ© est à côté", "Le café est à côté"},               // mojibake beside correct accents
	{kindMixed, "Zürich and MÃ¼nchen", "Zürich and München"},               // correct ü, then ü as Ã¼
	{kindMixed, "“Hello” she said, â€œgoodbyeâ€\u009d", "“Hello” she said, “goodbye”"}, // correct quotes, then mojibake ones
	{kindMixed, "Москва: cafÃ©", "Москва: café"},                                       // Cyrillic, then Windows-1252 mojibake
	{kindMixed, "北京 â€“ Beijing", "北京 – Beijing"},                                      // Chinese, then a dash as â€“
	{kindMixed, "São Paulo, SÃ£o JosÃ©", "São Paulo, São José"},                        // the same name correct and garbled
	{kindMixed, "– dash and â€” dash", "– dash and — dash"},                            // a correct dash and a garbled one
	{kindMixed, "€5 or â‚¬5", "€5 or €5"},                                              // the euro sign both ways
	{kindMixed, "naïve, naÃ¯ve", "naïve, naïve"},                                       // ï both ways
	{kindMixed, "Привет, РјРёСЂ", "Привет, мир"},                                       // Cyrillic, then Windows-1251 mojibake of it
	{kindMixed, "élan, Ã©lan, √©lan", "élan, élan, élan"},                              // Windows-1252 and MacRoman mojibake in one line
	{kindMixed, "Zürich, São Paulo, Kraków, Москва, 東京", ""},                           // five scripts and accents
	{kindMixed, "naïve café in Ålesund", ""},                                           // Latin-1 letters
	{kindMixed, "“Ça va?” — «Oui»", ""},                                                // quotes of three kinds
	{kindMixed, "Łódź – Gdańsk", ""},                                                   // Polish and a dash
	{kindMixed, "Ελλάδα and España", ""},                                               // Greek and Spanish
	{kindMixed, "محمد and Müller", ""},                                                 // Arabic and German
	{kindMixed, "Straße’s end", ""},                                                    // ß before an apostrophe (ß’ would be NKo)
	{kindMixed, "½ of ¼ is ⅛", ""},                                                     // fractions
	{kindMixed, "Ñandú, ñu and Œuvre", ""},                                             // Ñ, ñ, Œ
	{kindMixed, "Vũng Tàu, Việt Nam", ""},                                              // Vietnamese
	{kindMixed, "Ærø and Øresund", ""},                                                 // Danish
}

// TestMojibake checks the table of mojibake cases: each is cleaned as it
// says, and cleaning the result again changes nothing. It also checks that
// every kind has at least ten cases of each sort.
func TestMojibake(t *testing.T) {
	var repairs, negatives [numKinds]int
	for _, tc := range mojibakeCases {
		want := tc.want
		if want == "" {
			want = tc.in
			negatives[tc.kind]++
		} else {
			repairs[tc.kind]++
		}
		var c lineCleaner
		got, _, err := c.clean([]byte(tc.in))
		if err != nil || string(got) != want {
			t.Errorf("%s: clean(%q) = %q, %v; want %q", kindNames[tc.kind], tc.in, got, err, want)
			continue
		}
		if again, _, _ := c.clean(bytes.Clone(got)); string(again) != string(got) {
			t.Errorf("%s: clean(%q) = %q, but cleaning it again gives %q", kindNames[tc.kind], tc.in, got, again)
		}
	}
	for k := range numKinds {
		if repairs[k] < 10 || negatives[k] < 10 {
			t.Errorf("%s: %d repairs and %d negatives, want at least 10 of each", kindNames[k], repairs[k], negatives[k])
		}
	}
}

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
