package main

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsdump/newsdump"
)

// The most the page shows, so that a large dump still gives a page a
// browser opens at once (an 8 MiB dump of 2,400 articles would be 90 MB of
// HTML): maxListed files per named directory; maxLines lines and
// maxArticles articles per request (the clusters are found among all the
// articles); maxCompared copies side by side.
const (
	maxListed   = 500
	maxLines    = 20000
	maxArticles = 300
	maxCompared = 100
)

// page is what the template renders: the form, the named directories'
// dumps and, after a dump was sent, what newsdump made of it.
type page struct {
	MaxBytes int64
	Roots    []rootView
	Layout   string
	Error    string
	Result   *result
}

type rootView struct {
	Name    string
	Entries []entryView
}

type entryView struct {
	Path string // within the root, slash-separated
	Dir  bool
	Href string // "" for the "more not listed" entry
}

// result is what newsdump made of the inputs of one request.
type result struct {
	Inputs   []inputView
	Articles int
	Clusters []clusterView
	// Compared is how many copies are shown side by side, of Copies.
	Compared, Copies int
}

type inputView struct {
	ID       string // "in0": the prefix of its lines' ids
	Name     string
	Size     int64
	Err      string
	Lines    []lineView
	Articles []articleView
	Kept     int // lines that became part of an article
	// LineCount is the number of lines explained (to the last that is
	// not blank); MoreLines and MoreArticles count those not shown.
	LineCount, MoreLines, MoreArticles int
}

// lineView is one line of the input. A blank line has no Role.
type lineView struct {
	N       int
	Role    string // the CSS class's suffix: "title", "navigation", …
	Reason  string
	Text    string
	Article string // the id of the article that starts here, if one does
	ArtNum  int
}

// kept roles: a line of these became part of an article.
var keptRoles = map[newsdump.Role]bool{
	newsdump.RoleTitle: true, newsdump.RoleDescription: true, newsdump.RoleByline: true,
	newsdump.RoleDate: true, newsdump.RoleCaption: true, newsdump.RoleCredit: true, newsdump.RoleBody: true,
}

// articleView is an article as a reader sees it, each text cut into
// segments at its entity mentions.
type articleView struct {
	ID         string // "a3"
	Num        int    // 1-based, across the request
	Source     string // "file:line"
	LineID     string // the id of its first line in the input column
	Title      []seg
	Desc       []seg
	Authors    [][]seg
	Published  string
	Captions   []captionView
	Paragraphs [][]seg
	Entities   []entityView
	Duplicate  string // "a copy of article N" when the clusters say so
}

type captionView struct {
	Text, Credit []seg
}

// seg is a run of text: plain, an entity mention (Ent is the grouped
// entity's element id, Type its type) or, in a comparison, a passage the
// other copy shares.
type seg struct {
	Text   string
	Ent    string
	Type   string
	Tip    string
	Shared bool
}

type entityView struct {
	ID, Type, Text, Value string
	Mentions              int
	// Elsewhere lists the mentions in fields the page does not show
	// inline ("field[index]: text"), or whose offsets did not match.
	Elsewhere []string
}

type clusterView struct {
	N      int
	Kept   articleRef
	Copies []copyView
}

type articleRef struct {
	Source string
	Title  string
	Href   string // "#a3", or "" when the article is not on the page
}

type copyView struct {
	Ref        articleRef
	Similarity string
	Compare    *compareView
}

// compareView is two copies side by side, the passages they share marked.
type compareView struct {
	Left, Right sideView
}

type sideView struct {
	Label  string
	Shared string // the share of its words in shared passages, "83%"
	Paras  [][]seg
}

func (s *Server) newPage() *page {
	p := &page{MaxBytes: s.cfg.MaxBytes, Layout: "auto"}
	for i, rt := range s.roots {
		rv := rootView{Name: rt.name}
		files, dirs, _ := dumpsBelow(rt.r.FS(), ".", maxListed)
		href := func(pth string) string {
			return "/view?" + url.Values{"root": {strconv.Itoa(i)}, "path": {pth}}.Encode()
		}
		rv.Entries = append(rv.Entries, entryView{Path: ".", Dir: true, Href: href(".")})
		for _, d := range dirs {
			e := entryView{Path: d}
			if d != "…" {
				e = entryView{Path: d + "/", Dir: true, Href: href(d)}
			}
			rv.Entries = append(rv.Entries, e)
		}
		for _, f := range files {
			rv.Entries = append(rv.Entries, entryView{Path: f, Href: href(f)})
		}
		sort.SliceStable(rv.Entries[1:], func(a, b int) bool {
			return strings.TrimSuffix(rv.Entries[1+a].Path, "/") < strings.TrimSuffix(rv.Entries[1+b].Path, "/")
		})
		p.Roots = append(p.Roots, rv)
	}
	return p
}

// layoutOption maps the form's layout to a ParseOption.
func layoutOption(l string) (newsdump.ParseOption, string) {
	switch l {
	case "dump":
		return newsdump.WithLayout(newsdump.LayoutDump), l
	case "page":
		return newsdump.WithLayout(newsdump.LayoutPage), l
	}
	return newsdump.WithLayout(newsdump.LayoutAuto), "auto"
}

// inspect parses and explains each input, deduplicates the articles of
// all of them and renders the page.
func (s *Server) inspect(w http.ResponseWriter, inputs []input, layout string) {
	opt, layout := layoutOption(layout)
	p := s.newPage()
	p.Layout = layout
	res := &result{}
	p.Result = res

	type placed struct {
		input, article int
	}
	var all []newsdump.Article
	var where []placed // where each article's view is; article -1 when not shown
	shownLines := 0
	seen := map[string]int{}
	for i, in := range inputs {
		name := in.name
		if n := seen[name]; n > 0 {
			name = fmt.Sprintf("%s (%d)", name, n+1)
		}
		seen[in.name]++
		iv := inputView{ID: "in" + strconv.Itoa(i), Name: name, Size: int64(len(in.data))}
		opts := []newsdump.ParseOption{newsdump.WithFile(name), opt}
		roles, err := newsdump.Explain(bytes.NewReader(in.data), opts...)
		if err != nil {
			iv.Err = err.Error()
		}
		articles, err := newsdump.Parse(bytes.NewReader(in.data), opts...)
		if err != nil && iv.Err == "" {
			iv.Err = err.Error()
		}
		starts := map[int]int{} // line → index in articles
		for k, a := range articles {
			starts[a.Source.Line] = k
		}
		next := 1
		for _, lr := range roles {
			if keptRoles[lr.Role] {
				iv.Kept++
			}
			iv.LineCount = lr.Line
			if shownLines >= maxLines {
				continue
			}
			for ; next < lr.Line && shownLines < maxLines; next++ {
				iv.Lines = append(iv.Lines, lineView{N: next})
				shownLines++
			}
			if shownLines >= maxLines {
				continue
			}
			lv := lineView{N: lr.Line, Role: cssName(string(lr.Role)), Reason: lr.Reason, Text: lr.Text}
			if k, ok := starts[lr.Line]; ok && len(all)+k < maxArticles {
				lv.Article = "a" + strconv.Itoa(len(all)+k)
				lv.ArtNum = len(all) + k + 1
			}
			iv.Lines = append(iv.Lines, lv)
			shownLines++
			next = lr.Line + 1
		}
		if len(iv.Lines) > 0 {
			iv.MoreLines = iv.LineCount - iv.Lines[len(iv.Lines)-1].N
		} else {
			iv.MoreLines = iv.LineCount
		}
		for _, a := range articles {
			n := len(all)
			all = append(all, a)
			if n >= maxArticles {
				iv.MoreArticles++
				where = append(where, placed{i, -1})
				continue
			}
			av := viewArticle(a, n)
			av.LineID = iv.ID + "-L" + strconv.Itoa(a.Source.Line)
			if a.Source.Line > iv.LineCount-iv.MoreLines {
				av.LineID = "" // its line is not shown
			}
			where = append(where, placed{i, len(iv.Articles)})
			iv.Articles = append(iv.Articles, av)
		}
		res.Inputs = append(res.Inputs, iv)
	}
	res.Articles = len(all)

	if len(all) >= 2 {
		bySource := map[newsdump.Source]int{}
		for k, a := range all {
			bySource[a.Source] = k
		}
		ref := func(src newsdump.Source) (articleRef, int) {
			r := articleRef{Source: sourceLabel(src)}
			k, ok := bySource[src]
			if !ok {
				return r, -1
			}
			r.Title = all[k].Title
			if k < maxArticles {
				r.Href = "#a" + strconv.Itoa(k)
			}
			return r, k
		}
		for n, c := range newsdump.DedupeClusters(all) {
			cv := clusterView{N: n + 1}
			var kept int
			cv.Kept, kept = ref(c.Kept)
			for _, cp := range c.Copies {
				res.Copies++
				r, k := ref(cp.Source)
				v := copyView{Ref: r, Similarity: strconv.FormatFloat(cp.Similarity, 'f', 2, 64)}
				if kept >= 0 && k >= 0 {
					if pl := where[k]; pl.article >= 0 {
						res.Inputs[pl.input].Articles[pl.article].Duplicate = fmt.Sprintf("a copy of article %d", kept+1)
					}
					if res.Compared < maxCompared {
						v.Compare = compare(all[kept], cv.Kept.Source, all[k], r.Source)
						res.Compared++
					}
				}
				cv.Copies = append(cv.Copies, v)
			}
			res.Clusters = append(res.Clusters, cv)
		}
	}
	s.render(w, http.StatusOK, p)
}

func sourceLabel(src newsdump.Source) string {
	return src.File + ":" + strconv.Itoa(src.Line)
}

// cssName keeps the letters, digits and dashes of a name, for a CSS
// class: roles and entity types are the library's words, but a class
// should not depend on that.
func cssName(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			return r
		}
		return -1
	}, s)
}

// field is a text of an article that mentions can point into, by the
// Mention's Field and Index.
type field struct {
	name  string
	index int
}

// fieldName reduces a Mention's Field to one name per field, so that
// "captions" and "caption", "authors" and "author" are one.
func fieldName(f string) string {
	f = strings.ToLower(f)
	switch f {
	case "captions", "paragraphs", "authors", "credits":
		return strings.TrimSuffix(f, "s")
	}
	return f
}

// span is a mention placed in a text: its byte range and its entity.
type span struct {
	start, end int
	ent, typ   string
	tip        string
}

// viewArticle builds the view of article n (0-based across the request).
func viewArticle(a newsdump.Article, n int) articleView {
	av := articleView{
		ID:        "a" + strconv.Itoa(n),
		Num:       n + 1,
		Source:    sourceLabel(a.Source),
		Published: a.Published,
	}
	texts := map[field]string{{"title", 0}: a.Title}
	if a.Description != "" {
		texts[field{"description", 0}] = a.Description
	}
	for i, au := range a.Authors {
		texts[field{"author", i}] = au
	}
	for i, c := range a.Captions {
		texts[field{"caption", i}] = c.Text
		texts[field{"credit", i}] = c.Credit
	}
	for i, p := range a.Paragraphs {
		texts[field{"paragraph", i}] = p
	}

	spans := map[field][]span{}
	for k, e := range a.Entities() {
		ev := entityView{
			ID:       fmt.Sprintf("%s-e%d", av.ID, k),
			Type:     string(e.Type),
			Text:     e.Text,
			Value:    e.Value,
			Mentions: len(e.Mentions),
		}
		tip := ev.Type + ": " + e.Text
		if e.Value != "" && e.Value != e.Text {
			tip += " (" + e.Value + ")"
		}
		for _, m := range e.Mentions {
			f := field{fieldName(m.Field), m.Index}
			t, ok := texts[f]
			if !ok || !mentionFits(t, m) {
				ev.Elsewhere = append(ev.Elsewhere, fmt.Sprintf("%s[%d]: %s", m.Field, m.Index, m.Text))
				continue
			}
			spans[f] = append(spans[f], span{m.Start, m.End, ev.ID, cssName(ev.Type), tip})
		}
		av.Entities = append(av.Entities, ev)
	}
	segs := func(f field) []seg { return segments(texts[f], spans[f]) }

	av.Title = segs(field{"title", 0})
	av.Desc = segs(field{"description", 0})
	for i := range a.Authors {
		av.Authors = append(av.Authors, segs(field{"author", i}))
	}
	for i := range a.Captions {
		av.Captions = append(av.Captions, captionView{segs(field{"caption", i}), segs(field{"credit", i})})
	}
	for i := range a.Paragraphs {
		av.Paragraphs = append(av.Paragraphs, segs(field{"paragraph", i}))
	}
	return av
}

// mentionFits reports whether a mention's offsets cut t where its text is.
func mentionFits(t string, m newsdump.Mention) bool {
	if m.Start < 0 || m.End <= m.Start || m.End > len(t) {
		return false
	}
	if !utf8.RuneStart(t[m.Start]) || (m.End < len(t) && !utf8.RuneStart(t[m.End])) {
		return false
	}
	return m.Text == "" || t[m.Start:m.End] == m.Text
}

// segments cuts t at the spans, in order of their start; a span that
// overlaps the one before it is left out.
func segments(t string, spans []span) []seg {
	if t == "" {
		return nil
	}
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	var out []seg
	at := 0
	for _, sp := range spans {
		if sp.start < at {
			continue
		}
		if sp.start > at {
			out = append(out, seg{Text: t[at:sp.start]})
		}
		out = append(out, seg{Text: t[sp.start:sp.end], Ent: sp.ent, Type: sp.typ, Tip: sp.tip})
		at = sp.end
	}
	if at < len(t) {
		out = append(out, seg{Text: t[at:]})
	}
	return out
}
