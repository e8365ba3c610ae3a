package newsdump

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// TestFingerprintStable pins the output of the hash: IDs are stored by
// users, so a change to it is a breaking change that must be made on
// purpose (and the golden files regenerated with it).
func TestFingerprintStable(t *testing.T) {
	for _, tc := range []struct {
		a    Article
		want string
	}{
		{Article{}, "43436fd23204db0d363224a1d0678606"},
		{Article{Title: "T", Captions: []Caption{{"c", "AFP"}}, Paragraphs: []string{"a b", "c"}}, "ae4eff0f9cf3f344cd482f5b8718984b"},
		{Article{Title: strings.Repeat("Blinken’s message to Tehran. ", 9)}, "1d9407b122a008c7fed995f5b682b1ed"},
	} {
		if got := articleID(&tc.a); got != tc.want {
			t.Errorf("articleID(%.40q) = %s, want %s", tc.a.Title, got, tc.want)
		}
	}
}

// fp128 is the fingerprint of one string.
func fp128(s string) [2]uint64 {
	f := newFingerprint()
	f.writeString(s)
	hi, lo := f.sum()
	return [2]uint64{hi, lo}
}

// TestFingerprintDistinct hashes inputs that differ as little as inputs can:
// every prefix of a text (the tail reads overlap), every single-bit change
// of texts of many lengths, runs of one character, and numbers written out. No two may share
// either 64-bit half, which a weak lane or tail would give away.
func TestFingerprintDistinct(t *testing.T) {
	text := strings.Repeat("Pro-Iran factions in Iraq dismiss Blinken’s message. ", 8)
	inputs := map[string]bool{}
	for n := 0; n <= len(text); n++ {
		inputs[text[:n]] = true
	}
	for _, n := range []int{1, 3, 4, 7, 8, 9, 15, 16, 17, 31, 32, 33, 47, 48, 64, 100} {
		b := []byte(text[:n])
		for i := range 8 * n {
			b[i/8] ^= 1 << (i % 8)
			inputs[string(b)] = true
			b[i/8] ^= 1 << (i % 8)
		}
	}
	for _, c := range []string{"a", " ", "9", "\x00", "’"} {
		for n := range 200 {
			inputs[strings.Repeat(c, n)] = true
		}
	}
	for i := range 100000 {
		inputs[strconv.Itoa(i)] = true
	}
	lo, hi := map[uint64]string{}, map[uint64]string{}
	for s := range inputs {
		h := fp128(s)
		if prev, ok := lo[h[0]]; ok {
			t.Fatalf("%q and %q share the first half %x", prev, s, h[0])
		}
		if prev, ok := hi[h[1]]; ok {
			t.Fatalf("%q and %q share the second half %x", prev, s, h[1])
		}
		lo[h[0]], hi[h[1]] = s, s
	}
	t.Logf("%d inputs, all distinct", len(inputs))
}

// TestFingerprintAvalanche flips each input bit of random strings of many
// lengths and checks that each of the 128 output bits flips about half the
// time: a bit that mostly stays put (a tail byte that reaches one lane
// only, say) fails.
func TestFingerprintAvalanche(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var flips [128]int
	trials := 0
	for n := 1; n <= 80; n++ {
		for range 20 {
			b := make([]byte, n)
			for i := range b {
				b[i] = byte(rng.IntN(256))
			}
			base := fp128(string(b))
			for i := range 8 * n {
				b[i/8] ^= 1 << (i % 8)
				h := fp128(string(b))
				b[i/8] ^= 1 << (i % 8)
				for k := range 128 {
					if (h[k/64]^base[k/64])>>(k%64)&1 != 0 {
						flips[k]++
					}
				}
				trials++
			}
		}
	}
	total := 0
	for k, f := range flips {
		total += f
		if p := float64(f) / float64(trials); p < 0.48 || p > 0.52 {
			t.Errorf("output bit %d flips with probability %.3f, want about 0.5", k, p)
		}
	}
	t.Logf("%d flips, %.2f output bits change on average", trials, float64(total)/float64(trials))
}

// TestArticleIDStructure gives every way of cutting a few short strings
// into a title, captions and paragraphs a different ID: the counts and
// lengths absorbed with the text keep the parts apart.
func TestArticleIDStructure(t *testing.T) {
	words := []string{"", "a", "b", "ab", "a b", "AFP", "c"}
	seen := map[string]string{}
	add := func(a Article) {
		key := fmt.Sprintf("%q", []any{a.Title, a.Captions, a.Paragraphs})
		id := articleID(&a)
		if prev, ok := seen[id]; ok && prev != key {
			t.Fatalf("%s and %s share the ID %s", prev, key, id)
		}
		seen[id] = key
	}
	for _, title := range words {
		for _, c1 := range words {
			for _, c2 := range words {
				for _, p1 := range words {
					for _, p2 := range words {
						add(Article{Title: title, Paragraphs: []string{c1, c2, p1, p2}})
						add(Article{Title: title, Captions: []Caption{{c1, c2}}, Paragraphs: []string{p1, p2}})
						add(Article{Title: title, Captions: []Caption{{c1, c2}, {p1, p2}}})
						add(Article{Title: title, Captions: []Caption{{c1, c2}}, Paragraphs: []string{p1 + p2}})
						add(Article{Title: title + c1, Paragraphs: []string{c2, p1, p2}})
					}
				}
			}
		}
	}
	t.Logf("%d articles, all with different IDs", len(seen))
}
