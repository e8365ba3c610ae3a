package ner

// Runs of capitalised words: "Diagnostic Products Corp", "Bank of
// England", "Schering-Plough". A name's type is usually said by its last
// word (Corp, Bank, University, City) and by the words around the whole
// run ("shares of", "told", "said"), which a window of one or two words
// around each token does not reach for the first words of a long name.

// markRuns sets d.RunStart and d.RunEnd: for a token in a run of two or
// more capitalised words, the run's first token and the one after its
// last; for every other token, -1. Inside a run "of", "for", "and", "&"
// and "de" are allowed before a capitalised word, and a hyphen between two
// words it touches.
func (d *Doc) markRuns() {
	n := len(d.Toks)
	d.RunStart = grow(d.RunStart, n)
	d.RunEnd = grow(d.RunEnd, n)
	for i := 0; i < n; {
		if d.Cls[i] != 'X' {
			d.RunStart[i], d.RunEnd[i] = -1, -1
			i++
			continue
		}
		j := i + 1
		for j < n && !d.Toks[j].SentStart {
			if d.Cls[j] == 'X' {
				j++
				continue
			}
			if j+1 < n && d.Cls[j+1] == 'X' && !d.Toks[j+1].SentStart && d.innerRunWord(j) {
				j += 2
				continue
			}
			break
		}
		s, e := int32(i), int32(j)
		if j-i < 2 {
			s, e = -1, -1
		}
		for k := i; k < j; k++ {
			d.RunStart[k], d.RunEnd[k] = s, e
		}
		i = j
	}
}

// innerRunWord reports a word that may join two capitalised words of one
// name: "of", "for", "and", "&", "de", or a hyphen touching both.
func (d *Doc) innerRunWord(j int) bool {
	low := d.Low[d.LowOff[j][0]:d.LowOff[j][1]]
	switch string(low) {
	case "of", "for", "and", "&", "de":
		return true
	case "-":
		return d.Toks[j-1].End == d.Toks[j].Start && d.Toks[j].End == d.Toks[j+1].Start
	}
	return false
}
