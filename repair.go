package newsdump

// repairMojibake undoes mojibake in s: UTF-8 that was read in a single-byte
// code page and written out again as UTF-8, so that "’" became "â€™"
// (Windows-1252), "вЂ™" (Windows-1251) or "‚Äô" (MacRoman). The work is
// internal/mojibake's: for each run of characters that could be mojibake
// it tries each code page the text could have been read in and keeps the
// repair only when it makes the text clearly more plausible, judged by a
// table of unlikely character sequences, so that correct text whose bytes
// happen to form UTF-8 ("SOCIÉTÉ®", "3×£20") is never changed. C1 controls
// left over are read as the Windows-1252 characters of the same bytes
// (U+0085 is "…"). Repair is idempotent: a repaired line is left as it is
// when repaired again, and a line that would still change after the
// Fixer's bound on passes is left as it came.
//
// The result is s itself when there is nothing to repair, which
// mojibake.Suspect tells at the cost of a table look-up per non-ASCII
// character (the fast path, plainText, asks the same question through
// mojibake.Starts); otherwise it is one of the Fixer's buffers, valid until
// the next call.
func (c *lineCleaner) repairMojibake(s []byte) []byte { return c.repair.Fix(s) }
