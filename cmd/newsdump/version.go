package main

import (
	"runtime/debug"
	"strings"
)

// versionLine is what -version prints: the module version the binary was
// built from ("(devel)" for a build of a checkout, v1.2.3 for one by go
// install …@v1.2.3), the commit and its time when the build recorded them
// (with "+dirty" when the checkout had changes), and the Go version.
func versionLine() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "newsdump (no build information)"
	}
	return formatVersion(info)
}

func formatVersion(info *debug.BuildInfo) string {
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, when, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	parts := []string{"newsdump", v}
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		vcs := rev + dirty
		if when != "" {
			vcs += " " + when
		}
		parts = append(parts, "("+vcs+")")
	}
	return strings.Join(append(parts, info.GoVersion), " ")
}
