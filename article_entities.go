package newsdump

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Mention is one place where an entity is named in an [Article]: Field is
// "title", "captions" or "paragraphs", Index is the caption or paragraph
// (0 for the title), Start and End are byte offsets into that string
// (into the caption's Text for captions), and Text is exactly those bytes.
type Mention struct {
	Field string `json:"field"`
	Index int    `json:"index"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// ArticleEntity is one entity of an article with all its mentions, in
// reading order (title, captions, paragraphs).
type ArticleEntity struct {
	Type     EntityType `json:"type"`
	Text     string     `json:"text"`  // the fullest form written in the article
	Value    string     `json:"value"` // the canonical value, as in [Entity]
	Mentions []Mention  `json:"mentions"`
}

// Entities finds the entities of the article's title, caption texts and
// paragraphs (credits are left out: they name photographers and agencies,
// not the news) and groups the mentions of each entity under one canonical
// value, ordered by first mention.
//
// Beyond what [ExtractEntities] does within one string, Entities links
// across the whole article:
//   - a PERSON named by one word takes the value of the one longer name
//     in the article that ends in that word ("Blinken" → "Antony
//     Blinken", "Sudani" → "Mohammed Shia al-Sudani"); the surname of a
//     person named in full is also found where the tagger missed it
//     (a headline's "Blinken’s"), and so are the places and
//     organisations named elsewhere in the article;
//   - country aliases share one LOCATION ("US", "the US", "U.S." and
//     "United States" → "United States");
//   - a weekday gets a date only when exactly one full date appears in
//     the captions: the photo's date. The weekday is then taken as that
//     day or the first such day after it ("Tuesday" after a caption dated
//     "Friday, April 18, 2025" is 2025-04-22): a news photo is taken
//     before the text is written, and the text's weekdays name the days
//     of the news. "last Tuesday" and "next Tuesday", and every weekday
//     of an article whose captions carry no date or several dates, keep
//     an empty Value.
func (a Article) Entities() []ArticleEntity {
	var all []found
	collect := func(field string, idx int, s string) {
		for _, e := range ExtractEntities(s) {
			all = append(all, found{Mention{field, idx, e.Start, e.End, e.Text}, e})
		}
	}
	collect("title", 0, a.Title)
	for i, c := range a.Captions {
		collect("captions", i, c.Text)
	}
	for i, p := range a.Paragraphs {
		collect("paragraphs", i, p)
	}

	// Surnames of people named in full, found where the tagger missed them.
	var ents []Entity
	for _, f := range all {
		ents = append(ents, f.e)
	}
	surnames := map[string]string{}
	for _, e := range ents {
		if e.Type == PERSON && strings.Contains(e.Value, " ") {
			last := e.Value[strings.LastIndexByte(e.Value, ' ')+1:]
			if _, after, ok := strings.Cut(last, "-"); ok {
				surnames[after] = e.Value
			}
			if !strings.Contains(last, "-") {
				surnames[last] = e.Value
			}
		}
	}
	// A headline's "Blinken Meets Sudani" is not one person when the body
	// names Blinken and Sudani: drop it, the scan below finds both.
	kept := all[:0]
	for _, f := range all {
		if f.m.Field == "title" && f.e.Type == PERSON && strings.Contains(f.e.Text, " ") && surnames[f.e.Value] == "" {
			known := 0
			for _, w := range strings.Fields(f.e.Text) {
				if surnames[w] != "" && surnames[w] != f.e.Value {
					known++
				}
			}
			if known > 0 {
				continue
			}
		}
		kept = append(kept, f)
	}
	all = kept
	// Names to look for where the tagger missed them: surnames of people
	// named in full, and the places and organisations found elsewhere in
	// the article ("In Marib, ..." after "Hodeidah, Marib and Saada").
	type known struct {
		typ   EntityType
		value string
	}
	names := map[string]known{}
	for _, f := range all {
		if (f.e.Type == LOCATION || f.e.Type == ORG) && len(f.e.Text) >= 3 && isUpperStart(f.e.Text) {
			names[f.e.Text] = known{f.e.Type, f.e.Value}
		}
	}
	for last := range surnames {
		names[last] = known{PERSON, last}
	}
	order := make([]string, 0, len(names))
	for n := range names {
		order = append(order, n)
	}
	// Longer names first, so that "Gaza Strip" is not taken for "Gaza".
	slices.SortFunc(order, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	// Each name is searched for in the whole article: bound the work for
	// pathological articles that name thousands of things.
	if len(order) > 512 {
		order = order[:512]
	}
	var extra []found
	used := taken{}
	for _, f := range all {
		used.add(f.m)
	}
	scan := func(field string, idx int, s string) {
		for _, name := range order {
			k := names[name]
			for off := 0; ; {
				i := strings.Index(s[off:], name)
				if i < 0 {
					break
				}
				st, en := off+i, off+i+len(name)
				off = en
				if !wordBoundary(s, st, en) || used.overlaps(field, idx, st, en) {
					continue
				}
				e := Entity{Text: s[st:en], Type: k.typ, Start: st, End: en, Value: k.value}
				extra = append(extra, found{Mention{field, idx, st, en, e.Text}, e})
				used.add(extra[len(extra)-1].m)
			}
		}
	}
	scan("title", 0, a.Title)
	for i, c := range a.Captions {
		scan("captions", i, c.Text)
	}
	for i, p := range a.Paragraphs {
		scan("paragraphs", i, p)
	}
	all = append(all, extra...)
	fieldOrder := map[string]int{"title": 0, "captions": 1, "paragraphs": 2}
	slices.SortStableFunc(all, func(p, q found) int {
		if d := fieldOrder[p.m.Field] - fieldOrder[q.m.Field]; d != 0 {
			return d
		}
		if p.m.Index != q.m.Index {
			return p.m.Index - q.m.Index
		}
		return p.m.Start - q.m.Start
	})
	ents = ents[:0]
	for _, f := range all {
		ents = append(ents, f.e)
	}
	idx := personNames(ents, nil)
	for i := range all {
		e := &all[i].e
		if e.Type == PERSON && !strings.Contains(e.Value, " ") {
			if v := idx[e.Value]; v != "" {
				e.Value = v
			}
		}
	}
	resolveWeekdays(a, all)

	var out []ArticleEntity
	index := map[string]int{}
	for _, f := range all {
		key := string(f.e.Type) + "\x00" + f.e.Value
		if f.e.Value == "" {
			key = string(f.e.Type) + "\x01" + strings.ToLower(f.e.Text)
		}
		k, ok := index[key]
		if !ok {
			k = len(out)
			index[key] = k
			out = append(out, ArticleEntity{Type: f.e.Type, Text: f.e.Text, Value: f.e.Value})
		}
		g := &out[k]
		if f.e.Text == g.Value || len(f.e.Text) > len(g.Text) && g.Text != g.Value {
			g.Text = f.e.Text
		}
		g.Mentions = append(g.Mentions, f.m)
	}
	return out
}

// found is one mention with its entity, while an article is grouped.
type found struct {
	m Mention
	e Entity
}

// spanKey names one string of an article: a field and its index.
type spanKey struct {
	field string
	index int
}

// taken holds the mentions of each string of an article, so that a new
// mention can be checked against its own string's only.
type taken map[spanKey][][2]int

func (t taken) overlaps(field string, idx, st, en int) bool {
	for _, s := range t[spanKey{field, idx}] {
		if s[0] < en && st < s[1] {
			return true
		}
	}
	return false
}

func (t taken) add(m Mention) {
	k := spanKey{m.Field, m.Index}
	t[k] = append(t[k], [2]int{m.Start, m.End})
}

// wordBoundary reports whether s[st:en] is a whole word.
func wordBoundary(s string, st, en int) bool {
	if st > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:st])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if en < len(s) {
		r, _ := utf8.DecodeRuneInString(s[en:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// resolveWeekdays gives weekdays a date from the captions' one full date
// when that is sure enough (see Article.Entities).
func resolveWeekdays(a Article, all []found) {
	var ref time.Time
	refs := 0
	for i := range all {
		e, m := &all[i].e, all[i].m
		if m.Field != "captions" || e.Type != DATE || len(e.Value) != 10 || e.Value[0] == '-' {
			continue
		}
		t, err := time.Parse("2006-01-02", e.Value)
		if err != nil {
			continue
		}
		if refs == 0 || !t.Equal(ref) {
			refs++
		}
		ref = t
	}
	if refs != 1 {
		return
	}
	for i := range all {
		e := &all[i].e
		if e.Type != DATE || e.Value != "" {
			continue
		}
		wd, ok := weekdayNumbers[strings.ToLower(e.Text)]
		if !ok {
			continue
		}
		if m := all[i].m; m.Start >= 5 {
			before := strings.ToLower(fieldText(a, m)[:m.Start])
			if strings.HasSuffix(before, "last ") || strings.HasSuffix(before, "next ") || strings.HasSuffix(before, "previous ") {
				continue
			}
		}
		d := (wd - int(ref.Weekday()) + 7) % 7
		e.Value = ref.AddDate(0, 0, d).Format("2006-01-02")
	}
}

func isUpperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// fieldText returns the string a mention points into.
func fieldText(a Article, m Mention) string {
	switch m.Field {
	case "title":
		return a.Title
	case "captions":
		return a.Captions[m.Index].Text
	}
	return a.Paragraphs[m.Index]
}
