// Package page finds the article in the text of one web page as an
// HTML-to-text converter (inscriptis, html-text and the like) printed it:
// the headline, the body paragraphs, and a class for every other line
// (navigation, promos, bylines, footer ...).
//
// # Input
//
// Extract takes the page's lines without their terminators, decoded to
// UTF-8, blank lines as "". Pass them untrimmed: the indentation and the
// list bullets ("  * Home", "      + Columns") that inscriptis leaves are
// among the strongest hints of navigation, and the body paragraphs of a
// page usually share the headline's indentation. Extract never modifies
// the lines; Result.Paragraphs hold trimmed text.
//
// # Method
//
// Each line is scanned once, byte by byte with an ASCII fast path: its
// length in tokens, stopword density (a small English, Portuguese,
// Spanish, French, German and Italian list, looked up in a bucketed
// table of packed lower-cased words), terminal punctuation,
// capitalisation, digits, separators, bullets and indentation. From these
// every non-blank line gets a vector of hashed features, computed once:
// the line's own facts, its place in the page and the same facts about
// its neighbours. A first logistic regression (trained by cmd/pagetrain
// on the annotated pages of the Zyte article-extraction benchmark and
// embedded as data/model.bin) turns them into a probability that the
// line is body text, and a two-state Viterbi decode over the lines with
// a switching penalty picks contiguous runs of content, as jusText and
// boilerpipe smooth their block decisions.
//
// The headline is then picked among short non-list lines above most of
// that first-pass body, by a second logistic model whose features
// include similarity to the page's first line (html-text prints the
// <title> there), whether other lines share its first or last 24 bytes
// ("Headline | Site", "Home News Headline") and it is the shortest of
// them, whether it reads like a date or a byline, how much body follows
// it, how many candidates lie between it and the first pass's main run
// of body, and how many of its words the first lines of that run use. A breadcrumb trail or site name run into the picked line
// is trimmed off when the bare headline is printed nearby.
//
// A second body model adds to the base features the line's distance to
// the headline and its indentation relative to it, and the first pass's
// verdict on its neighbourhood (stacking; at training time the first
// pass is cross-fitted so that these features look as they will on
// unseen sites). Its scores are decoded again; short lines that end no
// sentence are trimmed off the end of each run, short gaps between runs
// (subheadings, quotes) are filled unless a line in them is a list item,
// a repeat or clear boilerplate, and lines that repeat an earlier body
// line are dropped.
package page

// Class is what a line of the page is.
type Class uint8

// The classes of a line. Only Body and Title are learned; the others are
// assigned to non-body lines by simple rules and are hints, not
// guarantees.
const (
	Other       Class = iota // none of the below
	Blank                    // empty or whitespace only
	Body                     // a paragraph of the article body
	Title                    // the headline
	Description              // standfirst: the summary under the headline
	Byline                   // "By Jane Doe", author names
	Date                     // a publication or update date
	Caption                  // a photo caption or credit inside the article
	Navigation               // menus, breadcrumbs, section links, skip links
	Promo                    // related headlines, share buttons, sign-up and paywall text, ads
	Footer                   // copyright, legal and site-information links at the end
	numClasses
)

var classNames = [...]string{"other", "blank", "body", "title", "description", "byline", "date", "caption", "navigation", "promo", "footer"}

func (c Class) String() string {
	if int(c) < len(classNames) {
		return classNames[c]
	}
	return "class?"
}

// Reason says which rule or evidence decided a line's class.
type Reason uint8

// The reasons.
const (
	ReasonNone          Reason = iota
	ReasonBlank                // the line is blank
	ReasonHeadline             // chosen as the headline candidate
	ReasonContentRun           // in a run of content the decoder kept
	ReasonDuplicate            // repeats an earlier body line
	ReasonLowScore             // the model scored it as boilerplate
	ReasonListItem             // a list item (bullet) outside the article
	ReasonShortLink            // a short link-like line
	ReasonBeforeTitle          // before the headline
	ReasonAfterBody            // after the end of the body
	ReasonBylineLike           // starts with "By" or names an author near the headline
	ReasonDateLike             // mostly a date or time
	ReasonUnderHeadline        // a sentence between the headline and the body
	ReasonCopyright            // a copyright or legal line
	ReasonInsideBody           // a short non-body line between body lines
	numReasons
)

var reasonNames = [...]string{
	"none", "blank line", "headline candidate", "in a run of content",
	"repeats an earlier body line", "low content score", "list item outside the article",
	"short link-like line", "before the headline", "after the body",
	"byline-like", "date-like", "sentence under the headline", "copyright line",
	"short line inside the body",
}

func (r Reason) String() string {
	if int(r) < len(reasonNames) {
		return reasonNames[r]
	}
	return "reason?"
}

// Result is what Extract found.
type Result struct {
	// Title is the index in lines of the headline, -1 if none was found.
	Title int
	// Class and Reason hold one entry per input line.
	Class  []Class
	Reason []Reason
	// Body holds the indices of the body lines, increasing.
	Body []int
	// Paragraphs is the body text: one paragraph per body line, trimmed,
	// except that lines hard-wrapped at a fixed width (cut mid-sentence
	// at a column between 55 and 85) are joined back with a space.
	Paragraphs []string
}

// Extract finds the headline and body of a page with the embedded model.
// lines are the page's lines, untrimmed (see the package comment).
func Extract(lines []string) Result {
	return defaultModel().Extract(lines)
}

// ExtractHashed is Extract with the embedded model for lines hashed
// already; see Model.ExtractHashed.
func ExtractHashed(lines []string, hashes []uint64) Result {
	return defaultModel().ExtractHashed(lines, hashes)
}
