package newsdump

import (
	"math"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/newsdump/newsdump/internal/minhash"
)

// Dedupe returns one copy of each story in articles, in input order, each
// kept article listing where the other copies were in its Duplicates
// (after any Duplicates it already had, each copy followed by the copies it
// already listed, in input order: deduplicating the output of Dedupe again
// changes nothing). The input slice and its articles are not modified; the
// returned articles share their text with the input. Like [NewDeduper], it
// panics with an *[OptionError] when an option is invalid.
//
// Dedupe is [Deduper.Add] over the articles in input order, except that it
// learns which shingles are frequent from all the articles before it
// clusters any (see below), where a Deduper learns them as articles come.
// The result is deterministic: the same articles in the same order give the
// same result. Signatures are computed in parallel (they are pure
// functions of each article and of the counts), clusters are formed
// sequentially.
//
// # What counts as a copy
//
// Two articles are compared by their comparison text: the title and the
// paragraphs (not the captions, not the chrome, which Parse has already
// removed), NFC-normalised, case-folded (golang.org/x/text/cases, so a
// title in capitals matches the same title in title case), with curly
// quotes, primes, dashes and ellipses folded to their ASCII forms and
// every run of white space, including line and paragraph breaks, made one
// space. Two articles with equal comparison texts are exact duplicates.
//
// Other copies are near duplicates: articles whose sets of 3-word shingles
// have a Jaccard similarity at or above the threshold, estimated from
// their signatures ([Signature]). Only the title and prose are shingled:
// lines that look like site boilerplate (navigation, "Related coverage"
// lists of other titles, bylines, credits) are left out, so that different
// stories do not look alike through the chrome of the site that published
// them. A paragraph is prose if, with the lines that continue it (a line
// not ending a sentence is continued by the next if that one starts with a
// lower-case letter or if the first ends with a comma, semicolon or dash),
// it ends a sentence and has at least 6 words, or has at least 25 words.
// An article with fewer than 6 words in its title and prose together has
// all its lines shingled.
// Candidates are found by LSH banding ([SigBands]) and every candidate is
// verified by its estimated similarity before it is accepted.
//
// # Boilerplate learnt from the data
//
// Some boilerplate reads as prose: a newsletter sign-up paragraph, a
// standards or credits line, a footer sentence, tens of words on every page
// of a site. Between two short stories of one site it can carry the
// similarity over the threshold (at a million articles it once merged 152
// stories into one cluster), so shingles frequent across the input are left
// out of the signatures Dedupe and Deduper compare. The rule, exactly, so
// that a distributed job can compute it:
//
//   - A shingle's count is kept in a sketch of 2^24 saturating 8-bit
//     counters, the counter being bits 32 to 55 of the shingle's 64-bit
//     hash (the hash whose top 7 bits choose its bin of the signature and
//     whose low 32 bits are its value): shingles sharing those bits share
//     a count.
//   - Dedupe counts first: each article whose comparison text is the first
//     of its kind in the input (not an exact duplicate of an earlier one)
//     adds one to the counter of each of its shingles (those [Signature]
//     hashes, a shingle twice in one text twice). A shingle is frequent if
//     its counter reaches 64 + floor(4S/2^24) (at most 255), S being the
//     number of shingles counted in all: more than the distinct copies of
//     any one story give, plus four times the mean count a counter gets
//     by chance.
//   - A Deduper counts as it goes: an article that starts a new story adds
//     its shingles after it was compared; its copies add nothing, so that
//     a story counts once and a site's boilerplate is learnt from its first
//     few stories. A shingle is frequent for the next article if its
//     counter has reached 3 + floor(4S/2^24) (at most 255). The first
//     stories of each site are compared with their boilerplate; measured
//     on the generator's long-boilerplate sites at 10,000 articles, that
//     costs precision 0.996 against Dedupe's 0.9997, and nothing
//     measurable at 100,000.
//   - An article's signature for clustering is the one-permutation MinHash
//     ([Sig]) of its shingles that are not frequent; all of them frequent
//     leave it empty, and it is then compared as an exact duplicate only.
//     [Signature] is not affected: it is a pure function of one article.
//
// The counts are sums, independent of the order of the articles, so a
// distributed job can reproduce Dedupe's signatures: count the distinct
// texts' shingles per worker, add the sketches up (saturating at 255),
// and give the sum (16 MiB) to every worker as a side input.
//
// # Clusters, and why they do not chain
//
// The first article of a story is its cluster's representative. A later
// article joins the cluster whose representative it is most similar to (at
// or above the threshold; the earliest cluster among equals) and is
// compared with representatives only, never with other copies. So a chain
// A~B, B~C with A and C unrelated cannot merge A and C: C is a copy of A's
// story only if it is similar to A. An exact duplicate of any article goes
// where that article went. The guard has one limit: an article that mixes
// two stories (a round-up), if it comes first, is the representative both
// stories are compared with, and both may join it.
func Dedupe(articles []Article, opts ...DedupeOption) []Article {
	return dedupeAll(articles, opts).collect(articles)
}

// DedupeClusters returns the stories with copies that [Dedupe] finds in
// articles, with the same options: for each, the copy Dedupe keeps and,
// per other copy, where it is and its estimated similarity to the story's
// representative (the first copy; 1 for an exact copy), in the order of
// [Deduper.Clusters]. Dedupe's Duplicates hold positions only, which is
// what finds a copy again and what the newsdump command prints; this is
// for a caller who also wants to know how close each copy is, without
// building a Deduper that would decide otherwise (a Deduper learns the
// input's boilerplate as it goes; Dedupe counts it first). Copies that an
// article already listed in its Duplicates are not in the clusters: they
// were not compared here. Like Dedupe, it panics with an *[OptionError]
// when an option is invalid.
func DedupeClusters(articles []Article, opts ...DedupeOption) []Cluster {
	return dedupeAll(articles, opts).Clusters()
}

// dedupeAll clusters articles as Dedupe does: the shingles of the whole
// input counted first, then each article inserted in input order.
func dedupeAll(articles []Article, opts []DedupeOption) *Deduper {
	d := NewDeduper(opts...)
	// Chunks bound the memory of prepared signatures.
	buf := make([]prepared, min(len(articles), dedupeChunk))
	if !d.cfg.exactOnly {
		// First pass: the shingles of every distinct text, counted before any
		// article is clustered, so that the first articles of a site are
		// compared without its boilerplate as the last are. The shingles
		// are computed again in the second pass rather than kept.
		seen := make(map[exactKey]struct{})
		for lo := 0; lo < len(articles); lo += dedupeChunk {
			chunk := articles[lo:min(lo+dedupeChunk, len(articles))]
			ps := buf[:len(chunk)]
			prepareAll(chunk, &d.cfg, ps)
			for i := range ps {
				if _, dup := seen[ps[i].key]; !dup {
					seen[ps[i].key] = struct{}{}
					d.counts.Add(ps[i].shingles)
				}
			}
		}
		d.countsFixed = true
	}
	for lo := 0; lo < len(articles); lo += dedupeChunk {
		chunk := articles[lo:min(lo+dedupeChunk, len(articles))]
		ps := buf[:len(chunk)]
		prepareAll(chunk, &d.cfg, ps)
		for i := range chunk {
			d.insert(&ps[i], chunk[i].Source, chunk[i].ID)
		}
	}
	return d
}

// prepared is what Deduper needs of one article, computed without a lock.
type prepared struct {
	key      exactKey
	shingles []uint64 // hashes of the shingles of its prose, not in exact-only mode
	length   int
}

func prepare(a *Article, cfg *dedupeConfig, st *textState, p *prepared) {
	st.build(a)
	p.key = st.exactKey()
	p.shingles = p.shingles[:0]
	if !cfg.exactOnly {
		p.shingles = append(p.shingles, st.shingleHashes()...)
	}
	p.length = len(a.Title)
	for _, s := range a.Paragraphs {
		p.length += len(s)
	}
}

// dedupeChunk is the number of articles Dedupe prepares at a time.
const dedupeChunk = 4096

// minPerWorker is the least number of articles worth a goroutine of their
// own in prepareAll: fewer are prepared faster than a goroutine starts.
const minPerWorker = 256

// prepareAll prepares articles into out on all cores; each worker owns a
// contiguous range, so the result does not depend on scheduling.
func prepareAll(articles []Article, cfg *dedupeConfig, out []prepared) {
	workers := min(runtime.GOMAXPROCS(0), len(articles)/minPerWorker+1)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*len(articles)/workers, (w+1)*len(articles)/workers
		wg.Add(1)
		go func() {
			defer wg.Done()
			st := getTextState()
			defer putTextState(st)
			for i := lo; i < hi; i++ {
				prepare(&articles[i], cfg, st, &out[i])
			}
		}()
	}
	wg.Wait()
}

// Deduper finds duplicates among articles given to it one at a time, for
// services that see articles as they come. It keeps, per story, a compact
// signature and its LSH band entries, and per article seen its Source (for
// [Deduper.Clusters]) and per distinct text a short key; not the articles;
// and the sketch of shingle counts that tells boilerplate from stories (16
// MiB, allocated by the first article compared; see [Dedupe] for the
// rule). Measured at a million articles of 40 sites (internal/dupgen with
// long boilerplate; TestDedupeScale): 263 bytes per article, the sketch
// included.
//
// A Deduper takes up to 2^31-1 articles, more than the memory of any one
// machine would hold its index for.
//
// A Deduper is safe for concurrent use, and concurrent calls to Add build
// their comparison texts and shingles in parallel. Results then depend on
// the order in which the goroutines add their articles; for a
// deterministic result, add articles from one goroutine, or use [Dedupe].
type Deduper struct {
	// Per story, the signature is kept as a sig16 (256 bytes, 16 bits of
	// each value) with SigBands entries of the band index. Add builds the
	// comparison text and hashes its shingles outside mu; the signature,
	// which depends on the shingle counts, and the index are made under
	// it.
	cfg      dedupeConfig
	minEqual int // signature values that must agree: ceil(threshold*SigSize)

	mu     sync.Mutex
	seq    int32                 // articles added so far (hence the limit of 2^31-1)
	exact  map[exactKey]exactHit // every distinct comparison text seen
	counts minhash.ShingleCounts // the shingles of every distinct text seen (or given to Dedupe)
	rare   []uint64              // insert's buffer: the shingles not frequent
	// countsFixed: counts were taken of the whole input before the first
	// article was clustered (Dedupe), and insert does not add to them.
	countsFixed bool
	bands       minhash.BandIndex
	clusters    slab[cluster]
	index       slab[indexEntry] // per cluster, not in exact-only mode
	query       uint32
	verified    int // candidate pairs verified, for the benchmarks
}

// sig16 is a signature as the index keeps it: the low 16 bits of each
// value (b-bit minwise hashing, Li and König 2010). Two different values
// agree by chance with probability 1/65536, which raises an estimated
// similarity by at most 0.00002: a third of the memory of a Sig for no
// measurable change in the result.
type sig16 [SigSize]uint16

func equalValues16(a *minhash.Sig, b *sig16) int {
	n := 0
	for i := range b {
		if uint16(a[i]) == b[i] {
			n++
		}
	}
	return n
}

// indexEntry is what the LSH index keeps per cluster besides its band
// entries.
type indexEntry struct {
	sig   sig16  // of the representative
	stamp uint32 // the query that last verified this cluster
}

// slab is a growing array kept in fixed-size chunks: growing it never
// copies it, and never leaves half of a doubled slice unused.
type slab[T any] struct {
	chunks [][]T
	n      int
}

const slabChunk = 256

func (s *slab[T]) add(v T) int32 {
	if s.n%slabChunk == 0 {
		s.chunks = append(s.chunks, make([]T, 0, slabChunk))
	}
	last := &s.chunks[len(s.chunks)-1]
	*last = append(*last, v)
	s.n++
	return int32(s.n - 1)
}

func (s *slab[T]) at(i int32) *T { return &s.chunks[i/slabChunk][i%slabChunk] }

type exactHit struct {
	cluster int32
	sim     float32 // of that text to the cluster's representative
}

type cluster struct {
	kept      member
	keptID    string
	keptLen   int
	copies    []member
	firstSeen int64 // when the story was first added, Unix nanoseconds (see WithClock)
}

type member struct {
	src Source
	seq int32
	sim float32
}

// thresholdSlack forgives a threshold a rounding error above k/SigSize,
// as float64 arithmetic may leave it, so that it asks for k equal values
// rather than k+1.
const thresholdSlack = 1e-9

// NewDeduper returns an empty Deduper. It panics with an *[OptionError]
// when an option is invalid, as regexp.MustCompile does on a bad pattern:
// options are the program's own values, not input (see "Options" in the
// package documentation).
func NewDeduper(opts ...DedupeOption) *Deduper {
	cfg := newDedupeConfig(opts)
	if cfg.err != nil {
		panic(cfg.err)
	}
	d := &Deduper{cfg: cfg, exact: make(map[exactKey]exactHit)}
	d.minEqual = int(math.Ceil(d.cfg.threshold*SigSize - thresholdSlack))
	if c := d.cfg.counts; c != nil && !d.cfg.exactOnly {
		c.mu.RLock()
		d.counts = c.c // the counters are shared, not copied
		c.mu.RUnlock()
		d.countsFixed = true
	}
	d.cfg.counts = nil // nothing but the counters is needed
	return d
}

// Add records a and says whether it is a copy of a story seen before:
// dupOf is then the Source of the copy kept for that story, and isDup is
// true. Otherwise a is kept: it is the first copy of its story or, with
// [KeepLongest], longer than the copy kept so far, which then becomes a
// duplicate of a (see [Deduper.Clusters] for the final word).
func (d *Deduper) Add(a Article) (dupOf Source, isDup bool) {
	s, isDup := d.AddStory(a)
	if !isDup {
		return Source{}, false
	}
	return s.Source, true
}

// AddStory is [Deduper.Add] that also says which story a belongs to: its
// kept copy's ID and Source and when the story was first seen, for a
// copy of a story kept in an earlier run (see [ReadDeduper]). isDup is
// false when a is kept, and s is then a's own story.
func (d *Deduper) AddStory(a Article) (s Story, isDup bool) {
	st := getTextState()
	p := prepared{shingles: st.prepared} // a pooled buffer rather than a new one
	prepare(&a, &d.cfg, st, &p)
	d.mu.Lock()
	defer d.mu.Unlock()
	c, fresh := d.insert(&p, a.Source, a.ID)
	st.prepared = p.shingles
	putTextState(st)
	cl := d.clusters.at(c)
	s = Story{ID: cl.keptID, Source: cl.kept.src, FirstSeen: time.Unix(0, cl.firstSeen).UTC()}
	// a is kept if its story is new or, with KeepLongest, if it replaced
	// the kept copy.
	return s, !fresh && cl.kept.seq != d.seq-1
}

// maxBucketWalk bounds an LSH bucket: only the first stories filed under a
// band key are kept and compared. Different stories fill a bucket when
// they share the shingles that decide its band: a site's footer written as
// a sentence, a stock phrase. Such buckets would grow with the index and
// make the time and memory per article grow with it; a copy of a story, in
// contrast, shares many bands with its representative (s = 0.5 gives 10 of
// 40 on average), so a full bucket costs practically no recall (measured:
// none on the synthetic benchmark).
const maxBucketWalk = 16

// frequentCount and frequentStories are the counts at which a shingle is
// frequent (see Dedupe), before the allowance for the sketch's chance
// hits: frequentCount of distinct texts when Dedupe counts the whole input
// first, more than the distinct copies of any one story could give (the
// generator's largest stories have 30); frequentStories of stories when a
// Deduper counts as it goes, since only a story's first copy counts and
// a site's boilerplate must be learnt within its first few stories
// (measured on internal/dupgen's long-boilerplate sites, 10,000
// articles: 2 loses recall, 0.967; 4 and 8 let more of each site's first
// stories merge, precision 0.991 and 0.971; 3 scores 0.996 / 0.987).
const (
	frequentCount   = 64
	frequentStories = 3
)

// insert adds one prepared article under d.mu and returns its cluster and
// whether the cluster is new.
func (d *Deduper) insert(p *prepared, src Source, id string) (c int32, fresh bool) {
	seq := d.seq
	d.seq++
	if hit, ok := d.exact[p.key]; ok {
		d.join(hit.cluster, member{src, seq, hit.sim}, id, p.length)
		return hit.cluster, false
	}
	var sig minhash.Sig
	if !d.cfg.exactOnly {
		d.signature(p, &sig)
	}
	empty := d.cfg.exactOnly || sig.Empty()
	var keys [SigBands]uint64
	if !empty {
		minhash.BandKeys(&sig, &keys)
		best, bestEqual := int32(-1), 0
		d.query++
		for _, key := range keys {
			d.bands.Visit(uint32(key), maxBucketWalk, func(c int32) {
				e := d.index.at(c)
				if e.stamp == d.query {
					return
				}
				e.stamp = d.query
				d.verified++
				eq := equalValues16(&sig, &e.sig)
				if eq >= d.minEqual && (eq > bestEqual || eq == bestEqual && c < best) {
					best, bestEqual = c, eq
				}
			})
		}
		if best >= 0 {
			sim := float32(bestEqual) / SigSize
			d.exact[p.key] = exactHit{best, sim}
			d.join(best, member{src, seq, sim}, id, p.length)
			return best, false
		}
	}
	if !d.countsFixed && !d.cfg.exactOnly {
		d.counts.Add(p.shingles) // a new story
	}
	// The ID is copied: it may be a piece of a large buffer (a caller's
	// own article), which the index must not keep alive.
	c = d.clusters.add(cluster{kept: member{src, seq, 1}, keptID: strings.Clone(id), keptLen: p.length, firstSeen: unixNanoClamped(d.cfg.now())})
	d.exact[p.key] = exactHit{c, 1}
	if !d.cfg.exactOnly {
		e := d.index.at(d.index.add(indexEntry{}))
		for i, v := range sig {
			e.sig[i] = uint16(v)
		}
		if !empty {
			for _, key := range keys {
				d.bands.Add(uint32(key), c, maxBucketWalk)
			}
		}
	}
	return c, true
}

// signature computes into sig the signature of a new distinct text p
// without its frequent shingles (see Dedupe).
func (d *Deduper) signature(p *prepared, sig *minhash.Sig) {
	base := frequentStories
	if d.countsFixed {
		base = frequentCount
	}
	d.rare = rareSignature(&d.counts, p.shingles, frequentLimit(base, &d.counts), sig, d.rare[:0])
}

// frequentLimit is the count at which a shingle is frequent in c: base,
// plus four times the mean count of a counter by chance; at most what a
// counter holds, so that boilerplate stays frequent in a sketch crowded
// beyond its size (a few million texts).
func frequentLimit(base int, c *minhash.ShingleCounts) int {
	return min(base+int(4*c.Shingles()>>minhash.CountBits), 255)
}

// rareSignature fills sig with the MinHash of the shingles whose count in
// c is below limit, using buf (returned) for them.
func rareSignature(c *minhash.ShingleCounts, shingles []uint64, limit int, sig *minhash.Sig, buf []uint64) []uint64 {
	buf, dropped := c.Rare(buf, shingles, limit)
	if dropped {
		minhash.Fill(sig, buf)
	} else {
		minhash.Fill(sig, shingles)
	}
	return buf
}

func (d *Deduper) join(c int32, m member, id string, length int) {
	cl := d.clusters.at(c)
	if d.cfg.keep == KeepLongest && length > cl.keptLen {
		cl.copies = append(cl.copies, cl.kept)
		cl.kept, cl.keptID, cl.keptLen = m, strings.Clone(id), length
		return
	}
	cl.copies = append(cl.copies, m)
}

// Cluster is one story with copies: the copy kept and where the others
// were.
type Cluster struct {
	Kept   Source `json:"kept"`
	KeptID string `json:"kept_id"` // the kept article's ID
	Copies []Copy `json:"copies"`  // in the order they were added
}

// Copy is one duplicate in a [Cluster]. Similarity is the estimated
// Jaccard similarity to the cluster's representative, the first copy
// seen, which every copy was compared with: 1 for an exact duplicate of
// it (and for the representative itself when [KeepLongest] kept another
// copy).
type Copy struct {
	Source     Source  `json:"source"`
	Similarity float64 `json:"similarity"`
}

// Clusters returns every story that has at least one duplicate, in the
// order their first copies were added.
func (d *Deduper) Clusters() []Cluster {
	d.mu.Lock()
	defer d.mu.Unlock()
	var out []Cluster
	for i := range int32(d.clusters.n) {
		cl := d.clusters.at(i)
		if len(cl.copies) == 0 {
			continue
		}
		copies := make([]Copy, 0, len(cl.copies))
		for _, m := range sortedBySeq(cl.copies) {
			copies = append(copies, Copy{m.src, float64(m.sim)})
		}
		out = append(out, Cluster{cl.kept.src, cl.keptID, copies})
	}
	return out
}

// sortedBySeq returns ms in the order they were added. Copies are appended
// in order except for a kept copy replaced under KeepLongest, so an
// insertion sort is nearly free.
func sortedBySeq(ms []member) []member {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].seq < ms[j-1].seq; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
	return ms
}

// collect builds Dedupe's result from the clusters of articles, which were
// added in order (seq i is articles[i]).
func (d *Deduper) collect(articles []Article) []Article {
	keptOf := make([]int32, len(articles)) // cluster index+1 of each kept article, else 0
	for c := range int32(d.clusters.n) {
		keptOf[d.clusters.at(c).kept.seq] = c + 1
	}
	var out []Article
	for i := range articles {
		c := keptOf[i]
		if c == 0 {
			continue
		}
		a := articles[i]
		cl := d.clusters.at(c - 1)
		if len(cl.copies) > 0 {
			dups := append([]Source(nil), a.Duplicates...)
			for _, m := range sortedBySeq(cl.copies) {
				dups = append(dups, m.src)
				dups = append(dups, articles[m.seq].Duplicates...)
			}
			a.Duplicates = dups
		}
		out = append(out, a)
	}
	return out
}
