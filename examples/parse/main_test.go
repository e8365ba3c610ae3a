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
    14 paragraphs, id c6fb31258b7f2379b113181f62e728c2
../../testdata/001_9335ce0f20af1e91.txt:43  Yemen's Houthis Fire Missile Toward Northern Israel
    photo (AP Photo/Osamah Abdulrahman)
    9 paragraphs, id b8f593b2940fceb6c67532eeb943724d
`
	if diff := cmp.Diff(want, out.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if err := outline(&out, "no-such-file.txt"); err == nil {
		t.Error("a missing file gave no error")
	}
}
