package newsdump_test

import (
	"fmt"

	"github.com/newsdump/newsdump"
)

func ExampleSentences() {
	text := "Late Tuesday, Houthi military spokesman Brig. Gen. Yahya Saree said the militias shot down a drone. " +
		"Strikes have hit U.S. bases at least 40 times since Oct. 17. The U.S. military said it was “most likely intercepted.”"
	for _, s := range newsdump.Sentences(text) {
		fmt.Printf("%d-%d %s\n", s.Start, s.End, text[s.Start:s.End])
	}
	// Output:
	// 0-99 Late Tuesday, Houthi military spokesman Brig. Gen. Yahya Saree said the militias shot down a drone.
	// 100-160 Strikes have hit U.S. bases at least 40 times since Oct. 17.
	// 161-221 The U.S. military said it was “most likely intercepted.”
}

func ExampleArticle_Sentences() {
	a := newsdump.Article{Paragraphs: []string{
		"Sirens sounded in Haifa. The military said the missile was intercepted.",
		"Those in the area could hear booms.",
	}}
	for i, spans := range a.Sentences() {
		for _, s := range spans {
			fmt.Printf("paragraph %d, bytes %d-%d: %s\n", i, s.Start, s.End, a.Paragraphs[i][s.Start:s.End])
		}
	}
	// Output:
	// paragraph 0, bytes 0-24: Sirens sounded in Haifa.
	// paragraph 0, bytes 25-71: The military said the missile was intercepted.
	// paragraph 1, bytes 0-35: Those in the area could hear booms.
}
