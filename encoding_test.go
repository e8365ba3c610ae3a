package newsdump

import (
	"bytes"
	"compress/gzip"
	"errors"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// An encodingVariant is a way crawls damage a dump: it returns the damaged bytes and
// the encoding detection should report, or ok=false when the dump cannot be
// damaged that way (text Windows-1252 cannot encode, say).
type encodingVariant struct {
	name string
	make func(clean []byte) (damaged []byte, enc string, ok bool)
}

var encodingVariants = []encodingVariant{
	{"CRLF", func(b []byte) ([]byte, string, bool) {
		return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")), "UTF-8", true
	}},
	{"CR", func(b []byte) ([]byte, string, bool) {
		return bytes.ReplaceAll(b, []byte("\n"), []byte("\r")), "UTF-8", true
	}},
	{"UTF-8 BOM", func(b []byte) ([]byte, string, bool) {
		return append([]byte("\uFEFF"), b...), "UTF-8", true
	}},
	{"UTF-16LE BOM", func(b []byte) ([]byte, string, bool) {
		return encodeWith(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), b), "UTF-16LE", true
	}},
	{"UTF-16BE BOM", func(b []byte) ([]byte, string, bool) {
		return encodeWith(unicode.UTF16(unicode.BigEndian, unicode.UseBOM), b), "UTF-16BE", true
	}},
	{"UTF-16LE CRLF BOM", func(b []byte) ([]byte, string, bool) {
		b = bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))
		return encodeWith(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), b), "UTF-16LE", true
	}},
	// Without a mark, UTF-16 is plain only from its NULs: text that is
	// mostly ASCII.
	{"UTF-16LE", func(b []byte) ([]byte, string, bool) {
		return encodeWith(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), b), "UTF-16LE", mostlyASCII(b)
	}},
	{"UTF-16BE", func(b []byte) ([]byte, string, bool) {
		return encodeWith(unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), b), "UTF-16BE", mostlyASCII(b)
	}},
	{"Windows-1252", func(b []byte) ([]byte, string, bool) {
		out, err := charmap.Windows1252.NewEncoder().Bytes(b)
		return out, windows1252Name(b), err == nil
	}},
	{"Windows-1252 CRLF", func(b []byte) ([]byte, string, bool) {
		out, err := charmap.Windows1252.NewEncoder().Bytes(bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")))
		return out, windows1252Name(b), err == nil
	}},
	{"ISO-8859-1", func(b []byte) ([]byte, string, bool) {
		out, err := charmap.ISO8859_1.NewEncoder().Bytes(b)
		return out, windows1252Name(b), err == nil
	}},
	{"double-encoded", func(b []byte) ([]byte, string, bool) {
		return doubleEncode(b), "UTF-8", true
	}},
	{"double-encoded twice", func(b []byte) ([]byte, string, bool) {
		return doubleEncode(doubleEncode(b)), "UTF-8", true
	}},
	{"double-encoded every other line", func(b []byte) ([]byte, string, bool) {
		lines := bytes.Split(b, []byte("\n"))
		for i := 1; i < len(lines); i += 2 {
			lines[i] = doubleEncode(lines[i])
		}
		return bytes.Join(lines, []byte("\n")), "UTF-8", true
	}},
	{"Windows-1252 lines in UTF-8", func(b []byte) ([]byte, string, bool) {
		lines := bytes.Split(b, []byte("\n"))
		for i := 1; i < len(lines); i += 2 {
			l, err := charmap.Windows1252.NewEncoder().Bytes(lines[i])
			if err != nil {
				return nil, "", false
			}
			lines[i] = l
		}
		return bytes.Join(lines, []byte("\n")), "", true
	}},
	{"white space and invisible characters", func(b []byte) ([]byte, string, bool) {
		if layoutOf(b) == LayoutPage {
			// In page text the white space that starts a line is
			// indentation, which the page rules read as structure: it is
			// written with other characters (no-break spaces, tabs), not
			// with more or fewer of them.
			return damageSpacesKeepIndent(b), "UTF-8", true
		}
		return damageSpaces(b), "UTF-8", true
	}},
	{"NFD", func(b []byte) ([]byte, string, bool) {
		return norm.NFD.Bytes(b), "UTF-8", true
	}},
}

func encodeWith(enc encoding.Encoding, b []byte) []byte {
	out, err := enc.NewEncoder().Bytes(b)
	if err != nil {
		panic(err) // UTF-16 encodes every valid UTF-8 text
	}
	return out
}

// windows1252Name is the encoding detection reports for b encoded in a
// single-byte code page: pure ASCII is valid UTF-8.
func windows1252Name(b []byte) string {
	if isASCII(b) {
		return "UTF-8"
	}
	return "windows-1252"
}

func mostlyASCII(b []byte) bool {
	n := 0
	for _, c := range b {
		if c < utf8.RuneSelf {
			n++
		}
	}
	return n*10 >= len(b)*9
}

// doubleEncode reads the UTF-8 bytes of b as Windows-1252 and writes the
// result as UTF-8, the way a mis-configured crawler does. The five bytes
// Windows-1252 leaves undefined become the C1 controls of the same value.
func doubleEncode(b []byte) []byte {
	var out []byte
	for _, c := range b {
		r := charmap.Windows1252.DecodeByte(c)
		if r == utf8.RuneError {
			r = rune(c)
		}
		out = utf8.AppendRune(out, r)
	}
	return out
}

// damageSpacesKeepIndent is damageSpaces for page text: each leading
// space of a line becomes another one-character space, and the rest of
// the line is damaged as damageSpaces damages it.
func damageSpacesKeepIndent(b []byte) []byte {
	indents := []string{"\u00A0", " ", "\t", "\u2009"}
	var out []byte
	for n, line := range bytes.Split(b, []byte("\n")) {
		if n > 0 {
			out = append(out, '\n')
		}
		rest := bytes.TrimLeft(line, " ")
		for k := range len(line) - len(rest) {
			out = append(out, indents[(n+k)%len(indents)]...)
		}
		out = append(out, damageSpaces(rest)...)
	}
	return out
}

// damageSpaces does to each line what web pages do to white space: no-break
// and narrow no-break spaces, tabs and runs of spaces between words;
// zero-width spaces, joiners, soft hyphens and C0 controls inside words;
// white space and invisible characters at both ends.
func damageSpaces(b []byte) []byte {
	spaces := []string{"\u00A0", "\u202F", "\t", "   ", " \t ", " ", "\u2009", "\u3000"}
	inside := []string{"\u200B", "\u200D", "\u200C", "\u00AD", "\x01", "\u2060", "\x1f", "\uFEFF"}
	var out []byte
	lines := strings.Split(string(b), "\n")
	si, ii := 0, 0
	for n, line := range lines {
		if n > 0 {
			out = append(out, '\n')
		}
		if line == "" {
			if n%3 == 0 {
				out = append(out, " \t\u00A0"...) // a blank line is still blank
			}
			continue
		}
		out = append(out, "\u200B"...)
		var prev rune
		letters := 0
		for _, r := range line {
			switch {
			case r == ' ':
				out = append(out, spaces[si%len(spaces)]...)
				si++
				prev = r
				continue
			case isASCIILetter(r) && isASCIILetter(prev):
				letters++
				if letters%5 == 0 {
					out = append(out, inside[ii%len(inside)]...)
					ii++
				}
			}
			out = utf8.AppendRune(out, r)
			prev = r
		}
		out = append(out, " \t\u00A0\u200B "...)
	}
	return out
}

func isASCIILetter(r rune) bool { return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' }

// TestVariants checks that every dump in testdata gives exactly the same
// articles, however it was encoded or damaged.
func TestVariants(t *testing.T) {
	ignoreSource := cmpopts.IgnoreFields(Article{}, "Source")
	ran := map[string]int{}
	for _, path := range dumpFiles(t) {
		clean, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		want, err := Parse(bytes.NewReader(clean))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, v := range encodingVariants {
			damaged, enc, ok := v.make(clean)
			if !ok {
				t.Logf("%s: no %s variant (the text cannot be written that way)", filepath.Base(path), v.name)
				continue
			}
			ran[v.name]++
			t.Run(filepath.Base(path)+"/"+v.name, func(t *testing.T) {
				r := NewReader(bytes.NewReader(damaged))
				if got := r.Encoding(); enc != "" && len(clean) > 0 && got != enc {
					t.Errorf("Encoding() = %q, want %q", got, enc)
				}
				var got []Article
				for a, err := range r.All() {
					if err != nil {
						t.Fatal(err)
					}
					got = append(got, a)
				}
				if diff := cmp.Diff(want, got, ignoreSource, cmpopts.EquateEmpty()); diff != "" {
					t.Errorf("articles differ from the clean UTF-8 dump's (-clean +%s):\n%s", v.name, diff)
				}
				for _, a := range got {
					checkCleanText(t, a)
				}
			})
		}
	}
	// Every variant must have run on the samples and on cases with and
	// without non-ASCII text, or a skip rule has gone wrong.
	for _, v := range encodingVariants {
		if ran[v.name] < 3 {
			t.Errorf("variant %s ran on %d dumps only", v.name, ran[v.name])
		}
	}
}

// checkCleanText fails if a field of a is not valid, NFC, single-spaced,
// trimmed text free of control and invisible characters.
func checkCleanText(t *testing.T, a Article) {
	t.Helper()
	fields := []string{a.Title}
	for _, c := range a.Captions {
		fields = append(fields, c.Text, c.Credit)
	}
	fields = append(fields, a.Paragraphs...)
	for _, f := range fields {
		switch {
		case !utf8.ValidString(f):
			t.Errorf("invalid UTF-8 in %q", f)
		case !norm.NFC.IsNormalString(f):
			t.Errorf("not NFC: %q", f)
		case strings.Contains(f, "  ") || strings.TrimSpace(f) != f:
			t.Errorf("not single-spaced and trimmed: %q", f)
		case strings.ContainsFunc(f, func(r rune) bool {
			return r != ' ' && (unicodeIsSpace(r) || r < 0x20 || (r >= 0x7f && r < 0xa0) || invisible(r))
		}):
			t.Errorf("white space other than a space, control or invisible character in %q", f)
		}
	}
}

func unicodeIsSpace(r rune) bool { return strings.TrimSpace(string(r)) == "" }

func TestDetectEncoding(t *testing.T) {
	for _, tc := range []struct {
		name  string
		input string
		want  string
	}{
		{"empty", "", "UTF-8"},
		{"ASCII", "Title\n", "UTF-8"},
		{"UTF-8", "Blinken’s visit\n", "UTF-8"},
		{"UTF-8 cut at the end of the sniffed part", strings.Repeat("a", sniffLen-1) + "’", "UTF-8"},
		{"Windows-1252", "Blinken\x92s visit\n", "windows-1252"},
		{"UTF-32LE BOM", "\xff\xfe\x00\x00A\x00\x00\x00", "UTF-32LE"},
		{"UTF-32BE BOM", "\x00\x00\xfe\xffA\x00\x00\x00", "UTF-32BE"},
		{"UTF-32LE", "A\x00\x00\x00B\x00\x00\x00C\x00\x00\x00", "UTF-32LE"},
		{"UTF-32BE", "\x00\x00\x00A\x00\x00\x00B\x00\x00\x00C", "UTF-32BE"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := NewReader(strings.NewReader(tc.input)).Encoding(); got != tc.want {
				t.Errorf("Encoding() = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestUTF32(t *testing.T) {
	clean, err := os.ReadFile("testdata/one_article.txt")
	if err != nil {
		t.Fatal(err)
	}
	want, err := Parse(bytes.NewReader(clean))
	if err != nil {
		t.Fatal(err)
	}
	var b []byte
	b = append(b, 0xFF, 0xFE, 0, 0)
	for _, r := range string(clean) {
		b = append(b, byte(r), byte(r>>8), byte(r>>16), 0)
	}
	got, err := Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(Article{}, "Source")); diff != "" {
		t.Errorf("UTF-32 (-UTF-8 +UTF-32):\n%s", diff)
	}
}

// TestWithEncoding shows why the override exists: ISO-8859-2 text is read
// as Windows-1252 by detection, and right only when the user says so.
func TestWithEncoding(t *testing.T) {
	input, err := charmap.ISO8859_2.NewEncoder().String("Wałęsa in Łódź\n\nPolish text about Gdańsk.\nMore.")
	if err != nil {
		t.Fatal(err)
	}
	got, err := Parse(strings.NewReader(input), WithEncoding(charmap.ISO8859_2))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Title != "Wałęsa in Łódź" || got[0].Paragraphs[0] != "Polish text about Gdańsk." {
		t.Errorf("with ISO-8859-2: %+v", got)
	}
	r := NewReader(strings.NewReader(input), WithEncoding(charmap.ISO8859_2))
	if name := r.Encoding(); name != "ISO 8859-2" {
		t.Errorf("Encoding() = %q, want the forced encoding's name", name)
	}
	guessed, err := Parse(strings.NewReader(input))
	if err != nil {
		t.Fatal(err)
	}
	if len(guessed) != 1 || guessed[0].Title == got[0].Title {
		t.Errorf("detection read ISO-8859-2 right by chance; the test no longer shows the override: %+v", guessed)
	}

	// A forced UTF-16 still skips the byte-order mark and finds the lines.
	u16 := encodeWith(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), []byte("Title\n\nBody one.\nBody two."))
	got, err = Parse(bytes.NewReader(u16), WithEncoding(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Body one.", "Body two."}
	if len(got) != 1 || got[0].Title != "Title" || !cmp.Equal(got[0].Paragraphs, want) {
		t.Errorf("forced UTF-16: %+v", got)
	}
}

// TestSourceOffsets checks that Source points at the title's first byte in
// the input as it was, whatever the encoding.
func TestSourceOffsets(t *testing.T) {
	clean := []byte("Title One\n\nBody.\n\n\n\n \u00a0Title Two\n\nCap. (AFP)\nCap. (AFP)\nTT\n\nTitle Two\n\nBody two.")
	want := []string{"Title One", "Title Two"}
	for _, tc := range []struct {
		name string
		enc  encoding.Encoding
	}{
		{"UTF-8", encoding.Nop},
		{"Windows-1252", charmap.Windows1252},
		{"UTF-16LE", unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)},
		{"UTF-16BE", unicode.UTF16(unicode.BigEndian, unicode.UseBOM)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			input := encodeWith(tc.enc, clean)
			arts, err := Parse(bytes.NewReader(input))
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != len(want) {
				t.Fatalf("%d articles, want %d", len(arts), len(want))
			}
			for i, a := range arts {
				title := encodeWith(tc.enc, []byte(want[i]))
				if tc.name != "UTF-8" && tc.name != "Windows-1252" {
					title = title[2:] // no BOM inside the text
				}
				if !bytes.HasPrefix(input[a.Source.Offset:], title) {
					t.Errorf("article %d: Source.Offset %d does not point at %q", i, a.Source.Offset, want[i])
				}
			}
		})
	}
}

func TestBinaryInput(t *testing.T) {
	sample, err := os.ReadFile("testdata/one_article.txt")
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(sample)
	zw.Close()
	random := make([]byte, 10000)
	rand.New(rand.NewSource(1)).Read(random)
	for _, tc := range []struct {
		name, input, what string
	}{
		{"gzip", gz.String(), "gzip"},
		{"PNG", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"},
		{"JPEG", "\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"},
		{"PDF", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"},
		{"ZIP", "PK\x03\x04\x14\x00\x00\x00", "ZIP archive"},
		{"random bytes", string(random), "control bytes"},
		{"NUL bytes", strings.Repeat("\x00", 5000), "control bytes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			arts, err := Parse(strings.NewReader(tc.input), WithFile("junk.bin"))
			if len(arts) != 0 {
				t.Errorf("%d articles from binary input", len(arts))
			}
			var pe *ParseError
			if !errors.As(err, &pe) || !errors.Is(err, ErrBinary) {
				t.Fatalf("error %v, want a *ParseError wrapping ErrBinary", err)
			}
			if pe.File != "junk.bin" || pe.Line != 1 || pe.Offset != 0 || !strings.Contains(err.Error(), tc.what) {
				t.Errorf("error %q (line %d, offset %d): want junk.bin:1 naming %q", err, pe.Line, pe.Offset, tc.what)
			}
		})
	}

	// Binary junk after the part detection looks at: the articles before
	// it, then an error at the junk's line.
	text := strings.Repeat(string(sample)+"\n\n\n", 10)
	junkLine := strings.Count(text, "\n") + 1
	input := text + strings.Repeat("\x00\x01\x02\x03 junk ", 20) + "\nmore"
	arts, err := Parse(strings.NewReader(input), WithFile("mixed.txt"))
	var pe *ParseError
	if !errors.As(err, &pe) || !errors.Is(err, ErrBinary) || pe.Line != junkLine || pe.Offset != len(text) {
		t.Fatalf("error %v, want mixed.txt:%d at offset %d wrapping ErrBinary", err, junkLine, len(text))
	}
	if len(arts) != 10 || arts[0].Title != "Ministers Agree on Water Sharing Plan" {
		t.Errorf("articles before the junk: %d, first %+v", len(arts), arts[0])
	}

	// A line of nothing but control bytes, which the start of a line
	// drops, is binary too, not a blank line.
	input = text + "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13\nmore"
	if _, err := Parse(strings.NewReader(input), WithFile("mixed.txt")); !errors.As(err, &pe) || !errors.Is(err, ErrBinary) || pe.Line != junkLine {
		t.Errorf("a line of control bytes: error %v, want mixed.txt:%d wrapping ErrBinary", err, junkLine)
	}
}
