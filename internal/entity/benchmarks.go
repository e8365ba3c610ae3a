package entity

import "strings"

// IsBenchmark reports whether name, a one-word name of text, is the name
// of a crude oil benchmark there: "Brent" is no person where text writes
// "Brent crude", "Brent futures" or "benchmark Brent". Each mention of
// the name in text is read so: a market report that once says "Brent
// crude" means the crude when it says "Brent rose".
func IsBenchmark(text, name string) bool {
	if !benchmarkNames[name] {
		return false
	}
	for off := 0; ; {
		i := strings.Index(text[off:], name)
		if i < 0 {
			return false
		}
		st, en := off+i, off+i+len(name)
		off = en
		if rest, ok := strings.CutPrefix(text[en:], " "); ok {
			w := rest
			if k := strings.IndexFunc(rest, func(r rune) bool { return r < 'a' || r > 'z' }); k >= 0 {
				w = rest[:k]
			}
			if benchmarkNouns[w] {
				return true
			}
		}
		if strings.HasSuffix(text[:st], "benchmark ") {
			return true
		}
	}
}

// IsBenchmarkName reports whether name is the name of an oil benchmark
// anywhere ("Brent", "WTI"), which IsBenchmark then reads in context.
func IsBenchmarkName(name string) bool { return benchmarkNames[name] }

// benchmarkNames are crude oil benchmarks named as people or places are.
var benchmarkNames = map[string]bool{"Brent": true, "BRENT": true, "WTI": true, "Murban": true}

// benchmarkNouns after a benchmark's name say it is one.
var benchmarkNouns = map[string]bool{
	"crude": true, "oil": true, "futures": true, "prices": true, "price": true,
	"benchmark": true, "contract": true, "contracts": true, "blend": true, "barrel": true,
}
