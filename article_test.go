package newsdump

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSamples checks the real sample dumps against what a reader sees in
// them, independently of the golden files.
func TestSamples(t *testing.T) {
	type summary struct {
		Title      string
		Credits    []string
		Paragraphs int
	}
	want := map[string][]summary{
		"testdata/000_9e4be9335a49f043.txt": {
			{"Pro-Iran Factions in Iraq Dismiss Blinken’s Message to Tehran", []string{"Photo by Iranian Presidency / AFP"}, 14},
			{"Israel, Hamas Reach Ceasefire Agreement Designed to End 15-Month Gaza War, Official Says", []string{"AFP"}, 7},
		},
		"testdata/001_9335ce0f20af1e91.txt": {
			{"Pro-Iran Factions in Iraq Dismiss Blinken’s Message to Tehran", []string{"Photo by Iranian Presidency / AFP"}, 14},
			{"Yemen's Houthis Fire Missile Toward Northern Israel", []string{"AP Photo/Osamah Abdulrahman"}, 9},
		},
	}
	ids := map[string][]string{}
	for file, w := range want {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		arts, err := Parse(f, WithFile(file))
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		var got []summary
		for _, a := range arts {
			s := summary{Title: a.Title, Paragraphs: len(a.Paragraphs)}
			for _, c := range a.Captions {
				s.Credits = append(s.Credits, c.Credit)
				if strings.HasPrefix(c.Text, " ") || strings.HasSuffix(c.Text, ")") {
					t.Errorf("%s: caption text not clean: %q", file, c.Text)
				}
			}
			got = append(got, s)
			ids[a.Title] = append(ids[a.Title], a.ID)
		}
		if diff := cmp.Diff(w, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", file, diff)
		}
	}
	shared := ids["Pro-Iran Factions in Iraq Dismiss Blinken’s Message to Tehran"]
	if len(shared) != 2 || shared[0] != shared[1] {
		t.Errorf("the article shared by both samples should have one ID, got %q", shared)
	}
}

func TestIDDependsOnContentOnly(t *testing.T) {
	base := Article{Title: "T", Captions: []Caption{{"c", "AFP"}}, Paragraphs: []string{"a b", "c"}}
	id := articleID(&base)
	if len(id) != 32 || strings.Trim(id, "0123456789abcdef") != "" {
		t.Fatalf("ID %q is not 32 lowercase hex digits", id)
	}
	moved := base
	moved.Source = Source{File: "other.txt", Line: 40, Offset: 999}
	if got := articleID(&moved); got != id {
		t.Errorf("ID changed with Source: %s != %s", got, id)
	}
	for name, a := range map[string]Article{
		"title":            {Title: "T2", Captions: base.Captions, Paragraphs: base.Paragraphs},
		"credit":           {Title: "T", Captions: []Caption{{"c", "AP"}}, Paragraphs: base.Paragraphs},
		"paragraph split":  {Title: "T", Captions: base.Captions, Paragraphs: []string{"a", "b c"}},
		"caption as para":  {Title: "T", Paragraphs: []string{"c", "AFP", "a b", "c"}},
		"paragraph joined": {Title: "T", Captions: base.Captions, Paragraphs: []string{"a bc"}},
	} {
		if got := articleID(&a); got == id {
			t.Errorf("%s changed but the ID did not", name)
		}
	}
}

func TestParseConcurrent(t *testing.T) {
	input, err := os.ReadFile("testdata/001_9335ce0f20af1e91.txt")
	if err != nil {
		t.Fatal(err)
	}
	want, err := Parse(bytes.NewReader(input))
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan string, 16)
	for range 16 {
		go func() {
			got, err := Parse(bytes.NewReader(input))
			if err != nil {
				errs <- err.Error()
				return
			}
			errs <- cmp.Diff(want, got)
		}()
	}
	for range 16 {
		if msg := <-errs; msg != "" {
			t.Error(msg)
		}
	}
}

// smallDump is a dump of one article of about 4 KB, its words drawn at
// random (seeded by n): a different story for every n.
func smallDump(n int) []byte {
	words := strings.Fields("the a minister said on monday that talks with rebels in the north " +
		"would resume after police found three bodies near a river port where " +
		"farmers had protested against new taxes on grain and fuel last week")
	rng := rand.New(rand.NewPCG(uint64(n), 1))
	var b strings.Builder
	fmt.Fprintf(&b, "Small Story Number %d\n\n", n)
	for b.Len() < 4000 {
		for range 30 {
			b.WriteString(words[rng.IntN(len(words))])
			b.WriteByte(' ')
		}
		b.WriteString("end.\n\n")
	}
	return []byte(b.String())
}

// TestParseKeptIDsHoldLittle checks that an article's ID, the string
// programs keep of many articles, keeps no shared buffer alive: 10,000
// parses of a 4 KB dump whose IDs are kept hold less than 2 KB per ID,
// whether the dump is parsed in memory or streamed.
func TestParseKeptIDsHoldLittle(t *testing.T) {
	const parses = 10000
	dumps := make([][]byte, parses)
	for i := range dumps {
		dumps[i] = smallDump(i)
	}
	for _, how := range []struct {
		name   string
		reader func([]byte) io.Reader
	}{
		{"memory", func(b []byte) io.Reader { return bytes.NewReader(b) }},
		{"stream", func(b []byte) io.Reader { return io.MultiReader(bytes.NewReader(b)) }},
	} {
		t.Run(how.name, func(t *testing.T) {
			ids := make([]string, 0, parses)
			before := heapAfter()
			for _, d := range dumps {
				arts, err := Parse(how.reader(d))
				if err != nil || len(arts) != 1 {
					t.Fatalf("Parse: %d articles, %v; want 1", len(arts), err)
				}
				ids = append(ids, arts[0].ID)
			}
			held := int64(heapAfter()) - int64(before)
			runtime.KeepAlive(ids)
			if per := held / parses; per >= 2048 {
				t.Errorf("%d kept IDs hold %d bytes of heap, %d per ID; want < 2048", parses, held, per)
			}
		})
	}
}

// TestParseKeepsNoScratch checks that the working memory Parse hands from
// one call to the next (readerScratch) is not memory the articles it
// returned refer to: the articles of every test input, kept, are the same
// after every input has been parsed again.
func TestParseKeepsNoScratch(t *testing.T) {
	files := dumpFiles(t)
	kept := make([][]Article, len(files))
	snap := make([]string, len(files))
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		kept[i], _ = Parse(bytes.NewReader(data), WithFile(f))
		snap[i] = fmt.Sprintf("%#v", kept[i])
	}
	for range 3 {
		for i := len(files) - 1; i >= 0; i-- {
			data, err := os.ReadFile(files[i])
			if err != nil {
				t.Fatal(err)
			}
			_, _ = Parse(io.MultiReader(bytes.NewReader(data))) // only its reuse of memory matters
		}
	}
	for i, f := range files {
		if got := fmt.Sprintf("%#v", kept[i]); got != snap[i] {
			t.Errorf("%s: the articles of an earlier Parse changed when later inputs were parsed:\n%s", f, cmp.Diff(snap[i], got))
		}
	}
}

func TestArticleText(t *testing.T) {
	for _, tc := range []struct {
		name string
		a    Article
		want string
	}{
		{"empty", Article{}, ""},
		{"title only", Article{Title: "T"}, "T"},
		{"title and paragraphs", Article{Title: "T", Paragraphs: []string{"p1", "p2"}}, "T\n\np1\n\np2"},
		{"description", Article{Title: "T", Description: "D", Paragraphs: []string{"p"}}, "T\n\nD\n\np"},
		{"no headline found", Article{Paragraphs: []string{"p1", "p2"}}, "p1\n\np2"},
		{"empty parts left out", Article{Description: "D", Paragraphs: []string{"", "p", ""}}, "D\n\np"},
		{"captions are not text", Article{Title: "T", Captions: []Caption{{"c", "AFP"}}}, "T"},
	} {
		if diff := cmp.Diff(tc.want, tc.a.Text()); diff != "" {
			t.Errorf("%s: Text() (-want +got):\n%s", tc.name, diff)
		}
	}
}

// TestArticleTextSplits checks, on the samples, that splitting Text at
// its separator gives the title and paragraphs back.
func TestArticleTextSplits(t *testing.T) {
	for _, path := range sampleDumps {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		arts, err := Parse(bytes.NewReader(data))
		if err != nil || len(arts) == 0 {
			t.Fatalf("%s: %d articles, error %v", path, len(arts), err)
		}
		for _, a := range arts {
			want := append([]string{a.Title}, a.Paragraphs...)
			if diff := cmp.Diff(want, strings.Split(a.Text(), "\n\n")); diff != "" {
				t.Errorf("%s:%d: Text split (-want +got):\n%s", path, a.Source.Line, diff)
			}
		}
	}
}
