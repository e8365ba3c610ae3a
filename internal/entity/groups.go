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
