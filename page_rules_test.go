package newsdump

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/newsdump/newsdump/internal/page"
)

// The line tests of the page rules, each on lines that must and must not
// pass it.
func TestPageLineRules(t *testing.T) {
	tests := []struct {
		name string
		rule func(string) bool
		yes  []string
		no   []string
	}{
		{"isMetaLine", isMetaLine,
			[]string{"By Jane Roe", "By Riley Stuart and Michelle Rimmer in London", "November 3, 2024 6:41 AM GMT", "Published 9 September 2024"},
			[]string{"Port strike halts grain exports as talks collapse", "By the end of the year, prices had doubled."}},
		{"menuLike", menuLike,
			[]string{"News Sport Weather Markets Video Podcasts Live Search", "Events Hot 100 Billboard 200 Chart Beat Touring Video"},
			[]string{"Native Ad Platform my6sense Names Mobile Marketing Pioneer Chief", "The Doobie Brothers Set 50th Anniversary Tour of North America", "Home News Sport"}},
		{"adLabel", adLabel,
			[]string{"Advertisement", "ADVERTISEMENT", "- Advertisement -", "Story continues below advertisement"},
			[]string{"Advertisements in the Sunday papers cost more.", "Ad spending rose by a fifth"}},
		{"shouting", shouting,
			[]string{"SINGER'S SECRET HEARTBREAK REVEALED", "WATCH: THE MOMENT THE STORM HIT THE BEACH"},
			[]string{"NATO", "The UN said NATO and the EU agreed.", "NEW YORK (AP)"}},
		{"copyrightLine", func(s string) bool { return copyrightLine([]byte(s)) },
			[]string{"© 2024 Northwire. All rights reserved.", "Copyright 2024 TechLine Media", "All rights reserved."},
			[]string{"The copyright case went to court in May, lawyers for both sides said on Monday, after years of talks."}},
		{"hasTitleSeparator", func(s string) bool { return hasTitleSeparator([]byte(s)) },
			[]string{"Bridge to close | The Harbour Times", "Bridge to close - CBS News", "Bridge to close — The Times"},
			[]string{"Bridge to close", "Close-up of the bridge"}},
	}
	for _, tt := range tests {
		for _, s := range tt.yes {
			if !tt.rule(s) {
				t.Errorf("%s(%q) = false, want true", tt.name, s)
			}
		}
		for _, s := range tt.no {
			if tt.rule(s) {
				t.Errorf("%s(%q) = true, want false", tt.name, s)
			}
		}
	}
}

func TestHeadlineAbove(t *testing.T) {
	lines := []string{
		"  * Home",                        // 0: a list item
		"Politics",                        // 1: a kicker, too short
		"Port strike halts grain exports", // 2: the headline
		"",
		"By Jane Roe", // 4: the byline the extractor took
		"November 3, 2024",
	}
	if got := headlineAbove(lines, 4); got != 2 {
		t.Errorf("headlineAbove(byline) = %d, want 2", got)
	}
	if got := headlineAbove(lines, 2); got != -1 {
		t.Errorf("headlineAbove(headline) = %d, want -1: nothing above reads like one", got)
	}
}

// TestMenuLikeFields checks menuLike against its definition on the words
// strings.Fields splits, on lines with every kind of white space.
func TestMenuLikeFields(t *testing.T) {
	want := func(line string) bool {
		words := strings.Fields(line)
		if len(words) < minMenuWords {
			return false
		}
		for _, w := range words {
			if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !unicode.IsDigit(r) || page.IsStopword(strings.ToLower(w)) {
				return false
			}
		}
		return true
	}
	words := []string{"News", "Sport", "Weather", "2024", "THE", "The", "and", "É", "\xff", "Über", "x", "Markets"}
	spaces := []string{" ", "  ", "\t", "\u00a0", "\u2003", " \u3000 "}
	rng := uint64(7)
	next := func(n int) int {
		rng ^= rng << 13
		rng ^= rng >> 7
		rng ^= rng << 17
		return int(rng % uint64(n))
	}
	for range 5000 {
		var b strings.Builder
		if next(3) == 0 {
			b.WriteString(spaces[next(len(spaces))])
		}
		for n := next(12); n > 0; n-- {
			b.WriteString(words[next(len(words))])
			b.WriteString(spaces[next(len(spaces))])
		}
		line := b.String()
		if got := menuLike(line); got != want(line) {
			t.Fatalf("menuLike(%q) = %v, want %v", line, got, !got)
		}
	}
}

// TestPageBareBullet: a list item with no text (a bullet alone on its
// line, as converters print an icon or an empty link) is navigation, and
// no empty paragraph; the items around it stay in the body.
func TestPageBareBullet(t *testing.T) {
	data, err := os.ReadFile("testdata/fuzz/FuzzParse/page_bare_bullet")
	if err != nil {
		t.Fatal(err)
	}
	// The seed file's one value, a Go string literal after "[]byte(".
	_, lit, _ := strings.Cut(string(data), "[]byte(")
	page, err := strconv.Unquote(strings.TrimSuffix(strings.TrimSpace(lit), ")"))
	if err != nil {
		t.Fatal(err)
	}
	arts, err := Parse(strings.NewReader(page))
	if err != nil || len(arts) != 1 {
		t.Fatalf("Parse: %d articles, %v; want one", len(arts), err)
	}
	want := []string{"Libraries will open on Sundays from next month.", "Late fees for children's books will be dropped."}
	var items []string
	for _, p := range arts[0].Paragraphs {
		if p == "" {
			t.Errorf("an empty paragraph in %q", arts[0].Paragraphs)
		}
		if strings.HasPrefix(p, "Libraries") || strings.HasPrefix(p, "Late fees") {
			items = append(items, p)
		}
	}
	if diff := cmp.Diff(want, items); diff != "" {
		t.Errorf("list items (-want +got):\n%s", diff)
	}
	roles, err := Explain(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, l := range roles {
		if strings.TrimSpace(l.Text) == "*" {
			found = true
			if l.Role != RoleNavigation {
				t.Errorf("the bare bullet on line %d is %s (%s), want navigation", l.Line, l.Role, l.Reason)
			}
		}
	}
	if !found {
		t.Error("Explain gives no role to the bare bullet")
	}
}

// TestPageCaptionRepeat: a page that prints a photo's caption twice (a
// gallery and its lightbox) gives the caption once.
func TestPageCaptionRepeat(t *testing.T) {
	var b strings.Builder
	for _, n := range []string{"Home", "News", "World", "Business", "Sport", "Culture", "Opinion", "Contact us", "Subscribe", "Log in", "Search", "Menu"} {
		b.WriteString("  * " + n + "\n")
	}
	caption := "Crowds gather outside the town hall before the vote on Tuesday. (Photo by Jane Doe / Reuters)"
	b.WriteString("\nCity council approves new budget for public libraries\n\n" + caption + "\n\n" + caption + "\n\n")
	for _, p := range []string{
		"The city council on Tuesday approved a new budget that raises spending on public libraries by a fifth, after a debate that lasted most of the evening.",
		"Council members said the money would pay for longer opening hours, more staff and repairs to three branches that have been closed since the floods last spring.",
		"The mayor, who proposed the increase in March, said the vote showed that the city still valued its libraries and the people who work in them.",
		"Opponents argued that the money should have gone to road repairs, which they said were more urgent after the winter storms damaged several bridges.",
	} {
		b.WriteString(p + "\n\n")
	}
	b.WriteString("Copyright 2026 City News. All rights reserved.\n")
	arts, err := Parse(strings.NewReader(b.String()), WithLayout(LayoutPage))
	if err != nil || len(arts) != 1 {
		t.Fatalf("Parse: %d articles, %v; want one", len(arts), err)
	}
	want := []Caption{{Text: "Crowds gather outside the town hall before the vote on Tuesday.", Credit: "Jane Doe / Reuters"}}
	if diff := cmp.Diff(want, arts[0].Captions); diff != "" {
		t.Errorf("captions (-want +got):\n%s", diff)
	}
}
