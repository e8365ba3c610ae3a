package newsdump

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSignature(t *testing.T) {
	a := art("a", 1, "Bridge Closed", storyA...)
	if s := Signature(a); s.Similarity(s) != 1 || s != Signature(a) {
		t.Error("a signature is not equal and similar to itself")
	}
	moved := a
	moved.Source, moved.ID, moved.Captions = Source{File: "z"}, "x", []Caption{{Text: "c"}}
	if Signature(a) != Signature(moved) {
		t.Error("the signature depends on more than title and paragraphs")
	}
	empty := art("e", 1, "", "…", "— –")
	if s := Signature(empty); s.Similarity(s) != 0 {
		t.Error("an article without words is similar to itself")
	}
	// Two wordless articles are not near duplicates, and exact ones only
	// if their texts are equal.
	if got := Dedupe([]Article{empty, art("f", 1, "", "...")}); len(got) != 2 {
		t.Errorf("wordless articles: %d kept, want 2", len(got))
	}
	short := art("s", 1, "Hi")
	if s := Signature(short); s.Similarity(s) != 1 {
		t.Error("a one-word article has no signature")
	}
	ka, kb := Signature(a).BandKeys(), Signature(art("b", 1, "Museum", storyB...)).BandKeys()
	for i := range ka {
		if ka[i] == kb[i] {
			t.Errorf("band %d: unrelated articles share a key", i)
		}
	}
	if a2 := Signature(a).BandKeys(); a2 != ka {
		t.Error("band keys differ between calls")
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
	for _, d := range []string{"testdata/000_9e4be9335a49f043.txt", "testdata/001_9335ce0f20af1e91.txt"} {
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
