package newsdump

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestUnwrap(t *testing.T) {
	noBlank := func(int) bool { return false }
	wrapped := []string{
		"The council voted on Monday to close the old bridge to lorries from",
		"June, after engineers found cracks in two of its five arches during",
		"the spring survey.",
		"Drivers will have to take the ring road, which adds twenty minutes to",
		"the journey from the port, the council said in a statement on its",
		"website late on Monday night.",
	}
	tests := []struct {
		name  string
		lines []string
		blank func(int) bool
		want  []string
	}{
		{"hard-wrapped, paragraphs closed by short lines", wrapped, noBlank, []string{
			strings.Join(wrapped[:3], " "),
			strings.Join(wrapped[3:], " "),
		}},
		{"too few lines to tell", wrapped[:2], noBlank, nil},
		// Wrapped at 60 columns: "“Harbour-Commissioners’" would not
		// have fitted on the 44-character line before it, which is inside
		// the paragraph; the curly quotes make lines longer in bytes than
		// in columns.
		{"a line cut early before a long word, curly quotes", []string{
			"The harbour master said the ferry would sail again on Friday",
			"once divers had checked the hull, and added that the crew",
			"“could not have done more” in the storm. The",
			"“Harbour-Commissioners’ report” is due soon.",
			"Passengers with tickets for the cancelled crossings will be",
			"offered seats on the first sailings or their money back.",
		}, noBlank, []string{
			"The harbour master said the ferry would sail again on Friday once divers had checked the hull, and added that the crew “could not have done more” in the storm. The “Harbour-Commissioners’ report” is due soon.",
			"Passengers with tickets for the cancelled crossings will be offered seats on the first sailings or their money back.",
		}},
		{"one paragraph per line", []string{
			"Stocks rose on Tuesday.",
			"The main index gained 1.2 percent, its best day in a month, as investors bet on lower rates.",
			"Bond yields fell.",
			"Oil was little changed.",
		}, noBlank, nil},
		{"short lines that end sentences", []string{
			"The river rose by two metres overnight in the valley towns.",
			"Schools stayed closed and the trains did not run on the line.",
			"Residents were told to stay on the upper floors of their homes.",
			"The army sent boats and trucks to the worst hit villages today.",
		}, noBlank, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.want
			if want == nil {
				want = tt.lines
			}
			if diff := cmp.Diff(want, unwrap(tt.lines, tt.blank)); diff != "" {
				t.Errorf("unwrap (-want +got):\n%s", diff)
			}
		})
	}
	// A blank line closes a paragraph whose last line reaches the margin.
	lines := append(append([]string{}, wrapped[:2]...), wrapped[3:]...)
	lines = append(lines, wrapped[:2]...)
	got := unwrap(lines, func(k int) bool { return k == 2 || k == 5 })
	want := []string{
		strings.Join(wrapped[:2], " "),
		strings.Join(wrapped[3:], " "),
		strings.Join(wrapped[:2], " "),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("unwrap with blank lines (-want +got):\n%s", diff)
	}
}
