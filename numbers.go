package newsdump

// Placeholder replaced below.
func (x *extractor) rulesDatesNumbers() {}
