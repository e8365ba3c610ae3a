package newsdump

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsdump/newsdump/internal/entity"
)

// creditMentions returns the mentions of the photo credits and of the
// byline: the agencies and photographers each credit names
// (entity.Credit), with "field" "credit" and the caption's index, and
// each author as a PERSON, with "field" "authors" and the author's index.
// A name the rest of the article gives a type (an author the text quotes
// as an organisation, a photographer the text names) takes that type, so
// that the mentions join the same entity.
func (a Article) creditMentions(all []found) []found {
	if len(a.Authors) == 0 && !a.hasCredits() {
		return nil
	}
	// Credits and authors are few: each is looked for among the
	// article's mentions, the last one written so deciding.
	typed := func(e Entity) Entity {
		for i := len(all) - 1; i >= 0; i-- {
			if k := all[i].e; (k.Type == PERSON || k.Type == ORG) && strings.EqualFold(k.Text, e.Text) {
				e.Type, e.Value = k.Type, k.Value
				break
			}
		}
		return e
	}
	var out []found
	for i, au := range a.Authors {
		st := len(au) - len(strings.TrimLeft(au, " \t"))
		en := len(strings.TrimRight(au, " \t"))
		if st >= en || !isAuthorName(au[st:en]) {
			continue
		}
		e := Entity{Text: au[st:en], Type: PERSON, Start: st, End: en, Value: au[st:en]}
		if v, ok := entity.Agency(e.Text); ok {
			e.Type, e.Value = ORG, v
		}
		e = typed(e)
		out = append(out, found{m: Mention{fieldAuthors, i, st, en, e.Text}, e: e})
	}
	for i, c := range a.Captions {
		for _, p := range entity.Credit(c.Credit) {
			e := typed(Entity{Text: p.Text, Type: EntityType(p.Type), Start: p.Start, End: p.End, Value: p.Value})
			out = append(out, found{m: Mention{fieldCredit, i, e.Start, e.End, e.Text}, e: e})
		}
	}
	return out
}

func (a Article) hasCredits() bool {
	for _, c := range a.Captions {
		if c.Credit != "" {
			return true
		}
	}
	return false
}

// isAuthorName reports a byline name: it starts with a capital and has
// no digits and at most six words.
func isAuthorName(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) && !strings.ContainsFunc(s, unicode.IsDigit) && strings.Count(s, " ") < 6
}
