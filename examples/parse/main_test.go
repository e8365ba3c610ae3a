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
    14 paragraphs, id e736ad6b1ded38e2dc98aa376b062f72
../../testdata/001_9335ce0f20af1e91.txt:43  Yemen's Houthis Fire Missile Toward Northern Israel
    photo (AP Photo/Osamah Abdulrahman)
    9 paragraphs, id d6808b6d685a2ad2e484c304ac75727c
`
	if diff := cmp.Diff(want, out.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if err := outline(&out, "no-such-file.txt"); err == nil {
		t.Error("a missing file gave no error")
	}
}
