package main

import (
	"bytes"
	"io"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"
)

// BenchmarkServer sends b.N requests, each the sample dump, from parallel
// clients (4 per core) to a server on the loopback interface, and
// reports requests per second and the 99th percentile of the latency,
// from the request sent to the last byte of the response read. The
// number of requests is bounded by -benchtime (as 500x, say).
//
//	go test -run '^$' -bench Server -benchtime 500x ./examples/server
func BenchmarkServer(b *testing.B) {
	data := readSample(b)
	for _, bc := range []struct{ name, query string }{
		{"plain", ""},
		{"entities", "?entities=true"},
		{"dedupe", "?dedupe=true"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			ts := startServer(b, Limits{MaxBytes: 1 << 20, Timeout: time.Minute, MaxConcurrent: 64})
			client := ts.Client()
			client.Transport.(*http.Transport).MaxIdleConnsPerHost = 64
			var mu sync.Mutex
			var lat []time.Duration
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			b.SetParallelism(4)
			b.ResetTimer()
			start := time.Now()
			b.RunParallel(func(pb *testing.PB) {
				var mine []time.Duration
				for pb.Next() {
					t0 := time.Now()
					resp, err := client.Post(ts.URL+"/parse"+bc.query, "text/plain", bytes.NewReader(data))
					if err != nil {
						b.Error(err)
						return
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != http.StatusOK {
						b.Errorf("status %d", resp.StatusCode)
						return
					}
					mine = append(mine, time.Since(t0))
				}
				mu.Lock()
				lat = append(lat, mine...)
				mu.Unlock()
			})
			elapsed := time.Since(start)
			b.StopTimer()
			if len(lat) == 0 {
				return
			}
			slices.Sort(lat)
			b.ReportMetric(float64(len(lat))/elapsed.Seconds(), "req/s")
			b.ReportMetric(float64(lat[(len(lat)*99)/100].Microseconds())/1000, "p99-ms")
		})
	}
}
