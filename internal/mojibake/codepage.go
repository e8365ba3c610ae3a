package mojibake

import (
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// codePage is one of the single-byte code pages that UTF-8 text is
// mistaken for. Mojibake is UTF-8 read in one of them: each byte of a
// multi-byte character became the character the code page has for it, so
// that "é" (C3 A9) shows as "Ã©" in Windows-1252, "Г©" in Windows-1251 and
// "√©" in MacRoman.
type codePage uint8

// The code pages, in the order ties between them are broken: the one that
// makes most of the world's mojibake first. ISO-8859-2 comes before
// Windows-1250, which shares most of its letters at other bytes: where
// both repair a line (Swedish "pĂĽ" is "på" in one and "pü" in the
// other), nothing in the text tells them apart.
const (
	cp1252    codePage = iota // Windows-1252, and ISO-8859-1 (Latin-1) with it
	cp1251                    // Windows-1251, Cyrillic
	macRoman                  // Mac OS Roman
	iso8859_2                 // ISO-8859-2, Central European
	cp1250                    // Windows-1250, Central European
	cp1257                    // Windows-1257, Baltic
	cp437                     // IBM PC code page 437, old DOS text
	numCodePages
)

var charmaps = [numCodePages]*charmap.Charmap{
	cp1252:    charmap.Windows1252,
	cp1251:    charmap.Windows1251,
	macRoman:  charmap.Macintosh,
	iso8859_2: charmap.ISO8859_2,
	cp1250:    charmap.Windows1250,
	cp1257:    charmap.Windows1257,
	cp437:     charmap.CodePage437,
}

// highChars[c][b-0x80] is the character byte b stands for in code page c.
var highChars [numCodePages][128]rune

// Roles of a character, one bit per code page in each field: what byte of
// UTF-8 the character stands for in the code pages that have it. A run of
// characters is a candidate for repair in a code page when a lead's bit is
// set for it and the right number of continuations' bits follow.
type roles uint64

const (
	imageShift = 8 * iota // the code page has the character at all
	contShift             // it stands for a continuation byte, 0x80 to 0xBF
	lead2Shift            // a lead byte of a two-byte sequence, 0xC2 to 0xDF
	lead3Shift            // ... of a three-byte sequence, 0xE0 to 0xEF
	lead4Shift            // ... of a four-byte sequence, 0xF0 to 0xF4
	spaceShift            // a lead byte whose 0xA0 a scraper may have made a space (see a0Leads)
)

func (r roles) field(shift int) uint8 { return uint8(r >> shift) }

// a0Leads are the lead bytes after which a space may stand for a lost 0xA0
// byte: in most of these code pages 0xA0 is the no-break space, which
// scrapers turn into a space, so that "à" (C3 A0) read as Windows-1252
// shows as "Ã ". They are the leads whose A0 sequence is a common
// character: à, a no-break space (C2 A0), Š, Greek Π, Cyrillic Р, the
// Arabic-Indic digit zero.
var a0Leads = [...]byte{0xC2, 0xC3, 0xC5, 0xCE, 0xD0, 0xD9}

// charInfo is what the tables hold for one character.
type charInfo struct {
	roles roles
	bytes [numCodePages]byte // the byte it stands for in each code page that has it
}

// infoPages holds charInfo for the characters of the Basic Multilingual
// Plane that some code page has, 256 to a page; pages no code page
// reaches are nil.
var infoPages [256]*[256]charInfo

// lostByte is the byte a U+FFFD stands for in a run: a byte that was lost
// on the way (see the lossy repair in fix.go). It is ASCII SUB, which no
// run holds otherwise.
const lostByte = 0x1A

func init() {
	for c := codePage(0); c < numCodePages; c++ {
		for b := 0x80; b < 0x100; b++ {
			r := charmaps[c].DecodeByte(byte(b))
			if r == utf8.RuneError {
				r = rune(b)
			}
			highChars[c][b-0x80] = r
			addRole(r, c, byte(b))
		}
	}
	// Windows-1252 stands for ISO-8859-1 too, whose bytes 0x80 to 0x9F are
	// the C1 controls: UTF-8 read as Latin-1 has them where Windows-1252
	// would have quotes and dashes ("â\u0080\u0099" for "’").
	for b := 0x80; b < 0xA0; b++ {
		addRole(rune(b), cp1252, byte(b))
	}
	// A U+FFFD is a continuation byte that was lost: in Windows-1252, the
	// undefined bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D, which a strict
	// decoder turned into U+FFFD ("â€\uFFFD" for "”").
	info := pageOf(utf8.RuneError)
	info.roles |= 1<<cp1252<<imageShift | 1<<cp1252<<contShift
	info.bytes[cp1252] = lostByte
}

func pageOf(r rune) *charInfo {
	p := infoPages[r>>8]
	if p == nil {
		p = new([256]charInfo)
		infoPages[r>>8] = p
	}
	return &p[r&0xFF]
}

func addRole(r rune, c codePage, b byte) {
	info := pageOf(r)
	if info.roles>>imageShift&(1<<c) != 0 {
		return // the code page's own character for b came first
	}
	bit := roles(1) << c
	info.bytes[c] = b
	info.roles |= bit << imageShift
	switch {
	case b < 0xC0:
		info.roles |= bit << contShift
	case 0xC2 <= b && b <= 0xDF:
		info.roles |= bit << lead2Shift
		for _, l := range a0Leads {
			if b == l && highChars[c][0x20] == '\u00a0' {
				info.roles |= bit << spaceShift
			}
		}
	case 0xE0 <= b && b <= 0xEF:
		info.roles |= bit << lead3Shift
	case 0xF0 <= b && b <= 0xF4:
		info.roles |= bit << lead4Shift
	}
}

// infoOf returns the tables' entry for r, or nil when no code page has r.
func infoOf(r rune) *charInfo {
	if r >= 0x10000 {
		return nil
	}
	p := infoPages[r>>8]
	if p == nil {
		return nil
	}
	return &p[r&0xFF]
}

// rolesOf returns the roles of r, none for a character no code page has.
func rolesOf(r rune) roles {
	if info := infoOf(r); info != nil {
		return info.roles
	}
	return 0
}
