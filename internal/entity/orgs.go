package entity

import (
	"strings"

	"github.com/newsdump/newsdump/internal/ner"
)

// orgRules adds organisations the tagger missed: known one-word names and
// runs of capitalised words with an organisation head word.
func (x *Extractor) orgRules() {
	n := len(x.doc.Toks)
	for i := 0; i < n; i++ {
		if x.inEntity[i] || !x.isCap(i) || x.lowIs(i, "the") {
			continue
		}
		if knownOrgs[string(x.lowBytes(i))] && !(i+1 < len(x.doc.Toks) && x.isCap(i+1) && !x.doc.Toks[i+1].SentStart) {
			x.add(i, i+1, Org, x.tokenText(i))
			continue
		}
		if l := ner.DefaultGazetteer().Longest(x.doc.Hash[i:], ner.GOrg); l > 1 && x.free(i, i+l) && x.isCap(i+l-1) &&
			ner.DefaultGazetteer().Longest(x.doc.Hash[i:], ner.GCountry|ner.GLoc|ner.GCity|ner.GCapital) != l {
			x.add(i, i+l, Org, x.doc.Text[x.doc.Toks[i].Start:x.doc.Toks[i+l-1].End])
			i += l - 1
			continue
		}
		if x.isAcronymOrg(i) {
			x.add(i, i+1, Org, x.tokenText(i))
			continue
		}
		// A run of capitalised words, "of"/"for"/"and" allowed inside.
		j := i
		head := false
		for j < n && !x.inEntity[j] {
			if x.isCap(j) && !x.has(j, ner.GWeekday|ner.GMonth) {
				if orgHeads[string(x.lowBytes(j))] {
					head = true
				}
				j++
				continue
			}
			if (x.lowIs(j, "of") || x.lowIs(j, "for") || x.lowIs(j, "and")) && x.isCap(j+1) && j > i {
				j++
				continue
			}
			break
		}
		e := j
		for e > i && !x.isCap(e-1) {
			e-- // "Bank of" before a place already tagged
		}
		if head && e < j && e > i && x.lowIs(e, "of") && orgHeads[string(x.lowBytes(e-1))] && !x.doc.Title[i] {
			// "Bank of" before a place the tagger found: the organisation
			// is joined with the place by mergeOrgOfPlace.
			x.add(i, e, Org, x.doc.Text[x.doc.Toks[i].Start:x.doc.Toks[e-1].End])
		} else if head && e == j && j-i >= 2 && !x.doc.Title[i] {
			x.add(i, j, Org, x.doc.Text[x.doc.Toks[i].Start:x.doc.Toks[j-1].End])
		}
		if j > i {
			i = j - 1
		}
	}
}

// isAcronymOrg reports an untagged all-capitals abbreviation of two to
// six letters that is neither a place nor a common abbreviation: GCHQ,
// RSPB, KFC. Headlines in capitals are left alone.
func (x *Extractor) isAcronymOrg(i int) bool {
	t := x.tokenText(i)
	if len(t) < 2 || len(t) > 6 || x.doc.Title[i] {
		return false
	}
	for k := 0; k < len(t); k++ {
		if t[k] < 'A' || t[k] > 'Z' {
			return false
		}
	}
	if notOrgAcronyms[string(x.lowBytes(i))] || x.has(i, ner.GCountry|ner.GCity|ner.GCapital|ner.GDemonym|ner.GMonth|ner.GWeekday) {
		return false
	}
	// In a run of capitals (a shouted headline or a name in capitals)
	// one word proves nothing.
	if x.isAllCaps(i-1) || x.isAllCaps(i+1) {
		return false
	}
	return true
}

// roleOfOrgs tags the untagged capitalised name after "<role> of
// [the]" as an organisation.
func (x *Extractor) roleOfOrgs() {
	n := len(x.doc.Toks)
	for k := 1; k+1 < n; k++ {
		if !x.lowIs(k, "of") || !orgRoles[string(x.lowBytes(k-1))] {
			continue
		}
		i := k + 1
		if x.lowIs(i, "the") {
			i++
		}
		j := i
		for j < n && j-i < 5 && !x.inEntity[j] && x.isCap(j) && !x.has(j, ner.GWeekday|ner.GMonth) {
			j++
		}
		if j > i && !(j < n && x.inEntity[j]) {
			x.add(i, j, Org, x.doc.Text[x.doc.Toks[i].Start:x.doc.Toks[j-1].End])
		}
	}
}

// mergeOrgOfPlace joins an organisation ending in a head word and the
// place after "of": "Bank" + "of" + "Scotland", "Motion Picture
// Association" + "of" + "America".
func mergeOrgOfPlace(text string, ents []Entity) []Entity {
	out := ents[:0]
	for k := 0; k < len(ents); k++ {
		e := ents[k]
		if e.Type == Org && k+1 < len(ents) && ents[k+1].Type == Location && text[e.End:ents[k+1].Start] == " of " {
			last := strings.ToLower(e.Text[strings.LastIndexByte(e.Text, ' ')+1:])
			if orgHeads[last] {
				e.End = ents[k+1].End
				e.Text = text[e.Start:e.End]
				e.Value = e.Text
				k++
			}
		}
		out = append(out, e)
	}
	return out
}
