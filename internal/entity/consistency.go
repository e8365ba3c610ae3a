package entity

import (
	"slices"
	"strings"

	"github.com/newsdump/newsdump/internal/ner"
)

// typeVotes counts the types one name was given in a text.
type typeVotes struct {
	n    [3]int // PERSON, ORG, LOCATION
	sure Type   // the type given by strong evidence, if any
}

func voteIndex(t Type) int {
	switch t {
	case Person:
		return 0
	case Org:
		return 1
	case Location:
		return 2
	}
	return -1
}

var voteTypes = [3]Type{Person, Org, Location}

// consistentTypes gives one name one type across the text, as a reader
// does: "Bayern Munich ... Bayern" are one club, "OPEC (the Organization
// ...) ... OPEC" one organisation.
//   - A name with a sure type (a legal form, an acronym defined in
//     parentheses, "shares of X") has it at every mention.
//   - Otherwise a name that begins a longer organisation's name is that
//     organisation ("Bayern" after "Bayern Munich"), and a name that ends a
//     person's full name is that person ("Blinken" after "Antony
//     Blinken"), unless it is a known place ("Manchester" after
//     "Manchester United" is the city).
//   - Otherwise the type given most often wins; a tie changes nothing.
//
// Untagged mentions of the first word of a longer organisation's name,
// and of a one-word name surely an organisation, are added, when the word
// is no common word, first name or place. It
// runs on the sorted entities and keeps them sorted.
func (x *Extractor) consistentTypes() {
	if x.votes == nil {
		x.votes = map[string]typeVotes{}
		x.orgFirst = map[string]int{}
	}
	clear(x.votes)
	clear(x.orgFirst)
	for k, e := range x.ents {
		v := voteIndex(e.Type)
		if v < 0 {
			continue
		}
		key := trimThe(e.Text)
		tv := x.votes[key]
		tv.n[v]++
		if e.sure {
			tv.sure = e.Type
		}
		x.votes[key] = tv
		if first, _, ok := strings.Cut(key, " "); ok && e.Type == Org {
			if o, ok := x.orgFirst[first]; !ok || len(x.ents[o].Text) < len(e.Text) {
				x.orgFirst[first] = k
			}
		}
	}
	for k := range x.ents {
		e := &x.ents[k]
		if voteIndex(e.Type) < 0 {
			continue
		}
		key := trimThe(e.Text)
		tv := x.votes[key]
		want := e.Type
		switch {
		case tv.sure != "":
			want = tv.sure
		case e.sure:
		case x.beginsLongerOrg(key) && !x.isKnownPlace(e):
			want = Org
		case e.Type != Person && !strings.Contains(key, " ") && x.surnameHashes[x.doc.Hash[x.tokenIndex(e.End-1)]] && !x.isKnownPlace(e):
			want = Person
		default:
			best := voteIndex(e.Type)
			for t := range tv.n {
				if tv.n[t] > tv.n[best] {
					best = t
				}
			}
			want = voteTypes[best]
		}
		if want != e.Type {
			e.Type = want
			i, j := x.tokenRange(e.Start, e.End)
			if i >= 0 {
				e.Value = x.value(i, j, want)
			}
		}
	}
	x.addOrgFirstWords()
}

// beginsLongerOrg reports whether name is the first word of a longer
// organisation's name in the text.
func (x *Extractor) beginsLongerOrg(name string) bool {
	if strings.Contains(name, " ") {
		return false
	}
	o, ok := x.orgFirst[name]
	return ok && len(x.ents[o].Text) > len(name)
}

// isKnownPlace reports an entity that is a place of the gazetteer.
func (x *Extractor) isKnownPlace(e *Entity) bool {
	i, j := x.tokenRange(e.Start, e.End)
	return i >= 0 && x.isPlaceSpan(i, j)
}

// tokenIndex returns the token that ends at byte end, or the last token
// before it.
func (x *Extractor) tokenIndex(end int) int {
	t := x.doc.Toks
	k, _ := slices.BinarySearchFunc(t, end, func(tk ner.Token, e int) int { return int(tk.End) - 1 - e })
	return min(k, len(t)-1)
}

// addOrgFirstWords tags the untagged mentions of the first word of an
// organisation named in full in the text ("Bayern now lead the table"),
// and of a one-word name that is surely an organisation ("Shares of
// Nordvik rose ... Nordvik said"),
// when the word alone names nothing else: not a common word, first name,
// title, nationality or place, and not followed by another capitalised
// word.
func (x *Extractor) addOrgFirstWords() {
	n := len(x.doc.Toks)
	added := false
	for i := 0; i < n; i++ {
		if x.inEntity[i] || !x.isCap(i) || i+1 < n && x.isCap(i+1) && !x.doc.Toks[i+1].SentStart {
			continue
		}
		if x.has(i, ner.GCommon|ner.GFirst|ner.GTitle|ner.GDemonym|ner.GCountry|ner.GCity|ner.GCapital|ner.GLoc|ner.GWeekday|ner.GMonth) {
			continue
		}
		if w := x.tokenText(i); !x.beginsLongerOrg(w) && x.votes[w].sure != Org {
			continue
		}
		x.add(i, i+1, Org, x.tokenText(i))
		added = true
	}
	if added {
		slices.SortFunc(x.ents, func(a, b Entity) int { return a.Start - b.Start })
	}
}
