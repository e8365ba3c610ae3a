// Package abbrev is the one table of English abbreviations, and the one
// rule for dotted abbreviations ("U.S.", "a.m."), shared by newsdump's
// sentence splitter and the entity tokenizer of internal/ner.
//
// The splitter and the tokenizer ask different questions of the table:
// the splitter needs to know how a period after the word behaves (its
// [Class]); the tokenizer only whether the period stays part of the word's
// token ([Glued]). Every word the splitter knows is in the table; the
// tokenizer glues the period of a subset of them only, marked in the
// table. That subset is the tokenizer's own list as it was when the two
// tables were merged: the entity tagger was trained on those tokens, and
// gluing the period of every abbreviation the splitter knows changes the
// tagger's results (the ORG score on the UNER English-PUD news set falls
// below its floor; "Glasgow School of Art." loses "of Art"), as does
// gluing even the two titles the tokenizer lacked, "Cpt." and "Hon."
// ("Cpt. Ali Hassan" becomes a place). Whether a word glues its period
// is therefore a column of the one table, not a second table.
package abbrev

// Class is how a period after an abbreviation behaves in the sentence
// splitter.
type Class uint8

// The classes; 0 is not an abbreviation.
const (
	// Other: "Co.", "Jr.", "Oct.", "etc.": the period ends a sentence only
	// when a typical sentence opener follows.
	Other Class = iota + 1
	// Title: a title or prefix before a name ("Mr.", "Brig.", "St."): a
	// capitalised word after it is the name, never a new sentence.
	Title
	// Numeric: a prefix before a number ("No. 2", "pp. 10"): only a number
	// continues the sentence; these are also plain words ("no.").
	Numeric
)

// entry is one abbreviation: its class for the splitter, and whether the
// tokenizer keeps the period with the word.
type entry struct {
	class Class
	glued bool
}

// The table's values, by class and by whether the tokenizer glues the
// period.
var (
	other        = entry{Other, false}
	otherGlued   = entry{Other, true}
	title        = entry{Title, false}
	titleGlued   = entry{Title, true}
	numeric      = entry{Numeric, false}
	numericGlued = entry{Numeric, true}
)

// maxLen is the length in bytes of the longest key of table.
const maxLen = 8

// table maps lower-cased English abbreviations (without the final period)
// to their entry. Built once at package initialisation and only read
// afterwards, so it is safe for concurrent use. Single letters and dotted
// abbreviations ("U.S.", "a.m.") are recognised by their shape instead
// (see [IsDotted]).
var table = map[string]entry{
	// Titles and ranks before names.
	"mr": titleGlued, "mrs": titleGlued, "ms": titleGlued, "messrs": titleGlued, "mme": title,
	"dr": titleGlued, "prof": titleGlued, "rev": titleGlued, "hon": title, "pres": titleGlued,
	"gen": titleGlued, "brig": titleGlued, "col": titleGlued, "lt": titleGlued, "capt": titleGlued,
	"cpt": title, "sgt": titleGlued, "maj": titleGlued, "adm": titleGlued, "cmdr": titleGlued,
	"cmdt": title, "cpl": title, "pvt": title, "pfc": title, "spc": title,
	"gov": titleGlued, "sen": titleGlued, "rep": titleGlued, "reps": titleGlued, "sens": titleGlued,
	"supt": title, "insp": title, "det": title, "atty": title, "amb": title,
	"sec": title, "secy": title, "treas": title, "fr": title, "sr": otherGlued,
	"mt": titleGlued, "ft": otherGlued, "st": otherGlued, "gens": titleGlued, "lieut": title,
	"ald": title, "assemb": title, "comdr": title, "msgr": title,
	"sra": title, "srta": title, "dra": title,

	// Company and name suffixes.
	"co": otherGlued, "corp": otherGlued, "inc": otherGlued, "ltd": otherGlued, "llc": other,
	"plc": other, "bros": other, "jr": otherGlued, "esq": other, "assn": other,
	"dept": otherGlued, "univ": other, "govt": other, "intl": other, "natl": other,
	"assoc": other, "mfg": other, "cos": other,

	// Places.
	"ave": otherGlued, "blvd": otherGlued, "rd": other, "hwy": other, "mtn": other,
	"ariz": other, "calif": other, "colo": other, "conn": other,
	"fla": other, "ga": other, "kan": other,
	"kans": other, "ky": other, "la": other, "md": other,
	"mich": other, "minn": other, "mo": other, "mont": other,
	"neb": other, "nev": other, "okla": other, "pa": other,
	"penn": other, "tenn": other, "tex": other, "va": other, "vt": other,
	"wis": other, "wyo": other, "ont": other, "que": other,

	// Months.
	"jan": otherGlued, "feb": otherGlued, "mar": otherGlued, "apr": otherGlued, "jun": otherGlued,
	"jul": otherGlued, "aug": otherGlued, "sep": otherGlued, "sept": otherGlued, "oct": otherGlued,
	"nov": otherGlued, "dec": otherGlued,

	// Others common in running text.
	"etc": other, "al": other, "vs": otherGlued, "esp": other, "approx": other,
	"cf": other, "ca": other, "min": other,
	"misc": other, "viz": other, "yr": other, "yrs": other, "hr": other,
	"hrs": other, "mins": other, "oz": other, "lb": other, "lbs": other,
	"bn": other, "mn": other, "mln": other,
	"tel": other, "ext": other, "dist": other, "div": other,

	// Prefixes of numbers.
	"no": numericGlued, "pop": numeric, "nos": numeric, "nr": numeric, "n°": numeric, "pp": numeric,
	"vol": numeric, "vols": numeric, "fig": numeric, "figs": numeric,
	"art": numeric, "ch": numeric, "chap": numeric, "para": numeric,
	"sect": numeric, "op": numeric, "rte": numeric,
}

// lookup returns the entry of word (without its final period), ignoring
// ASCII case, or the zero entry. The lower-cased key is built in a fixed
// buffer and converted in the index expression, which the compiler does
// without allocating.
func lookup(word string) entry {
	if len(word) > maxLen {
		return entry{}
	}
	var buf [maxLen]byte
	for k := 0; k < len(word); k++ {
		c := word[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	return table[string(buf[:len(word)])]
}

// ClassOf returns the class of word (without its final period), ignoring
// ASCII case, or 0 when it is not an abbreviation.
func ClassOf(word string) Class { return lookup(word).class }

// Glued reports whether the tokenizer keeps the period after word (without
// its final period, ASCII case ignored) as part of the word's token
// ("Gen.", "Oct."), so that it neither ends a sentence nor splits a name.
func Glued(word string) bool { return lookup(word).glued }

// IsDotted reports whether word (without its final period) is a dotted
// abbreviation or number: groups of one or two ASCII letters, or of one
// digit, separated by single dots ("U.S", "a.m", "Ph.D", "6.2.1").
//
// The splitter and the tokenizer had a rule each, and this is their union.
// The splitter's allowed letter groups of one or two letters ("Ph.D."),
// the tokenizer's single bytes between the dots, which on the words it
// builds means single capitals ("U.S.A.") and single digits: it keeps the
// period of "6.2.1." with the number. Neither use sees a difference on its
// own words except the splitter on a digit group followed by letters
// ("1.a."), which it now reads as a dotted abbreviation too.
func IsDotted(word string) bool {
	if len(word) < 3 {
		return false
	}
	run, dots := 0, 0
	digit := false // the current group is a digit
	for k := 0; k < len(word); k++ {
		c := word[k]
		switch {
		case c == '.':
			if run == 0 {
				return false
			}
			dots++
			run = 0
		case '0' <= c && c <= '9':
			if run > 0 {
				return false
			}
			run, digit = 1, true
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			if digit && run > 0 {
				return false
			}
			run, digit = run+1, false
			if run > 2 {
				return false
			}
		default:
			return false
		}
	}
	return dots > 0 && run > 0
}
