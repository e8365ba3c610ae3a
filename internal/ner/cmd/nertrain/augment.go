package main

import (
	"bufio"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdump/newsdump/internal/ner/conll"
)

// names holds the replacement names: whole names of each type ("ORG",
// "LOC", "PER"), and first and family names ("FIRST", "LAST") that make
// persons when there is no "PER" list.
type names map[string][]string

// readNames reads the name lists from the gazetteer folder gaz and the
// compromise lists in lists: organisations from WordNet and compromise,
// places from the country, capital and city lists and WordNet, persons as
// first and family names (persons are built from the two lists).
func readNames(gaz, lists string) (names, error) {
	n := names{}
	read := func(path string, fix func(string) string) ([]string, error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		var out []string
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			s := strings.TrimSpace(sc.Text())
			if fix != nil {
				s = fix(s)
			}
			if s != "" {
				out = append(out, s)
			}
		}
		return out, sc.Err()
	}
	for _, l := range []struct {
		typ, path string
		fix       func(string) string
	}{
		{"ORG", filepath.Join(gaz, "wordnet", "org_all.txt"), wordnetOrg},
		{"ORG", filepath.Join(lists, "compromise-orgs.txt"), capitalise},
		{"ORG", filepath.Join(lists, "compromise-teams.txt"), capitalise},
		{"LOC", filepath.Join(gaz, "countries.txt"), latinName},
		{"LOC", filepath.Join(gaz, "cities15000.txt"), latinName},
		{"FIRST", filepath.Join(gaz, "first_names.txt"), latinName},
		{"LAST", filepath.Join(gaz, "last_names.txt"), title},
	} {
		s, err := read(l.path, l.fix)
		if err != nil {
			return nil, err
		}
		n[l.typ] = append(n[l.typ], s...)
	}
	for t, s := range n {
		slices.Sort(s)
		n[t] = slices.Compact(s)
	}
	return n, nil
}

// latinName keeps a name written in Latin script with a capital, one to
// four words long.
func latinName(s string) string {
	if len(strings.Fields(s)) > 4 || len(s) < 2 {
		return ""
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return ""
	}
	for _, r := range s {
		if r > 0x24F {
			return ""
		}
	}
	return s
}

// minor words stay in lower case inside a name.
var minor = map[string]bool{"of": true, "the": true, "and": true, "for": true, "de": true, "al": true, "on": true, "in": true, "&": true}

// capitalise writes a lower-case list entry as a name: "al jazeera" → "Al
// Jazeera"; one short word ("bbc", "ymca") and words without a vowel
// ("at&t") in capitals.
func capitalise(s string) string {
	w := strings.Fields(s)
	for i, x := range w {
		switch {
		case minor[x] && i > 0:
		case len(w) == 1 && len(x) <= 4, !strings.ContainsAny(x, "aeiouy"):
			w[i] = strings.ToUpper(x)
		default:
			w[i] = strings.ToUpper(x[:1]) + x[1:]
		}
	}
	return latinName(strings.Join(w, " "))
}

// title writes a lower-case word with a capital: "smith" → "Smith".
func title(s string) string {
	if s == "" {
		return ""
	}
	r, n := utf8.DecodeRuneInString(s)
	return latinName(string(unicode.ToUpper(r)) + s[n:])
}

// wordnetOrg keeps the WordNet organisations that are names of one body,
// not religions ("Buddhism") or descriptions ("Clinton administration").
func wordnetOrg(s string) string {
	if strings.HasSuffix(s, "ism") {
		return ""
	}
	for i, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if i > 0 && !unicode.IsUpper(r) && !unicode.IsDigit(r) && !minor[w] {
			return ""
		}
	}
	return latinName(s)
}

// trainNames lists the distinct names of each type in the training
// sentences.
func trainNames(sents []conll.Sentence) names {
	n := names{}
	for _, s := range sents {
		for _, sp := range s.Spans {
			n[sp.Type] = append(n[sp.Type], s.Text[sp.Start:sp.End])
		}
	}
	for t, s := range n {
		slices.Sort(s)
		n[t] = slices.Compact(s)
	}
	return n
}

// augment returns frac × (the sentences with a span of a type in types)
// new sentences: copies of such sentences, drawn at random, in which every
// span of those types is replaced by another name of its type. Which
// sentences and names are drawn depends only on seed.
func augment(sents []conll.Sentence, n names, types map[string]bool, frac float64, seed uint64) []conll.Sentence {
	var pool []int
	for i, s := range sents {
		for _, sp := range s.Spans {
			if types[sp.Type] {
				pool = append(pool, i)
				break
			}
		}
	}
	rng := rand.New(rand.NewPCG(seed, 0xa06))
	want := int(frac*float64(len(pool)) + 0.5)
	var out []conll.Sentence
	for len(out) < want {
		order := slices.Clone(pool)
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			if len(out) == want {
				break
			}
			out = append(out, replace(sents[k], n, types, rng))
		}
	}
	return out
}

// replace copies s with each span of a type in types replaced by a name
// drawn from n.
func replace(s conll.Sentence, n names, types map[string]bool, rng *rand.Rand) conll.Sentence {
	var b strings.Builder
	out := conll.Sentence{Spans: make([]conll.Span, 0, len(s.Spans))}
	spans := slices.Clone(s.Spans)
	slices.SortFunc(spans, func(a, b conll.Span) int { return a.Start - b.Start })
	last := 0
	for _, sp := range spans {
		if sp.Start < last {
			continue // overlapping spans do not occur; skip one if they do
		}
		b.WriteString(s.Text[last:sp.Start])
		name := s.Text[sp.Start:sp.End]
		if types[sp.Type] {
			name = draw(sp.Type, len(strings.Fields(name)), n, rng)
		}
		start := b.Len()
		b.WriteString(name)
		out.Spans = append(out.Spans, conll.Span{Start: start, End: b.Len(), Type: sp.Type})
		last = sp.End
	}
	b.WriteString(s.Text[last:])
	out.Text = b.String()
	return out
}

// draw picks a name of type t for a span of words words; an organisation
// is made up by synthOrg when there is no "ORG" list.
func draw(t string, words int, n names, rng *rand.Rand) string {
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	if s := n["PER"]; t == "PER" && len(s) > 0 {
		return pick(s)
	}
	if t == "PER" {
		if words == 1 {
			return pick(n["LAST"])
		}
		return pick(n["FIRST"]) + " " + pick(n["LAST"])
	}
	if t == "ORG" && len(n[t]) == 0 {
		return synthOrg(n, rng)
	}
	return pick(n[t])
}

// Heads of made-up organisation names: a family or place name before a
// legal form or a head word.
var (
	companyHeads = []string{"Corp", "Corp.", "Corporation", "Inc.", "Inc", "Ltd", "Plc", "Group", "Holdings", "Bank", "AG", "SA", "NV", "Co.", "Airlines", "Energy", "Motors", "Partners", "Capital", "Technologies", "Systems", "Pharmaceuticals", "Media", "Foods", "Insurance", "Industries", "International", "& Co", "Brothers", "Securities"}
	teamHeads    = []string{"FC", "United", "City", "Rovers", "Athletic", "Wanderers", "Town", "Albion"}
	placeBodies  = []string{"University", "City Council", "Police", "Chamber of Commerce", "Supreme Court", "High Court", "District Court", "Central Bank", "Stock Exchange", "News Agency", "Football Association", "Institute of Technology", "Hospital", "Symphony Orchestra", "Times", "Herald", "Post"}
	ofBodies     = []string{"University of", "Bank of", "Ministry of Defence of", "Parliament of", "Government of", "Church of", "Archdiocese of", "Port of"}
	ministries   = []string{"Defence", "Defense", "Finance", "Foreign Affairs", "Interior", "Health", "Education", "Energy", "Justice", "Agriculture", "Trade", "Transport", "Labour", "Oil", "Information"}
	partyWords   = []string{"National", "Democratic", "Labour", "Socialist", "Liberal", "Conservative", "People's", "Green", "Progressive", "Republican", "Workers'", "Social Democratic", "Christian Democratic", "Independence", "Unity", "Reform"}
)

// synthOrg makes an organisation name from a family or place name and a
// head: "Okafor Holdings", "Leeds Rovers", "Ministry of Finance",
// "Basra University", "Kenyan National Party".
func synthOrg(n names, rng *rand.Rand) string {
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	place := func() string {
		for {
			if p := pick(n["LOC"]); len(strings.Fields(p)) <= 2 {
				return p
			}
		}
	}
	switch rng.IntN(7) {
	case 0, 1:
		x := pick(n["LAST"])
		if rng.IntN(3) == 0 {
			x += " " + pick(n["LAST"])
		}
		return x + " " + pick(companyHeads)
	case 2:
		return place() + " " + pick(teamHeads)
	case 3:
		return place() + " " + pick(placeBodies)
	case 4:
		return pick(ofBodies) + " " + place()
	case 5:
		return "Ministry of " + pick(ministries)
	default:
		return pick(partyWords) + " Party"
	}
}
