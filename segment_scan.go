package newsdump

import (
	"unicode"
	"unicode/utf8"
)

// The scanning helpers of the sentence splitter: pure functions of the
// text and a byte index, which look at the words, spaces, quotes, list
// markers and datelines around it.

// wordStart returns where the word ending at i starts: after the last
// space or opening quote or bracket, but not before start. It returns -1
// when the word is longer than lookBehind.
func wordStart(text string, start, i int) int {
	k := i
	for k > start {
		if i-k > lookBehind {
			return -1
		}
		c := text[k-1]
		if c == '\'' && k-1 > start && isLetterBefore(text, k-1) {
			// An apostrophe inside a word: "pic's", "can't".
			k--
			continue
		}
		if c == ' ' || c == '\n' || c == '\t' || c == '(' || c == '[' || c == '"' || c == '\'' || c == '{' {
			break
		}
		if c >= utf8.RuneSelf {
			r, w := utf8.DecodeLastRuneInString(text[:k])
			if unicode.IsSpace(r) || isOpenerRune(r) {
				break
			}
			k -= w
			continue
		}
		k--
	}
	return k
}

// wordEnd returns the end of the run of letters starting at i.
func wordEnd(text string, i int) int {
	k := i
	for k < len(text) && k-i < lookAhead {
		c := text[k]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			k++
			continue
		}
		if c >= utf8.RuneSelf {
			r, w := utf8.DecodeRuneInString(text[k:])
			if unicode.IsLetter(r) {
				k += w
				continue
			}
		}
		break
	}
	return k
}

// isWordAt reports whether the word starting at i is exactly w.
func isWordAt(text string, i int, w string) bool {
	return hasAt(text, i, w) && wordEnd(text, i) == i+len(w)
}

// isStarter reports whether the capitalised word at i is one that
// typically opens an English sentence (a pronoun, determiner, conjunction,
// preposition or question word), so that an abbreviation before it most
// likely ends the sentence.
func isStarter(text string, i int) bool {
	return starters[text[i:wordEnd(text, i)]]
}

// isLetterBefore reports whether the rune before i is a letter.
func isLetterBefore(text string, i int) bool {
	c := text[i-1]
	if c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsLetter(r) || r == '°'
}

// markerAt recognises a list item marker at i: one to three digits or a
// single letter, then ".", ".)" or ")", then a space. end is 0 when there
// is none.
func markerAt(text string, i int) (num int, letter byte, closer string, end int) {
	j := i
	for j < len(text) && j-i < 3 && '0' <= text[j] && text[j] <= '9' {
		num = num*10 + int(text[j]-'0')
		j++
	}
	if j == i {
		if j < len(text) && ('a' <= text[j] && text[j] <= 'z' || 'A' <= text[j] && text[j] <= 'Z') {
			// Only lower-case letters make lists ("a.", "b)"); an
			// upper-case one is skipped at the start of a sentence but
			// is more often an initial ("J. R. R. Tolkien").
			if text[j] >= 'a' {
				letter = text[j]
			}
			j++
		} else {
			return 0, 0, "", 0
		}
	} else if num == 0 {
		return 0, 0, "", 0
	}
	switch {
	case hasAt(text, j, ".)"):
		closer = ".)"
	case hasAt(text, j, "."):
		closer = "."
	case hasAt(text, j, ")"):
		closer = ")"
	default:
		return 0, 0, "", 0
	}
	j += len(closer)
	if j < len(text) && spaceAt(text, j) == 0 {
		return 0, 0, "", 0
	}
	return num, letter, closer, j
}

// bulletAt returns the bullet at i, if any.
func bulletAt(text string, i int) string {
	for _, b := range bullets {
		if hasAt(text, i, b) {
			if b == "*" || b == "-" {
				// Plain ASCII bullets only when a space follows.
				if !hasAt(text, i+1, " ") {
					return ""
				}
			}
			return b
		}
	}
	return ""
}

var bullets = []string{"•", "⁃", "◦", "▪", "‣", "●", "*", "-"}

// The longest parts of a dateline datelineAt reads, in bytes: the place
// ("RIO DE JANEIRO"), the state after its comma (", Calif.") and the agency
// in brackets ("(Reuters)", "(Thomson Reuters Foundation)").
const (
	maxDatelinePlace  = 40
	maxDatelineState  = 12
	maxDatelineAgency = 30
)

// datelineAt recognises a news dateline at i: a place in capitals,
// optionally a state after a comma and the agency in brackets, then a
// dash ("WASHINGTON (Reuters) -", "PONCHATOULA, La. --", "NEW DELHI -").
// It returns the end of the dash, or 0. To keep "NATO - Russia talks" one
// sentence, a bare one-word place needs at least six letters or a long
// dash.
func datelineAt(text string, i int) int {
	j, letters, words := i, 0, 0
	for j < len(text) && j-i < maxDatelinePlace {
		k := j
		for k < len(text) && ('A' <= text[k] && text[k] <= 'Z' || k > j && (text[k] == '-' || text[k] == '.' || text[k] == '\'')) {
			k++
		}
		if k == j || k < len(text) && 'a' <= text[k] && text[k] <= 'z' {
			return 0
		}
		letters += k - j
		words++
		j = k
		if !hasAt(text, j, " ") || j+1 >= len(text) || text[j+1] < 'A' || text[j+1] > 'Z' {
			break
		}
		if k := j + 2; k < len(text) && 'a' <= text[k] && text[k] <= 'z' {
			break // "CAIRO Police": not part of the place
		}
		j++
	}
	if letters < 3 {
		return 0
	}
	extra := false
	if hasAt(text, j, ", ") {
		// ", La." or ", Calif."
		k := j + 2
		if k >= len(text) || text[k] < 'A' || text[k] > 'Z' {
			return 0
		}
		k++
		for k < len(text) && k-j < maxDatelineState && 'a' <= text[k] && text[k] <= 'z' {
			k++
		}
		if hasAt(text, k, ".") {
			k++
		}
		j, extra = k, true
	}
	if hasAt(text, j, " (") {
		k := j + 2
		for k < len(text) && k-j < maxDatelineAgency && text[k] != ')' && text[k] != '\n' {
			k++
		}
		if k >= len(text) || text[k] != ')' {
			return 0
		}
		j, extra = k+1, true
	}
	if !hasAt(text, j, " ") {
		return 0
	}
	j++
	long := true
	switch {
	case hasAt(text, j, "--"):
		j += 2
	case hasAt(text, j, "—"), hasAt(text, j, "–"):
		j += len("—")
	case hasAt(text, j, "-"):
		j++
		long = false
	default:
		return 0
	}
	if j >= len(text) || !hasAt(text, j, " ") {
		return 0
	}
	if !extra && !long && words < 2 && letters < 6 {
		return 0
	}
	return j
}

// hasAt reports whether text has w at i.
func hasAt(text string, i int, w string) bool {
	return i >= 0 && len(text)-i >= len(w) && text[i:i+len(w)] == w
}

// spaceAt returns the width of the whitespace rune at i, or 0.
func spaceAt(text string, i int) int {
	c := text[i]
	if c < utf8.RuneSelf {
		switch c {
		case ' ', '\t', '\n', '\v', '\f', '\r':
			return 1
		}
		return 0
	}
	r, w := utf8.DecodeRuneInString(text[i:])
	if unicode.IsSpace(r) {
		return w
	}
	return 0
}

// spaceBefore returns the width of the whitespace rune ending at i, or 0.
func spaceBefore(text string, i int) int {
	if i == 0 {
		return 0
	}
	c := text[i-1]
	if c < utf8.RuneSelf {
		switch c {
		case ' ', '\t', '\n', '\v', '\f', '\r':
			return 1
		}
		return 0
	}
	r, w := utf8.DecodeLastRuneInString(text[:i])
	if unicode.IsSpace(r) {
		return w
	}
	return 0
}

// blankBefore reports whether the whitespace just before i holds a blank
// line (two line breaks).
func blankBefore(text string, i int) bool {
	breaks := 0
	for i > 0 {
		w := spaceBefore(text, i)
		if w == 0 {
			break
		}
		i -= w
		if text[i] == '\n' {
			breaks++
			if breaks == 2 {
				return true
			}
		}
	}
	return false
}

// skipSpace returns the first non-space byte at or after i.
func skipSpace(text string, i int) int {
	for i < len(text) {
		w := spaceAt(text, i)
		if w == 0 {
			break
		}
		i += w
	}
	return i
}

// skipBlanks skips spaces and tabs only.
func skipBlanks(text string, i int) int {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return i
}

// trimRight returns end moved back over whitespace, but not before start.
func trimRight(text string, start, end int) int {
	for end > start {
		w := spaceBefore(text, end)
		if w == 0 {
			break
		}
		end -= w
	}
	return end
}

// closerAt returns the width of a closing quote or bracket at i, or 0.
func closerAt(text string, i int) int {
	switch text[i] {
	case '"', '\'', ')', ']', '}', '*':
		return 1
	}
	return multiByteAt(text, i, closingQuotes[:])
}

// multiByteAt returns the length of whichever of qs (all non-ASCII) is at
// i, or 0; the first-byte test keeps the common case cheap.
func multiByteAt(text string, i int, qs []string) int {
	if c := text[i]; c != 0xC2 && c != 0xE2 {
		return 0
	}
	for _, q := range qs {
		if hasAt(text, i, q) {
			return len(q)
		}
	}
	return 0
}

var (
	closingQuotes = [...]string{"”", "’", "»", "›"}
	openingQuotes = [...]string{"“", "‘", "«", "‹", "„", "¿", "¡"}
)

// openerAt returns the width of an opening quote or bracket at i, or 0.
func openerAt(text string, i int) int {
	switch text[i] {
	case '"', '\'', '(', '[', '{', '*':
		return 1
	}
	return multiByteAt(text, i, openingQuotes[:])
}

func isOpenerRune(r rune) bool {
	switch r {
	case '“', '‘', '«', '‹', '„':
		return true
	}
	return false
}

// tokenEnd returns the end of the run of non-space bytes starting at i.
func tokenEnd(text string, i int) int {
	for i < len(text) && spaceAt(text, i) == 0 {
		i++
	}
	return i
}

// isEmojiRune reports whether r is a pictograph or other symbol (emoji,
// flags, skin-tone modifiers).
func isEmojiRune(r rune) bool {
	return r != utf8.RuneError && (unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r))
}

// spacedDots counts the dots of a ". . ." run starting at i and returns
// the end of the run.
func spacedDots(text string, i int) (dots, end int) {
	dots, end = 1, i+1
	for end+1 < len(text) && text[end] == ' ' && text[end+1] == '.' && dots < lookAhead {
		dots++
		end += 2
	}
	return dots, end
}

// lineHasStop reports whether the line starting at i contains a sentence
// stop.
func lineHasStop(text string, i int) bool {
	for ; i < len(text) && text[i] != '\n'; i++ {
		switch text[i] {
		case '.', '?', '!':
			return true
		}
	}
	return false
}

// isTimeFollower reports whether the word at i commonly follows a clock
// time inside a sentence ("6 p.m. Friday", "8 a.m. ET").
func isTimeFollower(text string, i int) bool {
	w := text[i:wordEnd(text, i)]
	switch w {
	case "ET", "EST", "EDT", "CT", "CST", "CDT", "PT", "PST", "PDT", "GMT", "UTC", "BST", "CET",
		"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday":
		return true
	}
	return false
}

// isAmPm reports whether word (without its final period) is "a.m" or "p.m"
// in either case.
func isAmPm(word string) bool {
	if len(word) != 3 || word[1] != '.' {
		return false
	}
	a, m := word[0]|0x20, word[2]|0x20
	return (a == 'a' || a == 'p') && m == 'm'
}
