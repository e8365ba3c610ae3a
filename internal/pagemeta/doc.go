// Package pagemeta reads a news page's metadata lines (bylines, date
// stamps, photo credits) as an HTML-to-text converter printed them.
//
// Every function here is pure: it looks at one line (or one short span of
// text) and answers whether the line is a byline, a date stamp or a photo
// credit, and if so what it says. Nothing is guessed from outside the
// line, so the caller decides which of several candidate lines of a page
// to believe; [Find] is one such policy (the first byline and the first
// publication stamp near the headline) and the one the dev evaluation in
// cmd/metaeval measures.
//
// The functions run on every line of every page, so each starts with a
// cheap check (line length, a leading capital or digit, a closing
// parenthesis, a year, ...) that rejects most lines without allocating;
// only lines that pass it are parsed, and only matching lines allocate
// their results. Each such check is a necessary condition of the parser's
// acceptance, never a rule of its own: a line it rejects is one the parser
// rejects too, so the checks change the speed and never a result
// (prefilter.go says why for each; the package's tests compare every
// entry point with a copy of it from before the checks were written).
//
// Conventions, chosen once and used everywhere:
//
//   - Names are returned as printed: "By JOHN SMITH" gives "JOHN SMITH".
//     Re-casing would turn "McDONALD" or "DeArdo" into something the page
//     never said, and callers that want title case can apply it.
//   - Dates are ISO 8601 at the precision the text gives: [LayoutDate]
//     ("2006-01-02") for a bare date, [LayoutLocal] ("2006-01-02T15:04:05")
//     for a date and time without a zone, [LayoutZoned] (RFC 3339,
//     "2006-01-02T15:04:05-07:00", UTC printed as "Z") when a zone or
//     offset is printed. Seconds are always written once a time is, so
//     one layout per precision parses every result.
//   - Numeric dates: with slashes they are read month/day/year, the US
//     order, unless the first number exceeds 12 ("27/09/2018" is day
//     first); with dots they are day.month.year ("19.11.2019"), the
//     European order. Relative stamps ("12h ago") are never resolved.
package pagemeta
