package pagemeta

// byWords introduce the names of a byline, in the languages of the pages
// we read: "By", "Von", "Por", "Par", "Door", "Oleh".
var byWords = map[string]bool{
	"by": true, "von": true, "por": true, "par": true, "door": true, "oleh": true,
}

// labelWords introduce names when followed by a colon: "Authors: A and B".
var labelWords = map[string]bool{
	"author": true, "authors": true, "byline": true, "writer": true,
	"writers": true, "reporter": true, "reporters": true, "words": true,
	"text": true, "autor": true, "autoren": true, "auteur": true,
	"penulis": true, "redaktion": true, "written": true,
}

// bylinePrefix are the words that may come before the "by" of a byline:
// "Written by", "Posted on <date> by", "Story and photos by".
var bylinePrefix = map[string]bool{
	"written": true, "posted": true, "story": true, "words": true, "text": true,
	"reported": true, "report": true, "published": true, "article": true,
	"edited": true, "compiled": true, "interview": true, "reporting": true,
	"photos": true, "photography": true, "video": true, "and": true,
	"on": true, "post": true, "analysis": true, "commentary": true,
	"column": true, "opinion": true, "filed": true, "created": true,
	"produced": true, "contributed": true, "researched": true, "updated": true,
	"review": true, "reviewed": true, "escrito": true, "publicado": true,
	"publiziert": true, "geschrieben": true, "ditulis": true, "écrit": true,
	"scritto": true, "am": true, "el": true, "le": true, "em": true, "pada": true,
}

// nameJoins separate the names of a byline ("A and B", "A & B").
var nameJoins = map[string]bool{
	"and": true, "und": true, "e": true, "y": true, "et": true, "og": true,
	"en": true, "dan": true,
}

// particles are lower-case words inside a name: "Ludwig van Beethoven".
var particles = map[string]bool{
	"van": true, "von": true, "de": true, "der": true, "den": true, "del": true,
	"della": true, "di": true, "da": true, "dos": true, "das": true, "do": true,
	"du": true, "la": true, "le": true, "bin": true, "binti": true, "ibn": true,
	"al": true, "el": true, "ter": true, "ten": true, "zu": true, "y": true,
	"st.": true, "d'": true, "bint": true, "ben": true, "mac": true, "af": true,
}

// titles may open a name and are dropped: "By Dr. Jane Doe".
var titles = map[string]bool{
	"dr": true, "prof": true, "mr": true, "mrs": true, "ms": true, "sir": true,
	"rev": true, "dame": true, "professor": true,
}

// nonPerson are the words of bylines that name no person: agencies,
// "Staff", "admin". A byline made of them is recognised (ok) but gives no
// authors, because the article has no person to credit.
var nonPerson = map[string]bool{
	"staff": true, "admin": true, "administrator": true, "editor": true,
	"editors": true, "editorial": true, "agencies": true, "agency": true,
	"reports": true, "report": true, "desk": true, "team": true, "wire": true,
	"wires": true, "newsroom": true, "board": true, "correspondent": true,
	"correspondents": true, "reporter": true, "reporters": true,
	"writer": true, "writers": true, "contributor": true, "contributors": true,
	"webmaster": true, "redaktion": true, "redacción": true, "redação": true,
	"associated": true, "press": true, "reuters": true, "afp": true, "ap": true,
	"upi": true, "dpa": true, "ani": true, "pti": true, "ians": true,
	"bloomberg": true, "xinhua": true, "efe": true, "ansa": true, "tass": true,
	"anadolu": true, "aap": true, "cnn": true, "bbc": true, "the": true,
	"news": true, "guest": true, "user": true, "author": true, "editorials": true,
	"service": true, "services": true, "bureau": true, "sports": true,
}

// orgSuffix are the last words of outlet names: when one ends a byline's
// run of capitalised words the word before it is the outlet's too ("By
// Paul Steinhauser Fox News", "Elliot Brownstein Florida Today").
var orgSuffix = map[string]bool{
	"news": true, "today": true, "times": true, "post": true, "insider": true,
	"journal": true, "herald": true, "tribune": true, "network": true,
	"daily": true, "science": true, "media": true, "magazine": true,
	"radio": true, "online": true, "wire": true, "press": true, "review": true,
	"gazette": true, "telegraph": true, "chronicle": true, "express": true,
	"observer": true, "standard": true, "mail": true, "sun": true,
	"register": true, "reporter": true, "weekly": true, "monthly": true,
	"digital": true, "staff": true, "tv": true,
}

// outletWords mark the phrase after "Name," as an outlet or a role rather
// than another name ("Jane Doe, Reuters", "Tom Krisher, AP Auto Writer").
var outletWords = map[string]bool{
	"reuters": true, "ap": true, "afp": true, "cnn": true, "bbc": true,
	"bloomberg": true, "associated": true, "press": true, "insider": true,
	"business": true, "news": true, "times": true, "post": true, "today": true,
	"journal": true, "herald": true, "tribune": true, "staff": true,
	"writer": true, "reporter": true, "editor": true, "correspondent": true,
	"contributor": true, "columnist": true, "producer": true, "npr": true,
	"cbs": true, "nbc": true, "abc": true, "fox": true, "cnbc": true,
	"usa": true, "upi": true, "dpa": true, "xinhua": true, "media": true,
	"magazine": true, "network": true, "daily": true, "online": true,
	"analyst": true, "journalist": true, "critic": true, "photographer": true,
	"contributing": true, "senior": true, "chief": true, "agencies": true,
	"guardian": true, "telegraph": true, "mail": true, "express": true,
	"independent": true, "economist": true, "forbes": true, "wired": true,
	"science": true, "live": true,
	// the words newspapers are named with
	"gazette": true, "chronicle": true, "courier": true, "ledger": true,
	"observer": true, "standard": true, "sun": true, "star": true,
	"mirror": true, "record": true, "register": true, "bulletin": true,
	"dispatch": true, "examiner": true, "inquirer": true, "monitor": true,
	"sentinel": true, "globe": true, "review": true, "weekly": true,
	"telegram": true, "enquirer": true, "argus": true,
	"advocate": true, "beacon": true, "leader": true, "mercury": true,
}

// stopWords are capitalised words that are not part of a person's name:
// roles, outlet words, and the words of menus and headlines. A run of
// capitalised words stops at one, which keeps "By Jane Doe Senior Writer"
// to "Jane Doe" and keeps "Top Stories" from being a name.
var stopWords = map[string]bool{
	// roles
	"writer": true, "reporter": true, "editor": true, "correspondent": true,
	"contributor": true, "columnist": true, "staff": true, "producer": true,
	"anchor": true, "analyst": true, "photographer": true, "journalist": true,
	"critic": true, "author": true, "senior": true, "chief": true,
	"national": true, "political": true, "security": true, "auto": true,
	"business": true, "technology": true, "tech": true, "science": true,
	"health": true, "sports": true, "entertainment": true, "deputy": true,
	"managing": true, "executive": true, "associate": true, "assistant": true,
	"special": true, "foreign": true, "global": true, "international": true,
	"economics": true, "markets": true, "investigative": true, "data": true,
	"digital": true, "news": true, "social": true, "media": true,
	"features": true, "culture": true, "opinion": true, "contributing": true,
	"freelance": true, "guest": true, "intern": true, "fellow": true,
	"editorial": true, "admin": true, "administrator": true, "agencies": true,
	"reports": true, "desk": true, "team": true, "wire": true, "newsroom": true,
	"board": true, "associated": true, "press": true, "reuters": true,
	"afp": true, "upi": true, "cnn": true, "bbc": true, "insider": true,
	"today": true, "times": true, "post": true, "journal": true, "herald": true,
	"tribune": true, "network": true, "daily": true, "magazine": true,
	"radio": true, "online": true, "service": true, "bureau": true,
	"correspondents": true, "writers": true, "reporters": true, "editors": true,
	"contributors": true, "review": true, "gazette": true, "telegraph": true,
	"chronicle": true, "express": true, "observer": true, "weekly": true,
	// function words and menu words
	"the": true, "a": true, "an": true, "and": true, "or": true, "of": true,
	"for": true, "in": true, "on": true, "at": true, "to": true, "with": true,
	"from": true, "by": true, "all": true, "any": true, "this": true,
	"that": true, "these": true, "those": true, "our": true, "my": true,
	"your": true, "his": true, "her": true, "their": true, "its": true,
	"why": true, "how": true, "what": true, "when": true, "where": true,
	"who": true, "which": true, "one": true, "two": true, "three": true,
	"new": true, "more": true, "most": true, "best": true, "top": true,
	"latest": true, "home": true, "share": true, "follow": true, "read": true,
	"watch": true, "listen": true, "sign": true, "log": true, "login": true,
	"subscribe": true, "search": true, "menu": true, "privacy": true,
	"policy": true, "terms": true, "contact": true, "about": true, "us": true,
	"advertise": true, "careers": true, "help": true, "comments": true,
	"comment": true, "email": true, "print": true, "video": true,
	"videos": true, "photo": true, "photos": true, "image": true,
	"images": true, "gallery": true, "getty": true, "updated": true,
	"published": true, "posted": true, "live": true, "local": true,
	"world": true, "politics": true, "weather": true, "lifestyle": true,
	"travel": true, "food": true, "money": true, "economy": true,
	"education": true, "related": true, "next": true, "previous": true,
	"prev": true, "back": true, "close": true, "skip": true, "main": true,
	"content": true, "page": true, "site": true, "view": true, "click": true,
	"here": true, "now": true, "is": true, "are": true, "was": true,
	"be": true, "it": true, "we": true, "you": true, "he": true, "she": true,
	"they": true, "i": true, "as": true, "if": true, "but": true, "not": true,
	"no": true, "so": true, "up": true, "out": true, "off": true, "over": true,
	"after": true, "before": true, "under": true, "into": true, "via": true,
	"story": true, "stories": true, "article": true, "articles": true,
	"topics": true, "topic": true, "trending": true, "popular": true,
	"recommended": true, "newsletter": true, "newsletters": true,
	"podcast": true, "podcasts": true, "events": true, "jobs": true,
	"classifieds": true, "shop": true, "deals": true, "games": true,
	"music": true, "movies": true, "books": true, "arts": true, "style": true,
	"fashion": true, "sport": true, "football": true,
	"soccer": true, "basketball": true, "baseball": true, "hockey": true,
	"golf": true, "tennis": true, "nfl": true, "nba": true, "mlb": true,
	"nhl": true, "university": true, "college": true, "school": true,
	"department": true, "police": true, "city": true, "county": true,
	"state": true, "north": true, "south": true, "east": true, "west": true,
	"street": true, "avenue": true, "road": true, "club": true,
	"council": true, "committee": true, "government": true, "ministry": true,
	"party": true, "agency": true, "company": true, "inc": true, "ltd": true,
	"llc": true, "corp": true, "group": true, "house": true, "office": true,
	"court": true, "friday": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"saturday": true, "sunday": true, "january": true, "february": true,
	"march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true,
	"december": true, "breaking": true, "exclusive": true, "update": true,
	"sponsored": true, "advertisement": true,
	"ad": true, "ads": true, "free": true, "get": true, "see": true,
	"full": true, "coverage": true, "report": true, "analysis": true,
	"interview": true, "explainer": true, "reviews": true,
	"feature": true, "blog": true, "blogs": true, "column": true,
	"columns": true, "letters": true, "obituaries": true, "weather's": true,
	"tags": true, "tag": true, "category": true, "categories": true,
	"archive": true, "archives": true, "rss": true, "faq": true, "tv": true,
	"like": true, "tweet": true, "pin": true, "whatsapp": true,
	"facebook": true, "twitter": true, "instagram": true, "linkedin": true,
	"youtube": true, "reddit": true, "pinterest": true, "tumblr": true,
	"google": true, "apple": true, "amazon": true, "microsoft": true,
	"president": true, "minister": true, "governor": true, "senator": true,
	"sen": true, "rep": true, "gov": true, "secretary": true, "mayor": true,
	"ceo": true, "coach": true, "judge": true, "officer": true,
	"hong": true, "kong": true, "united": true,
	"states": true, "america": true, "american": true, "china": true,
	"chinese": true, "russia": true, "russian": true, "europe": true,
	"european": true, "india": true, "indian": true, "africa": true,
	"african":    true,
	"california": true, "texas": true, "florida": true, "york": true,
}
