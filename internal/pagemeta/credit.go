package pagemeta

import "strings"

// creditLabels open a photo credit ("Photo: X", "Image Credit: X",
// "Photograph: X/Y", "Photo by X"). Longer labels come first so that
// "Photograph:" is not read as "Photo" followed by "graph:".
var creditLabels = [...]string{
	"image credit:", "photo credit:", "picture credit:", "photo credits:",
	"photograph:", "photographs:", "photo illustration:", "illustration:",
	"photos:", "photo:", "image:", "images:", "picture:", "pictures:",
	"credit:", "credits:", "foto:", "fotos:", "bild:", "crédito:",
	"photo by", "photos by", "image by", "picture by", "photograph by",
	"illustration by", "foto von", "foto de", "foto di",
}

// creditAgencies are the photo agencies and the words that mark a credit
// after a slash or inside parentheses: "Name/Getty Images", "(Reuters)".
var creditAgencies = [...]string{
	"getty images", "getty", "afp", "reuters", "associated press", "ap photo",
	"ap", "epa", "efe", "anadolu", "shutterstock", "istock", "alamy",
	"pool", "bloomberg", "pa images", "pa wire", "pa", "rex", "ddp", "dpa",
	"xinhua", "tass", "sipa", "corbis", "nurphoto", "zuma", "imago",
	"picture alliance", "wireimage", "filmmagic", "abaca", "upi",
	"courtesy", "handout", "file photo", "supplied", "aap", "the canadian press",
	"the guardian", "the new york times", "the washington post", "nasa",
	"press association", "keystone", "kyodo", "yonhap", "sputnik",
	"unsplash", "pexels", "flickr", "wikimedia", "wikipedia",
}

// The labels and agencies by the letter a match must have there, in
// their order, so that each look-up tries only the few that may match:
// labelsByFirst and agenciesByFirst by their first letter, colonLabels
// (those ending in a colon) by their letter before it. Every label and
// agency starts with an ASCII letter, and every colon label has one
// before its colon (TestCreditTables), and hasPrefixFold matches a
// letter only to itself in either case.
var (
	labelsByFirst, colonLabels, agenciesByFirst [26][]string
)

func init() {
	for _, l := range creditLabels {
		labelsByFirst[l[0]-'a'] = append(labelsByFirst[l[0]-'a'], l)
		if l[len(l)-1] == ':' {
			k := l[len(l)-2] - 'a'
			colonLabels[k] = append(colonLabels[k], l)
		}
	}
	for _, a := range creditAgencies {
		agenciesByFirst[a[0]-'a'] = append(agenciesByFirst[a[0]-'a'], a)
	}
}

// lowerLetter returns s[i] lower-cased when it is an ASCII letter, else 0
// (also when i is out of range).
func lowerLetter(s string, i int) byte {
	if i < 0 || i >= len(s) {
		return 0
	}
	if c := s[i] | 0x20; 'a' <= c && c <= 'z' {
		return c
	}
	return 0
}

// maxCreditTail bounds how far from a caption's end its credit may start.
const maxCreditTail = 120

// Credit splits a photo caption into its text and its credit: "Jane at
// the rally. (Photo by John Doe / AFP)" gives "Jane at the rally." and
// "John Doe / AFP"; "... Photograph: John Doe/Reuters" and "... John
// Doe/Getty Images" too; "( Reuters: Name/Pool )" gives "Reuters:
// Name/Pool". The credit is a substring of line, without its label
// ("Photo by", "Photograph:") or parentheses. A parenthetical counts as a
// credit only when it has a label, names an agency, or is "Name/Agency",
// so "(BED)" or "(1)" in body text is not one.
func Credit(line string) (text, credit string, ok bool) {
	// Cheap test on the raw line: a credit ends in ")" or has a ":" or a
	// "/" near the end.
	j := len(line)
	for j > 0 && (line[j-1] == ' ' || line[j-1] == '\t' || line[j-1] == '\r') {
		j--
	}
	if j < 3 {
		return "", "", false
	}
	if line[j-1] != ')' && !hasColonOrSlash(line[max(0, j-maxCreditTail):j]) {
		return "", "", false
	}
	s := trimSpace(line)
	if len(s) < 3 {
		return "", "", false
	}
	if s[len(s)-1] == ')' {
		open := strings.LastIndexByte(s, '(')
		if open >= 0 && len(s)-open <= maxCreditTail+2 {
			inner := trimSpace(s[open+1 : len(s)-1])
			if c, ok := creditBody(inner, true); ok {
				return trimRightSeps(s[:open]), c, true
			}
		}
		return "", "", false
	}
	tail := s
	off := 0
	if len(tail) > maxCreditTail {
		off = len(tail) - maxCreditTail
		tail = tail[off:]
	}
	if strings.IndexByte(tail, ':') < 0 && strings.IndexByte(tail, '/') < 0 {
		return "", "", false
	}
	// "Caption. Photograph: Name/Agency"
	// Look only before the colons of the tail, the last first.
	best := -1
	var bestLabel string
	end := len(tail)
	for tries := 0; tries < 4 && best < 0; tries++ {
		k := strings.LastIndexByte(tail[:end], ':')
		if k < 0 {
			break
		}
		// Only the labels whose letter before the colon is tail[k-1].
		var labels []string
		if c := lowerLetter(tail, k-1); c != 0 {
			labels = colonLabels[c-'a']
		}
		for _, l := range labels {
			if k+1 < len(l) {
				continue
			}
			st := k + 1 - len(l)
			if hasPrefixFold(tail[st:], l) && (st == 0 || !isLetterByte(tail[st-1])) {
				best, bestLabel = st, l
				break
			}
		}
		end = k
	}
	if best >= 0 {
		c := trimSpace(tail[best+len(bestLabel):])
		if c != "" && len(c) <= 100 {
			return trimRightSeps(s[:off+best]), c, true
		}
	}
	// "Caption. Name/Getty Images"
	slash := strings.LastIndexByte(tail, '/')
	if slash < 0 {
		return "", "", false
	}
	after := trimSpace(tail[slash+1:])
	if !isAgency(after) {
		return "", "", false
	}
	// The credit starts where the capitalised words before the slash do
	// (at most four, "Jane van Doe"), after the caption's last sentence.
	start := slash
	for n := 0; n < 4; n++ {
		j := start
		for j > 0 && tail[j-1] == ' ' {
			j--
		}
		k := strings.LastIndexByte(tail[:j], ' ') + 1
		w := tail[k:j]
		if w == "" || !upperAt(w, 0) || len(w) > 2 && w[len(w)-1] == '.' {
			break
		}
		start = k
	}
	if start == slash {
		start = slash + 1 // no name: the agency alone
	}
	c := trimSpace(tail[start:])
	return trimRightSeps(s[:off+start]), c, true
}

// CreditLine recognises a line that is only a photo credit, printed after
// the caption it belongs to: "Image Credit: X", "Photo: X", "Credit: X",
// "(Getty Images)", "X/Getty Images". It returns the credit without its
// label, a substring of line.
func CreditLine(line string) (credit string, ok bool) {
	s := trimSpace(line)
	if len(s) < 2 || len(s) > maxCreditTail {
		return "", false
	}
	if s[0] == '(' && s[len(s)-1] == ')' {
		return creditBody(trimSpace(s[1:len(s)-1]), true)
	}
	c := s[0]
	if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= 0x80) {
		return "", false
	}
	if cr, ok := creditBody(s, false); ok {
		return cr, true
	}
	return "", false
}

// creditBody reads the text of a credit: a label and a name, an agency, or
// Name/Agency. paren is set inside parentheses, where an agency alone
// ("Reuters", "AP Photo/Jane Doe") is a credit.
func creditBody(s string, paren bool) (string, bool) {
	if s == "" || len(s) > 100 {
		return "", false
	}
	var labels []string
	if c := lowerLetter(s, 0); c != 0 {
		labels = labelsByFirst[c-'a']
	}
	for _, l := range labels {
		if hasPrefixFold(s, l) {
			c := trimSpace(s[len(l):])
			if len(c) > 0 && c[0] == ':' {
				c = trimSpace(c[1:])
			}
			if c == "" {
				return "", false
			}
			return c, true
		}
	}
	if paren && (isAgency(s) || startsWithAgency(s)) {
		return s, true
	}
	if isAgency(s) && !paren {
		// A line that is only "Getty Images" is a credit; "Reuters" or
		// "AP" alone could be a byline or a menu entry.
		if strings.Contains(strings.ToLower(s), "images") {
			return s, true
		}
		return "", false
	}
	if k := strings.LastIndexByte(s, '/'); k > 0 {
		before, after := trimSpace(s[:k]), trimSpace(s[k+1:])
		if before != "" && upperAt(before, 0) && (isAgency(after) || paren && after != "" && upperAt(after, 0) && wordsIn(after) <= 4) && wordsIn(before) <= 6 {
			return s, true
		}
	}
	return "", false
}

// isAgency reports whether s is one of creditAgencies (ignoring case and
// a trailing dot).
func isAgency(s string) bool {
	s = strings.TrimSuffix(s, ".")
	if len(s) > 24 || lowerLetter(s, 0) == 0 {
		return false
	}
	for _, a := range agenciesByFirst[lowerLetter(s, 0)-'a'] {
		if len(a) == len(s) && hasPrefixFold(s, a) {
			return true
		}
	}
	return false
}

// startsWithAgency reports whether s starts with an agency followed by a
// separator: "Reuters: Name/Pool", "AP Photo/Jane Doe", "AFP via Getty".
func startsWithAgency(s string) bool {
	if lowerLetter(s, 0) == 0 {
		return false
	}
	for _, a := range agenciesByFirst[lowerLetter(s, 0)-'a'] {
		if hasPrefixFold(s, a) && len(s) > len(a) {
			c := s[len(a)]
			if c == ':' || c == '/' || c == ' ' && hasPrefixFold(s[len(a)+1:], "via ") {
				return true
			}
		}
	}
	return false
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// trimRightSeps trims spaces and the separators a caption leaves before
// its credit ("Caption. -", "Caption |").
func trimRightSeps(s string) string {
	s = trimSpace(s)
	for len(s) > 0 {
		c := s[len(s)-1]
		if c == '|' || c == '-' || c == '/' || c == '(' || c == ',' {
			s = trimSpace(s[:len(s)-1])
			continue
		}
		break
	}
	return s
}
