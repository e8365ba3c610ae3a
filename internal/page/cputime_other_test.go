//go:build !unix

package page_test

import "time"

func cpuTime() time.Duration { return 0 }
