package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/newsdump/newsdump"
)

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
	code, out, errOut := runCmd(t, "", args...)
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
	if !strings.HasPrefix(lines[0], missing+": ") || !strings.Contains(lines[0], "no such file") {
		t.Errorf("missing file reported as %q", lines[0])
	}
	if !strings.HasPrefix(lines[1], big+":15: article too large") {
		t.Errorf("large article reported as %q, want %s:15: article too large…", lines[1], big)
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
	a := newsdump.Article{ID: "i", Title: "t", Captions: []newsdump.Caption{{Text: "c", Credit: "AFP"}},
		Paragraphs: []string{"p"}, Source: newsdump.Source{File: "f", Line: 1, Offset: 2},
		Duplicates: []newsdump.Source{{File: "g", Line: 3, Offset: 4}}}
	got, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"i","title":"t","captions":[{"text":"c","credit":"AFP"}],"paragraphs":["p"],"source":{"file":"f","line":1,"offset":2},"duplicates":[{"file":"g","line":3,"offset":4}]}`
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
