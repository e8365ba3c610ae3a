package page

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"math"
	"sync"
)

// Model holds the weights Extract uses: a logistic regression scoring
// lines as body, a softmax scoring headline candidates, and the decoder's
// switching penalty.
type Model struct {
	Bits   uint      // log2 of the weight vectors' length
	Pre    []float32 // first-pass body model, without headline features
	Body   []float32 // body-line logistic regression
	Title  []float32 // headline candidate scores
	Switch float32   // Viterbi penalty for entering or leaving the body
	Weight float32   // how much longer lines weigh in the decode
}

//go:embed data/model.bin
var modelBin []byte

var (
	defOnce  sync.Once
	defModel *Model
	defTabs  *fastTabs // defModel's weight tables
)

func defaultModel() *Model {
	defOnce.Do(func() {
		m := new(Model)
		if err := m.UnmarshalBinary(modelBin); err != nil {
			// A missing or corrupt model is a build error; fall back to
			// an empty one (every weight zero) so Extract still works.
			m = &Model{Bits: 4, Pre: make([]float32, 16), Body: make([]float32, 16), Title: make([]float32, 16), Switch: 2}
		}
		defModel = m
		defTabs = newFastTabs(m)
	})
	return defModel
}

// tabs returns the weight tables of m if it is the embedded model (which
// no caller can modify), nil otherwise.
func (m *Model) tabs() *fastTabs {
	if m == defModel {
		return defTabs
	}
	return nil
}

const modelMagic = "NDPAGE02"

// MarshalBinary encodes the model: magic, bits, switch, weight, then the
// three weight vectors (Pre, Body, Title) as little-endian float32.
func (m *Model) MarshalBinary() ([]byte, error) {
	n := 1 << m.Bits
	b := make([]byte, 0, len(modelMagic)+12+12*n)
	b = append(b, modelMagic...)
	b = binary.LittleEndian.AppendUint32(b, uint32(m.Bits))
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(m.Switch))
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(m.Weight))
	for _, w := range m.Pre {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(w))
	}
	for _, w := range m.Body {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(w))
	}
	for _, w := range m.Title {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(w))
	}
	return b, nil
}

// UnmarshalBinary decodes what MarshalBinary wrote.
func (m *Model) UnmarshalBinary(b []byte) error {
	if len(b) < len(modelMagic)+12 || string(b[:len(modelMagic)]) != modelMagic {
		return errors.New("page: not a model file")
	}
	b = b[len(modelMagic):]
	bits := binary.LittleEndian.Uint32(b)
	if bits < 1 || bits > 24 {
		return errors.New("page: bad model size")
	}
	n := 1 << bits
	if len(b) != 12+12*n {
		return errors.New("page: truncated model")
	}
	m.Bits = uint(bits)
	m.Switch = math.Float32frombits(binary.LittleEndian.Uint32(b[4:]))
	m.Weight = math.Float32frombits(binary.LittleEndian.Uint32(b[8:]))
	b = b[12:]
	m.Pre = make([]float32, n)
	for i := range m.Pre {
		m.Pre[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
	}
	b = b[4*n:]
	m.Body = make([]float32, n)
	m.Title = make([]float32, n)
	for i := range m.Body {
		m.Body[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
	}
	b = b[4*n:]
	for i := range m.Title {
		m.Title[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return nil
}

func dot(w []float32, fs []uint32) float32 {
	var s float32
	for _, f := range fs {
		s += w[f]
	}
	return s
}

func sigmoid(x float32) float32 {
	return float32(1 / (1 + math.Exp(-float64(x))))
}
