package newsdump

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestParseInMemory checks Parse's two ways of reading: a dump in memory
// (a *bytes.Reader or *strings.Reader) is read where it is, any other
// reader through a buffer. Both give the same articles, Source included,
// for every dump in every variant, and the caller's bytes are left as they
// were, also where the input is decoded (UTF-16, Windows-1252, mojibake).
func TestParseInMemory(t *testing.T) {
	for _, path := range dumpFiles(t) {
		clean, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		inputs := map[string][]byte{
			"clean": clean,
			"junk":  append(bytes.Clone(clean), bytes.Repeat([]byte{0, 1, 2, 3}, 5000)...),
		}
		for _, v := range encodingVariants {
			if damaged, _, ok := v.make(clean); ok {
				inputs[v.name] = damaged
			}
		}
		for name, input := range inputs {
			before := bytes.Clone(input)
			want, wantErr := Parse(struct{ io.Reader }{bytes.NewReader(input)}, WithFile(path))
			for reader, r := range map[string]io.Reader{
				"bytes.Reader":   bytes.NewReader(input),
				"strings.Reader": strings.NewReader(string(input)),
			} {
				got, err := Parse(r, WithFile(path))
				if diff := cmp.Diff(want, got); diff != "" || fmt.Sprint(err) != fmt.Sprint(wantErr) {
					t.Errorf("%s %s from a %s (-buffered +in memory):\n%s%v %v", filepath.Base(path), name, reader, diff, wantErr, err)
				}
			}
			if !bytes.Equal(input, before) {
				t.Fatalf("%s %s: Parse changed its input", filepath.Base(path), name)
			}
		}
	}
}

// TestParseInMemoryLimit checks that a line longer than the read buffer
// and over the article limit gives the same error, and drops the same
// articles, whether the dump is read in place or through the buffer.
func TestParseInMemoryLimit(t *testing.T) {
	for _, input := range []string{
		"Title\n\nTT\n\nTitle\n\n" + strings.Repeat("x", 100000) + "\nmore\n",
		"A\n\nB\n\n\nbody " + strings.Repeat("y", 200000), // may continue A: A goes too
	} {
		for _, limit := range []int{100, 150000} {
			want, wantErr := Parse(struct{ io.Reader }{strings.NewReader(input)}, WithMaxArticleBytes(limit))
			got, err := Parse(strings.NewReader(input), WithMaxArticleBytes(limit))
			if diff := cmp.Diff(want, got); diff != "" || fmt.Sprint(err) != fmt.Sprint(wantErr) {
				t.Errorf("limit %d (-buffered +in memory):\n%s%v\n%v", limit, diff, wantErr, err)
			}
		}
	}
}

// TestMemorySink checks the fallback for a WriteTo that writes in pieces.
func TestMemorySink(t *testing.T) {
	var s memorySink
	for _, p := range []string{"Title\n", "", "TT\n", "Body.\n"} {
		if n, err := s.WriteString(p); n != len(p) || err != nil {
			t.Fatalf("WriteString(%q) = %d, %v", p, n, err)
		}
	}
	if got := string(s.data); got != "Title\nTT\nBody.\n" {
		t.Errorf("joined %q", got)
	}
}
