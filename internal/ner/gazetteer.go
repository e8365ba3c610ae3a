package ner

import (
	"strconv"
	"strings"
)

// Gazetteer classes: one bit each. A token gets the bit in GazB when a
// gazetteer name of that class starts at it, in GazI when it continues one.
const (
	GFirst   uint32 = 1 << iota // first names
	GLast                       // family names
	GCountry                    // countries and their aliases
	GCapital                    // capital cities
	GCity                       // cities of 15,000 people or more
	GDemonym                    // nationality words: Iraqi, Israelis
	GOrg                        // organisations (WordNet)
	GLoc                        // other places (WordNet)
	GPerson                     // well-known people (WordNet)
	GTitle                      // titles before a name: President, Gen.
	GOrgWord                    // words that end organisation names: Ministry, Inc.
	GMonth                      // month names and abbreviations
	GWeekday                    // weekday names
	GCommon                     // words written in lower case in the training text
	gClasses = iota
)

// GOrgNames marks the names of the larger organisation lists (class
// letter R). It lies past the classes that the tagger's features read, so
// the rules of internal/entity take these names like GOrg's while the
// model's weights do not depend on them: a longer list changes no weight.
const GOrgNames uint32 = 1 << gClasses

// GOrgs is either class of organisation names.
const GOrgs = GOrg | GOrgNames

// gPrefix marks a sequence that begins a longer entry, so that look-ups
// stop as soon as no entry can match.
const gPrefix uint32 = 1 << 31

// classLetters name the classes in the embedded gazetteer file, one a
// bit: GFirst is F, GOrgNames R.
const classLetters = "FLCKYDOWPTGMNVR"

// Gazetteer maps lower-cased token sequences to class bits.
type Gazetteer struct {
	entries  map[uint64]uint32
	maxLen   int
	clusters map[uint64]uint32 // see AddClusters
}

// titleWords precede a person's name. They are in Go rather than in the
// data because the rules of internal/entity share them.
var titleWords = []string{
	"president", "vice", "minister", "prime", "secretary", "general", "gen.", "gen",
	"mr.", "mr", "mrs.", "mrs", "ms.", "ms", "dr.", "dr", "sen.", "senator", "rep.",
	"representative", "gov.", "governor", "king", "queen", "prince", "princess", "pope",
	"chancellor", "ambassador", "spokesman", "spokeswoman", "spokesperson", "chairman",
	"chairwoman", "director", "judge", "justice", "lt.", "col.", "colonel", "sgt.",
	"sergeant", "brig.", "brigadier", "maj.", "major", "capt.", "captain", "adm.",
	"admiral", "commander", "envoy", "mayor", "sheikh", "shaikh", "imam", "ayatollah",
	"rabbi", "sir", "lord", "lady", "dame", "professor", "prof.", "coach", "lieutenant",
	"emir", "sultan", "crown", "speaker", "leader", "ceo", "premier", "cardinal",
	"bishop", "archbishop", "rev.", "reverend", "president-elect", "attorney",
	"chief", "deputy", "foreign", "defense", "defence", "interior", "finance",
	"emperor", "empress", "tsar", "czar", "duke", "duchess", "countess", "pharaoh", "miss",
	"st.", "saint", "pres.", "gov", "sen", "rep", "gen", "lt", "col", "sgt", "capt", "adm",
}

var orgWords = []string{
	"inc.", "inc", "corp.", "corp", "corporation", "ltd.", "ltd", "llc", "plc", "co.",
	"company", "group", "university", "college", "institute", "ministry", "department",
	"party", "council", "association", "agency", "bank", "committee", "commission",
	"foundation", "organization", "organisation", "union", "federation", "authority",
	"army", "forces", "movement", "front", "brigades", "court", "parliament", "senate",
	"congress", "assembly", "league", "society", "club", "news", "times", "post",
	"press", "network", "airlines", "airways", "fund", "board", "office", "service",
	"school", "hospital", "church", "center", "centre", "guard", "police",
}

// newsPlaces are regions and waters that news names often and that the
// source lists (countries, cities, WordNet) lack.
var newsPlaces = []string{
	"Red Sea", "Black Sea", "Dead Sea", "Caspian Sea", "South China Sea", "East China Sea",
	"Mediterranean", "Mediterranean Sea", "Persian Gulf", "Gulf of Aden", "Gulf of Mexico",
	"Strait of Hormuz", "Bab al-Mandab", "Taiwan Strait", "English Channel", "Suez Canal",
	"West Bank", "Gaza Strip", "Gaza", "Golan Heights", "Sinai", "Middle East", "Gulf",
	"Levant", "Balkans", "Caucasus", "Sahel", "Horn of Africa", "Kurdistan", "Donbas",
	"Crimea", "Kashmir", "Tigray", "Darfur", "Arctic", "Antarctica", "Atlantic", "Pacific",
	"Indian Ocean", "Atlantic Ocean", "Pacific Ocean", "Arabian Sea", "Baltic Sea", "North Sea",
	"Aegean Sea", "Sea of Galilee", "Jordan Valley", "Latin America", "Southeast Asia",
	"Central Asia", "East Africa", "West Africa", "North Africa", "Eastern Europe", "Western Europe",
}

var monthWords = []string{
	"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "jan.", "feb.", "mar.", "apr.",
	"jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
}

var weekdayWords = []string{
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}

// NewGazetteer builds a gazetteer from lines "C<TAB>name", where C is one
// of the class letters, plus the built-in word lists.
func NewGazetteer(data string) *Gazetteer {
	// A line a name, and a name of several words one entry more for each
	// of its prefixes: a quarter more than the lines holds them all
	// (83,746 for the embedded 71,037 lines), so the table never grows.
	g := &Gazetteer{entries: make(map[uint64]uint32, strings.Count(data, "\n")*5/4)}
	var toks []Token
	var low []byte
	add := func(name string, cls uint32) {
		toks = Tokenize(name, toks[:0])
		if len(toks) == 0 || len(toks) > 8 {
			return
		}
		h := uint64(0)
		for k, t := range toks {
			low = appendLower(low[:0], name[t.Start:t.End])
			h = mix(h, hashBytes(low))
			if k < len(toks)-1 {
				g.entries[h] |= gPrefix
			}
		}
		g.entries[h] |= cls
		if len(toks) > g.maxLen {
			g.maxLen = len(toks)
		}
	}
	for rest := data; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		c, name, ok := strings.Cut(line, "\t")
		if !ok || len(c) != 1 {
			continue
		}
		k := strings.IndexByte(classLetters, c[0])
		if k < 0 {
			continue
		}
		add(name, 1<<k)
	}
	for _, l := range []struct {
		words []string
		cls   uint32
	}{{titleWords, GTitle}, {orgWords, GOrgWord}, {monthWords, GMonth}, {weekdayWords, GWeekday}, {newsPlaces, GLoc}} {
		for _, w := range l.words {
			add(w, l.cls)
		}
	}
	return g
}

// AddClusters adds the word clusters of data, lines "fine<TAB>coarse<TAB>
// words" as cmd/nerclusters writes them. A word's cluster is
// fine+1<<16 | coarse+1, so that 0 stands for a word no cluster has.
func (g *Gazetteer) AddClusters(data string) {
	g.clusters = make(map[uint64]uint32, 60000)
	for rest := data; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		f := strings.SplitN(line, "\t", 3)
		if len(f) != 3 {
			continue
		}
		fine, err1 := strconv.Atoi(f[0])
		coarse, err2 := strconv.Atoi(f[1])
		if err1 != nil || err2 != nil || fine < 0 || fine >= 1<<15 || coarse < 0 || coarse >= 1<<15 {
			continue
		}
		for _, w := range strings.Fields(f[2]) {
			g.clusters[hashBytes([]byte(w))] = uint32(fine+1)<<16 | uint32(coarse+1)
		}
	}
}

// Cluster returns the cluster of the lower-cased word whose hash is h
// (see AddClusters), or 0.
func (g *Gazetteer) Cluster(h uint64) uint32 { return g.clusters[h] }

// Annotate sets gazB and gazI for tokens whose lower-case hashes are hs.
func (g *Gazetteer) Annotate(hs []uint64, gazB, gazI []uint32) {
	for i := range hs {
		h := uint64(0)
		for l := 0; l < g.maxLen && i+l < len(hs); l++ {
			h = mix(h, hs[i+l])
			cls, ok := g.entries[h]
			if !ok {
				break
			}
			cls &^= gPrefix
			gazB[i] |= cls
			for k := i + 1; k <= i+l; k++ {
				gazI[k] |= cls
			}
		}
	}
}

// Lookup returns the classes of one lower-cased token sequence.
func (g *Gazetteer) Lookup(hs []uint64) uint32 {
	h := uint64(0)
	for _, x := range hs {
		h = mix(h, x)
	}
	return g.entries[h] &^ gPrefix
}

// Longest returns the length of the longest entry of one of the classes
// cls that starts at hs[0], or 0.
func (g *Gazetteer) Longest(hs []uint64, cls uint32) int {
	h := uint64(0)
	best := 0
	for l := 0; l < g.maxLen && l < len(hs); l++ {
		h = mix(h, hs[l])
		c, ok := g.entries[h]
		if !ok {
			break
		}
		if c&cls != 0 {
			best = l + 1
		}
	}
	return best
}

// Word returns the classes of one lower-cased word.
func (g *Gazetteer) Word(low []byte) uint32 {
	return g.entries[mix(0, hashBytes(low))] &^ gPrefix
}

// IsCommon reports whether the lower-cased word low, or its singular
// without a final "s", is a common lower-case word.
func (g *Gazetteer) IsCommon(low []byte) bool {
	if g.entries[mix(0, hashBytes(low))]&GCommon != 0 {
		return true
	}
	n := len(low)
	return n > 3 && low[n-1] == 's' && low[n-2] != 's' && g.entries[mix(0, hashBytes(low[:n-1]))]&GCommon != 0
}
