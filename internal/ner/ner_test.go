package ner

import (
	"runtime"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTokenize(t *testing.T) {
	text := "US Secretary Antony Blinken’s visit to the U.S. on Oct. 7 cost $1,200.5 (Brig. Gen. al-Sudani). Don't stop\nNew line"
	var got []string
	var starts []bool
	for _, tk := range Tokenize(text, nil) {
		got = append(got, text[tk.Start:tk.End])
		starts = append(starts, tk.SentStart)
	}
	want := []string{"US", "Secretary", "Antony", "Blinken", "’s", "visit", "to", "the", "U.S.", "on", "Oct.", "7",
		"cost", "$", "1,200.5", "(", "Brig.", "Gen.", "al", "-", "Sudani", ")", ".", "Don", "'t", "stop", "New", "line"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("(-want +got):\n%s", diff)
	}
	for i, w := range got {
		wantStart := i == 0 || w == "Don" || w == "New"
		if starts[i] != wantStart {
			t.Errorf("token %d %q: SentStart %v", i, w, starts[i])
		}
	}
}

func TestGazetteer(t *testing.T) {
	g := NewGazetteer("C\tUnited States\nY\tNew York City\nF\tAntony\n")
	var d Doc
	d.Reset("in the United States and New York City, Antony said", g)
	want := map[string][2]uint32{
		"United": {GCountry, 0}, "States": {0, GCountry},
		"New": {GCity, 0}, "York": {0, GCity}, "City": {0, GCity}, "Antony": {GFirst, 0},
	}
	for i, tk := range d.Toks {
		w := d.Text[tk.Start:tk.End]
		if got := [2]uint32{d.GazB[i] &^ GCommon, d.GazI[i] &^ GCommon}; got != want[w] {
			t.Errorf("%q: got %v, want %v", w, got, want[w])
		}
	}
}

// Word looks up one lower-cased word, not a prefix of a longer entry.
func TestGazetteerWord(t *testing.T) {
	g := NewGazetteer("C\tSaudi\nC\tSaudi Arabia\nD\tSaudi\nD\tSaudis\n")
	for _, tt := range []struct {
		word string
		want uint32
	}{{"saudi", GCountry | GDemonym}, {"saudis", GDemonym}, {"arabia", 0}, {"Saudi", 0}} {
		if got := g.Word([]byte(tt.word)) &^ GCommon; got != tt.want {
			t.Errorf("Word(%q) = %b, want %b", tt.word, got, tt.want)
		}
	}
}

// AddClusters reads the lines cmd/nerclusters writes, skips the lines it
// cannot read, and Reset gives each token its word's cluster (0 for a
// word in no cluster), whatever its case.
func TestClusters(t *testing.T) {
	g := NewGazetteer("")
	g.AddClusters("3\t1\tmonday tuesday\n7\t1\tsaid told\nbad line\nx\t2\twords\n9\t-1\tneg\n")
	var d Doc
	d.Reset("Monday she said NEG words, TUESDAY", g)
	var got []uint32
	for i := range d.Toks {
		got = append(got, d.Clus[i])
	}
	want := []uint32{4<<16 | 2, 0, 8<<16 | 2, 0, 0, 0, 4<<16 | 2}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("clusters of Monday she said NEG words , TUESDAY (-want +got):\n%s", diff)
	}
}

// The embedded clusters group words of a kind: the weekdays, two cities
// at the coarse grain, firms; a made-up word has none.
func TestDefaultClusters(t *testing.T) {
	g := DefaultGazetteer()
	c := func(w string) uint32 { return g.Cluster(hashBytes([]byte(w))) }
	if c("monday") == 0 || c("monday") != c("tuesday") {
		t.Errorf("monday %x, tuesday %x: want one fine cluster", c("monday"), c("tuesday"))
	}
	if c("microsoft") == 0 || c("microsoft")>>16 != c("google")>>16 {
		t.Errorf("microsoft %x, google %x: want one fine cluster", c("microsoft"), c("google"))
	}
	if c("smith")>>16 != c("johnson")>>16 || c("smith")>>16 == c("london")>>16 {
		t.Errorf("smith %x, johnson %x, london %x: want the surnames together, apart from the city", c("smith"), c("johnson"), c("london"))
	}
	if c("qzxvbnm") != 0 {
		t.Errorf("a made-up word has cluster %x", c("qzxvbnm"))
	}
}

// The embedded model decodes, and tagging allocates nothing once the
// scratch space has grown.
func TestTagAllocations(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	var d Doc
	var s Scratch
	labels := make([]uint8, 64)
	text := "Iraqi Prime Minister Mohammed Shia al-Sudani headed to Iran on Tuesday."
	allocs := testing.AllocsPerRun(20, func() {
		d.Reset(text, m.Gaz)
		m.Tag(&d, labels[:len(d.Toks)], &s)
	})
	if allocs != 0 {
		t.Errorf("%v allocations per tagged text, want 0", allocs)
	}
}

// BenchmarkLoadModel measures decoding the embedded weights and building
// the gazetteer, what the first ExtractEntities call pays once, and
// reports the heap the loaded model keeps (model-MB).
func BenchmarkLoadModel(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(modelData) + len(gazetteerData) + len(clusterData)))
	var m *Model
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for i := 0; i < b.N; i++ {
		var err error
		m, err = Decode(modelData, embeddedGazetteer())
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "model-MB")
	runtime.KeepAlive(m)
}
