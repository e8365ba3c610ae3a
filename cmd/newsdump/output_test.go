package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// -o writes the output to FILE through a temporary file beside it, and
// leaves nothing else there; what it holds is what standard output gets.
func TestOutputFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.jsonl")
	if err := os.WriteFile(path, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, want, _ := runCmd(t, dumpOf("A", "B"))
	code, out, errOut := runCmd(t, dumpOf("A", "B"), "-o", path)
	if code != 0 || out != "" || errOut != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("-o FILE differs from standard output (-stdout +file):\n%s", diff)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the directory holds %d files, want out.jsonl only", len(entries))
	}
	// A directory that does not exist: an error naming FILE, exit 1.
	nowhere := filepath.Join(dir, "no", "out.jsonl")
	if code, _, errOut := runCmd(t, dumpOf("A"), "-o", nowhere); code != 1 || !strings.HasPrefix(errOut, "newsdump: "+nowhere+": ") {
		t.Errorf("-o in a missing directory: exit %d, stderr %q", code, errOut)
	}
}

// A failed write leaves the old FILE as it was and no temporary file.
func TestOutputFileFailedWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.jsonl")
	os.WriteFile(path, []byte("old\n"), 0o644)
	o, err := openOutput(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	o.Write([]byte(`{"id":"half`))
	o.err = o.wrap(errors.New("disk full")) // as a failed write leaves it
	if err := o.close(true); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("close: %v, want the write error", err)
	}
	got, _ := os.ReadFile(path)
	entries, _ := os.ReadDir(dir)
	if string(got) != "old\n" || len(entries) != 1 {
		t.Errorf("after a failed run: FILE %q, %d files in the directory; want old and 1", got, len(entries))
	}
}

// -fields keeps only the keys named, in the order printed.
func TestFields(t *testing.T) {
	code, out, errOut := runCmd(t, dumpOf("A", "A"), "-fields", "source, title,duplicates")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	want := `{"title":"Title A","source":{"file":"-","line":1,"offset":0},"duplicates":[{"file":"-","line":11,"offset":38}]}` + "\n"
	if diff := cmp.Diff(want, out); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// failingWriter fails every write, as a closed pipe does.
type failingWriter struct{ writes int }

func (w *failingWriter) Write([]byte) (int, error) {
	w.writes++
	return 0, errors.New("broken pipe")
}

// A write error on standard output is reported once, and stops the run.
func TestStdoutWriteErrorOnce(t *testing.T) {
	for _, flags := range [][]string{{"-dedupe=false"}, {}} {
		var stderr strings.Builder
		w := &failingWriter{}
		big := strings.Repeat(dumpOf("A")+"\n\n\n", 2000) // more than the output buffer
		code := run(append(flags, "-entities=false"), strings.NewReader(big), w, &stderr)
		if code != 1 || stderr.String() != "newsdump: writing output: broken pipe\n" {
			t.Errorf("%v: exit %d, stderr %q; want 1 and the error once", flags, code, stderr.String())
		}
	}
}
