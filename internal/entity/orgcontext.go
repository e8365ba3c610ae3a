package entity

import (
	"slices"

	"github.com/newsdump/newsdump/internal/ner"
)

// orgContexts retypes, as a sure organisation, a name that the words
// around it show to be a company or an agency, and adds one the tagger
// missed ("shares of Diagnostic Products", "Tesla's chief executive", "a
// Boeing spokesman", "the OPEC+ group"). It runs on the sorted entities
// and keeps them sorted.
//
// People are retyped only by what no person has (shares, a chief
// executive, shareholders; not a spokesman, whom politicians have too),
// places of the gazetteer never ("Hong Kong's chief executive" is the
// city's), nationality words never ("the Kurdish group").
func (x *Extractor) orgContexts() {
	added := false
	for k := range x.ents {
		e := &x.ents[k]
		if e.Type != Person && e.Type != Location && e.Type != Org {
			continue
		}
		i, j := x.tokenRange(e.Start, e.End)
		if i < 0 {
			continue
		}
		// "Rolls-Royce announced": the tagger took only the second half.
		if j-i == 1 && i >= 2 && x.lowIs(i-1, "-") && x.adjacent(i-2) && x.adjacent(i-1) && x.isCap(i-2) && !x.inEntity[i-2] && !x.inEntity[i-1] &&
			x.orgContext(i-2, j) == companyContext {
			i -= 2
			e.Start = int(x.doc.Toks[i].Start)
			e.Text = x.doc.Text[e.Start:e.End]
			x.inEntity[i], x.inEntity[i+1] = true, true
		}
		c := x.orgContext(i, j)
		if c == noOrgContext || e.Type == Person && c != companyContext || e.Type == Location && x.isPlaceSpan(i, j) {
			continue
		}
		if e.Type != Org {
			e.Type, e.Value = Org, trimThe(e.Text)
		}
		e.sure = true
	}
	// Capitalised words no rule or tagger took, in the same contexts.
	n := len(x.doc.Toks)
	for i := 0; i < n; i++ {
		// A sentence's first word is a name only when no common word
		// ("A Boeing spokesman").
		if x.inEntity[i] || !x.isCap(i) || x.doc.Toks[i].SentStart && (x.has(i, ner.GCommon) || len(x.lowBytes(i)) == 1) {
			continue
		}
		j := x.capRunEnd(i)
		if j <= i {
			continue
		}
		if j-i > 5 || x.isPlaceSpan(i, j) || j-i == 1 && x.has(i, ner.GCommon|ner.GFirst|ner.GTitle|ner.GWeekday|ner.GMonth|ner.GDemonym) {
			i = j - 1
			continue
		}
		if x.orgContext(i, j) != noOrgContext {
			x.add(i, j, Org, x.value(i, j, Org))
			x.ents[len(x.ents)-1].sure = true
			added = true
		}
		i = j - 1
	}
	if added {
		slices.SortFunc(x.ents, func(a, b Entity) int { return a.Start - b.Start })
	}
}

type orgContextKind uint8

const (
	noOrgContext   orgContextKind = iota
	companyContext                // only companies have it: shares, a chief executive
	agencyContext                 // organisations have it, and so do some people: a spokesman
)

// orgContext says what the words around the name [i, j) show it to be.
func (x *Extractor) orgContext(i, j int) orgContextKind {
	// After: "'s chief executive", "'s shares", " shares", " spokesman".
	a := j
	poss := x.lowIs(a, "'s") || x.lowIs(a, "’s")
	if poss {
		a++
	}
	switch {
	case x.lowIs(a, "chief") && x.lowIs(a+1, "executive"), x.lowIs(a, "ceo"), x.lowIs(a, "shareholders"),
		x.lowIs(a, "shares") && !x.lowIs(a+1, "of"), x.lowIs(a, "stock") && !poss, x.lowIs(a, "subsidiary"):
		return companyContext
	case !poss && (x.lowIs(a, "spokesman") || x.lowIs(a, "spokeswoman") || x.lowIs(a, "spokesperson")):
		if x.has(i, ner.GDemonym) || x.isPlaceSpan(i, j) {
			return noOrgContext
		}
		return agencyContext
	}
	// "Schering-Plough said": two capitalised words joined by a hyphen,
	// neither a name of people, are a company's name (double surnames
	// come after a first name, or are known surnames: "Ocasio-Cortez").
	if !poss && j-i == 3 && x.lowIs(i+1, "-") && x.adjacent(i) && x.adjacent(i+1) && x.isCap(i+2) &&
		!x.has(i, ner.GFirst|ner.GLast|ner.GTitle) && !x.has(i+2, ner.GFirst|ner.GLast) && !x.isCap(i-1) && speechVerbs[string(x.lowBytes(a))] &&
		!x.personPronounAfter(a+1) {
		return companyContext
	}
	// "the OPEC+ group", "the Wagner militia": a determiner, the name,
	// and an organisation noun in lower case.
	if !poss && x.doc.Cls[min(a, len(x.doc.Toks)-1)] == 'x' && orgNouns[string(x.lowBytes(a))] &&
		(x.lowIs(i-1, "the") || x.lowIs(i-1, "a") || x.lowIs(i-1, "an") || x.lowIs(i-1, "'s") || x.lowIs(i-1, "’s")) &&
		!(j-i == 1 && x.isNationalityLike(i)) {
		return agencyContext
	}
	// Before: "shares of", "shares in", "a stake in", "a unit of".
	if i >= 2 && (x.lowIs(i-1, "of") || x.lowIs(i-1, "in")) &&
		(x.lowIs(i-2, "shares") || x.lowIs(i-2, "stake") || x.lowIs(i-2, "subsidiary") || x.lowIs(i-2, "unit") && x.lowIs(i-1, "of")) {
		return companyContext
	}
	return noOrgContext
}

// personPronounAfter reports "he", "she", "his" or "her" among the six
// tokens from k, before any "it" or "its": "Ocasio-Cortez said she would".
func (x *Extractor) personPronounAfter(k int) bool {
	for m := k; m < k+6 && m < len(x.doc.Toks) && !x.doc.Toks[m].SentStart; m++ {
		switch string(x.lowBytes(m)) {
		case "he", "she", "his", "her", "him":
			return true
		case "it", "its":
			return false
		}
	}
	return false
}

// speechVerbs follow a company's name as often as a person's.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "announced": true, "reported": true, "posted": true,
	"agreed": true, "plans": true, "expects": true, "warned": true,
}

// tokenRange returns the tokens [i, j) that cover exactly the bytes
// [start, end), or -1, -1.
func (x *Extractor) tokenRange(start, end int) (int, int) {
	t := x.doc.Toks
	i, ok := slices.BinarySearchFunc(t, start, func(tk ner.Token, s int) int { return int(tk.Start) - s })
	if !ok {
		return -1, -1
	}
	j := i
	for j < len(t) && int(t[j].End) <= end {
		j++
	}
	if j == i || int(t[j-1].End) != end {
		return -1, -1
	}
	return i, j
}
