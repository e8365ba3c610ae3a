package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/newsdump/newsdump"
	"golang.org/x/text/encoding/charmap"
)

var update = flag.Bool("update", false, "rewrite cmd/newsdump/testdata/samples.dedupe.golden.json (review it by hand before committing)")

// runCmd runs the command and returns its exit status, standard output
// and standard error.
func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(stdin), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// decodeLines decodes JSON Lines output, failing on anything that is not
// exactly one JSON object per line.
func decodeLines(t *testing.T, out string) []newsdump.Article {
	t.Helper()
	var arts []newsdump.Article
	for _, l := range decodeOutput(t, out) {
		arts = append(arts, l.Article)
	}
	return arts
}

// decodeOutput decodes JSON Lines output into the command's line type.
func decodeOutput(t *testing.T, out string) []articleJSON {
	t.Helper()
	var arts []articleJSON
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" && out == "" {
			break
		}
		var a articleJSON
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&a); err != nil {
			t.Fatalf("output line %d is not one article: %v\n%s", i+1, err, line)
		}
		arts = append(arts, a)
	}
	return arts
}

// The command, given the sample dumps, prints exactly what the golden
// files record, in input order.
func TestSamplesMatchGolden(t *testing.T) {
	root := filepath.Join("..", "..")
	dumps := []string{"testdata/000_9e4be9335a49f043.txt", "testdata/001_9335ce0f20af1e91.txt"}
	var want []newsdump.Article
	var args []string
	for _, d := range dumps {
		data, err := os.ReadFile(filepath.Join(root, strings.TrimSuffix(d, ".txt")+".golden.json"))
		if err != nil {
			t.Fatal(err)
		}
		var arts []newsdump.Article
		if err := json.Unmarshal(data, &arts); err != nil {
			t.Fatal(err)
		}
		for i := range arts {
			arts[i].Source.File = filepath.Join(root, d)
		}
		want = append(want, arts...)
		args = append(args, filepath.Join(root, d))
	}
	code, out, errOut := runCmd(t, "", append([]string{"-dedupe=false"}, args...)...)
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if diff := cmp.Diff(want, decodeLines(t, out)); diff != "" {
		t.Errorf("output differs from the golden files (-golden +output):\n%s", diff)
	}
	if strings.Contains(out, `"duplicates"`) {
		t.Error("articles without duplicates must not print a duplicates key")
	}
	first := strings.SplitN(out, "\n", 2)[0]
	for _, key := range []string{`{"id":"`, `,"title":"`, `,"captions":[{"text":"`, `,"credit":"Photo by Iranian Presidency / AFP"}]`, `,"paragraphs":["`, `,"source":{"file":"`} {
		if !strings.Contains(first, key) {
			t.Errorf("first line lacks %s: %s", key, first)
		}
	}
}

const article = "Title %s\n\nTT\n20\n\nTitle %s\n\nBody of %s."

func dumpOf(names ...string) string {
	var parts []string
	for _, n := range names {
		parts = append(parts, strings.ReplaceAll(article, "%s", n))
	}
	return strings.Join(parts, "\n\n\n")
}

func titles(arts []newsdump.Article) []string {
	var out []string
	for _, a := range arts {
		out = append(out, a.Source.File+": "+a.Title)
	}
	return out
}

func TestDirectoriesInLexicalOrder(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"b.txt":            dumpOf("B1", "B2"),
		"a.txt":            dumpOf("A"),
		"sub/c.txt":        dumpOf("C"),
		".hidden.txt":      dumpOf("H"),
		".git/objects.txt": dumpOf("G"),
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := runCmd(t, "", dir)
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	want := []string{
		filepath.Join(dir, "a.txt") + ": Title A",
		filepath.Join(dir, "b.txt") + ": Title B1",
		filepath.Join(dir, "b.txt") + ": Title B2",
		filepath.Join(dir, "sub", "c.txt") + ": Title C",
	}
	if diff := cmp.Diff(want, titles(decodeLines(t, out))); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestStdin(t *testing.T) {
	for _, args := range [][]string{nil, {"-"}} {
		code, out, errOut := runCmd(t, dumpOf("S1", "S2"), args...)
		if code != 0 || errOut != "" {
			t.Fatalf("args %q: exit %d, stderr %q", args, code, errOut)
		}
		want := []string{"-: Title S1", "-: Title S2"}
		if diff := cmp.Diff(want, titles(decodeLines(t, out))); diff != "" {
			t.Errorf("args %q (-want +got):\n%s", args, diff)
		}
	}
}

// A file that cannot be opened or parsed is reported as file:line, the
// articles before the problem and the other files are still printed, and
// the exit status is 1.
func TestBadFilesReportedOthersProcessed(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	big := filepath.Join(dir, "big.txt")
	missing := filepath.Join(dir, "missing.txt")
	bigText := dumpOf("Small") + "\n\n\nTitle Big\n\nTT\n\n" + strings.Repeat("x", 500)
	for name, text := range map[string]string{good: dumpOf("Good"), big: bigText} {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := runCmd(t, "", "-max-article-bytes", "200", missing, big, good)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	want := []string{big + ": Title Small", good + ": Title Good"}
	if diff := cmp.Diff(want, titles(decodeLines(t, out))); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	if len(lines) != 2 {
		t.Fatalf("stderr should have one line per bad file, got %q", errOut)
	}
	if !strings.HasPrefix(lines[0], "newsdump: "+missing+": ") || !strings.Contains(lines[0], "no such file") {
		t.Errorf("missing file reported as %q", lines[0])
	}
	if !strings.HasPrefix(lines[1], "newsdump: "+big+":15: article too large") {
		t.Errorf("large article reported as %q, want newsdump: %s:15: article too large…", lines[1], big)
	}
}

func TestUsage(t *testing.T) {
	code, out, errOut := runCmd(t, "", "-h")
	if code != 0 || out != "" {
		t.Errorf("-h: exit %d, stdout %q", code, out)
	}
	for _, want := range []string{"usage: newsdump", "JSON Lines", "-max-article-bytes", "file:line: what is wrong", "standard input"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("-h output lacks %q", want)
		}
	}
	if code, _, _ := runCmd(t, "", "-no-such-flag"); code != 2 {
		t.Errorf("unknown flag: exit %d, want 2", code)
	}
}

// The JSON keys are the documented schema, for every field.
func TestJSONSchema(t *testing.T) {
	a := newsdump.Article{ID: "i", Title: "t", Description: "d", Authors: []string{"a", "b"}, Published: "2024-07-05",
		Captions:   []newsdump.Caption{{Text: "c", Credit: "AFP"}},
		Paragraphs: []string{"p"}, Source: newsdump.Source{File: "f", Line: 1, Offset: 2},
		Duplicates: []newsdump.Source{{File: "g", Line: 3, Offset: 4}}}
	got, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"i","title":"t","description":"d","authors":["a","b"],"published":"2024-07-05","captions":[{"text":"c","credit":"AFP"}],"paragraphs":["p"],"source":{"file":"f","line":1,"offset":2},"duplicates":[{"file":"g","line":3,"offset":4}]}`
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	var back newsdump.Article
	if err := json.Unmarshal(got, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(a, back, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

// Gzip-compressed dumps read as the dump itself, whatever their name; a
// truncated one is reported with the file's name and what went wrong.
func TestGzip(t *testing.T) {
	plain, err := os.ReadFile(filepath.Join("..", "..", "testdata", "one_article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(plain)
	zw.Close()
	dir := t.TempDir()
	for name, data := range map[string][]byte{
		"a.txt":        plain,
		"b.txt.gz":     gz.Bytes(),
		"c.txt":        gz.Bytes(), // gzip data without the suffix
		"truncated.gz": gz.Bytes()[:gz.Len()/2],
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := runCmd(t, "", "-dedupe=false", filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt.gz"), filepath.Join(dir, "c.txt"))
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	arts := decodeLines(t, out)
	if len(arts) != 3 {
		t.Fatalf("%d articles, want 3", len(arts))
	}
	for _, a := range arts[1:] {
		if diff := cmp.Diff(arts[0], a, cmpopts.IgnoreFields(newsdump.Article{}, "Source")); diff != "" {
			t.Errorf("gzip file %s differs from the plain one (-plain +gzip):\n%s", a.Source.File, diff)
		}
	}
	code, _, errOut = runCmd(t, gz.String(), "-")
	if code != 0 || errOut != "" {
		t.Errorf("gzip on standard input: exit %d, stderr %q", code, errOut)
	}
	truncated := filepath.Join(dir, "truncated.gz")
	code, _, errOut = runCmd(t, "", truncated)
	if code != 1 || !strings.HasPrefix(errOut, "newsdump: "+truncated+":") || !strings.Contains(errOut, "gzip: unexpected EOF") {
		t.Errorf("truncated gzip: exit %d, stderr %q; want 1 and newsdump: %s:LINE: gzip: unexpected EOF", code, errOut, truncated)
	}
}

func TestBinaryFile(t *testing.T) {
	png := filepath.Join(t.TempDir(), "photo.png")
	if err := os.WriteFile(png, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd(t, "", png)
	if code != 1 || out != "" || !strings.HasPrefix(errOut, "newsdump: "+png+":1: binary data, not a text dump: a PNG image") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestEncodingFlag(t *testing.T) {
	input, err := charmap.ISO8859_2.NewEncoder().String("Wałęsa in Łódź\n\nPolish text about Gdańsk.")
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd(t, input, "-encoding", "ISO-8859-2")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if arts := decodeLines(t, out); len(arts) != 1 || arts[0].Title != "Wałęsa in Łódź" {
		t.Errorf("articles %+v", arts)
	}
	code, _, errOut = runCmd(t, input, "-encoding", "no-such-encoding")
	if code != 2 || !strings.Contains(errOut, `unknown encoding "no-such-encoding"`) {
		t.Errorf("unknown encoding: exit %d, stderr %q", code, errOut)
	}
}

// With -sentences every article gains its paragraphs' sentences as byte
// offsets into each paragraph; without it the output has no such key
// (TestSamplesMatchGolden decodes it strictly).
func TestSentencesFlag(t *testing.T) {
	sample := filepath.Join("..", "..", "testdata", "001_9335ce0f20af1e91.txt")
	code, out, errOut := runCmd(t, "", "-sentences", sample)
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var found bool
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	for i, l := range decodeOutput(t, out) {
		text := lines[i]
		if !strings.Contains(text, `"sentences":[[{"start":0,"end":`) || l.Sentences == nil {
			t.Fatalf("line %d lacks the documented sentences layout: %.200s", i+1, text)
		}
		sents := *l.Sentences
		if len(sents) != len(l.Paragraphs) {
			t.Fatalf("line %d: %d sentence lists for %d paragraphs", i+1, len(sents), len(l.Paragraphs))
		}
		for j, p := range l.Paragraphs {
			var got []string
			for _, sp := range sents[j] {
				if sp.Start < 0 || sp.End > len(p) || sp.Start >= sp.End {
					t.Fatalf("line %d paragraph %d: span %v outside %q", i+1, j, sp, p)
				}
				got = append(got, p[sp.Start:sp.End])
			}
			if strings.HasPrefix(p, "The Houthis in response") {
				found = true
				want := []string{
					"The Houthis in response have stepped up their targeting of American drones flying over the country.",
					"Late Tuesday, Houthi military spokesman Brig. Gen. Yahya Saree said the militias shot down an MQ-9 Reaper drone over Yemen's Hajjah governorate.",
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("sentences of %q (-want +got):\n%s", p, diff)
				}
			}
		}
	}
	if !found {
		t.Error("the sample's Brig. Gen. paragraph was not printed")
	}
}

// With -dedupe (the default) the two samples give three articles: the
// story they share once, listing its copy in the second file, as recorded
// in cmd/newsdump/testdata/samples.dedupe.golden.json (file names relative to the
// repository root). The report names the same cluster.
func TestDedupeSamplesGolden(t *testing.T) {
	root := filepath.Join("..", "..")
	dumps := []string{"testdata/000_9e4be9335a49f043.txt", "testdata/001_9335ce0f20af1e91.txt"}
	var args []string
	for _, d := range dumps {
		args = append(args, filepath.Join(root, d))
	}
	reportFile := filepath.Join(t.TempDir(), "report.jsonl")
	code, out, errOut := runCmd(t, "", append([]string{"-dedupe-report=" + reportFile}, args...)...)
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	got := decodeLines(t, out)
	// Make paths relative to the repository root, as in the golden file.
	rel := func(s *newsdump.Source) {
		s.File = filepath.ToSlash(strings.TrimPrefix(s.File, root+string(filepath.Separator)))
	}
	for i := range got {
		rel(&got[i].Source)
		for j := range got[i].Duplicates {
			rel(&got[i].Duplicates[j])
		}
	}
	golden := filepath.Join("testdata", "samples.dedupe.golden.json")
	if *update {
		data, err := json.MarshalIndent(got, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update ./cmd/newsdump to create it)", err)
	}
	var want []newsdump.Article
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("output differs from %s (-golden +output):\n%s", golden, diff)
	}
	if len(got) != 3 {
		t.Fatalf("%d articles, want 3", len(got))
	}
	wantDups := []newsdump.Source{{File: "testdata/001_9335ce0f20af1e91.txt", Line: 1, Offset: 0}}
	if diff := cmp.Diff(wantDups, got[0].Duplicates); diff != "" {
		t.Errorf("the shared story's duplicates (-want +got):\n%s", diff)
	}

	rep, err := os.ReadFile(reportFile)
	if err != nil {
		t.Fatal(err)
	}
	var clusters []newsdump.Cluster
	dec := json.NewDecoder(bytes.NewReader(rep))
	dec.DisallowUnknownFields()
	for dec.More() {
		var c newsdump.Cluster
		if err := dec.Decode(&c); err != nil {
			t.Fatalf("report: %v\n%s", err, rep)
		}
		clusters = append(clusters, c)
	}
	wantClusters := []newsdump.Cluster{{
		Kept:   newsdump.Source{File: args[0], Line: 1},
		KeptID: got[0].ID,
		Copies: []newsdump.Copy{{Source: newsdump.Source{File: args[1], Line: 1}, Similarity: 1}},
	}}
	if diff := cmp.Diff(wantClusters, clusters); diff != "" {
		t.Errorf("report (-want +got):\n%s", diff)
	}
}

// -dedupe-report=- writes the report to standard error; -dedupe=false
// prints every copy; -threshold decides whether an edited copy is one.
func TestDedupeFlags(t *testing.T) {
	body := "The council voted on Tuesday to close the old bridge to traffic for repairs.\n\n" +
		"Engineers said the steel supports had corroded faster than expected after a wet winter.\n\n" +
		"Residents will have to use the ferry or a detour of twelve miles until the work ends in May.\n"
	edited := strings.Replace(body, "twelve miles", "about twelve kilometres", 1)
	edited = strings.Replace(edited, "wet winter", "very wet and cold winter", 1)
	dump := "Bridge Closed\n\nTT\n\nBridge Closed\n\n" + body + "\n\n\n" +
		"BRIDGE CLOSED\n\nTT\n\nBRIDGE CLOSED\n\n" + strings.ReplaceAll(body, "\n\n", "\n") + "\n\n\n" +
		"Bridge closed\n\nTT\n\nBridge closed\n\n" + edited
	sim := newsdump.Signature(newsdump.Article{Title: "Bridge Closed", Paragraphs: strings.Split(strings.TrimSpace(body), "\n\n")}).
		Similarity(newsdump.Signature(newsdump.Article{Title: "Bridge closed", Paragraphs: strings.Split(strings.TrimSpace(edited), "\n\n")}))
	if sim < 0.35 || sim > 0.9 {
		t.Fatalf("the edited copy's similarity is %.2f; the test needs it between 0.35 and 0.9", sim)
	}
	for _, tc := range []struct {
		args    []string
		want    int // articles printed
		dups    int // duplicates listed by the first
		reports bool
	}{
		{[]string{"-dedupe-report=-"}, 1, 2, true},
		{[]string{"-dedupe=false"}, 3, 0, false},
		{[]string{"-threshold", "0.95"}, 2, 1, false},
		{[]string{"-threshold=0.3"}, 1, 2, false},
	} {
		code, out, errOut := runCmd(t, dump, tc.args...)
		if code != 0 || (errOut != "") != tc.reports {
			t.Errorf("%v: exit %d, stderr %q", tc.args, code, errOut)
			continue
		}
		arts := decodeLines(t, out)
		if len(arts) != tc.want || len(arts[0].Duplicates) != tc.dups {
			t.Errorf("%v: %d articles, the first with %d duplicates; want %d and %d", tc.args, len(arts), len(arts[0].Duplicates), tc.want, tc.dups)
		}
		if tc.reports && !strings.Contains(errOut, `"kept":{"file":"-","line":1,"offset":0}`) {
			t.Errorf("%v: report lacks the cluster: %s", tc.args, errOut)
		}
	}
	// A report that cannot be written is an error, after the articles.
	noDir := filepath.Join(t.TempDir(), "missing", "report.jsonl")
	code, out, errOut := runCmd(t, dump, "-dedupe-report="+noDir)
	if code != 1 || len(decodeLines(t, out)) != 1 || !strings.Contains(errOut, "report.jsonl") {
		t.Errorf("unwritable report: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	for _, bad := range [][]string{{"-threshold", "0"}, {"-threshold", "1.5"}, {"-dedupe=false", "-dedupe-report=-"}} {
		if code, _, _ := runCmd(t, dump, bad...); code != 2 {
			t.Errorf("%v: exit %d, want 2", bad, code)
		}
	}
}

// Entities are printed by default, exactly as Article.Entities gives them,
// after the article's own fields; -entities=false leaves them out.
func TestEntitiesFlag(t *testing.T) {
	dump := filepath.Join("..", "..", "testdata", "001_9335ce0f20af1e91.txt")
	code, out, errOut := runCmd(t, "", dump)
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	lines := decodeOutput(t, out)
	if len(lines) != 2 {
		t.Fatalf("got %d articles, want 2", len(lines))
	}
	for _, l := range lines {
		if l.Entities == nil {
			t.Fatalf("article %q has no entities key", l.Title)
		}
		if diff := cmp.Diff(l.Article.Entities(), *l.Entities); diff != "" {
			t.Errorf("article %q: printed entities differ from Article.Entities (-want +printed):\n%s", l.Title, diff)
		}
	}
	first := strings.SplitN(out, "\n", 2)[0]
	if !strings.Contains(first, `"source":{`) || !strings.Contains(first, `},"entities":[{"type":"`) {
		t.Errorf("entities must follow the article's fields: %s", first)
	}
	if !strings.Contains(first, `{"type":"PERSON","text":"Antony Blinken","value":"Antony Blinken","mentions":[{"field":"title","index":0,"start":34,"end":41,"text":"Blinken"},{"field":"paragraphs","index":0,"start":22,"end":36,"text":"Antony Blinken"}`) {
		t.Errorf("first line lacks Antony Blinken in the issue's format: %s", first)
	}

	code, out, errOut = runCmd(t, "", "-entities=false", dump)
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if strings.Contains(out, `"entities"`) {
		t.Error("-entities=false still prints entities")
	}
}

// -explain prints every non-blank line with its role and reason, for a
// dump and for page text alike, and -layout chooses how a file is read.
func TestExplainAndLayout(t *testing.T) {
	dump := "Title of the story\n\nA caption. (AFP)\nA caption. (AFP)\nTT\n20\n\nTitle of the story\n\nThe body.\n"
	code, out, errOut := runCmd(t, dump, "-explain", "-")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	want := `-:1: title (first line of the article): Title of the story
-:3: caption (ends in a credit in parentheses, in the header): A caption. (AFP)
-:4: repeat (repeats a caption): A caption. (AFP)
-:5: chrome (the font-size widget): TT
-:6: chrome (the font size after the widget): 20
-:8: repeat (repeats the title): Title of the story
-:10: body (a line of the body): The body.
`
	if diff := cmp.Diff(want, out); diff != "" {
		t.Errorf("-explain (-want +got):\n%s", diff)
	}

	// The same text read as a page: the lines are explained by the page
	// rules instead, each line once.
	code, out, _ = runCmd(t, dump, "-explain", "-layout=page", "-")
	if code != 0 || strings.Count(out, "\n") != 7 || strings.Contains(out, "chrome") {
		t.Errorf("-explain -layout=page: exit %d, output\n%s", code, out)
	}

	if code, _, errOut := runCmd(t, dump, "-layout=html", "-"); code != 2 || !strings.Contains(errOut, `-layout "html"`) {
		t.Errorf("-layout=html: exit %d, stderr %q; want 2 and the flag named", code, errOut)
	}
}
