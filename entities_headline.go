package newsdump

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdump/newsdump/internal/entity"
)

// bodyName is a name the description, captions and paragraphs of an
// article give a type: the evidence a headline is read with.
type bodyName struct {
	text  string // as the body writes it
	typ   EntityType
	value string
}

// bodyNames returns the names of people, organisations, places and
// groups that the description, captions and paragraphs name, each once (by its text,
// ignoring case) with the type the body gives it most often, and the
// surnames of the people it names in full; longest first.
func bodyNames(all []found) []bodyName {
	// A count of each name type, by nameTypeIndex.
	type tally struct {
		name  bodyName
		count [4]int
	}
	byText := map[string]int{} // lower-cased text → tally
	exact := map[string]int{}  // text as written → tally
	var tallies []tally
	var full entity.Surnames
	for _, f := range all {
		if f.m.Field == fieldTitle || !isNameType(f.e.Type) {
			continue
		}
		if f.e.Type == PERSON {
			full = entity.AddSurname(full, f.e.Value)
		}
		k, ok := exact[f.e.Text]
		if !ok {
			key := strings.ToLower(f.e.Text)
			if k, ok = byText[key]; !ok {
				k = len(tallies)
				byText[key] = k
				tallies = append(tallies, tally{name: bodyName{f.e.Text, f.e.Type, f.e.Value}})
			}
			exact[f.e.Text] = k
		}
		t := &tallies[k]
		t.count[nameTypeIndex(f.e.Type)]++
		if t.count[nameTypeIndex(f.e.Type)] > t.count[nameTypeIndex(t.name.typ)] {
			t.name = bodyName{f.e.Text, f.e.Type, f.e.Value}
		}
	}
	out := make([]bodyName, 0, len(tallies)+len(full))
	for _, t := range tallies {
		out = append(out, t.name)
	}
	// "Blinken" in a headline over a body that names "Antony Blinken".
	for last, s := range full {
		if _, ok := byText[strings.ToLower(last)]; !ok && !s.Many && len(last) > 1 {
			out = append(out, bodyName{last, PERSON, s.Last})
		}
	}
	slices.SortStableFunc(out, func(p, q bodyName) int {
		if len(p.text) != len(q.text) {
			return len(q.text) - len(p.text)
		}
		return strings.Compare(p.text, q.text)
	})
	return out
}

// nameTypeIndex numbers the name types from 0 to 3.
func nameTypeIndex(t EntityType) int {
	switch t {
	case PERSON:
		return 0
	case ORG:
		return 1
	case LOCATION:
		return 2
	}
	return 3
}

// titleMatch is a body name found in the title: bytes [start, end) and
// the name.
type titleMatch struct {
	start, end int
	name       bodyName
}

// findBodyNames returns the body names written in the title, leftmost
// and longest first, without overlaps. A name of four letters or more is
// matched ignoring case ("AQABA" in a headline in capitals, "Al-Harir"
// for "al-Harir"), a shorter one exactly ("US", not "Us"); either must
// start with a capital or a digit and be a whole word.
func findBodyNames(title string, names []bodyName) []titleMatch {
	var out []titleMatch
	for st := 0; st < len(title); {
		r, n := utf8.DecodeRuneInString(title[st:])
		if !(unicode.IsUpper(r) || unicode.IsDigit(r)) || !startsWord(title, st) {
			st += n
			continue
		}
		matched := false
		for _, nm := range names {
			en := st + len(nm.text)
			if en > len(title) || !wordBoundary(title, st, en) {
				continue
			}
			s := title[st:en]
			if s == nm.text || len(nm.text) >= 4 && strings.EqualFold(s, nm.text) {
				out = append(out, titleMatch{st, en, nm})
				st = en
				matched = true
				break
			}
		}
		if !matched {
			st += n
		}
	}
	return out
}

// readHeadline reads the names of the title with what the rest of the
// article says about them (see Article.Entities). A name of the title
// that the body names takes the body's type and value. In a title in
// Title Case or capitals, whose capitals say nothing, a name the body
// does not name stays only with evidence of its own: it is the fuller
// form of a person the body names ("Mark Esper" over "Esper"), or the
// word lists alone make it a name (entity.KnownName); a name that holds
// names of the body is those names ("Jordan Reopens" holds "Jordan"), and
// one with a word the body writes in lower case is not a name. What is
// left of a name dropped that the gazetteer knows as a place stays one.
// The body's names are then found in the title where the tagger missed
// them, and so are the places of the lists that are no common word or
// name of a person (entity.UnreadPlaces: "Zürich" in "Zürich Talks
// Resume", an accented word the tagger's clusters do not hold).
func (a Article) readHeadline(all []found) []found {
	if a.Title == "" {
		return all
	}
	names := bodyNames(all)
	cased := entity.CasedHeadline(a.Title)
	capitals := cased && isCapitals(a.Title)
	byText := make(map[string]bodyName, len(names))
	for _, nm := range names {
		byText[strings.ToLower(nm.text)] = nm
	}
	matches := findBodyNames(a.Title, names)
	// The title's mentions come first (Article.mentions).
	n := titleMentions(all)
	var title []found // the title's mentions kept
	var left []found  // names of the title dropped, whose parts may be places
	for _, f := range all[:n] {
		if !isNameType(f.e.Type) {
			title = append(title, f)
			continue
		}
		// Nationality and group words are a list, surer than the
		// tagger's reading of the body ("Houthi leader Abdul-Malik
		// al-Houthi" does not make "Houthi" a person).
		if f.e.Type == NORP {
			title = append(title, f)
			continue
		}
		if nm, ok := byText[strings.ToLower(f.e.Text)]; ok {
			f.e.Type, f.e.Value = nm.typ, nm.value
			title = append(title, f)
			continue
		}
		if !cased {
			// The first word of a title in sentence case is capitalised
			// as any sentence's: "Hunter diagnosed with plague" over a
			// body about "the hunter".
			if f.e.Type == PERSON && f.m.Start == firstLetter(a.Title) && !strings.Contains(f.e.Text, " ") && a.bodyWritesLower(f.e.Text) {
				continue
			}
			title = append(title, f)
			continue
		}
		var inner []titleMatch // the body's names inside the tagger's
		for _, mt := range matches {
			if mt.start >= f.m.Start && mt.end <= f.m.End {
				inner = append(inner, mt)
			}
		}
		// A word the body writes in lower case is no name: "Reopens",
		// "Turkey" over an article about the bird. A place or
		// organisation of several words that the lists hold is one
		// whatever its words ("North America", "Supreme Court").
		known := entity.KnownName(f.e.Text, entity.Type(f.e.Type), capitals) &&
			(f.e.Type != PERSON && strings.Contains(f.e.Text, " ") || !a.wordsWrittenLower(f.e.Text))
		switch {
		case len(inner) == 0 && (known || f.e.Type != PERSON && strings.Contains(f.e.Text, " ") && a.restAreNameWords(f, nil)):
			title = append(title, f)
		case len(inner) == 0:
			left = append(left, f)
		case f.e.Type == PERSON:
			// "Mark Esper" over a body that names "Esper" is the fuller
			// name; "Jordan Reopens" holding the body's "Jordan", or
			// "Blinken Meets Sudani" holding two people, is what the
			// matches say.
			if mt := inner[0]; len(inner) == 1 && mt.name.typ == PERSON && mt.end == f.m.End && mt.start > f.m.Start &&
				entity.FirstNameBefore(f.e.Text) && !a.wordsWrittenLower(a.Title[f.m.Start:mt.start]) {
				f.e.Value = f.e.Text
				title = append(title, f)
				matches = slices.DeleteFunc(matches, func(x titleMatch) bool { return x == mt })
			}
		case known || a.restAreNameWords(f, inner):
			// "North America" is a place even where the body names
			// "North" (the tagger's LOCATION and ORG are good in
			// headlines; its PERSON is not): the words around the body's
			// names are words of names, not a headline's verbs ("Google
			// Bets").
			title = append(title, f)
		}
	}
	for _, mt := range matches {
		if anyOverlaps(title, mt.start, mt.end) {
			continue
		}
		e := Entity{Text: a.Title[mt.start:mt.end], Type: mt.name.typ, Start: mt.start, End: mt.end, Value: mt.name.value}
		title = append(title, found{m: Mention{fieldTitle, 0, e.Start, e.End, e.Text}, e: e})
	}
	for _, f := range left {
		// A headline's verb after a name: "Kylie Jenner Joins" is
		// "Kylie Jenner" when that is a name the lists know.
		if f.e.Type == PERSON {
			if n := a.knownPrefix(f.e.Text, capitals); n > 0 && !anyOverlaps(title, f.m.Start, f.m.Start+n) {
				e := Entity{Text: f.e.Text[:n], Type: PERSON, Start: f.m.Start, End: f.m.Start + n, Value: f.e.Text[:n]}
				title = append(title, found{m: Mention{fieldTitle, 0, e.Start, e.End, e.Text}, e: e})
				continue
			}
		}
		for _, p := range entity.KnownPlaces(f.e.Text, capitals) {
			st, en := f.m.Start+p.Start, f.m.Start+p.End
			if anyOverlaps(title, st, en) || a.bodyWritesLower(p.Text) {
				continue
			}
			e := Entity{Text: a.Title[st:en], Type: EntityType(p.Type), Start: st, End: en, Value: p.Value}
			title = append(title, found{m: Mention{fieldTitle, 0, st, en, e.Text}, e: e})
		}
	}
	if cased {
		// Places of the lists where the tagger read nothing.
		for _, p := range entity.UnreadPlaces(a.Title, capitals) {
			if anyOverlaps(all[:n], p.Start, p.End) || anyOverlaps(title, p.Start, p.End) || a.bodyWritesLower(p.Text) {
				continue
			}
			e := Entity{Text: p.Text, Type: EntityType(p.Type), Start: p.Start, End: p.End, Value: p.Value}
			title = append(title, found{m: Mention{fieldTitle, 0, p.Start, p.End, e.Text}, e: e})
		}
	}
	slices.SortFunc(title, func(p, q found) int { return p.m.Start - q.m.Start })
	if len(title) <= n {
		// In place: the body's mentions are not copied.
		copy(all[n-len(title):], title)
		return all[n-len(title):]
	}
	return append(title, all[n:]...)
}

// anyOverlaps reports whether one of the mentions fs overlaps bytes
// [st, en) of the field they are in.
func anyOverlaps(fs []found, st, en int) bool {
	for _, f := range fs {
		if f.m.Start < en && st < f.m.End {
			return true
		}
	}
	return false
}

// knownPrefix returns the length of the longest start of name, of two
// words or more but not all of it, that is a person's name the lists know
// and whose words the body does not write in lower case; 0 if none.
func (a Article) knownPrefix(name string, capitals bool) int {
	for n := strings.LastIndexByte(name, ' '); n > 0; n = strings.LastIndexByte(name[:n], ' ') {
		p := name[:n]
		if !strings.Contains(p, " ") {
			break
		}
		if entity.KnownName(p, entity.Person, capitals) && !a.wordsWrittenLower(p) {
			return n
		}
	}
	return 0
}

// restAreNameWords reports whether the words of f outside the body's
// names inner are all words of place or organisation names
// (entity.NameWord) that the body does not write in lower case, but
// for compass words ("north of the city").
func (a Article) restAreNameWords(f found, inner []titleMatch) bool {
	at := f.m.Start
	rest := func(st, en int) bool {
		for _, w := range strings.FieldsFunc(a.Title[st:en], func(r rune) bool { return !unicode.IsLetter(r) }) {
			if !entity.NameWord(w) || !entity.IsPlaceWord(w) && a.bodyWritesLower(w) {
				return false
			}
		}
		return true
	}
	for _, mt := range inner {
		if !rest(at, mt.start) {
			return false
		}
		at = mt.end
	}
	return rest(at, f.m.End)
}

// wordsWrittenLower reports whether the body writes one of the words of
// name in lower case: "Reopens" in "Jordan Reopens" over a body where
// Jordan "reopened" a port.
func (a Article) wordsWrittenLower(name string) bool {
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if a.bodyWritesLower(w) {
			return true
		}
	}
	return false
}

// bodyWritesLower reports whether the description, captions or paragraphs
// write word, or a form of it ("reopened" for "Reopens"), in lower case.
func (a Article) bodyWritesLower(word string) bool {
	stem := wordStem(strings.ToLower(word))
	if len(stem) < 3 {
		return false
	}
	found := false
	a.eachBodyText(func(s string) bool {
		found = writesLower(s, stem)
		return !found
	})
	return found
}

// eachBodyText calls f with the description, each caption text and each
// paragraph until f returns false.
func (a Article) eachBodyText(f func(string) bool) {
	if a.Description != "" && !f(a.Description) {
		return
	}
	for _, c := range a.Captions {
		if !f(c.Text) {
			return
		}
	}
	for _, p := range a.Paragraphs {
		if !f(p) {
			return
		}
	}
}

// writesLower reports whether s holds stem, lower-case, as a whole word
// with at most an inflection after it.
func writesLower(s, stem string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], stem)
		if i < 0 {
			return false
		}
		st := off + i
		en := st + len(stem)
		off = en
		if !startsWord(s, st) {
			continue
		}
		k := en
		for k < len(s) && s[k] >= 'a' && s[k] <= 'z' {
			k++
		}
		if !endsWord(s, k) {
			continue
		}
		switch s[en:k] {
		case "", "s", "es", "ed", "d", "ing", "e", "er", "ers":
			return true
		}
	}
}

// wordStem strips one inflection from a lower-case word: "reopens",
// "reopened" and "reopening" are "reopen".
func wordStem(w string) string {
	for _, suf := range [...]string{"ing", "es", "ed", "s", "e"} {
		if len(w)-len(suf) >= 3 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// startsWord reports whether no letter or digit comes right before
// offset i of s.
func startsWord(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return i == 0 || !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// endsWord reports whether no letter or digit comes right at offset i of
// s.
func endsWord(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return i == len(s) || !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// firstLetter returns the offset of the first letter of s.
func firstLetter(s string) int {
	return strings.IndexFunc(s, unicode.IsLetter)
}
