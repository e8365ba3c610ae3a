package page

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestFastPath checks that the embedded model's table-driven scoring
// gives the same results as the generic hashed path (a copy of the
// model, which does not take the fast path) on the dev pages.
func TestFastPath(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/extract/dev/*.txt")
	if len(files) == 0 {
		t.Skip("no dev pages")
	}
	def := defaultModel()
	generic := *def
	for _, f := range files {
		if strings.HasSuffix(f, ".gold.txt") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(b), "\n")
		for _, ls := range [][]string{lines, lines[:len(lines)/2], lines[len(lines)/3:]} {
			want, got := generic.Extract(ls), def.Extract(ls)
			if !reflect.DeepEqual(want, got) {
				t.Fatalf("%s: fast path differs from the generic one", f)
			}
		}
	}
}
