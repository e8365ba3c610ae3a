package main

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersion(t *testing.T) {
	info := &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v1.2.3"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.time", Value: "2026-12-01T12:00:00Z"}, {Key: "vcs.modified", Value: "true"}}}
	if got, want := formatVersion(info), "newsdump v1.2.3 (0123456789ab+dirty 2026-12-01T12:00:00Z) go1.26.0"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	code, out, errOut := runCmd(t, "", "-version")
	if code != 0 || errOut != "" || !strings.HasPrefix(out, "newsdump ") || !strings.Contains(out, " go1.") {
		t.Errorf("-version: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}
