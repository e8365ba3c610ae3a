package entity

// nameConnectors may sit inside a name in lower case: "Mohammed Shia
// al-Sudani", "Ursula von der Leyen".
var nameConnectors = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "bint": true, "de": true,
	"da": true, "van": true, "von": true, "der": true, "den": true, "del": true,
	"la": true, "le": true, "di": true, "du": true, "abu": true, "ben": true,
	"dos": true, "ould": true,
}

// personTitles before a name make it a person when the tagger thought
// otherwise ("Prince Abdulaziz", "Sheikh Tamim", "Sen. Warren"). They are
// the titles that come only before people, unlike "General" or "Chief".
var personTitles = map[string]bool{
	"prince": true, "princess": true, "sheikh": true, "shaikh": true, "sen.": true, "sen": true,
	"senator": true, "rep.": true, "rep": true, "gov.": true, "governor": true, "king": true,
	"queen": true, "emir": true, "sultan": true, "president": true, "gen.": true, "brig.": true,
	"col.": true, "lt.": true, "sgt.": true, "capt.": true, "maj.": true, "adm.": true,
	"ayatollah": true, "imam": true, "pope": true, "mr.": true, "mr": true, "mrs.": true,
	"mrs": true, "ms.": true, "ms": true, "dr.": true, "dr": true, "sir": true, "dame": true,
	"lord": true, "lady": true, "rabbi": true, "cardinal": true, "archbishop": true,
}

// orgRoles before "of" name someone's place in an organisation:
// "founder of Hack Forums", "president of the Georgetown BID".
var orgRoles = map[string]bool{
	"founder": true, "co-founder": true, "president": true, "chairman": true, "chairwoman": true,
	"ceo": true, "director": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"member": true, "members": true, "employee": true, "employees": true, "owner": true,
	"editor": true, "head": true, "executive": true, "chief": true, "staff": true,
}

// personRoles are nouns that name a person's role in lower case, right
// before the person's name: "JPMorgan Chase chief executive Jamie Dimon",
// "SoftBank founder Masayoshi Son", "his son Hunter Biden" (see
// roleNames; a team's roles, teamRoles, are such roles too). Roles that
// companies hold too ("partner", "rival") are not among them.
var personRoles = map[string]bool{
	"executive": true, "founder": true, "chairman": true, "chairwoman": true, "chair": true,
	"president": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"director": true, "officer": true, "minister": true, "secretary": true, "ceo": true,
	"leader": true, "analyst": true, "economist": true, "strategist": true, "governor": true,
	"senator": true, "lawmaker": true, "prosecutor": true, "judge": true, "commissioner": true,
	"ambassador": true, "envoy": true, "official": true, "owner": true, "investor": true,
	"billionaire": true, "entrepreneur": true, "actor": true, "actress": true, "singer": true,
	"author": true, "novelist": true, "writer": true, "journalist": true, "reporter": true,
	"lawyer": true, "attorney": true, "researcher": true, "scientist": true, "professor": true,
	"historian": true, "activist": true, "candidate": true, "nominee": true, "wife": true,
	"husband": true, "son": true, "daughter": true, "brother": true, "sister": true,
	"father": true, "mother": true, "widow": true, "teammate": true,
}

// knownOrgs are organisations news names by one word and that the tagger,
// trained on other text, does not know well: news agencies first.
var knownOrgs = map[string]bool{
	// news agencies and media
	"reuters": true, "afp": true, "ap": true, "bloomberg": true, "xinhua": true, "tass": true,
	"cnn": true, "bbc": true, "nbc": true, "cbs": true, "abc": true, "npr": true, "pbs": true,
	"politico": true, "axios": true, "interfax": true, "ria": true, "yonhap": true,
	"kyodo": true, "anadolu": true, "wafa": true, "irna": true, "aljazeera": true,
	// international bodies, alliances, agencies
	"nato": true, "un": true, "eu": true, "iaea": true, "unrwa": true, "unicef": true,
	"unesco": true, "unhcr": true, "opec": true, "asean": true, "fifa": true, "uefa": true,
	"interpol": true, "europol": true, "wto": true, "imf": true, "oecd": true, "g7": true,
	"g20": true, "brics": true, "icc": true, "icj": true,
	// government bodies
	"fbi": true, "cia": true, "nsa": true, "pentagon": true, "kremlin": true, "nasa": true,
	"idf": true, "irgc": true, "mossad": true,
	// armed and political groups
	"hamas": true, "hezbollah": true, "taliban": true, "isis": true, "isil": true,
	"al-qaeda": true, "fatah": true, "pkk": true, "ypg": true, "sdf": true,
	// large companies
	"google": true, "alphabet": true, "microsoft": true, "amazon": true, "facebook": true,
	"twitter": true, "instagram": true, "whatsapp": true, "tiktok": true,
	"youtube": true, "netflix": true, "spotify": true, "uber": true, "lyft": true,
	"airbnb": true, "tesla": true, "spacex": true, "boeing": true, "airbus": true,
	"samsung": true, "huawei": true, "xiaomi": true, "alibaba": true, "tencent": true,
	"baidu": true, "sony": true, "toyota": true, "honda": true, "nissan": true,
	"volkswagen": true, "bmw": true, "siemens": true, "nokia": true, "ericsson": true,
	"intel": true, "nvidia": true, "ibm": true, "cisco": true, "openai": true,
	"exxonmobil": true, "exxon": true, "chevron": true, "bp": true,
	"aramco": true, "gazprom": true, "rosneft": true, "walmart": true, "nestle": true,
	"unilever": true, "pfizer": true, "moderna": true, "astrazeneca": true, "novartis": true,
	"goldman": true, "jpmorgan": true, "citigroup": true, "hsbc": true, "barclays": true,
	"deloitte": true, "mckinsey": true, "lufthansa": true,
	"reddit": true, "snapchat": true, "linkedin": true, "paypal": true,
	"mastercard": true, "disney": true, "tesco": true,
	"ikea": true, "zara": true, "adidas": true, "nike": true, "mcdonald's": true, "starbucks": true,
}

// newspaperHeads end the names of newspapers that are a place's name and
// the head: "Chicago Tribune", "San Francisco Bulletin" (see orgTail).
var newspaperHeads = map[string]bool{
	"tribune": true, "times": true, "post": true, "herald": true, "journal": true, "gazette": true,
	"chronicle": true, "bulletin": true, "examiner": true, "telegraph": true, "inquirer": true,
	"courier": true, "dispatch": true,
}

// titleTails are words of titles that the gazetteer's titles lack (see
// isTitleTail): "Chief Executive", "Detective Inspector", "Chair".
var titleTails = map[string]bool{
	"executive": true, "officer": true, "inspector": true, "detective": true, "constable": true,
	"superintendent": true, "commissioner": true, "chair": true, "chairperson": true,
	"counsel": true, "correspondent": true, "editor": true, "manager": true, "administrator": true,
	"treasurer": true, "registrar": true, "provost": true, "dean": true, "chancellor": true,
	"officers": true, "marshal": true, "sheriff": true, "prosecutor": true, "solicitor": true,
}

// orgHeads end organisation names: "Islamic Resistance", "Popular
// Mobilization Forces", "Ministry of Defense" (the head may come first).
var orgHeads = map[string]bool{
	"resistance": true, "movement": true, "front": true, "party": true, "council": true,
	"ministry": true, "brigades": true, "army": true, "guard": true, "forces": true,
	"agency": true, "committee": true, "commission": true, "organization": true,
	"organisation": true, "corporation": true, "company": true, "university": true,
	"institute": true, "association": true, "federation": true, "union": true,
	"parliament": true, "court": true, "bank": true, "group": true, "inc.": true,
	"corp.": true, "ltd.": true, "foundation": true, "authority": true, "office": true,
	"navy": true, "service": true, "services": true, "press": true, "airlines": true,
	"airways": true, "network": true, "institution": true, "club": true,
	"society": true, "league": true, "alliance": true, "coalition": true, "brigade": true,
	"department": true, "centers": true, "centres": true, "bureau": true, "senate": true, "assembly": true, "cabinet": true,
	"holdings": true, "partners": true, "industries": true, "motors": true, "college": true,
	"school": true, "academy": true, "police": true, "times": true, "journal": true,
	"tribune": true, "herald": true, "gazette": true, "telegraph": true, "exchange": true,
	"fund": true, "reserve": true, "board": true, "command": true, "congress": true,
	"orchestra": true, "systems": true, "technologies": true, "pharmaceuticals": true,
	"petroleum": true, "energy": true, "fc": true, "rovers": true,
	"wanderers": true, "hotspur": true, "albion": true, "news": true, "post": true,
	"administration": true, "directorate": true, "secretariat": true, "tribunal": true,
	"inspectorate": true, "ombudsman": true, "conference": true, "guards": true,
	// Heads of encyclopedia text: labels, studios, orchestras, makers,
	// broadcasters, trusts and military units.
	"records": true, "studios": true, "pictures": true, "entertainment": true,
	"laboratories": true, "labs": true, "therapeutics": true, "electronics": true,
	"software": true, "aviation": true, "breweries": true, "mills": true,
	"publishing": true, "publishers": true, "chemicals": true, "railway": true,
	"railways": true, "television": true, "broadcasting": true, "radio": true,
	"philharmonic": true, "symphony": true, "opera": true, "choir": true, "ballet": true,
	"polytechnic": true, "hospital": true, "clinic": true, "trust": true,
	"corps": true, "regiment": true, "fleet": true, "legion": true, "media": true, "force": true,
}

// institutionHeads are the organisation heads that no person's name
// ends in, so that a first name before one begins an organisation's name
// (see orgByHead): "Hartwell Academy", not "Margaret Court".
var institutionHeads = map[string]bool{
	"academy": true, "polytechnic": true, "university": true, "college": true, "institute": true,
	"foundation": true, "corporation": true, "company": true, "industries": true,
	"holdings": true, "technologies": true, "pharmaceuticals": true, "laboratories": true,
	"labs": true, "therapeutics": true, "electronics": true, "software": true, "aviation": true,
	"breweries": true, "studios": true, "pictures": true, "records": true, "entertainment": true,
	"publishing": true, "publishers": true, "railway": true, "railways": true,
	"television": true, "broadcasting": true, "philharmonic": true, "orchestra": true,
	"hospital": true, "clinic": true, "airlines": true, "airways": true, "ministry": true,
}

// portfolioWords name a minister's portfolio before "Minister" or
// "Secretary" ("Saudi Energy Minister", "Oil Minister"); some also end
// organisation names ("Duke Energy"), which a title after them rules out.
var portfolioWords = map[string]bool{
	"energy": true, "oil": true, "petroleum": true, "health": true, "trade": true,
	"economy": true, "education": true, "agriculture": true, "transport": true,
	"transportation": true, "culture": true, "environment": true, "industry": true,
	"labour": true, "labor": true, "housing": true, "tourism": true, "water": true,
	"communications": true, "information": true, "justice": true, "foreign": true,
	"defence": true, "defense": true, "interior": true, "finance": true, "home": true,
	"treasury": true, "commerce": true, "science": true, "sports": true, "youth": true,
	"immigration": true, "intelligence": true, "security": true, "development": true,
	"planning": true, "mines": true, "mining": true, "electricity": true, "investment": true,
	"climate": true, "fisheries": true, "economic": true, "digital": true, "media": true,
}

// teamPrefixes begin club names before a place and are common words
// otherwise: "Real Madrid", "Inter Milan", "Sporting Lisbon".
var teamPrefixes = map[string]bool{
	"real": true, "inter": true, "sporting": true, "atletico": true, "athletic": true,
	"dynamo": true, "dinamo": true, "olympique": true, "racing": true, "ac": true, "fc": true,
	"sc": true, "as": true, "rb": true, "red": true, "young": true, "union": true,
}

// orgSuffixes are legal forms: a capitalised name ending in one is a
// company whatever else it looks like ("Diagnostic Products Corp",
// "Volkswagen AG", "Toyota Motor Co.").
var orgSuffixes = map[string]bool{
	"corp": true, "corp.": true, "corporation": true, "inc": true, "inc.": true, "incorporated": true,
	"ltd": true, "ltd.": true, "limited": true, "llc": true, "llp": true, "lp": true, "plc": true,
	"co": true, "co.": true, "ag": true, "sa": true, "s.a.": true, "nv": true, "n.v.": true,
	"gmbh": true, "spa": true, "s.p.a.": true, "bhd": true, "pty": true, "asa": true, "oyj": true,
	"holdings": true, "bancorp": true, "se": true,
}

// teamHeads end the names of clubs that are a place's name and the head:
// "Manchester United", "Leicester City", "Blackburn Rovers". "X City" is a
// club only when the gazetteer does not know it as a city ("Mexico City").
var teamHeads = map[string]bool{
	"united": true, "city": true, "rovers": true, "wanderers": true, "athletic": true,
	"albion": true, "hotspur": true, "town": true, "fc": true, "afc": true,
}

// orgNouns after a capitalised name, in lower case, say that it is an
// organisation: "the OPEC+ group", "the Wagner militia", "the Vitol
// trading house". Nationality words are left out by the rule ("the
// Kurdish group" names no organisation).
var orgNouns = map[string]bool{
	"group": true, "company": true, "firm": true, "party": true, "agency": true, "bank": true,
	"militia": true, "alliance": true, "cartel": true, "conglomerate": true, "carrier": true,
	"airline": true, "insurer": true, "retailer": true, "lender": true, "automaker": true,
	"carmaker": true, "broker": true, "newspaper": true, "broadcaster": true, "club": true,
	"movement": true, "organisation": true, "organization": true, "union": true,
	"coalition": true, "bloc": true, "consortium": true, "regulator": true, "watchdog": true,
	"ministry": true, "manufacturer": true, "giant": true, "subsidiary": true, "unit": true,
	"chipmaker": true, "startup": true, "start-up": true, "operator": true, "producer": true,
	"network": true, "agencies": true, "companies": true, "firms": true, "banks": true,
}

// shoutedShortWords are two-letter function words, which in capitals are
// shouted ("3 TO 4 DAYS"), not acronyms. "IS" is left out: the Islamic
// State is one.
var shoutedShortWords = map[string]bool{
	"to": true, "up": true, "or": true, "of": true, "in": true, "on": true, "at": true,
	"by": true, "it": true, "so": true, "no": true, "do": true, "go": true, "be": true,
	"we": true, "he": true, "me": true, "my": true, "an": true, "as": true, "if": true,
}

// orgPeopleAndDoings follow an organisation's name used as a modifier:
// its people and what it holds ("FSLN followers", "CRTC hearings"), and
// verbs of which it is the subject that functionWords lacks; orgRoles,
// checked beside it, has the rest (chief, spokesman, members). Those
// that follow an acronym labelled ORG in the training corpora more often
// than one left unlabelled are here or there (report, board, military,
// officer, spokesman, leader, agent, allies, chief, conference; does,
// should, must, also).
var orgPeopleAndDoings = map[string]bool{
	"military": true, "officer": true, "agent": true, "allies": true, "conference": true,
	"does": true, "should": true, "must": true, "also": true,
	"official": true, "officials": true, "leader": true, "leaders": true, "leadership": true,
	"followers": true, "supporters": true, "activists": true, "lawmakers": true, "delegates": true,
	"candidate": true, "candidates": true, "troops": true, "fighters": true, "militants": true,
	"forces": true, "agents": true, "officers": true, "workers": true, "shareholders": true,
	"board": true, "chiefs": true, "headquarters": true, "hearing": true,
	"hearings": true, "meeting": true, "congress": true, "summit": true, "statement": true,
	"report": true, "ruling": true, "decision": true,
}

// verbParticles end phrasal verbs: "opened VW up" ("over" is one of
// functionWords).
var verbParticles = map[string]bool{
	"up": true, "out": true, "off": true, "down": true, "back": true, "away": true,
}

// notOrgAcronyms are capitalised abbreviations that are not organisations.
var notOrgAcronyms = map[string]bool{
	"tv": true, "ai": true, "ceo": true, "cfo": true, "gdp": true, "pm": true, "am": true,
	"ok": true, "dna": true, "hiv": true, "aids": true, "covid": true, "id": true, "it": true,
	"pc": true, "usb": true, "gps": true, "sms": true, "faq": true, "diy": true, "vip": true,
	"ufo": true, "lgbt": true, "lgbtq": true, "mp": true, "mps": true, "phd": true, "mba": true,
	"ad": true, "bc": true, "ce": true, "bce": true, "ii": true, "iii": true, "iv": true,
	"vi": true, "vii": true, "viii": true, "ix": true, "xi": true, "xii": true, "rip": true,
	"tt": true, "r": true, "ps": true, "pdf": true, "url": true, "www": true, "api": true,
	"ev": true, "evs": true, "suv": true, "gmt": true, "utc": true, "est": true, "pst": true,
	"edt": true, "cet": true, "co2": true, "ira": true, "nft": true, "i": true, "a": true,
	"hq": true, "pr": true, "hr": true, "md": true, "rn": true, "jr": true, "sr": true,
	"mph": true, "kph": true, "km": true, "mm": true, "kg": true, "lb": true, "us": true,
	"uk": true, "usa": true, "uae": true, "ussr": true, "drc": true, "dc": true, "la": true,
	"ny": true, "nyc": true, "mq": true, "f": true, "cd": true, "cds": true, "dvd": true,
	"all": true, "uss": true, "vor": true, "rpm": true, "ph": true, "iq": true, "bmi": true,
	// Roles, money, medicine, technology, history and chat: abbreviations
	// of common nouns, never of one organisation.
	"ceos": true, "coo": true, "cto": true, "cio": true, "vp": true, "svp": true, "evp": true,
	"ipo": true, "ipos": true, "etf": true, "etfs": true, "eps": true, "rfp": true, "roi": true,
	"vat": true, "atm": true, "atms": true, "adhd": true, "ptsd": true, "mri": true, "icu": true,
	"dui": true, "dwi": true, "seo": true, "vhs": true, "cpu": true, "gpu": true, "ssd": true,
	"lcd": true, "led": true, "hd": true, "wifi": true, "wwi": true, "wwii": true, "fyi": true,
	"asap": true, "rsvp": true, "aka": true, "eta": true, "btw": true, "imo": true, "imho": true,
	"lol": true, "lmao": true, "omg": true, "ngo": true, "ngos": true, "cst": true,
	"cdt": true, "mst": true, "bst": true,
}

// norpGroups are political, religious and ethnic groups tagged NORP like
// nationalities.
var norpGroups = map[string]bool{
	"houthi": true, "houthis": true, "sunni": true, "sunnis": true, "shiite": true, "shiites": true,
	"kurd": true, "kurds": true, "muslim": true, "muslims": true, "christian": true, "christians": true,
	"jew": true, "jews": true, "jewish": true, "arab": true, "arabs": true, "druze": true,
	"alawite": true, "alawites": true, "republican": true, "republicans": true, "democrat": true,
	"democrats": true, "catholic": true, "catholics": true, "protestant": true, "protestants": true,
	"hindu": true, "hindus": true, "sikh": true, "sikhs": true, "buddhist": true, "buddhists": true,
	"israelis": true, "palestinians": true, "yazidi": true, "yazidis": true, "pashtun": true,
	"rohingya": true, "uyghur": true, "uyghurs": true, "uighur": true, "uighurs": true,
}

// placeNouns after a name make it a place.
var placeNouns = map[string]bool{
	"governorate": true, "governorates": true, "province": true, "provinces": true,
	"district": true, "districts": true, "county": true, "region": true,
	"base": true, "bases": true, "airbase": true, "airport": true, "camp": true, "crossing": true,
	"port": true,
}

// baseArms name the arm whose base a place is: "Al-Harir air base",
// "Ain al-Asad air base", "Tartus naval base".
var baseArms = map[string]bool{
	"air": true, "naval": true, "military": true, "army": true, "airforce": true,
}

// geoHeads begin place names of the form "X of Y".
var geoHeads = map[string]bool{
	"sea": true, "gulf": true, "bay": true, "strait": true, "straits": true, "lake": true,
	"isle": true, "cape": true, "port": true, "city": true, "province": true, "state": true,
	"republic": true, "kingdom": true, "island": true, "islands": true, "mount": true,
}

// personInnerWords are the words in lower case that a person's name may
// hold besides the connectors: "Catherine of Aragon", "Alexander the
// Great", "Bill and Melinda", "Gabriel García y Márquez".
var personInnerWords = map[string]bool{"of": true, "the": true, "and": true, "y": true}

// featureHeads begin the names of natural features, and of no person:
// "Lake Turkana", "Mount Kenya", "Cape Horn".
var featureHeads = map[string]bool{"lake": true, "mount": true, "mt.": true, "cape": true, "isle": true}

// placesOf before "of" make the name after them a place: "the port of
// Ras Tanura", "the town of Hawara".
var placesOf = map[string]bool{
	"port": true, "city": true, "town": true, "village": true, "province": true, "region": true,
	"island": true, "district": true, "county": true, "governorate": true, "capital": true,
	"suburb": true, "outskirts": true,
}

// countryAliases maps lower-cased country aliases to one common English
// name. The gazetteer has the aliases but not which belong together.
var countryAliases = map[string]string{
	"us": "United States", "u.s.": "United States", "usa": "United States", "u.s.a.": "United States",
	"united states": "United States", "united states of america": "United States", "america": "United States",
	"uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
	"great britain": "United Kingdom", "united kingdom": "United Kingdom",
	"uae": "United Arab Emirates", "u.a.e.": "United Arab Emirates", "emirates": "United Arab Emirates",
	"russian federation": "Russia", "russia": "Russia",
	"islamic republic of iran": "Iran", "iran": "Iran",
	"south korea": "South Korea", "republic of korea": "South Korea", "rok": "South Korea",
	"north korea": "North Korea", "dprk": "North Korea",
	"drc": "Democratic Republic of the Congo", "dr congo": "Democratic Republic of the Congo",
	"democratic republic of the congo": "Democratic Republic of the Congo",
	"syrian arab republic":             "Syria", "syria": "Syria",
	"people's republic of china": "China", "prc": "China", "china": "China",
	"holland": "Netherlands", "the netherlands": "Netherlands", "netherlands": "Netherlands",
	"czech republic": "Czechia", "czechia": "Czechia",
	"turkiye": "Turkey", "türkiye": "Turkey", "turkey": "Turkey",
	"ivory coast": "Côte d'Ivoire", "côte d'ivoire": "Côte d'Ivoire",
	"burma": "Myanmar", "myanmar": "Myanmar",
	"vatican": "Vatican City", "holy see": "Vatican City",
	"palestinian territories": "Palestine", "state of palestine": "Palestine",
	"ksa": "Saudi Arabia", "saudi arabia": "Saudi Arabia", "saudi": "Saudi Arabia",
}

var monthNumbers = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8,
	"sep.": 9, "sept.": 9, "oct.": 10, "nov.": 11, "dec.": 12,
	"jan": 1, "feb": 2, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

var weekdayNumbers = map[string]int{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

// datePrepositions before a bare month or year make it a date: "in 2004",
// "since October".
var datePrepositions = map[string]bool{
	"in": true, "since": true, "by": true, "until": true, "till": true, "from": true,
	"during": true, "before": true, "after": true, "of": true, "early": true, "late": true,
	"mid": true, "through": true, "last": true, "next": true, "this": true, "between": true,
	"and": true, "to": true, "for": true, "around": true,
}

var smallNumbers = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90,
}

var scaleWords = map[string]int{
	"hundred": 2, "thousand": 3, "million": 6, "billion": 9, "trillion": 12,
}

// quantityQualifiers may precede a number and stay in its Text.
var quantityQualifiers = [][]string{
	{"at", "least"}, {"at", "most"}, {"more", "than"}, {"less", "than"}, {"fewer", "than"},
	{"up", "to"}, {"nearly"}, {"almost"}, {"about"}, {"around"}, {"over"}, {"roughly"},
	{"approximately"}, {"some"}, {"just", "over"}, {"just", "under"}, {"under"},
}

var durationUnits = map[string]string{
	"day": "D", "days": "D", "week": "W", "weeks": "W", "month": "M", "months": "M",
	"year": "Y", "years": "Y", "hour": "TH", "hours": "TH",
}

var currencyWords = map[string]bool{
	"dollars": true, "euros": true, "pounds": true, "yuan": true, "yen": true, "rupees": true,
}
