package newsdump_test

import (
	"fmt"

	"github.com/newsdump/newsdump"
)

func ExampleExtractEntities() {
	text := "US Secretary of State Antony Blinken visited Baghdad on Nov. 5, 2023. Blinken met at least 40 officials."
	for _, e := range newsdump.ExtractEntities(text) {
		fmt.Printf("%s %q [%d:%d] %s\n", e.Type, e.Text, e.Start, e.End, e.Value)
	}
	// Output:
	// LOCATION "US" [0:2] United States
	// PERSON "Antony Blinken" [22:36] Antony Blinken
	// LOCATION "Baghdad" [45:52] Baghdad
	// DATE "Nov. 5, 2023" [56:68] 2023-11-05
	// PERSON "Blinken" [70:77] Antony Blinken
	// NUMBER "at least 40" [82:93] 40
}

func ExampleArticle_Entities() {
	a := newsdump.Article{
		Title:      "Blinken Meets Sudani in Baghdad",
		Authors:    []string{"Sarah Malik"},
		Captions:   []newsdump.Caption{{Text: "Antony Blinken in Baghdad, Monday, November 6, 2023.", Credit: "AP Photo/Omar Nasser"}},
		Paragraphs: []string{"Iraqi Prime Minister Mohammed Shia al-Sudani met Blinken on Tuesday in the U.S. embassy, AP reported."},
	}
	for _, e := range a.Entities() {
		fmt.Printf("%s %q = %q:", e.Type, e.Text, e.Value)
		for _, m := range e.Mentions {
			fmt.Printf(" %s[%d] %q", m.Field, m.Index, m.Text)
		}
		fmt.Println()
	}
	// Output:
	// PERSON "Antony Blinken" = "Antony Blinken": title[0] "Blinken" captions[0] "Antony Blinken" paragraphs[0] "Blinken"
	// PERSON "Mohammed Shia al-Sudani" = "Mohammed Shia al-Sudani": title[0] "Sudani" paragraphs[0] "Mohammed Shia al-Sudani"
	// LOCATION "Baghdad" = "Baghdad": title[0] "Baghdad" captions[0] "Baghdad"
	// PERSON "Sarah Malik" = "Sarah Malik": authors[0] "Sarah Malik"
	// DATE "Monday, November 6, 2023" = "2023-11-06": captions[0] "Monday, November 6, 2023"
	// ORG "AP" = "AP": credit[0] "AP" paragraphs[0] "AP"
	// PERSON "Omar Nasser" = "Omar Nasser": credit[0] "Omar Nasser"
	// NORP "Iraqi" = "Iraqi": paragraphs[0] "Iraqi"
	// DATE "Tuesday" = "2023-11-07": paragraphs[0] "Tuesday"
	// LOCATION "U.S." = "United States": paragraphs[0] "U.S."
}
