package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestIsWord(t *testing.T) {
	for w, want := range map[string]bool{
		"london": true, "co-founder": true, "o'brien": true, "u.s.": false, "u.s": true,
		"1990": false, ",": false, "-": false, "-ish": false, "é": true,
	} {
		if got := isWord(w); got != want {
			t.Errorf("isWord(%q) = %v, want %v", w, got, want)
		}
	}
}

// kmeans finds two groups of unit vectors that point two ways, and gives
// the same answer for the same seed.
func TestKmeans(t *testing.T) {
	vs := [][]float32{{1, 0}, {0.99, 0.141}, {0.98, -0.199}, {0, 1}, {0.141, 0.99}, {-0.199, 0.98}}
	a := kmeans(vs, 2, 10, 1)
	if a[0] != a[1] || a[0] != a[2] || a[3] != a[4] || a[3] != a[5] || a[0] == a[3] {
		t.Fatalf("clusters %v: want the first three apart from the last three", a)
	}
	if diff := cmp.Diff(a, kmeans(vs, 2, 10, 1)); diff != "" {
		t.Errorf("a second run differs (-first +second):\n%s", diff)
	}
}

// write puts each fine cluster on a line with its coarse cluster and its
// words in order, and leaves no temporary file.
func TestWrite(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "clusters.txt")
	if err := write(out, []string{"b", "a", "c"}, []int{1, 1, 0}, []int{0, 1}, 3); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff("0\t0\tc\n1\t1\ta b\n", string(data)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Errorf("files left: %s", strings.Join(names, ", "))
	}
}
