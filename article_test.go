package newsdump

import (
	"bytes"
	"os"
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
