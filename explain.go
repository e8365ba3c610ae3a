package newsdump

import (
	"io"
	"slices"
)

// LineRole says what [Parse] made of one line of its input. The newsdump
// command's -explain prints each as "FILE:LINE: ROLE (REASON): TEXT"; the
// JSON form has the keys below.
type LineRole struct {
	Line   int    `json:"line"`   // 1-based line number in the input
	Offset int    `json:"offset"` // byte offset of the line's text
	Text   string `json:"text"`   // the clean text of the line
	Role   Role   `json:"role"`
	Reason string `json:"reason,omitempty"` // why, in a few words
}

// Role is what a line of the input became.
type Role string

// The roles of a line. A line that became part of an article is a title,
// description, byline, date, caption, credit or body line; every other
// line says why it was dropped.
const (
	RoleTitle       Role = "title"
	RoleDescription Role = "description"
	RoleByline      Role = "byline"
	RoleDate        Role = "date"
	RoleCaption     Role = "caption"
	RoleCredit      Role = "credit" // a photo credit on a line of its own
	RoleBody        Role = "body"
	RoleChrome      Role = "chrome"     // the samples' font-size widget and its number
	RoleRepeat      Role = "repeat"     // a title or caption printed again
	RoleTemplate    Role = "template"   // a line every page of the site repeats
	RoleNavigation  Role = "navigation" // menus, breadcrumbs, section and skip links
	RolePromo       Role = "promo"      // related headlines, share buttons, sign-up and paywall boxes
	RoleFooter      Role = "footer"     // copyright and legal lines, site links at the end
	RoleOther       Role = "other"      // anything else outside the article
)

// Explain reads a dump as [Parse] does and returns, for every line that is
// not blank, what Parse made of it and why, in input order: the means to
// see why a site is parsed wrongly. Its options are Parse's. On error it
// returns the lines explained before it with the *[ParseError].
func Explain(r io.Reader, opts ...ParseOption) ([]LineRole, error) {
	var roles []LineRole
	opts = append(slices.Clip(opts), func(c *parseConfig) {
		c.explain = func(l LineRole) { roles = append(roles, l) }
	})
	rd := NewReader(r, opts...)
	for {
		if _, err := rd.Next(); err != nil {
			// A block explains its lines when it is read, in input order
			// but for the article held for a continuation, whose lines
			// were explained when its block was.
			slices.SortStableFunc(roles, func(a, b LineRole) int { return a.Line - b.Line })
			return roles, ignoreEOF(err)
		}
	}
}

// explainLine reports block line i to the explain hook, if there is one.
func (r *Reader) explainLine(i int, role Role, reason string) {
	if r.cfg.explain == nil {
		return
	}
	l := &r.blk.lines[i]
	r.cfg.explain(LineRole{Line: l.num, Offset: l.off, Text: string(r.blk.text(i)), Role: role, Reason: reason})
}

// explainBlock reports what the dump rules made of each line of a block:
// the articles' parts, and for the rest the chrome and repeats they drop.
func (r *Reader) explainBlock(parts []articleParts, continued bool) {
	if r.cfg.explain == nil {
		return
	}
	b := &r.blk
	role := make([]Role, len(b.lines))
	reason := make([]string, len(b.lines))
	if continued {
		for i := range role {
			role[i], reason[i] = RoleBody, "continues the article before: a block with no header"
		}
	}
	for _, p := range parts {
		role[p.title], reason[p.title] = RoleTitle, "first line of the article"
		for _, i := range p.captions {
			role[i], reason[i] = RoleCaption, "ends in a credit in parentheses, in the header"
		}
		for _, i := range p.paras {
			role[i], reason[i] = RoleBody, "a line of the body"
		}
	}
	// The header's lines, to tell its repeats by.
	printed := map[string]Role{}
	for i := range role {
		if role[i] == RoleTitle || role[i] == RoleCaption {
			printed[string(b.text(i))] = role[i]
		}
	}
	for i := range role {
		if role[i] != "" {
			continue
		}
		switch printed[string(b.text(i))] {
		case RoleTitle:
			role[i], reason[i] = RoleRepeat, "repeats the title"
			continue
		case RoleCaption:
			role[i], reason[i] = RoleRepeat, "repeats a caption"
			continue
		}
		switch {
		case b.isTT(i):
			role[i], reason[i] = RoleChrome, "the font-size widget"
		case b.isNumber(i):
			role[i], reason[i] = RoleChrome, "the font size after the widget"
		case b.captionLike(i):
			role[i], reason[i] = RoleRepeat, "repeats a caption"
		default:
			role[i], reason[i] = RoleOther, "not part of an article"
		}
	}
	for i := range role {
		r.explainLine(i, role[i], reason[i])
	}
}
