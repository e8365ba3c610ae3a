package newsdump

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSniffLayout(t *testing.T) {
	menu := "Skip to main content\n  * Home\n  * World\n  * Business\n  * Sport\n  * Weather\nSign in\nSubscribe\n\n"
	prose := "The council voted on Monday to close the old bridge to lorries from June, engineers said.\n\n"
	// paragraphs returns n different paragraphs, each indented by indent.
	paragraphs := func(n int, indent string) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "%sParagraph %d says at the length of news prose what happened on the day, and why.\n\n", indent, i)
		}
		return b.String()
	}
	tests := []struct {
		name string
		text string
		want Layout
	}{
		{"a menu of short lines", menu + "Bridge to close\n\n" + strings.Repeat(prose, 6) + "About us\nContact\n", LayoutPage},
		{"indented blocks", paragraphs(14, "      "), LayoutPage},
		{"a byline", "Bridge to close to lorries\n\nBy Jane Roe\n\n" + paragraphs(12, ""), LayoutPage},
		{"no byline", "Bridge to close to lorries\n\n" + paragraphs(12, ""), LayoutDump},
		{"the samples' header wins", menu + "Title\n\nA photo. (AFP)\nA photo. (AFP)\nTT\n", LayoutDump},
		{"bare articles", strings.Repeat("Markets close higher on rate hopes\n\n"+prose+prose+"\n\n", 4), LayoutDump},
		{"too few lines to tell", "Home\nNews\nSport\n", LayoutDump},
		{"one line again and again", strings.Repeat("a\n", 200), LayoutDump},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := layoutOf([]byte(tt.text)); got != tt.want {
				t.Errorf("layout %v, want %v", got, tt.want)
			}
			// Old Mac line ends give the same decision.
			cr := strings.ReplaceAll(tt.text, "\n", "\r")
			if got := layoutOf([]byte(cr)); got != tt.want {
				t.Errorf("with CR line ends: layout %v, want %v", got, tt.want)
			}
		})
	}
	for _, name := range sampleDumps {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if got := layoutOf(data); got != LayoutDump {
			t.Errorf("%s: layout %v, want a dump", name, got)
		}
	}
}

// sitePage prints page n of a site whose pages open with opening and end
// with footer.
func sitePage(opening, footer string, n int) string {
	var b strings.Builder
	b.WriteString(opening)
	fmt.Fprintf(&b, "Story number %d of the site, told at length\n\nBy Jane Roe\n\n", n)
	for p := range 4 {
		fmt.Fprintf(&b, "Paragraph %d of story %d, which says at the length of news prose what happened and why it matters.\n\n", p, n)
	}
	b.WriteString(footer)
	return b.String()
}

// Where pageState cuts a file of one site's pages: what starts a page, and
// what does not.
func TestPageCuts(t *testing.T) {
	menu := "Skip to main content\n  * Home\n  * World\n  * Business\n  * Sport\n  * Weather\nSign in\n\n"
	footer := "  * About us\n  * Contact\nFollow us on social media for more.\n"
	tests := []struct {
		name      string
		opening   string
		footer    string
		wantPages int
	}{
		{"a long opening recurs", menu, footer, 3},
		{"the next <title> line of the site, with a short opening", "Story %d | The Harbour Times\nThe Harbour Times\nHome | World | Sport\n\n", footer, 3},
		{"a short opening after a copyright line", "The Harbour Times\nHome | World | Sport\n\n", footer + "© 2024 The Harbour Times\n", 3},
		{"a short opening with nothing to tell it by", "The Harbour Times\nHome | World | Sport\n\n", footer, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var text strings.Builder
			for n := range 3 {
				opening := tt.opening
				if strings.Contains(opening, "%d") {
					opening = fmt.Sprintf(opening, n)
				}
				text.WriteString(sitePage(opening, tt.footer, n))
			}
			arts, err := Parse(strings.NewReader(text.String()), WithLayout(LayoutPage))
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != tt.wantPages {
				t.Fatalf("%d pages, want %d", len(arts), tt.wantPages)
			}
			if tt.wantPages == 1 {
				return
			}
			// Each page starts where its opening does: on its first line.
			line := 1
			for n, a := range arts {
				if a.Source.Line != line {
					t.Errorf("page %d starts on line %d, want %d", n, a.Source.Line, line)
				}
				if want := []string{"Jane Roe"}; !cmp.Equal(a.Authors, want) {
					t.Errorf("page %d: authors %q, want %q", n, a.Authors, want)
				}
				opening := tt.opening
				if strings.Contains(opening, "%d") {
					opening = fmt.Sprintf(opening, n)
				}
				line += strings.Count(sitePage(opening, tt.footer, n), "\n")
			}
		})
	}
	// A page that prints its menu twice (for phones, then for desktops)
	// is one page.
	twice := sitePage(menu+"Menu\n"+menu, footer, 0)
	arts, err := Parse(strings.NewReader(twice), WithLayout(LayoutPage))
	if err != nil || len(arts) != 1 {
		t.Fatalf("a menu printed twice: %d pages, error %v; want one", len(arts), err)
	}
}

// The site's template is dropped from every page after the first, and
// Explain says so.
func TestPageTemplate(t *testing.T) {
	menu := "Skip to main content\n  * Home\n  * World\n  * Business\n  * Sport\n  * Weather\nSign in\n\n"
	footer := "Sign up for the Harbour Times newsletter\n  * About us\n  * Contact\n"
	text := sitePage(menu, footer, 0) + sitePage(menu, footer, 1)
	roles, err := Explain(strings.NewReader(text), WithLayout(LayoutPage))
	if err != nil {
		t.Fatal(err)
	}
	second := strings.Count(sitePage(menu, footer, 0), "\n") + 1
	for _, l := range roles {
		if l.Line >= second && (strings.Contains(menu, l.Text) || strings.Contains(footer, l.Text)) && l.Role != RoleTemplate {
			t.Errorf("line %d %q of the second page: role %s, want template", l.Line, l.Text, l.Role)
		}
	}
}

// TestPairSet checks pairSet against a map: hashes that collide in its
// table, the hash 0, repeats, a reset between two pages, and forget (a
// Reader taken from the pool), after which the set holds nothing though
// its slots were not cleared.
func TestPairSet(t *testing.T) {
	var s pairSet
	for page, n := range []int{0, 1, 40, 1000, 3} {
		s.reset(n)
		want := map[uint64]bool{}
		for i := 0; i < n; i++ {
			h := uint64(i%7) << 40 // many equal low bits: long probe runs
			if i%5 == 0 {
				h = uint64(i) * 0x9e3779b97f4a7c15
			}
			if i%11 == 0 {
				h = 0
			}
			s.add(h)
			s.add(h)
			want[h] = true
		}
		if s.n != len(want) {
			t.Fatalf("page %d: %d hashes in the set, want %d", page, s.n, len(want))
		}
		for i := 0; i < 2*n+2; i++ {
			for _, h := range []uint64{uint64(i%7) << 40, uint64(i) * 0x9e3779b97f4a7c15, 0, uint64(i) + 1} {
				if s.has(h) != want[h] {
					t.Fatalf("page %d: has(%#x) = %v, want %v", page, h, !want[h], want[h])
				}
			}
		}
		s.forget()
		for h := range want {
			if s.has(h) {
				t.Fatalf("page %d: has(%#x) after forget", page, h)
			}
		}
	}
}
