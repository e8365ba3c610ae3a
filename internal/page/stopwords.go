package page

// Stopwords are the strongest single cue of running prose: a sentence of
// an article is about 40% function words, a menu item or a headline list
// far fewer (jusText's key feature). The list is small and written by
// hand for the languages news pages most often come in: English first,
// then Portuguese, Spanish, French, German and Italian. Words are
// lowercased and looked up packed into a uint64 (their first eight
// bytes), so a lookup costs a multiply and a probe or two, no allocation.
var stopwordList = []string{
	// English
	"a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
	"be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
	"can", "could", "did", "do", "does", "doing", "down", "during", "each", "even", "ever", "few", "for", "from", "further",
	"had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how",
	"i", "if", "in", "into", "is", "it", "its", "itself", "just", "like", "many", "may", "me", "might", "more", "most", "much", "must", "my", "myself",
	"no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours", "out", "over", "own",
	"said", "same", "says", "she", "should", "since", "so", "some", "still", "such", "than", "that", "the", "their", "theirs", "them",
	"then", "there", "these", "they", "this", "those", "though", "through", "to", "too", "under", "until", "up", "us",
	"very", "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "why", "will", "with", "would",
	"yet", "you", "your", "yours", "s", "t", "don", "didn", "doesn", "isn", "wasn", "won", "ll", "re", "ve", "d", "m",
	// Portuguese
	"o", "os", "as", "um", "uma", "uns", "umas", "de", "do", "da", "dos", "das", "em", "no", "na", "nos", "nas",
	"ao", "aos", "pelo", "pela", "pelos", "pelas", "por", "para", "com", "sem", "que", "se", "não", "mais", "mas",
	"como", "foi", "são", "é", "está", "ser", "ter", "tem", "seu", "sua", "seus", "suas", "ele", "ela", "eles", "elas",
	"também", "já", "muito", "quando", "até", "isso", "este", "esta", "entre", "depois", "sobre", "ou",
	// Spanish
	"el", "la", "los", "las", "un", "una", "del", "al", "en", "con", "por", "para", "es", "y", "lo", "le", "les",
	"su", "sus", "pero", "más", "fue", "ha", "han", "muy", "sin", "sobre", "también", "porque", "está", "son", "este", "esta",
	// French
	"le", "les", "des", "du", "une", "et", "est", "dans", "pour", "pas", "qui", "sur", "au", "aux", "avec", "ce", "cette",
	"il", "elle", "ils", "elles", "nous", "vous", "sont", "été", "être", "avoir", "mais", "ou", "plus", "par", "à", "leur", "ses",
	// German
	"der", "die", "das", "und", "ist", "nicht", "ein", "eine", "einen", "dem", "den", "des", "mit", "sich", "auf", "für",
	"von", "zu", "im", "auch", "es", "sie", "er", "wir", "ich", "wird", "werden", "hat", "haben", "aus", "bei", "nach", "wie", "oder", "aber", "war", "dass",
	// Italian
	"il", "di", "che", "non", "per", "con", "una", "della", "dei", "nel", "alla", "anche", "sono", "gli", "ma", "come", "più", "questo", "ed",
}

// The table is bucketed: 1<<stopBucketBits buckets of two keys, and a
// multiplier, found at init (the 35th tried), that puts no more than two
// stopwords in a bucket. A lookup compares the two keys of one bucket
// without a branch; four keys a bucket in a quarter of the buckets, as
// the table was, took two more loads and compares a token and measured
// 5-8% slower in analyze (16 KB against 8 KB of table).
const stopBucketBits = 10

var (
	stopTable [1 << stopBucketBits][2]uint64
	stopMul   uint64
)

func init() {
	seen := map[uint64]bool{}
	var keys []uint64
	for _, w := range stopwordList {
		if k := packWord(w); !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	for mul := uint64(0x9E3779B97F4A7C15); ; mul += 2 * 0x632BE59BD9B4E019 {
		var fill [1 << stopBucketBits]int
		ok := true
		for _, k := range keys {
			b := (k * mul) >> (64 - stopBucketBits)
			if fill[b] == 2 {
				ok = false
				break
			}
			fill[b]++
		}
		if !ok {
			continue
		}
		stopMul = mul
		stopTable = [1 << stopBucketBits][2]uint64{}
		fill = [1 << stopBucketBits]int{}
		for _, k := range keys {
			b := (k * mul) >> (64 - stopBucketBits)
			stopTable[b][fill[b]] = k
			fill[b]++
		}
		return
	}
}

// packWord packs the first eight bytes of an already lowercased word.
func packWord(w string) uint64 {
	var k uint64
	for i := 0; i < len(w) && i < 8; i++ {
		k |= uint64(w[i]) << (8 * i)
	}
	return k | uint64(min(len(w), 15))<<60
}

// isStopKey reports whether a packed word is a stopword.
func isStopKey(k uint64) bool {
	b := &stopTable[(k*stopMul)>>(64-stopBucketBits)]
	return b2u(b[0] == k)|b2u(b[1] == k) != 0
}

// IsStopword reports whether w, lower-cased, is one of the stopwords the
// line features count (the short function words of English, Portuguese,
// Spanish, French, German and Italian).
func IsStopword(w string) bool {
	if len(w) > 8 {
		return false
	}
	return isStopKey(packWord(w))
}
