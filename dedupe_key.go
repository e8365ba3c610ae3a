package newsdump

// ExactKey returns the key under which [Dedupe] and [Deduper] count two
// articles as exact duplicates: the first 128 bits of the SHA-256 of the
// comparison text (see [Dedupe]). Two articles with the same key are one
// story whatever their signatures say, and an exact duplicate goes where
// the first article with its key went.
//
// A distributed job needs it beside [Signature]: equal comparison texts do
// not imply equal signatures, because which lines are shingled depends on
// how the text is split into paragraphs, and the signature of an article
// without words files it under no band key at all. Grouping by band keys
// alone would then miss exact duplicates that Dedupe joins. It is a pure
// function of the title and paragraphs, and safe for concurrent use.
func ExactKey(a Article) [16]byte {
	st := getTextState()
	defer putTextState(st)
	st.build(&a)
	return st.exactKey()
}
