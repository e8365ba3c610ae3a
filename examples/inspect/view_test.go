package main

import (
	"reflect"
	"strings"
	"testing"

	"github.com/newsdump/newsdump"
)

func TestSegments(t *testing.T) {
	text := "Antony Blinken met Sudani in Baghdad."
	got := segments(text, []span{
		{start: 29, end: 36, ent: "e2", typ: "LOCATION"},
		{start: 0, end: 14, ent: "e0", typ: "PERSON"},
		{start: 7, end: 14, ent: "e1", typ: "PERSON"}, // overlaps the first: left out
		{start: 19, end: 25, ent: "e1", typ: "PERSON"},
	})
	want := []seg{
		{Text: "Antony Blinken", Ent: "e0", Type: "PERSON"},
		{Text: " met "},
		{Text: "Sudani", Ent: "e1", Type: "PERSON"},
		{Text: " in "},
		{Text: "Baghdad", Ent: "e2", Type: "LOCATION"},
		{Text: "."},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("segments:\n got %+v\nwant %+v", got, want)
	}
	if got := segments("", nil); got != nil {
		t.Errorf("segments of nothing: %+v", got)
	}
	if got := segments("plain", nil); !reflect.DeepEqual(got, []seg{{Text: "plain"}}) {
		t.Errorf("segments without spans: %+v", got)
	}
}

// A mention is placed only where its offsets cut its own text out of the
// field, on character boundaries.
func TestMentionFits(t *testing.T) {
	text := "Núñez visited São Paulo."
	for _, c := range []struct {
		m  newsdump.Mention
		ok bool
	}{
		{newsdump.Mention{Start: 0, End: 7, Text: "Núñez"}, true},
		{newsdump.Mention{Start: 16, End: 26, Text: "São Paulo"}, true},
		{newsdump.Mention{Start: 16, End: 26}, true}, // no text to compare
		{newsdump.Mention{Start: 0, End: 7, Text: "Nunez"}, false},
		{newsdump.Mention{Start: 16, End: 18}, false}, // cuts ã
		{newsdump.Mention{Start: 0, End: 2}, false},   // cuts ú
		{newsdump.Mention{Start: 2, End: 7}, false},
		{newsdump.Mention{Start: -1, End: 3}, false},
		{newsdump.Mention{Start: 3, End: 3}, false},
		{newsdump.Mention{Start: 20, End: 99}, false},
		{newsdump.Mention{Start: 0, End: 7, Text: "Other"}, false},
	} {
		if got := mentionFits(text, c.m); got != c.ok {
			t.Errorf("mentionFits(%+v) = %v, want %v", c.m, got, c.ok)
		}
	}
}

// Mention fields are read by name, singular or plural, so that the fields
// the library adds (credits, authors) are placed without a change here.
func TestFieldName(t *testing.T) {
	for in, want := range map[string]string{
		"title": "title", "captions": "caption", "caption": "caption", "paragraphs": "paragraph",
		"authors": "author", "credit": "credit", "credits": "credit", "description": "description",
		"Paragraphs": "paragraph", "something_new": "something_new",
	} {
		if got := fieldName(in); got != want {
			t.Errorf("fieldName(%q) = %q, want %q", in, got, want)
		}
	}
}

// The view of an article places every mention Entities gives in the field
// it names, and lists the others.
func TestViewArticle(t *testing.T) {
	a := newsdump.Article{
		Title:      "Blinken visits Baghdad",
		Authors:    []string{"Maria Olsen"},
		Captions:   []newsdump.Caption{{Text: "Antony Blinken in Baghdad on Monday.", Credit: "AFP"}},
		Paragraphs: []string{"US Secretary of State Antony Blinken arrived in Baghdad on Monday.", "Blinken left on Tuesday."},
	}
	v := viewArticle(a, 3)
	if v.ID != "a3" || v.Num != 4 {
		t.Errorf("ID %q, Num %d", v.ID, v.Num)
	}
	placed := 0
	count := func(segs []seg) {
		for _, s := range segs {
			if s.Ent != "" {
				placed++
				if !strings.HasPrefix(s.Ent, "a3-e") || s.Type == "" {
					t.Errorf("a mention %+v", s)
				}
			}
		}
	}
	count(v.Title)
	for _, au := range v.Authors {
		count(au)
	}
	for _, c := range v.Captions {
		count(c.Text)
		count(c.Credit)
	}
	for _, p := range v.Paragraphs {
		count(p)
	}
	total, elsewhere := 0, 0
	for _, e := range a.Entities() {
		total += len(e.Mentions)
	}
	for _, e := range v.Entities {
		elsewhere += len(e.Elsewhere)
	}
	if placed+elsewhere != total || placed == 0 {
		t.Errorf("%d mentions placed and %d listed, of %d", placed, elsewhere, total)
	}
	// Every text survives the cutting.
	join := func(segs []seg) string {
		var b strings.Builder
		for _, s := range segs {
			b.WriteString(s.Text)
		}
		return b.String()
	}
	if join(v.Title) != a.Title || join(v.Paragraphs[0]) != a.Paragraphs[0] || join(v.Captions[0].Credit) != "AFP" {
		t.Errorf("texts changed: %q, %q", join(v.Title), join(v.Paragraphs[0]))
	}
}

func TestShared(t *testing.T) {
	a := []string{"The ferry left the mainland pier on time on Friday.", "Nothing else matches here at all."}
	b := []string{"On Friday the ferry left the mainland pier on time, officials said."}
	wa := [][]word{words(a[0]), words(a[1])}
	wb := [][]word{words(b[0])}
	segs, frac := markShared(a, wa, grams(wb))
	var marked []string
	for _, s := range segs[0] {
		if s.Shared {
			marked = append(marked, s.Text)
		}
	}
	if want := []string{"The ferry left the mainland pier on time"}; !reflect.DeepEqual(marked, want) {
		t.Errorf("shared %q, want %q", marked, want)
	}
	for _, s := range segs[1] {
		if s.Shared {
			t.Errorf("the second paragraph shares %q", s.Text)
		}
	}
	if frac != 0.5 { // 8 of 16 words
		t.Errorf("shared fraction %.2f", frac)
	}
	// Case and punctuation do not matter; the words are cut as written.
	if ws := words("“Blinken’s” VISIT, to-day"); len(ws) != 5 || ws[0].key != "blinken" || ws[2].key != "visit" {
		t.Errorf("words: %+v", ws)
	}
}
