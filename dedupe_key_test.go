package newsdump

import (
	"fmt"
	"testing"
)

func TestExactKey(t *testing.T) {
	// The same comparison text split into paragraphs differently: the
	// short first line is part of a sentence in one and a line of its own
	// (not prose, so not shingled) in the other, so the signatures differ.
	joined := art("a", 1, "Bridge Closed", "Short line here and the council voted on Tuesday to close the old river bridge.")
	split := art("b", 1, "BRIDGE CLOSED", "Short line here", "And the council voted on Tuesday to close the old river bridge.")
	if ExactKey(joined) != ExactKey(split) {
		t.Fatal("equal comparison texts have different exact keys")
	}
	if Signature(joined) == Signature(split) {
		t.Fatal("the test needs two articles whose signatures differ")
	}
	if got := Dedupe([]Article{joined, split}); len(got) != 1 {
		t.Errorf("Dedupe kept %d of two exact duplicates, want 1", len(got))
	}
	if ExactKey(joined) == ExactKey(art("c", 1, "Bridge Closed", "Short line here.")) {
		t.Error("different texts have the same exact key")
	}
	moved := joined
	moved.ID, moved.Source, moved.Captions = "x", Source{File: "z"}, []Caption{{Text: "c"}}
	if ExactKey(moved) != ExactKey(joined) {
		t.Error("the exact key depends on more than title and paragraphs")
	}
	// Wordless articles have no band keys; only the exact key joins them.
	e1, e2 := art("e", 1, "", "…"), art("f", 1, "", "...")
	if ExactKey(e1) != ExactKey(e2) {
		t.Error("an ellipsis and three dots have different exact keys")
	}
}

// A distributed job groups articles by exact key as well as by band key:
// these two are one story, but their signatures differ.
func ExampleExactKey() {
	a := Article{Title: "Bridge Closed", Paragraphs: []string{"Short line here and the council voted on Tuesday to close the old river bridge."}}
	b := Article{Title: "BRIDGE CLOSED", Paragraphs: []string{"Short line here", "And the council voted on Tuesday to close the old river bridge."}}
	fmt.Println(ExactKey(a) == ExactKey(b), Signature(a) == Signature(b))
	// Output: true false
}
