//go:build !unix

package newsdump

import "time"

func cpuTime() (time.Duration, bool) { return 0, false }
