package entity

import (
	"slices"
	"strings"

	"github.com/newsdump/newsdump/internal/ner"
)

// sportsTeams retypes as organisations the places that stand for their
// teams in sports results: "France beat Brazil 2-1", "Germany drew with
// Spain in the qualifier", "Arsenal 2 Chelsea 1" (GUM and UNER tag teams
// ORG, whatever their name). A name is a team when it stands on either
// side of a result verb between two names, or next to a score, in a
// sentence with a score or a sports word: "Russia defeated Ukraine's
// forces" has neither and is left alone. The names opening two rows of a
// league table or more ("Hamburg 8 4 3 1 12 7 15") are teams too. A
// capitalised word before the place joins it ("Bayern" + "Munich"), and
// untagged capitalised names in those slots are added. It runs on the
// sorted entities and keeps them sorted.
func (x *Extractor) sportsTeams() {
	d := &x.doc
	n := len(d.Toks)
	added := false
	prevRow := false // the sentence before was a row of a league table
	for s := 0; s < n; {
		e := x.sentenceEnd(s)
		// "Hamburg 8 4 3 1 12 7 15": in two rows of a table or more, the
		// name opening each is a team.
		if x.isRank(s, e) {
			s = e
			continue
		}
		if i, j, ent, es := x.tableRow(s, e); j > i {
			// An untagged name that begins with a given name is more
			// likely a player's than a team's.
			if (prevRow || x.tableRowAt(e)) && (ent >= 0 || !x.has(i, ner.GFirst)) {
				added = x.teamOf(i, j, ent, es) || added
			}
			prevRow = true
			s = e
			continue
		}
		prevRow = false
		if x.sportsSentence(s, e) || x.scoreLine(s, e) {
			for k := s; k < e; k++ {
				if !x.isCap(k) {
					continue
				}
				// The name at k: an entity starting there, or a free run.
				i, j, ent, es := x.teamNameAt(k)
				if j <= i {
					continue
				}
				if x.isTeamSlot(i, j, s, e) {
					added = x.teamOf(i, j, ent, es) || added
				}
				k = j - 1
			}
		}
		s = e
	}
	if added {
		slices.SortFunc(x.ents, func(a, b Entity) int { return a.Start - b.Start })
	}
}

// tableRow returns the name that opens sentence [s, e) when nothing but
// three numbers or more follow it, as in a row of a league table
// ("Hamburg 8 4 3 1 12 7 15", "3. Leverkusen 8 5 1 2 18-10 16"), as
// teamNameAt does (a free capitalised word before an entity is part of
// it: "Bayern" + "Munich"); or i == j. A rank before the name is passed
// over.
func (x *Extractor) tableRow(s, e int) (i, j, ent, es int) {
	k := s
	if k+1 < e && x.isSmallNumber(k) && x.lowIs(k+1, ".") {
		k += 2
	}
	if k >= e || !x.isCap(k) {
		return s, s, -1, s
	}
	i, j, ent, es = x.teamNameAt(k)
	if j <= i || j-i > 4 {
		return s, s, -1, s
	}
	nums, digits := 0, 0
	for m := j; m < e; m++ {
		switch t := x.tokenTextOrEmpty(m); {
		case x.doc.Cls[m] == 'd' && len(t) <= 3:
			nums++
			if len(t) == 1 {
				digits++
			}
		case x.lowIs(m, "-") || x.lowIs(m, "–"):
		default:
			return s, s, -1, s
		}
	}
	// A table's counts of games won, drawn and lost have single digits;
	// a golfer's rounds ("Tiger Woods 68 70 72 210") do not.
	if nums < 3 || digits < 2 {
		return s, s, -1, s
	}
	return i, j, ent, es
}

// tableRowAt reports a row of a table (see tableRow) in the sentence
// starting at token s, or in the next one when s is a rank alone.
func (x *Extractor) tableRowAt(s int) bool {
	for range 2 {
		if s >= len(x.doc.Toks) {
			return false
		}
		e := x.sentenceEnd(s)
		if !x.isRank(s, e) {
			i, j, _, _ := x.tableRow(s, e)
			return j > i
		}
		s = e
	}
	return false
}

// sentenceEnd returns the end of the sentence that starts at token s.
func (x *Extractor) sentenceEnd(s int) int {
	e := s + 1
	for e < len(x.doc.Toks) && !x.doc.Toks[e].SentStart {
		e++
	}
	return e
}

// isRank reports a sentence [s, e) that is a table row's rank alone, as
// a tokenizer splits it off the row: "3." + "Hamburg 8 4 3 1".
func (x *Extractor) isRank(s, e int) bool {
	return e-s == 2 && x.isSmallNumber(s) && x.lowIs(s+1, ".")
}

// teamOf makes a team of the name [i, j) that teamNameAt found: entity
// ent, starting at token es, through makeTeam; or, when the tagger read
// none, a new organisation, unless the name is one common word, title,
// weekday or month. It reports whether entities were added or moved.
func (x *Extractor) teamOf(i, j, ent, es int) bool {
	if ent >= 0 {
		return x.makeTeam(ent, es)
	}
	if j-i == 1 && x.has(i, ner.GCommon|ner.GTitle|ner.GWeekday|ner.GMonth) {
		return false
	}
	x.add(i, j, Org, x.value(i, j, Org))
	return true
}

// nameAt returns the name starting at token k: the tokens of the entity
// that starts there and its index, or a free capitalised run and -1.
func (x *Extractor) nameAt(k int) (i, j, ent int) {
	if x.inEntity[k] {
		start := int(x.doc.Toks[k].Start)
		idx, ok := slices.BinarySearchFunc(x.ents, start, func(e Entity, s int) int { return e.Start - s })
		if !ok {
			return k, k, -1
		}
		i, j = x.tokenRange(x.ents[idx].Start, x.ents[idx].End)
		return i, j, idx
	}
	return k, x.capRunEnd(k), -1
}

// makeTeam retypes entity ent (tokens from i) as a team: places, and
// nationality words ("Celtic"), become organisations, with a free
// capitalised word right before them ("Bayern Munich"). It reports
// whether entities were added or moved.
func (x *Extractor) makeTeam(ent, i int) bool {
	e := &x.ents[ent]
	if e.Type == Person && !x.isClubName(e) {
		return false
	}
	if e.Type != Location && e.Type != NORP && e.Type != Org && e.Type != Person {
		return false
	}
	moved := false
	if i > 0 && !x.inEntity[i-1] && x.isCap(i-1) && !x.doc.Toks[i].SentStart &&
		(!x.has(i-1, ner.GCommon|ner.GTitle) || teamPrefixes[string(x.lowBytes(i-1))]) {
		e.Start = int(x.doc.Toks[i-1].Start)
		x.inEntity[i-1] = true
		moved = true
	}
	e.Text = x.doc.Text[e.Start:e.End]
	e.Type, e.Value = Org, trimThe(e.Text)
	return moved
}

// isClubName reports a PERSON of the tagger that is a club's name: two
// words or more ending in a city's name, the first no given name
// ("Atletico Madrid", "Bayer Leverkusen"; not "Jack London").
func (x *Extractor) isClubName(e *Entity) bool {
	i, j := x.tokenRange(e.Start, e.End)
	return i >= 0 && j-i >= 2 && x.has(j-1, ner.GCity|ner.GCapital) && !x.has(i, ner.GFirst)
}

// sportsSentence reports a sentence [s, e) with a score ("2-1") or a
// word of sport.
func (x *Extractor) sportsSentence(s, e int) bool {
	for k := s; k < e; k++ {
		if x.isScore(k) || sportsWords[string(x.lowBytes(k))] {
			return true
		}
	}
	return false
}

// scoreLine reports a sentence [s, e) that is a result alone, two names
// each with its goals: "Manchester United 2 Arsenal 1".
func (x *Extractor) scoreLine(s, e int) bool {
	if !x.isCap(s) {
		return false
	}
	_, j, _, _ := x.teamNameAt(s)
	if j <= s || j+1 >= e || !x.isSmallNumber(j) || !x.isCap(j+1) {
		return false
	}
	l := x.nameEnd(j + 1)
	return l+1 == e && x.isSmallNumber(l) || l+2 == e && x.isSmallNumber(l) && x.lowIs(l+1, ".")
}

// isScore reports a score at token k: one or two digits, a hyphen or
// dash touching both, one or two digits ("2-1", "3–0"), with no month
// before or after ("2-3 June", "June 2-3" are days).
func (x *Extractor) isScore(k int) bool {
	d := &x.doc
	return k+2 < len(d.Toks) && x.isSmallNumber(k) && (x.lowIs(k+1, "-") || x.lowIs(k+1, "–")) &&
		x.adjacent(k) && x.adjacent(k+1) && x.isSmallNumber(k+2) && !x.has(k+3, ner.GMonth) && !x.has(k-1, ner.GMonth)
}

func (x *Extractor) isSmallNumber(k int) bool {
	t := x.tokenTextOrEmpty(k)
	return len(t) >= 1 && len(t) <= 2 && x.doc.Cls[k] == 'd' && t[len(t)-1] >= '0' && t[len(t)-1] <= '9'
}

// isTeamSlot reports a name [i, j) in sentence [s, e) that stands where
// a team does: before or after a result verb with a name on its other
// side ("France beat Brazil", "drew with Spain", "lost to Leeds"), or
// next to a score ("Brazil 2-1", "beat Brazil 2-1", "Arsenal 2 Chelsea
// 1").
func (x *Extractor) isTeamSlot(i, j, s, e int) bool {
	// "Carlos Alcaraz of Spain beat", "Pete Sampras of the United
	// States": the country of an athlete named before it is no team.
	of := i - 1
	if x.lowIs(of, "the") {
		of--
	}
	if of >= 1 && x.lowIs(of, "of") && x.inEntity[of-1] {
		start := int(x.doc.Toks[of-1].Start)
		k, _ := slices.BinarySearchFunc(x.ents, start+1, func(e Entity, s int) int { return e.Start - s })
		if k > 0 && x.ents[k-1].End > start && x.ents[k-1].Type == Person {
			return false
		}
	}
	// After the name.
	if j < e && x.isScore(j) {
		return true
	}
	if j < e && x.isSmallNumber(j) && x.isCap(j+1) && !x.lowIs(j+2, "-") {
		// "Arsenal 2 Chelsea 1"
		if k := x.nameEnd(j + 1); k < e && x.isSmallNumber(k) {
			return true
		}
	}
	// "Celtic won 3-0 at Ibrox", "Ajax lost 3-0 to PSV", "Bayern were
	// held 1-1": a verb and a score.
	v := j
	if auxiliaries[string(x.lowBytes(v))] {
		v++ // "Bayern were held 1-1"
	}
	if v+3 < e && scoreVerbs[string(x.lowBytes(v))] && x.isScore(v+1) {
		return true
	}
	// "Chelsea's 2-1 victory over Tottenham": a scored result the name
	// has.
	if j+4 < e && x.isPossessive(j) && x.isScore(j+1) && resultNouns3[string(x.lowBytes(j+4))] {
		return true
	}
	// "Liverpool against Chelsea", "bat against India": in a sentence
	// of sport, the names on either side of "against" are teams.
	if j < e && x.lowIs(j, "against") && x.isCap(j+1) || i-1 > s && x.lowIs(i-1, "against") && !x.isPossessive(j) {
		return true
	}
	// "Morocco reached the semi-finals after a 1-0 win over Portugal":
	// the subject of a sentence that tells of its score.
	if i == s && j < e && x.doc.Cls[j] == 'x' && !x.lowIs(j, "of") && x.scoredResult(j, e) {
		return true
	}
	if v := x.resultVerbEnd(j); v > j && v < e {
		// "drew 1-1 with Everton", "beat Brazil".
		if x.isScore(v) {
			v += 3
			if x.lowIs(v, "with") || x.lowIs(v, "against") || x.lowIs(v, "to") {
				v++
			}
		}
		if v < e && x.isCap(v) {
			return true
		}
	}
	// Before the name.
	b := i
	if x.lowIs(b-1, "with") || x.lowIs(b-1, "against") || x.lowIs(b-1, "to") {
		if b-4 >= s && x.isScore(b-4) && x.resultVerbEnd(b-5) == b-4 {
			b -= 4 // "drew 1-1 with"
		}
	}
	if b-5 > s && scorePrepositions[string(x.lowBytes(b-1))] && x.isScore(b-4) && scoreVerbs[string(x.lowBytes(b-5))] {
		// "Ajax lost 3-0 to PSV", "Bayern were held 1-1 by Dortmund"
		if v := b - 5; x.isCap(v-1) || v-2 >= s && auxiliaries[string(x.lowBytes(v-1))] && x.isCap(v-2) {
			return true
		}
	}
	if v := x.resultVerbStart(b); v >= 0 && v > s && (x.isCap(v-1) || v-3 >= s && x.isScore(v-3)) {
		return true // "Spain beat England", "a 1-0 win over Portugal"
	}
	if i-2 >= s && x.isSmallNumber(i-1) && x.isCap(i-2) {
		// "Arsenal 2 Chelsea 1": the second team.
		if j < e && x.isSmallNumber(j) {
			return true
		}
	}
	return false
}

// scoredResult reports a score before a result noun in [k, e): "after a
// 1-0 win over", "with a 12-11 victory", "a 3-1 defeat".
func (x *Extractor) scoredResult(k, e int) bool {
	for m := k; m+3 < e; m++ {
		if x.isScore(m) && resultNouns3[string(x.lowBytes(m+3))] {
			return true
		}
	}
	return false
}

// scoreVerbs come before a score and the other team: "lost 3-0 to".
var scoreVerbs = map[string]bool{
	"lost": true, "lose": true, "loses": true, "fell": true, "falls": true, "drew": true, "draw": true,
	"draws": true, "tied": true, "ties": true, "won": true, "win": true, "wins": true,
	"held": true, "beaten": true,
}

// scorePrepositions name the other team after a score: "lost 3-0 to".
var scorePrepositions = map[string]bool{"to": true, "with": true, "against": true, "over": true, "by": true}

// auxiliaries stand between a team and a passive result: "were held".
var auxiliaries = map[string]bool{"was": true, "were": true, "been": true, "are": true, "is": true}

// resultNouns3 are results after a score: "a 1-0 win".
var resultNouns3 = map[string]bool{
	"win": true, "victory": true, "defeat": true, "loss": true, "draw": true, "triumph": true, "thrashing": true,
}

// nameEnd returns the end of the team's name at k (see teamNameAt).
func (x *Extractor) nameEnd(k int) int {
	_, j, _, _ := x.teamNameAt(k)
	return j
}

// teamNameAt returns the name starting at token k as nameAt does, with
// one free capitalised word before an entity taken with it ("Bayern" +
// "Munich", which the tagger read as a place) as makeTeam takes it (not
// a common word: "Beat" + "Argentina" in a headline): its tokens [i, j),
// the entity and where the entity starts.
func (x *Extractor) teamNameAt(k int) (i, j, ent, es int) {
	i, j, ent = x.nameAt(k)
	if ent < 0 && j == i+1 && j < len(x.doc.Toks) && x.inEntity[j] && x.isCap(j) &&
		(!x.has(i, ner.GCommon|ner.GTitle) || teamPrefixes[string(x.lowBytes(i))]) {
		if ei, ej, e2 := x.nameAt(j); e2 >= 0 {
			return i, ej, e2, ei
		}
	}
	return i, j, ent, i
}

// resultVerbEnd returns the token after a result verb starting at k
// ("beat", "drew with", "lost to", "v"), or k.
func (x *Extractor) resultVerbEnd(k int) int {
	low := string(x.lowBytes(k))
	if (low == "v" || low == "v.") && x.doc.Cls[k] != 'x' {
		return k // "Henry V"
	}
	switch {
	case (low == "drew" || low == "draw" || low == "tied") && x.lowIs(k+1, "with"),
		(low == "lost" || low == "loss" || low == "fell" || low == "lose") && x.lowIs(k+1, "to"),
		(low == "win" || low == "victory" || low == "triumph") && x.lowIs(k+1, "over"),
		(low == "defeat" || low == "beaten" || low == "loss") && x.lowIs(k+1, "by"):
		return k + 2
	case resultVerbs[low]:
		return k + 1
	}
	return k
}

// resultVerbStart returns the first token of a result verb ending just
// before token i, or -1.
func (x *Extractor) resultVerbStart(i int) int {
	if i >= 1 && resultVerbs[string(x.lowBytes(i-1))] && x.resultVerbEnd(i-1) == i {
		return i - 1
	}
	if i >= 2 && x.resultVerbEnd(i-2) == i {
		return i - 2
	}
	return -1
}

// resultVerbs stand between two teams: "France beat Brazil".
var resultVerbs = map[string]bool{
	"beat": true, "beats": true, "defeated": true, "defeat": true, "defeats": true,
	"edged": true, "thrashed": true, "routed": true, "hammered": true, "trounced": true,
	"stunned": true, "eliminated": true, "overcame": true, "outplayed": true, "v": true,
	"v.": true, "vs": true, "vs.": true, "versus": true, "drew": true, "downed": true,
	"whipped": true, "crushed": true, "edge": true, "edges": true, "upset": true,
}

// sportsWords make a sentence one about sport.
var sportsWords = map[string]bool{
	"match": true, "game": true, "goal": true, "goals": true, "cup": true, "league": true,
	"final": true, "semi-final": true, "semifinal": true, "quarter-final": true, "quarterfinal": true,
	"tournament": true, "championship": true, "qualifier": true, "friendly": true, "striker": true,
	"midfielder": true, "goalkeeper": true, "coach": true, "penalty": true, "penalties": true,
	"innings": true, "wickets": true, "touchdown": true, "season": true,
	"squad": true, "fixture": true, "derby": true, "olympics": true, "scored": true,
	"halftime": true, "half-time": true, "extra-time": true, "stoppage": true, "kickoff": true,
	"stadium": true, "playoff": true, "playoffs": true, "standings": true,
	"semi-finals": true, "semifinals": true, "quarter-finals": true, "quarterfinals": true,
	"toss": true, "wicket": true, "bowled": true, "batting": true, "bowling": true, "equaliser": true, "equalizer": true, "hat-trick": true,
}

// mergeClubCity joins an organisation and the one-word city after it that
// is an organisation too, as the team rules make a city in a results
// sentence: "Bayern" + "Munich", "Inter" + "Milan", "Sporting" + "Lisbon"
// are one club.
func mergeClubCity(text string, ents []Entity) []Entity {
	g := ner.DefaultGazetteer()
	return mergeAdjacent(text, ents, func(a, b Entity, gap string) bool {
		return a.Type == Org && b.Type == Org && gap == " " && !strings.Contains(b.Text, " ") &&
			g.Word([]byte(strings.ToLower(b.Text)))&(ner.GCity|ner.GCapital) != 0 &&
			g.Word([]byte(strings.ToLower(a.Text)))&(ner.GCity|ner.GCapital|ner.GCountry) == 0
	})
}

// playerRoles are the roles of players and coaches in a team, written
// after the team's name: "Brazil forward", "England captain".
var playerRoles = map[string]bool{
	"forward": true, "striker": true, "midfielder": true, "defender": true, "goalkeeper": true,
	"keeper": true, "winger": true, "captain": true, "coach": true, "skipper": true, "batsman": true,
	"bowler": true, "batter": true, "opener": true, "fly-half": true, "scrum-half": true,
	"quarterback": true, "playmaker": true, "full-back": true, "centre-back": true,
}
