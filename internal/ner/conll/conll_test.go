package conll

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDetokenize(t *testing.T) {
	toks := []string{"“", "Blinken", "'s", "visit", ",", "he", "said", "(", "AFP", ")", "cost", "$", "5", "%", "-", "ish", "n't", "."}
	offs, text := Detokenize(toks)
	want := "“Blinken's visit, he said (AFP) cost $5%-ishn't."
	if text != want {
		t.Fatalf("got %q, want %q", text, want)
	}
	for i, o := range offs {
		if text[o[0]:o[1]] != toks[i] {
			t.Errorf("token %d: offsets %v give %q, want %q", i, o, text[o[0]:o[1]], toks[i])
		}
	}
}

// The three layouts, IOB1 and IOB2, comments, B-O and the # text line.
func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"uner.iob2": "# sent_id = 1\n# text = Al-Zaman: Kori Schulman wrote.\n1\tAl\tB-ORG\t-\tx\n2\t-\tI-ORG\t-\tx\n3\tZaman\tI-ORG\t-\tx\n4\t:\tO\n5\tKori\tB-PER\t-\tx\n6\tSchulman\tI-PER\n7\twrote\tO\n8\t.\tB-O\n\n",
		"gum.iob2":  "# newdoc id = x\nNASA\tNNP\tB-ORG\nin\tIN\tO\nNew\tNNP\tB-LOC\nYork\tNNP\tI-LOC\n\nthe\tDT\tO\nUnited\tNNP\tO\nStates\tNNPS\tO\nand\tCC\tO\nthe\tDT\tO\nOlympic\tNNP\tB-ORG\nGames\tNNPS\tI-ORG\nor\tCC\tO\nwords\tNNPS\tO\nof\tIN\tO\nJohn\tNNP\tO\n\n",
		"wiki.txt":  "-DOCSTART- O\n\nJapanese I-MISC\nband I-ORG\nThe I-ORG\nMad I-ORG\nin O\nParis I-LOC\nLondon B-LOC\n",
	}
	want := map[string][]Sentence{
		"uner.iob2": {{Text: "Al-Zaman: Kori Schulman wrote.", Spans: []Span{{0, 8, "ORG"}, {10, 23, "PER"}}}},
		"gum.iob2": {
			{Text: "NASA in New York", Spans: []Span{{0, 4, "ORG"}, {8, 16, "LOC"}}},
			// A plural proper noun ends an unlabelled name; a lower-case
			// one (a tagging slip) and a singular one alone do not.
			{Text: "the United States and the Olympic Games or words of John", Spans: []Span{{26, 39, "ORG"}}, Unlabelled: []Span{{4, 17, ""}}},
		},
		"wiki.txt": {{Text: "Japanese band The Mad in Paris London", Spans: []Span{{0, 8, "MISC"}, {9, 21, "ORG"}, {25, 30, "LOC"}, {31, 37, "LOC"}}}},
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want[name], got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", name, diff)
		}
	}
}

func TestScore(t *testing.T) {
	sents := []Sentence{{Text: "Kori Schulman in Paris", Spans: []Span{{0, 13, "PER"}, {17, 22, "LOC"}}}}
	r := Score(sents, func(string) []Span {
		return []Span{{0, 4, "PER"}, {17, 22, "LOC"}, {17, 22, "MISC"}}
	})
	want := map[string]Counts{"PER": {TP: 0, FP: 1, FN: 1}, "LOC": {TP: 1}}
	if diff := cmp.Diff(want, r.ByType); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if got := r.ByType["LOC"].F1(); got != 100 {
		t.Errorf("LOC F1 %v, want 100", got)
	}
}
