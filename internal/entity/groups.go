package entity

import "github.com/newsdump/newsdump/internal/ner"

// norp tags nationality words not already inside a name.
func (x *Extractor) norp() {
	d := &x.doc
	n := len(d.Toks)
	for i := 0; i < n; i++ {
		if x.inEntity[i] || !(x.has(i, ner.GDemonym) || x.isGroupWord(i)) || !x.isCap(i) {
			continue
		}
		j := i + 1
		for j < n && d.GazI[j]&ner.GDemonym != 0 && !x.inEntity[j] {
			j++
		}
		x.add(i, j, NORP, x.doc.Text[d.Toks[i].Start:d.Toks[j-1].End])
		i = j - 1
	}
}

func (x *Extractor) isGroupWord(i int) bool {
	return x.isCap(i) && norpGroups[string(x.lowBytes(i))]
}

// isNationalityLike reports a word that names a people or a faith rather
// than one organisation: a nationality or group word, or an adjective
// of nationality no list knows ("Kurdish", "Congolese", "Ivorian").
func (x *Extractor) isNationalityLike(i int) bool {
	if x.has(i, ner.GDemonym) || x.isGroupWord(i) {
		return true
	}
	low := x.lowBytes(i)
	if len(low) < 5 || knownOrgs[string(low)] || x.has(i, ner.GOrg) {
		return false
	}
	switch string(low[len(low)-3:]) {
	case "ish", "ese", "ian":
		return true
	}
	return false
}
