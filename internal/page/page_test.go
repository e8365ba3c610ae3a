package page_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/newsdump/newsdump/internal/page"
)

// The pages below are written by hand in the shape real sites print
// through inscriptis (indented bullets) and html-text (flat lines, the
// <title> first).

const inscriptisPage = `Skip to main content
  * Home
  * World
  * Politics
  * Business
      + Markets
      + Technology
  * Sport
  * Opinion
  Search
    Subscribe   Sign in

        World

        Harbour town votes to rebuild its flooded sea wall before winter

          By Maria Fontes and Tom Whitaker
          November 19, 2019 10:31 am

          * Share on Facebook
          * Share on Twitter
          * Email

        Residents of the small harbour town voted on Tuesday to rebuild the sea wall that collapsed during the October storms, approving a plan that the council says will be finished before the first winter gales arrive.

        The wall, which was built in the 1890s and last repaired in the 1970s, gave way along a stretch of almost two hundred metres when a spring tide met a storm surge, flooding the lower streets and the fish market.

        Engineers had warned for years that the old stone was failing. "We knew it was a question of when, not if," said the harbour master, who has worked on the quay for three decades and watched the water come in.

        The new wall will be higher and set back from the old line, and the council has asked the regional government to pay for most of it, arguing that the port is part of the region's food supply.

        Not everyone is convinced that the timetable can be met. Several fishermen said at the meeting that they would believe it when they saw the first stones being laid on the beach.

        Advertisement

          Related stories

          * Storm leaves thousands without power along the coast
          * Council approves emergency fund for flooded businesses
          * Photos: the night the sea came into town

        Most Read

          1. Ten things to do this weekend
          2. The best coffee in the old town

        About us / Contact / Advertise / Privacy Policy / Terms of Use

        © 2019 The Coast Gazette. All rights reserved.
`

const htmlTextPage = `A new bridge opens after twelve years of delays | City Daily

Menu
News
Local
Sport
Arts
Subscribe
Log in

Local

A new bridge opens after twelve years of delays

Share this article
Facebook
Twitter
WhatsApp

By Jane Moreira
Published 20 November 2019

The footbridge across the river finally opened to the public on Wednesday morning, twelve years after the first stone was laid and more than twice over its original budget.

Hundreds of people walked across in the first hour, many of them stopping in the middle to take photographs of the old town from a point where nobody had been able to stand before.

The project was stopped twice, first when the builder went bankrupt and again when inspectors found cracks in one of the concrete piers, which had to be demolished and poured again.

City officials said the final cost would be published next month, once the last invoices had been paid, and that they expected the bridge to carry about four thousand people a day.

You may also like
Mayor announces new bus routes for the east side
Ten years of the riverside market
Sign up for our newsletter
Get the best of the City Daily in your inbox every morning.

Contact us
Privacy
Terms
© City Daily 2019
`

func split(s string) []string { return strings.Split(strings.TrimSuffix(s, "\n"), "\n") }

func TestExtractHandWritten(t *testing.T) {
	tests := []struct {
		name, page, title string
		body              []string // the first words of each paragraph
	}{
		{"inscriptis", inscriptisPage, "Harbour town votes to rebuild its flooded sea wall before winter", []string{
			"Residents of the small harbour town",
			"The wall, which was built",
			"Engineers had warned",
			"The new wall will be higher",
			"Not everyone is convinced",
		}},
		{"html-text", htmlTextPage, "A new bridge opens after twelve years of delays", []string{
			"The footbridge across the river",
			"Hundreds of people walked",
			"The project was stopped twice",
			"City officials said",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := split(tt.page)
			r := page.Extract(lines)
			if r.Title < 0 {
				t.Fatalf("no title found")
			}
			if got := strings.TrimSpace(lines[r.Title]); got != tt.title {
				t.Errorf("title = %q, want %q", got, tt.title)
			}
			var got []string
			for _, p := range r.Paragraphs {
				got = append(got, prefixOf(p, tt.body))
			}
			if diff := cmp.Diff(tt.body, got); diff != "" {
				t.Errorf("body paragraphs (-want +got):\n%s", diff)
			}
			if len(r.Class) != len(lines) || len(r.Reason) != len(lines) {
				t.Fatalf("len(Class)=%d len(Reason)=%d, want %d", len(r.Class), len(r.Reason), len(lines))
			}
			for _, i := range r.Body {
				if r.Class[i] != page.Body {
					t.Errorf("line %d in Body has class %v", i, r.Class[i])
				}
			}
		})
	}
}

// prefixOf returns the want entry p starts with, or p itself.
func prefixOf(p string, want []string) string {
	for _, w := range want {
		if strings.HasPrefix(p, w) {
			return w
		}
	}
	return p
}

func TestHardWrappedParagraphs(t *testing.T) {
	lines := split(`Home
News
Sport

Old mill reopens as a museum

By Staff

The old mill on the river, closed since the last owner died in
1987, reopened on Saturday as a museum of the town's wool trade,
with looms that visitors can work themselves.

Volunteers spent four years restoring the building and its water
wheel, which turns again for the first time in three decades and
drives a small generator that lights the ground floor.

Entry is free until the end of the year, the trust that runs the
museum said, and school groups can book guided visits on weekdays.

Contact
Privacy
© 2019 Town News
`)
	r := page.Extract(lines)
	want := []string{
		"The old mill on the river, closed since the last owner died in 1987, reopened on Saturday as a museum of the town's wool trade, with looms that visitors can work themselves.",
		"Volunteers spent four years restoring the building and its water wheel, which turns again for the first time in three decades and drives a small generator that lights the ground floor.",
		"Entry is free until the end of the year, the trust that runs the museum said, and school groups can book guided visits on weekdays.",
	}
	if diff := cmp.Diff(want, r.Paragraphs); diff != "" {
		t.Errorf("paragraphs (-want +got):\n%s", diff)
	}
	if r.Title < 0 || lines[r.Title] != "Old mill reopens as a museum" {
		t.Errorf("title = %d", r.Title)
	}
}

func TestExtractEmpty(t *testing.T) {
	for _, lines := range [][]string{nil, {}, {""}, {"", "   ", ""}} {
		r := page.Extract(lines)
		if r.Title != -1 || len(r.Body) != 0 || len(r.Class) != len(lines) {
			t.Errorf("Extract(%q) = %+v", lines, r)
		}
		for i, c := range r.Class {
			if c != page.Blank {
				t.Errorf("Extract(%q): line %d class %v, want blank", lines, i, c)
			}
		}
	}
}

func TestScore(t *testing.T) {
	tests := []struct {
		pred, gold string
		tp, fp, fn float64
	}{
		{"", "", 0, 0, 0},
		{"a b c d e", "a b c d e", 1, 0, 0},
		{"a b c d e", "a b c d", 1.0 / 2, 1.0 / 2, 0},
		{"x y", "a b c d", 0, 1.0 / 2, 1.0 / 2},
		{"café_1 déjà-vu", "café_1 déjà vu", 1, 0, 0}, // one shingle of 3 tokens
		{"a b c d a b c d", "a b c d", 1.0 / 5, 4.0 / 5, 0},
	}
	for _, tt := range tests {
		s := page.ScorePage(tt.pred, tt.gold)
		if diff := cmp.Diff(page.PageScore{TP: tt.tp, FP: tt.fp, FN: tt.fn}, s); diff != "" {
			t.Errorf("ScorePage(%q, %q) (-want +got):\n%s", tt.pred, tt.gold, diff)
		}
	}
	// Combining marks are word characters: "e\u0301" is one token.
	if got := page.Tokens(nil, "cafe\u0301 ok"); len(got) != 2 {
		t.Errorf("Tokens with a combining mark = %q", got)
	}
	p, r, f := page.Aggregate([]page.PageScore{{TP: 1}, {FP: 0.5, FN: 0.5}})
	if p != 0.5 || r != 0.5 || f != 0.5 {
		t.Errorf("Aggregate = %v %v %v", p, r, f)
	}
}

func TestModelRoundTrip(t *testing.T) {
	m, err := page.Train([]page.Example{{Lines: split(htmlTextPage), Gold: "The footbridge across the river finally opened", Title: "A new bridge opens after twelve years of delays"}}, page.TrainOptions{Bits: 8, Epochs: 2})
	if err != nil {
		t.Fatal(err)
	}
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var m2 page.Model
	if err := m2.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(m, &m2); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	if err := m2.UnmarshalBinary(b[:len(b)-1]); err == nil {
		t.Error("truncated model accepted")
	}
}

// TestExtractConcurrent runs Extract from several goroutines (it shares a
// pool of scratch buffers) and checks every result against a serial one.
func TestExtractConcurrent(t *testing.T) {
	pages := [][]string{split(inscriptisPage), split(htmlTextPage), {""}, nil}
	want := make([]page.Result, len(pages))
	for i, p := range pages {
		want[i] = page.Extract(p)
	}
	done := make(chan string, 8)
	for g := 0; g < 8; g++ {
		go func() {
			for it := 0; it < 50; it++ {
				for i, p := range pages {
					if diff := cmp.Diff(want[i], page.Extract(p)); diff != "" {
						done <- diff
						return
					}
				}
			}
			done <- ""
		}()
	}
	for g := 0; g < 8; g++ {
		if d := <-done; d != "" {
			t.Fatalf("concurrent Extract differs (-serial +concurrent):\n%s", d)
		}
	}
}
