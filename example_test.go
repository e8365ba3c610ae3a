package newsdump_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"strings"

	"github.com/newsdump/newsdump"
	"golang.org/x/text/encoding/charmap"
)

// A dump as the site prints it: the header (title and caption, each
// caption twice), the font-size widget "TT" and its size, the header again,
// then the body.
const dump = `Rains Return to the Valley

 Farmers walk past a flooded field on May 2, 2025. (Photo by Rami Saleh / AFP)
Farmers walk past a flooded field on May 2, 2025. (Photo by Rami Saleh / AFP)
TT
20

Rains Return to the Valley

 Farmers walk past a flooded field on May 2, 2025. (Photo by Rami Saleh / AFP)
Farmers walk past a flooded field on May 2, 2025. (Photo by Rami Saleh / AFP)

Heavy rain fell across the valley on Friday, the first in six months.
Officials said the reservoirs were filling again.



Port Strike Ends

TT

Port Strike Ends

Dockers returned to work on Monday.`

func ExampleParse() {
	articles, err := newsdump.Parse(strings.NewReader(dump), newsdump.WithFile("valley.txt"))
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range articles {
		fmt.Printf("%s:%d %s\n", a.Source.File, a.Source.Line, a.Title)
		for _, c := range a.Captions {
			fmt.Printf("  photo: %s [%s]\n", c.Text, c.Credit)
		}
		for _, p := range a.Paragraphs {
			fmt.Printf("  %s\n", p)
		}
	}
	// Output:
	// valley.txt:1 Rains Return to the Valley
	//   photo: Farmers walk past a flooded field on May 2, 2025. [Photo by Rami Saleh / AFP]
	//   Heavy rain fell across the valley on Friday, the first in six months.
	//   Officials said the reservoirs were filling again.
	// valley.txt:18 Port Strike Ends
	//   Dockers returned to work on Monday.
}

func ExampleReader() {
	r := newsdump.NewReader(strings.NewReader(dump))
	for {
		a, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			log.Fatal(err) // a *newsdump.ParseError: file, line and what is wrong
		}
		fmt.Println(a.Title, len(a.Paragraphs))
	}
	// Output:
	// Rains Return to the Valley 2
	// Port Strike Ends 1
}

func ExampleReader_All() {
	r := newsdump.NewReader(strings.NewReader(dump), newsdump.WithFile("valley.txt"))
	for a, err := range r.All() {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s offset %d: %s\n", a.ID[:8], a.Source.Offset, a.Title)
	}
	// Output:
	// 217b5d4a offset 0: Rains Return to the Valley
	// 551b4b2c offset 501: Port Strike Ends
}

func ExampleParseError() {
	_, err := newsdump.Parse(strings.NewReader(dump), newsdump.WithFile("valley.txt"), newsdump.WithMaxArticleBytes(100))
	fmt.Println(err)

	var perr *newsdump.ParseError
	if errors.As(err, &perr) && errors.Is(err, newsdump.ErrArticleTooLarge) {
		fmt.Printf("file %s, line %d, byte %d\n", perr.File, perr.Line, perr.Offset)
	}
	// Output:
	// valley.txt:3: article too large: more than 100 bytes of text from its start at line 1 to here
	// file valley.txt, line 3, byte 28

}

// A dump saved in Windows-1252 reads as the same text as its UTF-8 copy;
// Encoding says what detection decided.
func ExampleReader_Encoding() {
	dump := "Blinken\x92s Visit\r\n\r\nThe talks \x96 in Baghdad \x96 ended.\r\n"
	r := newsdump.NewReader(strings.NewReader(dump))
	a, err := r.Next()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Encoding())
	fmt.Println(a.Title)
	fmt.Println(a.Paragraphs[0])
	// Output:
	// windows-1252
	// Blinken’s Visit
	// The talks – in Baghdad – ended.
}

// Detection cannot tell ISO-8859-2 from Windows-1252; say which it is.
func ExampleWithEncoding() {
	dump := "Wa\xb3\xeasa in \xa3\xf3d\xbc\n\nThe talks went on."
	articles, err := newsdump.Parse(strings.NewReader(dump), newsdump.WithEncoding(charmap.ISO8859_2))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(articles[0].Title)
	// Output:
	// Wałęsa in Łódź
}

// The text of a whole web page gives its article: the headline, the
// byline's authors, the date stamp and the body, the menus, buttons and
// footer dropped.
func ExampleParse_page() {
	page, err := os.ReadFile("testdata/page_wire.txt")
	if err != nil {
		log.Fatal(err)
	}
	articles, err := newsdump.Parse(bytes.NewReader(page))
	if err != nil {
		log.Fatal(err)
	}
	a := articles[0]
	fmt.Println(a.Title)
	fmt.Println(a.Authors, a.Published)
	fmt.Println(len(a.Paragraphs), "paragraphs:", a.Paragraphs[0][:40]+"…")
	// Output:
	// Port strike halts grain exports as talks collapse
	// [Maria Olsen Tomas Vik] 2024-11-03T06:41:00Z
	// 5 paragraphs: ROTTERDAM (Northwire) - Dock workers at …
}

// Explain says what became of each line, and why.
func ExampleExplain() {
	dump := "Rain Returns\n\nA wet street. (AFP)\nA wet street. (AFP)\nTT\n\nRain Returns\n\nLight rain fell on Friday.\n"
	lines, err := newsdump.Explain(strings.NewReader(dump))
	if err != nil {
		log.Fatal(err)
	}
	for _, l := range lines {
		fmt.Printf("%d %s (%s): %s\n", l.Line, l.Role, l.Reason, l.Text)
	}
	// Output:
	// 1 title (first line of the article): Rain Returns
	// 3 caption (ends in a credit in parentheses, in the header): A wet street. (AFP)
	// 4 repeat (repeats a caption): A wet street. (AFP)
	// 5 chrome (the font-size widget): TT
	// 7 repeat (repeats the title): Rain Returns
	// 9 body (a line of the body): Light rain fell on Friday.
}

// WithLayout says how to read an input instead of deciding from its
// start: a page read as a dump keeps every line of it.
func ExampleWithLayout() {
	page, err := os.ReadFile("testdata/page_broadcaster.txt")
	if err != nil {
		log.Fatal(err)
	}
	for _, layout := range []newsdump.Layout{newsdump.LayoutPage, newsdump.LayoutDump} {
		articles, err := newsdump.Parse(bytes.NewReader(page), newsdump.WithLayout(layout))
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%q, %d paragraphs\n", articles[0].Title, len(articles[0].Paragraphs))
	}
	// Output:
	// "The budget nobody wanted to write", 5 paragraphs
	// "Skip to main content", 28 paragraphs
}

// An article's plain text, for a search index or a summariser: the title
// and the paragraphs, one blank line between them, without the captions.
func ExampleArticle_Text() {
	articles, err := newsdump.Parse(strings.NewReader(dump))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(articles[0].Text())
	// Output:
	// Rains Return to the Valley
	//
	// Heavy rain fell across the valley on Friday, the first in six months.
	//
	// Officials said the reservoirs were filling again.
}

// An option given a value it cannot take is an error naming it, never
// replaced by a default.
func ExampleOptionError() {
	_, err := newsdump.Parse(strings.NewReader(dump), newsdump.WithMaxArticleBytes(-5))
	fmt.Println(err)
	fmt.Println(errors.Is(err, newsdump.ErrInvalidOption))
	// Output:
	// newsdump.WithMaxArticleBytes(-5): want a number of bytes of at least 1
	// true
}
