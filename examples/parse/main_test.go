package main

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestOutline(t *testing.T) {
	var out strings.Builder
	if err := outline(&out, "../../testdata/001_9335ce0f20af1e91.txt"); err != nil {
		t.Fatal(err)
	}
	want := `../../testdata/001_9335ce0f20af1e91.txt:1  Pro-Iran Factions in Iraq Dismiss Blinken’s Message to Tehran
    photo (Photo by Iranian Presidency / AFP)
    14 paragraphs, id 172d65142c5562e074c6231927a9fa81
../../testdata/001_9335ce0f20af1e91.txt:43  Yemen's Houthis Fire Missile Toward Northern Israel
    photo (AP Photo/Osamah Abdulrahman)
    9 paragraphs, id 269472d572498984fae5f4a22293e1b8
`
	if diff := cmp.Diff(want, out.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if err := outline(&out, "no-such-file.txt"); err == nil {
		t.Error("a missing file gave no error")
	}
}
