package main

import (
	"strings"
	"testing"
)

func TestRunUsage(t *testing.T) {
	for _, args := range [][]string{{"-max-bytes", "0"}, {"-timeout", "-1s"}, {"-max-concurrent", "0"}, {"-shutdown-timeout", "0"}, {"-nope"}, {"extra"}} {
		var out strings.Builder
		if got := run(args, &out); got != 2 {
			t.Errorf("run(%q) = %d, want 2 (%s)", args, got, out.String())
		}
	}
}
