package mojibake

// The table of unlikely sequences. cost adds up, over a stretch of text,
// the weights of what real text seldom holds and mojibake always does: a
// repair is kept only when it makes the cost of its stretch fall by a
// margin (see Fixer.Fix). The weights are small integers: 1 for what real
// text holds now and then (an uppercase letter after a lowercase one,
// "iPhone"), 2 or 3 for what it seldom holds (a sign between two letters,
// a word of two scripts, "Ã©"), 4 for a C1 control. They were set by hand
// and checked on real text of many languages, clean and made into
// mojibake in each code page (see the tests).
const (
	costControl       = 4 // a C1 control: no text uses them
	costRare          = 3 // a rare letter (see rare)
	costScripts       = 3 // two letters of different scripts side by side
	costBetween       = 3 // a sign between two letters (see oddBetween)
	costOdd           = 1 // a sign seen almost only in mojibake (cOdd), and again for each letter beside it
	costLost          = 1 // U+FFFD
	costLostAfterSign = 2 // U+FFFD after a sign, the rest of a character that lost a byte: "â€\uFFFD"
	costCase          = 1 // an uppercase letter right after a lowercase one, one of them not ASCII
	costQuote         = 1 // an opening quote right after a letter, a closing one right before a letter
	costAfter         = 1 // a sign that does not end words right after a letter (see oddAfterLetter)
	costIsolated      = 1 // a letter between two signs other than quotes
	costLoneMark      = 2 // a combining mark after something that is not a letter
	costAlphabets     = 2 // a Cyrillic word with letters of two national alphabets
)

// scorer computes cost; it keeps its buffer from one call to the next.
type scorer struct {
	classes []class
}

// cost returns how implausible the text w is (see the weights above).
func (sc *scorer) cost(w []rune) int {
	k := append(sc.classes[:0], cEdge)
	for _, r := range w {
		k = append(k, charClass(r))
	}
	k = append(k, cEdge)
	sc.classes = k
	at := func(i int) rune {
		if i < 0 || i >= len(w) {
			return ' '
		}
		return w[i]
	}
	total := 0
	for i, r := range w {
		p, c, n := k[i], k[i+1], k[i+2] // classes of the previous, this and the next character
		next := at(i + 1)
		switch c {
		case cControl:
			total += costControl
		case cOdd:
			total += costOdd
			if isLetter(p) {
				total += costOdd
			}
			if isLetter(n) {
				total += costOdd
			}
		case cLost:
			total += costLost
			if isSign(p) {
				total += costLostAfterSign
			}
		case cMark:
			if !isLetter(p) && p != cMark {
				total += costLoneMark
			}
		case cClose:
			if isLetter(n) {
				total += costQuote
			}
		case cCurrency:
			if isLetter(n) {
				total += costAfter // "€œ": money comes before numbers
			}
			if isSign(p) {
				total += costAfter
			}
		case cMath:
			if isLetter(n) {
				total += costAfter
			}
		}
		if rare(r) {
			total += costRare
		}
		if isLetter(c) {
			if isLetter(n) {
				if a, b := scriptOf(r), scriptOf(next); a != b && a != scriptCommon && b != scriptCommon {
					total += scriptsCost(a, b)
				}
				if c == cLower && n == cUpper && (r >= 0x80 || next >= 0x80) {
					total += costCase
				}
			}
			if n == cOpen && next != '“' && next != '‘' {
				total += costQuote
			}
			if oddAfterLetter(next, n) {
				total += costAfter
			}
			if isSign(p) && isSign(n) {
				total += costIsolated
			}
		}
		if isLetter(p) && isLetter(n) && oddBetween(r, c) {
			total += costBetween
		}
		pp := cEdge
		if i > 0 {
			pp = k[i-1]
		}
		total += leadCost(pp, p, r, next, at(i+2))
	}
	return total + alphabetCost(w)
}

// scriptsCost is the weight of letters of scripts a and b side by side:
// costScripts, but 1 for Latin beside Chinese, Japanese or Korean, which
// glue Latin words and their own ("Speccyのportable版", "Kで").
func scriptsCost(a, b script) int {
	if a == scriptLatin && (b == scriptCJK || b == scriptHangul) || b == scriptLatin && (a == scriptCJK || a == scriptHangul) {
		return 1
	}
	return costScripts
}

// oddAfterLetter reports whether r, of class k, is unlikely right after a
// letter: a currency sign, an operator, a control, U+FFFD, or a numeric
// sign or section sign, but for those that end words (degrees, footnote
// digits, ordinals, ©, ®, ™, №). Box-drawing characters are not: line art
// draws them beside letters ("├┤a┼┐"), and what mojibake makes of them is
// in leadCost.
func oddAfterLetter(r rune, k class) bool {
	switch k {
	case cCurrency, cMath, cControl, cLost:
		return true
	case cNumeric:
		return r != '°' && r != '²' && r != '³' && r != '¹' && r != 'ª' && r != 'º'
	case cSign:
		return r == '§' || r == '¶'
	}
	return false
}

// oddBetween reports whether r, of class k, is unlikely between two
// letters: any sign or quote, and the ellipsis; not the apostrophe, the
// soft hyphen or a dash, which stand inside words, nor a no-break space,
// which joins words ("В\u00a0Москве"), nor the
// ordinal indicators ("nºs"), nor a box-drawing character (see
// oddAfterLetter).
func oddBetween(r rune, k class) bool {
	if r == 'º' || r == 'ª' {
		return false
	}
	switch k {
	case cCurrency, cNumeric, cSign, cOdd, cMath, cControl, cOpen, cClose, cSymbol, cLost:
		return true
	}
	return r == '…'
}

// isSign reports whether k is the class of a sign a letter is odd
// between: not a letter, digit, space, quote, box-drawing character or
// ASCII ("„З“" quotes a letter, "–ü—" is MacRoman mojibake of Cyrillic).
func isSign(k class) bool {
	switch k {
	case cDash, cCurrency, cNumeric, cSign, cOdd, cMath, cControl, cLost, cSymbol:
		return true
	}
	return false
}

// latinPages are the code pages whose letters are Latin, for the rules of
// leadCost that hold in all of them.
const latinPages = 1<<cp1252 | 1<<iso8859_2 | 1<<cp1250 | 1<<cp1257

// leadCost is the weight of r, a character that stands for a lead byte
// of UTF-8 in some code page, followed by next and next2, after two
// characters of classes ppk and pk: the beginnings of mojibake that the classes alone do not
// tell, such as "Ã" before "š" (Ú) or "в" before "Ђ" (the start of every
// Windows-1251 mojibake of U+2000 to U+203F: "вЂ™" for "’").
//
// One shape is left at 0 where it is real text: an accented capital that
// ends a word in capitals, followed by closing punctuation ("IRMÃ»",
// "PERÚ”", "NAÏVE…"), whose bytes may form UTF-8 too.
func leadCost(ppk, pk class, r, next, next2 rune) int {
	if r < 0xA0 {
		return 0 // MacRoman's no-break space (CA) is the first lead of any code page
	}
	ro, nextRo := rolesOf(r), rolesOf(next)
	if ro == 0 {
		return 0
	}
	latinCont := nextRo.field(contShift)&latinPages != 0
	endOfCaps := pk == cUpper && (ppk == cUpper || ppk == cPunct) && closesWord(next, next2)
	switch r {
	case 'Ã':
		if next == ' ' {
			if pk == cUpper {
				return 0 // Portuguese: "IRMÃ E"
			}
			return 3
		}
		if latinCont && !(endOfCaps && next != '“' && next != '‘') {
			return 3 // but Portuguese closes its quotes with ” or »
		}
		if isCont(next, macRoman) && !latinCont && isLetter(pk) {
			return 2 // MacRoman mojibake of a combining mark (CC xx): "oÃÅ" for "ó"
		}
	case 'Â':
		// No language ends a word with Â, as Portuguese does with Ã.
		if next == ' ' && pk != cUpper || latinCont {
			return 3
		}
	case 'â', 'ā': // Windows-1252 and -1257 mojibake of U+2000 to U+2FFF
		if next == '€' || next == 0x80 {
			return 3
		}
		if latinCont && !closesWord(next, next2) {
			return 3 // "âœ”" for "✔", "â„¢" for "™": â goes before letters
		}
	case 'ð':
		if next == 'Ÿ' || next == 0x9F {
			return 3 // emoji
		}
	case 'Ð', 'Ñ', 'Ø', 'Ù', '×', 'Î', 'Ï', 'Đ', 'Ń', 'Ć', 'Ă', 'Ĺ', 'Ā', 'Ę':
		// Cyrillic, Arabic, Hebrew and Greek read as Windows-1252 (or
		// ISO-8859-2, Windows-1250 and -1257), the Latin-1 letters read as
		// ISO-8859-2 ("Ă©"), Windows-1257 ("Ć©"), the signs read as
		// Windows-1257 ("Ā»").
		if r == '×' && (pk == cDigit || charClass(next2) == cDigit || closesWord(next, next2) && next2 != '×') {
			return 0 // a multiplication: "3×£20", "×—"; but Hebrew is "×—×"...
		}
		if latinCont && !endOfCaps {
			return 2
		}
	case 'Ä', 'Å':
		// German and Scandinavian capitals, but also the lead bytes of
		// Latin Extended-A read as Windows-1252 ("Å‚" for "ł").
		if !latinCont {
			break
		}
		switch nk := charClass(next); {
		case isLetter(nk):
			return 2
		case nk == cSign && next != '§' && next != '¶':
			return 1 // a trade mark after a name: "AHÅ™"
		case closesWord(next, next2):
			if !endOfCaps {
				return 1
			}
		default:
			return 2
		}
	case 'в':
		switch {
		case next == 'Ђ':
			return 3
		case isCont(next2, cp1251):
			switch next {
			case '–', '—', '„', '‚', '†', '‡', '€', '‰', '№', '™', '•':
				return 2 // "в–є" for "►"
			}
		}
	case '\u00a0':
		// MacRoman mojibake of U+0280 to U+02BF: "Hawai\u00a0ªi" for
		// "Hawaiʻi". Not before a letter: Czech and French put a no-break
		// space after short words ("o\u00a0účelu").
		if isLetter(pk) && isCont(next, macRoman) && !isLetter(charClass(next)) {
			return 2
		}
	case 'È':
		switch next {
		case '™', 'š', '›', '˜':
			return 2 // Romanian ș Ț ț Ș read as Windows-1252
		}
	case 'Р', 'С', 'Г', 'В', 'Д', 'Е':
		// Windows-1251 mojibake of Cyrillic (Р and С), of the Latin-1
		// letters (Г) and signs (В), of Latin Extended-A (Д, Е).
		if !isCont(next, cp1251) {
			break
		}
		nk, nnk := charClass(next), charClass(next2)
		if (next == '\u00a0' || next == '«') && scriptOf(next2) == scriptOf(r) {
			break // a no-break space after a preposition, a quote: "В\u00a0Москве", "В«Правде»"
		}
		switch {
		case !isLetter(nk):
			if !endOfCaps {
				return 2
			}
		case (r == 'Р' || r == 'С') && (next2 == 'Р' || next2 == 'С'):
			return 2 // pairs of pairs: "РЅРѕСЂРЅ" for "норн"
		case pk == cUpper || isLetter(nnk):
			// A capital's case ending ("МАСИВі"), or a word going on.
		case r == 'Г' || r == 'Д' || r == 'Е':
			// "ГЁ" for "è", "ДЇ" for "į"; but "Её", "Ді-Кар", "Гі"
			// are Russian and Ukrainian.
			if nk == cUpper || serbian(next) {
				return 2
			}
		case r == 'В':
			if next != 'і' && next != 'ї' {
				return 2 // "3ВЄ" for "3ª"
			}
		case (r == 'Р' || r == 'С') && (nk == cUpper || !russian(next) || next == 'ё'):
			return 2 // "Сѓ" for "у", "Рё" for "и", "СЂ" for "р"
		}
	case '√':
		if isCont(next, macRoman) {
			return 3
		}
	case 'Ÿ', 'ÿ':
		if isCont(next, macRoman) {
			return 2 // MacRoman mojibake of Arabic
		}
	case '‘', '’', '“', '”':
		// MacRoman mojibake of Armenian and Hebrew: a quote right
		// before a sign.
		if isCont(next, macRoman) && !isLetter(charClass(next)) && !wordEnd(next) {
			return 2
		}
	case '»':
		if isCont(next, macRoman) && isLetter(charClass(next)) {
			return 1 // MacRoman mojibake of Romanian ș and ț: "»ô" for "ș"
		}
	case '¬', '≈':
		if isCont(next, macRoman) {
			return 2
		}
	case '‚', '„':
		if next == 'Ä' || isCont(next, macRoman) && isCont(next2, macRoman) {
			return 3 // MacRoman mojibake of U+2000 to U+2FFF: "‚Äô" for "’", "‚Üí" for "→"; of kana: "„ÅÆ" for "の"
		}
	case 'Œ', 'œ':
		if isCont(next, macRoman) {
			return 2 // MacRoman mojibake of Greek: "œá" for "χ"
		}
	case '–', '—':
		// MacRoman mojibake of Cyrillic: "–ü—Ä–∏–≤–µ—Ç" for "Привет",
		// "–∏" for "и". A dash before a sign of money, degrees or
		// infinity is real text ("–£5", "–∞").
		if !isCont(next, macRoman) {
			break
		}
		if next2 == '–' || next2 == '—' {
			return 2
		}
		switch next {
		case '∂', '∑', '∏', 'π', '∫', 'Ω', 'µ', '≠', '≤', '≥', '¨', '´', '§', '¶', '•', 'ª', 'º', '†':
			return 2
		}
	case 'Γ':
		if next == 'Ç' {
			return 3 // code page 437 mojibake of U+2000 to U+203F
		}
	}
	if ro.field(lead2Shift)&(1<<cp437) != 0 && charClass(r) == cBox && isCont(next, cp437) {
		// A box-drawing character before a letter or sign ("├ñ" for
		// "ä"), or two of them inside a word ("├│" for "ó"), which line
		// art does not draw; two of them before or after a word, which it
		// may ("├┤a┼┐a"), weigh less.
		nnk := charClass(next2)
		switch {
		case charClass(next) != cBox, isLetter(pk) && isLetter(nnk), pk == cLower:
			return 2
		case isLetter(pk) && nnk != cBox || isLetter(nnk) && pk != cBox && pk != cEdge:
			return 1
		}
	}
	if m := ro.field(lead3Shift) & nextRo.field(contShift) & rolesOf(next2).field(contShift); m != 0 {
		nk, nnk := charClass(next), charClass(next2)
		switch {
		case !wordEnd(next) || !wordEnd(next2):
			return 2 // a three-byte sequence: "ì™€" for "와"
		case charClass(r) == cLower && nk == cUpper, nk == cLower && nnk == cUpper:
			return 2 // "åŽŸ" for "原", "äżĄ" for "信"
		case m&(1<<macRoman) != 0 && charClass(r) == cUpper && r >= 0x80 && nk != cUpper && isLetter(nk) && isLetter(nnk) && next >= 0x80 && next2 >= 0x80:
			return 2 // MacRoman's capitals before two accented letters: "Âõæ" for "图"
		}
	}
	if ro.field(lead4Shift)&nextRo.field(contShift) != 0 && !isLetter(pk) {
		return 2
	}
	if ro.field(lead2Shift)&(1<<cp1251) != 0 && charClass(r) == cUpper && isCont(next, cp1251) && !isLetter(charClass(next)) &&
		!closesWord(next, next2) && charClass(next) != cApos && !(next == '\u00a0' || next == '«') {
		return 2 // a Cyrillic capital before a sign: "Ш·" for "ط"
	}
	if m := ro.field(lead2Shift) & nextRo.field(contShift); m != 0 && pk == cLower && charClass(r) == cUpper {
		return 1 // a capital that stands for a lead inside a lowercase word: "tÉ™" for "tə"
	}
	if next == '\uFFFD' && ro.field(lead2Shift)&(1<<cp1252) != 0 {
		return 2 // a lead, then the lost byte: "Ã\uFFFD"
	}
	return 0
}

// wordEnd reports whether r may follow a letter at the end of a word, or
// be a letter: the characters of real text that stand for continuation
// bytes after a letter that stands for a lead ("è…”", "её»").
func wordEnd(r rune) bool {
	switch r {
	case '›', '•':
		return false // rare in text, common in mojibake
	}
	switch charClass(r) {
	case cLower, cUpper, cLetter, cClose, cApos, cDash, cSpace:
		return true
	case cOpen:
		return r == '“' || r == '‘'
	}
	return false
}

// closesWord reports whether r, followed by next, may close a word
// written in capitals: closing punctuation (“ and ‘ close in German and
// the Slavic languages), an apostrophe, a dash or an ellipsis, or a
// no-break space, followed by no letter.
func closesWord(r, next rune) bool {
	switch charClass(r) {
	case cClose, cApos, cDash, cSpace:
	case cOpen:
		if r != '“' && r != '‘' {
			return false
		}
	default:
		return false
	}
	k := charClass(next)
	return !isLetter(k) && k != cDigit
}

// serbian reports whether r is one of the lowercase letters of
// Windows-1251 that only Serbian and Macedonian write.
func serbian(r rune) bool {
	switch r {
	case 'ђ', 'ј', 'љ', 'њ', 'ћ', 'џ', 'ѓ', 'ќ', 'ѕ':
		return true
	}
	return false
}

// russian reports whether r is one of the lowercase letters of Windows-1251
// that Russian writes: the rest (ѓ, ђ, і, ...) belong to other languages,
// and after Р or С mostly to mojibake.
func russian(r rune) bool { return 'а' <= r && r <= 'я' || r == 'ё' }

// isCont reports whether r stands for a continuation byte in code page c.
func isCont(r rune, c codePage) bool { return rolesOf(r).field(contShift)&(1<<c) != 0 }

// alphabetCost is the weight of the Cyrillic words of w that mix the
// letters of national alphabets no one language writes together: those
// only Serbian and Macedonian use (ђ ј љ њ ћ џ ѓ ќ ѕ) with any of і ї є ґ
// ў ы э ъ ё; Ukrainian's є ї ґ with ў ы э ъ ё; і with ъ, which Russian
// and Bulgarian write and Ukrainian and Belarusian do not. Windows-1251 mojibake of Russian is full of such words
// ("РґРѕСЂРѕРіРµ" for "дороге").
func alphabetCost(w []rune) int {
	total := 0
	var serb, ukr, bel, rus, hard, io, i bool
	flush := func() {
		if serb && (ukr || bel || rus || hard || io || i) || ukr && (bel || rus || hard || io) || i && hard {
			total += costAlphabets
		}
		serb, ukr, bel, rus, hard, io, i = false, false, false, false, false, false, false
	}
	for _, r := range w {
		if r < 0x400 || r > 0x45F {
			if !isLetter(charClass(r)) {
				flush()
			}
			continue
		}
		switch r {
		case 'ђ', 'ј', 'љ', 'њ', 'ћ', 'џ', 'ѓ', 'ќ', 'ѕ', 'Ђ', 'Ј', 'Љ', 'Њ', 'Ћ', 'Џ', 'Ѓ', 'Ќ', 'Ѕ':
			serb = true
		case 'є', 'ї', 'ґ', 'Є', 'Ї', 'Ґ':
			ukr = true
		case 'ў', 'Ў':
			bel = true
		case 'ы', 'э', 'Ы', 'Э':
			rus = true
		case 'ъ', 'Ъ':
			hard = true
		case 'ё', 'Ё':
			io = true
		case 'і', 'І':
			i = true
		}
	}
	flush()
	return total
}
