package newsdump

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the current output (review them by hand before committing)")

// dumpFiles returns the dumps in testdata, by the slash-separated name the
// command is given when run from the repository root.
func dumpFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no dumps in testdata (err %v)", err)
	}
	for i, f := range files {
		files[i] = filepath.ToSlash(f)
	}
	return files
}

func goldenName(dump string) string { return strings.TrimSuffix(dump, ".txt") + ".golden.json" }

// readGolden reads the articles recorded for a dump.
func readGolden(t testing.TB, dump string) []Article {
	t.Helper()
	data, err := os.ReadFile(goldenName(dump))
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	var want []Article
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatalf("%s: %v", goldenName(dump), err)
	}
	return want
}

func writeGolden(t testing.TB, dump string, got []Article) {
	t.Helper()
	if got == nil {
		got = []Article{}
	}
	writeJSON(t, goldenName(dump), got)
}

// writeJSON writes v, indented, as the golden file name (go test -update).
func writeJSON(t testing.TB, name string, v any) {
	t.Helper()
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, append(data, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkSources fails if an article's Source does not point at its title:
// the line of input from Source.Offset on must read as the title, and
// Source.Line must be that line's number. Inputs decoded as a stream
// (UTF-16, UTF-32) are left to TestSourceOffsets.
func checkSources(t *testing.T, input []byte, arts []Article) {
	t.Helper()
	r := NewReader(bytes.NewReader(input))
	if r.Encoding() == "" || r.dec.stream != nil {
		return
	}
	paged := layoutOf(input) == LayoutPage
	for _, a := range arts {
		off := a.Source.Offset
		if off < 0 || off > len(input) {
			t.Errorf("title %q: offset %d is outside the input", a.Title, off)
			continue
		}
		// The whole line that holds the offset is decoded, as the Reader
		// did: a part of it may decode differently (a line that is not
		// UTF-8 can end in bytes that are).
		line, start := 1, 0
		for {
			n := lineEnd(input[start:])
			if start+n > off || n == 0 {
				break
			}
			start += n
			line++
		}
		raw := input[start:]
		raw = raw[:lineEnd(raw)]
		text, lead, err := r.lineText(raw)
		// A page's Source is where the page starts: a line with text.
		if paged && err == nil && len(text) > 0 && start+lead == off {
			text = []byte(a.Title)
		}
		if err != nil || string(text) != a.Title || start+lead != off {
			t.Errorf("title %q: offset %d points at %q (line %q)", a.Title, off, input[off:start+len(raw)], raw)
			continue
		}
		if line != a.Source.Line {
			t.Errorf("title %q: Source.Line = %d, the offset is on line %d", a.Title, a.Source.Line, line)
		}
	}
}

// TestGolden parses every testdata/NAME.txt and compares the result with
// testdata/NAME.golden.json. Each case is parsed three ways, which must
// agree: as it is, with CRLF line endings, and fed one byte at a time.
func TestGolden(t *testing.T) {
	for _, dump := range dumpFiles(t) {
		t.Run(filepath.Base(dump), func(t *testing.T) {
			input, err := os.ReadFile(dump)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Parse(bytes.NewReader(input), WithFile(dump))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if *update {
				writeGolden(t, dump, got)
			}
			want := readGolden(t, dump)
			if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Parse(%s) differs from %s (-want +got):\n%s", dump, goldenName(dump), diff)
			}
			checkSources(t, input, got)
			for _, a := range got {
				checkNoChrome(t, a)
			}

			oneByte, err := Parse(iotest.OneByteReader(bytes.NewReader(input)), WithFile(dump))
			if err != nil {
				t.Fatalf("Parse, one byte at a time: %v", err)
			}
			if diff := cmp.Diff(got, oneByte, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("fed one byte at a time, Parse differs (-whole +bytewise):\n%s", diff)
			}

			crlf := bytes.ReplaceAll(input, []byte("\n"), []byte("\r\n"))
			gotCRLF, err := Parse(bytes.NewReader(crlf), WithFile(dump))
			if err != nil {
				t.Fatalf("Parse, CRLF: %v", err)
			}
			// Offsets move with the extra CR bytes; checkSources checks them.
			if diff := cmp.Diff(got, gotCRLF, cmpopts.EquateEmpty(), cmpopts.IgnoreFields(Source{}, "Offset")); diff != "" {
				t.Errorf("with CRLF line endings, Parse differs (-LF +CRLF):\n%s", diff)
			}
			checkSources(t, crlf, gotCRLF)
		})
	}
}

// chromeOrBlank reports whether a trimmed line is empty, the "TT" widget
// or a bare number of up to three digits (the widget's font size): the only
// lines the parser may drop, and never the text of a field.
func chromeOrBlank(s string) bool {
	return s == "" || s == "TT" || (len(s) <= 3 && strings.Trim(s, "0123456789") == "")
}

// checkNoChrome fails if a chrome line reached any field of a.
func checkNoChrome(t *testing.T, a Article) {
	t.Helper()
	fields := []string{a.Title}
	for _, c := range a.Captions {
		fields = append(fields, c.Text+" ("+c.Credit+")")
	}
	fields = append(fields, a.Paragraphs...)
	for _, f := range fields {
		if chromeOrBlank(f) || strings.Contains(f, "\nTT") {
			t.Errorf("article %q: chrome or empty text %q in a field", a.Title, f)
		}
	}
}

// entityDumps are the dumps whose articles' entities are recorded: the
// samples, and three written by hand for headlines in Title Case, photo
// credits of every style, a byline and quantities (one in the samples'
// layout, one page text), a standfirst over a market report (oil
// benchmarks, a nationality word that names a country too, a name with a
// patronymic), a wire story whose dateline names a wire no list knows,
// and a headline of accented names (a city the body does not name, a
// surname the tagger reads as a firm in the body).
var entityDumps = append(slices.Clip(sampleDumps), "testdata/headline_credits.txt", "testdata/page_byline_credits.txt", "testdata/page_standfirst.txt", "testdata/page_wire.txt", "testdata/latin_names.txt")

// The entities of the entityDumps' articles, checked by hand, are
// recorded in testdata/*.entities.golden.json.
func TestArticleEntitiesGolden(t *testing.T) {
	for _, dump := range entityDumps {
		f, err := os.Open(dump)
		if err != nil {
			t.Fatal(err)
		}
		arts, err := Parse(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		got := make([][]ArticleEntity, len(arts))
		for i, a := range arts {
			got[i] = a.Entities()
			checkMentions(t, a, got[i])
		}
		name := entitiesGoldenName(dump)
		if *update {
			writeJSON(t, name, got)
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		var want [][]ArticleEntity
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-golden +got):\n%s", name, diff)
		}
	}
}

// Signatures are stored and compared across processes and versions, so
// they must not change by accident (a new seed, another hash): the sample
// articles' signatures are recorded in testdata/signatures.golden.json
// (first values and band keys; go test -update rewrites it, and a change is
// a breaking change to be announced).
func TestSignatureStable(t *testing.T) {
	type pinned struct {
		ID       string
		First    []uint32
		BandKeys []uint64
	}
	var got []pinned
	for _, d := range sampleDumps {
		for _, a := range readGolden(t, d) {
			s := Signature(a)
			k := s.BandKeys()
			got = append(got, pinned{a.ID, s[:8], k[:4]})
		}
	}
	const name = "testdata/signatures.golden.json"
	if *update {
		writeJSON(t, name, got)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	var want []pinned
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("signatures changed (-recorded +now):\n%s", diff)
	}
}
