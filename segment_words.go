package newsdump

// Abbreviation classes: how a period after the word behaves.
const (
	// abbrOther: "Co.", "Jr.", "Oct.", "etc.": the period ends a sentence
	// only when a typical sentence opener follows.
	abbrOther = iota + 1
	// abbrTitle: a title or prefix before a name ("Mr.", "Brig.", "St."):
	// a capitalised word after it is the name, never a new sentence.
	abbrTitle
	// abbrNumeric: a prefix before a number ("No. 2", "pp. 10"): only a
	// number continues the sentence; these are also plain words ("no.").
	abbrNumeric
)

// abbreviations maps lower-cased English abbreviations (without the final
// period) to their class. Built once at package initialisation and only
// read afterwards, so it is safe for concurrent use. Single letters and
// dotted abbreviations ("U.S.", "a.m.") are recognised by their shape
// instead.
var abbreviations = map[string]uint8{
	// Titles and ranks before names.
	"mr": abbrTitle, "mrs": abbrTitle, "ms": abbrTitle, "messrs": abbrTitle, "mme": abbrTitle,
	"dr": abbrTitle, "prof": abbrTitle, "rev": abbrTitle, "hon": abbrTitle, "pres": abbrTitle,
	"gen": abbrTitle, "brig": abbrTitle, "col": abbrTitle, "lt": abbrTitle, "capt": abbrTitle,
	"cpt": abbrTitle, "sgt": abbrTitle, "maj": abbrTitle, "adm": abbrTitle, "cmdr": abbrTitle,
	"cmdt": abbrTitle, "cpl": abbrTitle, "pvt": abbrTitle, "pfc": abbrTitle, "spc": abbrTitle,
	"gov": abbrTitle, "sen": abbrTitle, "rep": abbrTitle, "reps": abbrTitle, "sens": abbrTitle,
	"supt": abbrTitle, "insp": abbrTitle, "det": abbrTitle, "atty": abbrTitle, "amb": abbrTitle,
	"sec": abbrTitle, "secy": abbrTitle, "treas": abbrTitle, "fr": abbrTitle, "sr": abbrOther,
	"mt": abbrTitle, "ft": abbrOther, "st": abbrOther, "gens": abbrTitle, "lieut": abbrTitle,
	"ald": abbrTitle, "assemb": abbrTitle, "comdr": abbrTitle, "msgr": abbrTitle,
	"sra": abbrTitle, "srta": abbrTitle, "dra": abbrTitle,

	// Company and name suffixes.
	"co": abbrOther, "corp": abbrOther, "inc": abbrOther, "ltd": abbrOther, "llc": abbrOther,
	"plc": abbrOther, "bros": abbrOther, "jr": abbrOther, "esq": abbrOther, "assn": abbrOther,
	"dept": abbrOther, "univ": abbrOther, "govt": abbrOther, "intl": abbrOther, "natl": abbrOther,
	"assoc": abbrOther, "mfg": abbrOther, "cos": abbrOther,

	// Places.
	"ave": abbrOther, "blvd": abbrOther, "rd": abbrOther, "hwy": abbrOther, "mtn": abbrOther,
	"ariz": abbrOther, "calif": abbrOther, "colo": abbrOther, "conn": abbrOther,
	"fla": abbrOther, "ga": abbrOther, "kan": abbrOther,
	"kans": abbrOther, "ky": abbrOther, "la": abbrOther, "md": abbrOther,
	"mich": abbrOther, "minn": abbrOther, "mo": abbrOther, "mont": abbrOther,
	"neb": abbrOther, "nev": abbrOther, "okla": abbrOther, "pa": abbrOther,
	"penn": abbrOther, "tenn": abbrOther, "tex": abbrOther, "va": abbrOther, "vt": abbrOther,
	"wis": abbrOther, "wyo": abbrOther, "ont": abbrOther, "que": abbrOther,

	// Months.
	"jan": abbrOther, "feb": abbrOther, "mar": abbrOther, "apr": abbrOther, "jun": abbrOther,
	"jul": abbrOther, "aug": abbrOther, "sep": abbrOther, "sept": abbrOther, "oct": abbrOther,
	"nov": abbrOther, "dec": abbrOther,

	// Others common in running text.
	"etc": abbrOther, "al": abbrOther, "vs": abbrOther, "esp": abbrOther, "approx": abbrOther,
	"cf": abbrOther, "ca": abbrOther, "min": abbrOther,
	"misc": abbrOther, "viz": abbrOther, "yr": abbrOther, "yrs": abbrOther, "hr": abbrOther,
	"hrs": abbrOther, "mins": abbrOther, "oz": abbrOther, "lb": abbrOther, "lbs": abbrOther,
	"bn": abbrOther, "mn": abbrOther, "mln": abbrOther,
	"tel": abbrOther, "ext": abbrOther, "dist": abbrOther, "div": abbrOther,

	// Prefixes of numbers.
	"no": abbrNumeric, "pop": abbrNumeric, "nos": abbrNumeric, "nr": abbrNumeric, "n°": abbrNumeric, "pp": abbrNumeric,
	"vol": abbrNumeric, "vols": abbrNumeric, "fig": abbrNumeric, "figs": abbrNumeric,
	"art": abbrNumeric, "ch": abbrNumeric, "chap": abbrNumeric, "para": abbrNumeric,
	"sect": abbrNumeric, "op": abbrNumeric, "rte": abbrNumeric,
}

// starters are capitalised words that typically open an English sentence:
// after an abbreviation that can end a sentence ("Co.", "U.S."), one of
// them means it did.
var starters = map[string]bool{
	"A": true, "An": true, "The": true, "This": true, "That": true, "These": true, "Those": true,
	"It": true, "Its": true, "He": true, "She": true, "They": true, "We": true, "I": true,
	"You": true, "His": true, "Her": true, "Their": true, "Our": true, "My": true, "Your": true,
	"There": true, "Here": true, "What": true, "When": true, "Where": true, "Why": true,
	"How": true, "Who": true, "Which": true, "If": true, "But": true, "And": true, "Or": true,
	"So": true, "Yet": true, "Then": true, "Now": true, "In": true, "On": true, "At": true,
	"As": true, "For": true, "From": true, "By": true, "With": true, "After": true,
	"Before": true, "While": true, "Although": true, "Though": true, "Since": true,
	"Because": true, "During": true, "Also": true, "However": true, "Meanwhile": true,
	"Still": true, "Some": true, "Many": true, "Most": true, "All": true, "Both": true,
	"Each": true, "Every": true, "No": true, "Not": true, "One": true, "Is": true, "Are": true,
	"Was": true, "Were": true, "Do": true, "Does": true, "Did": true, "Can": true, "Will": true,
	"Would": true, "Should": true, "Could": true, "Let": true, "Please": true, "Thus": true,
	"Yes": true, "Instead": true, "Other": true, "Such": true, "Last": true, "Next": true,
	"Earlier": true, "Later": true, "Today": true, "Yesterday": true, "Tomorrow": true,
}
