package entity

import "github.com/newsdump/newsdump/internal/ner"

// joinParticles makes one person of a name the tagger broke at a
// particle: "Abdulaziz bin Salman", "Luiz Inacio Lula da Silva", "Tamim
// bin Hamad Al Thani", "Ursula von der Leyen". The tagger, trained on
// little Arabic, Dutch or Portuguese naming, often labels the particle O
// and starts a second person after it. When a person's last token is
// followed by one or two particles (bin, ibn, van der, de la, al- ...) and
// then a capitalised word, the particles and the word (and the rest of a
// person span starting there) are relabelled as the inside of the first
// person. It runs on the labels, before they become entities.
func (x *Extractor) joinParticles() {
	d := &x.doc
	n := len(d.Toks)
	for i := 1; i+1 < n; i++ {
		if l := x.labels[i-1]; l != ner.LBPer && l != ner.LIPer || x.labels[i] != ner.LO || d.Toks[i].SentStart {
			continue
		}
		k := x.particlesAt(i)
		if k == i || k >= n || !x.isCap(k) || d.Toks[k].SentStart {
			continue
		}
		// The word after the particles must be part of the name: tagged a
		// person, or untagged and not a place or a common word ("the
		// Netherlands' de Jong" is left alone by the first check already).
		if lk := x.labels[k]; lk != ner.LBPer && !(lk == ner.LO && !x.has(k, ner.GCommon|ner.GCountry|ner.GCity|ner.GCapital|ner.GMonth|ner.GWeekday)) {
			continue
		}
		for m := i; m <= k; m++ {
			x.labels[m] = ner.LIPer
		}
		i = k
		for i+1 < n && x.labels[i+1] == ner.LIPer {
			i++
		}
	}
}

// particlesAt returns the token after the name particles starting at i
// (i itself when there are none): one or two lower-case connectors ("bin",
// "van der", "de la"), or "al"/"el" (either case) joined by a hyphen to
// what follows ("al-Sudani", "Al-Thani").
func (x *Extractor) particlesAt(i int) int {
	if (x.lowIs(i, "al") || x.lowIs(i, "el")) && x.lowIs(i+1, "-") && x.adjacent(i) && x.adjacent(i+1) {
		return i + 2
	}
	k := i
	for k < i+2 && k < len(x.doc.Toks) && x.isConnector(k) {
		k++
	}
	return k
}
