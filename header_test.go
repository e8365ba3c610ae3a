package newsdump

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCutCredit(t *testing.T) {
	tests := []struct {
		line string
		want Caption
	}{
		{"Raisi (R) and al-Sudani meet in Tehran. (Photo by Iranian Presidency / AFP)",
			Caption{"Raisi (R) and al-Sudani meet in Tehran.", "Photo by Iranian Presidency / AFP"}},
		{"Smoke rises over Gaza. (AFP)", Caption{"Smoke rises over Gaza.", "AFP"}},
		{"Houthi supporters rally in Sanaa. (AP Photo/Osamah Abdulrahman)", Caption{"Houthi supporters rally in Sanaa.", "AP Photo/Osamah Abdulrahman"}},
		{"(AFP)", Caption{"", "AFP"}},
		{"()", Caption{"()", ""}},
		{"Smoke rises. ( )", Caption{"Smoke rises. ( )", ""}},
		{"A caption with no credit.", Caption{"A caption with no credit.", ""}},
		{"Unbalanced credit AFP)", Caption{"Unbalanced credit AFP)", ""}},
		{"Nested (credit (AFP))", Caption{"Nested", "credit (AFP)"}},
		{"Spaces inside ( Reuters )", Caption{"Spaces inside", "Reuters"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, splitCaption(tt.line)); diff != "" {
			t.Errorf("splitCaption(%q) (-want +got):\n%s", tt.line, diff)
		}
	}
}
