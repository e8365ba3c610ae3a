package pagemeta

// months maps lower-cased month names and abbreviations, in the languages
// the news pages we read are printed in (English, German, Dutch, French,
// Spanish, Portuguese, Italian, Indonesian), to month numbers. A word that
// is a month in one language and something else in another ("mar") is
// kept only when the month reading is the common one on date lines.
var months = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
	"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
	"august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
	// German
	"januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "mai": 5,
	"juni": 6, "juli": 7, "oktober": 10, "okt": 10, "dezember": 12, "dez": 12,
	// Dutch, Indonesian
	"januari": 1, "februari": 2, "maart": 3, "maret": 3, "mei": 5,
	"augustus": 8, "agustus": 8, "agt": 8, "desember": 12, "des": 12, "mrt": 3,
	// French
	"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "juin": 6,
	"juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10,
	"novembre": 11, "décembre": 12, "decembre": 12,
	// Spanish, Portuguese, Italian
	"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6,
	"julio": 7, "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10,
	"noviembre": 11, "diciembre": 12,
	"janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7,
	"setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
	"gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6,
	"luglio": 7, "settembre": 9, "ottobre": 10, "dicembre": 12,
}

// weekdays are skipped around a date ("Tue, Nov 19, 2019") and do not
// count as content on a date line.
var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true,
	"thur": true, "thurs": true, "fri": true, "sat": true, "sun": true,
	"montag": true, "dienstag": true, "mittwoch": true, "donnerstag": true,
	"freitag": true, "samstag": true, "sonntag": true,
	"lundi": true, "mardi": true, "mercredi": true, "jeudi": true,
	"vendredi": true, "samedi": true, "dimanche": true,
	"lunes": true, "martes": true, "miércoles": true, "jueves": true,
	"viernes": true, "sábado": true, "domingo": true,
	"senin": true, "selasa": true, "rabu": true, "kamis": true, "jumat": true,
	"sabtu": true, "minggu": true,
	"feira": true, "segunda": true, "terça": true, "quarta": true,
	"quinta": true, "sexta": true,
}

// kindWords say which stamp a date is: the nearest one before the date
// wins, so "Published ... Updated <date>" is an update.
var kindWords = map[string]Kind{
	"published": KindPublished, "posted": KindPublished, "publish": KindPublished,
	"publication": KindPublished, "created": KindPublished, "released": KindPublished,
	"publiziert": KindPublished, "veröffentlicht": KindPublished,
	"publicado": KindPublished, "publicada": KindPublished, "publié": KindPublished,
	"publie": KindPublished, "pubblicato": KindPublished, "diterbitkan": KindPublished,
	"dipublikasikan": KindPublished, "gepubliceerd": KindPublished,
	"updated": KindUpdated, "update": KindUpdated, "modified": KindUpdated,
	"edited": KindUpdated, "revised": KindUpdated, "aktualisiert": KindUpdated,
	"actualizado": KindUpdated, "atualizado": KindUpdated, "aggiornato": KindUpdated,
	"diperbarui": KindUpdated, "bijgewerkt": KindUpdated, "updates": KindUpdated,
}

// dateFiller are the words a date line may carry besides the date itself
// without becoming a sentence: connectors, units of reading time and
// relative stamps, and the words of kindWords, weekdays and months.
var dateFiller = map[string]bool{
	"on": true, "at": true, "am": true, "pm": true, "um": true, "de": true,
	"the": true, "by": true, "and": true, "of": true, "last": true, "first": true,
	"ago": true, "min": true, "mins": true, "read": true, "minute": true,
	"minutes": true, "hour": true, "hours": true, "hr": true, "hrs": true,
	"day": true, "days": true, "time": true, "date": true, "comments": true,
	"comment": true, "uhr": true, "às": true, "le": true, "el": true, "em": true,
	"à": true, "et": true, "y": true, "e": true, "st": true, "nd": true,
	"rd": true, "th": true, "original": true, "originally": true,
	"an": true, "a": true, "just": true, "now": true, "story": true,
	"article": true, "share": true, "this": true, "no": true, "air": true,
	"von": true, "por": true, "par": true, "oleh": true, "pada": true,
	"tanggal": true, "feira": true,
}

// Word classes, one bit per table, so that a word is looked up once
// however many tables a rule consults (see flagsOf).
const (
	fMonth uint32 = 1 << iota
	fWeekday
	fKind
	fFiller
	fBy
	fLabel
	fPrefix
	fJoin
	fTitle
	fNonPerson
	fOrgSuffix
	fOutlet
	fStop
	fConnector
	fZone
	fJoinWord
	fAbbrev
)

// wordFlags maps every lower-cased table word to its classes.
var wordFlags = func() map[string]uint32 {
	m := map[string]uint32{}
	addSet := func(set map[string]bool, f uint32) {
		for w, ok := range set {
			if ok {
				m[w] |= f
			}
		}
	}
	for w := range months {
		m[w] |= fMonth
	}
	for w := range kindWords {
		m[w] |= fKind
	}
	for w := range zones {
		m[w] |= fZone
	}
	addSet(weekdays, fWeekday)
	addSet(dateFiller, fFiller)
	addSet(byWords, fBy)
	addSet(labelWords, fLabel)
	addSet(bylinePrefix, fPrefix)
	addSet(nameJoins, fJoin)
	addSet(titles, fTitle)
	addSet(nonPerson, fNonPerson)
	addSet(orgSuffix, fOrgSuffix)
	addSet(outletWords, fOutlet)
	addSet(stopWords, fStop)
	addSet(connectors, fConnector)
	addSet(joinWords, fJoinWord)
	addSet(abbrevs, fAbbrev)
	return m
}()

// wordBloom has, for each length, first byte and last byte of a table
// word, one bit, the bytes taken modulo 32, which drops the ASCII case
// bit. A word whose bit is clear is in no table (flagsOf, months, zones,
// kindWords), and most words of a page are in none: they skip lowering
// and hashing for the map look-up.
var wordBloom = func() (t [maxKey + 1][32]uint32) {
	add := func(w string) {
		if w != "" && len(w) <= maxKey {
			t[len(w)][w[0]&31] |= 1 << (w[len(w)-1] & 31)
		}
	}
	for w := range wordFlags {
		add(w)
	}
	for w := range months {
		add(w)
	}
	for w := range zones {
		add(w)
	}
	for w := range kindWords {
		add(w)
	}
	return t
}()

// mayBeWord reports whether w may be a word of the tables, ignoring ASCII
// case (see wordBloom).
func mayBeWord(w string) bool {
	n := len(w)
	return n > 0 && n <= maxKey && wordBloom[n][w[0]&31]&(1<<(w[n-1]&31)) != 0
}

// flagsOf returns the classes of w, ignoring ASCII case.
func flagsOf(w string) uint32 {
	if !mayBeWord(w) {
		return 0
	}
	var buf [maxKey]byte
	k, ok := lowerKey(&buf, w)
	if !ok {
		return 0
	}
	return wordFlags[string(k)]
}
