package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// A directory stands for the files with the names dumps have; golden
// files, fuzz corpora and dot files are skipped, named with -v;
// -include replaces the rule and -exclude skips.
func TestDirectoryFilter(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt":                       dumpOf("A"),
		"b.txt.gz":                    dumpOf("B"), // not gzip data: read as text
		"c":                           dumpOf("C"),
		"a.golden.json":               `[{"id":"x"}]`,
		"notes.md":                    dumpOf("Notes"),
		".hidden.txt":                 dumpOf("Hidden"),
		"testdata/fuzz/FuzzParse/0a1": fuzzHeader + "[]byte(\"Title\")\n",
	})
	for _, tc := range []struct {
		flags []string
		want  []string
	}{
		{nil, []string{"a.txt: Title A", "b.txt.gz: Title B", "c: Title C"}},
		{[]string{"-exclude", "*.gz", "-exclude", "c"}, []string{"a.txt: Title A"}},
		{[]string{"-include", "*.md", "-include", "a.*"}, []string{"a.golden.json: [{\"id\":\"x\"}]", "a.txt: Title A", "notes.md: Title Notes"}},
	} {
		args := append(append([]string{"-dedupe=false", "-entities=false"}, tc.flags...), dir)
		code, out, errOut := runCmd(t, "", args...)
		if code != 0 || errOut != "" {
			t.Errorf("%v: exit %d, stderr %q", tc.flags, code, errOut)
		}
		got := titles(decodeLines(t, out))
		for i := range got {
			got[i] = strings.TrimPrefix(got[i], dir+string(filepath.Separator))
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%v (-want +got):\n%s", tc.flags, diff)
		}
	}
	_, _, errOut := runCmd(t, "", "-v", "-dedupe=false", dir)
	for _, want := range []string{
		filepath.Join(dir, "a.golden.json") + ": skipped: not a dump name",
		filepath.Join(dir, "notes.md") + ": skipped: not a dump name",
		filepath.Join(dir, ".hidden.txt") + ": skipped: a dot file",
		filepath.Join(dir, "testdata", "fuzz", "FuzzParse", "0a1") + ": skipped: a Go fuzz corpus file",
	} {
		if !strings.Contains(errOut, "newsdump: "+want) {
			t.Errorf("-v does not say %q:\n%s", want, errOut)
		}
	}
	// A file named on the command line is read whatever its name.
	code, out, _ := runCmd(t, "", "-dedupe=false", filepath.Join(dir, "notes.md"))
	if code != 0 || len(decodeLines(t, out)) != 1 {
		t.Errorf("a named .md file: exit %d, output %q", code, out)
	}
	if code, _, errOut := runCmd(t, "", "-include", "[", dir); code != 2 || !strings.Contains(errOut, `newsdump: glob "["`) {
		t.Errorf("a bad glob: exit %d, stderr %q; want a usage error", code, errOut)
	}
}

// A file reached twice (named twice, through its directory, through a
// symlink) is read once, with a warning; so is standard input.
func TestSameFileReadOnce(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"d/a.txt": dumpOf("A")})
	a := filepath.Join(dir, "d", "a.txt")
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(a, link); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	for _, args := range [][]string{{a, a}, {filepath.Join(dir, "d"), a}, {a, link}, {"-", "-"}} {
		code, out, errOut := runCmd(t, dumpOf("A"), append([]string{"-dedupe=false"}, args...)...)
		if code != 0 {
			t.Errorf("%v: exit %d", args, code)
		}
		if n := len(decodeLines(t, out)); n != 1 {
			t.Errorf("%v: %d articles, want 1", args, n)
		}
		if !strings.HasPrefix(errOut, "newsdump: "+args[1]+": ") || !strings.Contains(errOut, "read once") || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: stderr %q, want one warning naming %s", args, errOut, args[1])
		}
	}
}

// Errors read "newsdump: FILE[:LINE]: what is wrong", once each.
func TestErrorMessages(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.gz")
	writeFiles(t, dir, map[string]string{"bad.gz": "\x1f\x8bnot gzip at all"})
	missing := filepath.Join(dir, "nope.txt")
	code, _, errOut := runCmd(t, "", bad, missing)
	// The missing file is found when the inputs are listed, before the
	// bad one is read.
	want := "newsdump: " + missing + ": no such file or directory\nnewsdump: " + bad + ": gzip: invalid header\n"
	if code != 1 || errOut != want {
		t.Errorf("exit %d, stderr:\n%s\nwant 1 and:\n%s", code, errOut, want)
	}
}

// Invalid option values are usage errors, exit 2, not replaced.
func TestInvalidFlagValues(t *testing.T) {
	for _, args := range [][]string{
		{"-max-article-bytes", "-5"},
		{"-max-article-bytes", "0"},
		{"-threshold", "25"},
		{"-threshold", "0"},
		{"-j", "0"},
		{"-progress", "-q"},
		{"-fields", "id,nope"},
		{"-fields", "id", "-explain"},
	} {
		code, out, errOut := runCmd(t, dumpOf("A"), args...)
		if code != 2 || out != "" || !strings.HasPrefix(errOut, "newsdump: -") || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 and one line naming the flag", args, code, out, errOut)
		}
	}
}
