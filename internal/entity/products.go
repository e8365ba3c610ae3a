package entity

import "strings"

// A name followed by a product or market noun names the product, not a
// person: "Brent crude", "Nikkei index", "Dow futures". productNouns is
// the one list of those nouns, and dropProducts the one rule that reads
// it.

// productNouns after a one-word name make it a product or a market, not
// a person; after an oil benchmark's name they make it the crude.
var productNouns = map[string]bool{
	"crude": true, "oil": true, "futures": true, "index": true, "prices": true, "price": true,
	"blend": true, "benchmark": true, "contract": true, "contracts": true, "barrel": true,
}

// benchmarkNames are crude oil benchmarks named as people or places are.
var benchmarkNames = map[string]bool{"Brent": true, "BRENT": true, "WTI": true, "Murban": true}

// IsBenchmarkName reports whether name is the name of an oil benchmark
// anywhere ("Brent", "WTI"); [Extractor.NamesCrude] says whether a text
// uses it so.
func IsBenchmarkName(name string) bool { return benchmarkNames[name] }

// NamesCrude reports whether the last text extracted names an oil
// benchmark as the crude (see dropProducts), so that its benchmark names
// were no names there. Article.Entities reads the other strings of the
// article so too: a market report that says "Brent crude" once means the
// crude when its next paragraph says "Brent rose".
func (x *Extractor) NamesCrude() bool { return x.crude }

// dropProducts drops the one-word names that name a product or a market:
//   - a PERSON followed by a product noun ("Nikkei index", "Dow
//     futures");
//   - every PERSON, ORG and LOCATION that is an oil benchmark's name
//     ("Brent", "WTI"), when the text names a benchmark as the crude
//     anywhere: a product noun after it ("Brent crude", "WTI futures"),
//     "benchmark" before it ("benchmark Brent"), or a price per barrel in
//     its sentence ("Brent rose to $80 a barrel"). One benchmark so named
//     makes the others crude too ("WTI crude fell while Brent rose");
//   - a PERSON before "mission" ("its Artemis mission");
//   - the names of events, and the place in "Tour de France" (isEvent):
//     the annotation guidelines of the news sets (UNER, OntoNotes and
//     testdata/news_*.tsv) make events no PERSON, ORG or LOCATION.
//
// It runs last, on the sorted entities, so that no later rule brings
// such a name back.
func (x *Extractor) dropProducts() {
	x.crude = x.namesCrude()
	kept := x.ents[:0]
	for _, e := range x.ents {
		switch {
		case e.Type != Person && e.Type != Org && e.Type != Location:
		case x.crude && benchmarkNames[e.Text]: // each one word
			continue
		case e.Type == Person && x.beforeWord(e.End) && !strings.Contains(e.Text, " "):
			if i, j := x.tokenRange(e.Start, e.End); i >= 0 && j-i == 1 && (x.productAt(j) || x.lowIs(j, "mission") || x.lowIs(j, "spacecraft")) {
				continue
			}
		case x.isEvent(e):
			continue
		}
		kept = append(kept, e)
	}
	x.ents = kept
}

// isEvent reports a name that is an event's, or a place named inside
// the event's name, which the guidelines make no PERSON, ORG or LOCATION:
// a name that ends in an event's head in capitals ("Dubai Airshow",
// "Rugby World Cup", "Oscars"), and "Tour de France" or its place.
func (x *Extractor) isEvent(e Entity) bool {
	i, j := x.tokenRange(e.Start, e.End)
	if i < 0 {
		return false
	}
	if eventHeads[string(x.lowBytes(j-1))] && x.isCap(j-1) && (j-i > 1 || x.lowIs(j-1, "oscars")) {
		return true
	}
	if j-i >= 3 && x.lowIs(i, "tour") && x.lowIs(i+1, "de") {
		return true // "Tour de France" taken whole
	}
	return e.Type == Location && i >= 2 && x.lowIs(i-1, "de") && x.lowIs(i-2, "tour") && x.isCap(i-2)
}

// eventHeads end the names of events: "Dubai Airshow", "Australian Open"
// ... Not "League", which ends the names of organisations.
var eventHeads = map[string]bool{
	"airshow": true, "prix": true, "cup": true, "championships": true, "olympics": true,
	"oscars": true, "awards": true, "marathon": true, "festival": true, "contest": true, "expo": true,
	"bowl": true, "open": true,
}

// beforeWord reports a space and an ASCII letter at byte end of the
// text: a cheap test before productAt's.
func (x *Extractor) beforeWord(end int) bool {
	t := x.doc.Text
	if end+1 >= len(t) || t[end] != ' ' {
		return false
	}
	c := t[end+1] | 0x20
	return c >= 'a' && c <= 'z'
}

// namesCrude reports a benchmark's name that the text uses as the crude
// (see dropProducts). It reads the text once, a sentence at a time: a
// benchmark's name with a price per barrel anywhere in its sentence.
func (x *Extractor) namesCrude() bool {
	n := len(x.doc.Toks)
	bench, price := false, false
	for i := 0; i < n; i++ {
		if i == 0 || x.doc.Toks[i].SentStart {
			if bench && price {
				return true
			}
			bench, price = false, false
		} else if !price {
			price = x.priceAt(i)
		}
		if x.doc.Cls[i] != 'X' || !benchmarkNames[x.tokenText(i)] {
			continue
		}
		if x.productAt(i+1) || x.lowIs(i-1, "benchmark") {
			return true
		}
		bench = true
	}
	return bench && price
}

// productAt reports a product noun at token j, right after a name: in
// lower case, or in capitals after a name in capitals ("BRENT CRUDE").
func (x *Extractor) productAt(j int) bool {
	if j < 1 || j >= len(x.doc.Toks) || !productNouns[string(x.lowBytes(j))] {
		return false
	}
	return x.doc.Cls[j] == 'x' || x.isAllCaps(j) && x.isAllCaps(j-1)
}

// priceAt reports a price per barrel at token k, which is not the first
// of its sentence: "a barrel" or "per barrel" ("$80 a barrel"), not "a
// barrel of".
func (x *Extractor) priceAt(k int) bool {
	return (x.lowIs(k, "barrel") || x.lowIs(k, "bbl")) && (x.lowIs(k-1, "a") || x.lowIs(k-1, "per") || x.lowIs(k-1, "/")) && !x.lowIs(k+1, "of")
}
