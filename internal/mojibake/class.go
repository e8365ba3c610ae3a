package mojibake

import (
	"sync"
	"unicode"
)

// class is what a character is, as far as the plausibility of text goes
// (see cost).
type class uint8

const (
	cEdge     class = iota // the start or end of the text, or white space
	cLower                 // a lowercase letter
	cUpper                 // an uppercase or titlecase letter
	cLetter                // a letter without case: Arabic, Hebrew, CJK ...
	cDigit                 // a digit
	cMark                  // a combining mark
	cApos                  // an apostrophe: ' ’ ʼ ´, which stand inside words
	cPunct                 // ASCII punctuation other than the apostrophe
	cOpen                  // punctuation that opens: “ ‘ „ ‚ « ‹ ¡ ¿
	cClose                 // punctuation that closes: ” » ›
	cDash                  // dashes, ellipsis, bullets and the other general punctuation
	cCurrency              // ¢ £ ¥ € and the other currency signs
	cNumeric               // signs that go with numbers: ° ± × ÷ ² ³ ¹ ¼ ½ ¾ µ ‰ ª º
	cSign                  // § ¶ © ® ™ №
	cOdd                   // signs seen almost only in mojibake: ¦ ¨ ¬ ¯ ¸ ¤ ˆ ˇ ˘ ˙ ˚ ˛ ˜ ˝ ƒ † ‡ ◊
	cMath                  // mathematical operators: √ ∂ ∆ ∏ ∑ ∞ ∫ ≈ ≠ ≤ ≥ ⌐ ⌠ ⌡ ∩ ≡
	cBox                   // box drawing and block elements
	cSpace                 // a no-break or other space that is not the ASCII one
	cShy                   // the soft hyphen, which may stand inside a word
	cControl               // a C1 control
	cLost                  // U+FFFD, a character lost before this text
	cSymbol                // any other symbol: emoji, arrows ...
)

// charClass returns the class of r.
func charClass(r rune) class {
	if r < 0x80 {
		return asciiClass[r]
	}
	switch r {
	case '’', 'ʼ', 'ʻ', '´':
		return cApos // the acute accent stands for an apostrophe in much text: "don´t"
	case '“', '‘', '„', '‚', '«', '‹', '¡', '¿':
		return cOpen
	case '”', '»', '›':
		return cClose
	case '°', '±', '×', '÷', '²', '³', '¹', '¼', '½', '¾', 'µ', '‰', 'ª', 'º', 'ⁿ', '⁄':
		return cNumeric
	case '§', '¶', '©', '®', '™', '№':
		return cSign
	case '¦', '¨', '¬', '¯', '¸', '¤', 'ˆ', 'ˇ', '˘', '˙', '˚', '˛', '˜', '˝', 'ƒ', '†', '‡', '◊', '\uf8ff', '₧', '⌐':
		return cOdd
	case '√', '∂', '∆', '∏', '∑', '∞', '∫', '≈', '≠', '≤', '≥', '⌠', '⌡', '∩', '≡', '∙', '■':
		return cMath
	case '\u00a0':
		return cSpace
	case '\u00ad':
		return cShy
	case '\uFFFD':
		return cLost
	}
	switch {
	case r < 0xA0:
		return cControl
	case 0xFF00 <= r && r <= 0xFFEF && !unicode.IsLetter(r) && !unicode.IsDigit(r):
		return cDash // fullwidth signs, which CJK text glues to words: "Ctrl＋Alt"
	case 0x2500 <= r && r <= 0x259F:
		return cBox
	case unicode.IsUpper(r) || unicode.IsTitle(r):
		return cUpper
	case unicode.IsLower(r):
		return cLower
	case unicode.IsLetter(r):
		return cLetter
	case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Mc, r):
		return cMark
	case unicode.IsDigit(r):
		return cDigit
	case unicode.IsSpace(r):
		return cSpace
	case unicode.Is(unicode.Sc, r):
		return cCurrency
	case unicode.Is(unicode.Sm, r):
		return cMath
	case unicode.IsPunct(r):
		return cDash
	}
	return cSymbol
}

var asciiClass = func() (t [0x80]class) {
	for r := range t {
		switch {
		case 'a' <= r && r <= 'z':
			t[r] = cLower
		case 'A' <= r && r <= 'Z':
			t[r] = cUpper
		case '0' <= r && r <= '9':
			t[r] = cDigit
		case r == '\'':
			t[r] = cApos
		case r <= ' ' || r == 0x7F:
			t[r] = cEdge
		default:
			t[r] = cPunct
		}
	}
	return t
}()

// isLetter reports whether k is the class of a letter.
func isLetter(k class) bool { return k == cLower || k == cUpper || k == cLetter }

// script numbers the writing systems a letter may belong to, so that a
// word mixing two of them can be told (see cost). Han, Hiragana, Katakana
// and Bopomofo, which Japanese and Chinese text mix, are one.
type script uint8

const scriptCommon script = 0 // digits, punctuation, symbols, marks

// scriptOf returns the writing system of the letter r.
func scriptOf(r rune) script {
	scriptsOnce.Do(makeScripts)
	if r >= 0x10000 {
		return scriptOther
	}
	return scripts[r]
}

var (
	scriptsOnce  sync.Once
	scripts      []script // for each character of the Basic Multilingual Plane
	scriptLatin  script   // set by makeScripts
	scriptCJK    script
	scriptHangul script
	scriptOther  script
)

func makeScripts() {
	scripts = make([]script, 0x10000)
	next := script(1)
	named := map[string]script{}
	for _, name := range []string{"Han", "Hiragana", "Katakana", "Bopomofo"} {
		named[name] = next
	}
	next++
	for name, table := range unicode.Scripts {
		if name == "Common" || name == "Inherited" {
			continue
		}
		id, ok := named[name]
		if !ok {
			id = next
			named[name] = id
			next++
		}
		for _, rg := range table.R16 {
			for r := uint32(rg.Lo); r <= uint32(rg.Hi); r += uint32(rg.Stride) {
				scripts[r] = id
			}
		}
	}
	scriptLatin = named["Latin"]
	scriptCJK = named["Han"]
	scriptHangul = named["Hangul"]
	scriptOther = next
}

// rare reports whether r is a character that text seldom holds, so that a
// repair that makes it is suspect: IPA and phonetic letters, modifier
// letters, the rarely used letters of Latin Extended-B, C and D, historic
// Cyrillic, Hebrew points, Syriac, Thaana, NKo and what follows them
// before Devanagari, private-use and unassigned characters. These are
// what a wrong repair makes of an accented capital followed by a sign
// ("É®" would become "ɮ", "Ü¬" "ܬ").
func rare(r rune) bool {
	switch {
	case r == 'ſ': // the long s, of old print
		return true
	case 0x0180 <= r && r <= 0x024F:
		switch {
		case r == 0x018F, r == 0x01A0, r == 0x01A1, r == 0x01AF, r == 0x01B0, // Ə, Vietnamese Ơ ơ Ư ư
			0x01CD <= r && r <= 0x01DC, // pinyin's Ǎ ǎ ... ǜ
			r == 0x01E6, r == 0x01E7,   // Ǧ ǧ
			0x0218 <= r && r <= 0x021B: // Romanian Ș ș Ț ț
			return false
		}
		return true
	case 0x0250 <= r && r <= 0x02AF: // IPA
		return r != 0x0259 // ə, Azerbaijani
	case 0x02B0 <= r && r <= 0x02FF: // modifier letters
		return r != 'ʼ' && r != 'ʻ'
	case 0x0300 <= r && r <= 0x036F: // combining marks, but those Latin and Vietnamese text decomposes into
		switch {
		case r <= 0x0304, 0x0306 <= r && r <= 0x030C, r == 0x0323, 0x0326 <= r && r <= 0x0328:
			return false
		}
		return true
	case 0x0370 <= r && r <= 0x0385, 0x03E2 <= r && r <= 0x03FF: // Greek signs, Coptic
		return r != 0x0384 && r != 0x0385
	case 0x0460 <= r && r <= 0x0489, 0x0500 <= r && r <= 0x052F: // historic Cyrillic, Komi ...
		return true
	case 0x0591 <= r && r <= 0x05C7: // Hebrew points
		return true
	case 0x0700 <= r && r <= 0x08FF: // Syriac, Thaana, NKo, Samaritan, Mandaic ...
		return true
	case 0x1D00 <= r && r <= 0x1DFF, 0x2C60 <= r && r <= 0x2C7F, 0xA720 <= r && r <= 0xA7FF:
		return true
	case 0xE000 <= r && r <= 0xF8FE, 0xFFF0 <= r && r <= 0xFFFC:
		return true
	case 0x10000 <= r && r < 0x1F000, 0x1FB00 <= r:
		return true // historic scripts and the rest of the astral planes, but for emoji
	}
	return !unicode.IsPrint(r) && r >= 0xA0 && !unicode.IsSpace(r) && r != 0xAD
}
