package ner

import (
	_ "embed"
	"sync"
)

// The embedded data is rebuilt from ../shared/ner (beside the repository)
// by "go generate ./internal/ner", in this order: the tagger's features
// depend on the gazetteer.
//
//go:generate go run ./cmd/nergaz -in ../../../shared/ner/gazetteers -lists cmd/nergaz/lists -train ../../../shared/ner/train -out data/gazetteer.txt
//go:generate go run ./cmd/nertrain -data ../../../shared/ner -out data/model.bin

// gazetteerData is built by cmd/nergaz from the lists named in
// data/NOTICE.
//
//go:embed data/gazetteer.txt
var gazetteerData string

// clusterData is written by cmd/nerclusters from GloVe's vectors, which
// are not in ../shared: its doc says how to fetch them (npm) and the
// command to run, before nertrain. The clusters are features of the
// tagger, so a new clusters file needs a new model.
//
//go:embed data/clusters.txt
var clusterData string

// modelData is written by cmd/nertrain; see data/NOTICE for the corpora
// and the licence of the weights.
//
//go:embed data/model.bin
var modelData []byte

// DefaultGazetteer is the embedded gazetteer, built on first use.
var DefaultGazetteer = sync.OnceValue(embeddedGazetteer)

// embeddedGazetteer builds the gazetteer and its word clusters from the
// embedded data.
func embeddedGazetteer() *Gazetteer {
	g := NewGazetteer(gazetteerData)
	g.AddClusters(clusterData)
	return g
}

// DefaultModel is the embedded tagger, decoded on first use. It is nil
// (and the error says why) only if the embedded weights are missing or
// damaged, which the tests rule out.
var DefaultModel = sync.OnceValues(func() (*Model, error) {
	return Decode(modelData, DefaultGazetteer())
})
