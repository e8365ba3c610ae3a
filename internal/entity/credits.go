package entity

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/newsdump/newsdump/internal/ner"
)

// Credit finds the organisations and people a photo credit names, with
// byte offsets into credit: agencies and other organisations are ORG
// ("AFP", "Getty Images", "Iranian Presidency", "Lunar Freight Inc."),
// photographers are PERSON ("Osamah Abdulrahman" in "AP Photo/Osamah
// Abdulrahman", "Ahmed Saad" in "Reuters: Ahmed Saad/Pool").
//
// A credit is a list of parts set apart by "/", ",", ":", "|", " - ",
// "via", "for" and the like ("Photo by X / AFP", "X, AP", "AFP via Getty
// Images", "X for The New York Times"). Each part loses its labels
// ("Photo by", "Image Credit:", "©", "Courtesy of", the "Photo" of "AP
// Photo") and its fillers ("File", "Pool", "Handout"), then is an
// organisation if it is a known agency, ends in an organisation word
// ("Presidency", "Inc.", "Images", "Library") or is an acronym, and a
// person if it is two to five words shaped as a name of which none is a
// common word. A part that is neither (a single unknown word: "Tyvak",
// "EXPRESS") is left out: a credit fragment is never taken for a name.
//
// The Value of an agency is its usual spelling ("REUTERS" → "Reuters",
// "Getty" → "Getty Images"); other Values are the Text without a leading
// "The".
func Credit(credit string) []Entity {
	if credit == "" {
		return nil
	}
	d := creditDocs.Get().(*ner.Doc)
	defer creditDocs.Put(d)
	d.Starts = nil
	d.Reset(credit, ner.DefaultGazetteer())
	var out []Entity
	for i := 0; i < len(d.Toks); {
		j := i
		for j < len(d.Toks) && !creditBreak(d, j) {
			j++
		}
		if e, ok := creditPart(d, i, j); ok {
			out = append(out, e)
		}
		i = j + 1
	}
	return out
}

// Agency returns the usual spelling of the news or photo agency name
// ("REUTERS" → "Reuters", "Getty" → "Getty Images") and whether name is
// one. The name is written as usual, in capitals, in lower case or
// capitalised, not otherwise: "ePA" (elektronische Patientenakte) is no
// "EPA".
func Agency(name string) (string, bool) {
	v, ok := creditAgencies[strings.ToLower(name)]
	if !ok {
		return "", false
	}
	switch {
	case name == v, name == strings.ToUpper(name), name == strings.ToLower(name):
		return v, true
	case v != strings.ToUpper(v):
		r, _ := utf8.DecodeRuneInString(name)
		return v, unicode.IsUpper(r)
	}
	return "", false
}

// creditDocs are the token tables of credits being read, reused.
var creditDocs = sync.Pool{New: func() any { return new(ner.Doc) }}

// creditBreak reports a token that ends a part of a credit: a separator
// sign, a dash with spaces around it, or one of the linking words.
func creditBreak(d *ner.Doc, j int) bool {
	t := d.Text[d.Toks[j].Start:d.Toks[j].End]
	switch t {
	case "/", "|", ",", ";", ":", "(", ")", "[", "]", "©", "–", "—", "•", "·", "+", "&":
		return true
	case "-":
		// "Getty - Contributor", not "Côrte-Real" or "EPA-EFE".
		return (j == 0 || d.Toks[j-1].End < d.Toks[j].Start) && (j+1 == len(d.Toks) || d.Toks[j].End < d.Toks[j+1].Start)
	}
	switch lowTok(d, j) {
	case "via", "for", "and":
		return true
	}
	return false
}

// creditPart classifies the part of a credit between tokens i and j.
func creditPart(d *ner.Doc, i, j int) (Entity, bool) {
	// Labels first ("Photo by", "Image Credit", "Courtesy of"), then
	// fillers at the end ("AP Photo", "Getty Images" kept whole).
	for i < j {
		if n := creditLabelAt(d, i, j); n > 0 {
			i += n
			continue
		}
		break
	}
	// "The", and the year of a copyright ("© 2024 Jane Doe").
	for i < j && (lowTok(d, i) == "the" || d.Cls[i] == 'd' && isDigits(d.Text[d.Toks[i].Start:d.Toks[i].End])) {
		i++
	}
	if i >= j {
		return Entity{}, false
	}
	text := d.Text[d.Toks[i].Start:d.Toks[j-1].End]
	if v, ok := Agency(text); ok {
		return creditEntity(d, i, j, Org, v), true
	}
	for j > i && creditFillers[lowTok(d, j-1)] {
		j--
	}
	if i >= j {
		return Entity{}, false
	}
	text = d.Text[d.Toks[i].Start:d.Toks[j-1].End]
	low := strings.ToLower(text)
	if v, ok := Agency(text); ok {
		return creditEntity(d, i, j, Org, v), true
	}
	// A part starts with a capital or a digit ("20th Century Fox"); "ePA"
	// or a lower-case phrase is not a name.
	if c := d.Cls[i]; c != 'X' && c != 'd' {
		return Entity{}, false
	}
	last := lowTok(d, j-1)
	g := ner.DefaultGazetteer()
	switch {
	case j-i == 1 && knownOrgs[low],
		j-i > 1 && (orgHeads[last] || creditOrgHeads[last] || d.GazB[j-1]&ner.GOrgWord != 0 && d.GazI[j-1]&ner.GOrgWord == 0),
		g.Longest(d.Hash[i:j], ner.GOrgs) == j-i,
		d.Cls[i] == 'd' && j-i > 1,                                  // "20th Century Fox"
		j-i > 2 && orgHeads[lowTok(d, i)] && lowTok(d, i+1) == "of", // "Ministry of Defence"
		j-i == 1 && isAcronym(d, i):
		return creditEntity(d, i, j, Org, text), true
	case creditPerson(d, i, j):
		return creditEntity(d, i, j, Person, text), true
	}
	return Entity{}, false
}

func creditEntity(d *ner.Doc, i, j int, typ Type, value string) Entity {
	s, e := int(d.Toks[i].Start), int(d.Toks[j-1].End)
	return Entity{Text: d.Text[s:e], Type: typ, Start: s, End: e, Value: value}
}

// creditLabelAt returns the number of tokens of the label that starts at
// token i, or 0.
func creditLabelAt(d *ner.Doc, i, j int) int {
	for _, l := range creditLabels {
		if i+len(l) > j {
			continue
		}
		match := true
		for k, w := range l {
			if lowTok(d, i+k) != w {
				match = false
				break
			}
		}
		if match {
			return len(l)
		}
	}
	return 0
}

// creditPerson reports two to five words shaped as a person's name:
// capitalised or in capitals ("Jaafar ASHTIYEH"), initials ("K.
// Retherford"), name particles ("bin", "al-", "van", "de") and hyphens
// inside words ("Dyer-Bennet"); none a common word of the language
// unless it is also a known name, none a title or a date.
func creditPerson(d *ner.Doc, i, j int) bool {
	words := 0
	g := ner.DefaultGazetteer()
	for k := i; k < j; k++ {
		adjacent := k > i && d.Toks[k-1].End == d.Toks[k].Start
		switch {
		case lowTok(d, k) == "-" && adjacent:
			continue
		case d.Cls[k] == 'X':
			// A title opens no photographer's name; after the first name
			// it is a surname ("Abir Sultan").
			if d.GazB[k]&(ner.GMonth|ner.GWeekday) != 0 || k == i && d.GazB[k]&ner.GTitle != 0 {
				return false
			}
			// The part of a double-barrelled name after its hyphen may be a
			// word ("Côrte-Real").
			hyphenated := k > i+1 && lowTok(d, k-1) == "-" && adjacent
			if !hyphenated && d.GazB[k]&(ner.GFirst|ner.GLast|ner.GPerson) == 0 && g.IsCommon(d.Low[d.LowOff[k][0]:d.LowOff[k][1]]) {
				return false
			}
		case d.Cls[k] == 'x' && nameConnectors[lowTok(d, k)]:
		default:
			return false
		}
		if !adjacent {
			words++
		}
	}
	return words >= 2 && words <= 5 && d.Cls[j-1] == 'X'
}

// isAcronym reports a token of two to six capital letters that is not a
// common abbreviation: "ESA", "SWRI", "WANA".
func isAcronym(d *ner.Doc, i int) bool {
	t := d.Text[d.Toks[i].Start:d.Toks[i].End]
	if len(t) < 2 || len(t) > 6 || notOrgAcronyms[lowTok(d, i)] {
		return false
	}
	for k := 0; k < len(t); k++ {
		if t[k] < 'A' || t[k] > 'Z' {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	for k := 0; k < len(s); k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return s != ""
}

// lowTok returns token i's lower-cased text.
func lowTok(d *ner.Doc, i int) string {
	o := d.LowOff[i]
	return string(d.Low[o[0]:o[1]])
}

// creditLabels open a credit or a part of one, lower-cased and split into
// tokens as the tokenizer splits them; longer labels come first.
var creditLabels = [][]string{
	{"photo", "illustration", "by"}, {"photo", "courtesy", "of"}, {"image", "courtesy", "of"},
	{"photo", "by"}, {"photos", "by"}, {"photograph", "by"}, {"photographs", "by"},
	{"photography", "by"}, {"picture", "by"}, {"pictures", "by"}, {"image", "by"},
	{"images", "by"}, {"illustration", "by"}, {"video", "by"}, {"graphic", "by"},
	{"map", "by"}, {"courtesy", "of"}, {"provided", "by"}, {"supplied", "by"},
	{"image", "credit"}, {"photo", "credit"}, {"picture", "credit"}, {"photo", "credits"},
	{"image", "credits"}, {"file", "photo"}, {"handout", "photo"}, {"pool", "photo"},
	{"photo"}, {"photos"}, {"photograph"}, {"photographs"}, {"image"}, {"images"},
	{"picture"}, {"pictures"}, {"illustration"}, {"credit"}, {"credits"}, {"courtesy"},
	{"copyright"}, {"by"}, {"©"}, {"file"}, {"handout"}, {"ho"}, {"pool"},
	{"screenshot"}, {"screengrab"}, {"supplied"}, {"contributor"}, {"stringer"},
	{"staff"}, {"archive"}, {"archives"}, {"provided"},
}

// creditFillers end a part without naming anyone: the "Photo" of "AP
// Photo", the "File" of "Reuters File".
var creditFillers = map[string]bool{
	"photo": true, "photos": true, "file": true, "handout": true, "pool": true,
	"staff": true, "contributor": true, "stringer": true, "photographer": true,
}

// creditOrgHeads end the names of the organisations credits name, beyond
// orgHeads: "Iranian Presidency", "Science Photo Library", "TNG
// Collaboration".
var creditOrgHeads = map[string]bool{
	"presidency": true, "images": true, "pictures": true, "photos": true, "photography": true,
	"library": true, "archive": true, "archives": true, "collection": true, "collaboration": true,
	"studio": true, "studios": true, "media": true, "news": true, "tv": true,
	"television": true, "museum": true, "gallery": true, "inc": true, "ltd": true,
	"llc": true, "co.": true, "gmbh": true, "ag": true, "plc": true, "entertainment": true,
	"records": true, "films": true, "productions": true, "magazine": true, "times": true,
	"post": true, "herald": true, "journal": true, "tribune": true, "telegraph": true,
	"wire": true, "police": true, "government": true, "embassy": true, "military": true,
	"observatory": true, "laboratory": true, "lab": true, "project": true, "team": true,
	"palace": true,
}

// creditAgencies are the photo and news agencies credits name, by their
// lower-cased forms, with the usual spelling as the value.
var creditAgencies = map[string]string{
	"afp": "AFP", "agence france-presse": "Agence France-Presse", "ap": "AP",
	"associated press": "Associated Press", "the associated press": "Associated Press",
	"ap images": "AP Images", "reuters": "Reuters", "getty": "Getty Images",
	"getty images": "Getty Images", "epa": "EPA", "efe": "EFE", "epa-efe": "EPA-EFE",
	"anadolu": "Anadolu", "anadolu agency": "Anadolu Agency", "xinhua": "Xinhua",
	"shutterstock": "Shutterstock", "rex": "Rex", "rex features": "Rex Features",
	"istock": "iStock", "istockphoto": "iStockphoto", "alamy": "Alamy",
	"alamy stock photo": "Alamy Stock Photo", "bloomberg": "Bloomberg", "pa": "PA",
	"pa images": "PA Images", "pa wire": "PA Wire", "pa media": "PA Media",
	"press association": "Press Association", "dpa": "dpa", "ddp": "ddp", "sipa": "Sipa",
	"sipa usa": "Sipa USA", "corbis": "Corbis", "nurphoto": "NurPhoto", "zuma": "ZUMA",
	"zuma press": "ZUMA Press", "zuma wire": "ZUMA Wire", "imago": "Imago",
	"picture alliance": "picture alliance", "wireimage": "WireImage", "filmmagic": "FilmMagic",
	"abaca": "Abaca", "abacapress": "Abacapress", "upi": "UPI", "aap": "AAP",
	"canadian press": "Canadian Press", "the canadian press": "Canadian Press",
	"keystone": "Keystone", "kyodo": "Kyodo", "kyodo news": "Kyodo News", "yonhap": "Yonhap",
	"sputnik": "Sputnik", "tass": "TASS", "ria novosti": "RIA Novosti", "unsplash": "Unsplash",
	"pexels": "Pexels", "flickr": "Flickr", "wikimedia commons": "Wikimedia Commons",
	"wikimedia": "Wikimedia", "wikipedia": "Wikipedia", "sopa images": "SOPA Images",
	"lightrocket": "LightRocket", "science photo library": "Science Photo Library",
	"ansa": "ANSA", "belga": "Belga", "anp": "ANP", "lusa": "Lusa", "jiji press": "Jiji Press",
	"nasa": "NASA", "esa": "ESA", "kcna": "KCNA", "wana": "WANA", "sana": "SANA", "irna": "IRNA",
	"wafa": "WAFA", "tasnim": "Tasnim", "isna": "ISNA", "spa": "SPA", "qna": "QNA",
	"kuna": "KUNA", "mena": "MENA", "icon sportswire": "Icon Sportswire",
	"usa today sports": "USA Today Sports", "imagn images": "Imagn Images",
	"action images": "Action Images", "new york times": "New York Times",
	"washington post": "Washington Post", "guardian": "Guardian", "bbc": "BBC", "cnn": "CNN",
}
