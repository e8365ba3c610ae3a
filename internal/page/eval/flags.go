package eval

import (
	"flag"
	"strconv"

	"github.com/newsdump/newsdump/internal/page"
)

// OptionFlags registers flags for the training options on fs.
func OptionFlags(fs *flag.FlagSet, o *page.TrainOptions) {
	fs.UintVar(&o.Bits, "bits", 0, "log2 of the weight vector length (0: default)")
	fs.IntVar(&o.Epochs, "epochs", 0, "SGD epochs (0: default)")
	fs.Float64Var(&o.Rate, "rate", 0, "learning rate (0: default)")
	fs.Float64Var(&o.L2, "l2", 0, "weight decay (0: default)")
	var sw, w float64
	fs.Func("switch", "decoder switching penalty (default 5)", func(s string) error { return parseF32(s, &o.Switch, &sw) })
	fs.Func("weight", "decoder length weighting (default 1)", func(s string) error { return parseF32(s, &o.Weight, &w) })
	fs.IntVar(&o.Bags, "bags", 0, "average this many models fitted to bootstrap samples of the pages (0: default)")
	fs.Int64Var(&o.Seed, "seed", 1, "random seed")
}

func parseF32(s string, dst *float32, tmp *float64) error {
	var err error
	*tmp, err = strconv.ParseFloat(s, 32)
	*dst = float32(*tmp)
	return err
}
