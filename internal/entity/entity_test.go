package entity

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/newsdump/newsdump/internal/ner"
)

func TestNormalizeNumber(t *testing.T) {
	for _, tt := range []struct {
		num  string
		exp  int
		want string
	}{
		{"46000", 0, "46000"}, {"007", 0, "7"}, {"12.50", 0, "12.5"}, {"0", 0, "0"},
		{"1.8", 9, "1.8e9"}, {"46", 6, "4.6e7"}, {"0.5", 3, "5e2"}, {"0", 6, "0"},
	} {
		if got := normalizeNumber(tt.num, tt.exp); got != tt.want {
			t.Errorf("normalizeNumber(%q, %d) = %q, want %q", tt.num, tt.exp, got, tt.want)
		}
	}
}

func TestIsoDate(t *testing.T) {
	for _, tt := range []struct {
		y, m, d int
		want    string
	}{
		{2023, 11, 6, "2023-11-06"}, {2023, 10, 0, "2023-10"}, {2004, 0, 0, "2004"},
		{0, 10, 17, "--10-17"}, {0, 1, 0, "--01"},
	} {
		if got := isoDate(tt.y, tt.m, tt.d); got != tt.want {
			t.Errorf("isoDate(%d, %d, %d) = %q, want %q", tt.y, tt.m, tt.d, got, tt.want)
		}
	}
}

// canonicalPlace maps country aliases to one name, without allocating.
func TestCanonicalPlace(t *testing.T) {
	for in, want := range map[string]string{
		"US": "United States", "U.S.": "United States", "the United States": "United States",
		"Türkiye": "Turkey", "Côte d’Ivoire": "Côte d'Ivoire", "Baghdad": "Baghdad",
		"the Gaza Strip": "the Gaza Strip",
	} {
		if got := canonicalPlace(in); got != want {
			t.Errorf("canonicalPlace(%q) = %q, want %q", in, got, want)
		}
	}
	if n := testing.AllocsPerRun(10, func() { canonicalPlace("the United Kingdom") }); n != 0 {
		t.Errorf("canonicalPlace allocates %v times", n)
	}
}

// Surnames is the one surname index of ExtractEntities and
// Article.Entities.
func TestSurnames(t *testing.T) {
	var idx Surnames
	for _, name := range []string{"Blinken", "Antony Blinken", "Mohammed Shia al-Sudani", "Jane Smith", "John Smith", "Ann Lee-", "Antony Blinken",
		"Abdulaziz bin Salman", "Tamim bin Hamad Al Thani", "Ursula von der Leyen"} {
		idx = AddSurname(idx, name)
	}
	want := Surnames{
		"Blinken":   {Last: "Antony Blinken"},
		"al-Sudani": {Last: "Mohammed Shia al-Sudani"},
		"Sudani":    {Last: "Mohammed Shia al-Sudani"},
		"Smith":     {Last: "John Smith", Many: true},
		"Lee-":      {Last: "Ann Lee-"},
		// A given name before a patronymic; not before other particles.
		"Abdulaziz": {Last: "Abdulaziz bin Salman"},
		"Salman":    {Last: "Abdulaziz bin Salman"},
		"Tamim":     {Last: "Tamim bin Hamad Al Thani"},
		"Thani":     {Last: "Tamim bin Hamad Al Thani"},
		"Leyen":     {Last: "Ursula von der Leyen"},
	}
	if diff := cmp.Diff(want, idx); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for key, full := range map[string]string{"Blinken": "Antony Blinken", "Sudani": "Mohammed Shia al-Sudani", "Smith": "", "Lee": ""} {
		if got := idx.Full(key); got != full {
			t.Errorf("Full(%q) = %q, want %q", key, got, full)
		}
	}
	if idx := AddSurname(nil, "Blinken"); idx != nil {
		t.Errorf("one word: %v, want nil", idx)
	}
}

func TestWeekdayMonth(t *testing.T) {
	if d, ok := Weekday("sunday"); !ok || d != 0 {
		t.Errorf("Weekday(sunday) = %d, %v", d, ok)
	}
	if d, ok := Weekday("tuesday"); !ok || d != 2 {
		t.Errorf("Weekday(tuesday) = %d, %v", d, ok)
	}
	if _, ok := Weekday("tues"); ok {
		t.Error("Weekday(tues) found")
	}
	if Month("oct.") != 10 || Month("october") != 10 || Month("may") != 5 || Month("mayday") != 0 {
		t.Error("Month")
	}
}

// The word sets are read as m[word]: an entry set to false would be the
// same as no entry.
func TestWordSetsHoldNoFalse(t *testing.T) {
	for name, set := range map[string]map[string]bool{
		"nameConnectors": nameConnectors, "orgRoles": orgRoles, "personRoles": personRoles, "teamRoles": teamRoles, "companyHoldings": companyHoldings, "knownOrgs": knownOrgs, "orgHeads": orgHeads,
		"notOrgAcronyms": notOrgAcronyms, "norpGroups": norpGroups, "placeNouns": placeNouns, "placesOf": placesOf, "geoHeads": geoHeads,
		"datePrepositions": datePrepositions, "currencyWords": currencyWords, "productNouns": productNouns,
		"benchmarkNames": benchmarkNames,
	} {
		for w, ok := range set {
			if !ok {
				t.Errorf("%s[%q] is false", name, w)
			}
		}
	}
}

// span is what the name-rule tests compare: an entity's type and text.
type span struct {
	Type Type
	Text string
}

// names returns the PERSON, ORG and LOCATION entities of text.
func names(text string) []span {
	var x Extractor
	return nameSpans(x.Extract(text, nil))
}

// nameSpans returns the PERSON, ORG and LOCATION entities of ents.
func nameSpans(ents []Entity) []span {
	var out []span
	for _, e := range ents {
		if e.Type == Person || e.Type == Org || e.Type == Location {
			out = append(out, span{e.Type, e.Text})
		}
	}
	return out
}

// The rules for organisations, teams, particles and one type per name,
// on sentences written for these tests (news-like, not from any corpus).
// Each case says why its answer is right; the negatives are the cases a
// careless rule would get wrong.
func TestNameRules(t *testing.T) {
	per := func(s string) span { return span{Person, s} }
	org := func(s string) span { return span{Org, s} }
	loc := func(s string) span { return span{Location, s} }
	for _, tt := range []struct {
		text string
		want []span
		why  string
	}{
		// Legal forms and heads.
		{"Shares of Diagnostic Products Corp fell 4 percent on Tuesday.", []span{org("Diagnostic Products Corp")},
			"a legal form ends a company's name, and the first words belong to it"},
		{"Volkswagen AG and Toyota Motor Corp said sales rose.", []span{org("Volkswagen AG"), org("Toyota Motor Corp")},
			"AG and Corp are legal forms that the tagger may leave out of the span"},
		{"Fans of Leeds United and Leicester City filled the stands.", []span{org("Leeds United"), org("Leicester City")},
			"a town's name and a club head, which together are no known place, are a club"},
		{"The delegates met in session in Washington City that winter.", []span{loc("Washington City")},
			"negative: a city and City that the tagger reads as one place, with no sport around, are the place"},
		{"Manchester City beat Arsenal 2-1 on Saturday.", []span{org("Manchester City"), org("Arsenal")},
			"a city and City in a result are the club"},
		{"Flights to Mexico City were cancelled because of the storm.", []span{loc("Mexico City")},
			"negative: the gazetteer knows Mexico City as a city, so City is no club head here"},
		{"The Labour Party won the vote in the Supreme Court case.", []span{org("Labour Party"), org("Supreme Court")},
			"Party and Court end organisation names"},
		{"Students at the University of Oxford protested on Friday.", []span{org("University of Oxford")},
			"a head before 'of' takes the place after it"},
		{"Margaret Court won the title in 1970.", []span{per("Margaret Court")},
			"negative: a first name and a surname that happens to be a head word is a person"},
		{"The Soviet Union collapsed in 1991.", []span{loc("Soviet Union")},
			"negative: Union is a head, but the whole name is a known place"},
		{"The United States imposed sanctions on the firm.", []span{loc("United States")},
			"negative: United begins the name of a country, it ends the names of clubs"},
		{"Iran's Foreign Ministry summoned the ambassador.", []span{loc("Iran"), org("Foreign Ministry")},
			"a title word (Foreign) that begins an organisation's name makes no person of the head"},
		{"The Federal Aviation Administration grounded the jets.", []span{org("Federal Aviation Administration")},
			"Administration is a head"},
		{"Saudi Energy Minister Khalid Mansour told AFP that the group would meet again in Vienna in December.",
			[]span{per("Khalid Mansour"), org("AFP"), loc("Vienna")},
			"a nationality, a portfolio and a minister's title are a group word and a title: Energy ends company names, but not before Minister"},
		{"UAE Energy Minister Suhail al-Mazrouei said the group would meet.", []span{loc("UAE"), per("Suhail al-Mazrouei")},
			"the same where the tagger reads the place and the portfolio as one organisation"},
		{"Iraqi Oil Minister Hayan Abdul-Ghani said exports rose.", []span{per("Hayan Abdul-Ghani")},
			"another portfolio before the same title"},
		{"Saudi Energy minister Khalid Mansour said on Monday.", []span{per("Khalid Mansour")},
			"the title in lower case ends the run of capitals, and still makes the word before it a portfolio"},
		{"French Foreign Minister Jean-Noel Barrot told AFP that talks would resume.", []span{per("Jean-Noel Barrot"), org("AFP")},
			"a portfolio that is a title word itself (Foreign) names no organisation either"},
		{"The Saudi Energy Ministry said output would rise.", []span{org("Saudi Energy Ministry")},
			"negative: the ministry is an organisation: its head ends the name, and no title follows"},
		{"The Energy Ministry told AFP that output would rise.", []span{org("Energy Ministry"), org("AFP")},
			"negative: the same without the nationality"},
		{"Duke Energy Chairman Lynn Good said demand rose.", []span{org("Duke Energy"), per("Lynn Good")},
			"negative: a chairman's company is an organisation; only a minister's or secretary's title takes a portfolio"},
		{"Communist Party Secretary Li Qiang spoke.", []span{org("Communist Party"), per("Li Qiang")},
			"negative: a party before Secretary is no portfolio"},
		{"JPMorgan Chase & Co said profit rose in the quarter.", []span{org("JPMorgan Chase & Co")},
			"'& Co' ends a company's name"},
		{"Oil tankers wait off the port of Ras Tanura.", []span{loc("Ras Tanura")},
			"a place noun and 'of' before a name make it a place, where the tagger read a person"},
		{"The son of Omar Aziz spoke to reporters.", []span{per("Omar Aziz")},
			"negative: a noun of people before 'of'"},
		{"Brent crude rose 2 percent on Friday.", nil,
			"negative: a first name before 'crude' is an oil benchmark, not a person"},
		{"Schering-Plough said on Monday it would buy the rest of the venture.", []span{org("Schering-Plough")},
			"two capitalised words joined by a hyphen, neither a name of people, said something that 'it' will do"},
		{"Ocasio-Cortez said she would vote against the bill.", []span{per("Ocasio-Cortez")},
			"negative: the same form, but 'she' follows: a person"},
		{"General Motors and Ford Motor Co recalled thousands of vehicles.", []span{org("General Motors"), org("Ford Motor Co")},
			"a head word alone is no person, and the title word before it is part of the name; a legal form two words on ends it"},
		{"A Reuters reporter saw smoke rising over the city.", []span{org("Reuters")},
			"the sentence's first word, one letter, does not hide the agency after it"},
		{"Analysts said the bank would cut rates.", nil,
			"negative: a capitalised common word at a sentence start is no organisation"},
		{"National Grid said it would invest 30 billion pounds in its networks.", []span{org("National Grid")},
			"a common word at a sentence start that begins a name of the organisation lists starts that name"},
		{"Officials said Colonial Pipeline had restarted its system.", []span{org("Colonial Pipeline")},
			"a name of the organisation lists (npm name-suggestion-index) inside a sentence"},
		{"National elections are due in the spring.", nil,
			"negative: the same sentence start before no name of the lists"},
		{"Court documents showed the payments.", nil,
			"negative: a head word at a sentence start, before a lower-case noun, names nothing"},
		{"The United Nations and United Airlines signed a deal.", []span{org("United Nations"), org("United Airlines")},
			"United begins these names; only at the end, after a place, is it a club head"},
		// Countries that are first names.
		{"Jordan reopened the port of Aqaba on Tuesday.", []span{loc("Jordan"), loc("Aqaba")},
			"a country that is a first name, alone at a sentence's start, is the country (the tagger leaves it untagged there)"},
		{"Georgia Meloni, 12, said she liked it.", []span{per("Georgia Meloni")},
			"negative: the same word before a surname is a first name"},
		{"Rep. Jim Jordan said the committee would meet. Jordan said no.", []span{per("Jim Jordan"), per("Jordan")},
			"negative: the surname of a person named in full stays that person"},
		// Place nouns and group words.
		{"The militia claimed an attack on Al-Harir air base in Erbil province.", []span{loc("Al-Harir"), loc("Erbil")},
			"a name before 'air base' is the base, a place, whatever the tagger thought (it says ORG)"},
		{"Russia uses the Tartus naval base.", []span{loc("Russia"), loc("Tartus")},
			"a naval base too"},
		{"Ships waited outside Hodeidah port on Monday.", []span{loc("Hodeidah")},
			"a name before 'port' is a place"},
		{"The port shipped 3 million tonnes of phosphate last year.", nil,
			"negative: 'The' before a place noun names no place"},
		{"Houthi leader Abdul-Malik al-Houthi said the group would respond.", []span{per("Abdul-Malik al-Houthi")},
			"the group word before the leader's name is no mention of his surname: it is NORP, not PERSON"},
		// Acronyms.
		{"The Organization of the Petroleum Exporting Countries (OPEC) cut output, and OPEC said prices would rise.",
			[]span{org("Organization of the Petroleum Exporting Countries"), org("OPEC"), org("OPEC")},
			"the acronym in parentheses spells the long name's initials: both are one organisation"},
		{"Rebels in the Democratic Republic of the Congo (DRC) seized a town.",
			[]span{loc("Democratic Republic of the Congo"), loc("DRC")},
			"an acronym defined by a place is a place"},
		{"Kuwait's oil minister told KUNA that exports would rise.", []span{loc("Kuwait"), org("KUNA")},
			"an acronym inside a sentence is an agency even when a small town has the same name"},
		{"Ministers of the OPEC+ group meet on Sunday.", []span{org("OPEC+")},
			"the plus that touches the acronym is part of the name"},
		{"FREE shipping is available NOW for all orders.", nil,
			"negative: common words in capitals are emphasis, not acronyms"},
		{"Please send the RFP to the SVP ASAP, FYI.", nil,
			"negative: abbreviations of common nouns and phrases name no organisation"},
		{"The form is at hmtag_itl_EN.asp and the part is 5233-NT.", nil,
			"negative: capitals glued to a file name or a part number are part of a code"},
		// Contexts.
		{"Tesla's chief executive sold more shares.", []span{org("Tesla")},
			"only companies have a chief executive"},
		{"A Boeing spokesman declined to comment on the report.", []span{org("Boeing")},
			"the sentence's first word, a common one, is not part of the name"},
		{"Shares of Nordvik rose 3 percent. Nordvik said demand was strong.", []span{org("Nordvik"), org("Nordvik")},
			"'shares of' makes an unknown name a company, and its other mention in the text too"},
		{"Obama's spokesman said the president was resting.", []span{per("Obama")},
			"negative: people have spokesmen too"},
		{"Hong Kong's chief executive met business leaders.", []span{loc("Hong Kong")},
			"negative: a known place's chief executive is its governor"},
		{"The Kurdish group said it had not been consulted.", nil,
			"negative: a nationality adjective before 'group' names no organisation"},
		// Sports results.
		{"France beat Brazil 2-1 in the final, while Germany drew with Spain.",
			[]span{org("France"), org("Brazil"), org("Germany"), org("Spain")},
			"countries on either side of a result verb, in a sentence with a score, are their teams"},
		{"Russia defeated Ukraine's bid to join the council.", []span{loc("Russia"), loc("Ukraine")},
			"negative: no score and no sports word, so no teams"},
		{"Bayern Munich beat Borussia Dortmund 3-1 on Saturday, and Bayern now lead the table.",
			[]span{org("Bayern Munich"), org("Borussia Dortmund"), org("Bayern")},
			"the word before the city joins the team's name, and the short form is the same club"},
		{"Real Madrid beat Barcelona 2-1 at home on Sunday.", []span{org("Real Madrid"), org("Barcelona")},
			"a club prefix that is a common word (Real) joins the city; the city after the verb is a club too"},
		{"Liverpool drew 1-1 with Everton in the derby.", []span{org("Liverpool"), org("Everton")},
			"the score may stand between the verb and 'with'"},
		{"Arsenal 2 Chelsea 1 was the score at halftime.", []span{org("Arsenal"), org("Chelsea")},
			"a result written as name, goals, name, goals"},
		{"Manchester United signed a striker, and fans in Manchester celebrated.",
			[]span{org("Manchester United"), loc("Manchester")},
			"negative: the first word of a club's name that is a known place stays the place"},
		{"Porto beat Sporting Lisbon 3-1 on Saturday.", []span{org("Porto"), org("Sporting Lisbon")},
			"a club's name and the city after it, both teams in a result, are one club"},
		{"Fans in Madrid cheered as Real Madrid won.", []span{loc("Madrid"), org("Real Madrid")},
			"negative: a city that is no team stays a place"},
		// Particles and titles.
		{"Saudi Arabia's energy minister, Prince Abdulaziz bin Salman, said the kingdom would cut output.",
			[]span{loc("Saudi Arabia"), per("Abdulaziz bin Salman")},
			"bin joins one person; the title stays outside the name"},
		{"Brazil's president, Luiz Inacio Lula da Silva, flew to China.",
			[]span{loc("Brazil"), per("Luiz Inacio Lula da Silva"), loc("China")},
			"da joins one person"},
		{"The commission's president, Ursula von der Leyen, spoke in Brussels.",
			[]span{per("Ursula von der Leyen"), loc("Brussels")},
			"two particles in a row"},
		{"Sheikh Tamim bin Hamad Al Thani received the envoy.", []span{per("Tamim bin Hamad Al Thani")},
			"a sentence dense with capitals reads like a headline, but a lower-case particle is no headline verb"},
		{"Defence officials met Abu Mohammed al-Julani in Idlib.", []span{per("Abu Mohammed al-Julani"), loc("Idlib")},
			"al- joins the name it is hyphened to"},
		{"We are OK to sign the deal, he said.", nil,
			"negative: OK in capitals is the word, not Oklahoma: a common word in capitals is a place only as a country"},
		{"Officials in the US and in Tulsa, OK said so.", []span{loc("US"), loc("Tulsa"), loc("OK")},
			"a country in capitals, and a state's code after a comma, stay places"},
		{"Bank of America and Credit Suisse reported losses.", []span{org("Bank of America"), org("Credit Suisse")},
			"an organisation the gazetteer names takes over the shorter place the tagger found inside it"},
		{"Engie and Iberdrola bid for the wind farm.", []span{org("Engie"), org("Iberdrola")},
			"one-word companies of the name-suggestion-index list that are no common word, person or place"},
		{"Sunni leaders met in Vale on Monday.", []span{loc("Vale")},
			"negative: a people's word and a first name stay outside the one-word company rule"},
		// Long names of organisations.
		{"The Competition and Markets Authority blocked the merger.", []span{org("Competition and Markets Authority")},
			"common words and 'and' before a head begin its name, though the tagger took only the last two"},
		{"The Securities and Exchange Board of India fined the broker.", []span{org("Securities and Exchange Board of India")},
			"the same before a head that takes a place after 'of'"},
		{"A judge at the U.S. District Court for the District of Columbia ruled on Monday.",
			[]span{org("U.S. District Court for the District of Columbia")},
			"a court's district after 'for the' is part of its name, and no place Columbia"},
		{"Aid reached the camp through the International Committee of the Red Cross on Monday.", []span{org("International Committee of the Red Cross")},
			"'of the' joins a head and the organisation after it"},
		{"The European Court of Justice ruled that the tax deal was illegal state aid.", []span{org("European Court of Justice")},
			"a title word that no name follows ends an organisation's name, not a person's title"},
		{"The Ministry of Health and Family Welfare issued new guidance.", []span{org("Ministry of Health and Family Welfare")},
			"capitalised common words after 'and' go on a name with 'of'"},
		{"The Ministry of Economy, Trade and Industry raised its forecast.", []span{org("Ministry of Economy, Trade and Industry")},
			"and so does a list of them"},
		{"The Bureau of Labor Statistics said employers added 275,000 jobs in February.", []span{org("Bureau of Labor Statistics")},
			"a head alone before 'of' is an organisation, not the place the tagger thought"},
		{"The Office for Budget Responsibility cut its forecast.", []span{org("Office for Budget Responsibility")},
			"'for' after a head as 'of'"},
		{"Bank of America and Wells Fargo reported losses.", []span{org("Bank of America"), org("Wells Fargo")},
			"negative: a name after 'and' that is no list of common words is another organisation"},
		// Companies by what is said of them.
		{"Qantas reported a record annual profit on Thursday.", []span{org("Qantas")},
			"people do not report profits"},
		{"Canva, the Australian design start-up, raised new funds.", []span{org("Canva")},
			"an apposition whose head is a kind of company"},
		{"Stellantis said it would cut 2,000 jobs.", []span{org("Stellantis")},
			"a sentence's first name, no known person's, that speaks of itself as 'it' doing something"},
		{"Zelenskiy said it was time to act.", []span{per("Zelenskiy")},
			"negative: 'it was' is a person's dummy subject"},
		{"Analysts at Jefferies cut their rating on Kingfisher to hold.", []span{org("Jefferies"), org("Kingfisher")},
			"analysts work at companies, and rate companies"},
		// Countries as teams.
		{"Real Madrid drew 1-1 with Atletico Madrid in the derby on Sunday.", []span{org("Real Madrid"), org("Atletico Madrid")},
			"a club's name that the tagger read as a person (no given name, a city last) in a result's slot"},
		{"The champions slipped to third after a 2-1 defeat by Bayer Leverkusen on Saturday.", []span{org("Bayer Leverkusen")},
			"a score and 'defeat by' make a team of what follows"},
		{"North Korea fired a missile into the sea, South Korea's military said.", []span{loc("North Korea"), loc("South Korea")},
			"a country's name alone is the country, though the tagger reads an organisation in 'South Korea's military'"},
		{"Netherlands coach Ronald Koeman named his squad on Friday.", []span{org("Netherlands"), per("Ronald Koeman")},
			"a country before a coach's or player's role and a name is the team"},
		{"Brazil sent troops to the border.", []span{loc("Brazil")},
			"negative: no role, no sport"},
		{"Morocco reached the final after a 1-0 win over Portugal.", []span{org("Morocco"), org("Portugal")},
			"a score before 'win over' makes a team of what follows, and of the sentence's subject"},
		// Joined and split names.
		{"A judge in Manhattan sentenced Sam Bankman-Fried to 25 years in prison.", []span{loc("Manhattan"), per("Sam Bankman-Fried")},
			"a hyphen between two words it touches goes on a person's name"},
		{"Air India placed an order for 470 aircraft from Airbus and Boeing.", []span{org("Air India"), org("Airbus"), org("Boeing")},
			"two known companies the tagger took for one"},
		{"JOHANNESBURG, May 30 (Reuters) - The African National Congress lost its majority.",
			[]span{loc("JOHANNESBURG"), org("Reuters"), org("African National Congress")},
			"the capitalised words before a head the tagger found alone begin the name, but 'The' does not"},
		{"The Chicago Tribune endorsed the mayor.", []span{org("Chicago Tribune")},
			"a place and a newspaper's head are a newspaper"},
		{"Flights from Chicago resumed on Monday.", []span{loc("Chicago")},
			"negative: the place alone"},
		{"Anthropic and OpenAI are in talks with investors about new funding.", []span{org("Anthropic"), org("OpenAI")},
			"a known company inside a run joined by 'and' is found, and the unknown word paired with it is a company too"},
		{"She is the director of the National Iodine Nutrition study at the hospital.", nil,
			"negative: capitalised words after 'director of the' that a common noun follows are what the noun is of, no organisation"},
		// Titles.
		{"U.N. Secretary-General Antonio Guterres called for a ceasefire.", []span{org("U.N."), per("Antonio Guterres")},
			"an abbreviation before a title and a person is the body whose title it is, with a hyphenated title"},
		{"Martin Luther King Jr. spoke in Washington.", []span{per("Martin Luther King Jr."), loc("Washington")},
			"negative: a title word inside a person's name after a first name splits nothing"},
		{"Chief Executive Satya Nadella said the firm would keep investing.", []span{per("Satya Nadella")},
			"Executive after Chief is a word of the title, which the gazetteer's titles lack"},
		{"Lawmakers said the Secretary acted within his authority.", []span{per("Secretary")},
			"a title alone after 'the' is the one holder of it, a person when the tagger says so"},
		{"Commissioner Margrethe Vestager said the firms had to comply.", []span{per("Margrethe Vestager")},
			"a title alone before a first name and a surname is outside the person"},
		{"Detective Inspector Mark Evans of Thames Valley Police appealed for witnesses.",
			[]span{per("Mark Evans"), org("Thames Valley Police")},
			"two title words, and a person who runs into the force he belongs to"},
		// Acronyms in capitals.
		{"KUNA said the minister would arrive on Sunday.", []span{org("KUNA")},
			"an acronym that speaks is an organisation"},
		{"The minister told KUNA that talks would resume.", []span{org("KUNA")},
			"one that is told something is one too"},
		{"Anglo American rejected a second takeover proposal from BHP.", []span{org("Anglo American"), org("BHP")},
			"and one a proposal comes from"},
		{"The report of the World Conservation Union (IUCN) was published.", []span{org("World Conservation Union"), org("IUCN")},
			"an acronym in parentheses after an organisation's name is its abbreviation, though its letters are not the name's initials"},
		{"Its parent company, PDD Holdings, reported higher revenue.", []span{org("PDD Holdings")},
			"an acronym before a legal form begins the company's name"},
		// Names in lower case, as web text writes them.
		{"i am from mexico and i want to visit san francisco next year", []span{loc("mexico"), loc("san francisco")},
			"a place of the lists in lower case is kept whole, though a name's edges are trimmed to its capitals"},
		{"The photos were taken by samantha Fox last week.", []span{per("samantha Fox")},
			"a first name in lower case before a surname is the person's, not a word to trim"},
		{"They voted to elect Donald Trump in 2016.", []span{per("Donald Trump")},
			"negative: a common word in lower case before a name is no part of it"},
		{"Please write to kent.shoemaker@example.com before Friday.", nil,
			"negative: a name of the lists glued to an address is none"},
		{"Bush nominated Jennifer Anderson for a 15-year term.", []span{per("Bush"), per("Jennifer Anderson")},
			"a well-known person's name that is also a common word, at a sentence's start before a word in lower case, is the person the tagger read"},
		// Lists of places.
		{"Sirens sounded in Haifa, Krayot and other areas.", []span{loc("Haifa"), loc("Krayot")},
			"a name in a list of places is a place"},
		{"Born in England, Norton spent his early years in Canada.", []span{loc("England"), per("Norton"), loc("Canada")},
			"negative: a comma after a place opens no list unless the list goes on after the name"},
		{"Raised in Ohio, Wexner founded a retailer.", []span{loc("Ohio"), per("Wexner")},
			"negative: the person an opening phrase of place introduces"},
		// Encyclopedia text.
		{"The drug was developed by Veltrix Therapeutics, which was bought in 2019.", []span{org("Veltrix Therapeutics")},
			"Therapeutics ends a company's name"},
		{"Zorvan Electronics supplies chips to carmakers.", []span{org("Zorvan Electronics")},
			"Electronics ends a company's name"},
		{"The Vienna Symphony gave the premiere.", []span{org("Vienna Symphony")},
			"Symphony ends an orchestra's name: a place before it is part of the name"},
		{"The programme was made by Tyne Tees Television.", []span{org("Tyne Tees Television")},
			"Television ends a broadcaster's name"},
		{"The Kessler Trust funds research on malaria.", []span{org("Kessler Trust")},
			"Trust ends a charity's name"},
		{"He was elected to the Polish Academy of Sciences in 1975.", []span{org("Polish Academy of Sciences")},
			"a nationality word the tagger left out before an organisation with a head is part of its name"},
		{"She sold the paintings to the Dutch West India Company.", []span{org("Dutch West India Company")},
			"the same before a place and a head"},
		{"Yesterday Barclays Bank cut rates.", []span{org("Barclays Bank")},
			"negative: a sentence's first word that is a common word is no part of the name after it"},
		{"Harper & Rowe published the book in 1961.", []span{org("Harper & Rowe")},
			"two names the tagger reads as people, joined by an ampersand, are a firm"},
		{"The film was made by Howard Hughes Pictures in 1931.", []span{org("Howard Hughes Pictures")},
			"a person's name before a head no person's name ends in is an organisation named after the person"},
		{"Wright-Patterson Holdings bought the plant.", []span{org("Wright-Patterson Holdings")},
			"the same with a double name the tagger cut at the hyphen"},
		{"Tom Hanks and Meg Ryan starred in the film.", []span{per("Tom Hanks"), per("Meg Ryan")},
			"negative: two people joined by 'and' stay people"},
		{"He played for Lancashire until 1990.", []span{org("Lancashire")},
			"a place a player plays for is the club or side"},
		{"Ruben Costa joined Braga from Vitoria on a free transfer.", []span{per("Ruben Costa"), org("Braga"), org("Vitoria")},
			"both names of 'joined X from Y' are clubs or companies"},
		{"The striker was loaned to Trabzonspor last season.", []span{org("Trabzonspor")},
			"a one-word name no list knows as a person's, in a club's slot, is the club"},
		{"In 1989 Altrex merged with Pemco to form Altpem.", []span{org("Altrex"), org("Pemco"), org("Altpem")},
			"the names a merger joins and forms are companies"},
		{"The company sold its chip unit to Zentrix last year.", []span{org("Zentrix")},
			"the buyer of a sale is a company"},
		{"He moved to Texas from California in 1990.", []span{loc("Texas"), loc("California")},
			"negative: moving from a place to a place is no transfer"},
		{"She joined Smith in Paris.", []span{per("Smith"), loc("Paris")},
			"negative: a person one joins is no club"},
		{"The Department of Health and Human Services issued the rule.", []span{org("Department of Health and Human Services")},
			"negative: a first part that ends in no head word is no name of its own"},
		{"The Eastern Counties Railway was absorbed into the Great Eastern Railway in 1862.", []span{org("Eastern Counties Railway"), org("Great Eastern Railway")},
			"a place the tagger reads before a head is an organisation, and the word it left out before it is part of the name"},
		{"She enlisted in the Women's Auxiliary Air Force in 1940.", []span{org("Women's Auxiliary Air Force")},
			"a common word with a possessive begins the name it stands before"},
		{"Britain's Labour Party won the election.", []span{loc("Britain"), org("Labour Party")},
			"negative: a place's possessive is no part of the name"},
		{"In 1997 Kestor Chemie merged with Plaxo.", []span{org("Kestor Chemie"), org("Plaxo")},
			"what merges is a company"},
		{"Morvane was nationalised in 1946.", []span{org("Morvane")},
			"what is nationalised is a company, though the tagger saw no name"},
		{"Rome was founded in 753 BC.", []span{loc("Rome")},
			"negative: a place of the lists that was founded stays the place"},
		{"The Gulf Co-operation Council (GCC) met in Riyadh.", []span{org("Gulf Co-operation Council"), org("GCC"), loc("Riyadh")},
			"a part in lower case after a hyphen in a long name gives its acronym no letter"},
		{"The fleet was later merged into the United States Pacific Fleet.", []span{org("United States Pacific Fleet")},
			"Fleet ends a navy's unit"},
		{"She was head of Harwood Laboratories for twenty years.", []span{org("Harwood Laboratories")},
			"a first name before a head that is no surname is an organisation's name"},
	} {
		if diff := cmp.Diff(tt.want, names(tt.text)); diff != "" {
			t.Errorf("%q (%s) (-want +got):\n%s", tt.text, tt.why, diff)
		}
	}
}

// joinParticles relabels the particles between two people the tagger
// split, whatever the tagger would say: the labels are set by hand.
func TestJoinParticles(t *testing.T) {
	const (
		B = ner.LBPer
		I = ner.LIPer
		O = ner.LO
	)
	for _, tt := range []struct {
		text     string
		in, want []uint8
		why      string
	}{
		{"Prince Abdulaziz bin Salman spoke", []uint8{O, B, O, B, O}, []uint8{O, B, I, I, O},
			"bin between two person spans: one person"},
		{"met Ursula von der Leyen today", []uint8{O, B, O, O, O, O}, []uint8{O, B, I, I, I, O},
			"two particles and an untagged surname"},
		{"Mohammed al-Sudani said", []uint8{B, O, O, B, O}, []uint8{B, I, I, I, O},
			"al and a hyphen"},
		{"Smith de Paris", []uint8{B, O, O}, []uint8{B, O, O},
			"negative: a known city after the particle is no surname"},
		{"Smith and Jones", []uint8{B, O, B}, []uint8{B, O, B},
			"negative: and is no particle"},
	} {
		var x Extractor
		x.doc.Reset(tt.text, ner.DefaultGazetteer())
		x.labels = append([]uint8(nil), tt.in...)
		x.joinParticles()
		if diff := cmp.Diff(tt.want, x.labels); diff != "" {
			t.Errorf("%q (%s) (-want +got):\n%s", tt.text, tt.why, diff)
		}
	}
}

// longFormStart finds the long name an acronym spells.
func TestLongFormStart(t *testing.T) {
	for _, tt := range []struct {
		text, want string
	}{
		{"the North Atlantic Treaty Organization (NATO)", "North Atlantic Treaty Organization"},
		{"agents of the Federal Bureau of Investigation (FBI)", "Federal Bureau of Investigation"},
		{"Kuwait News Agency (KUNA)", "Kuwait News Agency"}, // a word may give two letters
		{"said Acme Widget Makers (AWM)", "Acme Widget Makers"},
		{"said John Smith Widget (WX)", ""}, // the letters do not match
	} {
		var x Extractor
		x.doc.Reset(tt.text, ner.DefaultGazetteer())
		p := 0
		for !x.lowIs(p, "(") {
			p++
		}
		got := ""
		if s := x.longFormStart(p, x.tokenText(p+1)); s >= 0 {
			got = tt.text[x.doc.Toks[s].Start:x.doc.Toks[p-1].End]
		}
		if got != tt.want {
			t.Errorf("%q: long form %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestQuantityLead checks maxQuantityLead against what quantity reads
// before a number: the longest qualifier and a currency of two tokens.
// A longer qualifier would make rulesDatesNumbers skip its quantities.
func TestQuantityLead(t *testing.T) {
	longest := 0
	for _, q := range quantityQualifiers {
		longest = max(longest, len(q))
	}
	if longest+2 > maxQuantityLead {
		t.Fatalf("a qualifier of %d words and a currency of 2 tokens exceed maxQuantityLead %d", longest, maxQuantityLead)
	}
	// The longest lead there is: a qualifier of two words, then a
	// currency of two tokens, before the digits.
	var x Extractor
	text := "Exports rose by more than US$ 5 billion last year."
	var got []string
	for _, e := range x.Extract(text, nil) {
		if e.Type == Money {
			got = append(got, e.Text)
		}
	}
	if diff := cmp.Diff([]string{"more than US$ 5 billion"}, got); diff != "" {
		t.Errorf("%q: MONEY (-want +got):\n%s", text, diff)
	}
}

// TestTakeOverRepeated checks the take-over of places inside gazetteer
// organisations across a long text, where the entity index orgRules keeps
// must follow every entity added and dropped before it.
func TestTakeOverRepeated(t *testing.T) {
	text := strings.Repeat("Bank of America said. Credit Suisse and Deutsche Bank agreed. ", 500)
	var want []span
	for k := 0; k < 500; k++ {
		want = append(want, span{Org, "Bank of America"}, span{Org, "Credit Suisse"}, span{Org, "Deutsche Bank"})
	}
	if diff := cmp.Diff(want, names(text)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestAcronymContextsRepeated runs the acronym, lower-case name and
// lone-title rules over a long text of 30,000 repeats, where the entity
// index the acronym rule reads must follow every entity added before it:
// each repeat must come out as one sentence alone does.
func TestAcronymContextsRepeated(t *testing.T) {
	const one = "The minister told KUNA that the World Conservation Union (IUCN) would meet the Secretary in mexico. "
	want1 := names(one)
	if len(want1) < 4 {
		t.Fatalf("one sentence gives %v", want1)
	}
	const n = 30000
	var want []span
	for k := 0; k < n; k++ {
		want = append(want, want1...)
	}
	if diff := cmp.Diff(want, names(strings.Repeat(one, n))); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// namesGivenReading runs the rules on text as if the tagger had read
// exactly the spans of reading (each the first occurrence of its text,
// after the end of the one before) and nothing else: a test of a rule
// that does not depend on what the embedded model reads.
func namesGivenReading(t *testing.T, text string, reading []span) []span {
	t.Helper()
	var x Extractor
	x.prepare(text, nil)
	from := 0
	for _, r := range reading {
		k := strings.Index(text[from:], r.Text)
		if k < 0 {
			t.Fatalf("%q: no %q after byte %d", text, r.Text, from)
		}
		st, en := from+k, from+k+len(r.Text)
		b := map[Type]uint8{Person: ner.LBPer, Org: ner.LBOrg, Location: ner.LBLoc}[r.Type]
		first := true
		for i, tok := range x.doc.Toks {
			if int(tok.Start) >= st && int(tok.End) <= en {
				if first {
					x.labels[i], first = b, false
				} else {
					x.labels[i] = b + 1
				}
			}
		}
		from = en
	}
	x.applyRules()
	return nameSpans(x.ents)
}

// The rules that take what the tagger read as their premise, run on that
// reading set by hand: the embedded model may read these sentences
// otherwise (TestNameRules runs it).
func TestNameRulesGivenReading(t *testing.T) {
	per := func(s string) span { return span{Person, s} }
	org := func(s string) span { return span{Org, s} }
	loc := func(s string) span { return span{Location, s} }
	for _, tt := range []struct {
		text          string
		reading, want []span
		why           string
	}{
		{"Chief Executive Satya Nadella said the firm would keep investing.", []span{per("Nadella")}, []span{per("Satya Nadella")},
			"the capitalised words between a title and a person the tagger found in part begin the person's name"},
		{"Former President Jane Okafor Mensah resigned.", []span{per("Mensah")}, []span{per("Jane Okafor Mensah")},
			"the same with two given names"},
		{"Chief Financial Officer David Denton said costs would fall.", []span{per("David Denton")}, []span{per("David Denton")},
			"negative: common words between the title and the person are more of the title, and no person"},
		{"The Food and Drug Administration approved the vaccine.", []span{org("Food")}, []span{org("Food and Drug Administration")},
			"a gazetteer's name that starts with an organisation the tagger found and goes on past it takes it over"},
		{"Apple and Samsung Electronics sued each other.", []span{org("Apple"), org("Samsung Electronics")},
			[]span{org("Apple"), org("Samsung Electronics")}, "negative: two names of the lists side by side stay two"},
		{"Ajax lost 3-0 to PSV Eindhoven on Sunday.", []span{loc("Ajax"), loc("PSV Eindhoven")},
			[]span{org("Ajax"), org("PSV Eindhoven")}, "the names on either side of a verb, a score and 'to' are teams"},
		{"Morocco reached the semi-finals after a 1-0 win over Portugal.", []span{loc("Morocco"), loc("Portugal")},
			[]span{org("Morocco"), org("Portugal")}, "the subject of a sentence that tells of a score and a win is a team"},
		{"Brazil's president hailed the 2-1 win over Argentina.", []span{loc("Brazil"), loc("Argentina")},
			[]span{loc("Brazil"), org("Argentina")}, "negative: a subject's possession is no team"},
		{"Salah scored for Liverpool against Chelsea in the league.", []span{per("Salah"), loc("Liverpool"), loc("Chelsea")},
			[]span{per("Salah"), org("Liverpool"), org("Chelsea")}, "in a sentence of sport, the names on either side of 'against' are teams"},
		{"Sinner won the match against Russia's Andrey Rublev.", []span{per("Sinner"), loc("Russia"), per("Andrey Rublev")},
			[]span{per("Sinner"), loc("Russia"), per("Andrey Rublev")}, "negative: the country of a player after 'against' is no team"},
		{"Voters in Ohio turned against Texas in the poll.", []span{loc("Ohio"), loc("Texas")},
			[]span{loc("Ohio"), loc("Texas")}, "negative: 'against' in a sentence of no sport"},
		{"Standings:\nBayern Munich 8 5 2 1 15 8 17\nLeverkusen 8 5 1 2 18 10 16\n3. Hamburg 8 4 3 1 12-7 15", []span{loc("Munich"), loc("Hamburg")},
			[]span{org("Bayern Munich"), org("Leverkusen"), org("Hamburg")}, "the names opening rows of a league table are teams, read or not"},
		{"Hamburg 8 4 3 1 12 7 15", []span{loc("Hamburg")}, []span{loc("Hamburg")},
			"negative: one row is no table"},
		{"Leaders:\nTiger Woods 68 70 72 210\nMark Carver 70 70 71 211", []span{per("Tiger Woods")}, []span{per("Tiger Woods")},
			"negative: rows of a golfer's rounds have no single digits, so no team is added"},
		{"Manchester United 2 Leeds 1", []span{org("Manchester United"), loc("Leeds")},
			[]span{org("Manchester United"), org("Leeds")}, "a line of two names, each with its goals, is a result"},
		{"Flight 370 Boeing 777", []span{org("Boeing")}, []span{org("Boeing")},
			"negative: numbers between names that end in no number are no result"},
		{"Celtic won 3-0 at Ibrox.", []span{loc("Celtic"), loc("Ibrox")}, []span{org("Celtic"), loc("Ibrox")},
			"a name before a verb and a score is a team"},
		{"Chelsea's 2-1 victory over Tottenham lifted them to third.", []span{loc("Chelsea")}, []span{org("Chelsea"), org("Tottenham")},
			"and a name whose scored victory it is"},
		{"Bayern Munich 1 Borussia Dortmund 1", []span{loc("Munich"), loc("Dortmund")},
			[]span{org("Bayern Munich"), org("Borussia Dortmund")}, "in a result line, a free word before a place the tagger read is part of the team"},
		{"Pete Sampras of the United States beat Goran Ivanisevic 6-3 6-4.",
			[]span{per("Pete Sampras"), loc("United States"), per("Goran Ivanisevic")},
			[]span{per("Pete Sampras"), loc("United States"), per("Goran Ivanisevic")},
			"negative: the country of an athlete named before 'of the' is no team"},
		{"Bayern were held 1-1 by Dortmund on Saturday.", []span{loc("Dortmund")},
			[]span{org("Bayern"), org("Dortmund")}, "a passive result with a score: both names are teams"},
		{"Geneva was held 2-3 June by the talks.", []span{loc("Geneva")}, []span{loc("Geneva")},
			"negative: a date's range is no score before 'by' and a name"},
		{"Carlos Alcaraz of Spain beat Jannik Sinner in the final.",
			[]span{per("Carlos Alcaraz"), loc("Spain"), per("Jannik Sinner")},
			[]span{per("Carlos Alcaraz"), loc("Spain"), per("Jannik Sinner")},
			"negative: the country of an athlete named before it is no team, though a result verb follows"},
		{"Taiwan's President Lai Ching-te said the island would not be provoked.",
			[]span{loc("Taiwan"), per("Lai Ching")}, []span{loc("Taiwan"), per("Lai Ching-te")},
			"a short part in lower case after a hyphen goes on a given name"},
		{"JPMorgan Chase chief executive Jamie Dimon warned of risks.", []span{org("JPMorgan Chase")},
			[]span{org("JPMorgan Chase"), per("Jamie Dimon")}, "a role in lower case before a known first name and a word of no list introduces a person"},
		{"SoftBank founder Masayoshi Son said it would focus on chips.", []span{org("SoftBank")},
			[]span{org("SoftBank"), per("Masayoshi Son")}, "the same when the first name is of no list and the surname one of the name lists"},
		{"The company's founder Elon Musk said on Tuesday it would.", nil, []span{per("Elon Musk")},
			"after a known first name a common word may be the surname"},
		{"Tesla chief executive Elon Musk Tuesday said it would.", []span{org("Tesla")}, []span{org("Tesla"), per("Elon Musk")},
			"a weekday after the name ends it"},
		{"Its owner Associated British Foods reported profits.", nil, nil,
			"negative: a common word first is no person's name"},
		{"The bank's chief executive Tuesday Morning said so.", nil, nil,
			"negative: a weekday is no name"},
		{"Its rival Grand Union Bank said so.", nil, []span{org("Grand Union Bank")},
			"negative: no person's role and an organisation's head"},
		{"The firm's chief executive Jamie Dimon Capital Partners said so.", nil, []span{org("Jamie Dimon Capital Partners")},
			"negative: a name that runs on into more capitalised words is no person's (here the organisation rules take it)"},
		{"Chelsea manager Mauricio Pochettino said the team was tired.", []span{per("Chelsea"), per("Mauricio Pochettino")},
			[]span{org("Chelsea"), per("Mauricio Pochettino")}, "a team's role and a name after a name make the first the team"},
		{"England captain Harry Kane spoke to reporters on Monday.", []span{loc("England"), per("Harry Kane")},
			[]span{org("England"), per("Harry Kane")}, "the same for a country that stands for its team"},
		{"Bayern head coach Thomas Tuchel left in May.", []span{loc("Bayern"), per("Thomas Tuchel")},
			[]span{org("Bayern"), per("Thomas Tuchel")}, "the same with a head coach"},
		{"Biden spokesman Andrew Bates said the president would sign.", []span{per("Biden"), per("Andrew Bates")},
			[]span{per("Biden"), per("Andrew Bates")}, "negative: a person has a spokesman"},
		{"She was a Chelsea manager for years.", []span{loc("Chelsea")}, []span{loc("Chelsea")},
			"negative: no name after the role"},
		{"Temu's parent PDD Holdings reported higher revenue.", []span{per("Temu"), org("PDD Holdings")},
			[]span{org("Temu"), org("PDD Holdings")}, "what has a parent company is a company"},
		{"Ana Botin, Santander's executive chair, said the bank would grow.", []span{per("Ana Botin"), per("Santander")},
			[]span{per("Ana Botin"), org("Santander")}, "the same for an executive chair"},
		{"Smith's parents said he was tired.", []span{per("Smith")}, []span{per("Smith")},
			"negative: a person has parents"},
		{"The Bundesbank left rates unchanged.", nil, []span{org("Bundesbank")},
			"one word ending in 'bank' after a part of its own is a bank, read or not"},
		{"Rabobank analysts expect a cut.", []span{per("Rabobank")}, []span{org("Rabobank")},
			"the same when the tagger read a person"},
		{"Chris Eubank won the fight.", []span{per("Chris Eubank")}, []span{per("Chris Eubank")},
			"negative: a person's name ending in 'bank'"},
		{"She lives in Burbank, California.", []span{loc("Burbank"), loc("California")}, []span{loc("Burbank"), loc("California")},
			"negative: a city's name ending in 'bank'"},
		{"Wirecard filed for insolvency on Thursday.", []span{per("Wirecard")}, []span{org("Wirecard")},
			"what files for insolvency is a company"},
		{"Debenhams went into administration in April.", []span{per("Debenhams")}, []span{org("Debenhams")},
			"and what goes into administration"},
		{"Lee filed for bankruptcy in 2019.", []span{per("Lee")}, []span{per("Lee")},
			"negative: a name of the lists that files for bankruptcy is a person"},
		{"Alvarez filed for divorce.", []span{per("Alvarez")}, []span{per("Alvarez")},
			"negative: a company does not file for divorce"},
		{"The opposition Kuomintang called for a recount.", []span{per("Kuomintang")}, []span{org("Kuomintang")},
			"what is 'the opposition' or 'the ruling' before its name is a party"},
		{"The ruling Sunni elite resisted.", nil, nil,
			"negative: a nationality-like word after 'the ruling' is no party"},
		{"Apple's shares fell on Monday.", nil, []span{org("Apple")},
			"a common word whose shares they are is a company, though the tagger read nothing"},
		{"Water's boiling point is 100 degrees.", nil, nil,
			"negative: a common word with what no company has"},
		{"The Bank's board met.", nil, nil,
			"negative: an organisation's head alone is no company's name"},
		{"Evergrande's creditors rejected the plan.", []span{per("Evergrande")}, []span{org("Evergrande")},
			"what has creditors is a company"},
		{"Investors in Boohoo rejected the plan.", []span{per("Boohoo")}, []span{org("Boohoo")},
			"and what investors are in"},
		{"Investors in Musk's company lost money.", []span{per("Musk")}, []span{per("Musk")},
			"negative: the investors are in what the name's owner has"},
		{"Glovo, owned by Delivery Hero, will hire its riders.", []span{per("Glovo"), org("Delivery Hero")},
			[]span{org("Glovo"), org("Delivery Hero")}, "what is owned is a company"},
		{"Holcim said weak demand had cut its margins.", []span{per("Holcim")}, []span{org("Holcim")},
			"the first name of a sentence that 'its' speaks of after 'said', with no other subject between, is a company"},
		{"Zelenskiy said the country would defend its borders.", []span{per("Zelenskiy")}, []span{per("Zelenskiy")},
			"negative: 'its' after a determiner speaks of what the determiner begins"},
		{"Yellen said inflation had eased, and he agreed with its drivers.", []span{per("Yellen")}, []span{per("Yellen")},
			"negative: a personal pronoun before 'its' is another subject"},
		{"Japan's board of trade met.", []span{loc("Japan")}, []span{loc("Japan")},
			"negative: a place of the gazetteer stays a place"},
		{"Lawmakers said the Secretary acted within his authority.", []span{per("Secretary")}, []span{per("Secretary")},
			"a title alone after 'the' is the one holder of it, a person when the tagger says so"},
		{"The court heard that the Senator from Alaska voted against it.", []span{per("Senator"), loc("Alaska")},
			[]span{per("Senator"), loc("Alaska")}, "the same for a senator"},
		{"Ministers met in Brussels. Minister Smith said so.", []span{loc("Brussels"), per("Minister")}, []span{loc("Brussels"), per("Smith")},
			"negative: a title alone without 'the' is no person, whatever the tagger says"},
		{"Brent bought a barrel of cider.", []span{per("Brent")}, []span{per("Brent")},
			"negative: 'a barrel of' is no price, so a person the tagger read stays (dropProducts)"},
		{"Oil cost $80 a barrel. Brent said so.", []span{per("Brent")}, []span{per("Brent")},
			"negative: the same, the price first"},
		{"The Nikkei index fell 2%.", []span{org("Nikkei")}, []span{org("Nikkei")},
			"negative: the product rule takes persons only, not the tagger's ORG"},
		{"Emirates placed a large order at the Dubai Airshow on Monday.", []span{loc("Emirates"), loc("Dubai Airshow")},
			[]span{loc("Emirates")}, "an event's name is no place"},
		{"Iraqi Prime Minister Mohammed Shia al-Sudani met Blinken on Tuesday.", []span{per("Mohammed Shia al-Sudani met Blinken")},
			[]span{per("Mohammed Shia al-Sudani"), per("Blinken")}, "a word in lower case inside a person's name that is no connector splits it"},
		{"A portrait of Catherine of Aragon hangs in the hall.", []span{per("Catherine of Aragon")}, []span{per("Catherine of Aragon")},
			"negative: 'of' stays inside a person's name"},
		{"Fishermen on Lake Turkana said the water was rising.", []span{per("Lake Turkana")}, []span{loc("Lake Turkana")},
			"a natural feature's head before a name makes a place"},
		{"He met US President-elect Donald Trump in Florida.", []span{org("US"), per("Donald Trump"), loc("Florida")},
			[]span{loc("US"), per("Donald Trump"), loc("Florida")}, "a country before a person's title is the country"},
		{"The Bureau of Labor Statistics said employers added jobs.", []span{org("Labor Statistics")}, []span{org("Bureau of Labor Statistics")},
			"a head and 'of' before an organisation begin its name"},
		{"The Securities and Exchange Board of India fined the broker.", []span{org("Board of India")},
			[]span{org("Securities and Exchange Board of India")}, "the capitalised common words before the head, and before 'and', begin the name"},
		{"In 1997 Kestor Chemie merged with Plaxo.", []span{per("Kestor Chemie"), org("Plaxo")}, []span{org("Kestor Chemie"), org("Plaxo")},
			"what merges is a company, though the tagger read a person whose first word is no first name"},
		{"In 1997 Kestor Chemie merged with Plaxo.", []span{org("Plaxo")}, []span{org("Kestor Chemie"), org("Plaxo")},
			"the same when the tagger read nothing"},
		{"Its parent company, PDD Holdings, reported higher revenue.", nil, []span{org("PDD Holdings")},
			"an acronym before a legal form begins the company's name"},
		{"Erdogan's AK Party lost Istanbul.", []span{per("Erdogan"), loc("Istanbul")}, []span{per("Erdogan"), org("AK Party"), loc("Istanbul")},
			"an acronym before an organisation's head begins its name"},
		{"ASML Holding NV said orders fell.", nil, []span{org("ASML Holding NV")},
			"and before capitalised words that end in a legal form"},
		{"The BHP Annual Report is out.", nil, []span{org("BHP")},
			"negative: words after an acronym that end in no head are no part of it"},
		{"It takes 3 TO 4 DAYS on average.", nil, nil,
			"negative: a common word in capitals is shouted, not an acronym, however short"},
		{"She wrote about being a DH librarian.", nil, nil,
			"negative: an acronym no list knows before a noun in lower case is a term"},
		{"Dozens of FSLN followers are celebrating.", nil, []span{org("FSLN")},
			"one before its people is an organisation"},
		{"The scandal opened VW up to claims.", nil, []span{org("VW")},
			"and one before a verb's particle"},
		{"ROTTERDAM (Northwire) - Dock workers walked out on Sunday.", []span{loc("ROTTERDAM"), loc("Northwire")},
			[]span{loc("ROTTERDAM"), org("Northwire")}, "the source in a wire dateline is an organisation, whatever the tagger reads"},
		{"LONDON, Jan 5 (Gulf Wire) — Oil rose.", []span{loc("LONDON"), loc("Gulf")}, []span{loc("LONDON"), org("Gulf Wire")},
			"the same after a date, the source's words taken whole"},
		{"KYIV, Ukraine (Meridian) — The talks ended.", []span{loc("KYIV"), loc("Ukraine")},
			[]span{loc("KYIV"), loc("Ukraine"), org("Meridian")}, "the same when the tagger read nothing there"},
		{"The talks (Geneva) - a summary.", []span{loc("Geneva")}, []span{loc("Geneva")},
			"negative: no place in capitals opens the sentence, so there is no dateline"},
		{"NASA (Houston) said it would launch.", []span{org("NASA"), loc("Houston")}, []span{org("NASA"), loc("Houston")},
			"negative: no dash after the parenthesis, so no dateline"},
		{"EU Commissioner Thierry Breton wrote to the firm.", []span{per("EU Commissioner Thierry Breton")}, []span{org("EU"), per("Thierry Breton")},
			"the tagger took abbreviation, title and name for one person: the title splits them"},
		{"He was educated at Harrow School and Magdalen College, Oxford.", []span{org("Harrow School and Magdalen College"), loc("Oxford")},
			[]span{org("Harrow School"), org("Magdalen College"), loc("Oxford")},
			"two names with heads joined by 'and' are two"},
		{"Please send the RFP to the SVP ASAP, FYI.", []span{org("RFP")}, nil,
			"a common abbreviation the tagger read as an organisation is none"},
		{"The Ministry of Foreign Affairs summoned him.", nil, []span{org("Ministry of Foreign Affairs")},
			"a plural common noun alone after a title is what the title is of, not a person"},
		{"Senator Collins said no.", nil, []span{per("Collins")},
			"negative: a surname after a title is the person, though it ends in s"},
		{"The riders of the Tour de France reached the Alps on Sunday.", []span{loc("France"), loc("Alps")},
			[]span{loc("Alps")}, "a race named after a country is no organisation, nor is the country inside it"},
		{"The riders of the Tour de France reached the Alps on Sunday.", []span{org("Tour de France"), loc("Alps")},
			[]span{loc("Alps")}, "the same when the tagger reads the race as an organisation"},
		{"The riders of the Tour de France reached the Alps on Sunday.", []span{org("de France"), loc("Alps")},
			[]span{loc("Alps")}, "the same when the tagger leaves the race's first word out"},
	} {
		if diff := cmp.Diff(tt.want, namesGivenReading(t, tt.text, tt.reading)); diff != "" {
			t.Errorf("%q (%s) (-want +got):\n%s", tt.text, tt.why, diff)
		}
	}
}
