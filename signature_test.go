package newsdump

import (
	"testing"
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
